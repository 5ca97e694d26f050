"""Accounts: Argon2id hashes, the first administrator, signing in, the last administrator."""

from __future__ import annotations

import pytest
from sqlmodel import select

from desktop.errors import UserError
from desktop.security.accounts import (
    SignInFailed,
    authenticate,
    create_account,
    create_first_administrator,
    set_active,
    set_roles,
)
from desktop.security.permissions import PermissionDenied
from tests.security.conftest import PASSWORD


def test_the_first_account_must_be_an_administrator(session):
    """A first account without the administrator role would lock everyone out of management."""
    with pytest.raises(UserError, match="administrator"):
        create_account(session=session, username="anna", password=PASSWORD, roles={"counsellor"})


def test_the_first_administrator_is_also_coordinator_and_stored_hashed(session):
    """Argon2id hash, never the password; roles administrator and coordinator."""
    from db.models import UserAccount

    account = create_first_administrator(session=session, username="Admin", password=PASSWORD)
    assert account.username == "admin" and account.roles == ["coordinator", "administrator"]
    row = session.exec(select(UserAccount)).one()
    assert row.password_hash.startswith("$argon2id$") and PASSWORD not in row.password_hash


def test_signing_in_checks_the_password_and_is_audited(session, accounts):
    """A wrong password and an unknown name get the same refusal; a sign-in is recorded."""
    from desktop.cases.base import history

    with pytest.raises(SignInFailed) as wrong:
        authenticate(session=session, username="anna", password="nope-nope")
    with pytest.raises(SignInFailed) as unknown:
        authenticate(session=session, username="nobody", password=PASSWORD)
    assert str(wrong.value) == str(unknown.value)
    actor = authenticate(session=session, username="ANNA", password=PASSWORD)
    assert actor.username == "anna" and actor.roles == {"counsellor"}
    assert "login" in [e.action for e in history(session, record_type="user", record_id="anna")]


def test_only_administrators_manage_accounts_and_the_last_one_stays(session, accounts, as_actor):
    """A coordinator cannot add accounts; the only administrator can neither lose the role nor
    be disabled; a disabled account cannot sign in."""
    as_actor(accounts["coord"])
    with pytest.raises(PermissionDenied):
        create_account(session=session, username="new", password=PASSWORD, roles={"counsellor"})
    session.rollback()
    as_actor(accounts["admin"])
    with pytest.raises(UserError, match="last administrator"):
        set_roles(session=session, username="admin", roles={"coordinator"})
    with pytest.raises(UserError, match="last administrator"):
        set_active(session=session, username="admin", active=False)
    set_active(session=session, username="bekzod", active=False)
    session.commit()
    with pytest.raises(SignInFailed):
        authenticate(session=session, username="bekzod", password=PASSWORD)


def test_users_command_adds_accounts_and_then_requires_signing_in(capsys, tmp_path, monkeypatch):
    """``users add`` makes the first administrator without signing in, later ones only as one."""
    from desktop.cli import main

    db = str(tmp_path / "log.sqlite3")
    monkeypatch.setenv("MIGRANT_DESK_NEW_PASSWORD", PASSWORD)
    assert main(["--db", db, "users", "add", "boss", "--role", "administrator"]) == 0
    code = main(["--db", db, "users", "add", "anna", "--role", "counsellor"])
    assert code == 1  # who is asking? (no --user)
    monkeypatch.setenv("MIGRANT_DESK_PASSWORD", PASSWORD)
    assert main(["--db", db, "users", "add", "anna", "--role", "counsellor", "--user", "boss"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "users", "list", "--json", "--user", "boss"]) == 0
    out = capsys.readouterr().out
    assert '"anna"' in out and "password" not in out
