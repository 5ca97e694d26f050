"""Today workspace."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.desk import Desk
from desktop.i18n import gettext as _
from desktop.ui.workspace import Workspace


class TodayWorkspace(Workspace):
    """Today workspace (being built)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Today")))
