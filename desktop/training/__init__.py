"""Training mode's domain: worked scenarios, the timeline player, rule history, quizzes, handouts.

Plain Python, no Qt. Scenarios are data files (``resources/scenarios/*.toml``) replayed
through the real calculator, so what a trainer shows is what the Calculator would say.
"""

from desktop.training.history import HistoryEntry, rule_history
from desktop.training.player import Frame, Span, frame, span
from desktop.training.quiz import QuizCard, build_quiz, pick
from desktop.training.replay import Outcome, mismatches, replay, step_rules
from desktop.training.scenario import (
    SCENARIOS_DIR,
    Person,
    Scenario,
    ScenarioSet,
    Step,
    check_against_book,
    load_scenario_file,
    load_scenarios,
)

__all__ = [
    "SCENARIOS_DIR",
    "Frame",
    "HistoryEntry",
    "Outcome",
    "Person",
    "QuizCard",
    "Scenario",
    "ScenarioSet",
    "Span",
    "Step",
    "build_quiz",
    "check_against_book",
    "frame",
    "load_scenario_file",
    "load_scenarios",
    "mismatches",
    "pick",
    "replay",
    "rule_history",
    "span",
    "step_rules",
]
