"""Training mode: a slider step must redraw its numbers well within one frame (16 ms).

Run with ``python -m tests.benchmarks training``. Times, on the bundled rules and scenarios,
one player frame (a ``compute_deadlines`` call), a step's span with its days-in-window curve,
the whole quiz, a scenario handout and the training database made from the demo generator.
"""

from __future__ import annotations

import io
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta

FRAME_BUDGET_MS = 16.0


def timings(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and 95th percentile in milliseconds, after one warming call."""
    fn()
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def main() -> int:
    from desktop.rules import load_rulebook
    from desktop.training import build_quiz, frame, load_scenarios, span
    from desktop.training.handout import write_scenario_handout

    book = load_rulebook()
    scenarios = load_scenarios()
    aigerim = scenarios.get("kg-kz-rolling-window-2025")
    step = aigerim.steps[0]
    days = iter(range(10**6))

    def one_frame() -> object:
        return frame(book, aigerim, step, step.entry + timedelta(days=next(days) % 120))

    rows = [
        ("player frame", one_frame, 300),
        ("span with curve", lambda: span(book, aigerim, step), 100),
        ("whole quiz (en)", lambda: build_quiz(book, scenarios.scenarios), 10),
        (
            "scenario handout",
            lambda: write_scenario_handout(
                book, scenarios.get("kz-uz-visa-runs-2022-2023"), io.BytesIO(), "ru"
            ),
            5,
        ),
    ]
    verdict = "within"
    for name, fn, runs in rows:
        median, p95 = timings(fn, runs)
        print(f"{name:<20} median {median:8.2f} ms   p95 {p95:8.2f} ms   ({runs} runs)")
        if name == "player frame" and p95 > FRAME_BUDGET_MS:
            verdict = "OVER"
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MIGRANT_DESK_DATA_DIR"] = tmp
        from desktop.training.database import ensure_training_database

        t0 = time.perf_counter()
        info = ensure_training_database()
        print(
            f"training database: {info.clients} made-up clients in "
            f"{(time.perf_counter() - t0) * 1000:.0f} ms"
        )
        os.environ.pop("MIGRANT_DESK_DATA_DIR")
    print(f"player frame p95 is {verdict} the {FRAME_BUDGET_MS:.0f} ms budget")
    return 0
