"""New client and first case, with a warning about likely duplicates before saving."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.desk import Desk
from desktop.i18n import gettext as _
from desktop.ui.tasks import run_task
from desktop.ui.widgets import DESTINATIONS, ORIGINS, CountryCombo, DateEdit


class NewClientDialog(QDialog):
    """Name, citizenship, birth date, phone, destination, category; Save opens the case.

    Signals:
        open_other_requested(int): the counsellor wants the existing record instead.
    """

    open_other_requested = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.cases.vocab import CATEGORIES, CHANNELS

        self.desk = desk
        self.created_case_id: int | None = None
        self._other_client: int | None = None
        self.setWindowTitle(_("New client"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(_("Full name as written, in any script"))
        self.citizen = CountryCombo(ORIGINS)
        self.citizen.set_code(desk.settings.get("default_citizenship"))
        self.has_birth = QCheckBox(_("known"))
        self.birth = DateEdit(date(1990, 1, 1))
        self.birth.setEnabled(False)
        self.has_birth.toggled.connect(self.birth.setEnabled)
        self.phone = QLineEdit()
        self.destination = CountryCombo(DESTINATIONS)
        self.destination.set_code(desk.settings.get("default_destination"))
        self.category = QComboBox()
        for code, label in CATEGORIES.items():
            self.category.addItem(_(label), code)
        self.consent = QCheckBox(_("The client agrees that we keep this record"))
        self.channel = CHANNELS

        self.banner = QFrame()
        self.banner.setStyleSheet(
            "QFrame { background: #fef3c7; color: #78350f; border-radius: 6px; }"
        )
        banner_layout = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_open = QPushButton(_("Open the other record"))
        self.banner_open.clicked.connect(self._on_open_other_clicked)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.banner_open)
        self.banner.hide()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.setWordWrap(True)

        birth_row = QHBoxLayout()
        birth_row.addWidget(self.has_birth)
        birth_row.addWidget(self.birth, 1)
        form = QFormLayout()
        form.addRow(_("&Name"), self.name)
        form.addRow(_("Citizen of"), self.citizen)
        form.addRow(_("Born on"), birth_row)
        form.addRow(_("&Phone"), self.phone)
        form.addRow(_("Destination"), self.destination)
        form.addRow(_("Category"), self.category)
        form.addRow("", self.consent)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

        self._check = QTimer(self)
        self._check.setSingleShot(True)
        self._check.setInterval(300)
        self._check.timeout.connect(self._check_duplicates)
        self.name.textEdited.connect(self._check.start)
        self.phone.textEdited.connect(self._check.start)
        self.birth.dateChanged.connect(self._check.start)
        self.has_birth.toggled.connect(self._check.start)

    def client_in(self) -> Any:
        from db.schemas import ClientCreate

        return ClientCreate(
            full_name=self.name.text().strip(),
            citizenship=self.citizen.code(),
            birth_date=self.birth.value() if self.has_birth.isChecked() else None,
            phone=self.phone.text().strip() or None,
            consent_given=self.consent.isChecked(),
            consent_date=date.today() if self.consent.isChecked() else None,
            consent_scope=["advice"] if self.consent.isChecked() else [],
        )

    # ----- duplicates ------------------------------------------------------------------
    def _check_duplicates(self) -> None:
        if len(self.name.text().strip()) < 3 and len(self.phone.text().strip()) < 5:
            self.banner.hide()
            return
        from desktop.cases.clients import find_likely_duplicates

        client_in = self.client_in()

        def work(session: Any) -> list[Any]:
            return find_likely_duplicates(session, client_in)

        run_task(self.desk.call, work, on_done=self._on_duplicates, on_failed=self.error.setText)

    def _on_duplicates(self, found: list[Any]) -> None:
        if not found:
            self.banner.hide()
            self._other_client = None
            return
        first = found[0]
        self._other_client = int(first.client_id)
        self.banner_text.setText(
            _("This may be a client we already know: %(name)s (%(reason)s).")
            % {"name": first.full_name, "reason": first.reason}
        )
        self.banner.show()

    def _on_open_other_clicked(self) -> None:
        if self._other_client is None:
            return
        from desktop.cases.lists import CaseFilter, list_cases

        client_id = self._other_client

        def work(session: Any) -> int | None:
            rows = list_cases(session=session, filters=CaseFilter(client_id=client_id), limit=1)
            return rows[0].case_id if rows else None

        run_task(self.desk.call, work, on_done=self._on_other_case_found)

    def _on_other_case_found(self, case_id: int | None) -> None:
        if case_id is not None:
            self.open_other_requested.emit(int(case_id))
            self.reject()

    # ----- saving ----------------------------------------------------------------------
    def _on_save_clicked(self) -> None:
        from db.schemas import CaseCreate
        from desktop.cases.caseops import open_case
        from desktop.cases.clients import create_client

        if not self.name.text().strip():
            self.error.setText(_("Enter the client's name."))
            self.name.setFocus()
            return
        client_in = self.client_in()
        destination, category = self.destination.code(), str(self.category.currentData())
        counsellor = self.desk.settings.get("counsellor") or None

        def work(session: Any, who: str | None = None) -> int:
            client = create_client(session=session, client_in=client_in, who=who)
            case = open_case(
                session=session,
                case_in=CaseCreate(
                    client_id=client.id,
                    destination=destination,
                    categories=[category],
                    counsellor=counsellor,
                ),
                who=who,
            )
            return int(case.id)

        run_task(self.desk.call, work, on_done=self._on_saved, on_failed=self.error.setText)

    def _on_saved(self, case_id: int) -> None:
        self.created_case_id = case_id
        self.accept()

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_save_clicked()
            return
        super().keyPressEvent(event)
