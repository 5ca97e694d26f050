"""The idle lock: after some minutes without a key press or a click (``idle_lock_minutes``,
10 by default, 0 never), or at once with Ctrl+L, every window of the app is hidden and a
lock screen asks for the user's password (the passphrase while the log has no accounts).

The timing is :class:`desktop.security.idle.IdleClock` (no Qt); here an application-wide
event filter feeds it and a timer asks it. Hiding the windows, not covering them, keeps
client data off the screen, out of window previews and away from screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.desk import Desk
from desktop.i18n import gettext as _
from desktop.security.idle import IdleClock
from desktop.ui.unlock_dialog import _BusyCursor, error_label, secret_field

#: Events that mean someone is using the app.
ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}
CHECK_MS = 5000


class LockDialog(QDialog):
    """The lock screen: nothing of the case log shows until the secret is typed again."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(_("Migrant Desk is locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        account = desk.actor is not None and desk.actor.is_account
        if account:
            assert desk.actor is not None
            text = _("Locked. {name}, type your password to go on.").format(name=desk.actor.label)
        elif desk.key is not None:
            text = _("Locked. Type the case log's passphrase to go on.")
        else:
            text = _("Locked.")
        self.message = QLabel(text)
        self.message.setWordWrap(True)
        self.secret = secret_field()
        self.secret.setVisible(account or desk.key is not None)
        self.error = error_label()
        buttons = QDialogButtonBox()
        buttons.addButton(_("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Quit"), QDialogButtonBox.ButtonRole.DestructiveRole).clicked.connect(
            self._on_quit_clicked
        )
        buttons.accepted.connect(self._on_unlock_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.secret)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _on_unlock_clicked(self) -> None:
        with _BusyCursor():
            ok = self.desk.check_secret(self.secret.text())
        self.secret.clear()
        if not ok:
            self.error.setText(_("That is not right; try again."))
            return
        self.accept()

    def _on_quit_clicked(self) -> None:
        self.done(2)

    def reject(self) -> None:
        """Escape does not unlock."""


class IdleLock(QObject):
    """Locks the app when idle or asked to.

    Signals:
        locked(): the windows were hidden and the lock screen is up.
        unlocked(): the secret was typed again; the windows are back.
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(self, desk: Desk, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.clock = IdleClock(minutes)
        self.dialog: LockDialog | None = None
        self._hidden: list[QWidget] = []
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.timer.start()

    @property
    def is_locked(self) -> bool:
        return self.clock.locked

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self.clock.touch()
        return False

    def _on_timer_timeout(self) -> None:
        if self.clock.expired():
            self.lock()

    def lock(self) -> None:
        """Hide every window of the app and show the lock screen until it is unlocked."""
        if self.clock.locked:
            return
        self.clock.lock()
        self._hidden = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and not isinstance(w, LockDialog)
        ]
        for widget in self._hidden:
            widget.hide()
        self.dialog = LockDialog(self.desk)
        self.dialog.finished.connect(self._on_dialog_finished)
        self.locked.emit()
        self.dialog.open()

    def _on_dialog_finished(self, result: int) -> None:
        if result == 2:
            QApplication.quit()
            return
        self.dialog = None
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.clock.unlock()
        self.unlocked.emit()


def install_idle_lock(app: QApplication, window: QWidget, desk: Desk) -> IdleLock:
    """Watch the whole app for activity, and lock on Ctrl+L from the main window."""
    minutes = float(desk.settings.get("idle_lock_minutes") or 0)
    lock = IdleLock(desk, minutes, parent=window)
    app.installEventFilter(lock)
    QShortcut(QKeySequence("Ctrl+L"), window, activated=lock.lock)
    return lock
