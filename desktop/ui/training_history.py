"""Rule history: how the rule for one destination, citizenship and topic changed over the sources.

A strip on a year axis (one band per record, in its status colour and word) and, under it,
each record with its dates, value, text and quotations, oldest first: from the three-day
registration of 2009 in Russia to the rules of 2023–2024.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import gettext as _
from desktop.i18n import ngettext
from desktop.rules import RuleBook
from desktop.rules.present import topic_title
from desktop.training import HistoryEntry, rule_history
from desktop.training.narrate import status_kind
from desktop.ui.style import STATUS_COLOURS, badge, scaled_font
from desktop.ui.training_step import clear_now
from desktop.ui.widgets import DESTINATIONS, ORIGINS, CountryCombo

RIGHT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
LEFT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
HISTORY_TOPICS = ("registration", "stay_limit", "work_licence", "cost", "entry_ban", "other")


class HistoryStrip(QWidget):
    """The records as bands on a year axis; a start the sources do not state fades in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[HistoryEntry] = []
        self.setMinimumHeight(90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(_("Rule history timeline"))

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.entries = entries
        self.setMinimumHeight(40 + 30 * max(1, len(entries)))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().text().color()
        if not self.entries:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("No records"))
            return
        first = date(min(e.shown_from for e in self.entries).year, 1, 1)
        last = date(max(e.shown_to for e in self.entries).year + 1, 1, 1)
        span = max(1, (last - first).days)
        left, right = 8.0, self.width() - 8.0

        def x(day: date) -> float:
            return left + (right - left) * (day - first).days / span

        axis_y = self.height() - 22.0
        painter.setPen(QPen(text, 1))
        painter.drawLine(int(left), int(axis_y), int(right), int(axis_y))
        years = list(range(first.year, last.year + 1))
        step = max(1, len(years) // 10)
        for year in years[::step]:
            px = x(date(year, 1, 1))
            painter.drawLine(int(px), int(axis_y), int(px), int(axis_y + 4))
            box = QRectF(min(max(px - 30, 0.0), self.width() - 60.0), axis_y + 4, 60, 16)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(year))
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        for row, entry in enumerate(self.entries):
            top = 8.0 + row * 30.0
            x0, x1 = x(entry.shown_from), max(x(entry.shown_to), x(entry.shown_from) + 3)
            colour = QColor(STATUS_COLOURS[status_kind(entry.rule)])
            if entry.start_stated:
                painter.fillRect(QRectF(x0, top, x1 - x0, 24), colour)
            else:  # the sources give no start: fade in over the first part of the band
                faded = QColor(colour)
                faded.setAlpha(70)
                painter.fillRect(QRectF(x0, top, x1 - x0, 24), faded)
                painter.fillRect(QRectF(x0 + (x1 - x0) * 0.35, top, (x1 - x0) * 0.65, 24), colour)
            label = f"{entry.headline or entry.rule.id} · {entry.status}"
            width = painter.fontMetrics().horizontalAdvance(label) + 12
            if width <= x1 - x0:
                painter.setPen(QColor("white"))
                painter.drawText(QRectF(x0, top, x1 - x0 - 6, 24), RIGHT, label)
            elif right - x1 >= width:
                painter.setPen(text)
                painter.drawText(QRectF(x1 + 6, top, width, 24), LEFT, label)
            else:
                painter.setPen(text)
                painter.drawText(QRectF(x0 - width, top, width - 6, 24), RIGHT, label)
        painter.end()


class HistoryPanel(QWidget):
    """Pick destination, citizenship and topic; see the records change over time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book: RuleBook | None = None
        self.entries: list[HistoryEntry] = []
        self.destination = CountryCombo(DESTINATIONS)
        self.citizen = CountryCombo(ORIGINS)
        self.topic = QComboBox()
        for topic in HISTORY_TOPICS:
            self.topic.addItem(topic_title(topic), topic)
        row = QHBoxLayout()
        for caption, widget in (
            (_("Destination"), self.destination),
            (_("Citizen of"), self.citizen),
            (_("Topic"), self.topic),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        row.addStretch(1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.strip = HistoryStrip()
        self.cards = QVBoxLayout()
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.addWidget(self.strip)
        inner.addLayout(self.cards)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        for combo in (self.destination, self.citizen, self.topic):
            combo.currentIndexChanged.connect(self.refresh)

    def set_book(self, book: RuleBook) -> None:
        self.book = book
        self.refresh()

    def show_history(self, destination: str, citizen: str, topic: str) -> None:
        for combo in (self.destination, self.citizen, self.topic):
            combo.blockSignals(True)
        self.destination.set_code(destination)
        self.citizen.set_code(citizen)
        self.topic.setCurrentIndex(max(0, self.topic.findData(topic)))
        for combo in (self.destination, self.citizen, self.topic):
            combo.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        if self.book is None:
            return
        dest, citizen = self.destination.code(), self.citizen.code()
        topic = str(self.topic.currentData())
        self.entries = rule_history(self.book, dest, citizen, topic)
        self.summary.setText(
            ngettext(
                "%(n)d record for citizens of %(c)s in %(d)s, oldest first.",
                "%(n)d records for citizens of %(c)s in %(d)s, oldest first.",
                len(self.entries),
            )
            % {
                "n": len(self.entries),
                "c": self.citizen.currentText(),
                "d": self.destination.currentText(),
            }
            if self.entries
            else _("The sources say nothing on this topic for this citizenship and destination.")
        )
        self.strip.set_entries(self.entries)
        clear_now(self.cards)
        for entry in self.entries:
            self.cards.addWidget(self._card(entry))

    def _card(self, entry: HistoryEntry) -> QFrame:
        card = QFrame()
        card.setObjectName("historyCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        kind = status_kind(entry.rule)
        card.setStyleSheet(
            f"QFrame#historyCard {{ border: 1px solid palette(mid);"
            f" border-left: 5px solid {STATUS_COLOURS[kind]}; }}"
        )
        layout = QVBoxLayout(card)
        top = QHBoxLayout()
        when = entry.when or _("dates not stated")
        if not entry.start_stated and entry.end_stated:
            when += " · " + _("start not stated")
        top.addWidget(QLabel(when), 1)
        top.addWidget(badge(entry.status, kind))
        layout.addLayout(top)
        for text, factor, bold in ((entry.headline, 1.4, True), (entry.text, 1.0, False)):
            if text:
                label = QLabel(text)
                label.setWordWrap(True)
                label.setFont(scaled_font(label.font(), factor, bold=bold))
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                layout.addWidget(label)
        for q in entry.quotations:
            quote = QLabel(f"“{q.quote}”\n— {q.where}")
            quote.setWordWrap(True)
            quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            quote.setStyleSheet("padding-left: 10px; border-left: 3px solid palette(mid);")
            layout.addWidget(quote)
        return card
