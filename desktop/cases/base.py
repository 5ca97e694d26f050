"""Small pieces every case-log service shares: clock, actor, lists in text, lookups, audit.

The audit trail lives here because every create, update, delete and export writes to it, in
the same transaction as the change itself: a change without its audit line cannot be
committed, and neither can an audit line without its change. Audit details name fields and
status codes, never values, so the trail itself holds no personal data.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlmodel import Session, SQLModel, select

from db.models import AuditEvent
from db.schemas import AuditEventRead
from desktop.errors import UserError
from desktop.i18n import gettext as _
from desktop.security.permissions import current_actor

RowT = TypeVar("RowT", bound=SQLModel)


def now() -> datetime:
    """The current time in UTC (stored times are always UTC)."""
    return datetime.now(UTC)


def today() -> date:
    """Today's date on this computer: what "due today" means to the counsellor at it."""
    return date.today()


def actor(who: str | None) -> str:
    """Who is acting: the name given, else ``MIGRANT_DESK_USER``, else the login name."""
    if who and who.strip():
        return who.strip()
    env = os.environ.get("MIGRANT_DESK_USER", "").strip()
    if env:
        return env
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def join_codes(values: Iterable[str]) -> str:
    """Store a list of codes (languages, scopes, rule ids) as comma-separated text."""
    return ",".join(dict.fromkeys(v.strip() for v in values if v and v.strip()))


def split_codes(text: str | None) -> list[str]:
    """The list back from its stored text."""
    return [part for part in (text or "").split(",") if part]


def get_live(session: Session, model: type[RowT], record_id: Any, label: str) -> RowT:
    """The row with this id that has not been deleted, or a ``UserError`` naming what is missing.

    A counsellor gets only records of their own and shared cases; any other is refused
    (``PermissionDenied``), which makes every service that opens a record by number safe.
    """
    from desktop.cases.visibility import ensure_visible

    row = session.get(model, record_id)
    if row is None or getattr(row, "deleted_at", None) is not None:
        raise UserError(
            _("There is no {what} with the number {id}.").format(what=label, id=record_id)
        )
    ensure_visible(session, row)
    return row


def owner(session: Session) -> str | None:
    """The account new clients and cases belong to (None: the whole team's)."""
    return current_actor(session).username


def write_connection(session: Session) -> Any:
    """The session's connection, taking SQLite's write lock at once if no transaction is open.

    A bulk writer (import, demo) that reads first and writes later could otherwise fail with
    "database is locked" when another writer got in between.
    """
    if session.in_transaction():
        return session.connection()
    return session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})


def audit(
    session: Session,
    *,
    who: str | None,
    record_type: str,
    record_id: Any,
    action: str,
    detail: str = "",
) -> None:
    """Add one line to the audit trail (flushed with the change it describes).

    A signed-in user is recorded by their account name whatever ``who`` says; ``who`` names
    the person only while the log has no accounts.
    """
    acting = current_actor(session)
    session.add(
        AuditEvent(
            at=now(),
            who=acting.username or actor(who),
            record_type=record_type,
            record_id=str(record_id),
            action=action,
            detail=detail,
        )
    )


def stamps() -> dict[str, Any]:
    """``created_at``/``updated_at`` for a new row."""
    stamp = now()
    return {"created_at": stamp, "updated_at": stamp}


def save_row(
    session: Session, row: Any, record_type: str, who: str | None, changed: list[str]
) -> None:
    """Write a new row (``changed`` empty) or a changed one, with its audit line."""
    if changed:
        row.updated_at = now()
    session.add(row)
    session.flush()
    action = "update" if changed else "create"
    detail = ", ".join(changed)
    audit(session, who=who, record_type=record_type, record_id=row.id, action=action, detail=detail)


def changed_fields(row: SQLModel, changes: dict[str, Any]) -> list[str]:
    """Apply ``changes`` to ``row`` and return the names of the fields that really changed."""
    changed = []
    for name, value in changes.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed.append(name)
    return changed


def history(
    session: Session, *, record_type: str, record_id: Any, views: bool = False
) -> list[AuditEventRead]:
    """A record's audit trail, oldest first; who merely looked at it only with ``views``."""
    query = select(AuditEvent).where(
        AuditEvent.record_type == record_type, AuditEvent.record_id == str(record_id)
    )
    if not views:
        query = query.where(AuditEvent.action != "view")
    rows = session.exec(query.order_by(AuditEvent.id)).all()  # type: ignore[arg-type]
    return [AuditEventRead.model_validate(row, from_attributes=True) for row in rows]
