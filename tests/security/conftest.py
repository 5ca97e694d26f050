"""Fixtures for the security tests: cheap key derivation and password hashing, encrypted logs,
and accounts of each role."""

from __future__ import annotations

import pytest
from sqlmodel import Session

PASSPHRASE = "correct horse battery staple"
PASSWORD = "s3cret-password"


@pytest.fixture(autouse=True)
def fast_crypto(monkeypatch):
    """Argon2 at its cheapest: the tests check behaviour, not the cost (files stay valid within
    the test, which derives every key with the same parameters)."""
    from argon2 import PasswordHasher

    import db.cipher
    import desktop.security.accounts

    monkeypatch.setattr(db.cipher, "KDF", db.cipher.KdfParams(1, 8, 1))
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(desktop.security.accounts, "_hasher", lambda: cheap)


@pytest.fixture
def log_path(tmp_path):
    """Where the test's encrypted case log lives (inside the isolated data folder)."""
    folder = tmp_path / "user-data"
    folder.mkdir(exist_ok=True)
    return folder / "cases.sqlite3"


@pytest.fixture
def engine(log_path):
    """An encrypted case log made the way the app makes one."""
    from desktop.cases.storage import open_log

    eng = open_log(str(log_path), passphrase=PASSPHRASE)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine):
    with Session(engine, expire_on_commit=False) as s:
        yield s


@pytest.fixture
def accounts(session):
    """One account per role (and the first administrator), committed; returns their actors."""
    from desktop.security.accounts import authenticate, create_account

    roles = {
        "admin": {"administrator"},
        "coord": {"coordinator"},
        "anna": {"counsellor"},
        "bekzod": {"counsellor"},
    }
    for name, held in roles.items():
        create_account(session=session, username=name, password=PASSWORD, roles=held)
    session.commit()
    actors = {
        name: authenticate(session=session, username=name, password=PASSWORD) for name in roles
    }
    session.commit()
    return actors


@pytest.fixture
def as_actor(session):
    """Bind an actor to the test's session: ``as_actor(actor)``."""
    from desktop.security.permissions import bind_actor

    def _bind(actor):
        bind_actor(session, actor)
        return session

    yield _bind
    bind_actor(session, None)
