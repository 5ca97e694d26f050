"""The leaflet's text as plain values: what the layout prints, in one language."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Entry:
    """One printed entry of a section.

    ``kind`` says how it is set: ``rule`` (small label, the value large, the rule in words),
    ``contact`` (kind of contact, name, what it does, phone and web), ``ngo`` (the NGO's own
    contact block), ``gap`` (what the sources leave open: one ``(topic, statement)`` item per
    record, then what to do instead) or ``more`` (what was left out for room).
    """

    kind: str
    label: str = ""
    headline: str = ""
    text: str = ""
    items: tuple[tuple[str, str], ...] = ()
    details: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    action: str = ""

    @property
    def gap(self) -> bool:
        return self.kind == "gap"

    def strings(self) -> list[str]:
        out = [self.label, self.headline, self.text, *self.details, *self.notes, self.action]
        return out + [part for item in self.items for part in item]


@dataclass(frozen=True, slots=True)
class Block:
    """A numbered section ("1 On arrival"), or the unnumbered warnings."""

    key: str
    number: int | None
    icon: str
    title: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class DateLine:
    """A line of the client's "Your dates" box."""

    label: str
    day: str
    basis: str = ""
    known: bool = True  # False: the sources state no rule this date could come from


@dataclass(frozen=True, slots=True)
class LeafletContent:
    """Every string of one leaflet in one language."""

    lang: str
    title: str
    title_ru: str
    audience: str
    org_name: str
    blocks: tuple[Block, ...]
    valid_as_of: str
    caveat: str
    sources_title: str
    sources: tuple[str, ...]
    footer: str
    page_template: str
    continued: str
    dates_title: str = ""
    dates: tuple[DateLine, ...] = ()
    qr: tuple[str, str] | None = None
    draft: str = ""
    rules: tuple[str, ...] = field(default=(), compare=False)

    def all_text(self) -> str:
        """Every printed string, for checks such as "does the font have every glyph"."""
        parts = [self.title, self.title_ru, self.audience, self.org_name, self.valid_as_of]
        parts += [self.caveat, self.sources_title, *self.sources]
        parts += [self.footer, self.page_template, self.continued, self.dates_title]
        parts += [self.draft, self.qr[1] if self.qr else ""]
        for line in self.dates:
            parts += [line.label, line.day, line.basis]
        for block in self.blocks:
            parts += [block.icon, block.title]
            for e in block.entries:
                parts += e.strings()
        return "\n".join(p for p in parts if p)
