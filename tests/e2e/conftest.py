"""The main window on a fresh case log in the test's tmp folder, as a counsellor sees it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture
def qsettings_tmp(tmp_path):
    """Window layout and last workspace go to the test's folder, not the user's."""
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings().clear()
    yield


@pytest.fixture
def desk(tmp_path):
    from desktop.desk import Desk
    from desktop.i18n import set_language

    set_language("en")
    d = Desk(db_url=f"sqlite:///{tmp_path / 'cases.sqlite3'}")
    yield d
    from desktop.ui.tasks import wait_for_tasks

    wait_for_tasks(10_000)
    d.close()
    set_language("en")


@pytest.fixture
def window(qtbot, qsettings_tmp, desk):
    """The main window, shown, with its first workspace loaded."""
    from desktop.ui.main_window import MainWindow

    w = MainWindow(desk, start_key="today")
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.first_data_ready, timeout=15_000):
        w.show()
    yield w
    w._pages.clear()


def open_workspace(qtbot, window, key):
    """Switch with the keyboard shortcut and wait until the workspace shows its data."""
    from PySide6.QtCore import Qt

    from desktop.ui.main_window import WORKSPACES

    index = [e.key for e in WORKSPACES].index(key)
    page = window.page(key)
    if not window.isActiveWindow():  # shortcuts go to the active window only
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    if page._activated:
        qtbot.keyClick(window, Qt.Key.Key_1 + index, Qt.KeyboardModifier.ControlModifier)
        return page
    with qtbot.waitSignal(page.data_ready, timeout=15_000):
        qtbot.keyClick(window, Qt.Key.Key_1 + index, Qt.KeyboardModifier.ControlModifier)
    return page
