"""Turn a leaflet's text into flowables: one column, or two languages side by side.

In bilingual mode each unit (the header, a section heading, one entry) is one table row with
the migrant's language left and Russian right, so the two always face each other and a page
break falls between units, never between a line and its translation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer, Table

from desktop.leaflets.flowables import Indented, QRCode, SectionHeading, Together, keep
from desktop.leaflets.fonts import REGULAR
from desktop.leaflets.model import Block, Entry, LeafletContent
from desktop.leaflets.styles import ACCENT, RULE, Styles

Cell = list[Flowable]
COLUMN_GAP = 7 * mm


def P(text: str, style: object) -> Paragraph:
    """A paragraph of plain text: markup characters in rule texts are printed as they are."""
    return Paragraph(escape(text), style)


def column_width(st: Styles, width: float) -> float:
    return (width - COLUMN_GAP * (st.columns - 1)) / st.columns


def build_story(
    contents: Sequence[LeafletContent], st: Styles, width: float
) -> tuple[list[Flowable], list[Flowable]]:
    """The leaflet for a text area ``width`` points wide: what spans the page, then the rest.

    The first part (title, "Your dates") runs across the whole width on the first page; the
    second flows through ``st.columns`` columns.
    """
    if len(contents) == 1:
        return _story_one(contents[0], st, width)
    return _story_two(contents[0], contents[1], st, width)


# ----- one language ----------------------------------------------------------------------
def _story_one(
    c: LeafletContent, st: Styles, width: float
) -> tuple[list[Flowable], list[Flowable]]:
    top: list[Flowable] = [_header(c, st, width, show_ru=c.lang != "ru")]
    if c.dates:
        top += [Spacer(1, 4 * mm), dates_box(c, None, st, width)]
    col = column_width(st, width)
    story: list[Flowable] = []
    for block in c.blocks:
        story += _block(block, st, col)
    story.append(_closing(c, None, st, col))
    return top, story


def _header(c: LeafletContent, st: Styles, width: float, *, show_ru: bool) -> Flowable:
    left: Cell = [P(c.title, st.title)]
    if show_ru and c.title_ru and c.title_ru != c.title:
        left.append(P(c.title_ru, st.title_ru))
    left.append(P(c.audience, st.audience))
    left.append(P(c.valid_as_of, st.valid))
    if c.draft:
        left.append(P(c.draft, st.draft))
    org = width * 0.3 if c.org_name else 0
    table = Table([[left, P(c.org_name, st.org) if c.org_name else ""]], [width - org, org])
    return _styled(table, ("LINEBELOW", ALL, LAST, 1.2, ACCENT), ("BOTTOMPADDING", ALL, LAST, 7))


def _block(block: Block, st: Styles, width: float) -> list[Flowable]:
    """The section heading, then its entries as separate paragraphs that may flow.

    Headings, labels and values are marked "keep with next": the page filler moves them on
    when the first lines of what they introduce do not fit under them.
    """
    out: list[Flowable] = [
        Spacer(1, st.section_gap),
        keep(SectionHeading(block.number, block.icon, block.title, st)),
        Spacer(1, 2),
    ]
    for i, entry in enumerate(block.entries):
        if i:
            out.append(Spacer(1, st.gap))
        out += [Indented(f, st.indent) for f in _entry(entry, st, width - st.indent)]
    return out


def _entry(e: Entry, st: Styles, width: float) -> Cell:
    """One entry's paragraphs; a gap is framed with a dashed line, as "not known"."""
    cell: Cell = []
    if e.label:
        cell.append(keep(P(e.label, st.label)))
    if e.headline:
        style = st.headline if e.kind in ("rule", "ngo") else st.name
        cell.append(keep(P(e.headline, style)))
    cell += [P(line, st.body) for line in e.text.split("\n") if line]
    for label, statement in e.items:
        text = escape(statement) if not label else f"<b>{escape(label)}:</b> {escape(statement)}"
        cell.append(Paragraph(text, st.item))
    cell += [P(d, st.detail) for d in e.details]
    cell += [P(n, st.note) for n in e.notes]
    if e.action:
        cell.append(P(e.action, st.action))
    if not e.gap:
        return cell
    # One row per paragraph, so that a long box can continue on the next column or page.
    box = Table([[f] for f in cell], [width])
    return [
        _styled(
            box,
            ("BOX", ALL, LAST, 1, RULE, None, (4, 3)),
            *_padding(7, 1, 7, 1),
            ("TOPPADDING", ALL, (0, 0), 5),
            ("BOTTOMPADDING", (0, -1), LAST, 6),
        )
    ]


def dates_box(c: LeafletContent, ru: LeafletContent | None, st: Styles, width: float) -> Flowable:
    """The framed "Your dates" box: each date large, what it rests on in small type."""
    title: Cell = [P(c.dates_title, st.dates_title)]
    if ru is not None:
        title.append(P(ru.dates_title, st.title_ru))
    rows: list[list[object]] = [[title, ""]]
    for i, line in enumerate(c.dates):
        left: Cell = [P(line.label, st.date_label)]
        right: Cell = [P(line.day, st.date_value if line.known else st.date_unknown)]
        if ru is not None:
            left.append(P(ru.dates[i].label, st.small))
            right.append(P(ru.dates[i].day, st.date_second))
        if line.basis:
            left.append(P(line.basis, st.small))
        rows.append([left, right])
    inner = width - 2
    table = Table(rows, [inner * 0.55, inner * 0.45])
    return _styled(
        table,
        ("BOX", ALL, LAST, 1.6, ACCENT),
        ("SPAN", ALL, (1, 0)),
        ("LINEBELOW", (0, 1), (-1, -2), 0.5, RULE),
        *_padding(9, 5, 9, 5),
    )


def _closing(c: LeafletContent, ru: LeafletContent | None, st: Styles, width: float) -> Flowable:
    """The caveat, the sources, and the QR code to the NGO."""
    left: Cell = [P(c.caveat, st.small)]
    if ru is not None:
        left.append(P(ru.caveat, st.small))
    if c.sources:
        title = c.sources_title if ru is None else f"{c.sources_title} / {ru.sources_title}"
        left.append(Spacer(1, 3))
        left.append(P(title, st.closing))
        left += [P("• " + s, st.small) for s in c.sources]
    qr_size = 27 * mm
    right: Cell | str = ""
    if c.qr:
        right = [QRCode(c.qr[0], qr_size), P(c.qr[1], st.footer)]
    qr_col = qr_size + 4 * mm if c.qr else 0
    table = _styled(
        Table([[left, right]], [width - qr_col, qr_col]), ("RIGHTPADDING", ALL, (0, -1), 4 * mm)
    )
    line = HRFlowable(width="100%", thickness=0.8, color=RULE, spaceAfter=4)
    return Together([Spacer(1, st.section_gap), line, table])


# ----- two languages side by side --------------------------------------------------------
def _story_two(
    a: LeafletContent, b: LeafletContent, st: Styles, width: float
) -> tuple[list[Flowable], list[Flowable]]:
    col = (width - COLUMN_GAP) / 2
    pair = _pairer(col)
    top: list[Flowable] = [_header(a, st, width, show_ru=True)]
    if a.dates:
        top += [Spacer(1, 4 * mm), dates_box(a, b, st, width)]
    story: list[Flowable] = []
    for block_a, block_b in zip(a.blocks, b.blocks, strict=True):
        heads = [
            SectionHeading(block.number, block.icon, block.title, st)
            for block in (block_a, block_b)
        ]
        for i, (ea, eb) in enumerate(zip(block_a.entries, block_b.entries, strict=True)):
            if i == 0:
                story += [Spacer(1, st.section_gap), keep(pair([heads[0]], [heads[1]]))]
            else:
                story.append(Spacer(1, st.gap))
            story.append(pair(_entry(ea, st, col), _entry(eb, st, col)))
    story.append(_closing(a, b, st, width))
    return top, story


def _pairer(col: float) -> Callable[[Cell, Cell], Flowable]:
    def pair(left: Cell, right: Cell) -> Flowable:
        half = col + COLUMN_GAP / 2
        return _styled(
            Table([[left, right]], [half, half]),
            ("RIGHTPADDING", ALL, (0, -1), COLUMN_GAP / 2),
            ("LEFTPADDING", (1, 0), (1, -1), COLUMN_GAP / 2),
            ("LINEAFTER", ALL, (0, -1), 0.5, RULE),
        )

    return pair


ALL = (0, 0)
LAST = (-1, -1)


def _padding(left: float, top: float, right: float, bottom: float) -> list[tuple[object, ...]]:
    return [
        ("LEFTPADDING", ALL, LAST, left),
        ("TOPPADDING", ALL, LAST, top),
        ("RIGHTPADDING", ALL, LAST, right),
        ("BOTTOMPADDING", ALL, LAST, bottom),
    ]


def _styled(table: Table, *commands: tuple[object, ...]) -> Table:
    """Top-aligned cells with no padding, then the given table style commands."""
    # An empty cell is drawn as text: name our font, or ReportLab names Helvetica (unembedded).
    base = [("VALIGN", ALL, LAST, "TOP"), ("FONTNAME", ALL, LAST, REGULAR)]
    table.setStyle([*base, *_padding(0, 0, 0, 0), *commands])
    return table
