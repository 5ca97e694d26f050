"""Counts for donor reports: cases by month, category, citizenship, destination and outcome.

Only counts ever leave this module, never a name, phone or document number. Clients who did
not consent to anonymous statistics are left out, and so are made-up (demo) records unless
asked for; the report says how many were left out, so totals can be reconciled.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from desktop.security.permissions import Permission, requires

_CONSENTED = "k.consent_given = 1 AND (',' || k.consent_scope || ',') LIKE '%,statistics,%'"


def _scope(
    date_from: date | None, date_to: date | None, include_made_up: bool
) -> tuple[str, dict[str, Any]]:
    sql = " FROM case_file AS c JOIN client AS k ON k.id = c.client_id WHERE c.deleted_at IS NULL"
    params: dict[str, Any] = {}
    if date_from:
        sql += " AND c.opened_on >= :date_from"
        params["date_from"] = date_from.isoformat()
    if date_to:
        sql += " AND c.opened_on <= :date_to"
        params["date_to"] = date_to.isoformat()
    if not include_made_up:
        sql += " AND c.made_up = 0"
    return sql, params


@requires(Permission.STATS_READ)
def case_stats(
    *,
    session: Session,
    date_from: date | None = None,
    date_to: date | None = None,
    include_made_up: bool = False,
) -> dict[str, Any]:
    """Counts of cases opened between ``date_from`` and ``date_to`` (both optional, inclusive).

    Returns a JSON-ready dict: ``totals``, ``excluded``, ``by_month`` (cases opened and closed,
    consultations held), and ``by_category``/``by_citizenship``/``by_destination``/
    ``by_outcome``/``by_status`` as ``{code: count}``.
    """
    connection = session.connection()
    scope, params = _scope(date_from, date_to, include_made_up)
    counted = f"{scope} AND {_CONSENTED}"

    def grouped(expression: str, where: str = counted) -> dict[str, int]:
        sql = f"SELECT {expression} AS key, count(*){where} GROUP BY key ORDER BY key"
        return {
            str(key if key is not None else "none"): n
            for key, n in connection.execute(text(sql), params)
        }

    every, _ = _scope(date_from, date_to, include_made_up=True)
    all_cases = connection.execute(text(f"SELECT count(*){every}"), params).scalar() or 0
    in_scope = connection.execute(text(f"SELECT count(*){scope}"), params).scalar() or 0
    cases = connection.execute(text(f"SELECT count(*){counted}"), params).scalar() or 0
    clients = connection.execute(
        text(f"SELECT count(DISTINCT c.client_id){counted}"), params
    ).scalar()
    months: dict[str, dict[str, int]] = {}
    for key, n in grouped("strftime('%Y-%m', c.opened_on)").items():
        months.setdefault(key, {})["cases_opened"] = n
    for key, n in grouped(
        "strftime('%Y-%m', c.closed_on)", f"{counted} AND c.closed_on IS NOT NULL"
    ).items():
        months.setdefault(key, {})["cases_closed"] = n
    held = (
        "SELECT strftime('%Y-%m', t.held_on) AS key, count(*) FROM consultation AS t"
        f" WHERE t.deleted_at IS NULL AND t.case_id IN (SELECT c.id{counted}) GROUP BY key"
    )
    consultations = 0
    for key, n in connection.execute(text(held), params):
        months.setdefault(str(key), {})["consultations"] = n
        consultations += n
    category = f" FROM case_category AS g WHERE g.case_id IN (SELECT c.id{counted})"
    return {
        "period": {
            "from": date_from.isoformat() if date_from else None,
            "to": date_to.isoformat() if date_to else None,
        },
        "totals": {"cases": cases, "clients": clients or 0, "consultations": consultations},
        "excluded": {
            "made_up": all_cases - in_scope,
            "no_statistics_consent": in_scope - cases,
        },
        "by_month": [
            {
                "month": month,
                **{k: row.get(k, 0) for k in ("cases_opened", "cases_closed", "consultations")},
            }
            for month, row in sorted(months.items())
        ],
        "by_category": grouped("g.category", category),
        "by_citizenship": grouped("k.citizenship"),
        "by_destination": grouped("c.destination"),
        "by_outcome": grouped("c.outcome", f"{counted} AND c.status = 'closed'"),
        "by_status": grouped("c.status"),
    }


def stats_csv(stats: dict[str, Any]) -> str:
    """The same counts as CSV rows ``dimension,key,count`` (for a spreadsheet)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["dimension", "key", "count"])
    for name, value in stats["totals"].items():
        writer.writerow(["total", name, value])
    for name, value in stats["excluded"].items():
        writer.writerow(["excluded", name, value])
    for row in stats["by_month"]:
        for name in ("cases_opened", "cases_closed", "consultations"):
            writer.writerow([f"month_{name}", row["month"], row[name]])
    for dimension in ("by_category", "by_citizenship", "by_destination", "by_outcome", "by_status"):
        for key, value in stats[dimension].items():
            writer.writerow([dimension.removeprefix("by_"), key, value])
    return out.getvalue()
