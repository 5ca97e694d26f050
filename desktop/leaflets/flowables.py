"""The few drawn pieces of a leaflet: a section heading, the QR code, kept-together groups."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TypeVar

from reportlab.lib.colors import white
from reportlab.platypus import Flowable, Paragraph, Spacer

from desktop.leaflets.fonts import BOLD
from desktop.leaflets.styles import ACCENT, INK, Styles


class Together(Flowable):
    """Flowables that go on one page if they can (a heading with its first entry).

    The page filler moves the whole group to the next page when it does not fit; a group
    taller than a whole page is laid out piece by piece instead.
    """

    def __init__(self, parts: Sequence[Flowable]) -> None:
        super().__init__()
        self.parts = list(parts)
        self._sizes: list[tuple[float, float]] = []

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self._sizes = [p.wrap(aW, 10_000) for p in self.parts]
        self.width = aW
        self.height = sum(h for _w, h in self._sizes)
        return aW, self.height

    def draw(self) -> None:
        y = self.height
        for part, (_w, h) in zip(self.parts, self._sizes, strict=True):
            y -= h
            part.drawOn(self.canv, 0, y)


F = TypeVar("F", bound=Flowable)


def keep(flowable: F) -> F:
    """Mark a heading, label or value to stay on the page with what follows it."""
    flowable.keepWithNext = True
    return flowable


def needed_height(story: Sequence[Flowable], width: float) -> float:
    """The room a "keep with next" chain at the head of ``story`` needs on this page.

    The chain (headings, labels, spacers) plus the first two lines of the paragraph it leads
    to, or the whole of anything that cannot be split.
    """
    total = 0.0
    for f in story:
        _w, h = f.wrap(width, 10_000)
        if getattr(f, "keepWithNext", False) or isinstance(f, Spacer):
            total += h
            continue
        inner = f.inner if isinstance(f, Indented) else f
        if isinstance(inner, Paragraph):
            h = min(h, 2 * float(inner.style.leading))
        return total + h
    return total


class Indented(Flowable):
    """Another flowable moved ``left`` points to the right; splits like the original."""

    def __init__(self, inner: Flowable, left: float) -> None:
        super().__init__()
        self.inner = inner
        self.left = left
        self.keepWithNext = getattr(inner, "keepWithNext", False)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        _w, self.height = self.inner.wrap(aW - self.left, aH)
        self.width = aW
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return [Indented(part, self.left) for part in self.inner.split(aW - self.left, aH)]

    def draw(self) -> None:
        self.inner.drawOn(self.canv, self.left, 0)


class SectionHeading(Flowable):
    """A numbered disc (or "!" for warnings), the section's icon and its title."""

    def __init__(self, number: int | None, icon: str, title: str, styles: Styles) -> None:
        super().__init__()
        self.number = number
        self.styles = styles
        from xml.sax.saxutils import escape

        self.title = Paragraph(f"{escape(icon)}\u2002{escape(title)}", styles.section)
        self._th = 0.0

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        d = self.styles.circle
        _w, self._th = self.title.wrap(aW - d - 8, aH)
        self.width = aW
        self.height = max(d, self._th) + 4
        return aW, self.height

    def draw(self) -> None:
        c = self.canv
        d = self.styles.circle
        top = self.height - 2
        cy = top - self.styles.section.leading / 2 - 1
        c.saveState()
        c.setFillColor(ACCENT)
        c.setStrokeColor(ACCENT)
        if self.number is None:
            c.setLineWidth(1.6)
            c.circle(d / 2, cy, d / 2 - 0.8, stroke=1, fill=0)
            c.setFillColor(ACCENT)
            text = "!"
        else:
            c.circle(d / 2, cy, d / 2, stroke=0, fill=1)
            c.setFillColor(white)
            text = str(self.number)
        size = d * 0.62
        c.setFont(BOLD, size)
        c.drawCentredString(d / 2, cy - size * 0.36, text)
        c.restoreState()
        self.title.drawOn(c, d + 8, top - self._th)


@lru_cache(maxsize=8)
def _qr_rows(data: str) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Runs of dark modules per row, (start, length): few rectangles, small files."""
    import segno

    code = segno.make(data, error="m", micro=False)
    rows = []
    for row in code.matrix:
        runs, start = [], None
        for x, dark in enumerate([*row, 0]):
            if dark and start is None:
                start = x
            elif not dark and start is not None:
                runs.append((start, x - start))
                start = None
        rows.append(tuple(runs))
    return tuple(rows)


class QRCode(Flowable):
    """A QR code drawn as vector squares, with its quiet zone, ``size`` points wide."""

    def __init__(self, data: str, size: float) -> None:
        super().__init__()
        self.data = data
        self.width = self.height = size

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        rows = _qr_rows(self.data)
        quiet = 2
        n = len(rows) + 2 * quiet
        m = self.width / n
        c = self.canv
        c.saveState()
        c.setFillColor(INK)
        for y, runs in enumerate(rows):
            for x, length in runs:
                # A hair taller than a module, so no seam shows between rows on screen.
                top = self.height - (y + quiet) * m
                c.rect((x + quiet) * m, top - m, length * m, m + 0.05, stroke=0, fill=1)
        c.restoreState()
