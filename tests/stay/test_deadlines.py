"""compute_deadlines: the contract's JSON, rules by date, and the refusals of bad input."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.errors import UserError
from desktop.stay import compute_deadlines
from tests.stay.conftest import KZ, RU, SRC

D = date.fromisoformat

WORKED_EXAMPLE = {
    "as_of": "2024-03-01",
    "registration": None,
    "stay": {"max_days": 90, "window_days": 180, "days_used": 21, "days_left": 69,
             "latest_exit": "2024-05-09", "overstay_from": None,
             "rule": "kz-stay-visa-free-2023"},
    "per_stay": {"max_days": 30, "latest_exit": "2024-03-30", "rule": "kz-stay-visa-free-2023"},
    "latest_lawful_exit": "2024-03-30",
    "warnings": ["The sources state no registration deadline for citizens of UZ in KZ."],
}  # fmt: skip


def worked_example(book):
    return compute_deadlines(
        book,
        citizen="UZ",
        destination="KZ",
        entry=D("2024-03-01"),
        trips=[(D("2024-01-01"), D("2024-01-20"))],
        on=D("2024-03-01"),
    )


@pytest.fixture
def book(load_rules):
    return load_rules({"kz.toml": KZ, "ru.toml": RU})


def test_worked_example_gives_exactly_the_contract_json(book):
    """The example of INTERFACES.md, against a copy of its rule, gives exactly its JSON."""
    assert worked_example(book).to_json() == WORKED_EXAMPLE


def test_worked_example_with_the_bundled_rules():
    """The same example against resources/rules/kz.toml as shipped."""
    from desktop.rules import load_rulebook

    real = load_rulebook()
    if real.get("kz-stay-visa-free-2023") is None:
        pytest.skip("the bundled rule kz-stay-visa-free-2023 is not there yet")
    assert worked_example(real).to_json() == WORKED_EXAMPLE


def test_registration_follows_the_rule_in_force_on_the_entry_day(book):
    """A 2019 arrival gets the 7-day rule of 2019, a 2024 arrival the 15-day rule of 2021."""
    old = compute_deadlines(book, citizen="UZ", destination="RU", entry=D("2019-05-06"),
                            on=D("2019-05-06"))  # fmt: skip
    new = compute_deadlines(book, citizen="UZ", destination="RU", entry=D("2024-03-01"),
                            on=D("2024-03-01"))  # fmt: skip
    assert old.registration is not None and new.registration is not None
    assert (old.registration.rule, old.registration.due) == ("ru-registration-7-days",
                                                             D("2019-05-13"))  # fmt: skip
    assert new.to_json()["registration"] == {
        "due": "2024-03-16", "days": 15, "counting": "unspecified",
        "rule": "ru-registration-uz-2021",
    }  # fmt: skip


def test_unspecified_counting_shows_the_calendar_date_and_warns(book):
    """Where the sources do not say calendar or working days, the earlier date is shown."""
    result = compute_deadlines(book, citizen="UZ", destination="RU", entry=D("2024-03-01"),
                               on=D("2024-03-01"))  # fmt: skip
    assert any("calendar or working days" in w for w in result.warnings)


def test_calendar_counting_gives_entry_plus_n_without_warning(book):
    """A term stated in calendar days ends on entry + N, with nothing to warn about."""
    result = compute_deadlines(book, citizen="KG", destination="RU", entry=D("2024-03-01"),
                               on=D("2024-03-01"))  # fmt: skip
    assert result.registration is not None
    assert result.registration.due == D("2024-03-31")
    assert not any("calendar or working" in w for w in result.warnings)


def test_working_days_skip_the_may_holidays_and_count_the_transferred_saturday(book):
    """7 working days from Friday 26 April 2024 in Russia end on 13 May (27 April worked)."""
    result = compute_deadlines(book, citizen="TJ", destination="RU", entry=D("2024-04-26"),
                               on=D("2024-04-26"))  # fmt: skip
    assert result.registration is not None
    assert result.registration.due == D("2024-05-13")
    assert result.registration.counting == "working"


def test_no_rule_in_force_gives_null_parts_and_says_what_is_missing(book):
    """A citizen no rule speaks of gets nulls and warnings, never a guessed limit."""
    result = compute_deadlines(book, citizen="TM", destination="RU", entry=D("2024-03-01"),
                               on=D("2024-03-01"))  # fmt: skip
    data = result.to_json()
    assert data["registration"] is None and data["stay"] is None and data["per_stay"] is None
    assert data["latest_lawful_exit"] is None
    assert data["warnings"] == [
        "The sources state no registration deadline for citizens of TM in RU.",
        "The sources state no stay limit for citizens of TM in RU.",
    ]


def test_rule_not_yet_in_force_is_not_applied(book):
    """The 2023 Kazakh limit does not apply to an entry in 2022."""
    result = compute_deadlines(book, citizen="UZ", destination="KZ", entry=D("2022-12-31"),
                               on=D("2022-12-31"))  # fmt: skip
    assert result.stay is None and result.per_stay is None


def test_overstay_sets_overstay_from_and_zero_days_left(book):
    """Still present after the last lawful day: overstay from the next day, 0 days left."""
    result = compute_deadlines(
        book, citizen="UZ", destination="RU", entry=D("2024-03-01"),
        trips=[(D("2024-01-01"), D("2024-01-20"))], on=D("2024-06-15"),
    )  # fmt: skip
    assert result.stay is not None
    assert result.stay.latest_exit == D("2024-05-09")
    assert result.stay.overstay_from == D("2024-05-10")
    assert result.stay.days_left == 0 and result.stay.days_used > 90
    assert any("unlawful since 2024-05-10" in w for w in result.warnings)


def test_planning_ahead_counts_only_earlier_trips(book):
    """A question asked before the entry counts the trips, not the stay still to come."""
    result = compute_deadlines(
        book, citizen="UZ", destination="RU", entry=D("2024-03-01"),
        trips=[(D("2024-01-01"), D("2024-01-20"))], on=D("2024-02-01"),
    )  # fmt: skip
    assert result.stay is not None
    assert (result.stay.days_used, result.stay.overstay_from) == (20, None)
    assert result.stay.latest_exit == D("2024-05-09")


def test_unsorted_and_overlapping_trips_are_normalised(book):
    """Trips in any order that overlap count each day once, as if given cleanly."""
    messy = [(D("2024-01-10"), D("2024-01-20")), (D("2024-01-01"), D("2024-01-15"))]
    clean = [(D("2024-01-01"), D("2024-01-20"))]
    args = {"citizen": "UZ", "destination": "KZ", "entry": D("2024-03-01"), "on": D("2024-03-01")}
    assert compute_deadlines(book, trips=messy, **args) == compute_deadlines(
        book, trips=clean, **args
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"trips": [(D("2024-01-20"), D("2024-01-01"))]}, "ends before it starts"),
        ({"trips": [(D("2024-02-20"), D("2024-03-05"))]}, "ends after the current entry"),
        ({"entry": D("1990-12-31")}, "before 1991"),
        ({"on": date.today() + timedelta(days=365 * 11)}, "years ahead"),
        ({"citizen": "XX"}, "Unknown country code 'XX'"),
        ({"destination": "Kazakhstan"}, "Unknown country code"),
        ({"purpose": "tourism"}, "Unknown purpose"),
    ],
)
def test_bad_input_is_a_user_error_with_a_clear_message(book, kwargs, message):
    """Each kind of bad input is refused with a one-line message saying what is wrong."""
    args = {"citizen": "UZ", "destination": "KZ", "entry": D("2024-03-01"), "on": D("2024-03-01")}
    with pytest.raises(UserError, match=message) as info:
        compute_deadlines(book, **{**args, **kwargs})
    assert "\n" not in str(info.value)


def test_same_day_exit_and_reentry_is_accepted(book):
    """A trip ending on the day of the current entry (a border run) counts that day once."""
    # 20-29 February 2024 (a leap year) are 10 days, and 1 March is counted once: 11.
    result = compute_deadlines(
        book, citizen="UZ", destination="KZ", entry=D("2024-03-01"),
        trips=[(D("2024-02-20"), D("2024-03-01"))], on=D("2024-03-01"),
    )  # fmt: skip
    assert result.stay is not None and result.stay.days_used == 11


LOCAL = """
destination = "TR"

[[rule]]
id = "local-tr-stay-year"
applies_to = ["UZ"]
topic = "stay_limit"
aspect = "year"
status = "in_force"
effective_from = 2020-01-01
text = "At most 120 days per calendar year."
value = { kind = "calendar_year", max_days = 120 }
source_title = "Made-up law for the test"

[[rule]]
id = "local-tr-stay-licence"
applies_to = ["UZ"]
topic = "stay_limit"
aspect = "licence"
status = "in_force"
effective_from = 2020-01-01
text = "Stay valid one year from the licence's issue."
value = { kind = "validity", max_days = 365, years = 1, from = "patent_issued" }
source_title = "Made-up law for the test"

[[rule]]
id = "local-tr-stay-work"
applies_to = ["UZ"]
topic = "stay_limit"
aspect = "work"
status = "in_force"
effective_from = 2020-01-01
text = "Work stays: 20 days at a time."
value = { kind = "per_stay", max_days = 20, purpose = "work" }
source_title = "Made-up law for the test"
"""


def test_calendar_year_and_validity_rules_from_a_local_file(load_rules):
    """Local rules of the other kinds give their own parts, and the earliest day wins."""
    book = load_rules({"kz.toml": KZ}, local={"tr.toml": LOCAL})
    result = compute_deadlines(
        book, citizen="UZ", destination="TR", entry=D("2024-11-01"),
        trips=[(D("2024-01-01"), D("2024-03-31"))], on=D("2024-11-01"),
        patent_issued=D("2024-02-15"),
    )  # fmt: skip
    data = result.to_json()
    assert data["calendar_year"]["latest_exit"] == "2024-11-29"  # 91 + 29 = 120
    assert data["validity"] == {"starts": "2024-02-15", "latest_exit": "2025-02-14",
                                "rule": "local-tr-stay-licence"}  # fmt: skip
    assert data["latest_lawful_exit"] == "2024-11-29"
    assert any("local-tr-stay-work" in w and "no purpose" in w for w in data["warnings"])


def test_purpose_selects_the_rules_that_name_it(load_rules):
    """With --purpose work, the work-only per-stay rule applies and shortens the stay."""
    book = load_rules({"kz.toml": KZ}, local={"tr.toml": LOCAL})
    result = compute_deadlines(
        book, citizen="UZ", destination="TR", entry=D("2024-11-01"), on=D("2024-11-01"),
        purpose="work", patent_issued=D("2024-02-15"),
    )  # fmt: skip
    assert result.per_stay is not None and result.per_stay.latest_exit == D("2024-11-20")
    assert result.latest_lawful_exit == D("2024-11-20")


def test_validity_from_the_licence_needs_its_issue_date(load_rules):
    """Without the licence's issue date the validity part is left out, with a warning."""
    book = load_rules({"kz.toml": KZ}, local={"tr.toml": LOCAL})
    result = compute_deadlines(book, citizen="UZ", destination="TR", entry=D("2024-11-01"),
                               on=D("2024-11-01"))  # fmt: skip
    assert result.validity is None
    assert any("issue date" in w for w in result.warnings)


def test_a_rule_change_during_the_stay_is_pointed_out(load_rules):
    """Asked after a new rule took over, the answer keeps the entry day's rule and says so."""
    changed = RU + (
        """
[[rule]]
id = "ru-stay-2024-07"
applies_to = ["UZ"]
topic = "stay_limit"
aspect = "new"
status = "in_force"
effective_from = 2024-07-01
text = "A made-up stricter rule."
value = { kind = "rolling", max_days = 60, window_days = 180 }
"""
        + SRC
    )
    book = load_rules({"ru.toml": changed})
    result = compute_deadlines(book, citizen="UZ", destination="RU", entry=D("2024-06-01"),
                               on=D("2024-07-02"))  # fmt: skip
    assert result.stay is not None and result.stay.rule == "ru-stay-90-180"
    assert any("differ from those of the entry day" in w for w in result.warnings)


def test_several_rolling_rules_show_the_strictest(load_rules):
    """Two rolling limits in force at once: the stricter one is shown and both are named."""
    both = RU + (
        """
[[rule]]
id = "ru-stay-60-in-120"
applies_to = ["UZ"]
topic = "stay_limit"
aspect = "other"
status = "in_force"
text = "A made-up second limit."
value = { kind = "rolling", max_days = 60, window_days = 120 }
"""
        + SRC
    )
    book = load_rules({"ru.toml": both})
    result = compute_deadlines(book, citizen="UZ", destination="RU", entry=D("2024-03-01"),
                               on=D("2024-03-01"))  # fmt: skip
    assert result.stay is not None and result.stay.rule == "ru-stay-60-in-120"
    assert result.stay.latest_exit == D("2024-04-29")
    assert any("strictest" in w and "ru-stay-90-180" in w for w in result.warnings)
