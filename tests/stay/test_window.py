"""Rolling windows and per-stay caps, checked against a naive day-by-day reference."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.errors import UserError
from desktop.stay.window import (
    days_used,
    latest_exit,
    normalise,
    overstay_from,
    window_counts,
)

D = date.fromisoformat
BASE = date(2023, 1, 1)  # histories span 2023-2025, so they cross 29 February 2024
LIMITS = [(90, 180), (60, 120), (30, 60), (10, 30), (3, 7), (1, 2)]


# ----- the reference: sets of days and naive sums, nothing clever -------------------------
def presence_flags(trips, first, last):
    """A 0/1 list of presence for each day from ``first`` to ``last``."""
    days = set()
    for entry, exit_ in trips:
        day = entry
        while day <= exit_:
            days.add(day)
            day += timedelta(days=1)
    n = (last - first).days + 1
    return [1 if first + timedelta(days=i) in days else 0 for i in range(n)]


def naive_count(flags, index, window):
    return sum(flags[max(0, index - window + 1) : index + 1])


def naive_latest_exit(trips, entry, n, m, k):
    """Walk day by day from entry until a window holds more than n days (or k is passed)."""
    history = [(a, min(b, entry - timedelta(days=1))) for a, b in trips if a < entry]
    first = entry - timedelta(days=m)
    horizon = entry + timedelta(days=m + 1)
    flags = presence_flags(history, first, horizon)
    offset = (entry - first).days
    last = None
    for i in range(m + 1):
        flags[offset + i] = 1
        if naive_count(flags, offset + i, m) > n or (k is not None and i + 1 > k):
            return last
        last = entry + timedelta(days=i)
    raise AssertionError("a window of m days cannot hold fewer than m days forever")


def naive_overstay(trips, n, m, k, start, until):
    first = min(a for a, _ in trips) - timedelta(days=m)
    flags = presence_flags(trips, first, until)
    stays = normalise(trips)
    for i, flag in enumerate(flags):
        day = first + timedelta(days=i)
        if not flag or day < start:
            continue
        if naive_count(flags, i, m) > n:
            return day
        if k is not None and any(a + timedelta(days=k) <= day <= b for a, b in stays):
            return day
    return None


trip = st.tuples(st.integers(0, 1000), st.integers(0, 120)).map(
    lambda t: (BASE + timedelta(days=t[0]), BASE + timedelta(days=t[0] + t[1]))
)
histories = st.lists(trip, min_size=1, max_size=12)
limits = st.sampled_from(LIMITS)
per_stay = st.sampled_from([None, 1, 5, 30, 45])
offsets = st.integers(0, 1200)


# ----- property tests --------------------------------------------------------------------
@settings(max_examples=1000, deadline=None)
@given(trips=histories, limit=limits, k=per_stay, entry_offset=offsets)
def test_latest_exit_agrees_with_day_by_day_reference(trips, limit, k, entry_offset):
    """The binary search gives the same last lawful day as walking the stay day by day."""
    n, m = limit
    entry = BASE + timedelta(days=entry_offset)
    expected = naive_latest_exit(trips, entry, n, m, k)
    assert latest_exit(trips, entry, max_days=n, window=m, per_stay_days=k) == expected


@settings(max_examples=1000, deadline=None)
@given(trips=histories, limit=limits, k=per_stay, start=offsets, until=offsets)
def test_overstay_from_agrees_with_day_by_day_reference(trips, limit, k, start, until):
    """The first day breaking the limit is the one a naive scan of every day finds."""
    n, m = limit
    start_day, until_day = BASE + timedelta(days=start), BASE + timedelta(days=until)
    expected = naive_overstay(trips, n, m, k, start_day, until_day)
    got = overstay_from(
        trips, max_days=n, window=m, per_stay_days=k, start=start_day, until=until_day
    )
    assert got == expected


@settings(max_examples=500, deadline=None)
@given(trips=histories, window=st.sampled_from([2, 7, 60, 180]), on=offsets)
def test_days_used_agrees_with_naive_sum(trips, window, on):
    """Days used in the window ending on a day equal a plain count of the days present."""
    day = BASE + timedelta(days=on)
    first = BASE - timedelta(days=window)
    flags = presence_flags(trips, first, day)
    assert days_used(trips, day, window) == naive_count(flags, len(flags) - 1, window)


@settings(max_examples=300, deadline=None)
@given(
    trips=histories,
    window=st.sampled_from([2, 7, 180]),
    first=offsets,
    length=st.integers(0, 400),
)
def test_window_counts_agree_with_naive_sums(trips, window, first, length):
    """The timeline's per-day counts equal a naive window sum for every day of the range."""
    start = BASE + timedelta(days=first)
    end = start + timedelta(days=length)
    origin = BASE - timedelta(days=window)
    flags = presence_flags(trips, origin, end)
    offset = (start - origin).days
    expected = [naive_count(flags, offset + i, window) for i in range(length + 1)]
    assert window_counts(trips, start, end, window) == expected


@settings(max_examples=300, deadline=None)
@given(trips=histories, limit=limits, entry_offset=offsets, extra=st.integers(0, 200))
def test_current_stay_overstays_the_day_after_latest_exit(trips, limit, entry_offset, extra):
    """Staying on past the latest exit makes the next day the first unlawful one."""
    n, m = limit
    entry = BASE + timedelta(days=entry_offset)
    history = [(a, b) for a, b in trips if b < entry]
    last = latest_exit(history, entry, max_days=n, window=m)
    as_of = (last or entry) + timedelta(days=extra)
    got = overstay_from([*history, (entry, as_of)], max_days=n, window=m, start=entry)
    if last is None:
        assert got == entry
    elif as_of > last:
        assert got == last + timedelta(days=1)
    else:
        assert got is None


@settings(max_examples=300, deadline=None)
@given(trips=histories)
def test_normalise_keeps_every_day_and_orders_stays(trips):
    """Normalising never adds or drops a day of presence, and stays come out in order."""
    stays = normalise(trips)
    first, last = BASE, BASE + timedelta(days=1200)
    assert presence_flags(stays, first, last) == presence_flags(trips, first, last)
    assert all(a <= b for a, b in stays)
    assert all(b1 <= a2 for (_a1, b1), (a2, _b2) in itertools.pairwise(stays))


# ----- worked cases ----------------------------------------------------------------------
def test_worked_example_of_the_interface():
    """20 days in January, entry on 1 March: 21 days used, and 9 May is the last day (90/180)."""
    trips = [(D("2024-01-01"), D("2024-01-20"))]
    entry = D("2024-03-01")
    assert days_used([*trips, (entry, entry)], entry, 180) == 21
    assert latest_exit(trips, entry, max_days=90, window=180) == D("2024-05-09")
    assert latest_exit(trips, entry, max_days=90, window=180, per_stay_days=30) == D("2024-03-30")


def test_latest_exit_is_not_max_minus_used():
    """Days that slide out of the window during the stay are earned back."""
    entry = D("2024-06-01")
    history = [(entry - timedelta(days=209), entry - timedelta(days=150))]  # 60 days
    used = days_used([*history, (entry, entry)], entry, 180)
    assert used == 31  # 30 of the 60 days are still in the window
    naive = entry + timedelta(days=90 - used)
    assert latest_exit(history, entry, max_days=90, window=180) == entry + timedelta(days=89)
    assert naive < entry + timedelta(days=89)


@pytest.mark.parametrize(
    ("entry", "last"),
    [("2024-01-01", "2024-03-30"), ("2023-01-01", "2023-03-31"), ("2024-02-29", "2024-05-28")],
)
def test_leap_years_count_29_february(entry, last):
    """90 days from 1 January end a day earlier in a leap year; 29 February can be an entry."""
    assert latest_exit([], D(entry), max_days=90, window=180) == D(last)


def test_same_day_entry_and_exit_is_one_day():
    """A trip that starts and ends on the same day is one day of stay."""
    day = D("2024-02-29")
    assert days_used([(day, day)], day, 180) == 1
    assert days_used([(day, day)], day + timedelta(days=179), 180) == 1
    assert days_used([(day, day)], day + timedelta(days=180), 180) == 0


def test_trip_straddling_the_window_edge_counts_only_days_inside():
    """Of a trip that begins before the window, only its days inside the window count."""
    on = D("2024-07-01")
    edge = on - timedelta(days=179)  # first day of the window
    trip = (edge - timedelta(days=10), edge + timedelta(days=4))
    assert days_used([trip], on, 180) == 5


def test_stay_that_starts_lawful_ends_in_overstay():
    """Staying past the last lawful day: the first unlawful day is the day after it."""
    history = [(D("2024-01-01"), D("2024-01-20"))]
    entry, as_of = D("2024-03-01"), D("2024-06-01")
    assert overstay_from([*history, (entry, as_of)], max_days=90, window=180) == D("2024-05-10")
    assert overstay_from([*history, (entry, D("2024-05-09"))], max_days=90, window=180) is None


def test_entry_day_already_over_the_limit_has_no_lawful_day():
    """After 90 days in the window, entering again is unlawful from the first day."""
    history = [(D("2024-01-01"), D("2024-03-30"))]
    entry = D("2024-04-15")
    assert latest_exit(history, entry, max_days=90, window=180) is None
    assert overstay_from([*history, (entry, entry)], max_days=90, window=180) == entry


def test_per_stay_cap_counts_from_entry():
    """With 30 days per stay, the 31st day of one stay is unlawful even within 90/180."""
    entry = D("2024-03-01")
    stay = (entry, D("2024-04-15"))
    assert overstay_from([stay], max_days=90, window=180, per_stay_days=30) == D("2024-03-31")


def test_normalise_sorts_merges_overlaps_and_keeps_border_runs():
    """Unsorted and overlapping trips merge; a same-day exit and re-entry stays a new stay."""
    trips = [
        (D("2024-03-10"), D("2024-03-20")),
        (D("2024-01-01"), D("2024-01-10")),
        (D("2024-01-05"), D("2024-01-15")),  # overlaps the one before
        (D("2024-01-07"), D("2024-01-08")),  # inside it
        (D("2024-03-20"), D("2024-03-25")),  # left and came back on 20 March
    ]
    assert normalise(trips) == (
        (D("2024-01-01"), D("2024-01-15")),
        (D("2024-03-10"), D("2024-03-20")),
        (D("2024-03-20"), D("2024-03-25")),
    )
    assert days_used(trips, D("2024-03-25"), 180) == 15 + 16


def test_exit_before_entry_is_a_user_error():
    """A trip that ends before it starts is refused with a clear message."""
    with pytest.raises(UserError, match="ends before it starts"):
        normalise([(D("2024-03-10"), D("2024-03-01"))])


def test_a_limit_that_cannot_bind_is_refused():
    """A rolling limit needs fewer allowed days than the window has; anything else is a bug."""
    with pytest.raises(ValueError):
        latest_exit([], D("2024-01-01"), max_days=180, window=180)
