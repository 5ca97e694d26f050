"""The pseudonymised export for research (``cases export --pseudonymised``).

Researchers get the shape of the work, never a person: every client and case is named by a
stable pseudonym, a keyed HMAC-SHA256 of its number with a secret kept inside the (encrypted)
case log, so the same client has the same pseudonym in every export from this log and nobody
without the log can turn it back into a number. Birth dates are cut to the year (or the
quarter); names, phones, messengers, document numbers and every free text (notes,
summaries, advice, follow-up texts, referral notes) are left out. As for the donor
statistics, only clients who consented to statistics are in it, and made-up records only
when asked for. The export is plain JSON: it is meant to be handed over.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from db.models import LogSetting
from desktop.cases.base import audit, split_codes
from desktop.errors import UserError
from desktop.i18n import gettext as _
from desktop.security.permissions import Permission, requires

FORMAT = "migrant-desk-research"
VERSION = 1
SECRET = "pseudonym_secret"
BIRTH_PRECISION = ("year", "quarter")
_CONSENTED = "k.consent_given = 1 AND (',' || k.consent_scope || ',') LIKE '%,statistics,%'"


def pseudonym_secret(session: Session) -> bytes:
    """This log's pseudonym key (made once, on first use, and kept in the log)."""
    row = session.get(LogSetting, SECRET)
    if row is None:
        row = LogSetting(key=SECRET, value=secrets.token_hex(32))
        session.add(row)
        session.flush()
    return bytes.fromhex(row.value)


def pseudonym(secret: bytes, kind: str, number: int) -> str:
    """``C-…`` for a client, ``K-…`` for a case: 16 hex digits of HMAC-SHA256."""
    digest = hmac.new(secret, f"{kind}:{number}".encode(), hashlib.sha256).hexdigest()[:16]
    return f"{'C' if kind == 'client' else 'K'}-{digest}"


def _birth(value: Any, year: Any, precision: str) -> dict[str, Any]:
    born = date.fromisoformat(str(value)[:10]) if value else None
    if precision == "quarter" and born is not None:
        return {"birth_quarter": f"{born.year}-Q{(born.month - 1) // 3 + 1}"}
    return {"birth_year": born.year if born else year}


def _day(value: Any) -> str | None:
    return None if value is None else str(value)[:10]


@requires(Permission.RESEARCH_EXPORT)
def pseudonymised_export(
    *,
    session: Session,
    birth: str = "year",
    include_made_up: bool = False,
    who: str | None = None,
) -> dict[str, Any]:
    """The JSON-ready research export (see the module docstring)."""
    if birth not in BIRTH_PRECISION:
        raise UserError(
            _("Birth dates can be cut to: {choices}.").format(choices=", ".join(BIRTH_PRECISION))
        )
    secret = pseudonym_secret(session)
    connection = session.connection()
    made_up = "" if include_made_up else " AND k.made_up = 0"
    clients_sql = (
        "SELECT k.id, k.sex, k.birth_date, k.birth_year, k.citizenship, k.languages"
        f" FROM client AS k WHERE k.deleted_at IS NULL AND {_CONSENTED}{made_up} ORDER BY k.id"
    )
    excluded = connection.execute(
        text(f"SELECT count(*) FROM client AS k WHERE k.deleted_at IS NULL{made_up}")
    ).scalar()
    clients, client_ids = [], []
    for number, sex, born, year, citizenship, languages in connection.execute(text(clients_sql)):
        client_ids.append(number)
        clients.append(
            {
                "client": pseudonym(secret, "client", number),
                "sex": sex,
                **_birth(born, year, birth),
                "citizenship": citizenship,
                "languages": split_codes(languages),
            }
        )
    scope = f"SELECT k.id FROM client AS k WHERE k.deleted_at IS NULL AND {_CONSENTED}{made_up}"
    cases_scope = (
        f"SELECT c.id FROM case_file AS c WHERE c.deleted_at IS NULL AND c.client_id IN ({scope})"
    )
    categories: dict[int, list[str]] = {}
    for case_id, category in connection.execute(
        text(f"SELECT case_id, category FROM case_category WHERE case_id IN ({cases_scope})")
    ):
        categories.setdefault(case_id, []).append(category)

    def rows(sql: str) -> list[Any]:
        return list(connection.execute(text(sql)))

    cases = [
        {
            "case": pseudonym(secret, "case", r[0]),
            "client": pseudonym(secret, "client", r[1]),
            "opened_on": _day(r[2]),
            "closed_on": _day(r[3]),
            "status": r[4],
            "destination": r[5],
            "outcome": r[6],
            "categories": sorted(categories.get(r[0], [])),
        }
        for r in rows(
            "SELECT id, client_id, opened_on, closed_on, status, destination, outcome"
            f" FROM case_file WHERE id IN ({cases_scope}) ORDER BY id"
        )
    ]
    live = f"deleted_at IS NULL AND case_id IN ({cases_scope})"
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(),
        "birth_precision": birth,
        "excluded_without_consent": int(excluded or 0) - len(clients),
        "clients": clients,
        "cases": cases,
        "consultations": [
            {
                "case": pseudonym(secret, "case", r[0]),
                "held_on": _day(r[1]),
                "channel": r[2],
                "rule_ids": split_codes(r[3]),
            }
            for r in rows(
                f"SELECT case_id, held_on, channel, rule_ids FROM consultation WHERE {live}"
                " ORDER BY case_id, held_on, id"
            )
        ],
        "follow_ups": [
            {
                "case": pseudonym(secret, "case", r[0]),
                "due_on": _day(r[1]),
                "rule_id": r[2],
                "done": bool(r[3]),
            }
            for r in rows(
                f"SELECT case_id, due_on, rule_id, done FROM follow_up WHERE {live}"
                " ORDER BY case_id, due_on, id"
            )
        ],
        "referrals": [
            {
                "case": pseudonym(secret, "case", r[0]),
                "to_rule_id": r[1],
                "referred_on": _day(r[2]),
                "status": r[3],
            }
            for r in rows(
                f"SELECT case_id, to_rule_id, referred_on, status FROM referral WHERE {live}"
                " ORDER BY case_id, referred_on, id"
            )
        ],
        "trips": [
            {
                "client": pseudonym(secret, "client", r[0]),
                "destination": r[1],
                "entry_on": _day(r[2]),
                "exit_on": _day(r[3]),
                "purpose": r[4],
            }
            for r in rows(
                "SELECT client_id, destination, entry_on, exit_on, purpose FROM trip"
                f" WHERE deleted_at IS NULL AND client_id IN ({scope})"
                " ORDER BY client_id, entry_on, id"
            )
        ],
    }
    audit(
        session,
        who=who,
        record_type="log",
        record_id="all",
        action="export",
        detail=f"pseudonymised: {len(clients)} clients, {len(cases)} cases",
    )
    return data


@requires(Permission.RESEARCH_EXPORT)
def write_pseudonymised(
    *, session: Session, path: Path, birth: str = "year", include_made_up: bool = False,
    who: str | None = None,
) -> dict[str, int]:  # fmt: skip
    """Write the research export to ``path`` (whole or not at all; owner-readable only)."""
    data = pseudonymised_export(
        session=session, birth=birth, include_made_up=include_made_up, who=who
    )
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(partial, path)
    return {"clients": len(data["clients"]), "cases": len(data["cases"])}
