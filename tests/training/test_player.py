"""The player's frames: days used and left as the slider moves through a stay."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.stay import compute_deadlines
from desktop.training import frame, span


@pytest.fixture
def aigerim(bundled):
    scenario = bundled.get("kg-kz-rolling-window-2025")
    return scenario, scenario.steps[0]


@pytest.mark.parametrize(
    ("day", "used", "left", "bites"),
    [
        (date(2025, 1, 15), 80, 10, False),  # before the entry: only the earlier stays count
        (date(2025, 2, 25), 81, 9, False),  # entry day
        (date(2025, 3, 1), 84, 6, False),  # September days start leaving the window
        (date(2025, 4, 10), 84, 6, False),  # one day in, one day out
        (date(2025, 5, 5), 90, 0, False),  # the last lawful day
        (date(2025, 5, 6), 91, 0, True),  # the limit bites
    ],
)
def test_days_used_and_left_on_chosen_days(book, aigerim, day, used, left, bites):
    """The frame of a day gives the counts of the window ending that day."""
    f = frame(book, *aigerim, day)
    assert (f.days_used, f.days_left, f.limit_bites) == (used, left, bites)
    assert f.latest_exit == date(2025, 5, 5)
    assert f.window_start == day - timedelta(days=179)


def test_frames_agree_with_the_calculator_every_day(book, aigerim):
    """Across the whole span, each frame equals compute_deadlines on that day."""
    scenario, step = aigerim
    s = span(book, scenario, step)
    for i in range(s.length):
        day = s.day_at(i)
        r = compute_deadlines(
            book, citizen="KZ", destination="KG", entry=step.entry, trips=step.trips, on=day
        )
        assert frame(book, scenario, step, day).days_used == r.stay.days_used


def test_span_covers_trips_and_the_last_lawful_day(book, aigerim):
    """The slider starts before the first trip and ends after the last day that matters."""
    s = span(book, *aigerim)
    assert s.first < date(2024, 9, 2) and s.last > date(2025, 5, 5)
    assert len(s.counts) == s.length
    assert s.counts[s.index_of(date(2025, 5, 6))] == 91
    assert len(s.counts_until(date(2025, 3, 1))) == s.index_of(date(2025, 3, 1)) + 1


def test_a_stay_without_a_stated_limit_never_bites(book, bundled):
    """Where the sources state no stay limit, no day is an overstay and no counts are shown."""
    scenario = bundled.get("ru-uz-registration-2020-2022")
    step = scenario.steps[0]
    f = frame(book, scenario, step, step.on + timedelta(days=400))
    assert f.days_used is None and f.overstay_from is None and not f.limit_bites
    assert f.registration_due == date(2020, 3, 9)
    assert span(book, scenario, step).counts == []


def test_per_stay_limit_bites_before_the_window_does(book, bundled):
    """In Kazakhstan the 30-day single stay ends first, with 60 of the 90 days still free."""
    scenario = bundled.get("kz-kg-thirty-days-at-a-time")
    f = frame(book, scenario, scenario.steps[0], date(2024, 3, 31))
    assert f.limit_bites and f.days_used == 31 and f.days_left == 59 and f.per_stay_days == 30
