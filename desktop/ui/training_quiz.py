"""Quiz cards on screen: pick a set, show a question, reveal the answer and its source.

The set is drawn from :func:`desktop.training.build_quiz` (rule sheets and scenarios) in a
shuffled but repeatable order; the same set can be put on the projector or printed, with
the answer key on its own page, in any of the five languages.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import LANGUAGES, current_language
from desktop.i18n import gettext as _
from desktop.paths import user_data_dir
from desktop.rules import RuleBook
from desktop.rules.present import country_name
from desktop.training import QuizCard, Scenario, build_quiz, pick
from desktop.ui.style import scaled_font
from desktop.ui.tasks import run_task
from desktop.ui.widgets import DESTINATIONS


def language_combo() -> QComboBox:
    """The five languages by their own names (Babel), the current one chosen."""
    from babel import Locale

    from desktop.rules.present import babel_locale

    combo = QComboBox()
    for code in LANGUAGES:
        name = Locale.parse(babel_locale(code)).get_display_name() or code
        combo.addItem(f"{name[:1].upper()}{name[1:]} ({code})", code)
    combo.setCurrentIndex(max(0, combo.findData(current_language())))
    return combo


class QuizPanel(QWidget):
    """One card at a time, answer hidden until revealed.

    Signals:
        status_message(str): a short message for the status bar.
        present_requested(): the trainer wants the set on the projector.
    """

    status_message = Signal(str)
    present_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book: RuleBook | None = None
        self.scenarios: list[Scenario] = []
        self.cards: list[QuizCard] = []
        self.index = 0
        self.seed = 1

        self.destination = QComboBox()
        self.destination.addItem(_("All destinations"), "")
        for code in DESTINATIONS:
            self.destination.addItem(f"{country_name(code)} ({code})", code)
        self.count = QSpinBox()
        self.count.setRange(3, 60)
        self.count.setValue(10)
        shuffle = QPushButton(_("New set"))
        shuffle.clicked.connect(self._on_shuffle_clicked)
        self.destination.currentIndexChanged.connect(self.rebuild)
        self.count.valueChanged.connect(self.rebuild)
        top = QHBoxLayout()
        for caption, widget in ((_("Destination"), self.destination), (_("Cards"), self.count)):
            label = QLabel(caption)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
        top.addWidget(shuffle)
        top.addStretch(1)

        self.position = QLabel()
        self.question = self._label(1.5, bold=True)
        self.answer = self._label(1.7, bold=True)
        self.explanation = self._label(1.05)
        self.source = self._label(0.95)
        self.source.setStyleSheet("color: palette(dark);")
        self.reveal_button = QPushButton(_("Reveal the answer"))
        self.reveal_button.setDefault(True)
        self.reveal_button.clicked.connect(self.reveal)
        previous = QPushButton(_("Previous"))
        previous.clicked.connect(lambda: self.show_card(self.index - 1))
        following = QPushButton(_("Next"))
        following.clicked.connect(lambda: self.show_card(self.index + 1))
        nav = QHBoxLayout()
        nav.addWidget(previous)
        nav.addWidget(self.reveal_button)
        nav.addWidget(following)
        nav.addStretch(1)

        self.language = language_combo()
        present = QPushButton(_("Present on the projector"))
        present.clicked.connect(self.present_requested)
        export = QPushButton(_("Export quiz as PDF…"))
        export.clicked.connect(self._on_export_clicked)
        bottom = QHBoxLayout()
        bottom.addWidget(present)
        bottom.addStretch(1)
        bottom.addWidget(QLabel(_("Handout language")))
        bottom.addWidget(self.language)
        bottom.addWidget(export)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.position)
        layout.addWidget(self.question)
        layout.addLayout(nav)
        for widget in (self.answer, self.explanation, self.source):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(bottom)

    def _label(self, factor: float, *, bold: bool = False) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setFont(scaled_font(label.font(), factor, bold=bold))
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # ----- data ------------------------------------------------------------------------
    def set_data(self, book: RuleBook, scenarios: list[Scenario]) -> None:
        self.book, self.scenarios = book, scenarios
        self.rebuild()

    def _all_cards(self, lang: str | None = None) -> list[QuizCard]:
        assert self.book is not None
        code = self.destination.currentData()
        return build_quiz(
            self.book, self.scenarios, lang=lang, destinations=[code] if code else None
        )

    def rebuild(self) -> None:
        if self.book is None:
            return
        self.cards = pick(self._all_cards(), self.count.value(), self.seed)
        self.show_card(0)

    def cards_in(self, lang: str) -> list[QuizCard]:
        """The current set, in the same order, in another language."""
        by_id = {c.id: c for c in self._all_cards(lang)}
        return [by_id[c.id] for c in self.cards if c.id in by_id]

    # ----- showing ---------------------------------------------------------------------
    def show_card(self, index: int) -> None:
        if not self.cards:
            self.position.setText(_("No cards for this choice."))
            for widget in (self.question, self.answer, self.explanation, self.source):
                widget.setText("")
            return
        self.index = max(0, min(index, len(self.cards) - 1))
        card = self.cards[self.index]
        self.position.setText(
            _("Card %(n)d of %(total)d") % {"n": self.index + 1, "total": len(self.cards)}
        )
        self.question.setText(card.question)
        self.answer.setText(_("Answer: %s") % card.answer)
        self.explanation.setText(card.explanation)
        quote = f"“{card.quote}”\n" if card.quote else ""
        self.source.setText(
            f"{quote}{card.source}" + (f" · {card.rule_id}" if card.rule_id else "")
        )
        for widget in (self.answer, self.explanation, self.source):
            widget.setVisible(False)
        self.reveal_button.setEnabled(True)

    def reveal(self) -> None:
        for widget in (self.answer, self.explanation, self.source):
            widget.setVisible(True)
        self.reveal_button.setEnabled(False)

    # ----- slots -----------------------------------------------------------------------
    def _on_shuffle_clicked(self) -> None:
        self.seed += 1
        self.rebuild()

    def _on_export_clicked(self) -> None:
        if not self.cards:
            return
        lang = str(self.language.currentData())
        suggested = str(Path(user_data_dir()) / f"quiz-{lang}.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the quiz as PDF"), suggested, _("PDF files (*.pdf)")
        )
        if not path:
            return
        from desktop.training.handout import write_quiz_handout

        cards = self.cards_in(lang)
        run_task(
            write_quiz_handout,
            cards,
            path,
            lang,
            on_done=lambda _r: self.status_message.emit(_("Quiz saved to %s") % path),
            on_failed=self.status_message.emit,
        )
