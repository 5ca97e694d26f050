"""Rolling-window and per-stay arithmetic over a person's days of presence.

A rolling rule ("at most N days in any M days") is judged day by day: the window for day D is
D and the M-1 days before it, entry and exit days both count, and a stay is lawful only if the
window of every day of presence holds at most N days. Overlapping trips count once.

Everything here works on date ordinals with sorted intervals and prefix sums, so a history of
hundreds of trips over decades is answered in microseconds (binary searches, no day-by-day
loops); the tests check each function against a naive day-by-day reference.

Normalising trips (:func:`normalise`): trips may come in any order and may overlap. They are
sorted; a trip that starts before the exit day of the stay before it, or lies inside it, is
merged into that stay (a person cannot be in two stays at once). A trip that starts on the
exit day of the previous one is a same-day exit and re-entry (a "border run"): its days count
once in every window, but it is a new stay for a per-stay maximum.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from desktop.errors import UserError
from desktop.i18n import gettext as _

Trip = tuple[date, date]
"""A stay: (entry, exit), both days of presence."""


def normalise(trips: Iterable[Trip]) -> tuple[Trip, ...]:
    """Sort trips and merge overlapping ones into stays (see the module docstring).

    Raises:
        UserError: a trip exits before it enters.
    """
    ordered = sorted(trips)
    stays: list[Trip] = []
    for entry, exit_ in ordered:
        if exit_ < entry:
            raise UserError(
                _("The trip {entry}:{exit} ends before it starts.").format(
                    entry=entry.isoformat(), exit=exit_.isoformat()
                )
            )
        if stays:
            last_entry, last_exit = stays[-1]
            if entry < last_exit or exit_ <= last_exit:
                stays[-1] = (last_entry, max(last_exit, exit_))
                continue
        stays.append((entry, exit_))
    return tuple(stays)


class _Presence:
    """The union of the days of presence, as disjoint sorted ordinal intervals.

    ``upto(x)`` (days of presence on or before day x) is a bisection plus a prefix sum, so the
    days in any window cost O(log n).
    """

    __slots__ = ("cum", "ends", "starts")

    def __init__(self, trips: Iterable[Trip], last: int | None = None) -> None:
        spans: list[tuple[int, int]] = []
        for entry, exit_ in sorted((a.toordinal(), b.toordinal()) for a, b in trips):
            if last is not None:
                exit_ = min(exit_, last)
            if exit_ < entry:
                continue
            if spans and entry <= spans[-1][1] + 1:
                spans[-1] = (spans[-1][0], max(spans[-1][1], exit_))
            else:
                spans.append((entry, exit_))
        self.starts = [a for a, _b in spans]
        self.ends = [b for _a, b in spans]
        self.cum = [0]
        for a, b in spans:
            self.cum.append(self.cum[-1] + b - a + 1)

    def upto(self, day: int) -> int:
        """Days of presence on or before ``day``."""
        i = bisect_right(self.starts, day)
        if i == 0:
            return 0
        return self.cum[i - 1] + min(day, self.ends[i - 1]) - self.starts[i - 1] + 1

    def between(self, first: int, last: int) -> int:
        """Days of presence in ``first``..``last`` (both included)."""
        return self.upto(last) - self.upto(first - 1) if first <= last else 0


def _check_limits(max_days: int, window: int) -> None:
    if not 0 < max_days < window:
        raise ValueError(f"a rolling limit needs 0 < max_days < window, got {max_days}/{window}")


def days_used(trips: Iterable[Trip], on: date, window: int) -> int:
    """Days of presence in the window ending on ``on`` (``on`` and the window-1 days before)."""
    day = on.toordinal()
    return _Presence(trips).between(day - window + 1, day)


def latest_exit(
    trips: Iterable[Trip],
    entry: date,
    *,
    max_days: int,
    window: int,
    per_stay_days: int | None = None,
) -> date | None:
    """The last day someone entering on ``entry`` may stay on without a break.

    Not ``entry + (max_days - used)``: while the person stays, earlier trips slide out of the
    window and free days. With presence from ``entry`` to D, the count of the window ending
    on D grows by one each day and drops by one when an earlier day of presence leaves, so it
    never decreases: the lawful days form a prefix, found by binary search.

    Args:
        trips: earlier stays; their days on or after ``entry`` are ignored (the person is
            present then anyway).
        entry: the first day of the current stay.
        max_days: N of "N days in any window".
        window: M, the window length in days.
        per_stay_days: a cap on one stay, counted from ``entry`` (entry + K - 1 is the last day).

    Returns:
        The latest lawful day, or None when the entry day itself already breaks the limit.
    """
    _check_limits(max_days, window)
    e = entry.toordinal()
    history = _Presence(trips, last=e - 1)
    before = history.upto(e - 1)

    def lawful(k: int) -> bool:  # k days of the current stay: entry .. entry + k - 1
        return before - history.upto(e + k - window - 1) + k <= max_days

    if not lawful(1):
        return None
    lo, hi = 1, max_days if per_stay_days is None else min(max_days, per_stay_days)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if lawful(mid):
            lo = mid
        else:
            hi = mid - 1
    return entry + timedelta(days=lo - 1)


def overstay_from(
    trips: Iterable[Trip],
    *,
    max_days: int,
    window: int,
    per_stay_days: int | None = None,
    start: date | None = None,
    until: date | None = None,
) -> date | None:
    """The first day of presence (between ``start`` and ``until``) that breaks the limit.

    A day breaks a rolling limit when its window holds more than ``max_days`` days, and a
    per-stay maximum when it is past the first ``per_stay_days`` days of its stay (stays as
    :func:`normalise` makes them). Within one run of presence the window count never
    decreases, so each run needs one bisection.
    """
    _check_limits(max_days, window)
    stays = normalise(trips)
    lo_day = start.toordinal() if start else None
    hi_day = until.toordinal() if until else None
    presence = _Presence(stays, last=hi_day)

    def count(day: int) -> int:
        return presence.between(day - window + 1, day)

    found: list[int] = []
    for a, b in zip(presence.starts, presence.ends, strict=True):
        lo = a if lo_day is None else max(a, lo_day)
        if lo > b or count(b) <= max_days:
            continue
        hi = b
        while lo < hi:
            mid = (lo + hi) // 2
            if count(mid) > max_days:
                hi = mid
            else:
                lo = mid + 1
        found.append(lo)
        break
    if per_stay_days is not None:
        for entry, exit_ in stays:
            first_bad = entry.toordinal() + per_stay_days
            if lo_day is not None:
                first_bad = max(first_bad, lo_day)
            last = exit_.toordinal() if hi_day is None else min(exit_.toordinal(), hi_day)
            if first_bad <= last:
                found.append(first_bad)
                break
    return date.fromordinal(min(found)) if found else None


def window_counts(trips: Sequence[Trip], first: date, last: date, window: int) -> list[int]:
    """For each day from ``first`` to ``last``, the days of presence in its window.

    For the timeline strip: one pass of prefix sums over the range and one window before it,
    so O(range + window + trips), not O(range x window).
    """
    if last < first:
        return []
    base = first.toordinal() - window  # index 0 is the day before the first window starts
    size = last.toordinal() - base + 1
    marks = [0] * (size + 1)
    for entry, exit_ in normalise(trips):
        a = max(entry.toordinal() - base, 1)
        b = min(exit_.toordinal() - base, size - 1)
        if a <= b:
            marks[a] += 1
            marks[b + 1] -= 1
    prefix = [0] * size
    running = present = 0
    for i in range(1, size):
        running += marks[i]
        present += 1 if running > 0 else 0
        prefix[i] = present
    return [prefix[i] - prefix[i - window] for i in range(window, size)]
