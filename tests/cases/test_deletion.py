"""Delete and undo: records are hidden, never erased, and come back with their derived data."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.cases.caseops import get_case
from desktop.cases.deletion import delete_record, restore_record
from desktop.cases.records import add_follow_ups
from desktop.cases.today import count_follow_ups
from desktop.errors import UserError

TODAY = date.today()


def test_a_deleted_follow_up_can_be_restored(session, add_client):
    """Deleting is undoable: the follow-up and the case's due date come back."""
    _client, case = add_client()
    [follow_up] = add_follow_ups(session, case.id, [(TODAY, "call back", None)])
    delete_record(session=session, kind="follow_up", record_id=follow_up.id)
    assert get_case(session=session, case_id=case.id).next_due_on is None
    restore_record(session=session, kind="follow_up", record_id=follow_up.id)
    assert get_case(session=session, case_id=case.id).next_due_on == TODAY
    with pytest.raises(UserError, match="no deleted"):
        restore_record(session=session, kind="follow_up", record_id=follow_up.id)


def test_an_unknown_kind_of_record_cannot_be_deleted(session):
    """Only the case log's own kinds of record can be deleted."""
    with pytest.raises(UserError, match="Unknown kind"):
        delete_record(session=session, kind="audit_event", record_id=1)


def test_deleting_a_case_takes_its_follow_ups_off_the_today_list(session, add_client):
    """A deleted case's follow-ups are not due; undo puts them back on the list."""
    _client, case = add_client()
    add_follow_ups(session, case.id, [(TODAY, "call back", None)])
    delete_record(session=session, kind="case", record_id=case.id)
    assert count_follow_ups(session=session, view="due_today") == 0
    restore_record(session=session, kind="case", record_id=case.id)
    assert count_follow_ups(session=session, view="due_today") == 1


def test_a_case_of_a_deleted_client_cannot_be_restored_alone(session, add_client):
    """Undoing a case delete while its client is deleted would show a case without a client."""
    client, case = add_client()
    delete_record(session=session, kind="case", record_id=case.id)
    delete_record(session=session, kind="client", record_id=client.id)
    with pytest.raises(UserError, match="client"):
        restore_record(session=session, kind="case", record_id=case.id)
