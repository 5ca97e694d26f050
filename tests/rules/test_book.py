"""The sheet: which records a citizen sees on a given day."""

from __future__ import annotations

from datetime import date

from tests.rules.conftest import SRC

KZ = (
    """
destination = "KZ"
[[rule]]
id = "kz-stay-eaeu"
applies_to = ["EAEU"]
topic = "stay_limit"
aspect = "eaeu"
status = "in_force"
text = "EAEU citizens: 90 days in 180."
value = { kind = "rolling", max_days = 90, window_days = 180 }
"""
    + SRC
    + """
[[rule]]
id = "kz-stay-visa-free-2023"
applies_to = ["visa_free"]
topic = "stay_limit"
status = "in_force"
effective_from = 2023-01-01
supersedes = ["kz-stay-before-2023"]
text = "30 days at a time, 90 in 180."
value = { kind = "rolling", max_days = 90, window_days = 180, per_stay_days = 30 }
"""
    + SRC
    + """
[[rule]]
id = "kz-stay-before-2023"
applies_to = ["visa_free"]
topic = "stay_limit"
status = "superseded"
effective_to = 2022-12-31
text = "Visa runs renewed the stay."
value = { kind = "per_stay", max_days = 90 }
"""
    + SRC
)


def ids(sheet, topic):
    return [r.id for r in sheet.by_topic(topic)]


def test_group_membership_is_resolved_by_date(rule_files):
    """Kyrgyzstan joined the EAEU on 12 August 2015: the EAEU rule applies from that day."""
    book = rule_files({"kz.toml": KZ})
    assert "kz-stay-eaeu" not in ids(book.sheet("KZ", "KG", date(2015, 8, 11)), "stay_limit")
    assert "kz-stay-eaeu" in ids(book.sheet("KZ", "KG", date(2015, 8, 12)), "stay_limit")


def test_visa_free_group_is_relative_to_destination(rule_files):
    """Uzbek citizens are visa-free for KZ in the fixture, so the KZ visa-free rule applies."""
    book = rule_files({"kz.toml": KZ})
    assert ids(book.sheet("KZ", "UZ", date(2024, 3, 1)), "stay_limit") == ["kz-stay-visa-free-2023"]
    assert "kz-stay-visa-free-2023" not in ids(
        book.sheet("KZ", "TJ", date(2024, 3, 1)), "stay_limit"
    )


def test_rule_in_force_on_the_date_of_the_question_is_used(rule_files):
    """A 2019 question gets the rule of 2019, a 2024 question the rule of 2024."""
    book = rule_files({"kz.toml": KZ})
    assert ids(book.sheet("KZ", "UZ", date(2019, 5, 1)), "stay_limit") == ["kz-stay-before-2023"]
    sheet = book.sheet("KZ", "UZ", date(2023, 1, 1))
    assert ids(sheet, "stay_limit") == ["kz-stay-visa-free-2023"]
    assert sheet.by_topic("stay_limit")[0].value["per_stay_days"] == 30


def test_specific_rule_wins_over_general_one(rule_files):
    """A rule naming Uzbekistan wins over the rule for all foreigners for the same topic."""
    body = (
        """
destination = "RU"
[[rule]]
id = "ru-registration-all"
applies_to = ["all"]
topic = "registration"
status = "in_force"
text = "7 days."
value = { days = 7, counting = "unspecified" }
"""
        + SRC
        + """
[[rule]]
id = "ru-registration-uz-2021"
applies_to = ["UZ"]
topic = "registration"
status = "in_force"
effective_from = 2021-06-17
text = "15 days."
value = { days = 15, counting = "unspecified" }
"""
        + SRC
    )
    book = rule_files({"ru.toml": body})
    assert ids(book.sheet("RU", "UZ", date(2024, 3, 1)), "registration") == [
        "ru-registration-uz-2021"
    ]
    assert ids(book.sheet("RU", "UZ", date(2020, 3, 1)), "registration") == ["ru-registration-all"]
    assert ids(book.sheet("RU", "TJ", date(2024, 3, 1)), "registration") == ["ru-registration-all"]


def test_local_rule_takes_precedence_from_its_effective_date(rule_files, tmp_path):
    """An NGO's verified rule replaces the bundled one from its date, not before."""
    local = tmp_path / "local"
    local.mkdir()
    (local / "mine.toml").write_text(
        """
destination = "KZ"
[[rule]]
id = "local-kz-stay-2024"
applies_to = ["UZ"]
topic = "stay_limit"
status = "in_force"
effective_from = 2024-06-01
text = "Checked with the migration police."
value = { kind = "rolling", max_days = 90, window_days = 180, per_stay_days = 60 }
source_title = "Order 2024-17"
checked_by = "Office Almaty"
checked_on = 2024-06-02
""",
        encoding="utf-8",
    )
    book = rule_files({"kz.toml": KZ}, extra_dirs=[local])
    assert book.problems == []
    before = book.sheet("KZ", "UZ", date(2024, 5, 31)).by_topic("stay_limit")
    after = book.sheet("KZ", "UZ", date(2024, 6, 1)).by_topic("stay_limit")
    assert [r.id for r in before] == ["kz-stay-visa-free-2023"]
    assert [r.id for r in after] == ["local-kz-stay-2024"]
    assert after[0].local


def test_local_records_from_the_case_log_are_loaded(rule_files):
    """Rules saved in the database arrive as dicts and win like rule files do."""
    record = {
        "id": "local-kz-registration-uz",
        "destination": "KZ",
        "applies_to": ["UZ"],
        "topic": "registration",
        "status": "in_force",
        "effective_from": date(2024, 1, 1),
        "text": "Register within 5 days.",
        "value": {"days": 5, "counting": "working"},
        "source_title": "Government decree",
    }
    book = rule_files({"kz.toml": KZ}, local_records=[record])
    rules = book.in_force("KZ", "UZ", "registration", date(2024, 2, 1))
    assert [r.id for r in rules] == ["local-kz-registration-uz"]


def test_core_topics_without_records_show_as_gaps(rule_files):
    """Registration, stay, licence, cost and contacts always appear, as gaps if unknown."""
    book = rule_files({"kz.toml": KZ})
    sheet = book.sheet("KZ", "TJ", date(2024, 3, 1))
    gap_topics = {r.topic for r in sheet.gaps}
    assert gap_topics == {"registration", "stay_limit", "work_licence", "cost", "contact"}
    reg = sheet.by_topic("registration")[0]
    assert reg.text == (
        "The sources do not state a registration deadline for citizens of Tajikistan in Kazakhstan."
    )


def test_history_lists_every_version_oldest_first(rule_files):
    """Trainers see how the stay rule changed for Uzbek citizens in Kazakhstan."""
    book = rule_files({"kz.toml": KZ})
    assert [r.id for r in book.history("KZ", "UZ", "stay_limit")] == [
        "kz-stay-before-2023",
        "kz-stay-visa-free-2023",
    ]
