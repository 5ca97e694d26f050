"""Roles: each role's forbidden actions are refused by the services, and not offered."""

from __future__ import annotations

from datetime import date

import pytest

from db.schemas import CaseCreate, ClientCreate
from desktop.security.permissions import (
    ADMINISTRATOR,
    COORDINATOR,
    COUNSELLOR,
    ROLES,
    Actor,
    Permission,
    PermissionDenied,
    permission_of,
    require,
)

P = Permission


def _services():
    """(service, permission it must need, keyword arguments that would otherwise work)."""
    from desktop.cases import (
        caseops,
        clients,
        deletion,
        lists,
        local_rules,
        research,
        retention,
        search,
        stats,
        today,
        transfer,
    )
    from desktop.cases.audit_log import list_audit
    from desktop.security import accounts

    return [
        (clients.create_client, P.CASES_WRITE,
         {"client_in": ClientCreate(full_name="Test Client", citizenship="UZ")}),
        (search.search_cases, P.CASES_READ, {"query": "test"}),
        (lists.list_cases, P.CASES_READ, {}),
        (today.list_follow_ups, P.CASES_READ, {}),
        (caseops.get_case_detail, P.CASES_READ, {"case_id": 1}),
        (deletion.delete_record, P.CASES_DELETE, {"kind": "case", "record_id": 1}),
        (stats.case_stats, P.STATS_READ, {}),
        (research.pseudonymised_export, P.RESEARCH_EXPORT, {}),
        (transfer.export_log, P.LOG_EXPORT, {}),
        (retention.erase_client, P.CASES_ERASE, {"client_id": 1}),
        (retention.apply_retention, P.RETENTION_RUN, {"dry_run": True}),
        (list_audit, P.AUDIT_READ, {}),
        (accounts.list_accounts, P.USERS_MANAGE, {}),
        (local_rules.delete_local_rule, P.RULES_LOCAL, {"id": "local-x", "who": None}),
    ]  # fmt: skip


def _case(session):
    from desktop.cases.caseops import open_case
    from desktop.cases.clients import create_client

    client = create_client(
        session=session, client_in=ClientCreate(full_name="Test Client", citizenship="UZ")
    )
    case = open_case(session=session, case_in=CaseCreate(client_id=client.id))
    session.commit()
    return case


def test_every_service_declares_the_permission_it_needs():
    """The thin layer (Desk.call, the CLI) reads the same permission the service checks."""
    for service, permission, _ in _services():
        assert permission_of(service) == permission, service.__name__


@pytest.mark.parametrize("role", [COUNSELLOR, COORDINATOR, ADMINISTRATOR])
def test_each_roles_forbidden_services_are_refused_by_the_service_itself(
    session, accounts, as_actor, role
):
    """Called directly with an actor of the role, every service outside it raises
    PermissionDenied; those inside it are let through the check."""
    _case(session)
    actor = Actor(name=role, username=f"x-{role}", roles=frozenset({role}))
    as_actor(actor)
    for service, permission, kwargs in _services():
        if permission in ROLES[role]:
            continue
        with pytest.raises(PermissionDenied, match="may not"):
            service(session=session, **kwargs)
        session.rollback()


def test_role_table():
    """The table of the issue: counsellors cases only, coordinators all cases and statistics,
    administrators users, settings and backups but no case data."""
    assert P.CASES_ALL not in ROLES[COUNSELLOR] and P.STATS_READ not in ROLES[COUNSELLOR]
    assert {P.CASES_ALL, P.STATS_READ, P.RULES_LOCAL, P.LEAFLETS_BATCH, P.AUDIT_READ} <= ROLES[
        COORDINATOR
    ]
    assert {P.USERS_MANAGE, P.SETTINGS_WRITE, P.LOG_BACKUP} <= ROLES[ADMINISTRATOR]
    assert P.CASES_READ not in ROLES[ADMINISTRATOR]
    with pytest.raises(PermissionDenied, match="administrator"):
        require(Actor(name="a", roles=frozenset({COUNSELLOR})), P.USERS_MANAGE)


def test_a_counsellor_sees_own_shared_and_team_cases_only(session, accounts, as_actor):
    """Anna's case is hidden from Bekzod until she shares it; a case without owner is the team's."""
    from desktop.cases.caseops import get_case_detail, open_case, share_case
    from desktop.cases.clients import create_client
    from desktop.cases.lists import count_cases
    from desktop.cases.search import search_cases

    team = _case(session)  # made by the system: no owner
    as_actor(accounts["anna"])
    client = create_client(
        session=session, client_in=ClientCreate(full_name="Rahimova Dilnoza", citizenship="TJ")
    )
    annas = open_case(session=session, case_in=CaseCreate(client_id=client.id))
    session.commit()
    assert count_cases(session=session) == 2
    as_actor(accounts["bekzod"])
    assert count_cases(session=session) == 1
    assert search_cases(session=session, query="rahimova").results == []
    with pytest.raises(PermissionDenied):
        get_case_detail(session=session, case_id=annas.id)
    session.rollback()
    assert get_case_detail(session=session, case_id=team.id).case.id == team.id
    session.commit()
    as_actor(accounts["bekzod"])
    with pytest.raises(PermissionDenied):
        share_case(session=session, case_id=annas.id, username="bekzod")
    session.rollback()
    as_actor(accounts["anna"])
    share_case(session=session, case_id=annas.id, username="bekzod")
    session.commit()
    as_actor(accounts["bekzod"])
    assert [h.case_id for h in search_cases(session=session, query="rahimova").results] == [
        annas.id
    ]
    assert count_cases(session=session) == 2
    as_actor(accounts["coord"])
    assert count_cases(session=session) == 2


def test_a_hidden_clients_duplicate_warning_names_nobody(session, accounts, as_actor):
    """The duplicate check tells a counsellor there is a match, not whose."""
    from desktop.cases.clients import create_client, find_likely_duplicates

    as_actor(accounts["anna"])
    create_client(
        session=session,
        client_in=ClientCreate(
            full_name="Rahimova Dilnoza", citizenship="TJ", phone="992901112233"
        ),
    )
    session.commit()
    as_actor(accounts["bekzod"])
    [dup] = find_likely_duplicates(
        session, ClientCreate(full_name="Someone", citizenship="TJ", phone="+992 90 111 22 33")
    )
    assert "Rahimova" not in dup.full_name and dup.birth_date is None


def test_the_desk_refuses_before_the_transaction_and_tells_the_window_what_to_offer(
    tmp_path, accounts, engine, log_path
):
    """Desk.can hides actions; Desk.call refuses a forbidden service with PermissionDenied."""
    from desktop.cases.stats import case_stats
    from desktop.desk import Desk

    desk = Desk(db_url=str(log_path), key=cipher_key(log_path))
    try:
        desk.actor = accounts["anna"]
        assert desk.can(P.CASES_WRITE) and not desk.can(P.STATS_READ)
        with pytest.raises(PermissionDenied):
            desk.call(case_stats)
        with pytest.raises(PermissionDenied):
            desk.backup(tmp_path / "b.sqlite3")
        desk.actor = accounts["admin"]
        assert not desk.can(P.CASES_READ)
        with pytest.raises(PermissionDenied):
            desk.search("karimov")
        assert desk.backup(tmp_path / "b.sqlite3").exists()
    finally:
        desk.close()


def cipher_key(path):
    from db import cipher
    from tests.security.conftest import PASSPHRASE

    return cipher.key_for_file(path, PASSPHRASE)


def test_the_command_line_signs_in_once_accounts_exist(capsys, engine, log_path, accounts,
                                                      monkeypatch):  # fmt: skip
    """With accounts, a command needs --user and the password; the role decides the rest."""
    from desktop.cli import main
    from tests.security.conftest import PASSPHRASE, PASSWORD

    engine.dispose()
    monkeypatch.setenv("MIGRANT_DESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("MIGRANT_DESK_USER", raising=False)
    db = str(log_path)

    def run(*argv):
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    code, _, err = run("--db", db, "cases", "list")
    assert code == 1 and err.count("\n") == 1 and "--user" in err
    monkeypatch.setenv("MIGRANT_DESK_PASSWORD", "wrong password")
    code, _, err = run("--db", db, "cases", "list", "--user", "anna")
    assert code == 1 and "not right" in err
    monkeypatch.setenv("MIGRANT_DESK_PASSWORD", PASSWORD)
    assert run("--db", db, "cases", "list", "--user", "anna")[0] == 0
    code, _, err = run("--db", db, "cases", "stats", "--user", "anna")
    assert code == 1 and "may not" in err
    assert run("--db", db, "cases", "stats", "--user", "coord")[0] == 0
    code, _, err = run("--db", db, "db", "backup", str(log_path.parent / "b.db"), "--user", "coord")
    assert code == 1 and "may not" in err
    assert run("--db", db, "db", "backup", str(log_path.parent / "b.db"), "--user", "admin")[0] == 0
    monkeypatch.setenv("MIGRANT_DESK_USER", "coord")
    code, out, _ = run("--db", db, "audit", "list", "--json")
    assert code == 0 and '"events"' in out


def test_no_accounts_means_the_local_administrator(session):
    """A log without accounts (scripts, tests): the command line may do everything."""
    from desktop.security.accounts import count_accounts

    assert count_accounts(session) == 0
    assert Actor.local("me").can(P.USERS_MANAGE) and Actor.local("me").can(P.CASES_ALL)


def test_today_is_limited_for_counsellors(session, accounts, as_actor):
    """Follow-ups of other counsellors' cases do not appear in Today."""
    from db.schemas import FollowUpCreate
    from desktop.cases.caseops import open_case
    from desktop.cases.clients import create_client
    from desktop.cases.records import add_follow_up
    from desktop.cases.today import count_follow_ups, list_follow_ups

    as_actor(accounts["anna"])
    client = create_client(
        session=session, client_in=ClientCreate(full_name="Anna's Client", citizenship="UZ")
    )
    case = open_case(session=session, case_in=CaseCreate(client_id=client.id))
    add_follow_up(
        session=session,
        follow_up_in=FollowUpCreate(case_id=case.id, due_on=date.today(), what="call back"),
    )
    session.commit()
    assert count_follow_ups(session=session) == 1
    as_actor(accounts["bekzod"])
    assert count_follow_ups(session=session) == 0
    assert list_follow_ups(session=session) == []
