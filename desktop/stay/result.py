"""The answer of the deadline calculator, as plain frozen data with the JSON of the contract.

``to_json()`` gives exactly the dict of ``migrant-desk deadlines --json`` (INTERFACES.md). The
parts a rule kind adds beyond the contract (``calendar_year``, ``validity``) appear only when
such a rule is in force, so the contract's worked example stays byte-for-byte the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


@dataclass(frozen=True, slots=True)
class RegistrationPart:
    """Register by ``due``: ``days`` from the day after arrival, counted as ``counting`` says."""

    due: date
    days: int
    counting: str
    rule: str

    def to_json(self) -> dict[str, Any]:
        return {"due": _iso(self.due), "days": self.days, "counting": self.counting,
                "rule": self.rule}  # fmt: skip


@dataclass(frozen=True, slots=True)
class StayPart:
    """A rolling limit: ``max_days`` in any ``window_days``.

    ``latest_exit`` is None when the entry day already breaks the limit; ``overstay_from`` is
    the first unlawful day when the person is still present on the day of the question after
    ``latest_exit``.
    """

    max_days: int
    window_days: int
    days_used: int
    days_left: int
    latest_exit: date | None
    overstay_from: date | None
    rule: str

    def to_json(self) -> dict[str, Any]:
        return {
            "max_days": self.max_days,
            "window_days": self.window_days,
            "days_used": self.days_used,
            "days_left": self.days_left,
            "latest_exit": _iso(self.latest_exit),
            "overstay_from": _iso(self.overstay_from),
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class PerStayPart:
    """At most ``max_days`` in one stay, counted from the entry day: entry + max_days - 1."""

    max_days: int
    latest_exit: date
    rule: str

    def to_json(self) -> dict[str, Any]:
        return {"max_days": self.max_days, "latest_exit": _iso(self.latest_exit),
                "rule": self.rule}  # fmt: skip


@dataclass(frozen=True, slots=True)
class YearCapPart:
    """At most ``max_days`` days of presence in one calendar year."""

    max_days: int
    days_used: int
    days_left: int
    latest_exit: date | None
    overstay_from: date | None
    rule: str

    def to_json(self) -> dict[str, Any]:
        return {
            "max_days": self.max_days,
            "days_used": self.days_used,
            "days_left": self.days_left,
            "latest_exit": _iso(self.latest_exit),
            "overstay_from": _iso(self.overstay_from),
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class ValidityPart:
    """A period of validity that starts on ``starts`` (entry or work licence issue)."""

    starts: date
    latest_exit: date
    rule: str

    def to_json(self) -> dict[str, Any]:
        return {"starts": _iso(self.starts), "latest_exit": _iso(self.latest_exit),
                "rule": self.rule}  # fmt: skip


@dataclass(frozen=True, slots=True)
class DeadlinesResult:
    """A migrant's own dates, each part with the id of the rule it comes from.

    A part is None where no rule in force applies; ``warnings`` then says what the sources do
    not state. ``latest_lawful_exit`` is the earliest of the parts' last days.
    """

    as_of: date
    registration: RegistrationPart | None
    stay: StayPart | None
    per_stay: PerStayPart | None
    latest_lawful_exit: date | None
    warnings: tuple[str, ...]
    citizen: str = ""
    destination: str = ""
    entry: date | None = None
    calendar_year: YearCapPart | None = None
    validity: ValidityPart | None = None

    def to_json(self) -> dict[str, Any]:
        """The ``deadlines --json`` object of the public interface."""
        data: dict[str, Any] = {
            "as_of": _iso(self.as_of),
            "registration": self.registration.to_json() if self.registration else None,
            "stay": self.stay.to_json() if self.stay else None,
            "per_stay": self.per_stay.to_json() if self.per_stay else None,
            "latest_lawful_exit": _iso(self.latest_lawful_exit),
            "warnings": list(self.warnings),
        }
        if self.calendar_year is not None:
            data["calendar_year"] = self.calendar_year.to_json()
        if self.validity is not None:
            data["validity"] = self.validity.to_json()
        return data
