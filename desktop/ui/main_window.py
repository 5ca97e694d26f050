"""The main window."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from desktop.i18n import gettext as _


class MainWindow(QMainWindow):
    """The app's one window: a side bar of workspaces and the current workspace."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(_("Migrant Desk"))
        self.setCentralWidget(QLabel(_("Migrant Desk")))
