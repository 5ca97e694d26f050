"""The rule sheet as text for a terminal: values first, then the rule, then its source."""

from __future__ import annotations

import shutil
import textwrap
from typing import Any

from desktop.i18n import gettext as _
from desktop.i18n import ngettext
from desktop.rules.model import Rule
from desktop.rules.present import (
    country_name,
    format_date,
    headline,
    rule_note,
    rule_text,
    status_title,
    topic_title,
    validity,
)

QUOTE_CHARS = 220


def _wrap(text: str, indent: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, initial_indent=indent, subsequent_indent=indent) or [
        indent
    ]


def rule_lines(book: Any, rule: Rule, width: int) -> list[str]:
    lines = []
    head = headline(rule) or rule.value.get("name", "") or ""
    badge = f"[{status_title(rule)}]"
    first = f"  {head}" if head else ""
    pad = max(1, width - len(first) - len(badge))
    lines.append(first + " " * pad + badge)
    lines += _wrap(rule_text(rule), "    ", width)
    when = validity(rule)
    if when:
        lines.append("    " + when[:1].upper() + when[1:] + ("" if when.endswith(".") else "."))
    if rule.topic == "contact":
        for key, label in (("phone", _("Phone")), ("url", _("Web"))):
            if rule.value.get(key):
                lines.append(f"    {label}: {rule.value[key]}")
    if rule.note:
        lines += _wrap(_("Note: %s") % rule_note(rule), "    ", width)
    for src in rule.sources:
        quote = src.quote if len(src.quote) <= QUOTE_CHARS else src.quote[:QUOTE_CHARS] + "…"
        lines += _wrap(f"“{quote}”", "    ", width)
        doc = book.documents.get(src.document)
        title = doc.short if doc else src.document
        lines.append(
            "      — " + _("%(title)s, line %(line)d") % {"title": title, "line": src.line}
        )
    if rule.local:
        checked = ", ".join(
            x for x in (rule.source_title, rule.checked_by, format_date(rule.checked_on)) if x
        )
        if checked:
            lines.append("    " + _("Local source: %s") % checked)
    lines.append(f"    id: {rule.id}")
    return lines


def sheet_as_text(book: Any, sheet: Any) -> str:
    width = min(100, max(60, shutil.get_terminal_size((90, 20)).columns))
    title = _("Rules for a citizen of %(citizen)s in %(destination)s, on %(day)s") % {
        "citizen": country_name(sheet.citizenship),
        "destination": country_name(sheet.destination),
        "day": format_date(sheet.on),
    }
    out = [title, "=" * min(width, len(title)), ""]
    topic = None
    for rule in sheet.items:
        if rule.topic != topic:
            topic = rule.topic
            out.append(topic_title(topic).upper())
        out += rule_lines(book, rule, width)
        out.append("")
    gaps = len(sheet.gaps)
    if gaps:
        out.append(
            ngettext(
                "%(n)d point is not stated in the sources. "
                "Add a verified rule of your own with --rules-dir.",
                "%(n)d points are not stated in the sources. "
                "Add a verified rule of your own with --rules-dir.",
                gaps,
            )
            % {"n": gaps}
        )
    return "\n".join(out) + "\n"
