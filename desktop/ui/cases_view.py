"""Cases workspace: the case list (any size, filtered, sorted) beside the open case."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.desk import Desk
from desktop.i18n import gettext as _
from desktop.i18n import ngettext
from desktop.ui.case_view import CaseView
from desktop.ui.cases_model import CaseListModel
from desktop.ui.list_models import SearchModel
from desktop.ui.tasks import run_task
from desktop.ui.today_view import make_table
from desktop.ui.widgets import DateEdit
from desktop.ui.workspace import Workspace


class CasesWorkspace(Workspace):
    """Master–detail: filters and the list on the left, the case on the right.

    Signals:
        calculator_requested(object): a case detail to pre-fill the calculator with.
        leaflet_requested(int): a case to print a client leaflet for.
    """

    calculator_requested = Signal(object)
    leaflet_requested = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        from desktop.cases.vocab import CASE_STATUSES, CATEGORIES

        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search by name (any script), phone, document… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton(_("+ New client"))
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self.new_client)
        self.status = QComboBox()
        self.status.addItem(_("All statuses"), None)
        for code, label in CASE_STATUSES.items():
            self.status.addItem(_(label), code)
        self.category = QComboBox()
        self.category.addItem(_("All categories"), None)
        for code, label in CATEGORIES.items():
            self.category.addItem(_(label), code)
        self.counsellor = QLineEdit()
        self.counsellor.setPlaceholderText(_("Counsellor"))
        self.counsellor.setMinimumWidth(110)
        self.due_filter = QCheckBox(_("Due before"))
        self.due_date = DateEdit(date.today())
        self.due_date.setEnabled(False)
        self.due_filter.toggled.connect(self.due_date.setEnabled)
        self.count_label = QLabel()

        self.model = CaseListModel(desk, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(4, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.setColumnWidth(0, 210)
        self.search_model = SearchModel(self)
        self.search_table = make_table(self.search_model)
        self.search_table.hide()

        self.undo_bar = QFrame()
        self.undo_bar.setStyleSheet("QFrame { background: palette(alternate-base); }")
        undo_layout = QHBoxLayout(self.undo_bar)
        self.undo_text = QLabel()
        undo = QPushButton(_("Undo"))
        undo.clicked.connect(self._on_undo_clicked)
        undo_layout.addWidget(self.undo_text, 1)
        undo_layout.addWidget(undo)
        self.undo_bar.hide()
        self._undo_client: int | None = None
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(30_000)
        self._undo_timer.timeout.connect(self.undo_bar.hide)

        self.case_view = CaseView(desk)
        self.case_view.changed.connect(lambda _id: self.refresh_list(keep=True))
        self.case_view.deleted.connect(self._on_delete_requested)
        self.case_view.message.connect(self.status_message)
        self.case_view.calculator_requested.connect(self.calculator_requested)
        self.case_view.leaflet_requested.connect(self.leaflet_requested)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        for w in (self.status, self.category, self.counsellor, self.due_filter, self.due_date):
            filters.addWidget(w)
        filters.addStretch(1)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addLayout(filters)
        ll.addWidget(self.table, 1)
        ll.addWidget(self.search_table, 1)
        ll.addWidget(self.count_label)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.case_view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([620, 700])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addWidget(self.undo_bar)
        layout.addWidget(splitter, 1)

        self.model.loaded.connect(self._on_loaded)
        self.model.failed.connect(self._on_list_failed)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.search_table.activated.connect(self._on_hit_activated)
        self.search_table.clicked.connect(self._on_hit_activated)
        for combo in (self.status, self.category):
            combo.currentIndexChanged.connect(lambda: self.refresh_list())
        self.counsellor.editingFinished.connect(lambda: self.refresh_list())
        self.due_filter.toggled.connect(lambda: self.refresh_list())
        self.due_date.dateChanged.connect(lambda: self.refresh_list())
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(self._on_search_text_changed)
        self._first = True
        self._pending_case: int | None = None
        self._search_generation = 0

    # ----- list ------------------------------------------------------------------------
    def filters(self) -> Any:
        from desktop.cases.lists import CaseFilter

        return CaseFilter(
            status=self.status.currentData(),
            category=self.category.currentData(),
            counsellor=self.counsellor.text().strip() or None,
            due_before=self.due_date.value() if self.due_filter.isChecked() else None,
        )

    def first_show(self) -> None:
        self.refresh_list()

    def refresh_list(self, keep: bool = False) -> None:
        if keep and self.case_view.detail is not None:
            self._pending_case = self.case_view.case_id
        self.model.reload(self.filters())

    def _on_loaded(self, total: int) -> None:
        self.count_label.setText(ngettext("%d case", "%d cases", total) % total)
        if self._first:
            self._first = False
            self.data_ready.emit()
        if self._pending_case is not None:
            row = self.model.row_of_case(self._pending_case)
            if row >= 0:
                self.table.selectRow(row)
            self._pending_case = None

    def _on_list_failed(self, message: str) -> None:
        self.count_label.setText(message)
        if self._first:
            self._first = False
            self.data_ready.emit()

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row())
        if row is not None and row.case_id != (
            self.case_view.case_id if self.case_view.detail else None
        ):
            self.open_case(int(row.case_id))

    def open_case(self, case_id: int) -> None:
        """Show a case (from Today, search, a new client, or the list)."""
        if self.case_view.has_unsaved_changes() and self.case_view.case_id != case_id:
            answer = QMessageBox.question(
                self,
                _("Unsaved consultation"),
                _("The consultation you are writing is not saved. Discard it?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
            self.case_view.discard_changes()
        self.case_view.load(case_id)

    # ----- search ----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_search_text_changed(self, text: str) -> None:
        searching = bool(text.strip())
        self.search_table.setVisible(searching)
        self.table.setVisible(not searching)
        if searching:
            self._search_timer.start()
        else:
            self.count_label.setText(
                ngettext("%d case", "%d cases", self.model.total) % self.model.total
            )

    def _run_search(self) -> None:
        query = self.search.text().strip()
        if not query:
            return
        self._search_generation += 1
        generation = self._search_generation
        run_task(
            self.desk.search,
            query,
            on_done=lambda r: self._on_search_done(generation, r),
            on_failed=self.count_label.setText,
        )

    def _on_search_done(self, generation: int, results: Any) -> None:
        if generation != self._search_generation:
            return
        self.search_model.set_rows(results.results)
        self.count_label.setText(
            ngettext(
                "%(n)d client found in %(ms).0f ms",
                "%(n)d clients found in %(ms).0f ms",
                len(results.results),
            )
            % {"n": len(results.results), "ms": results.elapsed_ms}
        )
        if results.results and results.results[0].case_id:
            self.search_table.selectRow(0)
            self.open_case(int(results.results[0].case_id))

    def _on_hit_activated(self, index: QModelIndex) -> None:
        hit = self.search_model.row_at(index.row())
        if hit is not None and hit.case_id:
            self.open_case(int(hit.case_id))

    # ----- new client, delete and undo -------------------------------------------------
    def new_client(self) -> None:
        from desktop.ui.client_dialog import NewClientDialog

        dialog = NewClientDialog(self.desk, self)
        name = self.search.text().strip()
        if name and not any(ch.isdigit() for ch in name):
            dialog.name.setText(name)
        dialog.open_other_requested.connect(self.open_case)
        if dialog.exec() == NewClientDialog.DialogCode.Accepted and dialog.created_case_id:
            self.search.clear()
            self._pending_case = dialog.created_case_id
            self.open_case(dialog.created_case_id)
            self.refresh_list()
            self.status_message.emit(_("New client saved."))

    def _on_delete_requested(self, client_id: int) -> None:
        from desktop.cases.deletion import delete_record

        name = self.case_view.detail.client.full_name if self.case_view.detail else ""
        answer = QMessageBox.question(
            self,
            _("Delete client"),
            _("Delete %s and all their cases? You can undo this right after.") % name,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(_r: Any) -> None:
            self._undo_client = client_id
            self.undo_text.setText(_("%s was deleted.") % name)
            self.undo_bar.show()
            self._undo_timer.start()
            self.case_view.detail = None
            self.case_view.setEnabled(False)
            self.refresh_list()

        run_task(
            self.desk.call,
            delete_record,
            kind="client",
            record_id=client_id,
            on_done=done,
            on_failed=self.count_label.setText,
        )

    def _on_undo_clicked(self) -> None:
        from desktop.cases.deletion import restore_record

        if self._undo_client is None:
            return
        client_id, self._undo_client = self._undo_client, None
        self.undo_bar.hide()
        run_task(
            self.desk.call,
            restore_record,
            kind="client",
            record_id=client_id,
            on_done=lambda _r: (self.refresh_list(), self.status_message.emit(_("Restored."))),
            on_failed=self.count_label.setText,
        )

    # ----- unsaved work ----------------------------------------------------------------
    def has_unsaved_changes(self) -> bool:
        return self.case_view.has_unsaved_changes()

    def save_changes(self) -> bool:
        if self.case_view.c_summary.toPlainText().strip():
            self.case_view.add_consultation()
        if self.case_view.f_what.text().strip():
            self.case_view.add_follow_up()
        from desktop.ui.tasks import wait_for_tasks

        return wait_for_tasks(10_000)

    def discard_changes(self) -> None:
        self.case_view.discard_changes()
