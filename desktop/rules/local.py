"""The NGO's own verified rules: check one record, and move them to and from rule files.

A local rule has the same fields as a bundled one; its source is the NGO's own (a law,
decree or official page, who checked it and when) instead of a quotation. Exported files are
ordinary rule files, so another office can load them with ``--rules-dir``.
"""

from __future__ import annotations

import contextlib
import re
import tomllib
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from desktop.errors import UserError
from desktop.rules.book import country_codes, load_documents
from desktop.rules.loader import Problem, RecordParser
from desktop.rules.model import Rule

DATE_KEYS = ("effective_from", "effective_to", "checked_on")


def new_local_id(destination: str, topic: str, applies_to: Iterable[str], day: date) -> str:
    who = "-".join(a.lower() for a in applies_to) or "all"
    slug = re.sub(r"[^a-z0-9]+", "-", f"local-{destination.lower()}-{topic}-{who}-{day:%Y%m%d}")
    return slug.strip("-")


def check_local_record(record: dict[str, Any]) -> tuple[Rule | None, list[str]]:
    """Validate one record with the same loader as rule files; returns the rule or messages."""
    problems: list[Problem] = []
    parser = RecordParser(
        countries=country_codes(), documents=frozenset(load_documents()), problems=problems
    )
    rules = parser.parse_records([record], "(local)", "", local=True)
    if not record.get("source_title"):
        problems.append(Problem("(local)", str(record.get("id", "")), "source_title is missing"))
    messages = [p.message for p in problems]
    return (rules[0] if rules and not messages else None), messages


def record_to_json(record: dict[str, Any]) -> dict[str, Any]:
    """Dates as ISO strings, for storing in the case log."""
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in record.items()}


def record_from_json(data: dict[str, Any]) -> dict[str, Any]:
    """The inverse of :func:`record_to_json`."""
    out = dict(data)
    for key in DATE_KEYS:
        if isinstance(out.get(key), str):
            with contextlib.suppress(ValueError):  # the loader reports a bad date
                out[key] = date.fromisoformat(out[key])
    return out


def export_rule_file(records: Iterable[dict[str, Any]], path: Path) -> int:
    """Write local records as a rule file another office can load; returns how many."""
    import tomli_w

    items = [
        {k: v for k, v in record_from_json(r).items() if v not in (None, "", [], {})}
        for r in records
    ]
    path.write_text(tomli_w.dumps({"rule": items}), encoding="utf-8")
    return len(items)


def import_rule_file(path: Path) -> list[dict[str, Any]]:
    """Read a rule file of local rules; refuses the whole file if any record is wrong."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UserError(f"{path.name} is not a readable rule file: {exc}") from None
    default_dest = data.get("destination", "")
    records = []
    for raw in data.get("rule", []):
        record = dict(raw)
        record.setdefault("destination", default_dest)
        _, messages = check_local_record(record)
        if messages:
            raise UserError(f"{path.name}:{record.get('id', '?')}: {messages[0]}")
        records.append(record)
    if not records:
        raise UserError(f"{path.name} holds no rules")
    return records
