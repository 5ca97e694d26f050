"""Run slow work off the GUI thread and hand the result back by signal.

Like Anki's ``QueryOp``: the function runs in the thread pool and never touches a widget;
``on_done`` and ``on_failed`` run in the GUI thread. A :class:`UserError` reaches
``on_failed`` with its message; anything else is logged and reported as a generic failure.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.errors import UserError
from desktop.i18n import gettext as _

log = logging.getLogger(__name__)

_alive: set[Task] = set()


class _Signals(QObject):
    """Signals:
    done(object): the function's result.
    failed(str): a message for the user.
    progress(int, int, str): done so far, total, what is being done.
    """

    done = Signal(object)
    failed = Signal(str)
    progress = Signal(int, int, str)


class Task(QRunnable):
    """One piece of work for the thread pool; cancel() asks it to stop at the next step."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = _Signals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int, what: str = "") -> None:
        """Called by the work itself (from the pool thread) to show progress."""
        self.signals.progress.emit(done, total, what)

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except UserError as exc:
            self.signals.failed.emit(str(exc))
        except Exception:
            log.exception("background task failed")
            self.signals.failed.emit(
                _("Something went wrong. The details are in the log in the data folder.")
            )
        else:
            self.signals.done.emit(result)


def run_task(
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_failed: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    with_task: bool = False,
    **kwargs: Any,
) -> Task:
    """Start ``fn(*args, **kwargs)`` in the pool; ``with_task`` passes the task as ``task=``."""
    task = Task(fn, *args, **kwargs)
    if with_task:
        task.kwargs["task"] = task
    _alive.add(task)

    def _finish(*_: Any) -> None:
        _alive.discard(task)

    if on_done is not None:
        task.signals.done.connect(on_done)
    if on_failed is not None:
        task.signals.failed.connect(on_failed)
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    task.signals.done.connect(_finish)
    task.signals.failed.connect(_finish)
    QThreadPool.globalInstance().start(task)
    return task


def wait_for_tasks(msecs: int = 10_000) -> bool:
    """Block until the pool is idle (used on quit and in tests)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
