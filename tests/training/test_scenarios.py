"""Every bundled scenario, replayed through the calculator, gives the outcomes it states."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.training import SCENARIOS_DIR, check_against_book, load_scenario_file, replay
from desktop.training.replay import run_step

FILES = sorted(SCENARIOS_DIR.glob("*.toml"))
STAY_OR_REGISTRATION = ("registration", "stay_limit")


def _steps():
    for path in FILES:
        found = load_scenario_file(path, bundled=True)
        for scenario in found.scenarios:
            for number, step in enumerate(scenario.steps, 1):
                yield pytest.param(scenario, step, id=f"{path.stem}-step{number}")


def test_bundled_files_load_without_problems(bundled, book):
    """All scenario files parse, name known rules and have distinct ids."""
    assert len(FILES) >= 8
    assert bundled.problems == []
    assert len(bundled.scenarios) == len(FILES)
    assert len({s.id for s in bundled.scenarios}) == len(FILES)
    for scenario in bundled.scenarios:
        assert check_against_book(scenario, book) == []


@pytest.mark.parametrize(("scenario", "step"), list(_steps()))
def test_step_outcomes_match_the_calculator(book, scenario, step):
    """compute_deadlines reproduces each expected date, count, rule id and verdict of the step."""
    assert step.expect, "every bundled step states what should come out"
    result = run_step(book, scenario, step)
    got = replay(book, scenario, step)
    for key, want in step.expect.items():
        assert got.as_expected()[key] == want, f"{key} of {scenario.id}: {step.title}"
    if "registration_due" in step.expect:
        due = result.registration.due if result.registration else None
        assert due == step.expect["registration_due"]
    if "latest_exit" in step.expect:
        assert result.latest_lawful_exit == step.expect["latest_exit"]
    if "days_used" in step.expect:
        assert result.stay is not None
        assert (result.stay.days_used, result.stay.days_left) == (
            step.expect["days_used"],
            step.expect.get("days_left", result.stay.days_left),
        )


def test_every_destination_with_stated_rules_has_a_scenario(bundled, book):
    """Each destination with a stated stay or registration rule has a story; TJ/UZ/TM/TR too."""
    stated = {
        r.destination
        for r in book.rules
        if r.topic in STAY_OR_REGISTRATION and not r.is_gap and not r.local
    }
    assert {"RU", "KZ", "KG"} <= stated
    visited = {d for s in bundled.scenarios for d in s.destinations}
    assert stated <= visited
    assert {"TJ", "UZ", "TM", "TR"} <= visited


def test_scenarios_show_the_changes_they_are_about(bundled):
    """The before/after stories straddle the dates the rules changed."""

    def entries(sid):
        return [s.entry for s in bundled.get(sid).steps]

    ru = entries("ru-uz-registration-2020-2022")
    assert ru[0] < date(2021, 6, 17) <= ru[1]
    kz = entries("kz-uz-visa-runs-2022-2023")
    assert kz[0] < date(2023, 1, 1) <= kz[1]
    kg = entries("kg-kz-before-after-september-2024")
    assert kg[0] < date(2024, 9, 1) <= kg[1]
    old = entries("ru-tj-registration-2009-2023")[0]
    assert old.year == 2009


def test_the_three_day_rule_of_2009_and_its_gap_today(bundled, book):
    """A Tajik worker had 3 days in 2009; for 2023 the sources state no deadline."""
    scenario = bundled.get("ru-tj-registration-2009-2023")
    first, second = (replay(book, scenario, s) for s in scenario.steps)
    assert first.registration_days == 3 and first.rules == ("ru-registration-ca-3-days-2009",)
    assert second.registration_due is None and second.rules == ()
