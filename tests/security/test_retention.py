"""Retention anonymises exactly the clients whose cases all closed long enough ago; erasure."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text
from sqlmodel import select

from db.models import Client, Consultation
from db.schemas import CaseCreate, ClientCreate, ConsultationCreate
from desktop.cases.caseops import close_case, open_case
from desktop.cases.clients import create_client
from desktop.cases.deletion import delete_record
from desktop.cases.records import add_consultation
from desktop.cases.retention import apply_retention, cutoff_for, due_clients, erase_client
from desktop.cases.search import search_cases

TODAY = date.today()


def ago(years: int, days: int = 0) -> date:
    """The same day ``years`` ago, minus ``days``."""
    return cutoff_for(TODAY, years) - timedelta(days=days)


def _client(session, name, *, cases=(), made_up=False, born=date(1990, 5, 17)):
    """A client with cases given as ``(opened, closed or None)``."""
    client = create_client(
        session=session,
        client_in=ClientCreate(
            full_name=name, citizenship="UZ", birth_date=born, phone="+998 90 111 22 33",
            document_number="AA1234567", notes=f"notes about {name}", made_up=made_up,
        ),
    )  # fmt: skip
    for opened, closed in cases:
        case = open_case(
            session=session,
            case_in=CaseCreate(client_id=client.id, opened_on=opened, notes="case notes"),
        )
        add_consultation(
            session=session,
            consultation_in=ConsultationCreate(
                case_id=case.id, held_on=opened, channel="phone", summary=f"told {name}"
            ),
        )
        if closed:
            close_case(session=session, case_id=case.id, outcome="resolved", closed_on=closed)
    return client.id


@pytest.fixture
def people(session):
    """Clients on either side of the five-year line."""
    ids = {
        "old closed": _client(session, "Old Closed", cases=[(ago(9), ago(6))]),
        "all old": _client(session, "All Old", cases=[(ago(12), ago(11)), (ago(8), ago(5, 1))]),
        "one recent": _client(session, "One Recent", cases=[(ago(12), ago(11)), (ago(8), ago(5))]),
        "still open": _client(session, "Still Open", cases=[(ago(15), None)]),
        "made up": _client(session, "Made Up", cases=[(ago(15), ago(14))], made_up=True),
        "recent": _client(session, "Recent", cases=[(ago(2), ago(1))]),
    }
    session.commit()
    return ids


def test_exactly_the_clients_whose_cases_all_closed_before_the_cutoff_are_due(session, people):
    """A case closed on the cut-off day or later, an open case, or made-up data keep a client."""
    assert due_clients(session, on=TODAY, years=5) == [people["old closed"], people["all old"]]
    assert due_clients(session, on=TODAY, years=20) == []


def test_anonymising_removes_every_personal_detail_and_is_audited(session, people):
    """Name, phone, document and free text go; birth date to the quarter; search forgets them."""
    report = apply_retention(session=session, years=5, on=TODAY)
    session.commit()
    assert report.client_ids == [people["old closed"], people["all old"]]
    row = session.get(Client, people["old closed"])
    assert (row.full_name, row.phone, row.document_number, row.notes) == ("", None, None, "")
    assert row.birth_date == date(1990, 4, 1) and row.anonymised_at is not None
    assert row.citizenship == "UZ"  # still counted in statistics
    summaries = session.connection().execute(
        text("SELECT summary FROM consultation WHERE case_id IN"
             " (SELECT id FROM case_file WHERE client_id = :c)"), {"c": row.id}
    ).scalars().all()  # fmt: skip
    assert summaries == [""]
    assert search_cases(session=session, query="old closed").results == []
    assert search_cases(session=session, query="one recent").results
    events = (
        session.connection()
        .exec_driver_sql(
            "SELECT record_id, action, detail FROM audit_event WHERE action = 'anonymise'"
        )
        .all()
    )
    assert {e[0] for e in events} == {str(people["old closed"]), str(people["all old"])}
    assert apply_retention(session=session, years=5, on=TODAY).client_ids == []


def test_a_deleted_case_counts_from_its_deletion(session):
    """A case deleted (not closed) holds the client until the deletion is old enough."""
    client = _client(session, "Deleted Case", cases=[(ago(8), None)])
    case_id = session.exec(select(Consultation)).first().case_id
    delete_record(session=session, kind="case", record_id=case_id)
    session.commit()
    assert due_clients(session, on=TODAY, years=5) == []  # deleted today
    session.connection().exec_driver_sql(
        f"UPDATE case_file SET deleted_at = '{ago(6).isoformat()} 00:00:00.000000'"
    )
    assert due_clients(session, on=TODAY, years=5) == [client]


def test_erasure_on_request_anonymises_one_client_now(capsys, tmp_path, monkeypatch):
    """``cases erase ID`` removes that client's data, whatever their cases' state."""
    import json

    from desktop.cli import main

    db = str(tmp_path / "log.sqlite3")
    main(["--db", db, "cases", "add", "--name", "Erkinova Malika", "--citizen", "UZ",
          "--phone", "+998 93 000 11 22"])  # fmt: skip
    main(["--db", db, "cases", "add", "--name", "Other Person", "--citizen", "UZ"])
    capsys.readouterr()
    assert main(["--db", db, "cases", "erase", "1"]) == 0
    assert "erased" in capsys.readouterr().out
    main(["--db", db, "cases", "search", "erkinova", "--json"])
    assert json.loads(capsys.readouterr().out)["results"] == []
    main(["--db", db, "cases", "show", "1", "--json"])
    shown = json.loads(capsys.readouterr().out)
    assert shown["client"]["full_name"] == "" and shown["client"]["phone"] is None
    assert main(["--db", db, "cases", "erase", "1"]) == 1  # done already
    main(["--db", db, "audit", "list", "--action", "anonymise", "--json"])
    [event] = json.loads(capsys.readouterr().out)["events"]
    assert event["record_id"] == "1" and event["detail"] == "erasure on request"


def test_erasure_needs_the_coordinator_role(session, people, accounts, as_actor):
    """A counsellor cannot erase; a coordinator can."""
    from desktop.security.permissions import PermissionDenied

    as_actor(accounts["anna"])
    with pytest.raises(PermissionDenied):
        erase_client(session=session, client_id=people["recent"])
    session.rollback()
    as_actor(accounts["coord"])
    erase_client(session=session, client_id=people["recent"])
    session.commit()
    assert session.get(Client, people["recent"]).full_name == ""
