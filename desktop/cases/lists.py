"""The lists the Cases and Today workspaces page through: cases and follow-ups.

Both are read page by page (``limit``/``offset``) so that a table model can fetch lazily, and
both are plain SQL over indexed columns so that the first page of 100 000 cases comes back in
a few milliseconds. Rows are small frozen dataclasses: what a table shows, nothing more.
Deleted records, and everything of a deleted client, never appear (deleting a client deletes
their cases with them, so the case table alone says what is visible).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from desktop.cases import vocab
from desktop.cases.rows import CaseRow, case_rows
from desktop.cases.validation import choice
from desktop.cases.visibility import PARAM, scope_user
from desktop.errors import UserError
from desktop.i18n import gettext as _
from desktop.security.permissions import Permission, requires


@dataclass(frozen=True)
class CaseFilter:
    """What to show; every field left None does not filter.

    ``due_before`` keeps cases whose next open follow-up is due before that day (not on it);
    ``due_on`` those whose next follow-up is due on that very day.
    """

    status: str | None = None
    category: str | None = None
    counsellor: str | None = None
    destination: str | None = None
    citizenship: str | None = None
    due_before: date | None = None
    due_on: date | None = None
    client_id: int | None = None


#: Sort keys a list accepts, and the columns they sort by (ties broken by case number).
CASE_SORTS = {
    "next_due": "c.next_due_on",
    "opened": "c.opened_on",
    "status": "c.status",
    "name": "k.name_latin",
    "citizenship": "k.citizenship",
    "destination": "c.destination",
    "counsellor": "c.counsellor",
    "id": "c.id",
}

_CASE_COLUMNS = (
    "SELECT c.id, c.client_id, k.full_name, k.name_latin, k.citizenship, c.status,"
    " c.destination, c.counsellor, c.opened_on, c.closed_on, c.next_due_on"
)


def _date(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(value)


#: A filter matching at least this many cases is "broad": its first page is found by walking
#: the sort column's index and skipping non-matches, rather than by sorting every match.
BROAD = 2000
#: Filters whose index stays in use even for a broad list: few cases match them (a client's
#: cases; cases overdue), and their matches cluster at one end of other sort orders (a closed
#: case has no due date), which would make walking another index slow.
_ALWAYS_INDEXED = ("c.client_id", "c.next_due_on")
#: Filter columns whose index also serves these sorts (composite indexes), so keep using it.
_SERVES_SORT = {"c.status": ("c.next_due_on", "c.opened_on", "c.status")}


def _conditions(
    filters: CaseFilter, user: str | None = None
) -> tuple[list[tuple[str, str]], dict[str, Any]]:
    """(column, condition with ``{col}`` for the column) pairs, and their parameters.

    ``user`` limits the cases to a counsellor's own, shared and team cases.
    """
    conditions: list[tuple[str, str]] = []
    params: dict[str, Any] = {}
    if user is not None:
        conditions.append(
            (
                "c.owner",
                f"({{col}} IS NULL OR {{col}} = :{PARAM} OR c.id IN"
                f" (SELECT s.case_id FROM case_share AS s WHERE s.username = :{PARAM}))",
            )
        )
        params[PARAM] = user
    if filters.status:
        choice(filters.status, vocab.CASE_STATUSES, field=_("status"))
        conditions.append(("c.status", "{col} = :status"))
        params["status"] = filters.status
    if filters.category:
        choice(filters.category, vocab.CATEGORIES, field=_("category"))
        conditions.append(
            ("c.id", "{col} IN (SELECT case_id FROM case_category WHERE category = :category)")
        )
        params["category"] = filters.category
    for name, column in (
        ("counsellor", "c.counsellor"),
        ("destination", "c.destination"),
        ("citizenship", "k.citizenship"),
        ("client_id", "c.client_id"),
    ):
        value = getattr(filters, name)
        if value is not None and value != "":
            conditions.append((column, f"{{col}} = :{name}"))
            params[name] = value.upper() if name in ("destination", "citizenship") else value
    if filters.due_before:
        conditions.append(("c.next_due_on", "{col} < :due_before"))
        params["due_before"] = filters.due_before.isoformat()
    if filters.due_on:
        conditions.append(("c.next_due_on", "{col} = :due_on"))
        params["due_on"] = filters.due_on.isoformat()
    return conditions, params


def _where(conditions: list[tuple[str, str]], walk_index_of: str | None = None) -> str:
    """The WHERE clause; with ``walk_index_of``, other filters' indexes are switched off.

    SQLite's unary ``+`` on a column keeps the planner from using that column's index, which
    leaves the sort column's index as the way in: matches come out already in order.
    """
    sql = " WHERE c.deleted_at IS NULL"
    for column, condition in conditions:
        keep = (
            walk_index_of is None
            or column in (walk_index_of, *_ALWAYS_INDEXED)
            or walk_index_of in _SERVES_SORT.get(column, ())
        )
        sql += " AND " + condition.format(col=column if keep else f"+{column}")
    return sql


def _case_from(where: str, order: str = "", *, client_first: bool = False) -> str:
    # The client is joined only when a filter or the sort needs it: deleting a client deletes
    # their cases too (see records.delete_record), so cases alone say what is visible.
    if client_first:
        return " FROM client AS k CROSS JOIN case_file AS c ON c.client_id = k.id"
    needs_client = "k." in where or "k." in order
    return " FROM case_file AS c" + (
        " JOIN client AS k ON k.id = c.client_id" if needs_client else ""
    )


def _order(sort: str, descending: bool) -> str:
    direction = "DESC" if descending else "ASC"
    column = CASE_SORTS[sort]
    if sort == "id":
        return f"c.id {direction}"
    if sort == "status":
        # Within a status the most urgent first; (status, next_due_on) is one index.
        return f"c.status {direction}, c.next_due_on {direction}, c.id {direction}"
    if column.startswith("k."):
        # client id before case id: the client index gives (value, client id) in order.
        return f"{column} {direction}, k.id {direction}, c.id {direction}"
    nulls = " NULLS LAST" if sort == "next_due" and not descending else ""
    return f"{column} {direction}{nulls}, c.id {direction}"


@requires(Permission.CASES_READ)
def list_cases(
    *,
    session: Session,
    filters: CaseFilter | None = None,
    sort: str = "next_due",
    descending: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> list[CaseRow]:
    """One page of cases. Cases without a due date sort last when sorting by due date.

    The page's case numbers are found first, over the case table and its indexes only; the
    names and the rest are then read for those few rows. How the numbers are found depends on
    how many cases match: a narrow filter's matches are sorted, a broad filter's first page is
    read off the sort column's index (see :data:`BROAD`). Either way one page costs a few
    milliseconds on 100 000 cases.
    """
    if sort not in CASE_SORTS:
        raise UserError(
            _("Cannot sort by {key!r}; choose one of: {keys}.").format(
                key=sort, keys=", ".join(CASE_SORTS)
            )
        )
    conditions, params = _conditions(filters or CaseFilter(), scope_user(session))
    connection = session.connection()
    order = _order(sort, descending)
    plain = _where(conditions)
    probe = f"SELECT count(*) FROM (SELECT 1{_case_from(plain)}{plain} LIMIT {BROAD})"
    broad = connection.execute(text(probe), params).scalar() == BROAD
    column = CASE_SORTS[sort]
    where = _where(conditions, walk_index_of=column) if broad else plain
    source = _case_from(where, order, client_first=broad and column.startswith("k."))
    page = f"SELECT c.id{source}{where} ORDER BY {order} LIMIT :limit OFFSET :offset"
    sql = (
        f"{_CASE_COLUMNS} FROM ({page}) AS page JOIN case_file AS c ON c.id = page.id"
        f" JOIN client AS k ON k.id = c.client_id ORDER BY {order}"
    )
    rows = connection.execute(text(sql), {**params, "limit": limit, "offset": offset}).all()
    categories: dict[int, list[str]] = {}
    if rows:
        ids = ",".join(str(int(r[0])) for r in rows)
        for case_id, category in connection.exec_driver_sql(
            f"SELECT case_id, category FROM case_category WHERE case_id IN ({ids})"
        ):
            categories.setdefault(case_id, []).append(category)
    return case_rows(rows, categories)


@requires(Permission.CASES_READ)
def count_cases(*, session: Session, filters: CaseFilter | None = None) -> int:
    """How many cases a filter shows (for the list's row count and the status bar)."""
    conditions, params = _conditions(filters or CaseFilter(), scope_user(session))
    where = _where(conditions)
    sql = f"SELECT count(*){_case_from(where)}{where}"
    return int(session.connection().execute(text(sql), params).scalar() or 0)
