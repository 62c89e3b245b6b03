# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the end-to-end tests share: starting Groundwork with accessibility
# on, finding and driving its widgets through the accessibility tree as a
# person would, and reporting a failure with the tree and a screenshot.
#
# The tests need a display and a D-Bus session bus (the suite runs under
# `xvfb-run -a dbus-run-session`); they do not start either themselves. Run
# them with Debian's /usr/bin/python3, which has python3-dogtail and gi.
#
# Buttons are clicked through their "click" action, never by coordinates:
# GTK 4.8 reports wrong screen positions to the accessibility tree.

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

# Accessibility must be on before GTK or dogtail are loaded, here and in the
# app, which inherits this environment.
os.environ['GTK_A11Y'] = 'atspi'
os.environ['NO_AT_BRIDGE'] = '0'
os.environ.pop('GTK_USE_PORTAL', None)

TIMEOUT = 20  # seconds to wait for anything to appear or change
STEP_PAUSE = 0.05

GROUNDWORK = None
TEST_NAME = 'test'
LOG_DIR = None
app_process = None
step_number = 0
STARTED = time.monotonic()


class TestFailure(Exception):
    pass


def step(message):
    global step_number
    step_number += 1
    print(f'# {step_number}. {message} [{time.monotonic() - STARTED:.1f} s]', flush=True)


def note(message):
    print(f'#    {message}', flush=True)


def fail(message):
    raise TestFailure(message)


# Accessibility setup

def session_bus_has(name):
    result = subprocess.run(['dbus-send', '--session', '--print-reply', '--dest=org.freedesktop.DBus',
                             '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner',
                             f'string:{name}'],
                            capture_output=True, text=True)
    return result.returncode == 0 and 'boolean true' in result.stdout


def a11y_bus_address():
    result = subprocess.run(['gdbus', 'call', '--session', '--dest', 'org.a11y.Bus',
                             '--object-path', '/org/a11y/bus', '--method', 'org.a11y.Bus.GetAddress'],
                            capture_output=True, text=True, timeout=15)
    if result.returncode != 0:
        return None
    return result.stdout.strip()


def ensure_accessibility():
    """Makes sure there is an accessibility bus on this session bus.

    Normally the session bus starts at-spi-bus-launcher on demand (D-Bus
    activation of org.a11y.Bus); when it cannot, it is started here."""
    if 'DBUS_SESSION_BUS_ADDRESS' not in os.environ:
        fail('No D-Bus session bus: run the test under dbus-run-session (the suite does).')
    if 'DISPLAY' not in os.environ and 'WAYLAND_DISPLAY' not in os.environ:
        fail('No display: run the test under xvfb-run -a (the suite does).')

    launcher = None
    if a11y_bus_address() is None and not session_bus_has('org.a11y.Bus'):
        for path in ('/usr/libexec/at-spi-bus-launcher', '/usr/lib/at-spi2-core/at-spi-bus-launcher'):
            if os.path.exists(path):
                note(f'starting {path}')
                launcher = subprocess.Popen([path, '--launch-immediately'],
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                break
        deadline = time.monotonic() + TIMEOUT
        while a11y_bus_address() is None:
            if time.monotonic() > deadline:
                fail('The accessibility bus (org.a11y.Bus) could not be started: is at-spi2-core installed?')
            time.sleep(0.2)

    # dogtail's convention; GTK 4 does not need it. With the memory backend
    # this only affects this process, which is harmless.
    subprocess.run(['gsettings', 'set', 'org.gnome.desktop.interface', 'toolkit-accessibility', 'true'],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return launcher


# Searching the accessibility tree

def state_has(node, state):
    try:
        return node.getState().contains(state)
    except Exception:
        return False


def walk(node):
    """Yields the descendants of node.

    GTK 4.8 never sets the "showing" state, and keeps the pages of a stack
    that are not on screen in the tree, so the whole subtree is searched;
    hidden widgets (gtk_widget_set_visible (w, FALSE)) are left out of the
    tree by GTK itself."""
    try:
        children = list(node.children)
    except Exception:
        return
    for child in children:
        if child is None:
            continue
        yield child
        # Each step down is a D-Bus round trip: leave out what holds nothing
        # to look for (the labels inside a label or an entry row repeat its
        # name).
        if safe(lambda: child.roleName) not in LEAVES:
            yield from walk(child)


LEAVES = ('label', 'text', 'entry', 'scroll bar', 'image', 'separator')


def safe(fn, default=None):
    try:
        return fn()
    except Exception:
        return default


def find_all(root, pred):
    return [n for n in walk(root) if safe(lambda: pred(n), False)]


def wait_for(description, fn, timeout=TIMEOUT):
    """Polls fn until it returns something true, and returns that."""
    deadline = time.monotonic() + timeout
    while True:
        if app_process is not None and app_process.poll() is not None:
            fail(f'Groundwork quit unexpectedly (exit status {app_process.returncode}) '
                 f'while waiting for {description}')
        try:
            result = fn()
        except TestFailure:
            raise
        except Exception:
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            fail(f'Timed out after {timeout} s waiting for {description}')
        time.sleep(0.1)


def label_of_button(node):
    """The text a person sees on a button. GTK 4.8 names a button with a
    mnemonic "_Promote Promote", so the label child is read when there is one."""
    for child in node.children:
        if child is not None and child.roleName == 'label':
            return child.name
    return node.name


def is_button(node, label):
    """A button that can be clicked; a GtkMenuButton shows as a "push button"
    without actions, holding the real button of the same name."""
    return node.roleName in ('push button', 'toggle button') and \
        (node.name == label or label_of_button(node) == label) and \
        'click' in node.actions


def find_button(root, label, description=None):
    return wait_for(description or f'a “{label}” button',
                    lambda: (find_all(root, lambda n: is_button(n, label)) or [None])[0])


def click(root, label, description=None):
    button = find_button(root, label, description)
    note(f'click “{label}”')
    button.doActionNamed('click')
    time.sleep(STEP_PAUSE)
    return button


def texts(root):
    """Everything written in labels below root."""
    return [n.name for n in find_all(root, lambda n: n.roleName == 'label')]


def wait_for_text(root, text, description=None, exact=True):
    def found():
        for t in texts(root):
            if (t == text) if exact else (text in t):
                return t
        return None
    return wait_for(description or f'the text “{text}”', found)


def wait_for_no_text(root, text, description=None):
    wait_for(description or f'“{text}” to disappear', lambda: text not in texts(root))


def find_entry(root, title):
    """An AdwEntryRow or GtkEntry named title."""
    return wait_for(f'a “{title}” field',
                    lambda: (find_all(root, lambda n: n.roleName in ('entry', 'text', 'password text')
                                      and n.name == title) or [None])[0])


def set_text(root, title, value):
    """Writes value into the text field named title, through its
    EditableText interface. (GTK 4.8 does not implement grabFocus, so typing
    on the keyboard would go wherever the focus happens to be.)"""
    entry = find_entry(root, title)
    note(f'type “{value}” into “{title}”')
    entry.text = value
    # GTK 4.8 reads an AdwEntryRow's text back as empty; what was typed is
    # checked where the app shows it instead.
    shown = entry.text
    if shown not in (value, ''):
        fail(f'“{title}” reads “{shown}” after typing “{value}” into it')
    return entry


# The app

def find_app():
    from dogtail import tree

    def lookup():
        if app_process.poll() is not None:
            fail(f'Groundwork exited with status {app_process.returncode} before its window appeared')
        for candidate in tree.root.applications():
            if candidate is not None and candidate.name in ('groundwork', 'Groundwork'):
                return candidate
        return None
    return wait_for('the app to appear on the accessibility bus', lookup, timeout=30)


def window(app, title, description=None):
    """The top-level window whose title is title."""
    def lookup():
        for child in app.children:
            # Any role: GTK 4.8 shows a plain AdwWindow subclass as a "filler".
            if child is not None and child.name == title:
                return child
        return None
    return wait_for(description or f'the “{title}” window', lookup)


def is_gone(node):
    """Whether the window node has been destroyed: its object has left the bus."""
    try:
        return node.parent is None or node.getRole() is None
    except Exception:
        return True


def wait_window_gone(dialog, title):
    """Waits for the window dialog to close.

    Asks the window itself rather than listing the app's windows: GTK 4.8
    can crash (a NULL object path in a D-Bus reply) when the list of
    windows is read while one of them is being destroyed."""
    wait_for(f'the “{title}” window to close', lambda: is_gone(dialog))


def ancestors(node):
    chain = []
    while node is not None:
        chain.append(node)
        node = safe(lambda: node.parent)
    return chain


def screenshot():
    if LOG_DIR is None or shutil.which('import') is None:
        return
    path = os.path.join(LOG_DIR, f'e2e-{TEST_NAME}-failure.png')
    result = subprocess.run(['import', '-window', 'root', path], capture_output=True, timeout=30)
    if result.returncode == 0:
        print(f'# screenshot of the failure: {path}', flush=True)


def dump(node, indent=0, lines=None):
    """The tree below node, for the log when a step fails."""
    lines = [] if lines is None else lines
    lines.append('  ' * indent + f'[{safe(lambda: node.roleName)} | {safe(lambda: node.name)}]')
    for child in safe(lambda: list(node.children), []):
        if child is not None:
            dump(child, indent + 1, lines)
    return lines



# Keyboard and choices

def focused(root):
    import pyatspi
    return [n for n in walk(root) if state_has(n, pyatspi.STATE_FOCUSED)]


def press(key):
    from dogtail import rawinput
    rawinput.pressKey(key)
    time.sleep(0.1)


def ancestors_of_focus(root):
    for n in focused(root):
        yield from ancestors(n)


def describe(nodes):
    return ', '.join(f'[{safe(lambda: n.roleName)} | {safe(lambda: n.name)}]' for n in nodes) or 'nothing'


def choose_in_combo(dialog, title, choice):
    """Picks choice in the combo row titled title, with the keyboard as a
    person would: GTK 4.8 gives a combo row no action to open it and cannot
    move the focus to it through the accessibility tree."""
    combo = wait_for(f'the “{title}” choice',
                     lambda: (find_all(dialog, lambda n: n.roleName == 'combo box' and n.name == title)
                              or [None])[0])
    note(f'choose “{choice}” in “{title}”')

    # The dialog starts in a field below the combo row: go up to it.
    for _ in range(6):
        if any(n == combo for n in ancestors_of_focus(dialog)):
            break
        press('Up')
    else:
        fail(f'The keyboard cannot reach the “{title}” choice (focus is on {describe(focused(dialog))})')

    press('space')

    def popup_items():
        # The open list is in a popover below the row; the row's own list
        # shows only the current choice.
        return [n for n in walk(combo) if n.roleName == 'list item'
                and safe(lambda: n.parent.parent.roleName) == 'scroll pane']
    items = wait_for(f'the list of choices of “{title}” to open', popup_items)
    names = [' '.join(texts(n)) for n in items]
    note(f'the choices are {", ".join(names)}')
    if choice not in names:
        fail(f'“{choice}” is not among the choices of “{title}”: {names}')
    for _ in range(len(names) + 1):
        current = [' '.join(texts(n)) for n in focused(combo) if n.roleName == 'list item']
        if current == [choice]:
            break
        if current and names.index(choice) < names.index(current[0]):
            press('Up')
        else:
            press('Down')
    else:
        fail(f'The keyboard cannot reach “{choice}” in the list of “{title}”')
    press('Return')
    wait_for(f'“{title}” to show “{choice}”',
             lambda: not popup_items() and [t for t in texts(combo) if t != title] == [choice])


def row(root, title):
    return wait_for(f'the “{title}” row',
                    lambda: (find_all(root, lambda n: n.roleName == 'list item' and n.name == title)
                             or [None])[0])


def show_view(main, title):
    """Goes to the page title (“Dashboard”, “Roster”, …) of the main
    window with its view switcher. The header holds a wide and a narrow
    switcher; both switch the same stack."""
    tabs = wait_for(f'the “{title}” view switcher button',
                    lambda: find_all(main, lambda n: n.roleName == 'page tab' and n.name == title))
    note(f'switch to “{title}”')
    tabs[0].doActionNamed('click')
    import pyatspi
    wait_for(f'the “{title}” page to be shown',
             lambda: all(state_has(tab, pyatspi.STATE_SELECTED) for tab in tabs))


def menu_item(root, label):
    """Chooses label in the menu that was just opened below root."""
    item = wait_for(f'“{label}” in the menu',
                    lambda: (find_all(root, lambda n: n.roleName == 'menu item' and n.name == label)
                             or [None])[0])
    note(f'choose “{label}”')
    item.doActionNamed('click')
    time.sleep(STEP_PAUSE)


def open_preferences(app, main):
    click(main, 'Main Menu')
    menu_item(main, 'Preferences')
    return window(app, 'Preferences')


def close_window(dialog, title, button='Close'):
    click(dialog, button)
    wait_window_gone(dialog, title)


# Running a test

def run(name, scenario, app_args):
    """Starts Groundwork (argv[1]) with app_args, in which {workdir} stands
    for a new temporary folder, runs scenario (app, workdir) and says
    whether it passed, as a TAP-like log. Returns the exit status."""
    global GROUNDWORK, LOG_DIR, TEST_NAME, app_process
    TEST_NAME = name
    if len(sys.argv) < 2:
        print(f'usage: {sys.argv[0]} PATH-TO-GROUNDWORK', file=sys.stderr)
        return 2
    GROUNDWORK = os.path.abspath(sys.argv[1])
    LOG_DIR = os.environ.get('MESON_LOG_DIR') or (
        os.path.join(os.environ['MESON_BUILD_ROOT'], 'meson-logs') if 'MESON_BUILD_ROOT' in os.environ
        else os.path.join(os.path.dirname(os.path.dirname(GROUNDWORK)), 'meson-logs'))
    if not os.path.isdir(LOG_DIR):
        LOG_DIR = None

    started = time.monotonic()
    launcher = None
    app = None
    workdir = tempfile.mkdtemp(prefix=f'groundwork-e2e-{name}-')
    try:
        step('Turn accessibility on')
        launcher = ensure_accessibility()

        import dogtail.config
        dogtail.config.config.checkForA11y = False
        dogtail.config.config.logDebugToFile = False
        dogtail.config.config.logDebugToStdOut = False
        dogtail.config.config.searchCutoffCount = 3
        dogtail.config.config.actionDelay = 0.1
        dogtail.config.config.typingDelay = 0.02
        dogtail.config.config.defaultDelay = 0.1

        step('Start Groundwork')
        env = dict(os.environ)
        env.setdefault('GSETTINGS_BACKEND', 'memory')
        if 'GSETTINGS_SCHEMA_DIR' not in env:
            fail('GSETTINGS_SCHEMA_DIR must point to the build’s compiled schemas')
        env['GSETTINGS_SCHEMA_DIR'] = os.path.abspath(env['GSETTINGS_SCHEMA_DIR'])
        # Whatever the app makes in the temporary folder (the demo's
        # database) goes with the test's folder.
        env['TMPDIR'] = workdir
        # GROUNDWORK_E2E_WRAPPER runs the app under a debugger, for example
        # "gdb -batch -ex run -ex bt --args".
        wrapper = shlex.split(os.environ.get('GROUNDWORK_E2E_WRAPPER', ''))
        args = [a.replace('{workdir}', workdir) for a in app_args]
        note(f'groundwork {shlex.join(args)}')
        app_process = subprocess.Popen(wrapper + [GROUNDWORK] + args, env=env, cwd=workdir)
        app = find_app()
        scenario(app, workdir)
    except Exception as error:
        print(f'not ok - {error}', flush=True)
        if not isinstance(error, TestFailure):
            traceback.print_exc()
        try:
            if app is not None:
                print('# The accessibility tree at the failure (unnamed panels left out):')
                for line in dump(app):
                    if line.strip() != '[panel | ]':
                        print('#  ' + line)
        except Exception:
            pass
        try:
            screenshot()
        except Exception:
            pass
        return 1
    finally:
        if app_process is not None and app_process.poll() is None:
            app_process.terminate()
            try:
                app_process.wait(10)
            except subprocess.TimeoutExpired:
                app_process.kill()
        if launcher is not None:
            launcher.terminate()
        shutil.rmtree(workdir, ignore_errors=True)
    print(f'ok - the {name} scenario passed in {time.monotonic() - started:.1f} s', flush=True)
    return 0
