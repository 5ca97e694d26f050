"""One scenario step on screen: the story, the timeline player, what follows, and the rules.

Used in the Training workspace and, with ``scale`` and two columns, in the presentation
view. Every date and sentence comes from :mod:`desktop.training`, so the screen, the
projector and the handout say the same thing.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import gettext as _
from desktop.rules import Rule, RuleBook
from desktop.rules.present import rule_text
from desktop.training import Outcome, Scenario, Step, mismatches, replay, step_rules
from desktop.training.narrate import (
    consequences,
    quotations,
    rule_label,
    rule_value,
    status_kind,
    tr,
)
from desktop.ui.style import STATUS_COLOURS, badge, scaled_font
from desktop.ui.training_player import TimelinePlayer


def clear_now(layout: QVBoxLayout) -> None:
    """Empty a layout at once (hidden now, deleted later), so nothing old shows meanwhile."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


def _label(text: str = "", factor: float = 1.0, *, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setFont(scaled_font(label.font(), factor, bold=bold))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class RuleQuote(QFrame):
    """A rule with its status word, value, text and every quotation shown (not folded)."""

    def __init__(
        self, book: RuleBook, rule: Rule, scale: float = 1.0, muted: str = "palette(dark)"
    ) -> None:
        super().__init__()
        self.rule = rule
        self.setObjectName("ruleQuote")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        kind = status_kind(rule)
        self.setStyleSheet(
            f"QFrame#ruleQuote {{ border: 1px solid palette(mid);"
            f" border-left: {int(5 * scale)}px solid {STATUS_COLOURS[kind]}; }}"
        )
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(_label(rule_label(rule), scale, bold=True), 1)
        layout.addLayout(top)
        value = rule_value(rule)
        if value:
            layout.addWidget(_label(value, 1.35 * scale, bold=True))
        layout.addWidget(_label(rule_text(rule), scale))
        self.quote_labels: list[QLabel] = []
        for q in quotations(book, rule):
            quote = _label(f"“{q.quote}”", 0.95 * scale)
            quote.setStyleSheet("padding-left: 10px; border-left: 3px solid palette(mid);")
            where = _label(f"{q.where} · {rule.id}", 0.85 * scale)
            where.setStyleSheet(f"color: {muted};")
            layout.addWidget(quote)
            layout.addWidget(where)
            self.quote_labels.append(quote)
        if not rule.sources:
            where = _label(rule.id, 0.85 * scale)
            where.setStyleSheet(f"color: {muted};")
            layout.addWidget(where)


class StepView(QWidget):
    """A step with its player; ``columns`` puts the rules beside the player (projector)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        scale: float = 1.0,
        columns: bool = False,
        muted: str = "palette(dark)",
    ) -> None:
        super().__init__(parent)
        self.scale = scale
        self.muted = muted
        self.title = _label("", 1.45 * scale, bold=True)
        self.position = _label("", 0.95 * scale)
        self.position.setStyleSheet(f"color: {muted};")
        self.narration = _label("", 1.05 * scale)
        self.check = _label("", scale)
        self.check.setStyleSheet(f"color: {STATUS_COLOURS['overdue']}; font-weight: 600;")
        self.check.setVisible(False)
        self.book: RuleBook | None = None
        self.scenario: Scenario | None = None
        self.step: Step | None = None
        self.player = TimelinePlayer(scale=scale)
        self.player.day_changed.connect(self._on_player_day_changed)
        self.follows = QVBoxLayout()
        self.rules = QVBoxLayout()
        self.consequence_labels: list[QLabel] = []
        self.rule_widgets: list[RuleQuote] = []

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        if columns:
            side_layout.addWidget(self.narration)
        side_layout.addWidget(_label(_("What follows"), 1.1 * scale, bold=True))
        side_layout.addLayout(self.follows)
        side_layout.addWidget(_label(_("The rules and their sources"), 1.1 * scale, bold=True))
        side_layout.addLayout(self.rules)
        side_layout.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.position)
        layout.addWidget(self.title)
        if columns:  # the story and the rules beside the player, which gets the height
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(side)
            layout.addWidget(self.check)
            row = QHBoxLayout()
            row.addWidget(self.player, 3)
            row.addSpacing(24)
            row.addWidget(scroll, 2)
            layout.addLayout(row, 1)
        else:
            layout.addWidget(self.narration)
            layout.addWidget(self.check)
            layout.addWidget(self.player)
            layout.addWidget(side)

    def show_consequences(self, outcome: Outcome) -> None:
        """What follows on the outcome's day: the step's day, or the day on the slider."""
        assert self.step is not None
        clear_now(self.follows)
        self.consequence_labels = []
        words = {"in_force": _("OK"), "overdue": _("Overdue"), "gap": _("Not in sources")}
        for item in consequences(self.step, outcome):
            row = QHBoxLayout()
            chip = badge(words[item.kind], item.kind)
            chip.setFont(scaled_font(chip.font(), self.scale, bold=True))
            text = _label(item.text, 1.05 * self.scale)
            row.addWidget(chip, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(text, 1)
            holder = QWidget()
            holder.setLayout(row)
            self.follows.addWidget(holder)
            self.consequence_labels.append(text)

    def _on_player_day_changed(self, day: date) -> None:
        if self.book is None or self.scenario is None or self.step is None:
            return
        self.show_consequences(replay(self.book, self.scenario, self.step, on=day))

    def set_step(self, book: RuleBook, scenario: Scenario, index: int) -> None:
        """Show step ``index`` (0-based) of ``scenario``."""
        step: Step = scenario.steps[index]
        outcome = replay(book, scenario, step)
        self.position.setText(
            _("Step %(n)d of %(total)d · %(scenario)s")
            % {"n": index + 1, "total": len(scenario.steps), "scenario": tr(scenario.title)}
        )
        self.title.setText(tr(step.title))
        self.narration.setText(tr(step.narration))
        problems = mismatches(step, outcome)
        self.check.setText(
            _("This step states outcomes the calculator does not give:")
            + "\n"
            + "\n".join(problems)
            if problems
            else ""
        )
        self.check.setVisible(bool(problems))
        self.book, self.scenario, self.step = book, scenario, step
        self.player.set_step(book, scenario, step)  # shows the consequences of its first day
        clear_now(self.rules)
        self.rule_widgets = [
            RuleQuote(book, r, self.scale, self.muted)
            for r in step_rules(book, scenario, step, outcome)
        ]
        for widget in self.rule_widgets:
            self.rules.addWidget(widget)
