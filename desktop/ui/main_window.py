"""The main window: a side bar of workspaces, the current workspace, a status bar."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QPaintEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.desk import Desk
from desktop.i18n import N_
from desktop.i18n import gettext as _
from desktop.security.permissions import Permission
from desktop.ui.workspace import Workspace


@dataclass(frozen=True)
class WorkspaceEntry:
    key: str
    title: str  # marked with N_
    icon: str  # qtawesome name
    module: str  # desktop.ui.<module> defines a class named ``cls``
    cls: str
    permission: Permission | None = None  # hidden from users who lack it


WORKSPACES: tuple[WorkspaceEntry, ...] = (
    WorkspaceEntry(
        "today",
        N_("Today"),
        "mdi6.calendar-today",
        "today_view",
        "TodayWorkspace",
        Permission.CASES_READ,
    ),
    WorkspaceEntry("rules", N_("Rules"), "mdi6.scale-balance", "rules_view", "RulesWorkspace"),
    WorkspaceEntry(
        "calculator",
        N_("Calculator"),
        "mdi6.calendar-range",
        "calculator_view",
        "CalculatorWorkspace",
    ),
    WorkspaceEntry(
        "cases",
        N_("Cases"),
        "mdi6.folder-account",
        "cases_view",
        "CasesWorkspace",
        Permission.CASES_READ,
    ),
    WorkspaceEntry(
        "leaflets", N_("Leaflets"), "mdi6.printer", "leaflets_view", "LeafletsWorkspace"
    ),
    WorkspaceEntry("training", N_("Training"), "mdi6.school", "training_view", "TrainingWorkspace"),
    WorkspaceEntry("settings", N_("Settings"), "mdi6.cog", "settings_view", "SettingsWorkspace"),
)


class MainWindow(QMainWindow):
    """The app's one window.

    Signals:
        first_painted(): the window has been painted once.
        first_data_ready(): the first workspace shows its real data.
        language_change_requested(str): the user chose another interface language.
    """

    first_painted = Signal()
    first_data_ready = Signal()
    language_change_requested = Signal(str)

    def __init__(self, desk: Desk, start_key: str | None = None) -> None:
        super().__init__()
        self.desk = desk
        self._painted = False
        self._pages: dict[str, Workspace] = {}
        self.setWindowTitle(_("Migrant Desk"))
        self.setMinimumSize(QSize(960, 600))

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(190)
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setSpacing(2)
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        for i, entry in enumerate(WORKSPACES):
            item = QListWidgetItem(_(entry.title))
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            item.setToolTip(f"{_(entry.title)} (Ctrl+{i + 1})")
            self.sidebar.addItem(item)
            item.setHidden(not desk.can(entry.permission))
        self.rules_note = QLabel()
        self.rules_note.setWordWrap(True)
        self.rules_note.setStyleSheet("color: palette(mid); padding: 8px;")
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 10, 6, 6)
        side_layout.addWidget(self.sidebar, 1)
        side_layout.addWidget(self.rules_note)

        self.stack = QStackedWidget()
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.db_label = QLabel()
        self.due_label = QLabel()
        self.lang_label = QLabel()
        for w in (self.db_label, self.due_label, self.lang_label):
            self.statusBar().addPermanentWidget(w)

        for i in range(len(WORKSPACES)):
            QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self, activated=self._switch_to_index(i))
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._on_find_activated)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self._on_new_client_activated)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self._on_print_activated)
        QShortcut(QKeySequence.StandardKey.Quit, self, activated=self.close)

        self.sidebar.currentRowChanged.connect(self._on_sidebar_row_changed)
        self._restore_layout()
        keys = [e.key for e in WORKSPACES if desk.can(e.permission)]
        start = start_key if start_key in keys else self._settings().value("workspace", "today")
        start = start if start in keys else keys[0]
        keys = [e.key for e in WORKSPACES]
        # The first workspace is built and loaded only after the first paint: the window
        # appears at once and fills in.
        self._start_row = keys.index(start) if start in keys else 0
        self.update_status()

    # ----- workspaces ------------------------------------------------------------------
    def page(self, key: str) -> Workspace:
        """The workspace for ``key``, built on first use."""
        if key not in self._pages:
            entry = next(e for e in WORKSPACES if e.key == key)
            module = importlib.import_module(f"desktop.ui.{entry.module}")
            page: Workspace = getattr(module, entry.cls)(self.desk, self)
            page.status_message.connect(self._on_page_status_message)
            if hasattr(page, "language_changed"):
                page.language_changed.connect(self.switch_language)
            if hasattr(page, "case_requested"):
                page.case_requested.connect(self.open_case)
            if hasattr(page, "calculator_requested"):
                page.calculator_requested.connect(self.open_calculator_for)
            if hasattr(page, "leaflet_requested"):
                page.leaflet_requested.connect(self.open_leaflet_for)
            if hasattr(page, "due_count_changed"):
                page.due_count_changed.connect(lambda n: self.update_status(due_today=n))
            self._pages[key] = page
            self.stack.addWidget(page)
        return self._pages[key]

    def current_key(self) -> str:
        item = self.sidebar.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else WORKSPACES[0].key

    def show_workspace(self, key: str) -> Workspace:
        keys = [e.key for e in WORKSPACES]
        self._painted = True
        self.sidebar.setCurrentRow(keys.index(key))
        return self.page(key)

    def open_case(self, case_id: int) -> None:
        cases = self.show_workspace("cases")
        if hasattr(cases, "open_case"):
            cases.open_case(case_id)

    def open_calculator_for(self, detail: Any) -> None:
        """The calculator, pre-filled with a case's client and trips."""
        from datetime import date

        client, case = detail.client, detail.case
        destination = case.destination or self.desk.settings.get("default_destination")
        trips = sorted(
            (t for t in detail.trips if t.destination == destination), key=lambda t: t.entry_on
        )
        current = trips[-1] if trips and (trips[-1].exit_on is None) else None
        earlier = [(t.entry_on, t.exit_on) for t in trips if t is not current and t.exit_on]
        calculator = self.show_workspace("calculator")
        calculator.set_person(
            citizen=client.citizenship,
            destination=destination,
            entry=current.entry_on if current else date.today(),
            trips=earlier,
            case_id=case.id,
            label=client.full_name,
        )

    def open_leaflet_for(self, case_id: int) -> None:
        leaflets = self.show_workspace("leaflets")
        leaflets.set_case(case_id)

    def _switch_to_index(self, index: int) -> Callable[[], None]:
        return lambda: self.sidebar.setCurrentRow(index)

    def _on_sidebar_row_changed(self, row: int) -> None:
        if row < 0 or not self._painted:
            return  # the start workspace is shown after the first paint
        if not self.desk.can(WORKSPACES[row].permission):
            return  # hidden for this user (Ctrl+number still reaches it)
        key = WORKSPACES[row].key
        page = self.page(key)
        first = not self._pages_shown()
        if first:
            page.data_ready.connect(self.first_data_ready)
        self.stack.setCurrentWidget(page)
        page.activate()

    def _pages_shown(self) -> bool:
        return any(p._activated for p in self._pages.values())

    def switch_language(self, lang: str) -> None:
        """Show every workspace in another language at once, keeping the current place."""
        from desktop.i18n import set_language

        set_language(lang)
        current = self.current_key()
        for page in list(self._pages.values()):
            self.stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        self.setWindowTitle(_("Migrant Desk"))
        for i, entry in enumerate(WORKSPACES):
            item = self.sidebar.item(i)
            item.setText(_(entry.title))
            item.setToolTip(f"{_(entry.title)} (Ctrl+{i + 1})")
        self.update_status()
        self._on_sidebar_row_changed(self.sidebar.currentRow())
        self.show_workspace(current)

    def set_icons(self) -> None:
        """Add the side bar icons; called after the first paint (the icon font is slow)."""
        try:
            import qtawesome as qta
        except ImportError:
            return
        for i, entry in enumerate(WORKSPACES):
            self.sidebar.item(i).setIcon(qta.icon(entry.icon, color=self.palette().text().color()))

    # ----- shortcuts -------------------------------------------------------------------
    def _on_find_activated(self) -> None:
        if not self.desk.can(Permission.CASES_READ):
            return
        page = self._pages.get(self.current_key())
        if page is not None and hasattr(page, "focus_search"):
            page.focus_search()
            return
        cases = self.show_workspace("cases")
        if hasattr(cases, "focus_search"):
            cases.focus_search()

    def _on_new_client_activated(self) -> None:
        if not self.desk.can(Permission.CASES_WRITE):
            return
        cases = self.show_workspace("cases")
        if hasattr(cases, "new_client"):
            cases.new_client()

    def _on_print_activated(self) -> None:
        page = self._pages.get(self.current_key())
        if page is not None and hasattr(page, "print_leaflet"):
            page.print_leaflet()
            return
        leaflets = self.show_workspace("leaflets")
        if hasattr(leaflets, "print_leaflet"):
            leaflets.print_leaflet()

    # ----- status ----------------------------------------------------------------------
    def _on_page_status_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def update_status(self, due_today: int | None = None) -> None:
        from desktop.i18n import current_language

        url = self.desk.db_url
        path = url.split("///", 1)[-1] if url.startswith("sqlite") else url
        self.db_label.setText(_("Database: %s") % path)
        self.db_label.setToolTip(url)
        if due_today is not None:
            self.due_label.setText(_("Follow-ups due today: %d") % due_today)
        self.lang_label.setText(current_language().upper())

    # ----- layout memory and closing ---------------------------------------------------
    def _settings(self) -> QSettings:
        return QSettings()

    def _restore_layout(self) -> None:
        geometry = self._settings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)

    def save_layout(self) -> None:
        settings = self._settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("workspace", self.current_key())

    def unsaved_pages(self) -> list[Workspace]:
        return [p for p in self._pages.values() if p.has_unsaved_changes()]

    def confirm_unsaved(self) -> bool:
        """Ask what to do with unsaved edits; False means "stay"."""
        pending = self.unsaved_pages()
        if not pending:
            return True
        answer = QMessageBox.question(
            self,
            _("Unsaved changes"),
            _("You have changes that are not saved yet. Save them before closing?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            return all(p.save_changes() for p in pending)
        for p in pending:
            p.discard_changes()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.confirm_unsaved():
            event.ignore()
            return
        self.save_layout()
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._show_start_workspace)
            self.first_painted.emit()

    def _show_start_workspace(self) -> None:
        if self.sidebar.currentRow() == self._start_row:
            self._on_sidebar_row_changed(self._start_row)
        else:
            self.sidebar.setCurrentRow(self._start_row)
