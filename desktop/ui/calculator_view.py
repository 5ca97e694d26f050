"""Calculator workspace: a person's trips in, their dates out, with the rule behind each."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.desk import Desk
from desktop.errors import UserError
from desktop.i18n import gettext as _
from desktop.i18n import ngettext
from desktop.rules import RuleBook
from desktop.rules.present import display_quote, format_date, rule_text
from desktop.ui.style import badge, headline_label
from desktop.ui.tasks import run_task
from desktop.ui.timeline import TimelineData, TimelineWidget
from desktop.ui.trips_model import TripsModel
from desktop.ui.widgets import DESTINATIONS, ORIGINS, CountryCombo, DateEdit
from desktop.ui.workspace import Workspace


class ResultCard(QFrame):
    """One computed date: a title, the value large, a line of context and the rule."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel(title)
        top.addWidget(self.title, 1)
        self.badge_host = QHBoxLayout()
        top.addLayout(self.badge_host)
        layout.addLayout(top)
        self.value = headline_label("—", factor=1.7)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.rule.setStyleSheet("color: palette(dark);")
        self.rule.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addWidget(self.rule)

    def show_value(
        self, value: str, detail: str = "", rule: str = "", why: str = "", kind: str = ""
    ) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.rule.setText(_("Rule: %s") % rule if rule else "")
        self.setToolTip(why)
        while self.badge_host.count():
            item = self.badge_host.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        if kind:
            words = {"gap": _("Not in sources"), "overdue": _("Overstay"), "in_force": _("OK")}
            self.badge_host.addWidget(badge(words.get(kind, kind), kind))


class CalculatorWorkspace(Workspace):
    """Inputs left, result cards right, the timeline below.

    Signals:
        follow_ups_requested(int, object): case id and a list of (due, text, rule id).
    """

    follow_ups_requested = Signal(int, object)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.book: RuleBook | None = None
        self.result: Any = None
        self.case_id: int | None = None

        self.citizen = CountryCombo(ORIGINS)
        self.citizen.set_code(desk.settings.get("default_citizenship"))
        self.destination = CountryCombo(DESTINATIONS)
        self.destination.set_code(desk.settings.get("default_destination"))
        self.entry = DateEdit(date.today())
        self.on_date = DateEdit(date.today())
        self.trips = TripsModel(self)
        self.trips_view = QTableView()
        self.trips_view.setModel(self.trips)
        self.trips_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.trips_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.trips_view.verticalHeader().hide()
        self.trips_view.setMinimumHeight(140)
        add = QPushButton(_("Add trip"))
        remove = QPushButton(_("Remove trip"))
        add.clicked.connect(self._on_add_trip_clicked)
        remove.clicked.connect(self._on_remove_trip_clicked)

        form = QFormLayout()
        form.addRow(_("Citizen of"), self.citizen)
        form.addRow(_("Destination"), self.destination)
        form.addRow(_("Entered on"), self.entry)
        form.addRow(_("Date of the question"), self.on_date)
        trips_box = QVBoxLayout()
        trips_box.addWidget(QLabel(_("Earlier stays in this country")))
        trips_box.addWidget(self.trips_view)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        trips_box.addLayout(row)
        self.case_label = QLabel()
        self.case_label.setWordWrap(True)
        self.follow_ups = QPushButton(_("Create follow-ups in the case"))
        self.follow_ups.setEnabled(False)
        self.follow_ups.clicked.connect(self._on_follow_ups_clicked)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(trips_box)
        left.addWidget(self.case_label)
        left.addWidget(self.follow_ups)
        left.addStretch(1)
        left_host = QWidget()
        left_host.setLayout(left)
        left_host.setMaximumWidth(380)

        self.card_register = ResultCard(_("Register by"))
        self.card_leave = ResultCard(_("Leave by"))
        self.card_days = ResultCard(_("Days used / left"))
        self.card_overstay = ResultCard(_("Overstay"))
        cards = QGridLayout()
        cards.addWidget(self.card_register, 0, 0)
        cards.addWidget(self.card_leave, 0, 1)
        cards.addWidget(self.card_days, 1, 0)
        cards.addWidget(self.card_overstay, 1, 1)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c; font-weight: 600;")
        self.error.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(self.error)
        right.addLayout(cards)
        right.addWidget(self.warnings)
        right.addStretch(1)

        top = QHBoxLayout()
        top.addWidget(left_host)
        top.addLayout(right, 1)
        self.timeline = TimelineWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addWidget(self.timeline, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.recompute)
        for combo in (self.citizen, self.destination):
            combo.currentIndexChanged.connect(self._debounce.start)
        for edit in (self.entry, self.on_date):
            edit.dateChanged.connect(self._debounce.start)
        for sig in (self.trips.dataChanged, self.trips.rowsInserted, self.trips.rowsRemoved,
                    self.trips.modelReset):  # fmt: skip
            sig.connect(self._debounce.start)

    # ----- loading ---------------------------------------------------------------------
    def first_show(self) -> None:
        def load() -> RuleBook:
            import desktop.stay  # noqa: F401 - warms the holiday calendars off the GUI thread

            return self.desk.rulebook()

        def failed(message: str) -> None:
            self.error.setText(message)
            self.data_ready.emit()

        run_task(load, on_done=self._on_book_loaded, on_failed=failed)

    def _on_book_loaded(self, book: RuleBook) -> None:
        self.book = book
        self.recompute()
        self.data_ready.emit()

    def set_person(
        self,
        *,
        citizen: str,
        destination: str,
        entry: date,
        trips: list[tuple[date, date]],
        case_id: int | None = None,
        label: str = "",
    ) -> None:
        """Pre-fill from a case: the client's citizenship and trips."""
        self.citizen.set_code(citizen)
        self.destination.set_code(destination)
        self.entry.set_date(entry)
        self.trips.set_rows(trips)
        self.case_id = case_id
        self.case_label.setText(_("For case: %s") % label if case_id else "")
        self.recompute()

    # ----- trips -----------------------------------------------------------------------
    def _on_add_trip_clicked(self) -> None:
        rows = self.trips.trips()
        last = rows[-1][1] if rows else self.entry.value() - timedelta(days=60)
        start = min(last + timedelta(days=1), self.entry.value() - timedelta(days=2))
        self.trips.add_trip(start, start + timedelta(days=1))
        self.trips_view.edit(self.trips.index(self.trips.rowCount() - 1, 0))

    def _on_remove_trip_clicked(self) -> None:
        rows = [i.row() for i in self.trips_view.selectionModel().selectedRows()]
        if not rows and self.trips.rowCount():
            rows = [self.trips.rowCount() - 1]
        self.trips.remove_rows(rows)

    # ----- computing -------------------------------------------------------------------
    def recompute(self) -> None:
        if self.book is None:
            return
        from desktop.stay import compute_deadlines

        try:
            self.result = compute_deadlines(
                self.book,
                citizen=self.citizen.code(),
                destination=self.destination.code(),
                entry=self.entry.value(),
                trips=[t for t in self.trips.trips() if t[1] >= t[0]],
                on=self.on_date.value(),
                date_format=lambda d: format_date(d),
            )
        except UserError as exc:
            self.error.setText(str(exc))
            self.result = None
            self.follow_ups.setEnabled(False)
            return
        self.error.setText("")
        self._show_result(self.result)

    def _why(self, rule_id: str) -> str:
        rule = self.book.get(rule_id) if self.book else None
        if rule is None:
            return ""
        src = rule.sources[0] if rule.sources else None
        quote = f"\n\n“{display_quote(src.quote)}” ({src.document}:{src.line})" if src else ""
        return rule_text(rule) + quote

    def _show_result(self, r: Any) -> None:
        reg = r.registration
        if reg is not None:
            self.card_register.show_value(
                format_date(reg.due),
                ngettext("%(n)d day after arrival", "%(n)d days after arrival", reg.days)
                % {"n": reg.days},
                reg.rule,
                self._why(reg.rule),
                "overdue" if reg.due < r.as_of else "",
            )
        else:
            self.card_register.show_value(
                _("Not stated"), _("The sources state no registration deadline."), kind="gap"
            )
        if r.latest_lawful_exit is not None:
            rule = r.per_stay.rule if r.per_stay else (r.stay.rule if r.stay else "")
            self.card_leave.show_value(
                format_date(r.latest_lawful_exit),
                _("last day you may still be in the country"),
                rule,
                self._why(rule),
            )
        else:
            self.card_leave.show_value(
                _("Not stated"), _("No stay limit in force is stated."), kind="gap"
            )
        stay = r.stay
        if stay is not None:
            self.card_days.show_value(
                f"{stay.days_used} / {stay.days_left}",
                _("%(max)d days allowed in any %(window)d")
                % {
                    "max": stay.max_days,
                    "window": stay.window_days,
                },
                stay.rule,
                self._why(stay.rule),
            )
        else:
            self.card_days.show_value("—", _("No rolling limit applies."))
        over = stay.overstay_from if stay else None
        if over is None and r.latest_lawful_exit is not None and r.as_of > r.latest_lawful_exit:
            over = r.latest_lawful_exit + timedelta(days=1)
        self.card_overstay.setVisible(over is not None)
        if over is not None:
            self.card_overstay.show_value(
                _("since %s") % format_date(over),
                _("Staying on is unlawful. Get advice today."),
                kind="overdue",
            )
        self.warnings.setText("\n".join(f"• {w}" for w in r.warnings))
        self.follow_ups.setEnabled(self.case_id is not None and bool(self.follow_up_items()))
        self._update_timeline(r)

    def _update_timeline(self, r: Any) -> None:
        from desktop.stay import window_counts

        trips = [t for t in self.trips.trips() if t[1] >= t[0]]
        entry, as_of = r.entry, r.as_of
        end = max(as_of, r.latest_lawful_exit or as_of) + timedelta(days=20)
        window = r.stay.window_days if r.stay else 180
        first = min([entry - timedelta(days=window)] + [t[0] for t in trips[-3:]])
        current = (entry, max(entry, as_of)) if as_of >= entry else None
        counts: list[int] = []
        if r.stay:
            upto = r.latest_lawful_exit or as_of
            presence = [*trips, (entry, max(as_of, upto))]
            counts = window_counts(presence, first, end, window)
        labels = [(entry, _("entry")), (as_of, _("today"))]
        if r.latest_lawful_exit:
            labels.append((r.latest_lawful_exit, _("leave by")))
        self.timeline.set_data(
            TimelineData(
                first=first,
                last=end,
                trips=trips,
                current=current,
                planned_until=r.latest_lawful_exit,
                as_of=as_of,
                window_days=r.stay.window_days if r.stay else None,
                max_days=r.stay.max_days if r.stay else None,
                counts=counts,
                overstay_from=r.stay.overstay_from if r.stay else None,
                labels=labels,
            )
        )

    # ----- follow-ups ------------------------------------------------------------------
    def follow_up_items(self) -> list[tuple[date, str, str | None]]:
        r = self.result
        items: list[tuple[date, str, str | None]] = []
        if r is None:
            return items
        if r.registration is not None and r.registration.due >= r.as_of:
            items.append((r.registration.due, _("Register by this date"), r.registration.rule))
        if r.latest_lawful_exit is not None and r.latest_lawful_exit >= r.as_of:
            rule = r.per_stay.rule if r.per_stay else (r.stay.rule if r.stay else None)
            items.append((r.latest_lawful_exit, _("Leave by this date"), rule))
        return items

    def _on_follow_ups_clicked(self) -> None:
        if self.case_id is None:
            return
        items = self.follow_up_items()
        run_task(
            self.desk.add_follow_ups,
            self.case_id,
            items,
            on_done=lambda _r: self.status_message.emit(
                ngettext(
                    "%d follow-up added to the case.",
                    "%d follow-ups added to the case.",
                    len(items),
                )
                % len(items)
            ),
            on_failed=self.error.setText,
        )
