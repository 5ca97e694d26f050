"""The lists counsellors page through: due today, overdue, by status, filtered and sorted."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from db.schemas import CaseUpdate
from desktop.cases.caseops import set_case_status, update_case
from desktop.cases.lists import CaseFilter, count_cases, list_cases
from desktop.cases.records import add_follow_ups, set_follow_up_done
from desktop.cases.today import count_follow_ups, list_follow_ups
from desktop.errors import UserError

TODAY = date.today()


@pytest.fixture
def log(session, add_client):
    """Five cases with follow-ups due yesterday, today, next week and none."""
    cases = {}
    for name, due, status, counsellor, category in [
        ("Каримов Алишер", TODAY - timedelta(days=1), "open", "A", "registration"),
        ("Rahimov Jamshed", TODAY, "in_progress", "B", "unpaid_wages"),
        ("Өмүрбекова Айгүл", TODAY + timedelta(days=7), "referred", "A", "registration"),
        ("Aliyev Sardor", None, "open", "B", "trafficking"),
        ("Bobojonov Daler", TODAY, "open", "A", "health"),
    ]:
        _client, case = add_client(name)
        update_case(
            session=session,
            case_id=case.id,
            case_in=CaseUpdate(counsellor=counsellor, categories=[category]),
        )
        if status != "open":
            set_case_status(session=session, case_id=case.id, status=status)
        if due:
            add_follow_ups(session, case.id, [(due, f"call {name}", None)])
        cases[name.split()[0]] = case.id
    session.commit()
    return cases


def _ids(rows):
    return [r.case_id for r in rows]


def test_due_today_and_overdue_lists_hold_the_right_follow_ups(session, log):
    """Today's list has today's follow-ups; the overdue list has the earlier open ones."""
    today = list_follow_ups(session=session, view="due_today")
    assert sorted(r.case_id for r in today) == sorted([log["Rahimov"], log["Bobojonov"]])
    [overdue] = list_follow_ups(session=session, view="overdue")
    assert overdue.case_id == log["Каримов"] and overdue.name == "Каримов Алишер"
    set_follow_up_done(session=session, follow_up_id=overdue.follow_up_id)
    assert count_follow_ups(session=session, view="overdue") == 0
    assert count_follow_ups(session=session, view="due_today", counsellor="A") == 1


def test_cases_filter_by_status_category_and_counsellor(session, log):
    """Each filter narrows the list, and the count agrees with the rows."""
    for filters, expected in [
        (CaseFilter(status="open"), ["Каримов", "Bobojonov", "Aliyev"]),
        (CaseFilter(category="registration"), ["Каримов", "Өмүрбекова"]),
        (CaseFilter(counsellor="B"), ["Rahimov", "Aliyev"]),
        (CaseFilter(status="open", counsellor="A"), ["Каримов", "Bobojonov"]),
    ]:
        rows = list_cases(session=session, filters=filters)
        assert sorted(_ids(rows)) == sorted(log[n] for n in expected)
        assert count_cases(session=session, filters=filters) == len(expected)


def test_due_before_a_date_excludes_that_date(session, log):
    """ "Due before today" means overdue: today's follow-ups are not in it."""
    rows = list_cases(session=session, filters=CaseFilter(due_before=TODAY))
    assert _ids(rows) == [log["Каримов"]]


def test_by_due_date_the_most_urgent_come_first_and_cases_without_one_last(session, log):
    """The default order is the next follow-up's date; cases with none go to the end."""
    rows = list_cases(session=session)
    assert rows[0].case_id == log["Каримов"]
    assert rows[-1].case_id == log["Aliyev"] and rows[-1].next_due_on is None
    assert rows[0].categories == ["registration"]


def test_sorting_by_name_uses_the_latin_form(session, log):
    """Names in different scripts sort together by their Latin form."""
    names = [r.name_latin for r in list_cases(session=session, sort="name", descending=True)]
    assert names == sorted(names, reverse=True)
    assert names[-1] == "Aliyev Sardor"


def test_paging_shows_every_case_exactly_once(session, log):
    """Pages of two, one after another, hold every case once, whatever the sort."""
    for sort in ("next_due", "opened", "status", "name", "citizenship", "counsellor", "id"):
        seen = []
        for offset in range(0, 6, 2):
            seen += _ids(list_cases(session=session, sort=sort, limit=2, offset=offset))
        assert sorted(seen) == sorted(log.values()), sort


def test_an_unknown_sort_or_filter_value_is_refused(session, log):
    """Only the listed sort keys, statuses and categories are accepted."""
    with pytest.raises(UserError):
        list_cases(session=session, sort="phone")
    with pytest.raises(UserError):
        list_cases(session=session, filters=CaseFilter(status="lost"))
    with pytest.raises(UserError):
        list_follow_ups(session=session, view="someday")


def test_a_closed_cases_follow_ups_leave_the_today_lists(session, log):
    """Closing a case takes its open follow-ups off "due today"; reopening brings them back."""
    from desktop.cases.caseops import close_case, reopen_case

    assert count_follow_ups(session=session, view="due_today") == 2
    close_case(session=session, case_id=log["Bobojonov"])
    assert [r.case_id for r in list_follow_ups(session=session, view="due_today")] == [
        log["Rahimov"]
    ]
    reopen_case(session=session, case_id=log["Bobojonov"])
    assert count_follow_ups(session=session, view="due_today") == 2
