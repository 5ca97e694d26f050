"""A Babel extractor for scenario files, so stories are translated like the rule texts.

To be registered for ``resources/scenarios/*.toml`` in the ``content`` domain, beside the
rule-file extractor::

    ("resources/scenarios/*.toml", "desktop.training.extract:extract_scenarios")

It yields the scenario's title and summary and each step's title and narration, with the
scenario id and step number as a comment so that translators see where a text belongs.
Person names are made up and not translated.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from typing import Any, BinaryIO

Message = tuple[int, str | None, str, list[str]]


def _line_of(lines: list[str], key: str, start: int) -> int:
    """The 1-based line of the first ``key = …`` at or after line ``start``."""
    for number in range(max(start, 1), len(lines) + 1):
        if lines[number - 1].split("=", 1)[0].strip() == key:
            return number
    return start


def extract_scenarios(
    fileobj: BinaryIO, keywords: Any, comment_tags: Any, options: dict[str, Any]
) -> Iterator[Message]:
    """Yield ``(lineno, funcname, message, comments)`` as Babel expects."""
    text = fileobj.read().decode("utf-8")
    data = tomllib.loads(text)
    lines = text.splitlines()
    sid = str(data.get("id", ""))
    cursor = 1
    for key in ("title", "summary"):
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            cursor = _line_of(lines, key, cursor)
            yield cursor, None, " ".join(value.split()), [f"{sid} ({key})"]
    steps = data.get("step", [])
    step_lines = [n for n, line in enumerate(lines, 1) if line.strip() == "[[step]]"]
    for number, step in enumerate(steps if isinstance(steps, list) else [], 1):
        cursor = step_lines[number - 1] if number <= len(step_lines) else cursor
        for key in ("title", "narration"):
            value = step.get(key) if isinstance(step, dict) else None
            if isinstance(value, str) and value.strip():
                cursor = _line_of(lines, key, cursor)
                yield cursor, None, " ".join(value.split()), [f"{sid} step {number} ({key})"]
