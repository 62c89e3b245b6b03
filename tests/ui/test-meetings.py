#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end test of a meeting, driven through the accessibility tree as a
# person would use the app: in the demo organization, plans a meeting for
# today, checks in three members found by search and a walk-in, prints the
# sign-in sheet to a PDF file and reads it back with pdftotext, sees the
# attendance on the dashboard, and reads the Secretary page's warning about
# people who served too often: one sentence for all of them.
#
# Usage: test-meetings.py PATH-TO-GROUNDWORK
#
# Needs a display and a D-Bus session bus (the suite runs under
# `xvfb-run -a dbus-run-session`) and pdftotext (poppler-utils); see e2e.py
# for what the tests share and the GTK 4.8 accessibility quirks they work
# around.

import locale
import os
import re
import shutil
import stat
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import e2e  # noqa: E402
from e2e import (ancestors, click, close_window, fail, find_all, find_button, menu_item, note,  # noqa: E402
                 set_text, show_view, step, texts, wait_for, wait_for_text, wait_window_gone, window)

TITLE = 'Spring general meeting'
TIME = '19:00'
PLACE = 'Union hall, 12 Linden St'
# People of the demo organization, which is made from a fixed seed. They are
# active, so the sign-in sheet lists them among the expected.
MEMBERS = ['Ana Lucía Martínez', 'Marcus Brooks', 'Jose Maria Pangilinan']
WALK_IN = 'Zephyrine Okonkwo-Lindqvist'
WALK_IN_PHONE = '555-0177'


def first(root, description, pred):
    return wait_for(description, lambda: (find_all(root, pred) or [None])[0])


def pages(main, button):
    """The main page (the header and the view stack: dashboard, roster,
    meetings, …) and the page of the main window holding button: the
    children of the leaflet holding both, found as the last parents that
    the “Add Member” button and button do not share."""
    main_chain = ancestors(find_button(main, 'Add Member'))
    other_chain = ancestors(find_button(main, button))
    for depth in range(1, min(len(main_chain), len(other_chain)) + 1):
        if main_chain[-depth] != other_chain[-depth]:
            return main_chain[-depth], other_chain[-depth]
    fail(f'The main page and the page with “{button}” are not two pages of the main window')


def attending_reads(meeting, count):
    wait_for_text(meeting, f'{count} attending')
    note(f'the meeting says “{count} attending”')


def check_in(meeting, name, count):
    step(f'Check in {name}')
    set_text(meeting, 'Check in someone (type a name)', name)
    matches = first(meeting, 'the people matching the search',
                    lambda n: n.roleName == 'list' and n.name.startswith('People matching'))
    wait_for(f'{name} among the people found', lambda: name in [n.name for n in find_all(
        matches, lambda n: n.roleName == 'list item')])
    click(matches, f'Check In {name}')
    attending_reads(meeting, count)
    checked_in = first(meeting, 'the list of people checked in',
                       lambda n: n.roleName == 'list' and n.name == 'Checked in')
    first(checked_in, f'{name} among the people checked in',
          lambda n: n.roleName == 'list item' and n.name == name)


def add_walk_in(app, meeting):
    step(f'Add {WALK_IN} as a walk-in')
    click(meeting, 'Add Walk-in…')
    dialog = window(app, 'Add Walk-in')
    wait_for_text(dialog, 'They join the roster as a volunteer and are checked in.')
    set_text(dialog, 'Full name', WALK_IN)
    set_text(dialog, 'Phone (optional)', WALK_IN_PHONE)
    click(dialog, 'Add and Check In')
    # Someone with a close name may already be on the roster: the app then
    # asks first. The list of windows is only read once nothing was added,
    # while the dialog is still open (GTK 4.8 can crash when it is read as
    # a window closes).
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and '4 attending' not in texts(meeting):
        time.sleep(0.2)
    if '4 attending' not in texts(meeting) and any(
            child is not None and child.name == 'Possible Duplicate' for child in app.children):
        duplicate = window(app, 'Possible Duplicate')
        note(f'the app asks: {" ".join(texts(duplicate))}')
        click(duplicate, 'Add as New Volunteer')
        wait_window_gone(duplicate, 'Possible Duplicate')
    wait_window_gone(dialog, 'Add Walk-in')
    attending_reads(meeting, 4)
    checked_in = first(meeting, 'the list of people checked in',
                       lambda n: n.roleName == 'list' and n.name == 'Checked in')
    row = first(checked_in, f'{WALK_IN} among the people checked in',
                lambda n: n.roleName == 'list item' and n.name == WALK_IN)
    wait_for(f'{WALK_IN} to be shown as a walk-in volunteer',
             lambda: f'Volunteer · {WALK_IN_PHONE} · walk-in' in texts(row))
    note(f'{WALK_IN} reads “{" · ".join(texts(row))}”')


def pdf_text(path):
    if shutil.which('pdftotext') is None:
        fail('pdftotext is missing: install poppler-utils')
    result = subprocess.run(['pdftotext', '-enc', 'UTF-8', path, '-'], capture_output=True, text=True)
    if result.returncode != 0:
        fail(f'pdftotext cannot read {path}: {result.stderr.strip()}')
    return result.stdout


def save_as_pdf(app, preview, path):
    click(preview, 'Save as PDF…')
    # With no portal (as under xvfb), GTK falls back to its own dialog.
    chooser = window(app, 'Save as PDF')
    # The name field takes a whole path, as when typing one; GTK 4.8 reads
    # it back as empty, so the file itself is checked.
    set_text(chooser, 'Name:', path)
    click(chooser, 'Save')
    wait_window_gone(chooser, 'Save as PDF')
    wait_for_text(preview, f'Saved “{os.path.basename(path)}”', 'the preview to say the file was saved')
    wait_for(f'{path} to be written', lambda: os.path.exists(path) and os.path.getsize(path) > 0)


def scenario(app, workdir):
    # The window is titled with the organization's name.
    main = wait_for('the main window', lambda: [c for c in app.children if c is not None
                                                and c.roleName == 'frame'][0])
    organization = main.name
    note(f'the main window is “{organization}”')
    locale.setlocale(locale.LC_TIME, '')
    today = time.strftime('%x')  # as the app writes dates

    step('Plan a meeting for today')
    main_page, meeting = pages(main, 'Add Walk-in…')
    show_view(main_page, 'Meetings')
    click(main_page, 'New Meeting')
    editor = window(app, 'New Meeting')
    wait_for_text(editor, 'General meeting', 'the kind of meeting to be a general meeting')
    set_text(editor, 'Title (optional: the kind of meeting)', TITLE)
    # The date is today unless changed.
    set_text(editor, 'Start time (HH:MM, optional)', TIME)
    set_text(editor, 'Place', PLACE)
    click(editor, 'Create')
    wait_window_gone(editor, 'New Meeting')
    wait_for_text(meeting, TITLE, 'the page of the new meeting')
    wait_for_text(meeting, f'General meeting · {today} {TIME} · {PLACE}', 'the meeting’s kind, date and place')
    wait_for_text(meeting, 'Nobody is checked in yet')
    attending_reads(meeting, 0)

    for count, name in enumerate(MEMBERS, start=1):
        check_in(meeting, name, count)
    add_walk_in(app, meeting)

    step('Print the sign-in sheet to a PDF file')
    click(meeting, 'Print')
    menu_item(meeting, 'Sign-in Sheet')
    preview = window(app, 'Sign-in Sheet', 'the print preview')
    wait_for_text(preview, 'Print Preview')
    pages_label = wait_for_text(preview, 'Page 1 of ', 'the number of pages', exact=False)
    note(f'the preview shows “{pages_label}”')
    folder = os.path.join(workdir, 'printed')
    os.mkdir(folder)
    path = os.path.join(folder, 'sign-in sheet.pdf')
    save_as_pdf(app, preview, path)
    mode = stat.S_IMODE(os.stat(path).st_mode)
    note(f'{path} is {os.path.getsize(path)} bytes, mode {mode:04o}')
    if mode != 0o600:
        fail(f'The PDF can be read by others: mode {mode:04o}, not 0600')

    step('The PDF holds the organization, the meeting, the people and the walk-in rows')
    text = pdf_text(path)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    n_pages = text.count('\f') or 1
    note(f'pdftotext reads {len(lines)} lines on {n_pages} pages')
    expected_lines = [organization, TITLE, f'General meeting · {today} · {TIME} · {PLACE}',
                      'Sign-in Sheet', 'Sign next to your name, or add yourself at the end.', 'Walk-ins']
    for line in expected_lines:
        if line not in lines:
            fail(f'The sign-in sheet does not read “{line}”:\n{text[:2000]}')
    if f'{pages_label.split(" of ")[-1]}' != str(n_pages):
        fail(f'The preview says “{pages_label}” but the PDF has {n_pages} pages')
    for name in MEMBERS + [WALK_IN]:
        # A numbered row; the name a person goes by may follow in brackets.
        found = [line for line in lines if re.fullmatch(rf'\d+ {re.escape(name)}( \(.*\))?', line)]
        if not found:
            fail(f'{name} is not among the expected people on the sign-in sheet')
        note(f'the sheet lists “{found[0]}”')
    if WALK_IN_PHONE not in lines:
        fail(f'The sign-in sheet does not show {WALK_IN}’s phone, {WALK_IN_PHONE}')
    # The walk-ins' rows: numbered from 1 again after the heading, and blank.
    after = lines[lines.index('Walk-ins') + 1:]
    numbers = [line for line in after if re.fullmatch(r'\d+', line)]
    if numbers[:3] != ['1', '2', '3']:
        fail(f'The sign-in sheet has no numbered rows for walk-ins: {after[:20]}')
    note(f'the sheet has {len(numbers)} numbered rows for walk-ins')
    close_window(preview, 'Sign-in Sheet')

    step('The dashboard shows the meeting with its attendance')
    click(meeting, 'Back')
    show_view(main_page, 'Dashboard')
    tile = first(main_page, 'the “Meetings and Secretary” tile',
                 lambda n: n.name == 'Meetings and Secretary' and n.roleName != 'label')
    expected = f'{today} {TIME} · {PLACE} · 4 attending'

    # The dashboard is recomputed in a worker thread shortly after a change.
    def meeting_line():
        link = (find_all(tile, lambda n: n.roleName == 'push button' and n.name == TITLE) or [None])[0]
        return link is not None and expected in texts(link) and texts(link)
    shown = wait_for(f'the dashboard to show “{TITLE}” with “{expected}”', meeting_line)
    note(f'the dashboard shows “{" / ".join(shown)}”')

    # In the demo several people have served far more than their share.
    step('The Secretary page names everyone who served too often in one sentence')
    show_view(main_page, 'Secretary')
    alert = first(main_page, 'the over-service warning', lambda n: n.roleName == 'alert')
    warning = wait_for('the over-service warning’s text', lambda: [
        t for t in texts(alert) if 'Let others learn the role.' in t])[0]
    note(f'the warning reads “{warning}”')
    if warning.count('Let others learn the role.') != 1 or warning.count(' been secretary ') != 1:
        fail(f'The over-service warning repeats itself: “{warning}”')


if __name__ == '__main__':
    sys.exit(e2e.run('meetings', scenario, ['--demo']))
