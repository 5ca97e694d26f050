"""The rule record and its vocabulary, shared by the loader, the query and the exports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

TOPICS: tuple[str, ...] = (
    "registration",
    "stay_limit",
    "work_licence",
    "cost",
    "contact",
    "entry_ban",
    "biometrics",
    "medical",
    "language_test",
    "purpose_change",
    "residence_permit",
    "citizenship",
    "detention_expulsion",
    "taxation",
    "social_rights",
    "remittances",
    "recruitment",
    "trafficking",
    "other",
)

# Topics a counsellor always needs on a sheet: a missing one is shown as a gap.
CORE_TOPICS: tuple[str, ...] = ("registration", "stay_limit", "work_licence", "cost", "contact")

# Topics where one value holds at a time (per destination, citizens, aspect): overlaps are errors.
SINGLE_VALUED_TOPICS: frozenset[str] = frozenset(
    {"registration", "stay_limit", "work_licence", "cost"}
)

STATUSES: tuple[str, ...] = ("in_force", "superseded", "historical", "gap")
DATE_BASES: tuple[str, ...] = ("stated", "signed", "document", "approximate")
GROUPS: tuple[str, ...] = ("EAEU", "CIS", "visa_free", "all")

CONTACT_KINDS: tuple[str, ...] = (
    "hotline",
    "organisation",
    "website",
    "app",
    "consulate",
    "shelter",
)
REGISTRATION_COUNTING: tuple[str, ...] = ("calendar", "working", "unspecified")
STAY_KINDS: tuple[str, ...] = ("rolling", "per_stay", "calendar_year", "validity")


@dataclass(frozen=True, slots=True)
class Source:
    """A passage of a source document that a rule rests on."""

    document: str
    line: int
    quote: str

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document, "line": self.line, "quote": self.quote}


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule-sheet record: a rule, a contact, or a gap the sources leave open.

    ``local`` marks the NGO's own verified rules; they win over bundled records of the same
    topic and aspect from their ``effective_from``.
    """

    id: str
    destination: str
    applies_to: tuple[str, ...]
    topic: str
    status: str
    text: str
    aspect: str = ""
    effective_from: date | None = None
    effective_to: date | None = None
    date_basis: str = "stated"
    supersedes: tuple[str, ...] = ()
    value: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    sources: tuple[Source, ...] = ()
    local: bool = False
    file: str = ""
    checked_by: str = ""
    checked_on: date | None = None
    source_title: str = ""
    source_url: str = ""

    @property
    def is_gap(self) -> bool:
        return self.status == "gap"

    def in_effect_on(self, day: date) -> bool:
        """Whether ``day`` falls inside the record's effective range."""
        if self.effective_from is not None and day < self.effective_from:
            return False
        return self.effective_to is None or day <= self.effective_to

    def to_json(self) -> dict[str, Any]:
        """The record in the ``rules export`` shape of the public interface."""
        value: dict[str, Any] | None = (
            _json_value(self.topic, self.value) if not self.is_gap else None
        )
        data: dict[str, Any] = {
            "id": self.id,
            "destination": self.destination,
            "applies_to": list(self.applies_to),
            "topic": self.topic,
            "aspect": self.aspect or None,
            "value": value,
            "effective_from": _iso(self.effective_from),
            "effective_to": _iso(self.effective_to),
            "date_basis": self.date_basis,
            "status": self.status,
            "supersedes": list(self.supersedes),
            "text": {"en": self.text},
            "note": self.note or None,
            "sources": [s.to_json() for s in self.sources],
            "local": self.local,
        }
        if self.local:
            data["checked_by"] = self.checked_by or None
            data["checked_on"] = _iso(self.checked_on)
            data["source_title"] = self.source_title or None
            data["source_url"] = self.source_url or None
        return data


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _json_value(topic: str, value: dict[str, Any]) -> dict[str, Any]:
    """Fill in the keys the interface promises, as null where a record leaves them out."""
    out = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in value.items()}
    promised = {
        "registration": ("days", "counting"),
        "stay_limit": ("max_days", "window_days", "per_stay_days", "kind"),
        "cost": ("amount", "currency", "per", "region"),
        "contact": ("name", "kind", "country", "url", "phone"),
    }.get(topic, ())
    for key in promised:
        out.setdefault(key, None)
    return out
