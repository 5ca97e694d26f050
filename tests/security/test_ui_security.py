"""The window's side of security: unlock dialog, idle lock, hidden workspaces, account models."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tests.e2e.conftest import qsettings_tmp  # noqa: F401
from tests.security.conftest import PASSPHRASE, PASSWORD

#: Offscreen, a dialog shown on its own makes Qt say so; nothing to do with the tests.
PROPAGATE = r"This plugin does not support propagateSizeHints"


@pytest.fixture
def desk(engine, log_path, accounts):
    """A desk on the encrypted log with accounts, not yet unlocked."""
    from desktop.desk import Desk

    engine.dispose()
    d = Desk(db_url=str(log_path))
    yield d
    from desktop.ui.tasks import wait_for_tasks

    wait_for_tasks(10_000)
    d.close()


def test_a_wrong_passphrase_gets_a_message_and_another_try(qtbot, desk):
    """The dialog stays open with a clear sentence, then opens with the right passphrase."""
    from desktop.ui.unlock_dialog import UnlockDialog

    dialog = UnlockDialog(desk)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("not the passphrase")
    dialog._on_unlock_clicked()
    assert dialog.result() != QDialog.DialogCode.Accepted and "passphrase" in dialog.error.text()
    assert desk.key is None and dialog.passphrase.text() == ""
    dialog.passphrase.setText(PASSPHRASE)
    dialog._on_unlock_clicked()
    assert dialog.result() == QDialog.DialogCode.Accepted and desk.key is not None


def test_sign_in_dialog_refuses_a_wrong_password(qtbot, desk):
    """Wrong password: a message and the password field emptied; right one: signed in."""
    from desktop.ui.login_dialog import LoginDialog

    desk.unlock(PASSPHRASE)
    dialog = LoginDialog(desk)
    qtbot.addWidget(dialog)
    dialog.username.setText("anna")
    dialog.password.setText("wrong password")
    dialog._on_sign_in_clicked()
    assert "not right" in dialog.error.text() and desk.actor is None
    dialog.password.setText(PASSWORD)
    dialog._on_sign_in_clicked()
    assert desk.actor is not None and desk.actor.username == "anna"


@pytest.mark.qt_log_ignore(PROPAGATE)
@pytest.mark.usefixtures("qsettings_tmp")
def test_the_idle_lock_hides_the_window_until_the_password_is_typed(qtbot, desk):
    """Ctrl+L hides the main window; a wrong password keeps it hidden, the right one shows it."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.lock import install_idle_lock
    from desktop.ui.main_window import MainWindow

    desk.unlock(PASSPHRASE)
    desk.sign_in("anna", PASSWORD)
    window = MainWindow(desk, start_key="rules")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_data_ready, timeout=15_000):
        window.show()
    lock = install_idle_lock(QApplication.instance(), window, desk)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(lock.locked):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible() and lock.dialog is not None
    lock.dialog.secret.setText("wrong password")
    lock.dialog._on_unlock_clicked()
    assert lock.is_locked and not window.isVisible()
    lock.dialog.secret.setText(PASSWORD)
    with qtbot.waitSignal(lock.unlocked):
        lock.dialog._on_unlock_clicked()
    assert window.isVisible() and not lock.is_locked
    window._pages.clear()


@pytest.mark.qt_log_ignore(PROPAGATE)
def test_the_idle_time_locks_by_itself(qtbot, desk):
    """When the clock says the idle time has passed, the timer locks the app."""
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop.ui.lock import install_idle_lock

    desk.unlock(PASSPHRASE)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    lock = install_idle_lock(QApplication.instance(), window, desk)
    lock.clock.minutes = 1
    lock.clock._last -= 61
    with qtbot.waitSignal(lock.locked):
        lock._on_timer_timeout()
    assert not window.isVisible()
    lock.dialog.secret.setText(PASSPHRASE)  # no accounts signed in: the passphrase unlocks
    with qtbot.waitSignal(lock.unlocked):
        lock.dialog._on_unlock_clicked()


@pytest.mark.usefixtures("qsettings_tmp")
def test_an_administrator_without_case_roles_is_not_offered_case_workspaces(qtbot, desk):
    """Today and Cases are hidden; the window starts on a workspace the user may use."""
    from desktop.ui.main_window import WORKSPACES, MainWindow

    desk.unlock(PASSPHRASE)
    desk.sign_in("admin", PASSWORD)
    window = MainWindow(desk, start_key="today")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_data_ready, timeout=15_000):
        window.show()
    hidden = {e.key for i, e in enumerate(WORKSPACES) if window.sidebar.item(i).isHidden()}
    assert hidden == {"today", "cases"}
    assert window.current_key() == "rules"
    window._pages.clear()


def test_the_accounts_and_audit_models(qtmodeltester, session, accounts, as_actor):
    """Both table models pass Qt's model checks with real rows."""
    from desktop.cases.audit_log import list_audit
    from desktop.security.accounts import list_accounts
    from desktop.ui.users_view import AccountsModel, AuditModel

    as_actor(accounts["admin"])
    accounts_model = AccountsModel()
    accounts_model.set_rows(list_accounts(session=session))
    qtmodeltester.check(accounts_model)
    audit_model = AuditModel()
    audit_model.set_rows(list_audit(session=session))
    qtmodeltester.check(audit_model)
    assert accounts_model.rowCount() == 4 and audit_model.rowCount() > 0
