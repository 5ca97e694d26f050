"""Stay and deadline calculator: plain Python, no Qt.

The UI, the leaflets and the case log call :func:`compute_deadlines`; the timeline uses the
pure window functions (:func:`days_used`, :func:`latest_exit`, :func:`overstay_from`,
:func:`window_counts`).
"""

from desktop.stay.deadlines import compute_deadlines
from desktop.stay.limits import validity_last_day, year_days_used, year_latest_exit
from desktop.stay.report import format_date, format_text
from desktop.stay.result import (
    DeadlinesResult,
    PerStayPart,
    RegistrationPart,
    StayPart,
    ValidityPart,
    YearCapPart,
)
from desktop.stay.terms import calendar_due, is_working_day, working_due
from desktop.stay.window import (
    Trip,
    days_used,
    latest_exit,
    normalise,
    overstay_from,
    window_counts,
)

__all__ = [
    "DeadlinesResult",
    "PerStayPart",
    "RegistrationPart",
    "StayPart",
    "Trip",
    "ValidityPart",
    "YearCapPart",
    "calendar_due",
    "compute_deadlines",
    "days_used",
    "format_date",
    "format_text",
    "is_working_day",
    "latest_exit",
    "normalise",
    "overstay_from",
    "validity_last_day",
    "window_counts",
    "working_due",
    "year_days_used",
    "year_latest_exit",
]
