"""When the window locks itself: the idle clock, without Qt.

The window's event filter calls :meth:`IdleClock.touch` on every key press and mouse action
and asks :meth:`IdleClock.expired` from a timer; both take the time as an argument (defaulting
to ``time.monotonic``), so tests can run hours of idleness in a microsecond. Monotonic time is
used so that changing the computer's clock neither locks nor keeps the window open.
"""

from __future__ import annotations

import time
from collections.abc import Callable

DEFAULT_MINUTES = 10
#: Shortest allowed idle time; 0 in the settings switches the idle lock off.
MIN_MINUTES = 1


class IdleClock:
    """Counts idle time; ``minutes`` of it and :meth:`expired` says so (0 = never)."""

    def __init__(
        self, minutes: float = DEFAULT_MINUTES, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._clock = clock
        self.minutes = minutes
        self._last = clock()
        self.locked = False

    @property
    def minutes(self) -> float:
        """The idle time after which the window locks (0: never)."""
        return self._minutes

    @minutes.setter
    def minutes(self, value: float) -> None:
        value = float(value or 0)
        self._minutes = 0.0 if value <= 0 else max(float(MIN_MINUTES), value)

    def touch(self, at: float | None = None) -> None:
        """Someone used the window: idleness starts again (ignored while locked)."""
        if not self.locked:
            self._last = self._clock() if at is None else at

    def idle_seconds(self, at: float | None = None) -> float:
        """How long nobody has used the window."""
        return max(0.0, (self._clock() if at is None else at) - self._last)

    def expired(self, at: float | None = None) -> bool:
        """True once the idle time has passed (and the window is not locked already)."""
        if self.locked or not self._minutes:
            return False
        return self.idle_seconds(at) >= self._minutes * 60

    def seconds_left(self, at: float | None = None) -> float | None:
        """Until the lock (None when the idle lock is off)."""
        if not self._minutes:
            return None
        return max(0.0, self._minutes * 60 - self.idle_seconds(at))

    def lock(self) -> None:
        """The window is locked now (on demand or because the time ran out)."""
        self.locked = True

    def unlock(self, at: float | None = None) -> None:
        """The password was typed again: unlocked, and idleness counts from now."""
        self.locked = False
        self.touch(at)
