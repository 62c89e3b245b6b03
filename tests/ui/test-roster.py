#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end test of the roster, driven through the accessibility tree as a
# person would use the app: writes the points of unity, adds a member,
# records their agreement, sees their promotion refused while the checklist
# is not met (two study sessions by default) and then refused again when it
# skips a stage, leaves study sessions out of what becoming Member requires,
# promotes them to Member, and finds them by search on the Roster page. On
# the Secretary page, Add to Pool first explains that nobody can take a turn
# yet, then, once she is a Member, finds her.
#
# Usage: test-roster.py PATH-TO-GROUNDWORK
#
# Needs a display and a D-Bus session bus (the suite runs under
# `xvfb-run -a dbus-run-session`); see e2e.py for what the tests share and
# the GTK 4.8 accessibility quirks they work around.

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import e2e  # noqa: E402
from e2e import (ancestors, choose_in_combo, click, close_window, fail, find_all, find_button,  # noqa: E402
                 note, open_preferences, row, set_text, show_view, step, texts, wait_for,
                 wait_for_no_text, wait_for_text, wait_window_gone, window)

UNITY = 'We organize together. We decide together. An injury to one is an injury to all.'
NAME = 'Rosa Quintero-Baptiste'
OTHER = 'Tomasz Wielgosz'


def main_pages(main):
    """The main page (the header and the view stack: dashboard, roster, …)
    and the member's page of the main window: the children of the leaflet
    holding both, found as the last parents that the “Add Member” and “Back
    to the Roster” buttons do not share. Searching one page instead of the
    whole window saves many round trips."""
    main_chain = ancestors(find_button(main, 'Add Member'))
    member_chain = ancestors(find_button(main, 'Back to the Roster'))
    for depth in range(1, min(len(main_chain), len(member_chain)) + 1):
        if main_chain[-depth] != member_chain[-depth]:
            return main_chain[-depth], member_chain[-depth]
    fail('The main page and the member’s page are not two pages of the main window')


def roster_page(main_page):
    """The Roster page alone, without the dashboard that shares its empty
    state: the nearest parent of both the roster's search field and its
    table."""
    search_chain = ancestors(wait_for('the roster’s search field',
                                      lambda: (find_all(main_page, lambda n: n.roleName == 'entry'
                                                        and n.name == 'Search the roster') or [None])[0]))
    table_chain = ancestors(roster_table(main_page))
    for node in search_chain:
        if node in table_chain:
            return node
    fail('The roster’s search field and its table are not on one page')


def roster_table(root):
    return wait_for('the roster table',
                    lambda: (find_all(root, lambda n: n.roleName == 'tree table' and n.name == 'Roster')
                             or [None])[0])


def wait_for_view(main_page, title):
    """Waits for the view switcher to show the page title as chosen."""
    import pyatspi
    wait_for(f'the “{title}” page to be shown', lambda: all(
        e2e.state_has(tab, pyatspi.STATE_SELECTED)
        for tab in find_all(main_page, lambda n: n.roleName == 'page tab' and n.name == title)))


def secretary_empty_state(main_page):
    """The Secretary page's empty state (no pool yet): the page's other
    “Add to Pool…” button, above the order, is in the tree too while hidden."""
    title = wait_for('the Secretary page’s empty state', lambda: (find_all(
        main_page, lambda n: n.roleName == 'label' and n.name == 'No Secretary Pool Yet') or [None])[0])
    for node in ancestors(title):
        if find_all(node, lambda n: e2e.is_button(n, 'Add to Pool…')):
            return node
    fail('The Secretary page’s empty state has no “Add to Pool…” button')


def add_member(app, main, start, member, full_name, pronouns, phone, neighbourhood, first):
    step(f'Add {full_name} to the roster')
    click(start, 'Add the First Person' if first else 'Add Member')
    dialog = window(app, 'Add Member')
    set_text(dialog, 'Full name', full_name)
    set_text(dialog, 'Pronouns', pronouns)
    set_text(dialog, 'Phone', phone)
    set_text(dialog, 'Address or neighbourhood', neighbourhood)
    click(dialog, 'Add')
    wait_window_gone(dialog, 'Add Member')
    # The window now shows their page, titled with their name, and their
    # details as typed.
    wait_for_text(member, full_name, f'the page of {full_name}')
    wait_for_text(member, f'Volunteer · {pronouns}')
    wait_for_text(member, phone)
    wait_for_text(member, neighbourhood)
    stage_reads(member, 'Volunteer')
    history_shows(member, 'Joined as Volunteer')


def stage_reads(member, stage):
    stage_row = row(member, 'Stage')
    wait_for(f'the Stage row to read “{stage}”', lambda: stage in texts(stage_row))
    note(f'the Stage row reads “{stage}”')


def history_shows(member, title):
    history_row = row(member, title)
    note(f'the history shows “{title}” ({", ".join(t for t in texts(history_row) if t != title)})')
    return history_row


def checklist_reads(member, summary, lines):
    """The member's checklist for their next step: its summary and the
    requirements it lists, each said to be met or not."""
    header = row(member, 'Requirements to become Member')
    wait_for(f'the checklist to read “{summary}”', lambda: summary in texts(header))
    # The expander row holds its header's list and the list of its rows,
    # in the tree even while it is collapsed.
    checklist = header.parent.parent
    for line, met in lines:
        requirement = row(checklist, line)
        wait_for(f'“{line}” to be {"met" if met else "not met"}',
                 lambda: ('Met' if met else 'Not met') in texts(requirement))
    note(f'the checklist reads “{summary}”: {", ".join(line for line, met in lines)}')


def member_study_sessions(prefs):
    """The spin button setting how many study sessions becoming Member
    takes, in the “To Become Member” group of the Meetings page."""
    group = wait_for('the “To Become Member” requirements',
                     lambda: (find_all(prefs, lambda n: n.roleName == 'list' and n.name == 'To Become Member')
                              or [None])[0])
    return wait_for('the “Study sessions attended” requirement',
                    lambda: (find_all(group, lambda n: n.roleName == 'spin button'
                                      and n.name.startswith('Study sessions attended')) or [None])[0])


def scenario(app, workdir):
    main = e2e.window(app, 'Groundwork', 'the main window')
    main_page, member = main_pages(main)
    roster = roster_page(main_page)

    step('The empty roster invites to add the first person')
    show_view(main_page, 'Roster')
    # The search button is only there on the Roster page.
    find_button(main_page, 'Search')
    wait_for_text(roster, 'No One on the Roster Yet')
    find_button(roster, 'Add the First Person')
    find_button(roster, 'Open the Demo')

    step('With nobody who can be secretary, Add to Pool says who can and leads to the Roster')
    show_view(main_page, 'Secretary')
    click(secretary_empty_state(main_page), 'Add to Pool…')
    nobody = window(app, 'Nobody Can Take a Turn Yet')
    wait_for_text(nobody, 'Only people at the Member or Cadre stage can take turns as secretary, '
                  'and nobody on the roster is there yet. Promote someone on the Roster first: '
                  'open their page and press Promote.')
    if find_all(nobody, lambda n: n.roleName in ('entry', 'text') and n.name == 'Search by name'):
        fail('The dialog offers a search although nobody could join the pool')
    click(nobody, 'Open the Roster')
    wait_window_gone(nobody, 'Nobody Can Take a Turn Yet')
    wait_for_view(main_page, 'Roster')

    step('Write the points of unity in the preferences')
    prefs = open_preferences(app, main_page)
    wait_for_text(prefs, 'Not written yet. Until they are, nobody can become a member.')
    set_text(prefs, 'Points of unity', UNITY)
    click(prefs, 'Save as New Version')
    wait_for_text(prefs, 'Version 1, since ', exact=False)
    note('the preferences say “Version 1”')
    close_window(prefs, 'Preferences')

    add_member(app, main, roster, member, NAME, 'she/her', '555-0142', 'Eastside', first=True)
    checklist_reads(member, '0 of 2 met',
                    [('Agreement to the points of unity: not recorded', False),
                     ('Study sessions attended: 0 of 2', False)])

    step('Promoting a volunteer who has not agreed is refused, with the reason')
    click(member, 'Promote')
    refusal = window(app, 'Cannot Promote Yet')
    wait_for_text(refusal, f'{NAME} has not agreed to the points of unity (version 1). '
                  'Record their agreement first.')
    find_button(refusal, 'Close')

    step('Record their agreement from the refusal')
    click(refusal, 'Record Agreement')
    wait_window_gone(refusal, 'Cannot Promote Yet')
    agreement = window(app, 'Record Agreement')
    wait_for_text(agreement, UNITY, 'the points of unity in the dialog', exact=False)
    set_text(agreement, 'Witnessed by', 'Amara Okafor')
    set_text(agreement, 'Note (grounds, study sessions, …)', 'After the March study session')
    click(agreement, 'Record Agreement')
    wait_window_gone(agreement, 'Record Agreement')
    history_shows(member, 'Agreed to the points of unity, version 1')
    wait_for_text(row(member, 'Points of Unity'), 'Agreed to the current version (1)')
    stage_reads(member, 'Volunteer')
    checklist_reads(member, '1 of 2 met',
                    [('Agreed to the points of unity', True),
                     ('Study sessions attended: 0 of 2', False)])

    step('Promoting them before they attended two study sessions is refused, with what is missing')
    click(member, 'Promote')
    refusal = window(app, 'Cannot Promote Yet')
    wait_for_text(refusal, f'{NAME} does not yet meet what becoming Member requires. '
                  'Still missing: Study sessions attended: 0 of 2.')
    if find_all(refusal, lambda n: e2e.is_button(n, 'Record Agreement')):
        fail('The refusal offers to record an agreement that is already recorded')
    close_window(refusal, 'Cannot Promote Yet')
    stage_reads(member, 'Volunteer')

    step('Leave study sessions out of what becoming Member requires')
    prefs = open_preferences(app, main_page)
    show_view(prefs, 'Meetings')
    spin = member_study_sessions(prefs)
    if spin.value != 2:
        fail(f'Becoming Member requires {spin.value:g} study sessions by default, not 2')
    note('set “Study sessions attended” to 0')
    # GTK 4.8 lets the accessibility tree set a spin button's value, as
    # the keyboard or its - button would.
    spin.value = 0
    wait_for('the requirement to read 0', lambda: spin.value == 0)
    close_window(prefs, 'Preferences')
    checklist_reads(member, 'All met; the step still needs a person’s approval',
                    [('Agreed to the points of unity', True)])
    if find_all(member, lambda n: n.roleName == 'list item' and n.name.startswith('Study sessions attended')):
        fail('The checklist still lists study sessions after they were set to 0')
    # Saved with the database, not only shown: a new window reads it back.
    prefs = open_preferences(app, main_page)
    show_view(prefs, 'Meetings')
    spin = member_study_sessions(prefs)
    if spin.value != 0:
        fail(f'The preferences read {spin.value:g} study sessions after reopening, not 0')
    close_window(prefs, 'Preferences')

    step('A promotion that skips a stage is refused')
    click(member, 'Promote')
    change = window(app, 'Change Stage')
    wait_for_text(change, f'Move {NAME} one step on the ladder. The change is kept in their history.')
    choose_in_combo(change, 'New stage', 'Cadre')
    set_text(change, 'Approved by', 'Amara Okafor')
    click(change, 'Change Stage')
    refused = wait_for_text(change, f'{NAME} cannot go from Volunteer to Cadre: stages cannot be skipped. '
                            'They must first become Member.', 'the refusal in the dialog')
    note(f'the dialog says “{refused}”')
    stage_reads(member, 'Volunteer')
    if 'Promoted from Volunteer to Cadre' in [n.name for n in find_all(member, lambda n: n.roleName == 'list item')]:
        fail('The refused promotion was recorded in the history')

    step('Promote them to Member, the next stage')
    choose_in_combo(change, 'New stage', 'Member')
    click(change, 'Change Stage')
    wait_window_gone(change, 'Change Stage')
    stage_reads(member, 'Member')
    wait_for_text(member, 'Member · she/her', 'the title of their page to say Member')
    history_shows(member, 'Promoted from Volunteer to Member')

    step('Back to the roster')
    click(member, 'Back to the Roster')
    show_view(main_page, 'Roster')
    table = roster_table(roster)
    wait_for_text(table, NAME, f'{NAME} in the roster')
    wait_for_text(roster, '1 person')

    add_member(app, main, main_page, member, OTHER, 'he/him', '555-0199', 'Riverside', first=False)
    click(member, 'Back to the Roster')
    wait_for_text(table, OTHER, f'{OTHER} in the roster')
    wait_for_text(roster, '2 people')

    step('Find her by searching part of her name on the Roster page')
    show_view(main_page, 'Roster')
    click(main_page, 'Search')
    set_text(roster, 'Search the roster', 'quinte')
    wait_for_text(roster, 'Showing 1 of 2 people')
    wait_for_no_text(table, OTHER, f'{OTHER} to be filtered out of the roster')
    wait_for_text(table, NAME, f'{NAME} in the search results')
    cells = texts(table)
    note(f'the roster shows: {cells}')
    if 'Member' not in cells:
        fail(f'The roster does not show {NAME} as a Member: {cells}')

    step('Now that she is a Member, Add to Pool offers a search')
    show_view(main_page, 'Secretary')
    click(secretary_empty_state(main_page), 'Add to Pool…')
    pool = window(app, 'Add to the Secretary Pool')
    set_text(pool, 'Search by name', 'zzyzx')
    wait_for_text(pool, 'Nobody on the roster has that name.')
    set_text(pool, 'Search by name', 'quinte')
    wait_for_no_text(pool, 'Nobody on the roster has that name.')
    found = wait_for('the people found', lambda: (find_all(
        pool, lambda n: n.roleName == 'list' and n.name == 'People found') or [None])[0])
    row(found, NAME)
    close_window(pool, 'Add to the Secretary Pool')


if __name__ == '__main__':
    sys.exit(e2e.run('roster', scenario, ['--database', '{workdir}/roster.groundwork']))
