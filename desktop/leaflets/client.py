"""A client's own dates for the "Your dates" box: from the stay calculator and the case log.

The leaflet itself takes any list of :class:`YourDate`; this module only turns the stay
calculator's answer (and a case's open follow-ups) into that list, so the leaflet never
depends on how the dates were computed. Nothing of the case but the first name, the
citizenship and dates reaches the paper: no surname, no document, no note.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.i18n import C_
from desktop.leaflets.spec import YourDate, first_name

# Labels of the content catalogue; {country} becomes the destination's name.
REGISTER_BY = C_("Register by")
LEAVE_BY = C_("Leave {country} by")
STAY_ENDED = C_("Your lawful stay ended on")
FOLLOW_UP = C_("Come back to see us on")


def dates_from_deadlines(
    result: Any, on: date, follow_ups: Iterable[date] = ()
) -> tuple[YourDate, ...]:
    """ "Register by", "Leave … by" and follow-up dates from a ``DeadlinesResult``.

    Where no rule gives a registration deadline, the box says the sources do not state one.
    A registration date already past on ``on`` is left out (the client has registered or
    needs advice, not a leaflet); a last lawful day already past is said as such. Each date
    keeps the id of the rule it rests on, which the leaflet shows in words.
    """
    out: list[YourDate] = []
    reg = getattr(result, "registration", None)
    if reg is None:
        out.append(YourDate(REGISTER_BY, None))
    elif reg.due >= on:
        out.append(YourDate(REGISTER_BY, reg.due, reg.rule))
    last = getattr(result, "latest_lawful_exit", None)
    if last is not None:
        label = LEAVE_BY if last >= on else STAY_ENDED
        out.append(YourDate(label, last, _exit_rule(result, last)))
    else:
        out.append(YourDate(LEAVE_BY, None))
    out += [YourDate(FOLLOW_UP, day) for day in sorted(set(follow_ups)) if day >= on]
    return tuple(out)


def _exit_rule(result: Any, last: date) -> str | None:
    """The rule whose limit gives the last lawful day (the strictest part)."""
    for name in ("per_stay", "stay", "calendar_year", "validity"):
        part = getattr(result, name, None)
        if part is not None and getattr(part, "latest_exit", None) == last:
            return str(part.rule)
    return None


def client_dates(
    book: Any,
    *,
    citizen: str,
    destination: str,
    entry: date,
    trips: Iterable[tuple[date, date]] = (),
    on: date,
    follow_ups: Iterable[date] = (),
) -> tuple[YourDate, ...]:
    """Compute the client's deadlines with the stay calculator and list them for the box.

    Raises:
        UserError: the calculator's input errors (a trip ending after the entry, …).
    """
    from desktop.stay import compute_deadlines

    result = compute_deadlines(
        book, citizen=citizen, destination=destination, entry=entry, trips=list(trips), on=on
    )
    return dates_from_deadlines(result, on, follow_ups)


@dataclass(frozen=True, slots=True)
class CaseDates:
    """What a client leaflet takes from a case: first name, citizenship and dates."""

    first_name: str
    citizenship: str
    dates: tuple[YourDate, ...]


def dates_for_case(book: Any, detail: Any, destination: str, on: date) -> CaseDates:
    """The client leaflet's input from a case read model (``CaseDetail`` of the case log).

    The current stay is the latest trip to ``destination`` that has no exit date or has not
    ended by ``on``; the trips to it before are the history. Without such a stay only the
    open follow-ups are listed.
    """
    client = detail.client
    trips = sorted(
        (t for t in detail.trips if t.destination == destination), key=lambda t: t.entry_on
    )
    current = next((t for t in reversed(trips) if t.exit_on is None or t.exit_on >= on), None)
    follow_ups = [f.due_on for f in detail.follow_ups if not f.done]
    if current is None:
        dates = tuple(YourDate(FOLLOW_UP, d) for d in sorted(set(follow_ups)) if d >= on)
    else:
        earlier = [
            (t.entry_on, t.exit_on)
            for t in trips
            if t is not current and t.exit_on is not None and t.exit_on < current.entry_on
        ]
        dates = client_dates(
            book,
            citizen=client.citizenship,
            destination=destination,
            entry=current.entry_on,
            trips=earlier,
            on=on,
            follow_ups=follow_ups,
        )
    return CaseDates(first_name(client.full_name), client.citizenship, dates)
