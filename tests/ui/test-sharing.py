#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end test of sharing, driven through the accessibility tree as a
# person would use the app: in a new database with one person on the
# roster, imports a spreadsheet (chosen in the real file chooser), says
# what its unknown column holds, sees a row flagged as the same phone as
# the person already there, imports the rest and finds the new people on
# the roster; then exports a counts-only file for another chapter and
# checks that it exists and that only its owner can read it. Last, exports
# the roster without contact details, adds a person to that file as another
# chapter would, imports it back through the preview and finds the person
# on the roster.
#
# Usage: test-sharing.py PATH-TO-GROUNDWORK
#
# Needs a display and a D-Bus session bus (the suite runs under
# `xvfb-run -a dbus-run-session`); see e2e.py for what the tests share and
# the GTK 4.8 accessibility quirks they work around.

import json
import os
import stat
import sys
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import e2e  # noqa: E402
from e2e import (click, fail, find_all, find_button, menu_item, note,  # noqa: E402
                 press, set_text, show_view, step, texts, wait_for, wait_for_text,
                 wait_window_gone, window)

ANA = 'Ana Pérez'
ANA_PHONE = '555-0101'
# The second row has Ana's phone written another way; "Prefers" is a
# heading Groundwork does not know, so the person maps it.
SPREADSHEET = (
    'Name,Prefers,Phone,E-mail,Barrio\r\n'
    'Luis Gómez,Lucho,555-0202,luis@example.org,Eastside\r\n'
    'A. Perez,,(555) 0101,,Eastside\r\n'
    'Mai Tran,,555-0303,mai@example.org,Riverside\r\n'
)
NEW_PEOPLE = ['Luis Gómez', 'Mai Tran']
# The person another chapter adds to the file this one shared with it.
NEWCOMER = 'Rosa Díaz'


def first(root, description, pred):
    return wait_for(description, lambda: (find_all(root, pred) or [None])[0])


def choose_file(app, title, path):
    """Picks path in GTK's own file chooser (what GtkFileChooserNative shows
    without a portal): Ctrl+L opens its location field, which takes a
    whole path."""
    from dogtail import rawinput
    chooser = window(app, title)
    rawinput.keyCombo('<Control>l')
    location = first(chooser, 'the file chooser’s location field',
                     lambda n: n.roleName in ('text', 'entry') and 'editable' in
                     str(n.getState().getStates()).lower())
    note(f'type “{path}” into the file chooser')
    location.text = path
    time.sleep(0.3)
    press('Return')
    wait_window_gone(chooser, title)


def save_file(app, title, path):
    """Names the file to save in GTK's own file chooser: its Name field
    takes a whole path."""
    chooser = window(app, title)
    name = first(chooser, 'the file chooser’s Name field',
                 lambda n: n.roleName in ('text', 'entry') and n.name in ('Name', 'Name:'))
    note(f'type “{path}” into the Name field')
    name.text = path
    time.sleep(0.3)
    click(chooser, 'Export')
    wait_window_gone(chooser, title)


def toast_shown(main, text):
    """Waits for a toast saying text. A toast lasts a few seconds and sits
    near the top of the window's tree, so only the first levels are
    searched: the whole window would take longer than the toast lives."""
    def shallow_labels():
        level = [main]
        for _ in range(6):
            below = []
            for node in level:
                below.extend(c for c in e2e.safe(lambda: list(node.children), []) if c is not None)
            for node in below:
                if e2e.safe(lambda: node.roleName) == 'label' and e2e.safe(lambda: node.name) == text:
                    return node
            # The pages of the window are left out: the toast is beside them.
            level = [n for n in below if e2e.safe(lambda: n.roleName) not in e2e.LEAVES
                     and e2e.safe(lambda: n.name) != 'GtkStackPage']
        return None
    wait_for(f'the toast “{text}”', shallow_labels, timeout=10)
    note(f'the toast says “{text}”')


def tab_to(root, node):
    """Moves the keyboard focus to node with the Tab key, as a person
    would (GTK 4.8 cannot move it through the accessibility tree)."""
    for _ in range(30):
        if any(n == node for n in e2e.ancestors_of_focus(root)):
            return
        press('Tab')
    fail(f'The keyboard cannot reach {e2e.describe([node])} (focus is on {e2e.describe(e2e.focused(root))})')


def column_choice(sheet, heading):
    return first(sheet, f'the “{heading}” column',
                 lambda n: n.roleName == 'combo box' and n.name == heading)


def choose_for_column(sheet, heading, current, choice):
    """Says what a column holds with the keyboard: Tab to its row, open
    its list with Space, go down to the choice and take it with Return.
    (The row's samples are written under its heading, so e2e's
    choose_in_combo, which expects the choice alone, does not fit.)"""
    import pyatspi
    combo = column_choice(sheet, heading)
    wait_for(f'“{heading}” to read “{current}”', lambda: current in texts(combo))
    tab_to(sheet, combo)
    note(f'choose “{choice}” for “{heading}”')
    press('space')

    def popup_items():
        return [n for n in e2e.walk(combo) if n.roleName == 'list item'
                and e2e.safe(lambda: n.parent.parent.roleName) == 'scroll pane']
    items = wait_for(f'the list of choices of “{heading}” to open', popup_items)
    names = [' '.join(texts(n)) for n in items]
    if choice not in names or current not in names:
        fail(f'“{choice}” is not among the choices for “{heading}”: {names}')

    def focused_item():
        now = [' '.join(texts(n)) for n in popup_items() if e2e.state_has(n, pyatspi.STATE_FOCUSED)]
        return now[0] if len(now) == 1 and now[0] in names else None

    # One key at a time, each waited for: the focus is reported late, and
    # keys pressed ahead of it overshoot.
    now = wait_for(f'a choice of “{heading}” to have the focus', focused_item)
    for _ in range(len(names) + 1):
        if now == choice:
            break
        press('Up' if names.index(choice) < names.index(now) else 'Down')
        before = now
        now = wait_for('the focus to move in the list', lambda: (focused_item() or before) != before
                       and focused_item())
    else:
        fail(f'The keyboard cannot reach “{choice}” in the list of “{heading}”')
    press('Return')
    wait_for(f'“{heading}” to read “{choice}”', lambda: not popup_items() and choice in texts(combo))


def scenario(app, workdir):
    main = window(app, 'Groundwork')
    show_view(main, 'Roster')

    step(f'Add {ANA}, who is on the roster before the spreadsheet comes')
    click(main, 'Add Member')
    dialog = window(app, 'Add Member')
    set_text(dialog, 'Full name', ANA)
    set_text(dialog, 'Phone', ANA_PHONE)
    click(dialog, 'Add')
    wait_window_gone(dialog, 'Add Member')
    click(main, 'Back to the Roster')

    step('Import a spreadsheet from the roster’s menu')
    path = os.path.join(workdir, 'sign-up sheet.csv')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(SPREADSHEET)
    click(main, 'Import and Export')
    menu_item(main, 'Import Spreadsheet…')
    choose_file(app, 'Choose a Spreadsheet', path)
    sheet = window(app, 'Import a Spreadsheet')

    step('Map the columns: the known headings are guessed, “Prefers” is chosen')
    for heading, field in (('Name', 'Full name'), ('Phone', 'Phone'), ('E-mail', 'Email'),
                           ('Barrio', 'Neighbourhood')):
        combo = column_choice(sheet, heading)
        wait_for(f'“{heading}” to be read as “{field}”', lambda: field in texts(combo))
        note(f'“{heading}” is read as “{field}”')
    wait_for_text(sheet, 'Luis Gómez, A. Perez, Mai Tran', 'the sample names under “Name”')
    choose_for_column(sheet, 'Prefers', 'Do not import', 'Community name')
    click(sheet, 'Check')

    step('See the row with Ana’s phone flagged, and the two others to be added')
    wait_for_text(sheet, f'Same phone as {ANA}')
    wait_for_text(sheet, '2 people will be added. 1 row will be left out.')
    click(sheet, 'Import')
    wait_window_gone(sheet, 'Import a Spreadsheet')
    toast_shown(main, 'Added 2 people')

    step('Find the new people on the roster')
    wait_for_text(main, '3 people')
    for name in NEW_PEOPLE:
        wait_for(f'{name} on the roster',
                 lambda: find_all(main, lambda n: n.roleName == 'label' and n.name == name))
        note(f'{name} is on the roster')

    step('Export counts only for another chapter')
    click(main, 'Main Menu')
    menu_item(main, 'Export for Another Chapter…')
    export = window(app, 'Export for Another Chapter')
    counts = first(export, 'the “Counts only” choice',
                   lambda n: n.roleName in ('check box', 'radio button')
                   and n.name.startswith('Counts only'))
    # GTK 4.8 gives a check button no action: it is chosen with the keyboard.
    tab_to(export, first(export, 'the “Counts only” row',
                         lambda n: n.roleName == 'list item' and n.name == 'Counts only'))
    press('space')
    import pyatspi
    wait_for('“Counts only” to be chosen', lambda: e2e.state_has(counts, pyatspi.STATE_CHECKED))
    click(export, 'Export…')
    exported = os.path.join(workdir, 'summary for the eastside chapter.json')
    save_file(app, 'Save the File for Another Chapter', exported)
    wait_window_gone(export, 'Export for Another Chapter')
    toast_shown(main, 'Exported to “summary for the eastside chapter.json”')

    step('Check the file: there, readable only by its owner, and counts only')
    mode = stat.S_IMODE(os.stat(exported).st_mode)
    if mode != 0o600:
        fail(f'The exported file has mode {mode:o}, not 600')
    with open(exported, encoding='utf-8') as f:
        data = json.load(f)
    if data.get('format') != 'groundwork-exchange':
        fail(f'The exported file is not an exchange file: {list(data)[:5]}')
    text = json.dumps(data, ensure_ascii=False)
    for secret in [ANA, ANA_PHONE] + NEW_PEOPLE:
        if secret in text:
            fail(f'The counts-only export names “{secret}”')
    note(f'{os.path.basename(exported)}: mode 600, {len(text)} characters, no names or phones')

    step('Export the roster for another chapter, without contact details (the default)')
    click(main, 'Main Menu')
    menu_item(main, 'Export for Another Chapter…')
    export = window(app, 'Export for Another Chapter')
    click(export, 'Export…')
    shared = os.path.join(workdir, 'for the eastside chapter.json')
    save_file(app, 'Save the File for Another Chapter', shared)
    wait_window_gone(export, 'Export for Another Chapter')
    toast_shown(main, 'Exported to “for the eastside chapter.json”')
    with open(shared, encoding='utf-8') as f:
        data = json.load(f)
    if ANA_PHONE in json.dumps(data, ensure_ascii=False):
        fail('The export without contact details has Ana’s phone in it')

    step(f'The other chapter adds {NEWCOMER} and sends the file back')
    # A copy of a person there, under a new identity and name.
    newcomer = dict(data['members'][0])
    newcomer['uuid'] = str(uuid.uuid4())
    newcomer['full_name'] = NEWCOMER
    newcomer['recruited_by'] = None
    data['members'].append(newcomer)
    # And gives Ana pronouns, in a change older than ours: ours are kept.
    ana = next(m for m in data['members'] if m['full_name'] == ANA)
    ana['pronouns'] = 'she/her'
    ana['updated'] = '2000-01-01T00:00:00Z'
    back = os.path.join(workdir, 'from the eastside chapter.json')
    with open(back, 'w', encoding='utf-8') as f:
        json.dump(data, f, ensure_ascii=False)

    step('Import it: the preview shows one new person and a conflict over Ana')
    click(main, 'Main Menu')
    menu_item(main, 'Import from Another Chapter…')
    choose_file(app, 'Choose a File from Another Chapter', back)
    preview = window(app, 'Import from Another Chapter')
    wait_for_text(preview, 'What Would Change')
    people = first(preview, 'the People row of the preview',
                   lambda n: n.roleName in ('list item', 'label') and n.name.startswith('People'))
    wait_for('the People row to count one new record',
             lambda: any('1 new record' in t for t in texts(people.parent) + [people.name]))
    note('the preview counts 1 new record among the people')
    wait_for_text(preview, 'Differs in: Pronouns')
    note(f'the conflict over {ANA} says what differs')
    click(preview, 'Import')
    wait_window_gone(preview, 'Import from Another Chapter')
    toast_shown(main, 'Imported 1 new record')
    show_view(main, 'Roster')
    wait_for_text(main, '4 people')
    wait_for(f'{NEWCOMER} on the roster',
             lambda: find_all(main, lambda n: n.roleName == 'label' and n.name == NEWCOMER))
    note(f'{NEWCOMER} is on the roster, and Ana’s phone is still there')
    wait_for_text(main, ANA_PHONE, exact=False)


if __name__ == '__main__':
    sys.exit(e2e.run('sharing', scenario, ['--database', '{workdir}/sharing.groundwork']))
