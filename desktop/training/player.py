"""The timeline player's arithmetic: a step seen on any day, and the days it can move over.

On day D of the slider the person has been present on the earlier trips and, once D has
reached the entry, every day from the entry to D. That is the calculator's question "on D",
so each frame is one :func:`desktop.stay.compute_deadlines` call (well under a millisecond):
the player can never show a count that the Calculator workspace would not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop.rules import RuleBook
from desktop.stay import window_counts
from desktop.training.replay import outcome_of, run_step
from desktop.training.scenario import Scenario, Step

MARGIN_DAYS = 14
DEFAULT_WINDOW = 180


@dataclass(frozen=True, slots=True)
class Frame:
    """The step on one day of the slider."""

    day: date
    present: bool  # in the country on ``day`` (the current stay has begun)
    day_of_stay: int  # 1 on the entry day, 0 before it
    days_used: int | None
    days_left: int | None
    max_days: int | None
    window_days: int | None
    window_start: date | None
    per_stay_days: int | None
    latest_exit: date | None
    overstay_from: date | None
    registration_due: date | None

    @property
    def limit_bites(self) -> bool:
        """The person is present on a day the rules no longer allow."""
        return self.overstay_from is not None and self.present and self.day >= self.overstay_from

    @property
    def registration_days_left(self) -> int | None:
        if self.registration_due is None or not self.present:
            return None
        return (self.registration_due - self.day).days


@dataclass(frozen=True, slots=True)
class Span:
    """The days the slider runs over, and what the timeline draws for the whole step."""

    first: date
    last: date
    trips: tuple[tuple[date, date], ...]
    window_days: int | None
    max_days: int | None
    latest_exit: date | None
    counts: list[int] = field(default_factory=list)  # days in window, first..last

    @property
    def length(self) -> int:
        return (self.last - self.first).days + 1

    def day_at(self, index: int) -> date:
        return self.first + timedelta(days=max(0, min(index, self.length - 1)))

    def index_of(self, day: date) -> int:
        return max(0, min((day - self.first).days, self.length - 1))

    def counts_until(self, day: date) -> list[int]:
        """The days-in-window curve up to ``day`` only, as the slider reveals it."""
        return self.counts[: self.index_of(day) + 1]


def frame(book: RuleBook, scenario: Scenario, step: Step, day: date) -> Frame:
    """The step as it stands on ``day`` (the person staying on from the entry until then)."""
    result = run_step(book, scenario, step, on=day)
    outcome = outcome_of(result)
    stay = result.stay
    window_start = day - timedelta(days=stay.window_days - 1) if stay else None
    present = day >= step.entry
    first_unlawful = None
    if outcome.has_stay_limit:
        last = outcome.latest_exit
        first_unlawful = step.entry if last is None else last + timedelta(days=1)
    return Frame(
        day=day,
        present=present,
        day_of_stay=(day - step.entry).days + 1 if present else 0,
        days_used=outcome.days_used,
        days_left=outcome.days_left,
        max_days=outcome.max_days,
        window_days=outcome.window_days,
        window_start=window_start,
        per_stay_days=outcome.per_stay_days,
        latest_exit=outcome.latest_exit,
        overstay_from=first_unlawful,
        registration_due=outcome.registration_due,
    )


def span(book: RuleBook, scenario: Scenario, step: Step) -> Span:
    """From before the earliest trip shown to a fortnight past the last day that matters.

    The curve assumes the person stays on to the end of the span, so that moving the slider
    past the last lawful day shows the count crossing the limit.
    """
    result = run_step(book, scenario, step)
    outcome = outcome_of(result)
    window = outcome.window_days or DEFAULT_WINDOW
    starts = [step.entry - timedelta(days=window // 3)] + [a for a, _b in step.trips]
    first = min(starts) - timedelta(days=MARGIN_DAYS // 2)
    ends = [step.on, step.entry + timedelta(days=30)]
    if outcome.latest_exit:
        ends.append(outcome.latest_exit)
    if outcome.registration_due:
        ends.append(outcome.registration_due)
    last = max(ends) + timedelta(days=MARGIN_DAYS)
    counts: list[int] = []
    if outcome.window_days:
        presence = [*step.trips, (step.entry, last)]
        counts = window_counts(presence, first, last, outcome.window_days)
    return Span(
        first=first,
        last=last,
        trips=step.trips,
        window_days=outcome.window_days,
        max_days=outcome.max_days,
        latest_exit=outcome.latest_exit,
        counts=counts,
    )
