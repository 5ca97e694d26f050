"""Rule kinds turned into parts, straight from rule records (as the loader makes them)."""

from __future__ import annotations

from datetime import date

from desktop.rules import Rule
from desktop.stay.parts import RuleNotes, stay_parts

D = date.fromisoformat
ENTRY = D("2024-03-01")


def rule(rule_id: str, **value) -> Rule:
    return Rule(id=rule_id, destination="KZ", applies_to=("all",), topic="stay_limit",
                status="in_force", text="-", value=value)  # fmt: skip


def parts_for(*rules: Rule, as_of: date = ENTRY):
    notes = RuleNotes(citizen="UZ", destination="KZ")
    parts = stay_parts(rules, history=[], entry=ENTRY, as_of=as_of, patent_issued=None,
                       notes=notes)  # fmt: skip
    return parts, notes.warnings


VISA = rule("kz-stay-visa-holders", kind="validity")  # "as long as the visa is valid"
VISA_FREE = rule("kz-stay-visa-free-2023", kind="rolling", max_days=90, window_days=180,
                 per_stay_days=30)  # fmt: skip


def test_visa_validity_rule_is_silent_beside_a_countable_limit():
    """A rule bound to a visa's dates adds nothing when the visa-free limit gives dates."""
    parts, warnings = parts_for(VISA, VISA_FREE)
    assert parts.latest_lawful_exit == D("2024-03-30")
    assert warnings == []


def test_visa_validity_rule_alone_says_the_dates_are_unknown():
    """With only the visa rule, no date is guessed and the warning names that rule."""
    parts, warnings = parts_for(VISA)
    assert parts.latest_lawful_exit is None
    assert warnings == [
        "Rule kz-stay-visa-holders limits the stay by the validity of a document, such as a "
        "visa, whose dates the calculator does not know."
    ]


def test_per_stay_kind_uses_max_days_and_says_no_rolling_limit_is_stated():
    """kind = per_stay with max_days 30 gives entry + 29, and the missing window is named."""
    parts, warnings = parts_for(rule("kz-per-stay", kind="per_stay", max_days=30))
    assert parts.per_stay is not None and parts.per_stay.latest_exit == D("2024-03-30")
    assert parts.stay is None
    assert warnings == [
        "The sources state no limit of days within a period for citizens of UZ in KZ."
    ]


def test_limit_that_cannot_bind_is_left_out_with_a_warning():
    """180 days in 180 is no limit: it is reported, not turned into a date."""
    parts, warnings = parts_for(rule("kz-odd", kind="rolling", max_days=180, window_days=180))
    assert parts.stay is None
    assert warnings[0] == "Rule kz-odd states a limit that cannot bind; left out."


def test_per_stay_overstay_is_warned_even_within_the_rolling_limit():
    """Day 31 of one stay is unlawful under a 30-day cap though 90/180 still holds."""
    parts, warnings = parts_for(VISA_FREE, as_of=D("2024-04-05"))
    assert parts.stay is not None and parts.stay.overstay_from is None
    assert parts.latest_lawful_exit == D("2024-03-30")
    assert warnings == [
        "Stay unlawful since 2024-03-31 under rule kz-stay-visa-free-2023 "
        "(last lawful day 2024-03-30)."
    ]
