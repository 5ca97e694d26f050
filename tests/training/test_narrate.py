"""What a step says: the consequence lines, in the status colour words, in any language."""

from __future__ import annotations

from desktop.training import replay
from desktop.training.narrate import GAP, OK, OVERDUE, consequences, facts, person_line


def _said(book, bundled, sid, index, lang="en"):
    scenario = bundled.get(sid)
    step = scenario.steps[index]
    return [(c.kind, c.text) for c in consequences(step, replay(book, scenario, step), lang)]


def test_late_registration_and_no_stay_limit(book, bundled):
    """Bekzod registered three days late in 2020; the sources give Russia no stay limit."""
    assert _said(book, bundled, "ru-uz-registration-2020-2022", 0) == [
        (OVERDUE, "Registered on March 12, 2020: 3 days after the deadline of March 9, 2020."),
        (GAP, "The sources do not state a stay limit."),
    ]
    assert _said(book, bundled, "ru-uz-registration-2020-2022", 1)[0] == (
        OK,
        "Registered on March 12, 2022: deadline of March 16, 2022 met.",
    )


def test_overstay_and_lawful_stay(book, bundled):
    """Aziz overstays from 12 April 2023; Daniyar, back after June, may stay until 8 November."""
    aziz = _said(book, bundled, "kz-uz-visa-runs-2022-2023", 3)
    assert (OVERDUE, "Overstay from April 12, 2023: staying on is unlawful.") in aziz
    daniyar = _said(book, bundled, "kg-kz-before-after-september-2024", 1)
    assert daniyar[1] == (
        OK,
        "May stay until November 8, 2024. 52 days of 90 used in the window on October 1, 2024.",
    )


def test_russian_words_and_dates(book, bundled):
    """The same step in Russian: Babel's month names, the country in Russian."""
    scenario = bundled.get("ru-uz-registration-june-2021")
    step = scenario.steps[1]
    rows = dict(facts(step, replay(book, scenario, step), "ru"))
    assert any("2 июля 2021" in v for v in rows.values())
    assert "Узбекистан" in person_line(scenario, "ru")
    assert person_line(scenario) == "Shahlo, a citizen of Uzbekistan, in Russia"
