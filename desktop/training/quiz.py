"""Quiz cards from the rule sheets and the scenarios: true or false, and "which date?".

Every card carries its answer and where the answer is written (the rule, the document and
line, the quotation), so a trainer can show the source the moment a group disagrees.
Statements are built from the rule values themselves; a false statement swaps in a value
that another record of the same destination really gave, which is the mistake people make.
Cards come out in a stable order (and ids), so a quiz can be repeated and printed.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.i18n import content_gettext, content_ngettext
from desktop.rules import Rule, RuleBook
from desktop.rules.present import country_name, format_date, rule_text
from desktop.training.narrate import plain_quote, source_where, trips_text
from desktop.training.replay import replay
from desktop.training.scenario import Scenario

TRUE_FALSE, WHICH_DATE = "true_false", "which_date"
ORIGINS = ("UZ", "TJ", "KG", "KZ", "TM")
TOPICS = ("registration", "stay_limit")


@dataclass(frozen=True, slots=True)
class QuizCard:
    """One question with its answer and source."""

    id: str
    kind: str
    destination: str
    question: str
    answer: str
    correct: bool | date
    explanation: str
    source: str
    quote: str = ""
    rule_id: str = ""


def _days(n: int, lang: str | None) -> str:
    return content_ngettext("%(n)d day", "%(n)d days", n, lang) % {"n": n}


def _answer(value: bool, lang: str | None) -> str:
    return content_gettext("True", lang) if value else content_gettext("False", lang)


def _sourced(book: RuleBook, rule: Rule, lang: str | None) -> tuple[str, str]:
    if not rule.sources:
        return content_gettext("not stated in the sources", lang), ""
    first = rule.sources[0]
    return source_where(book, first, lang), plain_quote(first.quote)


def _day_of(book: RuleBook, rule: Rule) -> date:
    """A day on which the record is in force: its start, its end, or its source's year."""
    if rule.effective_from:
        return rule.effective_from
    if rule.effective_to:
        return rule.effective_to
    years = [book.documents[s.document].year for s in rule.sources if s.document in book.documents]
    return date(max(years), 7, 1) if years else date(2023, 7, 1)


def _only_record(book: RuleBook, rule: Rule, day: date) -> str | None:
    """The first of our citizenships for whom this record alone answers the topic that day."""
    for citizen in ORIGINS:
        if citizen == rule.destination:
            continue
        sheet = book.sheet(rule.destination, citizen, day)
        if [r.id for r in sheet.by_topic(rule.topic)] == [rule.id]:
            return citizen
    return None


def _wrong_value(book: RuleBook, rule: Rule, key: str) -> dict[str, Any]:
    """The nearest value another record of the destination gave, else a doubled one."""
    v = rule.value
    if key == "days":
        days = int(v["days"])
        others = {
            int(r.value["days"])
            for r in book.rules
            if r.destination == rule.destination and r.topic == "registration" and not r.is_gap
        } - {days}
        return {"days": min(others, key=lambda n: (abs(n - days), n)) if others else days * 2}
    if key == "per_stay_days":
        return {"max_days": int(v["per_stay_days"]) * 2}
    if (int(v["max_days"]), int(v["window_days"])) == (60, 120):
        return {"max_days": 90, "window_days": 180}
    return {"max_days": 60, "window_days": 120}


def _statement(rule: Rule, values: dict[str, Any], day: date, c: str, lang: str | None) -> str:
    args: dict[str, Any] = {
        "day": format_date(day, lang),
        "c": country_name(c, lang),
        "d": country_name(rule.destination, lang),
    }
    if rule.topic == "registration":
        args["n"] = _days(int(values["days"]), lang)
        template = content_gettext(
            "On %(day)s, a citizen of %(c)s arriving in %(d)s had %(n)s to register.", lang
        )
    elif values.get("window_days"):
        args.update(max=int(values["max_days"]), window=int(values["window_days"]))
        template = content_gettext(
            "On %(day)s, a citizen of %(c)s could stay in %(d)s at most %(max)d days in any "
            "%(window)d.",
            lang,
        )
    else:
        args["n"] = _days(int(values["max_days"]), lang)
        template = content_gettext(
            "On %(day)s, a single stay of a citizen of %(c)s in %(d)s could last at most %(n)s.",
            lang,
        )
    return template % args


def _statements(rule: Rule) -> list[tuple[str, str]]:
    """The facts of a record a card can state: (card suffix, value key)."""
    if rule.topic == "registration" and rule.value.get("days"):
        return [("", "days")]
    out = []
    if rule.value.get("max_days") and rule.value.get("window_days"):
        out.append(("", "window_days"))
    if rule.value.get("per_stay_days"):
        out.append(("-per-stay", "per_stay_days"))
    return out


def _instructive_gap(book: RuleBook, rule: Rule) -> bool:
    """A gap worth a card: the destination states this topic for someone else or another time.

    "Not stated for Tajik citizens in Russia" teaches something because Uzbek citizens have
    a stated deadline there; a destination silent on the topic for everyone does not.
    """
    return any(
        r.destination == rule.destination and r.topic == rule.topic and not r.is_gap
        for r in book.rules
    )


def rule_cards(book: RuleBook, lang: str | None = None) -> list[QuizCard]:
    """True-or-false cards from the stated rules and the gaps, true and false in turn."""
    cards: list[QuizCard] = []
    turn = 0
    for rule in book.rules:
        if rule.local or rule.topic not in TOPICS:
            continue
        if rule.is_gap and not _instructive_gap(book, rule):
            continue
        day = _day_of(book, rule)
        citizen = _only_record(book, rule, day)
        if citizen is None:
            continue
        source, quote = _sourced(book, rule, lang)
        names = {"c": country_name(citizen, lang), "d": country_name(rule.destination, lang)}
        items: list[tuple[str, str, bool]] = []
        if rule.is_gap:
            topic = (
                content_gettext("a registration deadline", lang)
                if rule.topic == "registration"
                else content_gettext("a stay limit", lang)
            )
            truth = turn % 2 == 0
            turn += 1
            if truth:
                text = content_gettext(
                    "For a stay that begins on %(day)s, the sources do not state %(topic)s for "
                    "citizens of %(c)s in %(d)s.",
                    lang,
                )
            else:
                text = content_gettext(
                    "For a stay that begins on %(day)s, the sources state %(topic)s for "
                    "citizens of %(c)s in %(d)s.",
                    lang,
                )
            args = {"topic": topic, "day": format_date(day, lang), **names}
            items.append(("", text % args, truth))
        for suffix, key in _statements(rule):
            truth = turn % 2 == 0
            turn += 1
            if truth:
                values = dict(rule.value)
                if key == "per_stay_days":
                    values = {"max_days": rule.value["per_stay_days"]}
            else:
                values = _wrong_value(book, rule, key)
            items.append((suffix, _statement(rule, values, day, citizen, lang), truth))
        for suffix, question, truth in items:
            cards.append(
                QuizCard(
                    id=f"rule-{rule.id}{suffix}",
                    kind=TRUE_FALSE,
                    destination=rule.destination,
                    question=question,
                    answer=_answer(truth, lang),
                    correct=truth,
                    explanation=rule_text(rule, lang),
                    source=source,
                    quote=quote,
                    rule_id=rule.id,
                )
            )
    return cards


def _scenario_card(
    book: RuleBook,
    card_id: str,
    kind: str,
    destination: str,
    question: str,
    correct: bool | date,
    rule_id: str,
    lang: str | None,
) -> QuizCard:
    rule = book.get(rule_id) if rule_id else None
    source, quote = _sourced(book, rule, lang) if rule else ("", "")
    answer = format_date(correct, lang) if isinstance(correct, date) else _answer(correct, lang)
    return QuizCard(
        id=card_id,
        kind=kind,
        destination=destination,
        question=question,
        answer=answer,
        correct=correct,
        explanation=rule_text(rule, lang) if rule else "",
        source=source,
        quote=quote,
        rule_id=rule_id,
    )


def scenario_cards(
    book: RuleBook, scenarios: Iterable[Scenario], lang: str | None = None
) -> list[QuizCard]:
    """ "Which date?" and "in time?" cards from the scenario steps, answered by the calculator.

    Steps that ask the same question again (the same stay on a later day) give one card.
    """
    cards: list[QuizCard] = []
    asked: set[str] = set()
    for scenario in scenarios:
        name = scenario.person.name
        for number, step in enumerate(scenario.steps, 1):
            outcome = replay(book, scenario, step)
            topics = {rid: rule.topic for rid in outcome.rules if (rule := book.get(rid))}
            reg_rule = next((r for r, t in topics.items() if t == "registration"), "")
            stay_rule = next((r for r, t in topics.items() if t != "registration"), "")
            intro = content_gettext(
                "%(name)s, a citizen of %(c)s, entered %(d)s on %(entry)s.", lang
            ) % {
                "name": name,
                "c": country_name(scenario.person.citizenship, lang),
                "d": country_name(step.destination, lang),
                "entry": format_date(step.entry, lang),
            }
            if step.trips:
                intro += " " + content_gettext("Earlier stays there: %(trips)s.", lang) % {
                    "trips": trips_text(step, lang)
                }
            found: list[tuple[str, str, str, bool | date, str]] = []
            if outcome.registration_due is not None and step.registered_on is not None:
                ask = content_gettext("%(name)s was registered on %(day)s. That was in time.", lang)
                ask %= {"name": name, "day": format_date(step.registered_on, lang)}
                found.append(
                    ("in-time", TRUE_FALSE, ask, bool(outcome.registered_in_time), reg_rule)
                )
            elif outcome.registration_due is not None:
                ask = content_gettext("By which date must %(name)s register?", lang) % {
                    "name": name
                }
                found.append(("register-by", WHICH_DATE, ask, outcome.registration_due, reg_rule))
            if outcome.latest_exit is not None:
                ask = content_gettext(
                    "What is the last day %(name)s may stay without leaving?", lang
                )
                ask %= {"name": name}
                found.append(("leave-by", WHICH_DATE, ask, outcome.latest_exit, stay_rule))
            for suffix, kind, ask, correct, rule_id in found:
                question = f"{intro} {ask}"
                if question in asked:
                    continue
                asked.add(question)
                card_id = f"scenario-{scenario.id}-{number}-{suffix}"
                cards.append(
                    _scenario_card(
                        book, card_id, kind, step.destination, question, correct, rule_id, lang
                    )
                )
    return cards


def build_quiz(
    book: RuleBook,
    scenarios: Iterable[Scenario],
    *,
    lang: str | None = None,
    destinations: Sequence[str] | None = None,
) -> list[QuizCard]:
    """Every card, scenario cards first, filtered to ``destinations`` when given."""
    cards = scenario_cards(book, scenarios, lang) + rule_cards(book, lang)
    if destinations:
        cards = [c for c in cards if c.destination in destinations]
    return cards


def pick(cards: Sequence[QuizCard], count: int, seed: int = 0) -> list[QuizCard]:
    """``count`` cards in a shuffled but repeatable order."""
    chosen = list(cards)
    random.Random(seed).shuffle(chosen)
    return chosen[:count]
