"""Accounts, the audit trail and data protection, in one dialog (:func:`open_accounts_dialog`).

Each tab shows only what the signed-in user may use (the services refuse the rest anyway):

* *Accounts* (administrators): add an account, change its roles, set its password, disable
  or enable it;
* *Audit trail* (coordinators, administrators): who viewed, changed, exported or deleted
  which record, when, newest first; read only;
* *Data protection*: erase a client on request (coordinators), run the retention clean-up,
  change the passphrase (administrators).

:func:`install_account_menu` puts the signed-in user's name in the status bar, with Lock,
this dialog and "change my password".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.desk import Desk
from desktop.i18n import N_
from desktop.i18n import gettext as _
from desktop.security.passphrase import passphrase_problem, password_problem
from desktop.security.permissions import ROLE_TITLES, ROLES, Permission
from desktop.ui.list_models import RowsModel
from desktop.ui.tasks import run_task
from desktop.ui.unlock_dialog import error_label, secret_field


class AccountsModel(RowsModel):
    """The accounts (``AccountRead`` rows)."""

    COL_NAME, COL_FULL_NAME, COL_ROLES, COL_STATE = range(4)
    headers = (N_("User name"), N_("Full name"), N_("Roles"), N_("State"))

    def cell(self, row: Any, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.COL_NAME:
            return row.username
        if column == self.COL_FULL_NAME:
            return row.display_name
        if column == self.COL_ROLES:
            return ", ".join(_(ROLE_TITLES[r]) for r in row.roles)
        return _("active") if row.active else _("disabled")


class AuditModel(RowsModel):
    """Audit lines (``AuditEventRead`` rows), newest first."""

    COL_AT, COL_WHO, COL_ACTION, COL_RECORD, COL_DETAIL = range(5)
    headers = (N_("When"), N_("Who"), N_("Action"), N_("Record"), N_("Detail"))

    def cell(self, row: Any, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.COL_AT:
            return row.at.strftime("%Y-%m-%d %H:%M")
        if column == self.COL_WHO:
            return row.who
        if column == self.COL_ACTION:
            return row.action
        if column == self.COL_RECORD:
            return f"{row.record_type} {row.record_id}"
        return row.detail


def _table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().hide()
    return view


class AccountForm(QDialog):
    """A new account, or new roles or a new password for one."""

    def __init__(
        self, *, username: str = "", roles: list[str] | None = None, password_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(_("Account"))
        self.username = QLineEdit(username)
        self.username.setReadOnly(bool(username))
        self.display_name = QLineEdit()
        self.role_boxes = {r: QCheckBox(_(ROLE_TITLES[r])) for r in ROLES}
        for r, box in self.role_boxes.items():
            box.setChecked(r in (roles or []))
        self.password = secret_field()
        self.password_again = secret_field()
        self.password_only = password_only
        form = QFormLayout()
        form.addRow(_("User name"), self.username)
        if not username:
            form.addRow(_("Full name"), self.display_name)
        if not password_only:
            for box in self.role_boxes.values():
                form.addRow("", box)
        if password_only or not username:
            form.addRow(_("Password"), self.password)
            form.addRow(_("Password again"), self.password_again)
        self.error = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def roles(self) -> set[str]:
        return {r for r, box in self.role_boxes.items() if box.isChecked()}

    def _on_ok_clicked(self) -> None:
        needs_password = self.password_only or not self.username.isReadOnly()
        problem = password_problem(self.password.text()) if needs_password else None
        if not problem and needs_password and self.password.text() != self.password_again.text():
            problem = _("The two passwords differ.")
        if not problem and not self.password_only and not self.roles():
            problem = _("An account needs at least one role.")
        if problem:
            self.error.setText(problem)
            return
        self.accept()


class AccountsDialog(QDialog):
    """Accounts, audit trail and data protection (see the module docstring)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(_("Accounts and audit trail"))
        self.resize(860, 560)
        self.tabs = QTabWidget()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.accounts = AccountsModel(self)
        self.audit = AuditModel(self)
        if desk.can(Permission.USERS_MANAGE):
            self.tabs.addTab(self._accounts_tab(), _("Accounts"))
        if desk.can(Permission.AUDIT_READ):
            self.tabs.addTab(self._audit_tab(), _("Audit trail"))
        self.tabs.addTab(self._data_tab(), _("Data protection"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.reload()

    # ----- accounts ----------------------------------------------------------------------
    def _accounts_tab(self) -> QWidget:
        page = QWidget()
        self.accounts_view = _table(self.accounts)
        buttons = QHBoxLayout()
        for text, slot in (
            (_("Add…"), self._on_add_clicked),
            (_("Roles…"), self._on_roles_clicked),
            (_("Set password…"), self._on_password_clicked),
            (_("Disable or enable"), self._on_toggle_clicked),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.accounts_view, 1)
        layout.addLayout(buttons)
        return page

    def _selected_account(self) -> Any:
        rows = self.accounts_view.selectionModel().selectedRows()
        return self.accounts.row_at(rows[0].row()) if rows else None

    def _run(self, fn: Any, done_text: str, **kwargs: Any) -> None:
        def done(_result: Any) -> None:
            self.status.setText(done_text)
            self.reload()

        run_task(self.desk.call, fn, **kwargs, on_done=done, on_failed=self.status.setText)

    def _on_add_clicked(self) -> None:
        from desktop.security.accounts import create_account

        form = AccountForm(parent=self)
        if form.exec() == QDialog.DialogCode.Accepted:
            self._run(
                create_account,
                _("The account was added."),
                username=form.username.text(),
                password=form.password.text(),
                roles=form.roles(),
                display_name=form.display_name.text(),
            )

    def _on_roles_clicked(self) -> None:
        from desktop.security.accounts import set_roles

        account = self._selected_account()
        if account is None:
            return
        form = AccountForm(username=account.username, roles=account.roles, parent=self)
        if form.exec() == QDialog.DialogCode.Accepted:
            self._run(
                set_roles, _("The roles were changed."), username=account.username,
                roles=form.roles(),
            )  # fmt: skip

    def _on_password_clicked(self) -> None:
        from desktop.security.accounts import set_password

        account = self._selected_account()
        if account is None:
            return
        form = AccountForm(username=account.username, password_only=True, parent=self)
        if form.exec() == QDialog.DialogCode.Accepted:
            self._run(
                set_password, _("The password was set."), username=account.username,
                password=form.password.text(),
            )  # fmt: skip

    def _on_toggle_clicked(self) -> None:
        from desktop.security.accounts import set_active

        account = self._selected_account()
        if account is not None:
            self._run(set_active, _("Done."), username=account.username, active=not account.active)

    # ----- audit -------------------------------------------------------------------------
    def _audit_tab(self) -> QWidget:
        page = QWidget()
        self.audit_view = _table(self.audit)
        self.record_type = QComboBox()
        self.record_type.addItem(_("All records"), None)
        for code in ("client", "case", "consultation", "follow_up", "trip", "referral",
                     "local_rule", "user", "log"):  # fmt: skip
            self.record_type.addItem(code, code)
        self.action = QComboBox()
        self.action.addItem(_("All actions"), None)
        for code in ("view", "create", "update", "delete", "restore", "export", "import",
                     "anonymise", "share", "login"):  # fmt: skip
            self.action.addItem(code, code)
        self.who = QLineEdit()
        self.who.setPlaceholderText(_("Who"))
        refresh = QPushButton(_("Show"))
        refresh.clicked.connect(self.reload_audit)
        bar = QHBoxLayout()
        for widget in (self.record_type, self.action, self.who, refresh):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.audit_view, 1)
        return page

    def reload_audit(self) -> None:
        from desktop.cases.audit_log import AuditFilter, list_audit

        filters = AuditFilter(
            record_type=self.record_type.currentData(),
            action=self.action.currentData(),
            who=self.who.text().strip() or None,
        )
        run_task(
            self.desk.call,
            list_audit,
            filters=filters,
            limit=500,
            on_done=self.audit.set_rows,
            on_failed=self.status.setText,
        )

    # ----- data protection ---------------------------------------------------------------
    def _data_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        if self.desk.can(Permission.CASES_ERASE):
            self.erase_id = QSpinBox()
            self.erase_id.setRange(1, 2_000_000_000)
            erase = QPushButton(_("Erase this client's personal data…"))
            erase.clicked.connect(self._on_erase_clicked)
            row = QHBoxLayout()
            row.addWidget(self.erase_id)
            row.addWidget(erase)
            form.addRow(_("Client number"), row)
        if self.desk.can(Permission.RETENTION_RUN):
            years = int(self.desk.settings.get("retention_years") or 0)
            retention = QPushButton(_("Anonymise old clients now"))
            retention.clicked.connect(self._on_retention_clicked)
            form.addRow(
                _("Retention: clients whose cases all closed over {n} years ago").format(n=years),
                retention,
            )
        if self.desk.can(Permission.LOG_BACKUP) and self.desk.key is not None:
            change = QPushButton(_("Change the passphrase…"))
            change.clicked.connect(self._on_change_passphrase_clicked)
            form.addRow(_("Passphrase of the case log"), change)
        return page

    def _on_erase_clicked(self) -> None:
        from desktop.cases.retention import erase_client, erase_preview

        client_id = self.erase_id.value()

        def confirm(name: str) -> None:
            answer = QMessageBox.question(
                self,
                _("Erase a client"),
                _(
                    "Erase the personal data of client {id} ({name}) for good? Their name,"
                    " phone, document and every note are removed; this cannot be undone."
                ).format(id=client_id, name=name or "-"),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._run(
                    erase_client, _("The client's personal data was erased."), client_id=client_id
                )

        run_task(
            self.desk.call,
            erase_preview,
            client_id=client_id,
            on_done=confirm,
            on_failed=self.status.setText,
        )

    def _on_retention_clicked(self) -> None:
        from desktop.cases.retention import apply_retention

        years = int(self.desk.settings.get("retention_years") or 0)

        def done(report: Any) -> None:
            self.status.setText(_("{n} clients were anonymised.").format(n=len(report.client_ids)))

        run_task(
            self.desk.call,
            apply_retention,
            years=max(1, years),
            on_done=done,
            on_failed=self.status.setText,
        )

    def _on_change_passphrase_clicked(self) -> None:
        dialog = PassphraseDialog(self.desk, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status.setText(
                _("The passphrase was changed; backups made before keep the old one.")
            )

    def reload(self) -> None:
        """Read the accounts and the audit trail again."""
        from desktop.security.accounts import list_accounts

        if self.desk.can(Permission.USERS_MANAGE):
            run_task(
                self.desk.call,
                list_accounts,
                on_done=self.accounts.set_rows,
                on_failed=self.status.setText,
            )
        if self.desk.can(Permission.AUDIT_READ):
            self.reload_audit()


class PassphraseDialog(QDialog):
    """Change the case log's passphrase: the current one, then the new one twice."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(_("Change the passphrase"))
        self.current = secret_field()
        self.new = secret_field()
        self.again = secret_field()
        form = QFormLayout()
        form.addRow(_("Current passphrase"), self.current)
        form.addRow(_("New passphrase"), self.new)
        form.addRow(_("New passphrase again"), self.again)
        self.error = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _on_ok_clicked(self) -> None:
        from desktop.errors import UserError
        from desktop.ui.tasks import wait_for_tasks

        problem = passphrase_problem(self.new.text())
        if not problem and self.new.text() != self.again.text():
            problem = _("The two passphrases differ.")
        if problem:
            self.error.setText(problem)
            return
        wait_for_tasks(10_000)  # nothing may be using the log while it is re-keyed
        try:
            self.desk.change_passphrase(self.current.text(), self.new.text())
        except UserError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


def open_accounts_dialog(window: QWidget, desk: Desk) -> AccountsDialog:
    """Show the accounts dialog over ``window``."""
    dialog = AccountsDialog(desk, window)
    dialog.show()
    return dialog


def install_account_menu(window: QMainWindow, desk: Desk, lock: Any) -> QToolButton:
    """The signed-in user's name in the status bar, with Lock and the accounts dialog."""
    button = QToolButton()
    button.setText(_("Signed in: {name}").format(name=desk.acting.label))
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    menu.addAction(_("Lock now (Ctrl+L)"), lock.lock)
    if desk.can(Permission.USERS_MANAGE) or desk.can(Permission.AUDIT_READ):
        menu.addAction(_("Accounts and audit trail…"), lambda: open_accounts_dialog(window, desk))
    elif desk.can(Permission.CASES_ERASE) or desk.can(Permission.LOG_BACKUP):
        menu.addAction(_("Data protection…"), lambda: open_accounts_dialog(window, desk))
    if desk.actor is not None and desk.actor.is_account:
        menu.addAction(_("Change my password…"), lambda: _change_own_password(window, desk))
    button.setMenu(menu)
    window.statusBar().addPermanentWidget(button)
    return button


def _change_own_password(window: QWidget, desk: Desk) -> None:
    from desktop.security.accounts import set_password

    assert desk.actor is not None and desk.actor.username is not None
    form = AccountForm(username=desk.actor.username, password_only=True, parent=window)
    if form.exec() == QDialog.DialogCode.Accepted:
        run_task(
            desk.call,
            set_password,
            username=desk.actor.username,
            password=form.password.text(),
            on_done=lambda _r: window.statusBar().showMessage(
                _("Your password was changed."), 6000
            ),
            on_failed=lambda text: window.statusBar().showMessage(text, 6000),
        )
