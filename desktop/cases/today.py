"""The Today workspace's lists: follow-ups due today, overdue, or all still open.

Only active follow-ups appear (not done, not deleted, on an open case that is not deleted);
``follow_up.active`` is kept up to date by the services, so these lists and their counts
read one index rather than joining every case.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from desktop.cases.base import today
from desktop.cases.lists import _date
from desktop.cases.rows import FollowUpRow
from desktop.cases.visibility import PARAM, case_condition, scope_user
from desktop.errors import UserError
from desktop.i18n import gettext as _
from desktop.security.permissions import Permission, requires

FOLLOW_UP_VIEWS = ("due_today", "overdue", "open")

_FOLLOW_UP_FROM = (
    " FROM follow_up AS f JOIN case_file AS c ON c.id = f.case_id"
    " JOIN client AS k ON k.id = c.client_id WHERE f.active = 1"
)


def _follow_up_where(
    view: str, on: date | None, counsellor: str | None, user: str | None = None
) -> tuple[str, dict[str, Any]]:
    if view not in FOLLOW_UP_VIEWS:
        raise UserError(
            _("Unknown list {view!r}; choose one of: {views}.").format(
                view=view, views=", ".join(FOLLOW_UP_VIEWS)
            )
        )
    params: dict[str, Any] = {"on": (on or today()).isoformat()}
    sql = {"due_today": " AND f.due_on = :on", "overdue": " AND f.due_on < :on", "open": ""}[view]
    if counsellor:
        sql += " AND c.counsellor = :counsellor"
        params["counsellor"] = counsellor
    if user is not None:
        sql += f" AND {case_condition('c')}"
        params[PARAM] = user
    return sql, params


@requires(Permission.CASES_READ)
def list_follow_ups(
    *,
    session: Session,
    view: str = "due_today",
    on: date | None = None,
    counsellor: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[FollowUpRow]:
    """Open follow-ups of open cases: ``due_today``, ``overdue`` (before ``on``) or all ``open``."""
    where, params = _follow_up_where(view, on, counsellor, scope_user(session))
    sql = (
        "SELECT f.id, f.case_id, c.client_id, k.full_name, k.name_latin, f.due_on, f.what,"
        f" f.rule_id, c.counsellor{_FOLLOW_UP_FROM}{where}"
        " ORDER BY f.due_on, f.id LIMIT :limit OFFSET :offset"
    )
    rows = (
        session.connection().execute(text(sql), {**params, "limit": limit, "offset": offset}).all()
    )
    return [
        FollowUpRow(
            follow_up_id=r[0],
            case_id=r[1],
            client_id=r[2],
            name=r[3],
            name_latin=r[4],
            due_on=_date(r[5]) or date.min,
            what=r[6],
            rule_id=r[7],
            counsellor=r[8],
        )
        for r in rows
    ]


@requires(Permission.CASES_READ)
def count_follow_ups(
    *,
    session: Session,
    view: str = "due_today",
    on: date | None = None,
    counsellor: str | None = None,
) -> int:
    """How many follow-ups a view holds ("12 follow-ups due today" in the status bar)."""
    user = scope_user(session)
    where, params = _follow_up_where(view, on, counsellor, user)
    joined = counsellor or user is not None
    source = _FOLLOW_UP_FROM if joined else " FROM follow_up AS f WHERE f.active = 1"
    sql = f"SELECT count(*){source}{where}"
    return int(session.connection().execute(text(sql), params).scalar() or 0)
