"""The audit trail records every kind of action, can only grow, and coordinators read it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.exc import DBAPIError

from db.schemas import CaseCreate, ClientCreate, ClientUpdate
from desktop.cases.audit_log import AuditFilter, list_audit
from desktop.security.permissions import PermissionDenied


def test_view_create_update_delete_and_export_are_each_recorded(session, accounts, as_actor):
    """Anna's actions appear under her account name, each with its record."""
    from desktop.cases.caseops import get_case_detail, open_case
    from desktop.cases.clients import create_client, update_client
    from desktop.cases.deletion import delete_record
    from desktop.cases.transfer import export_log

    as_actor(accounts["anna"])
    client = create_client(
        session=session, client_in=ClientCreate(full_name="Karimov Alisher", citizenship="UZ")
    )
    case = open_case(
        session=session, case_in=CaseCreate(client_id=client.id, opened_on=date.today())
    )
    update_client(
        session=session, client_id=client.id, client_in=ClientUpdate(phone="+998901112233")
    )
    get_case_detail(session=session, case_id=case.id)
    delete_record(session=session, kind="case", record_id=case.id)
    session.commit()
    as_actor(accounts["admin"])
    export_log(session=session)
    session.commit()
    as_actor(accounts["coord"])
    lines = {
        (e.who, e.action, e.record_type, e.record_id)
        for e in list_audit(session=session, limit=100)
    }
    for expected in [
        ("anna", "create", "client", str(client.id)),
        ("anna", "create", "case", str(case.id)),
        ("anna", "update", "client", str(client.id)),
        ("anna", "view", "case", str(case.id)),
        ("anna", "delete", "case", str(case.id)),
        ("admin", "export", "log", "all"),
    ]:
        assert expected in lines
    [update] = list_audit(session=session, filters=AuditFilter(action="update", who="anna"))
    assert update.detail == "phone" and "998" not in update.detail


def test_the_audit_trail_cannot_be_changed_or_deleted(session, accounts):
    """The database itself refuses UPDATE and DELETE on the trail."""
    for sql in ("UPDATE audit_event SET who = 'someone else'", "DELETE FROM audit_event"):
        with pytest.raises(DBAPIError, match="cannot be changed"):
            session.connection().exec_driver_sql(sql)
        session.rollback()


def test_counsellors_cannot_read_the_audit_trail(session, accounts, as_actor):
    """Reading it needs the coordinator or administrator role."""
    as_actor(accounts["anna"])
    with pytest.raises(PermissionDenied):
        list_audit(session=session)
