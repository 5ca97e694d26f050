"""Type sizes, colours and paper geometry of the leaflets.

Printable in black and white: one dark accent colour, no filled backgrounds. Body type is
11–11.5 pt, headings 16–20 pt, and nothing is set below 9 pt, in every layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from desktop.leaflets.fonts import BOLD, REGULAR

ACCENT: Color = HexColor("#1e3a8a")  # dark blue: prints as near-black on a mono printer
INK: Color = HexColor("#111827")
MUTED: Color = HexColor("#374151")
RULE: Color = HexColor("#9ca3af")

SMALLEST_PT = 9.0


@dataclass(frozen=True, slots=True)
class Geometry:
    """One leaflet page (A4, or an A5 half of an A4 sheet) and its text area."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


GEOMETRY = {
    "A4": Geometry(A4[0], A4[1], 17 * mm, 17 * mm, 14 * mm, 17 * mm),
    "A5": Geometry(A5[0], A5[1], 11 * mm, 11 * mm, 10 * mm, 15 * mm),
}


@dataclass(frozen=True, slots=True)
class Styles:
    """The paragraph styles of one layout (paper size, one or two languages)."""

    title: ParagraphStyle
    title_ru: ParagraphStyle
    audience: ParagraphStyle
    valid: ParagraphStyle
    org: ParagraphStyle
    draft: ParagraphStyle
    section: ParagraphStyle
    label: ParagraphStyle
    headline: ParagraphStyle
    name: ParagraphStyle
    body: ParagraphStyle
    item: ParagraphStyle
    detail: ParagraphStyle
    note: ParagraphStyle
    action: ParagraphStyle
    dates_title: ParagraphStyle
    date_label: ParagraphStyle
    date_value: ParagraphStyle
    date_unknown: ParagraphStyle
    date_second: ParagraphStyle
    closing: ParagraphStyle
    small: ParagraphStyle
    footer: ParagraphStyle
    columns: int  # text columns of one language (two languages side by side count as one)
    circle: float  # diameter of a section's number disc
    indent: float  # entries start under the section title, right of the disc
    gap: float  # vertical space between entries
    section_gap: float  # vertical space above a section heading


def _style(name: str, size: float, *, bold: bool = False, **kw: object) -> ParagraphStyle:
    assert size >= SMALLEST_PT, f"{name}: {size} pt is below the smallest allowed size"
    kw.setdefault("leading", round(size * 1.32, 1))
    kw.setdefault("textColor", INK)
    return ParagraphStyle(
        name,
        fontName=BOLD if bold else REGULAR,
        fontSize=size,
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
        **kw,
    )


@cache
def styles_for(size: str, bilingual: bool) -> Styles:
    """The styles for a paper size; two languages side by side get a slightly smaller scale.

    A4 in one language is set in two columns: a line of 40–50 characters reads faster than
    one of 90, and short entries leave less of the page empty.
    """
    big = size == "A4" and not bilingual
    body = 11.0
    return Styles(
        title=_style("title", 20 if big else 18, bold=True, leading=24 if big else 21),
        title_ru=_style("title_ru", 11, textColor=MUTED),
        audience=_style("audience", 12 if big else 11, spaceBefore=3),
        valid=_style("valid", 12 if big else 11, bold=True),
        org=_style("org", 12 if big else 11, bold=True, alignment=TA_RIGHT, textColor=ACCENT),
        draft=_style("draft", 9.5, textColor=MUTED),
        section=_style("section", 16, bold=True, textColor=ACCENT),
        label=_style("label", 10 if big else 9.5, bold=True, textColor=ACCENT),
        headline=_style("headline", 14, bold=True),
        name=_style("name", 12.5 if big else 12, bold=True),
        body=_style("body", body, leading=round(body * 1.38, 1)),
        item=_style("item", body, leading=round(body * 1.38, 1), spaceBefore=2),
        detail=_style("detail", 12 if big else 11, bold=True),
        note=_style("note", 9.5, textColor=MUTED),
        action=_style("action", body, bold=True, spaceBefore=2),
        dates_title=_style("dates_title", 18 if big else 16, bold=True, textColor=ACCENT),
        date_label=_style("date_label", 13 if big else 12, bold=True),
        date_value=_style("date_value", 20 if big else 17, bold=True, alignment=TA_RIGHT),
        date_unknown=_style("date_unknown", 12, bold=True, alignment=TA_RIGHT),
        date_second=_style("date_second", 10, textColor=MUTED, alignment=TA_RIGHT),
        closing=_style("closing", 10.5 if big else 10, bold=True),
        small=_style("small", 9.5, textColor=MUTED),
        footer=_style("footer", 9, textColor=MUTED),
        columns=2 if big else 1,
        circle=(22 if big else 20),
        indent=0 if big or bilingual else 26,
        gap=(6 if big else 5),
        section_gap=(4 * mm if big else 3.5 * mm),
    )
