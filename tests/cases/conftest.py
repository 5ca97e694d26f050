"""Fixtures for the case-log service tests: a migrated SQLite file per test, and helpers."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session

from db.schemas import CaseCreate, ClientCreate
from desktop.cases.caseops import open_case
from desktop.cases.clients import create_client
from desktop.cases.storage import open_log


@pytest.fixture
def engine(tmp_path):
    """An engine on a fresh case log, opened the way the app opens it."""
    eng = open_log(str(tmp_path / "cases.sqlite3"))
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine):
    """A session the test commits itself where persistence matters."""
    with Session(engine, expire_on_commit=False) as s:
        yield s


@pytest.fixture
def add_client(session):
    """Create a client (and by default a case) with sensible defaults; returns (client, case)."""

    def _add(name: str = "Каримов Алишер", *, case: bool = True, **fields):
        fields.setdefault("citizenship", "UZ")
        client = create_client(
            session=session, client_in=ClientCreate(full_name=name, **fields), who="test"
        )
        opened = None
        if case:
            opened = open_case(
                session=session,
                case_in=CaseCreate(client_id=client.id, destination="RU", opened_on=date.today()),
                who="test",
            )
        session.commit()
        return client, opened

    return _add
