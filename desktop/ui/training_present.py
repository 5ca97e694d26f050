"""The presentation view: a scenario step or a quiz, full screen, large, for a projector.

High contrast (near-black on white whatever the desktop theme, since projected dark themes
wash out), type about twice the normal size, and the keyboard drives everything, so a
trainer can stand away from the laptop with a presenter remote (arrow and page keys):

- scenario: ←/→ move a day, PgUp/PgDn (or P/N) the previous/next step, Space plays;
- quiz: Space or Enter reveals the answer, ←/→ (or P/N) the previous/next card;
- Esc leaves the presentation.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.i18n import gettext as _
from desktop.rules import RuleBook
from desktop.training import QuizCard, Scenario
from desktop.ui.style import scaled_font
from desktop.ui.training_step import StepView

SCALE = 1.6
MUTED = "#374151"  # 10:1 on white
STYLE = """
QWidget#presentation { background: #ffffff; }
QWidget#presentation QLabel, QWidget#presentation QAbstractButton { color: #111111; }
QWidget#presentation QScrollArea, QWidget#presentation QScrollArea > QWidget > QWidget {
    background: #ffffff; }
"""


class Presentation(QWidget):
    """A full-screen top-level view; Esc closes it.

    Signals:
        closed(): the presentation was left.
    """

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presentation")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(_("Migrant Desk — presentation"))
        self.hint = QLabel()
        self.hint.setStyleSheet(f"color: {MUTED};")
        self.hint.setFont(scaled_font(self.hint.font(), 1.15))
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(48, 28, 48, 18)

    def present(self) -> None:
        """Show full screen and take the keyboard."""
        self.setGeometry(self.screen().geometry())  # also where no window manager obeys
        self.showFullScreen()
        self.activateWindow()
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        if not self.handle_key(event.key()):
            super().keyPressEvent(event)

    def handle_key(self, key: int) -> bool:
        """Act on a key; True when it was used. Subclasses add their own keys."""
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()


class StepPresentation(Presentation):
    """A scenario, one step at a time, with the timeline player large."""

    def __init__(self, book: RuleBook, scenario: Scenario, index: int = 0, parent=None) -> None:
        super().__init__(parent)
        self.book, self.scenario, self.index = book, scenario, index
        self.view = StepView(scale=SCALE, columns=True, muted=MUTED)
        self.view.player.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.player.play.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hint.setText(_("← → day · PgUp PgDn step · Space play · Esc leave the presentation"))
        self.body.addWidget(self.view, 1)
        self.body.addWidget(self.hint)
        self.show_step(index)

    def show_step(self, index: int) -> None:
        self.index = max(0, min(index, len(self.scenario.steps) - 1))
        self.view.set_step(self.book, self.scenario, self.index)

    def handle_key(self, key: int) -> bool:
        player = self.view.player
        actions = {
            Qt.Key.Key_Right: lambda: player.step_by(1),
            Qt.Key.Key_Left: lambda: player.step_by(-1),
            Qt.Key.Key_Up: lambda: player.step_by(7),
            Qt.Key.Key_Down: lambda: player.step_by(-7),
            Qt.Key.Key_Home: lambda: player.slider.setValue(player.slider.minimum()),
            Qt.Key.Key_End: lambda: player.slider.setValue(player.slider.maximum()),
            Qt.Key.Key_Space: lambda: player.play.toggle(),
            Qt.Key.Key_PageDown: lambda: self.show_step(self.index + 1),
            Qt.Key.Key_N: lambda: self.show_step(self.index + 1),
            Qt.Key.Key_PageUp: lambda: self.show_step(self.index - 1),
            Qt.Key.Key_P: lambda: self.show_step(self.index - 1),
        }
        action = actions.get(Qt.Key(key))
        if action is None:
            return False
        action()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        self.view.player.play.setChecked(False)
        super().closeEvent(event)


class QuizPresentation(Presentation):
    """Quiz cards one at a time: the question, then (on Space) the answer and its source."""

    def __init__(self, cards: list[QuizCard], index: int = 0, parent=None) -> None:
        super().__init__(parent)
        self.cards, self.index, self.revealed = cards, 0, False
        self.position = self._label(1.4)
        self.position.setStyleSheet(f"color: {MUTED};")
        self.question = self._label(3.0, bold=True)
        self.answer = self._label(3.0, bold=True)
        self.answer.setStyleSheet("color: #1e3a8a;")
        self.explanation = self._label(2.0)
        self.source = self._label(1.6)
        self.source.setStyleSheet(f"color: {MUTED};")
        self.hint.setText(_("Space reveal · → next · ← previous · Esc leave the presentation"))
        for widget in (self.position, self.question):
            self.body.addWidget(widget)
        self.body.addSpacing(30)
        for widget in (self.answer, self.explanation, self.source):
            self.body.addWidget(widget)
        self.body.addStretch(1)
        self.body.addWidget(self.hint)
        self.show_card(index)

    def _label(self, factor: float, *, bold: bool = False) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setFont(scaled_font(label.font(), factor, bold=bold))
        return label

    def show_card(self, index: int) -> None:
        self.index = max(0, min(index, len(self.cards) - 1))
        card = self.cards[self.index]
        self.position.setText(
            _("Question %(n)d of %(total)d") % {"n": self.index + 1, "total": len(self.cards)}
        )
        self.question.setText(card.question)
        self.answer.setText(_("Answer: %s") % card.answer)
        self.explanation.setText(card.explanation)
        quote = f"“{card.quote}”\n" if card.quote else ""
        self.source.setText(quote + card.source)
        self.reveal(False)

    def reveal(self, shown: bool = True) -> None:
        self.revealed = shown
        for widget in (self.answer, self.explanation, self.source):
            widget.setVisible(shown)

    def handle_key(self, key: int) -> bool:
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.revealed:
                self.show_card(self.index + 1)
            else:
                self.reveal()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_N):
            self.show_card(self.index + 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_P):
            self.show_card(self.index - 1)
        else:
            return False
        return True
