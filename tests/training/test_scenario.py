"""Reading scenario files: a trainer's own file, and every kind of mistake reported, not raised."""

from __future__ import annotations

from datetime import date

from desktop.training import load_scenario_file, load_scenarios, mismatches, replay

GOOD = """
id = "my-own-story"
title = "My story"
destination = "KZ"

[person]
name = "Zarina"
citizenship = "UZ"

[[step]]
title = "Arrival"
entry = 2024-03-01
on = 2024-03-10
trips = [[2024-01-01, 2024-01-20]]

[step.expect]
latest_exit = 2024-03-30
days_used = 30
overstay_from = "none"
rules = ["kz-stay-visa-free-2023"]
"""


def test_a_trainers_file_is_read_like_a_bundled_one(write_scenario, book):
    """A file in the documented format gives a scenario whose outcome the calculator confirms."""
    found = load_scenario_file(write_scenario(GOOD))
    assert found.problems == []
    (scenario,) = found.scenarios
    assert not scenario.bundled and scenario.file == "mine.toml"
    step = scenario.steps[0]
    assert step.trips == ((date(2024, 1, 1), date(2024, 1, 20)),)
    assert step.expect["overstay_from"] is None
    assert mismatches(step, replay(book, scenario, step)) == []


def test_a_wrong_expectation_is_named_with_both_values(write_scenario, book):
    """A stated date the calculator does not give is reported as the file's and the app's value."""
    text = GOOD.replace("latest_exit = 2024-03-30", "latest_exit = 2024-04-15")
    scenario = load_scenario_file(write_scenario(text)).scenarios[0]
    (problem,) = mismatches(scenario.steps[0], replay(book, scenario, scenario.steps[0]))
    assert "latest_exit" in problem and "2024-04-15" in problem and "2024-03-30" in problem


def test_mistakes_become_problems_and_the_scenario_is_left_out(write_scenario):
    """Bad codes, dates, trips and keys are each reported with the file and the step."""
    text = (
        GOOD.replace('citizenship = "UZ"', 'citizenship = "Uzbek"')
        .replace("trips = [[2024-01-01, 2024-01-20]]", "trips = [[2024-03-05, 2024-03-20]]")
        .replace("days_used = 30", "days_used = -1\nweather = 1")
    )
    found = load_scenario_file(write_scenario(text))
    assert found.scenarios == []
    messages = "\n".join(str(p) for p in found.problems)
    assert "citizenship must be an ISO country code" in messages
    assert "does not end before the entry" in messages
    assert "days_used must be a whole number" in messages
    assert "unknown expected outcome 'weather'" in messages
    assert all(p.file == "mine.toml" for p in found.problems)
    assert any(p.record == "my-own-story step 1" for p in found.problems)


def test_broken_toml_is_a_problem_not_a_crash(write_scenario):
    """A syntax error is reported on the file."""
    found = load_scenario_file(write_scenario('id = "x"\ntitle = '))
    assert found.scenarios == [] and found.problems


def test_registered_in_time_needs_a_registration_date(write_scenario):
    """An in-time verdict without registered_on cannot be checked and is refused."""
    text = GOOD.replace("rules = [", "registered_in_time = true\nrules = [")
    found = load_scenario_file(write_scenario(text))
    assert any("needs the step's registered_on" in p.message for p in found.problems)


def test_extra_files_come_after_the_bundled_ones_and_duplicates_are_refused(write_scenario):
    """load_scenarios adds a trainer's files; an id already open is a problem, not a second copy."""
    mine = write_scenario(GOOD)
    clash = write_scenario(GOOD.replace("my-own-story", "kz-uz-visa-runs-2022-2023"), "b.toml")
    found = load_scenarios(extra=[mine, clash])
    ids = [s.id for s in found.scenarios]
    assert ids[-1] == "my-own-story" and ids.count("kz-uz-visa-runs-2022-2023") == 1
    assert any("already open" in p.message for p in found.problems)


def test_a_step_can_visit_another_destination(bundled):
    """The gaps story moves from Tajikistan to Uzbekistan and Turkmenistan."""
    scenario = bundled.get("gaps-kg-in-tj-uz-tm")
    assert scenario.destinations == ("TJ", "UZ", "TM")
