"""Calendar-year caps and validity periods, the other stay-limit kinds rules may use.

These are not used by the bundled rules yet; they exist so that a local rule file can state
"at most N days per calendar year" (``kind = "calendar_year"``) or "valid for a year from the
work licence's issue" (``kind = "validity"``) and get exact dates without new code.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, timedelta

from desktop.stay.window import Trip, days_used


def year_days_used(trips: Iterable[Trip], on: date) -> int:
    """Days of presence from 1 January of ``on``'s year up to and including ``on``."""
    return days_used(trips, on, on.timetuple().tm_yday)


def year_latest_exit(
    trips: Iterable[Trip], entry: date, *, max_days: int, horizon_years: int = 10
) -> date | None:
    """The last day someone entering on ``entry`` may stay on under a calendar-year cap.

    The count restarts on 1 January, so a long stay may run into the next year: the search
    goes year by year (a cap of 365 days only binds in a leap year). Earlier trips only count
    in the entry's year.

    Args:
        trips: earlier stays; days on or after ``entry`` are ignored.
        entry: first day of the current stay.
        max_days: the most days allowed in one calendar year (1..365).
        horizon_years: how many years ahead to look before giving up; a cap that never binds
            within it yields the horizon's last day.

    Returns:
        The latest lawful day, or None when the entry day already breaks the cap.
    """
    if not 0 < max_days <= 365:
        raise ValueError(f"a calendar-year cap needs 1..365 days, got {max_days}")
    before = entry - timedelta(days=1)
    earlier = [(a, min(b, before)) for a, b in trips if a <= before]
    used = year_days_used(earlier, before) if before.year == entry.year else 0
    start, allowed = entry, max_days - used
    if allowed < 1:
        return None
    for _year in range(horizon_years + 1):
        last = start + timedelta(days=allowed - 1)
        year_end = date(start.year, 12, 31)
        if last < year_end:
            return last
        start, allowed = year_end + timedelta(days=1), max_days
    return date(start.year - 1, 12, 31)


def _add_months(day: date, months: int) -> date:
    """The corresponding date ``months`` later, or the month's last day if it has none."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def validity_last_day(
    anchor: date, *, days: int | None = None, months: int | None = None, years: int | None = None
) -> date:
    """The last day covered by a period of validity that starts on ``anchor``.

    The anchor day is the first day of the period, as with days of stay, so 30 days from
    1 March end on 30 March and one year from 1 March 2024 ends on 28 February 2025. Where a
    source counts a term from the next day instead, this gives the earlier (safer) date.
    """
    if days is None and months is None and years is None:
        raise ValueError("a validity period needs days, months or years")
    end = _add_months(anchor, (years or 0) * 12 + (months or 0))
    return end + timedelta(days=(days or 0) - 1)
