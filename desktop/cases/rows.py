"""The rows the case list and the Today workspace show: small frozen dataclasses.

They live apart from the services so that the start page's quick read
(:mod:`desktop.cases.quick`) can build them without importing SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    case_id: int
    client_id: int
    name: str
    name_latin: str
    citizenship: str
    status: str
    destination: str | None
    counsellor: str | None
    opened_on: date
    closed_on: date | None
    next_due_on: date | None
    categories: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FollowUpRow:
    """One line of the Today workspace: what to do, for whom, by when."""

    follow_up_id: int
    case_id: int
    client_id: int
    name: str
    name_latin: str
    due_on: date
    what: str
    rule_id: str | None
    counsellor: str | None
