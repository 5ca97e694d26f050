"""Delete and undo: nothing in the case log is erased, a delete only hides the record.

:func:`delete_record` marks a record deleted and :func:`restore_record` brings it back (the
"undo" of the interface); both are in the audit trail, and both keep the derived data (search
index, next due dates, active follow-ups) in step.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from db.models import CaseFile, Client, Consultation, FollowUp, Referral, Trip
from desktop.cases.base import audit, get_live, now
from desktop.cases.caseops import refresh_next_due
from desktop.cases.search import index_client
from desktop.errors import UserError
from desktop.i18n import N_
from desktop.i18n import gettext as _
from desktop.security.permissions import Permission, requires

#: Record kinds that can be deleted and restored, with the label used in messages.
KINDS: dict[str, tuple[Any, str]] = {
    "client": (Client, N_("client")),
    "case": (CaseFile, N_("case")),
    "consultation": (Consultation, N_("consultation")),
    "follow_up": (FollowUp, N_("follow-up")),
    "trip": (Trip, N_("trip")),
    "referral": (Referral, N_("referral")),
}


def _after_visibility_change(session: Session, kind: str, row: Any) -> None:
    if kind == "client":
        index_client(session, row)
        cases = session.exec(select(CaseFile.id).where(CaseFile.client_id == row.id)).all()
        for case_id in cases:
            refresh_next_due(session, int(case_id or 0))
    elif kind == "case":
        refresh_next_due(session, row.id)
    elif kind == "follow_up":
        refresh_next_due(session, row.case_id)


def _client_cases(session: Session, client_id: int, deleted_at: datetime | None) -> list[CaseFile]:
    condition = (
        col(CaseFile.deleted_at).is_(None)
        if deleted_at is None
        else col(CaseFile.deleted_at) == deleted_at
    )
    return list(session.exec(select(CaseFile).where(CaseFile.client_id == client_id, condition)))


@requires(Permission.CASES_DELETE)
def delete_record(*, session: Session, kind: str, record_id: int, who: str | None = None) -> None:
    """Mark a record deleted: it disappears from lists and search, and can be restored.

    Deleting a client deletes their cases with the same time stamp, so that restoring the
    client brings back exactly those cases (and not one deleted separately before).
    """
    model, label = _kind(kind)
    row = get_live(session, model, record_id, _(label))
    stamp = now()
    row.deleted_at = stamp
    session.add(row)
    if kind == "client":
        for case in _client_cases(session, record_id, None):
            case.deleted_at = stamp
            session.add(case)
            audit(
                session,
                who=who,
                record_type="case",
                record_id=case.id,
                action="delete",
                detail="with client",
            )
    _after_visibility_change(session, kind, row)
    audit(session, who=who, record_type=kind, record_id=record_id, action="delete")


@requires(Permission.CASES_DELETE)
def restore_record(*, session: Session, kind: str, record_id: int, who: str | None = None) -> None:
    """Undo a delete (a client comes back with the cases deleted along with them)."""
    model, label = _kind(kind)
    row = session.get(model, record_id)
    if row is None or row.deleted_at is None:
        raise UserError(
            _("There is no deleted {what} with the number {id}.").format(
                what=_(label), id=record_id
            )
        )
    from desktop.cases.visibility import ensure_visible

    ensure_visible(session, row)
    if kind == "case":
        get_live(session, Client, row.client_id, _("client"))
    if kind == "client":
        for case in _client_cases(session, record_id, row.deleted_at):
            case.deleted_at = None
            session.add(case)
            audit(
                session,
                who=who,
                record_type="case",
                record_id=case.id,
                action="restore",
                detail="with client",
            )
    row.deleted_at = None
    session.add(row)
    _after_visibility_change(session, kind, row)
    audit(session, who=who, record_type=kind, record_id=record_id, action="restore")


def _kind(kind: str) -> tuple[Any, str]:
    if kind not in KINDS:
        raise UserError(_("Unknown kind of record {kind!r}.").format(kind=kind))
    return KINDS[kind]
