"""Terms from arrival: calendar days, and working days with each country's holidays."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.stay.terms import calendar_due, holidays_known, is_working_day, working_due

D = date.fromisoformat


def test_calendar_term_starts_the_day_after_arrival():
    """15 days from 1 March end on 16 March (civil-law counting, as in the contract)."""
    assert calendar_due(D("2024-03-01"), 15) == D("2024-03-16")


def test_calendar_term_crosses_29_february():
    """7 days from 25 February 2024 end on 3 March, 29 February counting as a day."""
    assert calendar_due(D("2024-02-25"), 7) == D("2024-03-03")


def test_russian_transferred_working_saturday_counts():
    """Saturday 27 April 2024 was a working day in Russia; 29-30 April were days off."""
    assert is_working_day(D("2024-04-27"), "RU")
    assert not is_working_day(D("2024-04-29"), "RU")
    assert not is_working_day(D("2024-04-30"), "RU")
    assert not is_working_day(D("2024-05-10"), "RU")  # moved from 6 January


def test_working_term_over_the_russian_may_holidays():
    """7 working days from Friday 26 April 2024: 27 Apr, 2, 3, 6, 7, 8 and 13 May."""
    assert working_due(D("2024-04-26"), 7, "RU") == D("2024-05-13")


def test_working_term_over_new_year_in_kazakhstan():
    """3 working days from 29 December 2023 in Kazakhstan skip New Year and the weekend."""
    # 30-31 Dec weekend, 1-2 Jan New Year; 3, 4, 5 January are working days.
    assert working_due(D("2023-12-29"), 3, "KZ") == D("2024-01-05")


def test_unknown_country_falls_back_to_weekends():
    """Where the holidays package has no calendar, only Saturdays and Sundays are skipped."""
    assert not holidays_known("AC")  # Ascension Island
    assert working_due(D("2024-03-01"), 5, "AC") == D("2024-03-08")


def test_working_term_needs_a_day():
    """A term of no days is a bug in the rule, not a due date of today."""
    with pytest.raises(ValueError):
        working_due(D("2024-03-01"), 0, "RU")
