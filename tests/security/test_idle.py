"""The idle clock: when the window locks itself."""

from __future__ import annotations

from desktop.security.idle import IdleClock


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_locks_after_the_idle_minutes_and_activity_postpones_it():
    """Ten minutes without a touch lock; a touch starts the count again."""
    clock_time = FakeTime()
    clock = IdleClock(10, clock=clock_time)
    clock_time.now += 9 * 60
    assert not clock.expired()
    clock.touch()
    clock_time.now += 9 * 60
    assert not clock.expired()
    clock_time.now += 61
    assert clock.expired()


def test_while_locked_nothing_counts_and_unlocking_starts_afresh():
    """Touches while locked do not count; after unlocking the full time is left again."""
    clock_time = FakeTime()
    clock = IdleClock(10, clock=clock_time)
    clock.lock()
    clock_time.now += 3600
    assert not clock.expired()
    clock.touch()
    assert clock.idle_seconds() == 3600
    clock.unlock()
    assert clock.seconds_left() == 600


def test_zero_minutes_means_never_and_tiny_values_are_raised_to_one_minute():
    """0 switches the idle lock off; half a minute is taken as one."""
    clock_time = FakeTime()
    assert IdleClock(0, clock=clock_time).seconds_left() is None
    clock_time.now += 10**6
    assert not IdleClock(0, clock=clock_time).expired()
    assert IdleClock(0.5, clock=clock_time).minutes == 1
