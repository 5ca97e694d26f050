"""Leaflets: one leaflet (target < 300 ms) and every destination × 5 languages (< 15 s).

Both are measured in a fresh process, the way a coordinator waits for them: the first
leaflet includes registering the fonts; the rule book is loaded before the clock starts
(it has its own benchmark). A warm figure (median of repeated renders) is printed as well.
"""

from __future__ import annotations

import json
import subprocess
import sys

SCRIPT = r"""
import io, json, statistics, sys, tempfile, time
from datetime import date
from desktop.rules import load_rulebook
from desktop.settings import Organisation
from desktop.leaflets import LeafletSpec, PrintSettings, batch_specs, render_batch, render_leaflet

book = load_rulebook()
org = Organisation(name="Safe Journey Centre", address="12 Navoi Street, Tashkent",
                   phone="+998 71 123 45 67", messenger="@safejourney", web="example.org")
prefs = PrintSettings(org=org)
on = date(2024, 3, 1)
mode = sys.argv[1]
if mode == "one":
    spec = LeafletSpec("RU", "ru", "UZ", on=on)
    t = time.perf_counter()
    pages = render_leaflet(book, spec, io.BytesIO(), prefs)
    first = (time.perf_counter() - t) * 1000
    warm = []
    for lang in ("en", "ru", "uz", "ky", "tg") * 4:
        t = time.perf_counter()
        render_leaflet(book, LeafletSpec("RU", lang, "UZ", on=on), io.BytesIO(), prefs)
        warm.append((time.perf_counter() - t) * 1000)
    t = time.perf_counter()
    render_leaflet(book, LeafletSpec("RU", "ky", "KG", on=on, size="A5", bilingual=True),
                   io.BytesIO(), prefs)
    heavy = (time.perf_counter() - t) * 1000
    print(json.dumps({"first": first, "warm": statistics.median(warm), "max": max(warm),
                      "heavy": heavy, "pages": pages}))
else:
    specs = batch_specs(book.destinations(), ["en", "ru", "uz", "ky", "tg"], on=on)
    with tempfile.TemporaryDirectory() as folder:
        t = time.perf_counter()
        written = render_batch(book, specs, folder, prefs)
        total = time.perf_counter() - t
    print(json.dumps({"files": len(written), "seconds": total}))
"""


def _run(mode: str) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    one = _run("one")
    batch = _run("batch")
    print(
        f"first leaflet in a fresh process (RU, ru, A4, {one['pages']:.0f} pages): "
        f"{one['first']:.0f} ms (target < 300)"
    )
    print(
        f"one leaflet, warm: median {one['warm']:.0f} ms, max {one['max']:.0f} ms; "
        f"A5 bilingual {one['heavy']:.0f} ms"
    )
    print(
        f"batch, every destination × 5 languages in a fresh process: {batch['files']:.0f} "
        f"files in {batch['seconds']:.1f} s (target < 15)"
    )
    ok = one["first"] < 300 and one["max"] < 300 and batch["seconds"] < 15
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
