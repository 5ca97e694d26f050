"""Read rule-sheet files and report every problem as ``file:record: what is wrong``.

The loader never raises on bad content: each problem becomes a :class:`Problem`, and the
records that are sound are kept, so that one bad local file cannot take the app down.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desktop.rules.model import (
    CONTACT_KINDS,
    DATE_BASES,
    GROUPS,
    REGISTRATION_COUNTING,
    STATUSES,
    STAY_KINDS,
    TOPICS,
    Rule,
    Source,
)

RECORD_FIELDS = frozenset(
    {
        "id", "destination", "applies_to", "topic", "aspect", "status", "effective_from",
        "effective_to", "date_basis", "supersedes", "text", "value", "note", "sources",
        "checked_by", "checked_on", "source_title", "source_url",
    }
)  # fmt: skip
SOURCE_FIELDS = frozenset({"document", "line", "quote"})
FILE_FIELDS = frozenset({"destination", "rule"})
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

ProblemSink = Callable[[str, str], None]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a rule file."""

    file: str
    record: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.record}: {self.message}"


def read_toml(path: Path, problems: list[Problem]) -> dict[str, Any] | None:
    """Parse a TOML file, turning syntax and encoding errors into a problem."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem(path.name, "-", f"not valid TOML: {exc}"))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(path.name, "-", f"cannot be read: {exc}"))
    return None


def parse_sources(raw: Any, where: str, problem: ProblemSink) -> tuple[Source, ...]:
    """Check and convert a list of ``{document, line, quote}`` tables."""
    if not isinstance(raw, list):
        problem(where, "sources must be a list of [[rule.sources]] tables")
        return ()
    out: list[Source] = []
    for i, src in enumerate(raw):
        if not isinstance(src, dict):
            problem(where, f"source {i + 1} is not a table")
            continue
        for key in sorted(set(src) - SOURCE_FIELDS):
            problem(where, f"source {i + 1}: unknown field {key!r}")
        doc, line, quote = src.get("document"), src.get("line"), src.get("quote")
        if not isinstance(doc, str) or not doc:
            problem(where, f"source {i + 1}: document is missing")
            continue
        if not isinstance(line, int) or isinstance(line, bool) or line < 1:
            problem(where, f"source {i + 1}: line must be a positive whole number")
            continue
        if not isinstance(quote, str) or not quote.strip():
            problem(where, f"source {i + 1}: quote is missing")
            continue
        out.append(Source(document=doc, line=line, quote=quote))
    return tuple(out)


class RecordParser:
    """Turns the tables of one file into :class:`Rule` objects, reporting problems."""

    def __init__(
        self,
        *,
        countries: frozenset[str],
        documents: frozenset[str],
        problems: list[Problem],
    ) -> None:
        self.countries = countries
        self.documents = documents
        self.problems = problems

    def parse_file(self, path: Path, *, local: bool) -> list[Rule]:
        data = read_toml(path, self.problems)
        if data is None:
            return []
        name = path.name

        def file_problem(record: str, message: str) -> None:
            self.problems.append(Problem(name, record, message))

        for key in sorted(set(data) - FILE_FIELDS):
            file_problem("-", f"unknown top-level field {key!r}")
        default_dest = data.get("destination", "")
        if default_dest and not self._is_place(default_dest):
            file_problem("-", f"unknown destination {default_dest!r}")
        records = data.get("rule", [])
        if not isinstance(records, list):
            file_problem("-", "rule must be an array of [[rule]] tables")
            return []
        return self.parse_records(records, name, default_dest, local=local)

    def parse_records(
        self, records: Iterable[Any], file: str, default_dest: str, *, local: bool
    ) -> list[Rule]:
        out: list[Rule] = []
        for index, raw in enumerate(records):
            rid = raw.get("id") if isinstance(raw, dict) else None
            where = str(rid) if rid else f"rule[{index}]"

            def problem(record: str, message: str, _file: str = file) -> None:
                self.problems.append(Problem(_file, record, message))

            if not isinstance(raw, dict):
                problem(where, "a record must be a table")
                continue
            rule = self._parse_record(raw, str(where), file, default_dest, local, problem)
            if rule is not None:
                out.append(rule)
        return out

    def _is_place(self, code: Any) -> bool:
        return isinstance(code, str) and (code in self.countries or code == "all")

    def _parse_record(
        self,
        raw: dict[str, Any],
        where: str,
        file: str,
        default_dest: str,
        local: bool,
        problem: ProblemSink,
    ) -> Rule | None:
        before = len(self.problems)
        for key in sorted(set(raw) - RECORD_FIELDS):
            problem(where, f"unknown field {key!r}")
        rid = raw.get("id")
        if not isinstance(rid, str) or not ID_PATTERN.match(rid):
            problem(where, "id must be lowercase letters, digits and '-' (like ru-registration-uz)")
        destination = raw.get("destination", default_dest)
        if not self._is_place(destination):
            problem(where, f"unknown destination {destination!r}")
        applies_to = raw.get("applies_to")
        if not isinstance(applies_to, list) or not applies_to:
            problem(where, "applies_to must be a non-empty list of country codes or groups")
            applies_to = []
        for code in applies_to:
            if code not in self.countries and code not in GROUPS:
                problem(where, f"unknown country code or group {code!r} in applies_to")
        topic = raw.get("topic")
        if topic not in TOPICS:
            problem(where, f"unknown topic {topic!r}")
        status = raw.get("status")
        if status not in STATUSES:
            problem(where, f"unknown status {status!r} (use one of {', '.join(STATUSES)})")
        date_basis = raw.get("date_basis", "stated")
        if date_basis not in DATE_BASES:
            problem(where, f"unknown date_basis {date_basis!r}")
        dates: dict[str, date | None] = {}
        for key in ("effective_from", "effective_to", "checked_on"):
            value = raw.get(key)
            if value is not None and (not isinstance(value, date) or hasattr(value, "hour")):
                problem(where, f"{key} must be a date like 2021-06-17, not {value!r}")
                value = None
            dates[key] = value
        start, end = dates["effective_from"], dates["effective_to"]
        if start and end and end < start:
            problem(where, f"effective_to {end} is before effective_from {start}")
        text = raw.get("text")
        if not isinstance(text, str) or not text.strip():
            problem(where, "text is missing")
        supersedes = raw.get("supersedes", [])
        if not isinstance(supersedes, list) or not all(isinstance(s, str) for s in supersedes):
            problem(where, "supersedes must be a list of record ids")
            supersedes = []
        value = raw.get("value", {})
        if not isinstance(value, dict):
            problem(where, "value must be a table")
            value = {}
        sources = parse_sources(raw.get("sources", []), where, problem)
        for src in sources:
            if src.document not in self.documents and not local:
                problem(where, f"unknown document {src.document!r}")
        if status == "gap":
            if value:
                problem(where, "a gap has no value: it says what the sources do not state")
        else:
            if not sources and not (local and raw.get("source_title")):
                problem(where, "a rule needs at least one source (document, line, quote)")
            if status in ("superseded", "historical") and end is None:
                problem(where, f"a {status} record needs effective_to")
            if isinstance(topic, str):
                check_value(topic, value, self.countries, lambda m: problem(where, m))
        if len(self.problems) > before:
            return None
        return Rule(
            id=str(rid),
            destination=str(destination),
            applies_to=tuple(applies_to),
            topic=str(topic),
            status=str(status),
            text=str(text).strip(),
            aspect=str(raw.get("aspect", "")),
            effective_from=start,
            effective_to=end,
            date_basis=str(date_basis),
            supersedes=tuple(supersedes),
            value=dict(value),
            note=str(raw.get("note", "")).strip(),
            sources=sources,
            local=local,
            file=file,
            checked_by=str(raw.get("checked_by", "")),
            checked_on=dates["checked_on"],
            source_title=str(raw.get("source_title", "")),
            source_url=str(raw.get("source_url", "")),
        )


def _positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def check_value(
    topic: str, value: dict[str, Any], countries: frozenset[str], problem: Callable[[str], None]
) -> None:
    """Check the typed value of the topics the app computes with."""
    if topic == "registration":
        if not _positive_int(value.get("days")):
            problem("registration value needs days, a positive whole number")
        if value.get("counting", "unspecified") not in REGISTRATION_COUNTING:
            problem(f"counting must be one of {', '.join(REGISTRATION_COUNTING)}")
    elif topic == "stay_limit":
        kind = value.get("kind")
        if kind not in STAY_KINDS:
            problem(f"stay_limit kind must be one of {', '.join(STAY_KINDS)}")
        if not _positive_int(value.get("max_days")):
            problem("stay_limit value needs max_days, a positive whole number")
        for key in ("window_days", "per_stay_days"):
            if key in value and not _positive_int(value[key]):
                problem(f"{key} must be a positive whole number")
        if kind == "rolling" and not _positive_int(value.get("window_days")):
            problem("a rolling stay limit needs window_days")
    elif topic == "cost":
        amount = value.get("amount")
        if not isinstance(amount, int | float) or isinstance(amount, bool) or amount < 0:
            problem("cost value needs amount, a number")
        currency = value.get("currency")
        if not isinstance(currency, str) or not re.fullmatch(r"[A-Z]{3}", currency):
            problem("cost value needs currency, a three-letter code like RUB")
    elif topic == "contact":
        if not isinstance(value.get("name"), str) or not value.get("name"):
            problem("contact value needs name")
        if value.get("kind") not in CONTACT_KINDS:
            problem(f"contact kind must be one of {', '.join(CONTACT_KINDS)}")
        country = value.get("country")
        if country is not None and country not in countries and country != "all":
            problem(f"unknown contact country {country!r}")
