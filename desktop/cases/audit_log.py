"""Reading the audit trail (``audit list``, the accounts page): newest first, read only.

There is deliberately no service that changes or deletes an audit line, and the database
refuses it too (triggers of migration 0003). Lines name records by number and fields by
name; they never hold personal data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlmodel import Session, col, func, select

from db.models import AuditEvent
from db.schemas import AuditEventRead
from desktop.security.permissions import Permission, requires


@dataclass(frozen=True)
class AuditFilter:
    """What to show; fields left None do not filter. ``until`` is inclusive."""

    record_type: str | None = None
    record_id: str | None = None
    who: str | None = None
    action: str | None = None
    since: date | None = None
    until: date | None = None


def _query(filters: AuditFilter) -> Any:
    query = select(AuditEvent)
    if filters.record_type:
        query = query.where(AuditEvent.record_type == filters.record_type)
    if filters.record_id:
        query = query.where(AuditEvent.record_id == str(filters.record_id))
    if filters.who:
        query = query.where(AuditEvent.who == filters.who)
    if filters.action:
        query = query.where(AuditEvent.action == filters.action)
    if filters.since:
        query = query.where(col(AuditEvent.at) >= datetime.combine(filters.since, time.min))
    if filters.until:
        end = datetime.combine(filters.until + timedelta(days=1), time.min)
        query = query.where(col(AuditEvent.at) < end)
    return query


@requires(Permission.AUDIT_READ)
def list_audit(
    *,
    session: Session,
    filters: AuditFilter | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[AuditEventRead]:
    """One page of audit lines, newest first."""
    query = _query(filters or AuditFilter())
    rows = session.exec(query.order_by(col(AuditEvent.id).desc()).limit(limit).offset(offset)).all()
    return [AuditEventRead.model_validate(row, from_attributes=True) for row in rows]


@requires(Permission.AUDIT_READ)
def count_audit(*, session: Session, filters: AuditFilter | None = None) -> int:
    """How many audit lines the filter shows."""
    inner = _query(filters or AuditFilter()).subquery()
    return int(session.exec(select(func.count()).select_from(inner)).one())
