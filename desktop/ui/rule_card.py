"""A card for one rule-sheet record: topic, status word, the value large, the source."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import gettext as _
from desktop.rules import Rule, RuleBook
from desktop.rules.present import (
    display_quote,
    format_date,
    headline,
    rule_note,
    rule_text,
    status_title,
    topic_title,
    validity,
)
from desktop.ui.style import badge, headline_label, scaled_font


def status_kind(rule: Rule) -> str:
    return "local" if rule.local and not rule.is_gap else rule.status


class RuleCard(QFrame):
    """Shows one record; the quotation is folded to one line until clicked.

    Signals:
        add_rule_requested(object): the user wants a verified rule for this record's topic.
        history_requested(str): the user wants the history of this topic.
    """

    add_rule_requested = Signal(object)
    history_requested = Signal(str)

    def __init__(
        self, book: RuleBook, rule: Rule, parent: QWidget | None = None, *, can_add: bool = True
    ) -> None:
        super().__init__(parent)
        self.rule = rule
        self.setObjectName("ruleCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(topic_title(rule.topic))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)

        top = QHBoxLayout()
        title = QLabel(topic_title(rule.topic))
        title.setFont(scaled_font(title.font(), 1.0, bold=True))
        top.addWidget(title, 1)
        top.addWidget(badge(status_title(rule), status_kind(rule)))
        layout.addLayout(top)

        head = headline(rule)
        if head:
            self.headline = headline_label(head, factor=1.5 if rule.topic != "contact" else 1.2)
            self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(self.headline)

        text = QLabel(rule_text(rule))
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)

        context = [validity(rule)]
        if rule.topic == "contact":
            context += [str(rule.value.get(k)) for k in ("phone", "url") if rule.value.get(k)]
        context_text = " · ".join(c for c in context if c)
        if context_text:
            ctx = QLabel(context_text)
            ctx.setWordWrap(True)
            ctx.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(ctx)

        self.note_label: QLabel | None = None
        if rule.note:
            self.note_label = QLabel(_("Note: %s") % rule_note(rule))
            self.note_label.setWordWrap(True)
            self.note_label.setStyleSheet("font-style: italic;")
            self.note_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            # Gaps and local rules have no quotation to unfold: their note shows at once.
            self.note_label.setVisible(not rule.sources)
            layout.addWidget(self.note_label)

        self.quote_toggle: QToolButton | None = None
        self.quote_label: QLabel | None = None
        if rule.sources:
            src = rule.sources[0]
            doc = book.documents.get(src.document)
            where = _("%(title)s, line %(line)d") % {
                "title": doc.short if doc else src.document,
                "line": src.line,
            }
            self.quote_toggle = QToolButton()
            self.quote_toggle.setText("❝ " + where + " ▸")
            self.quote_toggle.setCheckable(True)
            self.quote_toggle.setAutoRaise(True)
            self.quote_toggle.setToolTip(_("Show the quotation from the source"))
            self.quote_label = QLabel(
                "\n\n".join(
                    f"“{display_quote(s.quote)}” — {s.document}:{s.line}" for s in rule.sources
                )
            )
            self.quote_label.setWordWrap(True)
            self.quote_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.quote_label.setStyleSheet(
                "padding-left: 10px; border-left: 3px solid palette(mid);"
            )
            self.quote_label.setVisible(False)
            self.quote_toggle.toggled.connect(self._on_quote_toggled)
            layout.addWidget(self.quote_toggle, 0, Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(self.quote_label)
        elif rule.local:
            checked = ", ".join(
                x for x in (rule.source_title, rule.checked_by, format_date(rule.checked_on)) if x
            )
            src_label = QLabel(_("Verified by us: %s") % checked)
            src_label.setWordWrap(True)
            layout.addWidget(src_label)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        history = QPushButton(_("History"))
        history.setFlat(True)
        history.setToolTip(_("How this rule changed over the years"))
        history.clicked.connect(lambda: self.history_requested.emit(rule.topic))
        buttons.addWidget(history)
        single = rule.topic in ("registration", "stay_limit", "work_licence", "cost")
        if can_add and (rule.is_gap or single):
            add = QPushButton(_("Add a verified rule") if rule.is_gap else _("Add a local rule"))
            add.clicked.connect(lambda: self.add_rule_requested.emit(rule))
            if rule.is_gap:
                add.setDefault(False)
            buttons.addWidget(add)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def _on_quote_toggled(self, shown: bool) -> None:
        if self.note_label is not None and self.rule.sources:
            self.note_label.setVisible(shown)
        if self.quote_label is not None and self.quote_toggle is not None:
            self.quote_label.setVisible(shown)
            text = self.quote_toggle.text()
            self.quote_toggle.setText(text[:-1] + ("▾" if shown else "▸"))
