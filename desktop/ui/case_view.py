"""One case: the client, consultations, follow-ups, trips, referrals and the audit trail."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.desk import Desk
from desktop.i18n import gettext as _
from desktop.i18n import pgettext
from desktop.rules.present import country_name, format_date
from desktop.ui.style import badge, headline_label
from desktop.ui.tasks import run_task
from desktop.ui.widgets import DESTINATIONS, CountryCombo, DateEdit

STATUS_KIND = {
    "open": "in_force",
    "in_progress": "local",
    "referred": "gap",
    "closed": "superseded",
}


class CaseView(QWidget):
    """Shows a :class:`db.schemas.CaseDetail`; edits go through the desk's services.

    Signals:
        changed(int): the case was changed (the list refreshes that row).
        deleted(int): the case's client was deleted (undo is offered by the workspace).
        calculator_requested(object): open the calculator pre-filled with this detail.
        leaflet_requested(int): print a client leaflet for this case.
        message(str): a line for the status bar.
    """

    changed = Signal(int)
    deleted = Signal(int)
    calculator_requested = Signal(object)
    leaflet_requested = Signal(int)
    message = Signal(str)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.cases.vocab import CASE_STATUSES, CHANNELS

        self.desk = desk
        self.detail: Any = None
        self.name = headline_label("", factor=1.5)
        self.name_latin = QLabel()
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.status_host = QHBoxLayout()
        self.status_button = QToolButton()
        self.status_button.setText(_("Status"))
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_menu = QMenu(self.status_button)
        for code, label in CASE_STATUSES.items():
            self.status_menu.addAction(_(label), lambda c=code: self._on_status_chosen(c))
        self.status_button.setMenu(self.status_menu)
        calc = self.calc_button = QPushButton(_("Calculator"))
        calc.setToolTip(_("Work out this client's dates from their trips"))
        calc.clicked.connect(lambda: self.detail and self.calculator_requested.emit(self.detail))
        leaflet = QPushButton(_("Client leaflet"))
        leaflet.clicked.connect(lambda: self.detail and self.leaflet_requested.emit(self.case_id))
        delete = QPushButton(_("Delete client…"))
        delete.clicked.connect(self._on_delete_clicked)
        head = QVBoxLayout()
        names = QHBoxLayout()
        names.addWidget(self.name, 1)
        names.addLayout(self.status_host)
        head.addLayout(names)
        head.addWidget(self.name_latin)
        actions = QHBoxLayout()
        for w in (self.status_button, calc, leaflet):
            actions.addWidget(w)
        actions.addStretch(1)
        actions.addWidget(delete)
        head.addLayout(actions)

        # consultations: the quick form is always visible
        self.c_date = DateEdit(date.today())
        self.c_channel = QComboBox()
        for code, label in CHANNELS.items():
            self.c_channel.addItem(_(label), code)
        self.c_summary = QPlainTextEdit()
        self.c_summary.setPlaceholderText(_("What the client asked, what you advised"))
        self.c_summary.setFixedHeight(70)
        self.c_rules = QLineEdit()
        self.c_rules.setPlaceholderText(_("Rule ids cited, separated by spaces (optional)"))
        self.c_save = QPushButton(_("Add consultation"))
        self.c_save.setToolTip("Ctrl+Enter")
        self.c_save.clicked.connect(self.add_consultation)
        QShortcut(QKeySequence("Ctrl+Return"), self.c_summary, activated=self.add_consultation)
        c_form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.c_date)
        row.addWidget(self.c_channel)
        c_form.addRow(_("Date and channel"), row)
        c_form.addRow(_("Summary"), self.c_summary)
        c_form.addRow(_("Rules cited"), self.c_rules)
        c_form.addRow("", self.c_save)
        self.consultations = QListWidget()
        self.consultations.setWordWrap(True)
        cons_tab = QWidget()
        cl = QVBoxLayout(cons_tab)
        cl.addLayout(c_form)
        cl.addWidget(self.consultations, 1)

        # follow-ups: tick off
        self.follow_ups = QListWidget()
        self.follow_ups.itemChanged.connect(self._on_follow_up_ticked)
        self.f_due = DateEdit(date.today())
        self.f_what = QLineEdit()
        self.f_what.setPlaceholderText(_("What to do"))
        self.f_what.returnPressed.connect(self.add_follow_up)
        f_add = QPushButton(_("Add follow-up"))
        f_add.clicked.connect(self.add_follow_up)
        f_row = QHBoxLayout()
        f_row.addWidget(self.f_due)
        f_row.addWidget(self.f_what, 1)
        f_row.addWidget(f_add)
        fol_tab = QWidget()
        fl = QVBoxLayout(fol_tab)
        fl.addLayout(f_row)
        fl.addWidget(self.follow_ups, 1)

        # trips
        self.trips = QListWidget()
        self.t_dest = CountryCombo(DESTINATIONS)
        self.t_entry = DateEdit(date.today())
        self.t_exit = DateEdit(date.today())
        self.t_exit_known = QComboBox()
        self.t_exit_known.addItem(_("still there"), False)
        self.t_exit_known.addItem(_("left on"), True)
        self.t_exit_known.currentIndexChanged.connect(
            lambda: self.t_exit.setEnabled(bool(self.t_exit_known.currentData()))
        )
        self.t_exit.setEnabled(False)
        t_add = QPushButton(_("Add trip"))
        t_add.clicked.connect(self.add_trip)
        t_row = QHBoxLayout()
        for w in (
            self.t_dest,
            QLabel(pgettext("trip", "entered on")),
            self.t_entry,
            self.t_exit_known,
            self.t_exit,
        ):
            t_row.addWidget(w)
        t_row.addWidget(t_add)
        trip_tab = QWidget()
        tl = QVBoxLayout(trip_tab)
        tl.addLayout(t_row)
        tl.addWidget(self.trips, 1)

        # referrals
        self.referrals = QListWidget()
        self.r_to = QComboBox()
        self.r_to.setEditable(True)
        self.r_to.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.r_to.lineEdit().setPlaceholderText(_("Organisation (from the rule sheets, or type)"))
        r_add = QPushButton(_("Add referral"))
        r_add.clicked.connect(self.add_referral)
        r_row = QHBoxLayout()
        r_row.addWidget(self.r_to, 1)
        r_row.addWidget(r_add)
        ref_tab = QWidget()
        rl = QVBoxLayout(ref_tab)
        rl.addLayout(r_row)
        rl.addWidget(self.referrals, 1)

        self.client_info = QLabel()
        self.client_info.setWordWrap(True)
        self.client_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.client_info.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.history = QListWidget()

        self.tabs = QTabWidget()
        self.tabs.addTab(self.client_info, _("Client"))
        self.tabs.addTab(cons_tab, _("Consultations"))
        self.tabs.addTab(fol_tab, _("Follow-ups"))
        self.tabs.addTab(trip_tab, _("Trips"))
        self.tabs.addTab(ref_tab, _("Referrals"))
        self.tabs.addTab(self.history, _("History"))
        self.tabs.setCurrentIndex(1)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.facts)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        self.setEnabled(False)

    @property
    def case_id(self) -> int:
        return int(self.detail.case.id) if self.detail else 0

    # ----- loading ---------------------------------------------------------------------
    def load(self, case_id: int) -> None:
        from desktop.cases.caseops import get_case_detail

        run_task(
            self.desk.call,
            get_case_detail,
            case_id=case_id,
            on_done=self.show_detail,
            on_failed=self.error.setText,
        )

    def reload(self) -> None:
        if self.detail:
            self.load(self.case_id)
            self.changed.emit(self.case_id)

    def has_unsaved_changes(self) -> bool:
        return bool(self.c_summary.toPlainText().strip() or self.f_what.text().strip())

    def discard_changes(self) -> None:
        self.c_summary.clear()
        self.c_rules.clear()
        self.f_what.clear()

    def show_detail(self, detail: Any) -> None:
        from desktop.cases.vocab import CASE_STATUSES, CATEGORIES, CHANNELS, REFERRAL_STATUSES

        self.detail = detail
        self.error.setText("")
        self.setEnabled(True)
        client, case = detail.client, detail.case
        self.name.setText(client.full_name)
        self.name_latin.setText(
            client.name_latin if client.name_latin.casefold() != client.full_name.casefold() else ""
        )
        while self.status_host.count():
            item = self.status_host.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        self.status_host.addWidget(
            badge(_(CASE_STATUSES.get(case.status, case.status)), STATUS_KIND.get(case.status, ""))
        )
        cats = ", ".join(_(CATEGORIES.get(c, c)) for c in case.categories)
        bits = [
            _("Case #%d") % case.id,
            _("citizen of %s") % country_name(client.citizenship),
            _("in %s") % country_name(case.destination) if case.destination else "",
            _("opened %s") % format_date(case.opened_on, fmt="medium"),
            cats,
            _("made-up record") if case.made_up else "",
        ]
        self.facts.setText(" · ".join(b for b in bits if b))
        born = format_date(client.birth_date) if client.birth_date else (client.birth_year or "")
        rows = [
            (pgettext("person", "Name"), client.full_name),
            (_("Latin"), client.name_latin),
            (_("Citizenship"), country_name(client.citizenship)),
            (_("Born"), born),
            (_("Phone"), client.phone or ""),
            (_("Messenger"), client.messenger or ""),
            (_("Document"), " ".join(filter(None, (client.document_type, client.document_number)))),
            (_("Consent"), _("given on %s") % format_date(client.consent_date)
             if client.consent_given and client.consent_date else
             (_("given") if client.consent_given else _("not recorded"))),
            (_("Notes"), client.notes),
        ]  # fmt: skip
        self.client_info.setText("\n".join(f"{k}: {v}" for k, v in rows if v))

        self.consultations.clear()
        for c in sorted(detail.consultations, key=lambda c: c.held_on, reverse=True):
            text = (
                f"{format_date(c.held_on, fmt='medium')} · {_(CHANNELS.get(c.channel, c.channel))}"
            )
            text += f"\n{c.summary}" if c.summary else ""
            if c.rule_ids:
                text += "\n" + _("Rules: %s") % ", ".join(c.rule_ids)
            self.consultations.addItem(text)
        self.follow_ups.blockSignals(True)
        self.follow_ups.clear()
        for f in sorted(detail.follow_ups, key=lambda f: (f.done, f.due_on)):
            item = QListWidgetItem(f"{format_date(f.due_on, fmt='medium')} — {f.what}")
            item.setData(Qt.ItemDataRole.UserRole, f.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if f.done else Qt.CheckState.Unchecked)
            if f.rule_id:
                item.setToolTip(_("Rule: %s") % f.rule_id)
            self.follow_ups.addItem(item)
        self.follow_ups.blockSignals(False)
        self.trips.clear()
        for t in sorted(detail.trips, key=lambda t: t.entry_on, reverse=True):
            end = format_date(t.exit_on, fmt="medium") if t.exit_on else _("still there")
            self.trips.addItem(
                f"{country_name(t.destination)}: {format_date(t.entry_on, fmt='medium')} – {end}"
            )
        self.referrals.clear()
        for r in detail.referrals:
            status = _(REFERRAL_STATUSES.get(r.status, r.status))
            self.referrals.addItem(
                f"{format_date(r.referred_on, fmt='medium')} · {r.to_name} · {status}"
            )
        self.history.clear()
        for h in detail.history:
            self.history.addItem(f"{h.at:%Y-%m-%d %H:%M} · {h.who} · {h.record_type} · {h.action}")
        if case.destination:
            self.t_dest.set_code(case.destination)
        self._fill_contacts(case.destination or "", client.citizenship)

    def _fill_contacts(self, destination: str, citizenship: str) -> None:
        # The rule book may still have to be read (and its local rules queried): off the
        # GUI thread. A failure only leaves the list empty; typing a name always works.
        run_task(
            self.desk.rulebook,
            on_done=lambda book: self._show_contacts(book, destination, citizenship),
        )

    def _show_contacts(self, book: Any, destination: str, citizenship: str) -> None:
        current = self.r_to.currentText()
        self.r_to.clear()
        if destination:
            for rule in book.sheet(destination, citizenship, date.today()).by_topic("contact"):
                if not rule.is_gap and rule.value.get("name"):
                    self.r_to.addItem(str(rule.value["name"]), rule.id)
        self.r_to.setEditText(current)

    # ----- edits -----------------------------------------------------------------------
    def _run(self, fn: Any, done_message: str, **kwargs: Any) -> None:
        def done(_result: Any) -> None:
            self.message.emit(done_message)
            self.reload()

        run_task(self.desk.call, fn, **kwargs, on_done=done, on_failed=self.error.setText)

    def add_consultation(self) -> None:
        from db.schemas import ConsultationCreate
        from desktop.cases.records import add_consultation

        if not self.detail:
            return
        summary = self.c_summary.toPlainText().strip()
        if not summary:
            self.error.setText(_("Write a short summary of the consultation."))
            self.c_summary.setFocus()
            return
        consultation = ConsultationCreate(
            case_id=self.case_id,
            held_on=self.c_date.value(),
            channel=str(self.c_channel.currentData()),
            summary=summary,
            rule_ids=self.c_rules.text().split(),
            counsellor=self.desk.settings.get("counsellor") or None,
        )
        self.c_summary.clear()
        self.c_rules.clear()
        self._run(add_consultation, _("Consultation recorded."), consultation_in=consultation)

    def add_follow_up(self) -> None:
        from db.schemas import FollowUpCreate
        from desktop.cases.records import add_follow_up

        what = self.f_what.text().strip()
        if not self.detail or not what:
            return
        item = FollowUpCreate(case_id=self.case_id, due_on=self.f_due.value(), what=what)
        self.f_what.clear()
        self._run(add_follow_up, _("Follow-up added."), follow_up_in=item)

    def _on_follow_up_ticked(self, item: QListWidgetItem) -> None:
        from desktop.cases.records import set_follow_up_done

        done = item.checkState() == Qt.CheckState.Checked
        self._run(
            set_follow_up_done,
            _("Follow-up done.") if done else _("Follow-up open again."),
            follow_up_id=int(item.data(Qt.ItemDataRole.UserRole)),
            done=done,
        )

    def add_trip(self) -> None:
        from db.schemas import TripCreate
        from desktop.cases.trips import add_trip

        if not self.detail:
            return
        trip = TripCreate(
            client_id=self.detail.client.id,
            destination=self.t_dest.code(),
            entry_on=self.t_entry.value(),
            exit_on=self.t_exit.value() if self.t_exit_known.currentData() else None,
        )
        self._run(add_trip, _("Trip added."), trip_in=trip)

    def add_referral(self) -> None:
        from db.schemas import ReferralCreate
        from desktop.cases.trips import add_referral

        name = self.r_to.currentText().strip()
        if not self.detail or not name:
            return
        index = self.r_to.findText(name)
        rule_id = self.r_to.itemData(index) if index >= 0 else None
        referral = ReferralCreate(
            case_id=self.case_id, to_name=name, to_rule_id=rule_id, referred_on=date.today()
        )
        self._run(add_referral, _("Referral recorded."), referral_in=referral)

    def _on_status_chosen(self, status: str) -> None:
        from desktop.cases.caseops import reopen_case, set_case_status

        if not self.detail or status == self.detail.case.status:
            return
        if self.detail.case.status == "closed" and status == "open":
            self._run(reopen_case, _("Case reopened."), case_id=self.case_id)
        else:
            self._run(set_case_status, _("Status changed."), case_id=self.case_id, status=status)

    def _on_delete_clicked(self) -> None:
        if self.detail:
            self.deleted.emit(int(self.detail.client.id))
