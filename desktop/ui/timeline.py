"""The stay timeline: trips as bars, the rolling window shaded, days-in-window against the limit.

It is the picture that explains "not 90 − used": the curve of days in the window rises
during a stay, falls as old days leave the window, and the stay must end before it crosses
the limit line. The training mode reuses it, larger.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.i18n import gettext as _
from desktop.i18n import ngettext
from desktop.rules.present import format_date
from desktop.ui.style import STATUS_COLOURS


@dataclass
class TimelineData:
    """What the timeline draws; built by the caller from a calculator result."""

    first: date
    last: date
    trips: list[tuple[date, date]] = field(default_factory=list)
    current: tuple[date, date] | None = None  # entry .. as_of
    planned_until: date | None = None  # latest lawful exit
    as_of: date | None = None
    window_days: int | None = None
    max_days: int | None = None
    counts: list[int] = field(default_factory=list)  # days in window, one per day first..last
    overstay_from: date | None = None
    labels: list[tuple[date, str]] = field(default_factory=list)


class TimelineWidget(QWidget):
    """Draws :class:`TimelineData`; ``scale`` enlarges type for a projector."""

    def __init__(self, parent: QWidget | None = None, scale: float = 1.0) -> None:
        super().__init__(parent)
        self.data: TimelineData | None = None
        self.scale = scale
        self.setMinimumHeight(int(170 * scale))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(_("Stay timeline"))

    def set_data(self, data: TimelineData | None) -> None:
        self.data = data
        self.setToolTip(self._describe())
        self.update()

    def _describe(self) -> str:
        d = self.data
        if d is None or d.max_days is None or not d.counts:
            return ""
        return _("Highest number of days in any window: %(n)d of %(max)d") % {
            "n": max(d.counts),
            "max": d.max_days,
        }

    def _x(self, day: date, rect: QRectF) -> float:
        assert self.data is not None
        span = max(1, (self.data.last - self.data.first).days + 1)
        return rect.left() + rect.width() * ((day - self.data.first).days / span)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text_colour = pal.text().color()
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF() * self.scale))
        painter.setFont(font)
        d = self.data
        if d is None:
            painter.setPen(text_colour)
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, _("Enter dates to see the timeline.")
            )
            return
        m = 10 * self.scale
        fh = painter.fontMetrics().height()
        area = QRectF(m, m, self.width() - 2 * m, self.height() - 2 * m - 2.4 * fh)
        bar_h = 14 * self.scale
        bars = QRectF(area.left(), area.bottom() - bar_h, area.width(), bar_h)
        chart = QRectF(area.left(), area.top() + fh, area.width(), area.height() - bar_h - fh - m)

        # the window ending on the day of the question
        if d.window_days and d.as_of:
            start = d.as_of - timedelta(days=d.window_days - 1)
            x0, x1 = self._x(max(start, d.first), area), self._x(d.as_of + timedelta(1), area)
            shade = QColor(pal.highlight().color())
            shade.setAlpha(40)
            painter.fillRect(QRectF(x0, area.top(), x1 - x0, area.height()), shade)
            painter.setPen(text_colour)
            painter.drawText(
                QPointF(x0 + 4, area.top() + fh * 0.8),
                ngettext("window of %d day", "window of %d days", d.window_days) % d.window_days,
            )

        # days in window against the limit
        if d.counts and d.max_days:
            top = max(d.max_days * 1.15, max(d.counts) * 1.05)

            def y(v: float) -> float:
                return chart.bottom() - chart.height() * v / top

            limit_pen = QPen(
                QColor(STATUS_COLOURS["overdue"]), 1.5 * self.scale, Qt.PenStyle.DashLine
            )
            painter.setPen(limit_pen)
            painter.drawLine(
                QPointF(chart.left(), y(d.max_days)), QPointF(chart.right(), y(d.max_days))
            )
            painter.drawText(
                QPointF(chart.left() + 2, y(d.max_days) - 3),
                ngettext("limit: %d day", "limit: %d days", d.max_days) % d.max_days,
            )
            path = QPainterPath()
            for i, v in enumerate(d.counts):
                x = self._x(d.first + timedelta(days=i), area)
                point = QPointF(x, y(v))
                if i == 0:
                    path.moveTo(point)
                else:
                    path.lineTo(point)
            painter.setPen(QPen(pal.highlight().color(), 2 * self.scale))
            painter.drawPath(path)

        # stays as bars
        def bar(first: date, last: date, colour: QColor) -> None:
            x0 = self._x(max(first, d.first), area)
            x1 = self._x(min(last, d.last) + timedelta(days=1), area)
            if x1 > x0:
                painter.fillRect(QRectF(x0, bars.top(), max(2.0, x1 - x0), bars.height()), colour)

        grey = QColor(STATUS_COLOURS["superseded"])
        for first, last in d.trips:
            bar(first, last, grey)
        if d.current:
            bar(d.current[0], d.current[1], QColor(STATUS_COLOURS["in_force"]))
            if d.planned_until and d.planned_until > d.current[1]:
                planned = QColor(STATUS_COLOURS["in_force"])
                planned.setAlpha(90)
                bar(d.current[1] + timedelta(days=1), d.planned_until, planned)
        if d.overstay_from:
            bar(d.overstay_from, d.current[1] if d.current else d.overstay_from,
                QColor(STATUS_COLOURS["overdue"]))  # fmt: skip

        # key dates
        painter.setPen(text_colour)
        merged: dict[date, list[str]] = {}
        for day, label in d.labels:
            if d.first <= day <= d.last:
                merged.setdefault(day, []).append(label)
        previous_right = -1e9
        row = 0
        for day in sorted(merged):
            x = self._x(day, area)
            painter.drawLine(QPointF(x, bars.top() - 4), QPointF(x, bars.bottom() + 4))
            text = f"{' · '.join(merged[day])} {format_date(day, fmt='medium')}"
            w = painter.fontMetrics().horizontalAdvance(text)
            tx = min(max(area.left(), x - w / 2), area.right() - w)
            row = row + 1 if tx < previous_right + 8 and row == 0 else 0
            painter.drawText(QPointF(tx, bars.bottom() + fh * (1 + row)), text)
            previous_right = tx + w
        painter.end()
