#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end test of the donation ledger, driven through the accessibility
# tree as a person would use the app: in a new, empty database, sees the
# empty ledger, creates a drive with a money goal and a goods goal, sees
# an amount that is not one and a zero amount refused in the dialog
# with nothing recorded, records a money gift and a goods gift for the
# drive, corrects the money gift (the reversal and the new entry both stay
# visible), gives out some of the goods to households, is refused a date
# after today and asked before giving out more than is on hand, or before
# correcting down or voiding goods received that were given out, and reads the
# drive's progress, the balance (in the reports, by currency and by
# drive), the goods on hand and the independence figures. Amounts are
# typed with their currency, EUR; the app writes them in the locale.
#
# Usage: test-ledger.py PATH-TO-GROUNDWORK
#
# Needs a display and a D-Bus session bus (the suite runs under
# `xvfb-run -a dbus-run-session`); see e2e.py for what the tests share and
# the GTK 4.8 accessibility quirks they work around.

import locale
import os
import sys
from datetime import date

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import e2e  # noqa: E402
from e2e import (ancestors, choose_in_combo, click, close_window, fail, find_all, find_button, focused,  # noqa: E402
                 note, press, safe, set_text, show_view, step, texts, wait_for, wait_for_text,
                 wait_window_gone, window)

CURRENCY = 'EUR'
DRIVE = 'Winter coat drive'
DONOR = 'Dana Whitfield'
MEMO = 'Gift at the spring potluck'
REASON = 'The envelope held 75, not 50'
ITEM = 'Coats'
NEED = 'Winter clothing'


def money(minor):
    """An amount as the app writes it, in the locale's format ("75.00 EUR").
    The amounts here are below a thousand: no grouping."""
    conv = locale.localeconv()
    point = conv.get('mon_decimal_point') or conv.get('decimal_point') or '.'
    sign = '-' if minor < 0 else ''
    return f'{sign}{abs(minor) // 100}{point}{abs(minor) % 100:02d} {CURRENCY}'


def first(root, description, pred):
    return wait_for(description, lambda: (find_all(root, pred) or [None])[0])


def common_parent(a, b):
    chain = ancestors(b)
    for node in ancestors(a):
        if node in chain:
            return node
    fail('The two widgets are in different windows')


def ledger_page(main):
    """The ledger page alone: the nearest parent of its “Record Goods…”
    button and its table. Searching it instead of the whole window saves
    many round trips."""
    return common_parent(find_button(main, 'Record Goods…'), entries_table(main))


def entries_table(root):
    return first(root, 'the table of ledger entries',
                 lambda n: n.roleName == 'tree table' and n.name == 'Ledger entries, newest first')


def section(ledger, title):
    """The section of the ledger titled title (“Drives”, “Reports”, …),
    shown with the ledger's own stack switcher."""
    show_view(ledger, title)
    return first(ledger, f'the “{title}” section', lambda n: n.roleName == 'panel' and n.name == title)


def count_reads(ledger, count):
    wait_for_text(ledger, f'{count} entries' if count != 1 else '1 entry')


def progress_reads(drives, goals):
    """The drive's progress bars, one a goal, named with what they show."""
    drive = first(drives, f'the drive “{DRIVE}”',
                  lambda n: n.roleName == 'list item' and DRIVE in texts(n))
    wait_for(f'the progress of “{DRIVE}” to read {goals}',
             lambda: [n.name for n in find_all(drive, lambda n: n.roleName == 'progress bar')] == goals)
    note(f'the progress of “{DRIVE}” reads {", ".join(goals)}')


def focus_on(root, target, key, description):
    """Moves the keyboard focus with key until it is on target or inside it.
    (GTK 4.8 cannot move the focus through the accessibility tree.)"""
    for _ in range(30):
        if any(n == target for n in e2e.ancestors_of_focus(root)):
            return
        press(key)
    fail(f'The keyboard cannot reach {description} (focus is on {e2e.describe(focused(root))})')


def choose_below(dialog, title, choice):
    """Picks choice in the combo row titled title, below the focus."""
    combo = first(dialog, f'the “{title}” choice', lambda n: n.roleName == 'combo box' and n.name == title)
    focus_on(dialog, combo, 'Down', f'the “{title}” choice')
    choose_in_combo(dialog, title, choice)


def scenario(app, workdir):
    locale.setlocale(locale.LC_ALL, '')
    main = e2e.window(app, 'Groundwork', 'the main window')
    show_view(main, 'Ledger')
    ledger = ledger_page(main)
    table = entries_table(ledger)

    step('The empty ledger invites to record the first gift')
    wait_for_text(ledger, 'Record the First Gift')
    count_reads(ledger, 0)
    drives = section(ledger, 'Drives')
    wait_for_text(drives, 'No drives yet. A drive gathers gifts toward goals, like 60 coats '
                  'or 2,000 in money, and shows the progress.')
    goods = section(ledger, 'Goods on Hand')
    wait_for_text(goods, 'No goods received yet.')
    reports = section(ledger, 'Reports')
    wait_for_text(reports, 'No money recorded yet.')

    step(f'Create the drive “{DRIVE}” with a money goal and a goods goal')
    drives = section(ledger, 'Drives')
    click(drives, 'New Drive…')
    dialog = window(app, 'New Drive')
    set_text(dialog, 'Name, like “Winter Coat Drive”', DRIVE)
    click(dialog, 'Add Money Goal')
    set_text(dialog, 'Amount', '200.00')
    set_text(dialog, 'Currency', CURRENCY)
    click(dialog, 'Add Goods Goal')
    set_text(dialog, 'Quantity', '50')
    set_text(dialog, 'Item, like “Coats”', ITEM)
    click(dialog, 'Create')
    wait_window_gone(dialog, 'New Drive')
    wait_for_text(drives, DRIVE)
    progress_reads(drives, [f'{money(0)} of {money(20000)}', f'0 of 50 {ITEM}'])

    step('An amount that is not one, or zero, is refused in the dialog and nothing is recorded')
    show_view(ledger, 'Entries')
    click(ledger, 'Record Money…')
    dialog = window(app, 'Record Money')
    set_text(dialog, 'Amount', 'abc')
    set_text(dialog, 'Currency', CURRENCY)
    click(dialog, 'Record')
    refused = wait_for_text(dialog, '“abc” is not an amount of money. Type it like 12.50 or 12,50.')
    note(f'the dialog says “{refused}”')
    set_text(dialog, 'Amount', '0')
    click(dialog, 'Record')
    refused = wait_for_text(dialog, 'The amount must be more than zero.')
    note(f'the dialog says “{refused}”')
    count_reads(ledger, 0)
    if entry_rows(table):
        fail(f'A refused amount was recorded: {entry_rows(table)}')

    step(f'Record a gift of {money(5000)} from {DONOR} for the drive')
    set_text(dialog, 'Amount', '50.00')
    choose_below(dialog, 'From or to', 'Someone outside')
    set_text(dialog, 'Name of the donor or recipient', DONOR)
    choose_below(dialog, 'Drive', DRIVE)
    set_text(dialog, 'Memo', MEMO)
    set_text(dialog, 'Recorded by', 'Amara Okafor')
    click(dialog, 'Record')
    wait_window_gone(dialog, 'Record Money')
    count_reads(ledger, 1)
    gift = entry_reads(table, 1, ['Received', money(5000), '', DONOR, 'Individual', DRIVE, MEMO])
    progress_reads(section(ledger, 'Drives'), [f'{money(5000)} of {money(20000)}', f'0 of 50 {ITEM}'])

    step(f'Record a gift of 20 {ITEM} for the drive')
    show_view(ledger, 'Entries')
    click(ledger, 'Record Goods…')
    dialog = window(app, 'Record Goods')
    set_text(dialog, 'Item, like “Winter coats”', ITEM)
    set_text(dialog, 'Quantity (a whole number)', '20')
    choose_below(dialog, 'Drive', DRIVE)
    click(dialog, 'Record')
    wait_window_gone(dialog, 'Record Goods')
    count_reads(ledger, 2)
    coats_gift = entry_reads(table, 2, ['Received', f'20 {ITEM}', '', 'Anonymous', 'Individual', DRIVE, ''])
    progress_reads(section(ledger, 'Drives'), [f'{money(5000)} of {money(20000)}', f'20 of 50 {ITEM}'])

    step(f'Correct the money gift to {money(7500)}')
    show_view(ledger, 'Entries')
    activate_entry(ledger, table, gift)
    dialog = window(app, 'Correct Entry')
    wait_for_text(dialog, 'The ledger never changes an entry. Saving records an entry reversing this one '
                  'and the corrected entry; both stay visible.')
    set_text(dialog, 'Amount', '75.00')
    click(dialog, 'Save Correction')
    wait_for_text(dialog, 'Say why the entry is corrected: the reason stays in the ledger.',
                  'the dialog to ask for the reason first')
    set_text(dialog, 'Reason for the correction (required)', REASON)
    click(dialog, 'Save Correction')
    wait_window_gone(dialog, 'Correct Entry')
    count_reads(ledger, 4)
    # The reversal, marked in red, and the new entry, both linked to the
    # gift, which stays in the table, struck through.
    # The correction column shows arrows (“→ #3”); the whole sentence is
    # in the tooltip and what a screen reader reads.
    entry_reads(table, 1, ['Received', money(5000), 'Corrected by #3', DONOR, 'Individual', DRIVE, MEMO])
    entry_reads(table, 3, ['Received', money(-5000), 'Reverses #1', DONOR, 'Individual', DRIVE, REASON])
    entry_reads(table, 4, ['Received', money(7500), 'Replaces #1', DONOR, 'Individual', DRIVE, MEMO])
    progress_reads(section(ledger, 'Drives'), [f'{money(7500)} of {money(20000)}', f'20 of 50 {ITEM}'])

    step(f'Give out 8 {ITEM} to 5 households')
    show_view(ledger, 'Entries')
    click(ledger, 'Record Goods…')
    dialog = window(app, 'Record Goods')
    # The direction is just above the item, where the dialog starts.
    choose_in_combo(dialog, 'Direction', 'Given out')
    set_text(dialog, 'Item, like “Winter coats”', ITEM)
    set_text(dialog, 'Quantity (a whole number)', '8')
    set_text(dialog, 'Need category, like “Food” or “Winter clothing”', NEED)
    set_text(dialog, 'Households helped (optional)', '5')
    click(dialog, 'Record')
    wait_window_gone(dialog, 'Record Goods')
    count_reads(ledger, 5)
    entry_reads(table, 5, ['Given out', f'8 {ITEM}', '', 'Anonymous', f'{NEED}, 5 households', '', ''])

    step(f'A date after today, or one not in the calendar, is refused; giving out more {ITEM} than are '
         'on hand is asked about, and nothing is recorded')
    click(ledger, 'Record Goods…')
    dialog = window(app, 'Record Goods')
    choose_in_combo(dialog, 'Direction', 'Given out')
    set_text(dialog, 'Item, like “Winter coats”', ITEM)
    set_text(dialog, 'Quantity (a whole number)', '500')
    set_text(dialog, 'Date (YYYY-MM-DD)', '2126-11-01')
    click(dialog, 'Record')
    refused = wait_for_text(dialog, '2126-11-01 is after today. Entries are recorded once they have '
                            'happened: use today’s date or an earlier one.')
    note(f'the dialog says “{refused}”')
    set_text(dialog, 'Date (YYYY-MM-DD)', '2024-02-30')
    click(dialog, 'Record')
    refused = wait_for_text(dialog, '“2024-02-30” is not a real date. Write the date as YYYY-MM-DD.')
    note(f'the dialog says “{refused}”')
    set_text(dialog, 'Date (YYYY-MM-DD)', date.today().isoformat())
    click(dialog, 'Record')
    question = window(app, 'More Than Is on Hand?')
    wait_for_text(question, f'Only 12 {ITEM} are on hand. Record 500 {ITEM} given out anyway? '
                  'Entries cannot be changed afterwards, only corrected.')
    note(f'the app asks: {" ".join(texts(question))}')
    click(question, 'Cancel')
    wait_window_gone(question, 'More Than Is on Hand?')
    count_reads(ledger, 5)
    close_window(dialog, 'Record Goods', 'Cancel')
    count_reads(ledger, 5)

    step(f'Correcting the {ITEM} received down to 6, or voiding them, would take away more than are on '
         'hand: both are asked about, and nothing is recorded')
    activate_entry(ledger, table, coats_gift)
    dialog = window(app, 'Correct Entry')
    set_text(dialog, 'Reason for the correction (required)', 'Counted twice')
    set_text(dialog, 'Quantity (a whole number)', '6')
    click(dialog, 'Save Correction')
    question = window(app, 'More Than Is on Hand?')
    wait_for_text(question, f'Only 12 {ITEM} are on hand. The correction takes 14 {ITEM} away. Record it '
                  'anyway? Entries cannot be changed afterwards, only corrected.')
    note(f'the app asks: {" ".join(texts(question))}')
    click(question, 'Cancel')
    wait_window_gone(question, 'More Than Is on Hand?')
    click(dialog, 'Void')
    question = window(app, 'More Than Is on Hand?')
    wait_for_text(question, f'Only 12 {ITEM} are on hand. Voiding the entry takes 20 {ITEM} away. Void it '
                  'anyway? A voided entry cannot be corrected afterwards.')
    note(f'the app asks: {" ".join(texts(question))}')
    click(question, 'Cancel')
    wait_window_gone(question, 'More Than Is on Hand?')
    count_reads(ledger, 5)
    close_window(dialog, 'Correct Entry', 'Cancel')
    count_reads(ledger, 5)

    step('The drive’s progress counts the corrected gift and the goods received')
    drives = section(ledger, 'Drives')
    progress_reads(drives, [f'{money(7500)} of {money(20000)}', f'20 of 50 {ITEM}'])
    wait_for_text(drives, '4 entries', 'the drive to count the money gift, its reversal, the new entry '
                  'and the goods gift')

    step(f'12 {ITEM} are on hand')
    goods = section(ledger, 'Goods on Hand')
    coats = first(goods, f'the {ITEM} on hand', lambda n: n.roleName == 'list item' and n.name == ITEM)
    wait_for(f'the {ITEM} to read 12 on hand, received 20, given out 8',
             lambda: texts(coats) == [ITEM, 'Received 20 · given out 8', '12'])
    note(f'the goods on hand read {" | ".join(texts(coats))}')

    step(f'The balance is {money(7500)}')
    reports = section(ledger, 'Reports')
    balances = [CURRENCY, money(7500), money(0), money(0), money(7500)]

    def balance_row():
        shown = texts(reports)
        at = shown.index('Balances, All Time')
        return shown[at:at + 11] == ['Balances, All Time', 'Currency', 'Received', 'Given out', 'Spent',
                                     'Balance'] + balances and shown[at:at + 11]
    note(f'the balances read {" | ".join(wait_for(f"the balance to read {money(7500)}", balance_row))}')

    def drive_row():
        shown = texts(reports)
        at = shown.index('By Drive, All Time')
        return DRIVE in shown[at:] and shown[shown.index(DRIVE, at):][:5]
    by_drive = wait_for('the report by drive', drive_row)
    if by_drive != [DRIVE, money(7500), money(0), money(0), money(7500)]:
        fail(f'The report by drive reads {by_drive}')
    note(f'the report by drive reads {" | ".join(by_drive)}')

    step('The independence figures name the one source')
    independence = section(ledger, 'Independence')
    wait_for_text(independence, f'{money(7500)} received')
    wait_for_text(independence, f'Largest single source: {DONOR}, 100 % ({money(7500)})')


def entry_rows(table):
    """The cells of the table's rows, newest first, without the header."""
    rows = find_all(table, lambda n: n.roleName == 'table row')
    # GTK 4.8 names an empty label after its type.
    return [[c if c != 'GtkLabel' else '' for c in cells]
            for cells in (texts(r) for r in rows) if cells and cells[0].startswith('#')]


def entry_reads(table, number, cells):
    """Waits for entry number to read cells (from its direction on, the
    date left out), and returns its row's cells."""
    def shown():
        for line in entry_rows(table):
            if line[0] == f'#{number}' and line[2:] == cells:
                return line
        return None
    line = wait_for(f'entry #{number} to read {" | ".join(cells)}', shown)
    note(f'entry {" | ".join(line)}')
    return line


def activate_entry(ledger, table, cells):
    """Activates the entry whose row reads cells with the keyboard, as a
    person would (GTK 4.8 gives the rows of a column view no action)."""
    def focused_row():
        # Only the table is searched: the whole page would take many
        # round trips at each key.
        for n in focused(table):
            for a in ancestors(n):
                if safe(lambda: a.roleName) == 'table row':
                    return a
        return None
    for tabs in range(30):
        if focused_row() is not None:
            note(f'the keyboard reached the table with {tabs} Tab key presses')
            break
        press('Tab')
    else:
        fail(f'The keyboard cannot reach the table of entries (focus is on {e2e.describe(focused(ledger))})')
    for _ in range(len(entry_rows(table)) * 2 + 2):
        current = [c if c != 'GtkLabel' else '' for c in texts(focused_row())]
        if current[:1] == cells[:1]:
            break
        press('Down' if int(current[0][1:]) > int(cells[0][1:]) else 'Up')
    else:
        fail(f'The keyboard cannot reach entry {cells[0]}')
    note(f'activate entry {cells[0]}')
    press('Return')


if __name__ == '__main__':
    sys.exit(e2e.run('ledger', scenario, ['--database', '{workdir}/ledger.groundwork']))
