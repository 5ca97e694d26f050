"""Small widgets shared by several workspaces."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QWidget

from desktop.rules.present import country_name

ORIGINS = ("UZ", "TJ", "KG", "KZ", "TM")
DESTINATIONS = ("RU", "KZ", "KG", "TJ", "UZ", "TM", "TR")


class CountryCombo(QComboBox):
    """Countries by localised name, carrying the ISO code; type to jump."""

    def __init__(self, codes: Iterable[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_codes(codes)

    def set_codes(self, codes: Iterable[str]) -> None:
        current = self.code()
        was_blocked = self.blockSignals(True)
        self.clear()
        for code in codes:
            self.addItem(f"{country_name(code)} ({code})", code)
        self.blockSignals(was_blocked)
        if current:
            self.set_code(current)

    def code(self) -> str:
        data = self.currentData()
        return str(data) if data else ""

    def set_code(self, code: str) -> None:
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)


class DateEdit(QDateEdit):
    """A date field with a calendar pop-up that speaks Python dates."""

    def __init__(self, day: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd.MM.yyyy")
        self.setMinimumDate(QDate(1991, 1, 1))
        self.setMaximumDate(QDate(2100, 12, 31))
        self.set_date(day or date.today())

    def value(self) -> date:
        d = self.date()
        return date(d.year(), d.month(), d.day())

    def set_date(self, day: date) -> None:
        self.setDate(QDate(day.year, day.month, day.day))


def add_to_grid(layout: QGridLayout, widgets: list[QWidget], columns: int) -> None:
    for i, w in enumerate(widgets):
        layout.addWidget(w, i // columns, i % columns, Qt.AlignmentFlag.AlignTop)
    for c in range(columns):
        layout.setColumnStretch(c, 1)
