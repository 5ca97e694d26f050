"""The case list: a table model over 100,000+ cases, fetched page by page off the GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.desk import Desk
from desktop.i18n import gettext as _
from desktop.rules.present import format_date
from desktop.ui.style import STATUS_COLOURS
from desktop.ui.tasks import run_task

Index = QModelIndex | QPersistentModelIndex
PAGE = 200


class CaseListModel(QAbstractTableModel):
    """Rows arrive a page at a time: ``fetchMore`` asks the database in the thread pool.

    Signals:
        loaded(int): a page arrived; the total number of cases the filter shows.
        failed(str): the database could not be read.
    """

    loaded = Signal(int)
    failed = Signal(str)

    COL_CLIENT, COL_CITIZENSHIP, COL_STATUS, COL_DESTINATION, COL_NEXT, COL_OPENED = range(6)
    HEADERS = ("Client", "Citizenship", "Status", "Destination", "Next due", "Opened")
    SORT_KEYS = ("name", "citizenship", "status", "destination", "next_due", "opened")

    def __init__(self, desk: Desk, parent: Any = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._rows: list[Any] = []
        self._total = 0
        self._loading = False
        self._generation = 0
        self.filters: Any = None
        self.sort_key = "next_due"
        self.descending = False

    # ----- loading ---------------------------------------------------------------------
    def reload(self, filters: Any = None) -> None:
        """Start again from the first page (new filter or sort, or after an edit)."""
        if filters is not None:
            self.filters = filters
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._total = 0
        self._loading = False
        self.endResetModel()
        self._fetch(0, with_count=True)

    def _fetch(self, offset: int, with_count: bool = False) -> None:
        from desktop.cases import lists

        self._loading = True
        generation = self._generation
        filters, sort, desc = self.filters, self.sort_key, self.descending

        def work(session: Any) -> tuple[list[Any], int | None]:
            rows = lists.list_cases(
                session=session, filters=filters, sort=sort, descending=desc,
                limit=PAGE, offset=offset,
            )  # fmt: skip
            total = lists.count_cases(session=session, filters=filters) if with_count else None
            return rows, total

        run_task(
            self.desk.call,
            work,
            on_done=lambda r: self._on_page(generation, offset, r),
            on_failed=self._on_failed,
        )

    def _on_page(self, generation: int, offset: int, result: tuple[list[Any], int | None]) -> None:
        if generation != self._generation:
            return
        rows, total = result
        self._loading = False
        if total is not None:
            self._total = total
        if offset != len(self._rows) or not rows:
            self.loaded.emit(self._total)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()
        self.loaded.emit(self._total)

    def _on_failed(self, message: str) -> None:
        self._loading = False
        self.failed.emit(message)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._loading and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch(len(self._rows))

    @property
    def total(self) -> int:
        return self._total

    # ----- the table -------------------------------------------------------------------
    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_case(self, case_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.case_id == case_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_CLIENT:
                latin = r.name_latin if r.name_latin.casefold() != r.name.casefold() else ""
                return f"{r.name}\n{latin}" if latin else r.name
            if col == self.COL_CITIZENSHIP:
                return r.citizenship
            if col == self.COL_STATUS:
                from desktop.cases.vocab import CASE_STATUSES

                return _(CASE_STATUSES.get(r.status, r.status))
            if col == self.COL_DESTINATION:
                return r.destination or ""
            if col == self.COL_NEXT:
                return format_date(r.next_due_on, fmt="medium") if r.next_due_on else ""
            if col == self.COL_OPENED:
                return format_date(r.opened_on, fmt="medium")
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_NEXT and r.next_due_on:
            from datetime import date

            if r.next_due_on < date.today() and r.status != "closed":
                return QColor(STATUS_COLOURS["overdue"])
        if role == Qt.ItemDataRole.UserRole:
            return r.case_id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.SORT_KEYS):
            return
        self.sort_key = self.SORT_KEYS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
