"""What every workspace of the main window offers the window."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.desk import Desk


class Workspace(QWidget):
    """A page of the main window, switched from the side bar.

    Signals:
        status_message(str): a short message for the status bar.
        data_ready(): the workspace shows its real data for the first time.
    """

    status_message = Signal(str)
    data_ready = Signal()

    title = ""
    icon_name = ""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._activated = False

    def activate(self) -> None:
        """Called each time the workspace is shown; loads data the first time."""
        if not self._activated:
            self._activated = True
            self.first_show()

    def first_show(self) -> None:
        """Load data; override. Emit ``data_ready`` when it is shown."""
        self.data_ready.emit()

    def has_unsaved_changes(self) -> bool:
        return False

    def save_changes(self) -> bool:
        """Save pending edits; False if they could not be saved."""
        return True

    def discard_changes(self) -> None:
        """Throw pending edits away."""
