"""Type, colours and the timeline drawing of the training handouts (ReportLab, no Qt).

Printable in black and white like the leaflets: one dark accent colour, status shown by a
word as well as a colour, nothing below 9 pt. The bundled DejaVu faces are embedded, and
every canvas names one of them first, so no unembedded Helvetica is referenced.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop.leaflets.fonts import BOLD, REGULAR, register_fonts
from desktop.rules.present import format_date
from desktop.training.player import Span

ACCENT: Color = HexColor("#1e3a8a")
INK: Color = HexColor("#111827")
MUTED: Color = HexColor("#374151")
LINE: Color = HexColor("#9ca3af")
STATUS: dict[str, Color] = {
    "in_force": HexColor("#1b7f3b"),
    "local": HexColor("#1d4ed8"),
    "superseded": HexColor("#6b7280"),
    "historical": HexColor("#6b7280"),
    "gap": HexColor("#b45309"),
    "overdue": HexColor("#b91c1c"),
}


@dataclass(frozen=True, slots=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    quote: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle


@cache
def styles() -> Styles:
    """The paragraph styles, built once the fonts are registered."""
    register_fonts()

    def style(name: str, size: float, font: str = REGULAR, **kw: Any) -> ParagraphStyle:
        kw.setdefault("leading", size * 1.3)
        kw.setdefault("textColor", INK)
        return ParagraphStyle(name, fontName=font, fontSize=size, **kw)

    return Styles(
        title=style("title", 19, BOLD, textColor=ACCENT, spaceAfter=4),
        subtitle=style("subtitle", 12, textColor=MUTED, spaceAfter=6),
        heading=style("heading", 14.5, BOLD, textColor=ACCENT, spaceBefore=10, spaceAfter=4),
        body=style("body", 11, spaceAfter=4),
        small=style("small", 9, textColor=MUTED),
        quote=style("quote", 10, leftIndent=10, textColor=MUTED, spaceAfter=2),
        label=style("label", 10, textColor=MUTED),
        value=style("value", 11, BOLD),
    )


class TimelineDrawing(Flowable):
    """A stay on paper: earlier trips, the current stay, the days-in-window curve, the limit.

    The same picture as the window's timeline, drawn for a mono printer: bars in grey and
    black, the stay past the last lawful day hatched, the limit a dashed line with its number.
    """

    def __init__(
        self,
        span: Span,
        *,
        entry: date,
        on: date,
        latest_exit: date | None,
        overstay_from: date | None,
        lang: str | None,
        height: float = 46 * mm,
    ) -> None:
        super().__init__()
        self.span = span
        self.entry, self.on = entry, on
        self.latest_exit, self.overstay_from = latest_exit, overstay_from
        self.lang = lang
        self.height = height
        self.width = 0.0

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        return aW, self.height

    def _x(self, day: date) -> float:
        days = max(1, self.span.length)
        return self.width * (day - self.span.first).days / days

    def draw(self) -> None:
        c = self.canv
        s = self.span
        bar_y, bar_h = 14.0, 9.0
        chart_bottom, chart_top = bar_y + bar_h + 8, self.height - 4
        c.saveState()
        c.setStrokeColor(LINE)
        c.setLineWidth(0.5)
        c.line(0, bar_y - 2, self.width, bar_y - 2)
        c.setFillColor(HexColor("#9ca3af"))
        for first, last in s.trips:
            c.rect(
                self._x(first),
                bar_y,
                self._x(last + timedelta(1)) - self._x(first),
                bar_h,
                stroke=0,
                fill=1,
            )
        stay_end = min(self.on, s.last)
        c.setFillColor(INK)
        if stay_end >= self.entry:
            width = self._x(stay_end + timedelta(1)) - self._x(self.entry)
            c.rect(self._x(self.entry), bar_y, width, bar_h, stroke=0, fill=1)
        if self.latest_exit and self.latest_exit > stay_end:
            c.setStrokeColor(INK)
            c.setLineWidth(0.8)
            x0 = self._x(stay_end + timedelta(1))
            c.rect(
                x0, bar_y, self._x(self.latest_exit + timedelta(1)) - x0, bar_h, stroke=1, fill=0
            )
        if self.overstay_from and self.overstay_from <= stay_end:
            self._hatch(self._x(self.overstay_from), self._x(stay_end + timedelta(1)), bar_y, bar_h)
        if s.counts and s.max_days:
            self._curve(chart_bottom, chart_top)
        self._labels(bar_y)
        c.restoreState()

    def _hatch(self, x0: float, x1: float, y: float, h: float) -> None:
        c = self.canv
        c.setFillColor(white)
        c.rect(x0, y, x1 - x0, h, stroke=0, fill=1)
        c.setStrokeColor(STATUS["overdue"])
        c.setLineWidth(1.2)
        c.rect(x0, y, x1 - x0, h, stroke=1, fill=0)
        x = x0
        while x < x1:
            c.line(x, y, min(x + h, x1), y + min(h, x1 - x))
            x += 3.5

    def _curve(self, bottom: float, top: float) -> None:
        c, s = self.canv, self.span
        assert s.max_days is not None
        last = max(self.on, (self.latest_exit or self.on) + timedelta(days=1))
        counts = s.counts_until(min(last, s.last))
        peak = max([s.max_days * 1.15, *counts])

        def y(v: float) -> float:
            return bottom + (top - bottom) * v / peak

        c.setStrokeColor(LINE)
        c.setLineWidth(0.5)
        c.line(0, y(0), self.width, y(0))
        c.setStrokeColor(STATUS["overdue"])
        c.setDash(4, 3)
        c.setLineWidth(1)
        c.line(0, y(s.max_days), self.width, y(s.max_days))
        c.setDash()
        c.setFont(REGULAR, 9)
        c.setFillColor(STATUS["overdue"])
        c.drawString(2, y(s.max_days) + 2, f"{s.max_days}")
        path = c.beginPath()
        for i, v in enumerate(counts):
            point = (self._x(s.first + timedelta(days=i)), y(v))
            if i == 0:
                path.moveTo(*point)
            else:
                path.lineTo(*point)
        c.setStrokeColor(ACCENT)
        c.setLineWidth(1.6)
        c.drawPath(path, stroke=1, fill=0)

    def _labels(self, bar_y: float) -> None:
        c = self.canv
        c.setFont(REGULAR, 9)
        c.setFillColor(INK)
        marks = [self.entry]
        if self.latest_exit and self.latest_exit != self.entry:
            marks.append(self.latest_exit)
        right_edge = -1e9
        for day in marks:
            text = format_date(day, self.lang, "medium")
            w = c.stringWidth(text, REGULAR, 9)
            x = min(max(0.0, self._x(day) - w / 2), self.width - w)
            x = max(x, right_edge + 6)
            c.drawString(x, bar_y - 12, text)
            right_edge = x + w
