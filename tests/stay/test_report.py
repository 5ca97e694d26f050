"""The text form for people: dates in the chosen language, headline dates first."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.i18n import current_language, set_language
from desktop.stay import compute_deadlines
from desktop.stay.report import format_date, format_text
from tests.stay.conftest import KZ

D = date.fromisoformat


@pytest.fixture
def language():
    """Switch the process-wide language for one test and put English back afterwards."""
    before = current_language()
    yield set_language
    set_language(before)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "March 30, 2024"), ("ru", "30 марта 2024\u202fг."), ("uz", "30-mart, 2024")],
)
def test_dates_use_the_language_long_format(lang, expected):
    """Dates come from Babel's locale data; Uzbek is written in Latin script."""
    # Babel (CLDR) puts a narrow no-break space before the Russian "г.".
    assert format_date(D("2024-03-30"), lang) == expected


@pytest.mark.parametrize("lang", ["ky", "tg"])
def test_every_app_language_has_a_date_format(lang):
    """Kyrgyz and Tajik dates are formatted by Babel too, with the year in them."""
    assert "2024" in format_date(D("2024-03-30"), lang)


def test_text_form_leads_with_the_dates_and_names_the_rules(load_rules, language):
    """In Russian, the leave-by date is written the Russian way, with the rule's id nearby."""
    language("ru")
    book = load_rules({"kz.toml": KZ})
    result = compute_deadlines(
        book, citizen="UZ", destination="KZ", entry=D("2024-03-01"),
        trips=[(D("2024-01-01"), D("2024-01-20"))], on=D("2024-03-01"),
    )  # fmt: skip
    text = format_text(result)
    lines = text.splitlines()
    assert "30 марта 2024\u202fг." in lines[3]  # register by, then leave by
    assert "9 мая 2024\u202fг." in text and "kz-stay-visa-free-2023" in text
    assert "UZ" in text.splitlines()[-1] and "KZ" in text.splitlines()[-1]  # the warning


def test_text_form_marks_an_overstay(load_rules):
    """A stay past its last lawful day shows the first unlawful day on its own line."""
    book = load_rules({"kz.toml": KZ})
    result = compute_deadlines(book, citizen="UZ", destination="KZ", entry=D("2024-03-01"),
                               on=D("2024-06-01"), date_format=format_date)  # fmt: skip
    text = format_text(result)
    assert "Overstay since: May 30, 2024" in text
    assert "Stay unlawful since March 31, 2024" in text  # per stay, dates written for people
