"""Worked stories for training: the scenario file format, read and checked.

A scenario is one made-up person, one destination and a few steps; each step is a stay
(entry, earlier trips, the day of the question) with the outcomes the file promises. The
format is described in ``resources/scenarios/README.md``. Like the rule loader, the reader
never raises on bad content: each problem becomes a :class:`~desktop.rules.Problem` and the
sound scenarios are kept, so that a trainer's own file with a typo cannot take the app down.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from desktop.paths import RESOURCES
from desktop.rules import Problem, RuleBook, country_codes
from desktop.rules.loader import read_toml

SCENARIOS_DIR = RESOURCES / "scenarios"

Trip = tuple[date, date]

# Expected outcomes a step may state; "none" stands for "the calculator gives no date".
DATE_KEYS = ("registration_due", "latest_exit", "overstay_from")
INT_KEYS = ("days_used", "days_left")
BOOL_KEYS = ("registered_in_time",)
EXPECT_KEYS = frozenset((*DATE_KEYS, *INT_KEYS, *BOOL_KEYS, "rules"))

FILE_KEYS = frozenset({"id", "title", "summary", "destination", "topic", "person", "step"})
PERSON_KEYS = frozenset({"name", "citizenship"})
STEP_KEYS = frozenset(
    {
        "title",
        "narration",
        "destination",
        "entry",
        "on",
        "trips",
        "registered_on",
        "show_rules",
        "expect",
    }
)
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Person:
    """The made-up person of a story: a first name and a citizenship."""

    name: str
    citizenship: str


@dataclass(frozen=True, slots=True)
class Step:
    """One stay of the story and what the rules make of it.

    ``expect`` holds only the outcomes the file states: a missing key is not checked, and
    ``None`` means "no date" (the sources state no such limit, or it does not bite).
    """

    title: str
    narration: str
    destination: str
    entry: date
    on: date
    trips: tuple[Trip, ...] = ()
    registered_on: date | None = None
    show_rules: tuple[str, ...] = ()
    expect: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Scenario:
    """A worked story: a person, a destination, and the steps a trainer walks through."""

    id: str
    title: str
    summary: str
    destination: str
    person: Person
    steps: tuple[Step, ...]
    topic: str = ""
    file: str = ""
    bundled: bool = True

    @property
    def destinations(self) -> tuple[str, ...]:
        """Every destination the steps visit, in order of first appearance."""
        return tuple(dict.fromkeys(s.destination for s in self.steps))


@dataclass
class ScenarioSet:
    """Scenarios read from one or more places, with the problems found on the way."""

    scenarios: list[Scenario] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def get(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)

    def extend(self, other: ScenarioSet) -> None:
        known = {s.id for s in self.scenarios}
        for scenario in other.scenarios:
            if scenario.id in known:
                other.problems.append(
                    Problem(scenario.file, scenario.id, "a scenario with this id is already open")
                )
                continue
            self.scenarios.append(scenario)
            known.add(scenario.id)
        self.problems.extend(other.problems)


class _Reader:
    """Checks one file's data, collecting problems instead of raising."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.where = "-"
        self.problems: list[Problem] = []

    def problem(self, message: str) -> None:
        self.problems.append(Problem(self.file, self.where, message))

    def text(self, data: Mapping[str, Any], key: str, *, required: bool = True) -> str:
        value = data.get(key, "")
        if not isinstance(value, str):
            self.problem(f"{key} must be text")
            return ""
        if required and not value.strip():
            self.problem(f"{key} is missing")
        return " ".join(value.split())

    def country(self, data: Mapping[str, Any], key: str, default: str = "") -> str:
        value = data.get(key, default)
        if not isinstance(value, str) or value.upper() not in country_codes():
            self.problem(f"{key} must be an ISO country code such as RU or KZ, got {value!r}")
            return ""
        return value.upper()

    def day(self, data: Mapping[str, Any], key: str, *, required: bool = True) -> date | None:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(f"{key} is missing (a TOML date such as 2024-03-01)")
            return None
        if not isinstance(value, date) or hasattr(value, "hour"):
            self.problem(f"{key} must be a TOML date such as 2024-03-01, got {value!r}")
            return None
        return value

    def trips(self, value: Any, entry: date | None) -> tuple[Trip, ...]:
        if value is None:
            return ()
        out: list[Trip] = []
        if not isinstance(value, list):
            self.problem("trips must be a list of [first day, last day] pairs")
            return ()
        for item in value:
            ok = (
                isinstance(item, list)
                and len(item) == 2
                and all(isinstance(d, date) and not hasattr(d, "hour") for d in item)
            )
            if not ok:
                self.problem(f"a trip must be [first day, last day], got {item!r}")
                continue
            first, last = item
            if last < first:
                self.problem(f"the trip {first}..{last} ends before it starts")
            elif entry is not None and last >= entry:
                self.problem(f"the trip {first}..{last} does not end before the entry {entry}")
            else:
                out.append((first, last))
        return tuple(sorted(out))

    def ids(self, value: Any, key: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(f"{key} must be a list of rule ids")
            return ()
        return tuple(value)

    def expect(self, value: Any, has_registered_on: bool) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem("expect must be a table")
            return {}
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key not in EXPECT_KEYS:
                self.problem(f"unknown expected outcome {key!r}")
            elif key in DATE_KEYS:
                if item == "none":
                    out[key] = None
                elif isinstance(item, date) and not hasattr(item, "hour"):
                    out[key] = item
                else:
                    self.problem(f'{key} must be a date or "none", got {item!r}')
            elif key in INT_KEYS:
                if isinstance(item, int) and not isinstance(item, bool) and item >= 0:
                    out[key] = item
                else:
                    self.problem(f"{key} must be a whole number of days, got {item!r}")
            elif key in BOOL_KEYS:
                if not isinstance(item, bool):
                    self.problem(f"{key} must be true or false, got {item!r}")
                elif not has_registered_on:
                    self.problem(f"{key} needs the step's registered_on date")
                else:
                    out[key] = item
            else:
                ids = self.ids(item, "rules")
                out[key] = tuple(sorted(ids))
        return out


def parse_scenario(
    data: Mapping[str, Any], file: str = "", *, bundled: bool = True
) -> tuple[Scenario | None, list[Problem]]:
    """Build a scenario from a parsed file; None when it is not sound enough to show."""
    reader = _Reader(file)
    sid = data.get("id")
    if not isinstance(sid, str) or not ID_PATTERN.match(sid):
        reader.problem("id must be lowercase letters, digits and '-'")
        sid = ""
    reader.where = sid or "-"
    for key in data:
        if key not in FILE_KEYS:
            reader.problem(f"unknown key {key!r}")
    title = reader.text(data, "title")
    summary = reader.text(data, "summary", required=False)
    topic = reader.text(data, "topic", required=False)
    destination = reader.country(data, "destination")
    person_data = data.get("person")
    person = None
    if not isinstance(person_data, dict):
        reader.problem("[person] with name and citizenship is missing")
    else:
        for key in person_data:
            if key not in PERSON_KEYS:
                reader.problem(f"unknown person key {key!r}")
        name = reader.text(person_data, "name")
        citizenship = reader.country(person_data, "citizenship")
        if name and citizenship:
            person = Person(name, citizenship)
    steps: list[Step] = []
    raw_steps = data.get("step")
    if not isinstance(raw_steps, list) or not raw_steps:
        reader.problem("a scenario needs at least one [[step]]")
        raw_steps = []
    for number, raw in enumerate(raw_steps, 1):
        reader.where = f"{sid or '-'} step {number}"
        if not isinstance(raw, dict):
            reader.problem("a step must be a table")
            continue
        before = len(reader.problems)
        for key in raw:
            if key not in STEP_KEYS:
                reader.problem(f"unknown step key {key!r}")
        entry = reader.day(raw, "entry")
        on = reader.day(raw, "on")
        registered_on = reader.day(raw, "registered_on", required=False)
        if entry and registered_on and registered_on < entry:
            reader.problem("registered_on is before the entry")
        step_destination = reader.country(raw, "destination", destination) if destination else ""
        step = Step(
            title=reader.text(raw, "title"),
            narration=reader.text(raw, "narration", required=False),
            destination=step_destination,
            entry=entry or date.min,
            on=on or date.min,
            trips=reader.trips(raw.get("trips"), entry),
            registered_on=registered_on,
            show_rules=reader.ids(raw.get("show_rules"), "show_rules"),
            expect=reader.expect(raw.get("expect"), registered_on is not None),
        )
        if len(reader.problems) == before:
            steps.append(step)
    reader.where = sid or "-"
    if not sid or not title or not destination or person is None or not steps:
        return None, reader.problems
    if len(steps) != len(raw_steps):
        return None, reader.problems
    scenario = Scenario(
        id=sid,
        title=title,
        summary=summary,
        destination=destination,
        person=person,
        steps=tuple(steps),
        topic=topic,
        file=file,
        bundled=bundled,
    )
    return scenario, reader.problems


def load_scenario_file(path: Path | str, *, bundled: bool = False) -> ScenarioSet:
    """Read one scenario file (a trainer's own, or a bundled one)."""
    path = Path(path)
    found = ScenarioSet()
    data = read_toml(path, found.problems)
    if data is None:
        return found
    scenario, problems = parse_scenario(data, path.name, bundled=bundled)
    found.problems.extend(problems)
    if scenario is not None:
        found.scenarios.append(scenario)
    return found


def load_scenarios(folder: Path = SCENARIOS_DIR, extra: Iterable[Path | str] = ()) -> ScenarioSet:
    """The bundled scenarios, then any extra files, in a stable order (file name)."""
    found = ScenarioSet()
    for path in sorted(folder.glob("*.toml")):
        found.extend(load_scenario_file(path, bundled=True))
    for extra_path in extra:
        found.extend(load_scenario_file(extra_path, bundled=False))
    return found


def check_against_book(scenario: Scenario, book: RuleBook) -> list[Problem]:
    """Rule ids a scenario names that the rule book does not know."""
    problems = []
    for number, step in enumerate(scenario.steps, 1):
        named = (*step.show_rules, *step.expect.get("rules", ()))
        for rule_id in named:
            if book.get(rule_id) is None:
                problems.append(
                    Problem(
                        scenario.file, f"{scenario.id} step {number}", f"unknown rule {rule_id!r}"
                    )
                )
    return problems
