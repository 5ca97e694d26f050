"""What to print: the leaflet's destination, language, reader and paper, as plain values.

The window, the command line and the batch all describe a leaflet with a
:class:`LeafletSpec`; everything it needs beyond the rule book comes from
:class:`PrintSettings`, read once from the app's settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.i18n import LANGUAGES
from desktop.settings import Organisation

SIZES: tuple[str, ...] = ("A4", "A5")

# The countries of origin the app is made for, in the order a default is looked for.
MAIN_ORIGINS: tuple[str, ...] = ("UZ", "TJ", "KG", "KZ", "TM")


@dataclass(frozen=True, slots=True)
class YourDate:
    """One of the client's own dates, shown large in the "Your dates" box.

    ``label`` is an English message of the content catalogue (such as
    :data:`desktop.leaflets.client.REGISTER_BY`) or the counsellor's own words; it is
    translated when the catalogue knows it and printed as given otherwise. ``{country}`` in
    it is replaced by the destination's name. ``day`` is None where the sources state no
    rule to compute it from; the box then says so instead of leaving the date out.
    """

    label: str
    day: date | None
    rule_id: str | None = None


@dataclass(frozen=True, slots=True)
class LeafletSpec:
    """One leaflet: pre-departure when ``client_name`` is empty, a client's own otherwise.

    Only the first word of ``client_name`` is ever printed: a leaflet may be lost, and a
    first name alone identifies no one.
    """

    destination: str
    lang: str
    citizenship: str
    on: date = field(default_factory=date.today)
    size: str = "A4"
    bilingual: bool = False
    client_name: str = ""
    your_dates: tuple[YourDate, ...] = ()

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(f"unknown language {self.lang!r}; choose one of {LANGUAGES}")
        if self.size not in SIZES:
            raise ValueError(f"unknown paper size {self.size!r}; choose A4 or A5")

    @property
    def is_client(self) -> bool:
        return bool(self.client_name.strip() or self.your_dates)

    @property
    def first_name(self) -> str:
        return first_name(self.client_name)

    @property
    def languages(self) -> tuple[str, ...]:
        """The leaflet's languages: its own, then Russian in bilingual mode."""
        if self.bilingual and self.lang != "ru":
            return (self.lang, "ru")
        return (self.lang,)

    def file_name(self) -> str:
        """A stable name for batch output, e.g. ``ru-uz-ky-a5-bilingual.pdf``."""
        parts = [self.destination.lower(), self.citizenship.lower(), self.lang]
        if self.size != "A4":
            parts.append(self.size.lower())
        if len(self.languages) > 1:
            parts.append("bilingual")
        return "-".join(parts) + ".pdf"


@dataclass(frozen=True, slots=True)
class PrintSettings:
    """The NGO's contact block and the printing preferences from Settings."""

    org: Organisation = field(default_factory=Organisation)
    qr: bool = True
    draft_note: bool = True

    @classmethod
    def from_settings(cls, settings: Any) -> PrintSettings:
        """Read from a :class:`desktop.settings.Settings` (no Qt involved)."""
        return cls(
            org=settings.organisation(),
            qr=bool(settings.get("leaflet_qr")),
            draft_note=bool(settings.get("leaflet_draft_note")),
        )

    def qr_target(self) -> tuple[str, str] | None:
        """What the QR code opens and the caption under it, or None for no code.

        A phone number comes first: scanning it dials the NGO, which needs no data plan and
        no reading; the web address is the fallback.
        """
        if not self.qr:
            return None
        phone = self.org.phone.strip()
        if phone:
            digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
            if len(digits.lstrip("+")) >= 3:
                return f"tel:{digits}", phone
        web = self.org.web.strip()
        if web:
            url = web if "://" in web else f"https://{web}"
            return url, web
        return None


def first_name(name: str) -> str:
    """The first word of a name: the only part of it a leaflet prints."""
    words = name.split()
    return words[0] if words else ""


def default_citizenship(destination: str, preferred: str = "UZ") -> str:
    """The citizenship a leaflet is for when none is given.

    The preferred one (Settings' default citizenship) unless it is the destination itself,
    where a leaflet "before you travel" makes no sense; then the next main country of
    origin. The leaflet always prints which citizenship it is for.
    """
    preferred = (preferred or "UZ").upper()
    if preferred != destination:
        return preferred
    return next(c for c in MAIN_ORIGINS if c != destination)


def batch_specs(
    destinations: list[str],
    langs: list[str],
    *,
    citizenships: list[str] | None = None,
    preferred_citizenship: str = "UZ",
    on: date | None = None,
    size: str = "A4",
    bilingual: bool = False,
) -> list[LeafletSpec]:
    """Every destination × citizenship × language, in a stable order.

    Without ``citizenships``, each destination gets its :func:`default_citizenship`.
    A citizenship equal to the destination is skipped.
    """
    day = on or date.today()
    specs = []
    for dest in destinations:
        cits = citizenships or [default_citizenship(dest, preferred_citizenship)]
        for cit in cits:
            if cit == dest:
                continue
            for lang in langs:
                specs.append(LeafletSpec(dest, lang, cit, on=day, size=size, bilingual=bilingual))
    return specs
