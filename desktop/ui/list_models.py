"""Table models for the short lists of the Today workspace (follow-ups, cases, search hits)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.i18n import gettext as _
from desktop.rules.present import format_date
from desktop.ui.style import STATUS_COLOURS

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A read-only list of plain rows; subclasses name the columns and what each shows."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.headers[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError


def _name(row: Any) -> str:
    if row.name_latin and row.name_latin.casefold() != row.name.casefold():
        return f"{row.name}\n{row.name_latin}"
    return str(row.name)


class FollowUpsModel(RowsModel):
    """Follow-ups: due date (red when overdue), client, what to do."""

    COL_DUE, COL_CLIENT, COL_WHAT = range(3)
    headers = ("Due", "Client", "What")

    def __init__(self, parent: Any = None, overdue: bool = False) -> None:
        super().__init__(parent)
        self.overdue = overdue

    def cell(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return [format_date(row.due_on, fmt="medium"), _name(row), row.what][column]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COL_DUE and self.overdue:
            return QColor(STATUS_COLOURS["overdue"])
        if role == Qt.ItemDataRole.ToolTipRole and row.rule_id:
            return _("Rule: %s") % row.rule_id
        return None


from desktop.cases.vocab import CASE_STATUSES  # noqa: E402 - plain data, no database


class CasesModel(RowsModel):
    """Recent cases: client, citizenship, status, next due date."""

    COL_CLIENT, COL_CITIZENSHIP, COL_STATUS, COL_NEXT = range(4)
    headers = ("Client", "Citizenship", "Status", "Next due")

    def cell(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                _name(row),
                row.citizenship,
                _(CASE_STATUSES.get(row.status, row.status)),
                format_date(row.next_due_on, fmt="medium") if row.next_due_on else "",
            ][column]
        return None


class SearchModel(RowsModel):
    """Search hits, best first."""

    COL_CLIENT, COL_CASE = range(2)
    headers = ("Client", "Case")

    def cell(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return [_name(row), f"#{row.case_id}" if row.case_id else "—"][column]
        return None
