"""Lay a leaflet out on paper and write the PDF; one leaflet or a whole batch.

Each leaflet page is first laid out into a PDF form (an XObject) the size of the leaflet;
the printed sheets then place the forms: one per A4 page, or the same A5 page twice on a
landscape A4 sheet with a cut line between. Laying out first also tells the page count, so
every page can say "Page 1 of 2".

Plain Python, safe to call off the GUI thread; nothing here touches Qt.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Spacer

from desktop.leaflets.content import build_contents
from desktop.leaflets.flowables import Together, needed_height
from desktop.leaflets.fonts import BOLD, REGULAR, register_fonts
from desktop.leaflets.model import LeafletContent
from desktop.leaflets.sections import BREVITY_LEVELS
from desktop.leaflets.spec import LeafletSpec, PrintSettings
from desktop.leaflets.story import build_story
from desktop.leaflets.styles import GEOMETRY, MUTED, RULE, Geometry, Styles, styles_for
from desktop.rules import RuleBook

Progress = Callable[[int, int, Path], None]


class LayoutError(Exception):
    """A piece of the leaflet is too large for a page even on its own."""


# Pages a leaflet should keep to, in one language and in two; past this, a briefer version
# is tried (see render_leaflet).
PAGE_TARGET = {("A4", 1): 2, ("A4", 2): 4, ("A5", 1): 4, ("A5", 2): 8}


def render_leaflet(
    book: RuleBook,
    spec: LeafletSpec,
    out: Path | str | BinaryIO,
    prefs: PrintSettings | None = None,
) -> int:
    """Write the leaflet as PDF to a file path or a binary stream; returns the page count.

    When the leaflet runs past its paper's page target (two A4 pages, four A5 pages; twice
    that in two languages), it is laid out again with fewer contacts, warnings and work
    entries, each section saying how many more records the NGO can tell about. A file is
    written whole or not at all (written beside it, then renamed).
    """
    register_fonts()
    prefs = prefs or PrintSettings()
    for brevity in range(BREVITY_LEVELS):
        contents = build_contents(book, spec, prefs, brevity)
        canv, buffer = _canvas(spec, contents[0], prefs)
        st = styles_for(spec.size, len(contents) > 1)
        geo = GEOMETRY[spec.size]
        top, story = build_story(contents, st, geo.frame_width)
        forms = _lay_out(canv, top, story, geo, st.columns)
        if len(forms) <= PAGE_TARGET[spec.size, len(contents)]:
            break
    for number, form in enumerate(forms, start=1):
        copies = (0.0,) if spec.size == "A4" else (0.0, geo.width)
        for x in copies:
            canv.saveState()
            canv.translate(x, 0)
            canv.doForm(form)
            _chrome(canv, contents[0], st, geo, number, len(forms))
            canv.restoreState()
        if len(copies) > 1:
            _cut_line(canv, geo)
        canv.showPage()
    canv.save()
    if isinstance(out, (str, Path)):
        _write_atomically(Path(out), buffer.getvalue())
    else:
        out.write(buffer.getvalue())
    return len(forms)


def _canvas(
    spec: LeafletSpec, first: LeafletContent, prefs: PrintSettings
) -> tuple[Canvas, io.BytesIO]:
    buffer = io.BytesIO()
    canv = Canvas(
        buffer,
        pagesize=A4 if spec.size == "A4" else landscape(A4),
        initialFontName=REGULAR,  # else ReportLab names a non-embedded Helvetica
        initialFontSize=11,
        pageCompression=1,
        invariant=1,
        lang=spec.lang,
    )
    canv.setTitle(first.title)
    canv.setSubject(first.audience)
    canv.setAuthor(prefs.org.name or "Migrant Desk")
    canv.setCreator("Migrant Desk")
    return canv, buffer


def render_batch(
    book: RuleBook,
    specs: Sequence[LeafletSpec],
    out_dir: Path | str,
    prefs: PrintSettings | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """Render every spec into ``out_dir`` (named by :meth:`LeafletSpec.file_name`).

    ``progress(done, total, path)`` is called after each file; ``cancelled()`` is asked
    before each one, and a cancelled batch keeps the files already written. Returns the paths
    written, in order.
    """
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for spec in specs:
        if cancelled is not None and cancelled():
            break
        path = folder / spec.file_name()
        render_leaflet(book, spec, path, prefs)
        written.append(path)
        if progress is not None:
            progress(len(written), len(specs), path)
    return written


def _lay_out(
    canv: Canvas, top: list[Flowable], story: list[Flowable], geo: Geometry, columns: int
) -> list[str]:
    """Fill leaflet pages, each into a named form; returns the form names.

    ``top`` spans the first page's width; ``story`` then flows through the columns.
    """
    from desktop.leaflets.story import COLUMN_GAP

    forms: list[str] = []
    col = (geo.frame_width - COLUMN_GAP * (columns - 1)) / columns
    while story or top:
        name = f"leafletpage{len(forms) + 1}"
        canv.beginForm(name, 0, 0, geo.width, geo.height)
        height, placed = geo.frame_height, False
        if top:
            frame = _frame(geo.left, geo.bottom, geo.frame_width, height)
            _fill(frame, top, canv)
            if top:
                raise LayoutError("the leaflet's title and dates do not fit on one page")
            height = frame._y - geo.bottom - 3 * mm
            placed = True
        for i in range(columns):
            frame = _frame(geo.left + i * (col + COLUMN_GAP), geo.bottom, col, height)
            _fill(frame, story, canv)
            placed = placed or not getattr(frame, "_atTop", 1)
        canv.endForm()
        if not placed:
            raise LayoutError(f"{type(story[0]).__name__} does not fit on a page")
        forms.append(name)
    return forms


def _frame(x: float, y: float, width: float, height: float) -> Frame:
    return Frame(x, y, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


def _fill(frame: Frame, story: list[Flowable], canv: Canvas) -> None:
    """Consume the story into one frame: split what can be split, keep groups together.

    A space at the top of a frame is dropped; a "keep with next" chain moves on to the next
    frame when the first lines of what it introduces would not fit under it.
    """
    while story:
        head = story[0]
        at_top = bool(getattr(frame, "_atTop", 0))
        if at_top and isinstance(head, Spacer):
            del story[0]
            continue
        keeps = not at_top and getattr(head, "keepWithNext", False)
        if keeps and needed_height(story, frame._aW) > frame._y - frame._y1p:
            return
        if frame.add(head, canv, trySplit=0):
            del story[0]
            continue
        if isinstance(head, Together):
            if at_top:
                story[0:1] = head.parts  # taller than a page: lay it out piece by piece
                continue
            return
        parts = frame.split(head, canv)
        if parts and frame.add(parts[0], canv, trySplit=0):
            story[0:1] = parts[1:]
        return


def _chrome(
    canv: Canvas, c: LeafletContent, st: Styles, geo: Geometry, number: int, total: int
) -> None:
    """The running header on later pages and the footer on every page."""
    size = st.footer.fontSize
    right = c.page_template.format(n=number, total=total)
    room = geo.frame_width - canv.stringWidth(right, REGULAR, size) - 5 * mm
    left = c.footer
    if canv.stringWidth(left, REGULAR, size) > room:
        left = c.valid_as_of  # the date is the one part a footer must keep
    base = geo.bottom - 9 * mm
    canv.setFont(REGULAR, size)
    canv.setFillColor(MUTED)
    canv.drawString(geo.left, base, left)
    canv.drawRightString(geo.width - geo.right, base, right)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(geo.left, base + size + 1, geo.width - geo.right, base + size + 1)
    if number < total:
        canv.setFont(REGULAR, 9.5)
        canv.drawRightString(geo.width - geo.right, geo.bottom - 4 * mm, c.continued + " →")
    if number > 1:
        canv.setFont(REGULAR, size)
        canv.drawString(geo.left, geo.height - geo.top + 4 * mm, f"{c.title} ({number}/{total})")


def _cut_line(canv: Canvas, geo: Geometry) -> None:
    """Marks where to cut two A5 leaflets apart: solid ticks at the edges, dashes between."""
    x = geo.width
    canv.saveState()
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.6)
    canv.line(x, 0, x, 7 * mm)
    canv.line(x, geo.height - 7 * mm, x, geo.height)
    canv.setDash(2, 3)
    canv.line(x, 9 * mm, x, geo.height - 13 * mm)
    canv.setFillColor(MUTED)
    canv.setFont(BOLD, 10)
    canv.drawCentredString(x, geo.height - 11.5 * mm, "✂")
    canv.restoreState()


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
