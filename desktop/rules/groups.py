"""Citizenship groups (EAEU, CIS, visa-free entry) with membership dates from the sources."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.rules.model import Source


@dataclass(frozen=True, slots=True)
class Membership:
    """A country's membership of a group over a range of dates (open ends: not stated)."""

    group: str
    country: str
    destination: str = ""
    start: date | None = None
    end: date | None = None
    date_basis: str = "stated"
    sources: tuple[Source, ...] = ()

    def holds_on(self, day: date) -> bool:
        if self.start is not None and day < self.start:
            return False
        return self.end is None or day <= self.end


class Groups:
    """Answers "was country C in group G (for destination D) on day X?"."""

    def __init__(self, memberships: list[Membership], titles: dict[str, str]) -> None:
        self.memberships = memberships
        self.titles = titles
        self._by_key: dict[tuple[str, str, str], list[Membership]] = {}
        for m in memberships:
            self._by_key.setdefault((m.group, m.destination, m.country), []).append(m)

    def is_member(self, country: str, group: str, destination: str, day: date) -> bool:
        """Membership on ``day``; ``visa_free`` is relative to the destination."""
        if group == "all":
            return True
        dest = destination if group == "visa_free" else ""
        return any(m.holds_on(day) for m in self._by_key.get((group, dest, country), ()))

    def members(self, group: str, destination: str, day: date) -> list[str]:
        dest = destination if group == "visa_free" else ""
        return sorted(
            {
                m.country
                for m in self.memberships
                if m.group == group and m.destination == dest and m.holds_on(day)
            }
        )


def parse_groups(data: dict[str, Any], problem: Any) -> Groups:
    """Build :class:`Groups` from the parsed ``groups.toml``; ``problem(where, msg)`` reports."""
    from desktop.rules.loader import parse_sources

    memberships: list[Membership] = []
    titles: dict[str, str] = {}
    for gi, group in enumerate(data.get("group", [])):
        name = group.get("name", "")
        where = name if name else f"group[{gi}]"
        if name not in ("EAEU", "CIS", "visa_free"):
            problem(where, f"unknown group name {name!r}")
            continue
        titles[name] = str(group.get("title", name))
        destination = str(group.get("destination", ""))
        for mi, member in enumerate(group.get("member", [])):
            country = str(member.get("country", ""))
            mwhere = f"{where}:{country or mi}"
            start, end = member.get("from"), member.get("to")
            for label, value in (("from", start), ("to", end)):
                if value is not None and not isinstance(value, date):
                    problem(mwhere, f"{label} must be a date like 2015-08-12, not {value!r}")
            memberships.append(
                Membership(
                    group=name,
                    country=country,
                    destination=destination,
                    start=start if isinstance(start, date) else None,
                    end=end if isinstance(end, date) else None,
                    date_basis=str(member.get("date_basis", "stated")),
                    sources=parse_sources(member.get("sources", []), mwhere, problem),
                )
            )
    return Groups(memberships, titles)
