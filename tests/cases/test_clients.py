"""Clients: what the intake form accepts, refuses, changes, deletes and restores."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import Session

from db.schemas import ClientCreate, ClientUpdate
from desktop.cases.base import history
from desktop.cases.clients import create_client, get_client, update_client
from desktop.cases.lists import count_cases
from desktop.cases.records import delete_record, restore_record
from desktop.cases.search import search_cases
from desktop.errors import UserError


def test_a_new_client_gets_a_latin_name_and_a_line_in_the_audit_trail(session):
    """The name is kept as written, its Latin form computed, and the creation audited."""
    client = create_client(
        session=session,
        client_in=ClientCreate(
            full_name="  Раҳимов   Ҷамшед ",
            citizenship="tj",
            languages=["tg", "ru"],
            consent_given=True,
            consent_scope=["advice", "statistics"],
        ),
        who="Counsellor A",
    )
    assert client.full_name == "Раҳимов Ҷамшед"
    assert client.name_latin == "Rahimov Jamshed"
    assert client.citizenship == "TJ"
    assert client.languages == ["tg", "ru"]
    assert client.consent_date == date.today()
    [event] = history(session=session, record_type="client", record_id=client.id)
    assert (event.who, event.action) == ("Counsellor A", "create")


@pytest.mark.parametrize(
    ("fields", "message_part"),
    [
        ({"full_name": "   "}, "name"),
        ({"citizenship": "XY"}, "XY"),
        ({"citizenship": ""}, "citizenship"),
        ({"birth_date": date.today() + timedelta(days=1)}, "future"),
        ({"birth_date": date(1990, 5, 1), "birth_year": 1991}, "birth year"),
        ({"birth_year": 1850}, "birth year"),
        ({"consent_scope": ["advice"]}, "consent"),
        ({"phone": "12"}, "phone"),
        ({"languages": ["klingon"]}, "language"),
        ({"sex": "unknown"}, "sex"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(session, fields, message_part):
    """Each mistake gets a sentence naming the field, and nothing is stored."""
    data = {"full_name": "Каримов Алишер", "citizenship": "UZ"} | fields
    with pytest.raises(UserError, match=message_part):
        create_client(session=session, client_in=ClientCreate(**data))
    session.rollback()
    assert search_cases(session=session, query="Karimov").results == []


def test_error_messages_never_repeat_personal_data(session):
    """A refused birth date or phone number is not echoed back (errors end up in reports)."""
    future = date.today() + timedelta(days=400)
    for fields in ({"birth_date": future}, {"phone": "+7 1"}):
        with pytest.raises(UserError) as info:
            create_client(
                session=session,
                client_in=ClientCreate(full_name="Секретов Тайный", citizenship="KG", **fields),
            )
        message = str(info.value)
        assert (
            "Секретов" not in message
            and future.isoformat() not in message
            and "+7 1" not in message
        )


def test_an_update_changes_only_the_given_fields_and_audits_their_names(session, add_client):
    """Unset fields stay; the audit trail says which fields changed, never their values."""
    client, _case = add_client(phone="+998 90 111 22 33", notes="first visit")
    updated = update_client(
        session=session,
        client_id=client.id,
        client_in=ClientUpdate(full_name="Каримов Алишер Рустамович", phone="+998 90 999 88 77"),
        who="Counsellor B",
    )
    assert updated.notes == "first visit"
    assert updated.name_latin == "Karimov Alisher Rustamovich"
    event = history(session=session, record_type="client", record_id=client.id)[-1]
    assert event.action == "update" and event.detail == "full_name, phone"
    assert "999" not in event.detail


def test_a_deleted_client_disappears_and_undo_brings_back_their_cases(session, add_client):
    """Delete hides the client, their cases and search hits; restore undoes all of it."""
    client, _case = add_client("Юсупова Дильноза")
    delete_record(session=session, kind="client", record_id=client.id)
    session.commit()
    assert search_cases(session=session, query="Yusupova").results == []
    assert count_cases(session=session) == 0
    with pytest.raises(UserError):
        get_client(session=session, client_id=client.id)
    restore_record(session=session, kind="client", record_id=client.id)
    session.commit()
    assert [h.client_id for h in search_cases(session=session, query="Yusupova").results] == [
        client.id
    ]
    assert count_cases(session=session) == 1


def test_read_models_are_detached_copies(engine, add_client):
    """A read model outlives its session, and changing it changes nothing stored."""
    client, _case = add_client("Назаров Фаррух")
    with Session(engine) as other:
        copy = get_client(session=other, client_id=client.id)
    copy.full_name = "Someone Else"
    with Session(engine) as other:
        assert get_client(session=other, client_id=client.id).full_name == "Назаров Фаррух"
