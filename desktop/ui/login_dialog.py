"""Who is at the computer: user name and password, before the window opens.

A wrong password gets one clear sentence and another try (the message does not say whether
the name or the password was wrong). The check itself is
``desktop.security.accounts.authenticate`` through :meth:`Desk.sign_in`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
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
from desktop.ui.unlock_dialog import _BusyCursor, error_label, secret_field


class LoginDialog(QDialog):
    """Sign in to the case log."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(_("Sign in"))
        intro = QLabel(_("Sign in to Migrant Desk."))
        self.username = QLineEdit()
        self.password = secret_field()
        form = QFormLayout()
        form.addRow(_("User name"), self.username)
        form.addRow(_("Password"), self.password)
        self.error = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Sign in"))
        buttons.accepted.connect(self._on_sign_in_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.username.setFocus()

    def _on_sign_in_clicked(self) -> None:
        try:
            with _BusyCursor():
                self.desk.sign_in(self.username.text(), self.password.text())
        except UserError as exc:
            self.error.setText(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
