"""The rows the case list and the Today workspace show: small frozen dataclasses.

They live apart from the services so that the start page's quick read
(:mod:`desktop.cases.quick`) can build them without importing SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any


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


def _day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value)[:10])


def case_rows(rows: Sequence[Sequence[Any]], categories: dict[int, list[str]]) -> list[CaseRow]:
    """Case rows from ``(id, client_id, full_name, name_latin, citizenship, status,
    destination, counsellor, opened_on, closed_on, next_due_on)`` tuples and each case's
    category codes, which come back in the vocabulary's order."""
    from desktop.cases.vocab import CATEGORIES

    order = list(CATEGORIES)
    return [
        CaseRow(
            case_id=r[0],
            client_id=r[1],
            name=r[2],
            name_latin=r[3],
            citizenship=r[4],
            status=r[5],
            destination=r[6],
            counsellor=r[7],
            opened_on=_day(r[8]) or date.min,
            closed_on=_day(r[9]),
            next_due_on=_day(r[10]),
            categories=sorted(
                categories.get(r[0], []),
                key=lambda c: order.index(c) if c in order else len(order),
            ),
        )
        for r in rows
    ]
