"""The loader reports every problem in a rule file as ``file:record: message``."""

from __future__ import annotations

from tests.rules.conftest import SRC


def messages(book) -> list[str]:
    return [str(p) for p in book.problems]


def test_valid_record_loads_with_typed_fields(rule_files):
    """A well-formed record becomes a Rule with dates, value and sources."""
    book = rule_files(
        {
            "ru.toml": """
            destination = "RU"
            [[rule]]
            id = "ru-registration-uz-2021"
            applies_to = ["UZ"]
            topic = "registration"
            status = "in_force"
            effective_from = 2021-06-17
            date_basis = "signed"
            text = "Register within 15 days."
            value = { days = 15, counting = "unspecified" }
            """
            + SRC
        }
    )
    assert messages(book) == []
    rule = book.get("ru-registration-uz-2021")
    assert rule is not None
    assert rule.value["days"] == 15
    assert rule.effective_from.isoformat() == "2021-06-17"
    assert rule.sources[0].line == 917


def test_each_kind_of_mistake_gets_its_own_message(rule_files):
    """Unknown field, bad date, unknown topic, unknown code: one clear line each."""
    book = rule_files(
        {
            "ru.toml": """
            destination = "RU"
            [[rule]]
            id = "ru-bad-one"
            applies_to = ["UZ", "XQ", "EUROPE"]
            topic = "visas"
            status = "in_force"
            effective_from = "June 2021"
            colour = "red"
            text = "Something."
            """
            + SRC
        }
    )
    msgs = messages(book)
    assert "ru.toml:ru-bad-one: unknown field 'colour'" in msgs
    assert "ru.toml:ru-bad-one: unknown topic 'visas'" in msgs
    assert "ru.toml:ru-bad-one: unknown country code or group 'XQ' in applies_to" in msgs
    assert "ru.toml:ru-bad-one: unknown country code or group 'EUROPE' in applies_to" in msgs
    assert any(m.startswith("ru.toml:ru-bad-one: effective_from must be a date") for m in msgs)
    assert book.get("ru-bad-one") is None


def test_broken_toml_is_one_problem_not_a_crash(rule_files):
    """A syntax error names the file and the position, and the other files still load."""
    book = rule_files(
        {
            "kz.toml": "destination = 'KZ'\n[[rule]\nid = 'x'\n",
            "ru.toml": """
            destination = "RU"
            [[rule]]
            id = "ru-contact-x"
            applies_to = ["all"]
            topic = "contact"
            status = "gap"
            text = "The sources name no hotline."
            """,
        }
    )
    msgs = messages(book)
    assert len(msgs) == 1 and msgs[0].startswith("kz.toml:-: not valid TOML")
    assert book.get("ru-contact-x") is not None


def test_duplicate_ids_and_dangling_supersedes_are_reported(rule_files):
    """Two records with one id, and a supersedes that points nowhere, are both errors."""
    rec = """
    [[rule]]
    id = "ru-contact-a"
    applies_to = ["all"]
    topic = "contact"
    status = "gap"
    text = "Nothing."
    supersedes = ["ru-no-such-rule"]
    """
    book = rule_files({"ru.toml": 'destination = "RU"\n' + rec + rec})
    msgs = messages(book)
    assert any("duplicate id" in m for m in msgs)
    assert any("supersedes 'ru-no-such-rule', which does not exist" in m for m in msgs)


def test_overlapping_ranges_for_one_topic_are_reported(rule_files):
    """Two registration rules for the same citizens in force on the same day conflict."""
    rec = """
    [[rule]]
    id = "ru-registration-{n}"
    applies_to = ["TJ"]
    topic = "registration"
    status = "in_force"
    effective_from = {start}
    text = "Register."
    value = {{ days = {n}, counting = "calendar" }}
    """
    body = rec.format(n=7, start="2019-01-01") + SRC + rec.format(n=15, start="2021-01-01") + SRC
    book = rule_files({"ru.toml": 'destination = "RU"\n' + body})
    assert any(
        m.startswith("ru.toml:ru-registration-15: in effect at the same time as ru-registration-7")
        for m in messages(book)
    )


def test_value_types_are_checked_per_topic(rule_files):
    """A stay limit without numbers or a cost without a currency is refused."""
    book = rule_files(
        {
            "kz.toml": """
            destination = "KZ"
            [[rule]]
            id = "kz-stay-x"
            applies_to = ["all"]
            topic = "stay_limit"
            status = "in_force"
            text = "Stay."
            value = { kind = "rolling", max_days = "ninety" }
            """
            + SRC
            + """
            [[rule]]
            id = "kz-cost-x"
            applies_to = ["all"]
            topic = "cost"
            status = "in_force"
            text = "Pay."
            value = { amount = 100 }
            """
            + SRC
        }
    )
    msgs = messages(book)
    assert "kz.toml:kz-stay-x: stay_limit value needs max_days, a positive whole number" in msgs
    assert "kz.toml:kz-stay-x: a rolling stay limit needs window_days" in msgs
    assert "kz.toml:kz-cost-x: cost value needs currency, a three-letter code like RUB" in msgs


def test_rule_without_source_is_refused_but_gap_without_source_is_fine(rule_files):
    """Every bundled rule must cite a document; a gap says what is missing instead."""
    book = rule_files(
        {
            "tj.toml": """
            destination = "TJ"
            [[rule]]
            id = "tj-registration-x"
            applies_to = ["all"]
            topic = "registration"
            status = "in_force"
            text = "Register."
            value = { days = 3, counting = "calendar" }
            [[rule]]
            id = "tj-registration-gap"
            applies_to = ["UZ"]
            topic = "registration"
            status = "gap"
            text = "The sources do not state a registration deadline."
            """
        }
    )
    assert messages(book) == [
        "tj.toml:tj-registration-x: a rule needs at least one source (document, line, quote)"
    ]
    assert book.get("tj-registration-gap") is not None
