"""Whose cases a counsellor sees: their own, those shared with them, and the team's.

A case is *own* when its ``owner`` is the counsellor's account, *shared* when a row of
``case_share`` names them, and the *team's* when it has no owner (made before the log had
accounts, or by the local administrator). A client is visible through any visible case, or,
while they have no case at all, when the counsellor entered them (or nobody did).
Coordinators (``cases.all``) and the local administrator see everything: for them the
conditions below are empty.

Two ways in: SQL fragments for the lists and the search (:func:`case_condition`,
:func:`client_condition`, with the ``:scope_user`` parameter), and :func:`ensure_visible`,
which :func:`desktop.cases.base.get_live` runs on every record a service opens by number.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from db.models import CaseFile, Client, Trip
from desktop.i18n import gettext as _
from desktop.security.permissions import Permission, PermissionDenied, current_actor

PARAM = "scope_user"


def scope_user(session: Session) -> str | None:
    """The account whose cases are the limit, or None when the actor sees every case."""
    acting = current_actor(session)
    if acting.can(Permission.CASES_ALL):
        return None
    return acting.username or ""


def case_condition(alias: str = "c") -> str:
    """SQL true for a case the ``:scope_user`` may see."""
    return (
        f"({alias}.owner IS NULL OR {alias}.owner = :{PARAM} OR {alias}.id IN"
        f" (SELECT s.case_id FROM case_share AS s WHERE s.username = :{PARAM}))"
    )


def client_condition(alias: str = "k") -> str:
    """SQL true for a client the ``:scope_user`` may see."""
    return (
        f"(EXISTS (SELECT 1 FROM case_file AS vc WHERE vc.client_id = {alias}.id"
        f" AND {case_condition('vc')}) OR (NOT EXISTS (SELECT 1 FROM case_file AS vn"
        f" WHERE vn.client_id = {alias}.id) AND ({alias}.owner IS NULL"
        f" OR {alias}.owner = :{PARAM})))"
    )


def _true(session: Session, sql: str, params: dict[str, Any]) -> bool:
    return bool(session.connection().execute(text(sql), params).first())


def case_visible(session: Session, case_id: int, user: str) -> bool:
    """Whether ``user`` may see the case."""
    return _true(
        session,
        f"SELECT 1 FROM case_file AS c WHERE c.id = :id AND {case_condition()}",
        {"id": case_id, PARAM: user},
    )


def client_visible(session: Session, client_id: int, user: str) -> bool:
    """Whether ``user`` may see the client."""
    return _true(
        session,
        f"SELECT 1 FROM client AS k WHERE k.id = :id AND {client_condition()}",
        {"id": client_id, PARAM: user},
    )


def ensure_visible(session: Session, row: Any) -> None:
    """Refuse a record of a case the actor may not see (:class:`PermissionDenied`)."""
    user = scope_user(session)
    if user is None:
        return
    session.flush()
    if isinstance(row, CaseFile):
        ok = case_visible(session, int(row.id or 0), user)
    elif isinstance(row, Client):
        ok = client_visible(session, int(row.id or 0), user)
    elif isinstance(row, Trip):
        ok = client_visible(session, int(row.client_id), user)
    elif hasattr(row, "case_id"):
        ok = case_visible(session, int(row.case_id), user)
    else:
        return
    if not ok:
        raise PermissionDenied(
            _("This record belongs to a case that is neither yours nor shared with you.")
        )
