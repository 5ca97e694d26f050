"""The form for a local verified rule: value, dates, and the NGO's own source."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import gettext as _
from desktop.i18n import pgettext
from desktop.rules.local import check_local_record, new_local_id
from desktop.rules.model import CONTACT_KINDS, REGISTRATION_COUNTING, STAY_KINDS, TOPICS
from desktop.rules.present import topic_title
from desktop.ui.widgets import DESTINATIONS, ORIGINS, CountryCombo, DateEdit


def _spin(minimum: int, maximum: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, maximum)
    box.setValue(value)
    return box


class LocalRuleDialog(QDialog):
    """Collects a local rule and checks it with the rule loader before accepting."""

    def __init__(
        self,
        *,
        destination: str,
        citizen: str,
        topic: str,
        aspect: str = "",
        counsellor: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add a verified rule"))
        self.record: dict[str, Any] | None = None

        self.destination = CountryCombo(DESTINATIONS)
        self.destination.set_code(destination)
        self.applies = QComboBox()
        for code in ORIGINS:
            self.applies.addItem(code, code)
        self.applies.addItem(_("all citizens"), "all")
        self.applies.setCurrentIndex(max(0, self.applies.findData(citizen)))
        self.topic = QComboBox()
        for t in TOPICS:
            self.topic.addItem(topic_title(t), t)
        self.topic.setCurrentIndex(max(0, self.topic.findData(topic)))
        self.aspect = QLineEdit(aspect)
        self.effective_from = DateEdit(date.today())

        # One value form per computed topic; other topics carry text only.
        self.reg_days = _spin(1, 365, 7)
        self.reg_counting = QComboBox()
        for c in REGISTRATION_COUNTING:
            self.reg_counting.addItem(c, c)
        self.stay_kind = QComboBox()
        for k in STAY_KINDS:
            self.stay_kind.addItem(k, k)
        self.stay_max = _spin(1, 3650, 90)
        self.stay_window = _spin(0, 3650, 180)
        self.stay_per = _spin(0, 3650, 0)
        self.cost_amount = QDoubleSpinBox()
        self.cost_amount.setRange(0, 10_000_000)
        self.cost_amount.setDecimals(2)
        self.cost_currency = QLineEdit("RUB")
        self.cost_per = QComboBox()
        for code, label in (("month", _("a month")), ("year", _("a year")), ("once", _("once"))):
            self.cost_per.addItem(label, code)
        self.cost_region = QLineEdit()
        self.contact_name = QLineEdit()
        self.contact_kind = QComboBox()
        for k in CONTACT_KINDS:
            self.contact_kind.addItem(k, k)
        self.contact_phone = QLineEdit()
        self.contact_url = QLineEdit()
        self.value_stack = QStackedWidget()
        self._pages: dict[str, int] = {}
        for name, rows in (
            ("registration", [(_("Days"), self.reg_days), (_("Counting"), self.reg_counting)]),
            (
                "stay_limit",
                [
                    (_("Kind"), self.stay_kind),
                    (_("At most (days)"), self.stay_max),
                    (_("In any window of (days, 0 = none)"), self.stay_window),
                    (_("At a time (days, 0 = no limit)"), self.stay_per),
                ],
            ),
            (
                "cost",
                [
                    (_("Amount"), self.cost_amount),
                    (_("Currency"), self.cost_currency),
                    (_("Per"), self.cost_per),
                    (_("Region"), self.cost_region),
                ],
            ),
            (
                "contact",
                [
                    (pgettext("organisation", "Name"), self.contact_name),
                    (_("Kind"), self.contact_kind),
                    (_("Phone"), self.contact_phone),
                    (_("Web"), self.contact_url),
                ],
            ),
            ("", []),
        ):
            page = QWidget()
            form = QFormLayout(page)
            form.setContentsMargins(0, 0, 0, 0)
            for label, widget in rows:
                form.addRow(label, widget)
            self._pages[name] = self.value_stack.addWidget(page)

        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(_("The rule in one or two plain sentences"))
        self.text.setFixedHeight(70)
        self.source_title = QLineEdit()
        self.source_title.setPlaceholderText(_("Law, decree or official page"))
        self.source_url = QLineEdit()
        self.checked_by = QLineEdit(counsellor)
        self.checked_on = DateEdit(date.today())
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(_("Destination"), self.destination)
        form.addRow(_("Citizens of"), self.applies)
        form.addRow(_("Topic"), self.topic)
        form.addRow(_("Aspect (optional)"), self.aspect)
        form.addRow(_("In force from"), self.effective_from)
        form.addRow(self.value_stack)
        form.addRow(_("Rule text"), self.text)
        form.addRow(_("Source"), self.source_title)
        form.addRow(_("Source address (optional)"), self.source_url)
        form.addRow(_("Checked by"), self.checked_by)
        form.addRow(_("Checked on"), self.checked_on)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.topic.currentIndexChanged.connect(self._on_topic_changed)
        self._on_topic_changed()

    def _on_topic_changed(self) -> None:
        topic = str(self.topic.currentData())
        self.value_stack.setCurrentIndex(self._pages.get(topic, self._pages[""]))

    def value(self) -> dict[str, Any]:
        topic = str(self.topic.currentData())
        if topic == "registration":
            return {"days": self.reg_days.value(), "counting": self.reg_counting.currentData()}
        if topic == "stay_limit":
            value: dict[str, Any] = {
                "kind": self.stay_kind.currentData(),
                "max_days": self.stay_max.value(),
            }
            if self.stay_window.value():
                value["window_days"] = self.stay_window.value()
            if self.stay_per.value():
                value["per_stay_days"] = self.stay_per.value()
            return value
        if topic == "cost":
            value = {
                "amount": self.cost_amount.value(),
                "currency": self.cost_currency.text().strip().upper(),
                "per": str(self.cost_per.currentData()),
            }
            if self.cost_region.text().strip():
                value["region"] = self.cost_region.text().strip()
            return value
        if topic == "contact":
            value = {
                "name": self.contact_name.text().strip(),
                "kind": self.contact_kind.currentData(),
            }
            for key, edit in (("phone", self.contact_phone), ("url", self.contact_url)):
                if edit.text().strip():
                    value[key] = edit.text().strip()
            value["country"] = self.destination.code()
            return value
        return {}

    def build_record(self) -> dict[str, Any]:
        topic = str(self.topic.currentData())
        applies = [str(self.applies.currentData())]
        start = self.effective_from.value()
        record: dict[str, Any] = {
            "id": new_local_id(self.destination.code(), topic, applies, start),
            "destination": self.destination.code(),
            "applies_to": applies,
            "topic": topic,
            "status": "in_force",
            "effective_from": start,
            "text": self.text.toPlainText().strip(),
            "value": self.value(),
            "source_title": self.source_title.text().strip(),
            "checked_by": self.checked_by.text().strip(),
            "checked_on": self.checked_on.value(),
        }
        if self.aspect.text().strip():
            record["aspect"] = self.aspect.text().strip()
        if self.source_url.text().strip():
            record["source_url"] = self.source_url.text().strip()
        return record

    def _on_save_clicked(self) -> None:
        record = self.build_record()
        _rule, messages = check_local_record(record)
        if not record["checked_by"]:
            messages.append(_("Say who checked the rule."))
        if messages:
            self.error.setText("\n".join(messages))
            return
        self.record = record
        self.accept()
