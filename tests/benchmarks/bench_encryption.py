"""What encryption costs: the case-log benchmarks on a plain and an encrypted 100 000-client log.

Run with ``python -m tests.benchmarks encryption``. Both logs are built by the real command
(``cases demo --count 100000``, the encrypted one with ``MIGRANT_DESK_PASSPHRASE`` set), then
searched with the same query mix and listed the same ways as ``bench_cases``. Budget (issue
#8): the encrypted figures at most 25% above the plain ones, for the demo build, the search
p95 and the slowest first page of a list.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.bench_cases import CLI, COUNT, _bench_lists, _bench_search

BUDGET = 1.25
PASSPHRASE = "benchmark passphrase"


def _build(db: Path, passphrase: str | None) -> float:
    env = {k: v for k, v in os.environ.items() if k != "MIGRANT_DESK_PASSPHRASE"}
    if passphrase:
        env["MIGRANT_DESK_PASSPHRASE"] = passphrase
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", CLI, "--db", str(db), "cases", "demo", "--count", str(COUNT)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    return time.perf_counter() - started


def _measure(db: Path, passphrase: str | None) -> dict[str, float]:
    from sqlmodel import Session

    from desktop.cases.storage import open_log

    figures: dict[str, float] = {"demo_s": _build(db, passphrase)}
    started = time.perf_counter()
    engine = open_log(str(db), passphrase=passphrase)
    figures["open_ms"] = (time.perf_counter() - started) * 1000
    with Session(engine) as session:
        p95, by_kind = _bench_search(session)
        timings = _bench_lists(session)
    engine.dispose()
    every = [ms for values in by_kind.values() for ms in values]
    pages = [ms for label, ms in timings if not label.startswith("count")]
    figures.update(
        search_p95_ms=p95,
        search_median_ms=statistics.median(every),
        list_max_ms=max(pages),
        list_median_ms=statistics.median(pages),
        size_mb=db.stat().st_size / 1e6,
    )
    return figures


def main() -> int:
    """Build both logs, measure, print both figures and the ratio; 0 when within budget."""
    with tempfile.TemporaryDirectory(prefix="bench-encryption-") as folder:
        plain = _measure(Path(folder) / "plain.sqlite3", None)
        encrypted = _measure(Path(folder) / "encrypted.sqlite3", PASSPHRASE)
    print(f"{'':<28}{'plain':>10}{'encrypted':>12}{'ratio':>8}")
    failures = []
    for name, label, budgeted in (
        ("demo_s", f"cases demo --count {COUNT} (s)", True),
        ("search_p95_ms", "search p95 (ms)", True),
        ("search_median_ms", "search median (ms)", False),
        ("list_max_ms", "slowest first page (ms)", True),
        ("list_median_ms", "median first page (ms)", False),
        ("open_ms", "open incl. key (ms)", False),
        ("size_mb", "file size (MB)", False),
    ):
        ratio = encrypted[name] / plain[name] if plain[name] else float("nan")
        print(f"{label:<28}{plain[name]:>10.1f}{encrypted[name]:>12.1f}{ratio:>8.2f}")
        if budgeted and ratio > BUDGET:
            failures.append(label)
    print(
        f"within budget (encrypted <= {BUDGET:.2f}x plain)"
        if not failures
        else f"OVER BUDGET: {', '.join(failures)}"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
