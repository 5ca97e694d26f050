"""Today workspace: what is due, what is overdue, recent cases, and search as you type."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.desk import Desk
from desktop.i18n import gettext as _
from desktop.i18n import ngettext
from desktop.ui.list_models import CasesModel, FollowUpsModel, SearchModel
from desktop.ui.style import scaled_font
from desktop.ui.tasks import run_task
from desktop.ui.workspace import Workspace


def make_table(model: Any) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(True)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def section(title: str) -> QLabel:
    label = QLabel(title)
    label.setFont(scaled_font(label.font(), 1.15, bold=True))
    return label


class TodayWorkspace(Workspace):
    """The counsellor's start page.

    Signals:
        case_requested(int): open this case in the Cases workspace.
        due_count_changed(int): follow-ups due today, for the status bar.
    """

    case_requested = Signal(int)
    due_count_changed = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search clients by name, phone or document… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Search clients"))
        self.search_info = QLabel()
        self.search_model = SearchModel(self)
        self.search_view = make_table(self.search_model)
        self.search_view.hide()

        self.due_model = FollowUpsModel(self)
        self.overdue_model = FollowUpsModel(self, overdue=True)
        self.recent_model = CasesModel(self)
        self.due_view = make_table(self.due_model)
        self.overdue_view = make_table(self.overdue_model)
        self.recent_view = make_table(self.recent_model)
        self.due_title = section(_("Due today"))
        self.overdue_title = section(_("Overdue"))
        self.done_button = QPushButton(_("Mark as done"))
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(self._on_done_clicked)

        follow = QWidget()
        fl = QVBoxLayout(follow)
        fl.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.due_title)
        head.addStretch(1)
        head.addWidget(self.done_button)
        fl.addLayout(head)
        fl.addWidget(self.due_view, 1)
        fl.addWidget(self.overdue_title)
        fl.addWidget(self.overdue_view, 1)
        recent = QWidget()
        rl = QVBoxLayout(recent)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(section(_("Recently opened cases")))
        rl.addWidget(self.recent_view, 1)
        self.lists = QSplitter()
        self.lists.addWidget(follow)
        self.lists.addWidget(recent)
        self.lists.setStretchFactor(0, 3)
        self.lists.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(self.search)
        layout.addWidget(self.search_info)
        layout.addWidget(self.search_view, 1)
        layout.addWidget(self.lists, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._open_first_hit)
        for view in (self.due_view, self.overdue_view, self.recent_view, self.search_view):
            view.doubleClicked.connect(self._on_row_double_clicked)
            view.activated.connect(self._on_row_double_clicked)
        for view in (self.due_view, self.overdue_view):
            view.selectionModel().selectionChanged.connect(self._on_follow_up_selected)
        self._generation = 0

    # ----- loading ---------------------------------------------------------------------
    def first_show(self) -> None:
        run_task(self.desk.first_overview, on_done=self._on_first_loaded, on_failed=self._on_failed)

    def _on_first_loaded(self, data: dict[str, Any]) -> None:
        self._on_loaded(data)
        # Open the log the full way now, off the GUI thread, so search answers at once.
        run_task(self.desk.engine, on_failed=self._on_failed)

    def activate(self) -> None:
        if self._activated:
            self.reload()
        super().activate()

    def reload(self) -> None:
        run_task(self.desk.today_overview, on_done=self._on_loaded, on_failed=self._on_failed)

    def _on_loaded(self, data: dict[str, Any]) -> None:
        self.due_model.set_rows(data["due_today"])
        self.overdue_model.set_rows(data["overdue"])
        self.recent_model.set_rows(data["recent"])
        self.due_title.setText(_("Due today (%d)") % data["due_count"])
        self.overdue_title.setText(_("Overdue (%d)") % len(data["overdue"]))
        self.due_count_changed.emit(int(data["due_count"]))
        self.data_ready.emit()

    def _on_failed(self, message: str) -> None:
        self.search_info.setText(message)
        self.data_ready.emit()

    # ----- search ----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_search_text_changed(self, text: str) -> None:
        searching = bool(text.strip())
        self.search_view.setVisible(searching)
        self.lists.setVisible(not searching)
        if searching:
            self._search_timer.start()
        else:
            self.search_info.setText("")

    def _run_search(self) -> None:
        query = self.search.text().strip()
        if not query:
            return
        self._generation += 1
        generation = self._generation
        run_task(
            self.desk.search,
            query,
            on_done=lambda r: self._on_search_done(generation, r),
            on_failed=self.search_info.setText,
        )

    def _on_search_done(self, generation: int, results: Any) -> None:
        if generation != self._generation:
            return  # an older search finished after a newer one started
        self.search_model.set_rows(results.results)
        n = len(results.results)
        self.search_info.setText(
            ngettext("%(n)d client found in %(ms).0f ms", "%(n)d clients found in %(ms).0f ms", n)
            % {"n": n, "ms": results.elapsed_ms}
            if n
            else _("No client matches. Press Ctrl+N to add a new client.")
        )

    def _open_first_hit(self) -> None:
        hit = self.search_model.row_at(0)
        if hit is not None and hit.case_id:
            self.case_requested.emit(int(hit.case_id))

    # ----- rows ------------------------------------------------------------------------
    def _on_row_double_clicked(self, index: QModelIndex) -> None:
        model = index.model()
        row = model.row_at(index.row()) if hasattr(model, "row_at") else None
        case_id = getattr(row, "case_id", None)
        if case_id:
            self.case_requested.emit(int(case_id))

    def _selected_follow_up(self) -> Any:
        for view in (self.due_view, self.overdue_view):
            rows = view.selectionModel().selectedRows()
            if rows:
                return view.model().row_at(rows[0].row())
        return None

    def _on_follow_up_selected(self, *_args: Any) -> None:
        self.done_button.setEnabled(self._selected_follow_up() is not None)

    def _on_done_clicked(self) -> None:
        row = self._selected_follow_up()
        if row is None:
            return
        run_task(
            self.desk.set_follow_up_done,
            row.follow_up_id,
            on_done=lambda _r: (
                self.status_message.emit(_("Follow-up done: %s") % row.what),
                self.reload(),
            ),
            on_failed=self.status_message.emit,
        )

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            return
        super().keyPressEvent(event)
