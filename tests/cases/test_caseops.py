"""Cases: the status path open → in progress → referred → closed, reopening, and the full view."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from db.schemas import CaseCreate, CaseUpdate, ConsultationCreate, ReferralCreate
from desktop.cases.base import history
from desktop.cases.caseops import (
    close_case,
    get_case,
    get_case_detail,
    open_case,
    reopen_case,
    set_case_status,
    update_case,
)
from desktop.cases.records import add_consultation, add_follow_ups, add_referral
from desktop.errors import UserError

TODAY = date.today()


def test_a_case_goes_through_its_statuses_and_can_be_reopened(session, add_client):
    """open → in progress → referred → closed → reopened, each step in the case history."""
    _client, case = add_client()
    for status in ("in_progress", "referred", "closed"):
        case = set_case_status(session=session, case_id=case.id, status=status)
    assert case.closed_on == TODAY
    case = reopen_case(session=session, case_id=case.id)
    assert (case.status, case.closed_on) == ("open", None)
    details = [e.detail for e in history(session=session, record_type="case", record_id=case.id)]
    assert details[-4:] == [
        "status: open -> in_progress",
        "status: in_progress -> referred",
        "status: referred -> closed",
        "status: closed -> open",
    ]


def test_a_closed_case_changes_status_only_through_reopen(session, add_client):
    """Moving a closed case straight to "in progress" is refused; reopening is the way."""
    _client, case = add_client()
    close_case(session=session, case_id=case.id, outcome="resolved")
    with pytest.raises(UserError, match="cannot become"):
        set_case_status(session=session, case_id=case.id, status="in_progress")
    with pytest.raises(UserError, match="Only a closed case"):
        reopen_case(session=session, case_id=open_case(
            session=session, case_in=CaseCreate(client_id=case.client_id)
        ).id)  # fmt: skip


def test_closing_records_the_outcome_and_drops_the_next_due_date(session, add_client):
    """A closed case has its outcome for the statistics and no longer shows as due."""
    _client, case = add_client()
    add_follow_ups(session, case.id, [(TODAY, "call back", None)])
    assert get_case(session=session, case_id=case.id).next_due_on == TODAY
    closed = close_case(session=session, case_id=case.id, outcome="partly_resolved")
    assert (closed.status, closed.outcome, closed.next_due_on) == (
        "closed",
        "partly_resolved",
        None,
    )
    assert reopen_case(session=session, case_id=case.id).next_due_on == TODAY


def test_a_first_consultation_puts_an_open_case_in_progress(session, add_client):
    """Recording advice on an open case moves it to "in progress"."""
    _client, case = add_client()
    add_consultation(
        session=session,
        consultation_in=ConsultationCreate(
            case_id=case.id, held_on=TODAY, channel="phone", rule_ids=["ru-registration-uz-2021"]
        ),
    )
    assert get_case(session=session, case_id=case.id).status == "in_progress"


def test_a_referral_marks_the_case_referred(session, add_client):
    """Referring to a contact from the rule data keeps its rule id and name."""
    _client, case = add_client()
    referral = add_referral(
        session=session,
        referral_in=ReferralCreate(
            case_id=case.id,
            to_name="Migrant hotline",
            to_rule_id="ru-contact-hotline",
            referred_on=TODAY,
        ),
    )
    assert (referral.to_rule_id, referral.status) == ("ru-contact-hotline", "sent")
    assert get_case(session=session, case_id=case.id).status == "referred"


def test_the_case_view_has_everything_newest_consultation_first(session, add_client):
    """The detail read model holds client, categories and consultations newest first."""
    _client, case = add_client("Асанбеков Нурлан", citizenship="KG")
    update_case(
        session=session,
        case_id=case.id,
        case_in=CaseUpdate(categories=["unpaid_wages", "registration"]),
    )
    for days_ago, summary in ((10, "older"), (1, "newer")):
        add_consultation(
            session=session,
            consultation_in=ConsultationCreate(
                case_id=case.id,
                held_on=TODAY - timedelta(days=days_ago),
                channel="in_person",
                summary=summary,
            ),
        )
    detail = get_case_detail(session=session, case_id=case.id)
    assert detail.client.name_latin == "Asanbekov Nurlan"
    assert detail.case.categories == ["registration", "unpaid_wages"]
    assert [c.summary for c in detail.consultations] == ["newer", "older"]


@pytest.mark.parametrize(
    "change",
    [
        {"categories": ["space_travel"]},
        {"destination": "ZX"},
        {"outcome": "great"},
    ],
)
def test_unknown_codes_in_a_case_are_refused(session, add_client, change):
    """Categories, destinations and outcomes come from fixed lists."""
    _client, case = add_client()
    with pytest.raises(UserError):
        update_case(session=session, case_id=case.id, case_in=CaseUpdate(**change))


def test_nothing_can_be_added_to_a_closed_case(session, add_client):
    """Consultations and follow-ups need the case reopened first."""
    _client, case = add_client()
    close_case(session=session, case_id=case.id)
    with pytest.raises(UserError, match="reopen"):
        add_follow_ups(session, case.id, [(TODAY, "call", None)])
