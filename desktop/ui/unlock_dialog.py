"""Before the window opens the case log: unlock it, create it, or offer to encrypt it.

:func:`unlock_and_sign_in` is the composition root's one call. It runs before the main window
exists, so no client data can show before the passphrase (and, once the log has accounts, a
user's password) was typed:

* an encrypted log asks for its passphrase (:class:`UnlockDialog`; a wrong one gets a clear
  message and another try); with ``MIGRANT_DESK_PASSPHRASE`` set it opens without asking;
* a new log asks for a passphrase and the first administrator (:class:`FirstStartDialog`):
  the real log of the app is always created encrypted;
* a log with accounts asks who is there (``login_dialog``);
* an unencrypted log is offered encryption (:class:`EncryptOfferDialog`).

With ``--exit-after-start`` nothing is asked: what is missing ends the start with one line.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.desk import Desk
from desktop.errors import UserError
from desktop.i18n import gettext as _
from desktop.security.passphrase import passphrase_problem, password_problem
from desktop.security.permissions import Permission


def secret_field(placeholder: str = "") -> QLineEdit:
    """A line edit that shows dots, for passphrases and passwords."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    return edit


def error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.setAccessibleName(_("Error"))
    return label


class _BusyCursor:
    """Argon2 takes a third of a second: show that something happens."""

    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_exc: Any) -> None:
        QApplication.restoreOverrideCursor()


class UnlockDialog(QDialog):
    """Type the passphrase of the encrypted case log; a wrong one may be typed again."""

    def __init__(self, desk: Desk, message: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(_("Unlock the case log"))
        self.passphrase = secret_field(_("Passphrase"))
        self.error = error_label()
        self.error.setText(message)
        intro = QLabel(
            _("The case log is encrypted. Type its passphrase to open it.")
            + "\n"
            + str(desk.log_file().path or "")
        )
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Unlock"))
        buttons.accepted.connect(self._on_unlock_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.passphrase.setFocus()

    def _on_unlock_clicked(self) -> None:
        try:
            with _BusyCursor():
                self.desk.unlock(self.passphrase.text())
        except UserError as exc:
            self.error.setText(str(exc))
            self.passphrase.clear()
            self.passphrase.setFocus()
            return
        self.accept()


class FirstStartDialog(QDialog):
    """A new case log: its passphrase (unless already given) and the first administrator.

    For a log that exists but has no accounts yet (made by an earlier version, or from the
    command line) only the administrator is asked for, and "Later" goes on without accounts.
    """

    def __init__(
        self,
        desk: Desk,
        *,
        ask_passphrase: bool = True,
        optional: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.ask_passphrase = ask_passphrase
        self.setWindowTitle(_("Welcome to Migrant Desk") if ask_passphrase else _("User accounts"))
        form = QFormLayout()
        self.passphrase = secret_field()
        self.passphrase_again = secret_field()
        if ask_passphrase:
            note = QLabel(
                _(
                    "The case log will be encrypted. Choose a passphrase of a few words and keep"
                    " it safe: without it nobody, not even you, can open the log again."
                )
            )
            note.setWordWrap(True)
            form.addRow(note)
            form.addRow(_("Passphrase"), self.passphrase)
            form.addRow(_("Passphrase again"), self.passphrase_again)
        admin_note = QLabel(
            _(
                "Create the first account. It can manage users, settings and backups, and see"
                " every case; add the counsellors' accounts afterwards."
            )
        )
        admin_note.setWordWrap(True)
        form.addRow(admin_note)
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.password = secret_field()
        self.password_again = secret_field()
        form.addRow(_("User name"), self.username)
        form.addRow(_("Full name"), self.display_name)
        form.addRow(_("Password"), self.password)
        form.addRow(_("Password again"), self.password_again)
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Create"))
        if optional:
            later = buttons.addButton(_("Later"), QDialogButtonBox.ButtonRole.RejectRole)
            later.clicked.connect(self.reject)
        else:
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
            buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self._on_create_clicked)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def problem(self) -> str | None:
        """What is wrong with the form, or None."""
        if self.ask_passphrase:
            problem = passphrase_problem(self.passphrase.text())
            if problem:
                return problem
            if self.passphrase.text() != self.passphrase_again.text():
                return _("The two passphrases differ.")
        if not self.username.text().strip():
            return _("Choose a user name.")
        problem = password_problem(self.password.text())
        if problem:
            return problem
        if self.password.text() != self.password_again.text():
            return _("The two passwords differ.")
        return None

    def _on_create_clicked(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            return
        try:
            with _BusyCursor():
                if self.ask_passphrase:
                    self.desk.unlock(self.passphrase.text())
                self.desk.create_first_administrator(
                    self.username.text(), self.password.text(), self.display_name.text()
                )
        except UserError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class EncryptOfferDialog(QDialog):
    """The case log is not encrypted: encrypt it now, or not now."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(_("Encrypt the case log"))
        text = QLabel(
            _(
                "This case log is not encrypted: anyone who gets this computer or a copy of the"
                " file can read every client's data. Encrypt it now with a passphrase? Nothing"
                " is lost; the unencrypted file is overwritten once the encrypted one is in"
                " place (older copies and backups of it stay unencrypted: delete them)."
            )
        )
        text.setWordWrap(True)
        self.passphrase = secret_field()
        self.passphrase_again = secret_field()
        form = QFormLayout()
        form.addRow(_("Passphrase"), self.passphrase)
        form.addRow(_("Passphrase again"), self.passphrase_again)
        self.error = error_label()
        buttons = QDialogButtonBox()
        buttons.addButton(_("Encrypt"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_encrypt_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _on_encrypt_clicked(self) -> None:
        problem = passphrase_problem(self.passphrase.text())
        if not problem and self.passphrase.text() != self.passphrase_again.text():
            problem = _("The two passphrases differ.")
        if problem:
            self.error.setText(problem)
            return
        try:
            with _BusyCursor():
                self.desk.encrypt(self.passphrase.text())
        except UserError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


def _fail(message: str) -> int:
    print(f"migrant-desk: {message}", file=sys.stderr, flush=True)
    return 1


def unlock_and_sign_in(
    desk: Desk, *, prefetch: Any = None, exit_after_start: bool = False
) -> int | None:
    """Unlock, create or offer to encrypt the log, then sign in; None to go on, else an exit
    code (the user closed a dialog, or ``--exit-after-start`` lacks what it needs)."""
    from desktop.security.passphrase import PASSPHRASE_ENV, from_env
    from desktop.security.unlock import count_accounts

    log = desk.log_file()
    if log.state == "server":
        return None
    message = ""
    if prefetch is not None and prefetch.url == desk.db_url:
        try:
            desk.key = prefetch.result()
        except UserError as exc:
            if exit_after_start:
                return _fail(
                    _("The passphrase in {variable} does not open the case log.").format(
                        variable=PASSPHRASE_ENV
                    )
                    if log.state == "encrypted"
                    else str(exc)
                )
            message = str(exc)
    elif from_env() is not None:
        try:
            desk.unlock(from_env() or "")
        except UserError as exc:
            if exit_after_start:
                return _fail(str(exc))
            message = str(exc)
    if log.state == "encrypted" and desk.key is None:
        if exit_after_start:
            return _fail(
                _("The case log is encrypted: set {variable} to open it.").format(
                    variable=PASSPHRASE_ENV
                )
            )
        if UnlockDialog(desk, message).exec() != QDialog.DialogCode.Accepted:
            return 0
    if log.state == "missing":
        if exit_after_start:
            return None  # created when the window first reads it (encrypted with the variable)
        dialog = FirstStartDialog(desk, ask_passphrase=desk.key is None)
        if message:
            dialog.error.setText(message)
        return None if dialog.exec() == QDialog.DialogCode.Accepted else 0
    code = _sign_in(desk, count_accounts(log.path, desk.key), exit_after_start)
    if code is not None:
        return code
    if log.state == "plain" and not exit_after_start and desk.can(Permission.LOG_BACKUP):
        EncryptOfferDialog(desk).exec()
    return None


def _sign_in(desk: Desk, accounts: int, exit_after_start: bool) -> int | None:
    from desktop.security.passphrase import PASSWORD_ENV, USER_ENV, from_env

    if accounts == 0:
        if not exit_after_start:
            FirstStartDialog(desk, ask_passphrase=False, optional=True).exec()
        return None
    user, password = from_env(USER_ENV), from_env(PASSWORD_ENV)
    if user and password:
        try:
            desk.sign_in(user, password)
            return None
        except UserError as exc:
            if exit_after_start:
                return _fail(str(exc))
    elif exit_after_start:
        return _fail(
            _("The case log has user accounts: set {user} and {password}.").format(
                user=USER_ENV, password=PASSWORD_ENV
            )
        )
    from desktop.ui.login_dialog import LoginDialog

    dialog = LoginDialog(desk)
    if user:
        dialog.username.setText(user)
        dialog.password.setFocus()
    return None if dialog.exec() == QDialog.DialogCode.Accepted else 0
