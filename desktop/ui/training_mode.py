"""Training mode: a second main window on the made-up training database, marked as such.

The window is an ordinary :class:`MainWindow` on its own :class:`Desk`, so every workspace
works as usual, but on made-up clients only. It is marked on every screen (a banner above
every workspace, "[Training]" in the title) and keeps its layout apart from the real
window's, so a demonstration on a projector can never show a real client, and nothing
entered there reaches the real case log.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar

from desktop.desk import Desk
from desktop.i18n import gettext as _
from desktop.training.database import is_training_url, training_url
from desktop.ui.main_window import MainWindow
from desktop.ui.style import STATUS_COLOURS, scaled_font

BANNER_COLOUR = STATUS_COLOURS["gap"]  # amber: white bold text on it passes WCAG AA


def title_mark() -> str:
    return _("[Training]")


def banner_text() -> str:
    return _("TRAINING — made-up data")


class TrainingWindow(MainWindow):
    """The main window in training mode (``training`` is True).

    Its title always carries the training mark, even after a change of language, and its
    geometry and last workspace are remembered apart from the real window's.
    """

    training = True

    def setWindowTitle(self, title: str) -> None:
        mark = title_mark()
        super().setWindowTitle(title if title.startswith(mark) else f"{mark} {title}")

    def _settings(self) -> QSettings:
        settings = QSettings()
        settings.beginGroup("training")
        return settings

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted():
            from desktop.ui.tasks import wait_for_tasks

            wait_for_tasks(3000)
            self.desk.close()


def add_banner(window: QMainWindow) -> QToolBar:
    """A fixed amber bar above every workspace; it cannot be moved, floated or hidden."""
    bar = QToolBar(window)
    bar.setObjectName("trainingBanner")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setVisible(False)
    bar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
    bar.setStyleSheet(f"QToolBar#trainingBanner {{ background: {BANNER_COLOUR}; border: 0; }}")
    label = QLabel(banner_text())
    label.setObjectName("trainingBannerLabel")
    label.setFont(scaled_font(label.font(), 1.35, bold=True))
    label.setStyleSheet(f"color: white; background: {BANNER_COLOUR}; padding: 6px 14px;")
    label.setToolTip(_("Nothing entered in this window reaches the real case log."))
    label.setAccessibleName(banner_text())
    note = QLabel(_("Made-up clients only · nothing entered here reaches the real case log"))
    note.setStyleSheet(f"color: white; background: {BANNER_COLOUR}; padding: 6px 14px;")
    bar.addWidget(label)
    bar.addWidget(note)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar


def open_training_window(parent_window: MainWindow) -> MainWindow:
    """Open the training window on the training database and show it.

    The database must have been prepared (``ensure_training_database``); this only builds
    the window. The real window's rule folder and settings are shared, its case log never.
    """
    url = training_url()
    real = parent_window.desk
    if real.db_url == url or is_training_url(real.db_url):
        raise RuntimeError("training mode must not open the database of the window it starts from")
    desk = Desk(db_url=url, rules_dir=real.rules_dir, settings=real.settings, plain=True)
    window = TrainingWindow(desk, start_key="today")
    window.setWindowTitle(_("Migrant Desk"))
    window.banner = add_banner(window)
    window.show()
    window.first_data_ready.connect(window.set_icons)
    return window
