"""Table model for a person's earlier stays: entry and exit dates, editable."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt

from desktop.i18n import gettext as _
from desktop.rules.present import format_date

Index = QModelIndex | QPersistentModelIndex


class TripsModel(QAbstractTableModel):
    """Rows of (entry, exit); edits arrive as QDate from the date delegate."""

    COL_ENTRY = 0
    COL_EXIT = 1
    COL_DAYS = 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[list[date]] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [_("Entry"), _("Exit"), _("Days")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry, exit_ = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_DAYS:
                return (exit_ - entry).days + 1
            return format_date([entry, exit_][col], fmt="medium")
        if role == Qt.ItemDataRole.EditRole and col in (self.COL_ENTRY, self.COL_EXIT):
            d = [entry, exit_][col]
            return QDate(d.year, d.month, d.day)
        if role == Qt.ItemDataRole.ForegroundRole and exit_ < entry:
            from PySide6.QtGui import QColor

            return QColor("#b91c1c")
        if role == Qt.ItemDataRole.ToolTipRole and exit_ < entry:
            return _("The exit is before the entry.")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() != self.COL_DAYS:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not isinstance(value, QDate):
            return False
        self._rows[index.row()][index.column()] = date(value.year(), value.month(), value.day())
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 2))
        return True

    def trips(self) -> list[tuple[date, date]]:
        return [(a, b) for a, b in self._rows]

    def set_rows(self, trips: list[tuple[date, date]]) -> None:
        self.beginResetModel()
        self._rows = [[a, b] for a, b in trips]
        self.endResetModel()

    def add_trip(self, entry: date, exit_: date) -> None:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append([entry, exit_])
        self.endInsertRows()

    def remove_rows(self, rows: list[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._rows):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
