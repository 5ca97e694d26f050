"""A scenario step through the calculator: the outcome, and how it compares with the file.

The outcome is read from :func:`desktop.stay.compute_deadlines` exactly as the Calculator
workspace shows it, so a scenario can never teach a date the calculator would not give.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from desktop.rules import Rule, RuleBook
from desktop.stay import DeadlinesResult, compute_deadlines
from desktop.training.scenario import Scenario, Step

# Topics whose gaps a step shows when the calculator finds no rule for them.
STEP_TOPICS = ("registration", "stay_limit")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the rules make of one step, in the terms a scenario file states.

    ``latest_exit`` is the last lawful day of the stay (the earliest of every limit);
    ``overstay_from`` the first unlawful day if the person is still there on ``as_of``
    (the entry day itself when the limit was used up before arriving).
    """

    as_of: date
    registration_due: date | None
    registration_days: int | None
    registered_in_time: bool | None
    latest_exit: date | None
    days_used: int | None
    days_left: int | None
    max_days: int | None
    window_days: int | None
    per_stay_days: int | None
    overstay_from: date | None
    rules: tuple[str, ...]
    has_stay_limit: bool

    def as_expected(self) -> dict[str, Any]:
        """The outcome under the keys of a step's ``expect`` table."""
        return {
            "registration_due": self.registration_due,
            "latest_exit": self.latest_exit,
            "overstay_from": self.overstay_from,
            "days_used": self.days_used,
            "days_left": self.days_left,
            "registered_in_time": self.registered_in_time,
            "rules": self.rules,
        }


def run_step(
    book: RuleBook, scenario: Scenario, step: Step, on: date | None = None
) -> DeadlinesResult:
    """The calculator's answer for the step, on its own day of the question or on ``on``."""
    return compute_deadlines(
        book,
        citizen=scenario.person.citizenship,
        destination=step.destination,
        entry=step.entry,
        trips=step.trips,
        on=on or step.on,
    )


def outcome_of(result: DeadlinesResult, registered_on: date | None = None) -> Outcome:
    """Read a calculator result the way a scenario states its outcomes."""
    reg, stay, per_stay = result.registration, result.stay, result.per_stay
    limits = [p for p in (stay, per_stay, result.calendar_year, result.validity) if p]
    entry = result.entry or result.as_of
    latest = result.latest_lawful_exit
    overstay: date | None = None
    if limits and result.as_of >= entry:
        if latest is None:
            overstay = entry
        elif result.as_of > latest:
            overstay = latest + timedelta(days=1)
    in_time = None
    if reg is not None and registered_on is not None:
        in_time = registered_on <= reg.due
    rules = {p.rule for p in (reg, *limits) if p is not None}
    return Outcome(
        as_of=result.as_of,
        registration_due=reg.due if reg else None,
        registration_days=reg.days if reg else None,
        registered_in_time=in_time,
        latest_exit=latest,
        days_used=stay.days_used if stay else None,
        days_left=stay.days_left if stay else None,
        max_days=stay.max_days if stay else None,
        window_days=stay.window_days if stay else None,
        per_stay_days=per_stay.max_days if per_stay else None,
        overstay_from=overstay,
        rules=tuple(sorted(rules)),
        has_stay_limit=bool(limits),
    )


def replay(book: RuleBook, scenario: Scenario, step: Step, on: date | None = None) -> Outcome:
    """The outcome of a step on its day of the question (or on ``on``)."""
    return outcome_of(run_step(book, scenario, step, on), step.registered_on)


def _shown(value: Any) -> str:
    """A value the way a scenario file writes it."""
    if value is None:
        return '"none"'
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"
    return str(value).lower() if isinstance(value, bool) else str(value)


def mismatches(step: Step, outcome: Outcome) -> list[str]:
    """Each stated outcome the calculator does not reproduce, in the file's own notation."""
    got = outcome.as_expected()
    return [
        f"{key}: the file says {_shown(want)}, the calculator gives {_shown(got[key])}"
        for key, want in step.expect.items()
        if got[key] != want
    ]


def step_rules(book: RuleBook, scenario: Scenario, step: Step, outcome: Outcome) -> list[Rule]:
    """The records to show beside a step: the rules behind its dates, then the gaps, then extras.

    Where the calculator found no rule for registration or the stay limit, the record that
    says so (a gap on the sheet of the entry day) is shown, so that "not stated" always has
    its own card.
    """
    shown: list[Rule] = []
    for rule_id in outcome.rules:
        rule = book.get(rule_id)
        if rule is not None:
            shown.append(rule)
    covered = {r.topic for r in shown}
    sheet = book.sheet(step.destination, scenario.person.citizenship, step.entry)
    for topic in STEP_TOPICS:
        if topic not in covered:
            shown.extend(r for r in sheet.by_topic(topic) if r.is_gap)
    for rule_id in step.show_rules:
        rule = book.get(rule_id)
        if rule is not None and rule not in shown:
            shown.append(rule)
    return shown
