"""A Babel extractor for the rule files, so rule texts are translated like any string.

Registered in ``desktop.i18n.catalogues`` for ``resources/rules/*.toml``: it yields each
record's ``text`` and ``note`` and the words of cost values (``per``), with the record id
as a comment so that translators see where a text comes from.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from typing import Any, BinaryIO


def extract_rules(
    fileobj: BinaryIO, keywords: Any, comment_tags: Any, options: dict[str, Any]
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Yield ``(lineno, funcname, message, comments)`` as Babel expects."""
    raw = fileobj.read()
    text = raw.decode("utf-8")
    data = tomllib.loads(text)
    lines = text.splitlines()

    def line_of(rule_id: str) -> int:
        needle = f'id = "{rule_id}"'
        for number, line in enumerate(lines, 1):
            if line.strip() == needle:
                return number
        return 0

    for record in data.get("rule", []):
        rid = str(record.get("id", ""))
        lineno = line_of(rid)
        for key in ("text", "note"):
            value = record.get(key)
            if isinstance(value, str) and value.strip():
                yield lineno, None, value.strip(), [f"{rid} ({key})"]
        value = record.get("value", {})
        if isinstance(value, dict) and isinstance(value.get("per"), str):
            yield lineno, None, value["per"], [f"{rid} (cost per)"]
        name = value.get("name") if isinstance(value, dict) else None
        if record.get("topic") == "contact" and isinstance(name, str) and name.strip():
            yield lineno, None, value["name"].strip(), [f"{rid} (contact name)"]
