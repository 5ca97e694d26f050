"""Rule history: records of a topic in order, with spans that never invent a stated date."""

from __future__ import annotations

from datetime import date

from desktop.training import rule_history


def test_registration_in_russia_from_2009_to_2021(book):
    """For Uzbek citizens: 3 days (2009–2010), then 7 days, then 15 days from 17 June 2021."""
    entries = rule_history(book, "RU", "UZ", "registration", today=date(2024, 6, 1))
    assert [e.rule.id for e in entries] == [
        "ru-registration-ca-3-days-2009",
        "ru-registration-uz-before-2021",
        "ru-registration-uz-2021",
    ]
    assert [e.rule.value["days"] for e in entries] == [3, 7, 15]
    three, seven, fifteen = entries
    assert not three.start_stated and three.shown_from == date(2009, 1, 1)
    assert seven.shown_from == date(2011, 1, 1) and seven.shown_to == date(2021, 6, 16)
    assert fifteen.start_stated and fifteen.shown_from == date(2021, 6, 17)
    assert fifteen.shown_to == date(2024, 6, 1)
    assert "three days" in three.quotations[0].quote
    assert three.quotations[0].where.startswith("Marat, Labor Migration in Central Asia")


def test_replaced_records_of_another_topic_join_the_story(book):
    """Kazakhstan's visa runs (filed under "other") come before the 2023 stay limit."""
    entries = rule_history(book, "KZ", "UZ", "stay_limit", today=date(2024, 6, 1))
    assert [e.rule.id for e in entries] == [
        "kz-stay-visa-runs-before-2023",
        "kz-stay-visa-free-2023",
    ]
    runs = entries[0]
    assert runs.shown_to == date(2022, 12, 31) and runs.shown_from < runs.shown_to
    assert "visa runs" in runs.quotations[1].quote


def test_a_gap_is_part_of_the_history(book):
    """Before September 2024 the stay of Kazakh citizens in Kyrgyzstan is a stated gap."""
    entries = rule_history(book, "KG", "KZ", "stay_limit", today=date(2025, 1, 1))
    assert [e.rule.is_gap for e in entries] == [True, False]
    assert entries[0].shown_to == date(2024, 8, 31)
    assert entries[1].headline == "90 days in any 180"


def test_quotations_are_shown_without_source_markup(book):
    """Superscripts and emphasis marks of the source text are dropped for reading aloud."""
    (entry,) = rule_history(book, "KG", "KZ", "stay_limit")[1:]
    assert "September 1st, 2024" in entry.quotations[0].quote
    assert "<sup>" not in entry.quotations[0].quote
