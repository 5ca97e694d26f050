"""Terms of N days from arrival, such as a registration deadline.

A term of N days starts on the day after arrival (civil-law counting), so N calendar days
end on ``arrival + N``. A term of N working days ends on the N-th working day after the
arrival day.

Working days come from the ``holidays`` package for the destination: its weekend, its public
holidays, and its transferred days. For Russia (and Belarus, Kazakhstan, Uzbekistan,
Kyrgyzstan...) the package records the government's yearly transfers both ways: a weekday
made a day off appears as a holiday, and a Saturday made a working day is in
``weekend_workdays``; ``HolidayBase.is_working_day`` honours both, and that is what is used
here. Its data covers the transfers decreed up to the package's release: for a year whose
decree came later, transfers are missing, so a date in such a year should be checked against
the official production calendar. Where the package does not know the destination at all,
only Saturdays and Sundays are taken as days off; the due date is then never later than the
true one (every missed holiday would push it later), and the caller warns.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Any


def calendar_due(arrival: date, days: int) -> date:
    """The last day of a term of ``days`` calendar days from ``arrival``."""
    return arrival + timedelta(days=days)


@lru_cache(maxsize=1)
def _supported() -> frozenset[str]:
    import holidays

    return frozenset(holidays.list_supported_countries())


def holidays_known(country: str) -> bool:
    """Whether the holidays package knows the public holidays of ``country``."""
    return country.upper() in _supported()


@lru_cache(maxsize=64)
def _calendar(country: str, years: tuple[int, ...]) -> Any:
    """The country's holiday calendar for these years; building one costs about a millisecond."""
    import holidays

    return holidays.country_holidays(country, years=years)


def is_working_day(day: date, country: str) -> bool:
    """Whether ``day`` is a working day in ``country`` (weekends only if it is unknown)."""
    if not holidays_known(country):
        return day.weekday() < 5
    # A year either side, so that transfers recorded under a neighbouring year are loaded.
    cal = _calendar(country.upper(), (day.year - 1, day.year, day.year + 1))
    return bool(cal.is_working_day(day))


def working_due(arrival: date, days: int, country: str) -> date:
    """The ``days``-th working day after ``arrival`` in ``country``.

    Raises:
        ValueError: ``days`` is not positive.
    """
    if days < 1:
        raise ValueError(f"a term needs at least one day, got {days}")
    day, left = arrival, days
    while left:
        day += timedelta(days=1)
        if is_working_day(day, country):
            left -= 1
    return day
