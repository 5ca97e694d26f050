"""A client's own dates: from the stay calculator, and from a case in the case log."""

from __future__ import annotations

from datetime import date, datetime

from db.schemas import CaseDetail, CaseRead, ClientRead, FollowUpRead, TripRead
from desktop.leaflets import FOLLOW_UP, LEAVE_BY, REGISTER_BY, client_dates, dates_for_case
from desktop.leaflets.client import STAY_ENDED
from tests.leaflets.conftest import ON


def test_register_and_leave_dates_come_from_the_calculator(book):
    """Entering Russia on 1 March: register by 16 March (15 days), leave within 90 in 180."""
    dates = client_dates(
        book, citizen="UZ", destination="RU", entry=ON, on=ON, follow_ups=[date(2024, 3, 10)]
    )
    by_label = {d.label: d for d in dates}
    assert by_label[REGISTER_BY].day == date(2024, 3, 16)
    assert by_label[REGISTER_BY].rule_id == "ru-registration-uz-2021"
    assert by_label[LEAVE_BY].day == date(2024, 5, 29)
    assert by_label[LEAVE_BY].rule_id == "ru-stay-90-180"
    assert by_label[FOLLOW_UP].day == date(2024, 3, 10)


def test_without_a_rule_the_date_is_marked_unknown(book):
    """Kazakhstan has no registration or stay rule in the test book: both dates are None."""
    dates = client_dates(book, citizen="UZ", destination="KZ", entry=ON, on=ON)
    assert [(d.label, d.day) for d in dates] == [(REGISTER_BY, None), (LEAVE_BY, None)]


def test_a_past_last_day_is_said_as_such(book):
    """Asked long after the stay ran out, the box says when the lawful stay ended."""
    dates = client_dates(book, citizen="UZ", destination="RU", entry=ON, on=date(2024, 7, 1))
    assert [d.label for d in dates] == [STAY_ENDED]
    assert dates[0].day == date(2024, 5, 29)


def _stamp() -> dict:
    now = datetime(2024, 3, 1, 9, 0)
    return {"created_at": now, "updated_at": now}


def _detail(trips, follow_ups) -> CaseDetail:
    client = ClientRead(
        id=1, full_name="Aziz Karimov", name_latin="Aziz Karimov", citizenship="UZ", **_stamp()
    )
    case = CaseRead(id=7, client_id=1, opened_on=ON, status="open", **_stamp())
    return CaseDetail(case=case, client=client, trips=trips, follow_ups=follow_ups)


def test_a_case_gives_first_name_citizenship_and_the_current_stays_dates(book):
    """The open trip to Russia is the current stay; an earlier trip counts in the window."""
    trips = [
        TripRead(
            id=1,
            client_id=1,
            destination="RU",
            entry_on=date(2023, 11, 1),
            exit_on=date(2023, 12, 30),
            **_stamp(),
        ),
        TripRead(
            id=2,
            client_id=1,
            destination="KZ",
            entry_on=date(2024, 1, 5),
            exit_on=date(2024, 1, 9),
            **_stamp(),
        ),
        TripRead(id=3, client_id=1, destination="RU", entry_on=ON, **_stamp()),
    ]
    follow_ups = [
        FollowUpRead(id=1, case_id=7, due_on=date(2024, 3, 12), what="passport", **_stamp()),
        FollowUpRead(id=2, case_id=7, due_on=date(2024, 3, 2), what="x", done=True, **_stamp()),
    ]
    found = dates_for_case(book, _detail(trips, follow_ups), "RU", ON)
    assert (found.first_name, found.citizenship) == ("Aziz", "UZ")
    by_label = {d.label: d.day for d in found.dates}
    assert by_label[REGISTER_BY] == date(2024, 3, 16)
    # 60 days used in Nov–Dec leave 30 of 90 in the window: the last day is 30 March.
    assert by_label[LEAVE_BY] == date(2024, 3, 30)
    assert by_label[FOLLOW_UP] == date(2024, 3, 12)
    assert len(found.dates) == 3


def test_a_case_without_a_current_stay_lists_only_follow_ups(book):
    """No trip to the destination: no computed dates, only when to come back."""
    follow_ups = [FollowUpRead(id=1, case_id=7, due_on=date(2024, 3, 12), what="p", **_stamp())]
    found = dates_for_case(book, _detail([], follow_ups), "RU", ON)
    assert [(d.label, d.day) for d in found.dates] == [(FOLLOW_UP, date(2024, 3, 12))]
