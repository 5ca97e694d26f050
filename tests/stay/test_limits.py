"""Calendar-year caps and validity periods, checked against day-by-day counting."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.stay.limits import validity_last_day, year_days_used, year_latest_exit

D = date.fromisoformat
BASE = date(2023, 6, 1)


def naive_year_latest_exit(trips, entry, cap):
    """Walk day by day from entry, counting the days present in each day's calendar year."""
    present = set()
    for a, b in trips:
        day = a
        while day <= b and day < entry:
            present.add(day)
            day += timedelta(days=1)
    day, last = entry, None
    while True:
        present.add(day)
        in_year = sum(1 for d in present if d.year == day.year and d <= day)
        if in_year > cap:
            return last
        last = day
        day += timedelta(days=1)


trip = st.tuples(st.integers(0, 700), st.integers(0, 90)).map(
    lambda t: (BASE + timedelta(days=t[0]), BASE + timedelta(days=t[0] + t[1]))
)


@settings(max_examples=300, deadline=None)
@given(
    trips=st.lists(trip, max_size=6),
    cap=st.sampled_from([1, 30, 90, 183]),
    entry=st.integers(0, 800),
)
def test_year_latest_exit_agrees_with_day_by_day_reference(trips, cap, entry):
    """The year-by-year answer matches walking the stay day by day, across 1 January."""
    entry_day = BASE + timedelta(days=entry)
    assert year_latest_exit(trips, entry_day, max_days=cap) == naive_year_latest_exit(
        trips, entry_day, cap
    )


def test_year_cap_restarts_on_the_first_of_january():
    """120 days a year from 1 December: 31 days in December, then 120 more in the new year."""
    assert year_latest_exit([], D("2023-12-01"), max_days=120) == D("2024-04-29")


def test_year_days_used_counts_only_this_year():
    """A trip across New Year counts only its January days in the new year."""
    trips = [(D("2023-12-20"), D("2024-01-05"))]
    assert year_days_used(trips, D("2024-03-01")) == 5


def test_year_cap_used_up_before_entry_leaves_no_lawful_day():
    """With the year's days used up, entering again is unlawful from the first day."""
    assert year_latest_exit([(D("2024-01-01"), D("2024-01-30"))], D("2024-06-01"),
                            max_days=30) is None  # fmt: skip


@pytest.mark.parametrize(
    ("anchor", "kwargs", "last"),
    [
        ("2024-03-01", {"days": 30}, "2024-03-30"),
        ("2024-03-01", {"years": 1}, "2025-02-28"),
        ("2023-03-01", {"years": 1}, "2024-02-29"),
        ("2024-02-29", {"years": 1}, "2025-02-27"),
        ("2024-01-31", {"months": 1}, "2024-02-28"),
        ("2024-11-15", {"months": 3}, "2025-02-14"),
    ],
)
def test_validity_last_day(anchor, kwargs, last):
    """The anchor is the first day of validity; months end on the matching day, minus one."""
    assert validity_last_day(D(anchor), **kwargs) == D(last)


def test_validity_needs_a_length():
    """A period with no length is a bug in the caller, not a silent zero."""
    with pytest.raises(ValueError):
        validity_last_day(D("2024-01-01"))
