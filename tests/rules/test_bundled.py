"""The bundled rule sheets: coverage, explicit gaps, and the sheets counsellors ask for most."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.rules import CORE_TOPICS, load_rulebook
from desktop.rules.book import GENERATED


@pytest.fixture(scope="module")
def book():
    return load_rulebook()


def test_bundled_files_load_without_problems(book):
    """Every record of every bundled file is valid."""
    assert [str(p) for p in book.problems] == []


def test_well_over_a_hundred_and_twenty_cited_rules(book):
    """The knowledge base rests on quotations: at least 120 cited records, in all five sources."""
    cited = [r for r in book.rules if r.sources and not r.is_gap]
    assert len(cited) >= 120
    assert {s.document for r in cited for s in r.sources} == set(book.documents)


@pytest.mark.parametrize("destination", ["RU", "KZ", "KG", "TJ", "UZ", "TM", "TR"])
def test_core_topics_are_answered_or_gaps_are_written_down(book, destination):
    """For each main destination, every core topic has a record or an explicit gap in the data."""
    for topic in CORE_TOPICS:
        records = [r for r in book.rules if r.destination == destination and r.topic == topic]
        assert records, f"{destination} {topic}: no record and no written gap"


@pytest.mark.parametrize("citizen", ["UZ", "TJ", "KG", "KZ", "TM"])
def test_russia_sheet_never_falls_back_to_a_generated_gap(book, citizen):
    """For every origin country, Russia's core topics come from the data, not a fallback."""
    sheet = book.sheet("RU", citizen, date(2024, 3, 1))
    generated = [r.topic for r in sheet.items if r.file == GENERATED]
    assert generated == [], generated


def test_uzbek_citizens_in_russia_register_within_15_days_since_2021(book):
    """The 2021 agreement replaced the 7-day term for Uzbek citizens."""
    now = book.in_force("RU", "UZ", "registration", date(2024, 3, 1))
    before = book.in_force("RU", "UZ", "registration", date(2020, 3, 1))
    assert [(r.id, r.value["days"]) for r in now] == [("ru-registration-uz-2021", 15)]
    assert [r.value["days"] for r in before] == [7]
    assert now[0].sources[0].line == 917


def test_visa_runs_ended_in_kazakhstan_in_2023(book):
    """From 2023 visa-free visitors to Kazakhstan have 30 days at a time and 90 in 180."""
    stay = book.in_force("KZ", "UZ", "stay_limit", date(2024, 3, 1))
    assert [r.id for r in stay] == ["kz-stay-visa-free-2023"]
    assert stay[0].value == {
        "kind": "rolling", "max_days": 90, "window_days": 180, "per_stay_days": 30,
    }  # fmt: skip
    assert book.in_force("KZ", "UZ", "stay_limit", date(2022, 6, 1)) == []


def test_kazakh_citizens_in_kyrgyzstan_before_and_after_september_2024(book):
    """The 90-in-180 rule applies to Kazakh citizens in Kyrgyzstan from 1 September 2024."""
    before = book.sheet("KG", "KZ", date(2024, 8, 31)).by_topic("stay_limit")
    after = book.in_force("KG", "KZ", "stay_limit", date(2024, 9, 1))
    assert all(r.is_gap for r in before)
    assert [(r.value["max_days"], r.value["window_days"]) for r in after] == [(90, 180)]


def test_tajik_registration_in_russia_is_an_honest_gap(book):
    """The sources state no registration term for Tajik citizens in Russia: a gap says so."""
    reg = book.sheet("RU", "TJ", date(2024, 3, 1)).by_topic("registration")
    assert [r.status for r in reg] == ["gap"]
    assert "Tajikistan" in reg[0].text or "TJ" in reg[0].text


def test_no_phone_number_without_a_quotation_that_prints_it(book):
    """Every phone number in a contact appears in one of the record's quotations."""
    import re

    for rule in book.rules:
        phone = rule.value.get("phone") if rule.topic == "contact" else None
        if phone:
            digits = re.sub(r"\D", "", str(phone))
            quoted = re.sub(r"\D", "", " ".join(s.quote for s in rule.sources))
            assert digits[-6:] in quoted, rule.id
