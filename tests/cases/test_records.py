"""Follow-ups (by hand or from the calculator's deadlines), trips, deletion and undo."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.cases.caseops import get_case
from desktop.cases.records import (
    add_follow_ups,
    set_follow_up_done,
)
from desktop.cases.today import count_follow_ups

TODAY = date.today()


def test_the_calculators_deadlines_become_follow_ups_in_one_step(session, add_client):
    """ "Register by …" and "leave by …" are added together with the rules they come from."""
    _client, case = add_client()
    items = [
        (TODAY + timedelta(days=15), "Register by this date", "ru-registration-uz-2021"),
        (TODAY + timedelta(days=90), "Leave by this date", "ru-stay-eaeu-2020"),
    ]
    created = add_follow_ups(session, case.id, items)
    assert [(f.due_on, f.rule_id) for f in created] == [(d, r) for d, _t, r in items]
    assert get_case(session=session, case_id=case.id).next_due_on == TODAY + timedelta(days=15)


def test_adding_the_same_deadlines_twice_does_not_duplicate_them(session, add_client):
    """Pressing the button again returns the follow-ups already there."""
    _client, case = add_client()
    items = [(TODAY, "Register by this date", "ru-registration-uz-2021")]
    first = add_follow_ups(session, case.id, items)
    again = add_follow_ups(session, case.id, items)
    assert [f.id for f in again] == [f.id for f in first]
    assert count_follow_ups(session=session, view="open") == 1


def test_ticking_a_follow_up_off_moves_the_next_due_date(session, add_client):
    """Done follow-ups no longer count; the case's next due date is the next open one."""
    _client, case = add_client()
    soon, later = add_follow_ups(
        session, case.id, [(TODAY, "a", None), (TODAY + timedelta(days=3), "b", None)]
    )
    set_follow_up_done(session=session, follow_up_id=soon.id)
    assert get_case(session=session, case_id=case.id).next_due_on == later.due_on
    set_follow_up_done(session=session, follow_up_id=soon.id, done=False)
    assert get_case(session=session, case_id=case.id).next_due_on == TODAY
