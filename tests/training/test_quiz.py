"""Quiz cards: true statements and false ones, dates from the calculator, each with its source."""

from __future__ import annotations

from datetime import date

from desktop.training import build_quiz, pick
from desktop.training.quiz import TRUE_FALSE, WHICH_DATE, rule_cards


def test_rule_cards_are_true_and_false_in_turn_and_cite_their_source(book):
    """Stated rules and instructive gaps give cards with both answers and a quotation."""
    cards = rule_cards(book)
    assert {c.correct for c in cards} == {True, False}
    ids = {c.id for c in cards}
    assert {
        "rule-ru-registration-uz-2021",
        "rule-kz-stay-visa-free-2023-per-stay",
        "rule-ru-registration-tj-gap",
    } <= ids
    stated = [c for c in cards if not c.rule_id.endswith("gap")]
    assert all(c.quote and "line" in c.source for c in stated)
    assert not any(c.destination in ("DE", "JP", "AE") for c in cards), "silent everywhere"


def test_a_false_statement_uses_a_value_the_destination_really_had(book):
    """A wrong registration term for Russia is another Russian term (7 or 3 days), not random."""
    cards = {c.id: c for c in rule_cards(book)}
    wrong = [
        c
        for c in cards.values()
        if c.id.startswith("rule-ru-registration")
        and c.correct is False
        and "days to register" in c.question
    ]
    assert wrong
    for card in wrong:
        assert any(f" {n} days to register" in card.question for n in (3, 7, 15))


def test_scenario_cards_ask_for_the_dates_the_calculator_gives(book, bundled):
    """ "Which date?" answers equal the scenario's stated dates, written as dates."""
    cards = {c.id: c for c in build_quiz(book, bundled.scenarios)}
    shahlo = cards["scenario-ru-uz-registration-june-2021-2-register-by"]
    assert shahlo.kind == WHICH_DATE and shahlo.correct == date(2021, 7, 2)
    assert shahlo.answer == "July 2, 2021"
    assert shahlo.rule_id == "ru-registration-uz-2021"
    bekzod = cards["scenario-ru-uz-registration-2020-2022-1-in-time"]
    assert bekzod.kind == TRUE_FALSE and bekzod.correct is False and bekzod.answer == "False"
    aigerim = cards["scenario-kg-kz-rolling-window-2025-1-leave-by"]
    assert aigerim.correct == date(2025, 5, 5)
    assert "scenario-kg-kz-rolling-window-2025-2-leave-by" not in cards, "same question twice"


def test_cards_in_another_language_keep_ids_and_answers(book, bundled):
    """The Russian set has the same cards in the same order, dates written in Russian."""
    en = build_quiz(book, bundled.scenarios, lang="en")
    ru = build_quiz(book, bundled.scenarios, lang="ru")
    assert [c.id for c in en] == [c.id for c in ru]
    assert [c.correct for c in en] == [c.correct for c in ru]
    card = next(c for c in ru if c.id.endswith("june-2021-2-register-by"))
    assert "июля 2021" in card.answer


def test_filter_and_pick_are_repeatable(book, bundled):
    """A destination filter keeps its cards only; the same seed gives the same set."""
    kz = build_quiz(book, bundled.scenarios, destinations=["KZ"])
    assert kz and {c.destination for c in kz} == {"KZ"}
    assert [c.id for c in pick(kz, 5, seed=3)] == [c.id for c in pick(kz, 5, seed=3)]
    assert len(pick(kz, 5, seed=3)) == 5
