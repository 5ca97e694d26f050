"""Retention and erasure: personal data leaves the log when it is no longer needed.

A client is anonymised (in the manner of Sahana Eden's ``anonymize``) once every case of
theirs has been closed, or deleted, for longer than the retention period (``retention_years``
in the settings, 5 by default); a client who never had a case, once they were entered that
long ago. Anonymising removes the name, phone and messenger numbers and the document number,
moves the birth date to the first day of its quarter, clears every free text of the client
and their cases (notes, outcome notes, consultation summaries and advice, follow-up texts,
referral notes) and blanks their search index row. What is left (citizenship, sex, birth
year, categories, dates, outcomes) still counts in the donor statistics but names nobody.
Made-up (demo) clients are left alone: they are nobody.

:func:`erase_client` does the same at once for one client who asks for it. Both write an
audit line (``anonymise``, with the reason) and nothing else: the audit trail never held
personal data. The freed database pages are overwritten (``secure_delete``) and the search
index is merged, so the old text is not left in free space either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from db.models import FTS_TABLE, CaseFile, Client, Consultation, FollowUp, LogSetting, Referral
from desktop.cases.base import audit, now, today
from desktop.errors import UserError
from desktop.i18n import gettext as _
from desktop.security.permissions import Permission, requires

DEFAULT_YEARS = 5
LAST_RUN = "retention_last_run"

_DUE_SQL = """
SELECT k.id FROM client AS k
WHERE k.anonymised_at IS NULL AND k.made_up = 0 AND (
  (EXISTS (SELECT 1 FROM case_file AS c WHERE c.client_id = k.id)
   AND NOT EXISTS (
     SELECT 1 FROM case_file AS c WHERE c.client_id = k.id AND (
       (c.deleted_at IS NULL AND (c.status != 'closed' OR c.closed_on IS NULL
                                  OR c.closed_on >= :cutoff))
       OR (c.deleted_at IS NOT NULL AND c.deleted_at >= :cutoff_stamp))))
  OR (NOT EXISTS (SELECT 1 FROM case_file AS c WHERE c.client_id = k.id)
      AND k.created_at < :cutoff_stamp))
ORDER BY k.id
"""


@dataclass(frozen=True)
class RetentionReport:
    """Who was anonymised (by number), and the day before which cases counted as old."""

    cutoff: date
    client_ids: list[int]
    dry_run: bool = False


def cutoff_for(on: date, years: int) -> date:
    """The same day ``years`` earlier (28 February for a 29 February)."""
    try:
        return on.replace(year=on.year - years)
    except ValueError:
        return on.replace(year=on.year - years, day=28)


def _stamp(day: date) -> str:
    # Stored times are UTC text ("YYYY-MM-DD HH:MM:SS…"), which compares in time order.
    return datetime.combine(day, time.min).strftime("%Y-%m-%d %H:%M:%S")


def due_clients(
    session: Session, *, on: date | None = None, years: int = DEFAULT_YEARS
) -> list[int]:
    """The numbers of the clients the retention rule anonymises on ``on`` (default today)."""
    if years < 1:
        raise UserError(_("The retention period must be at least one year."))
    cutoff = cutoff_for(on or today(), years)
    rows = session.connection().execute(
        text(_DUE_SQL), {"cutoff": cutoff.isoformat(), "cutoff_stamp": _stamp(cutoff)}
    )
    return [int(r[0]) for r in rows]


def _quarter_start(day: date | None) -> date | None:
    return None if day is None else date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def anonymise(session: Session, client_id: int, *, reason: str, who: str | None = None) -> None:
    """Remove one client's personal data for good (see the module docstring)."""
    row = session.get(Client, client_id)
    if row is None:
        raise UserError(_("There is no client with the number {id}.").format(id=client_id))
    connection = session.connection()
    connection.exec_driver_sql("PRAGMA secure_delete=ON")
    born = row.birth_date
    row.full_name = ""
    row.name_latin = ""
    row.birth_date = _quarter_start(born)
    row.birth_year = born.year if born else row.birth_year
    row.phone = row.phone_key = row.messenger = None
    row.document_number = row.document_key = None
    row.notes = ""
    row.anonymised_at = row.updated_at = now()
    session.add(row)
    session.flush()
    case_ids = [int(c) for c in session.exec(_case_ids(client_id))]
    params: dict[str, Any] = {"client": client_id}
    connection.execute(
        text("UPDATE case_file SET notes = '', outcome_note = '' WHERE client_id = :client"), params
    )
    if case_ids:
        inner = "SELECT id FROM case_file WHERE client_id = :client"
        for table, columns in (
            (Consultation, "summary = '', advice = ''"),
            (FollowUp, "what = ''"),
            (Referral, "notes = ''"),
        ):
            name = table.__tablename__
            connection.execute(
                text(f"UPDATE {name} SET {columns} WHERE case_id IN ({inner})"), params
            )
    connection.execute(
        text(
            f"UPDATE {FTS_TABLE} SET name = '', phone = '', doc = '', notes = ''"
            " WHERE rowid = :client"
        ),
        params,
    )
    audit(
        session,
        who=who,
        record_type="client",
        record_id=client_id,
        action="anonymise",
        detail=reason,
    )


def _case_ids(client_id: int) -> Any:
    from sqlmodel import select

    return select(CaseFile.id).where(CaseFile.client_id == client_id)


def _tidy(session: Session) -> None:
    """Merge the search index so the removed words leave it, then stop overwriting pages."""
    connection = session.connection()
    connection.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
    connection.exec_driver_sql("PRAGMA secure_delete=OFF")


@requires(Permission.RETENTION_RUN)
def apply_retention(
    *,
    session: Session,
    years: int = DEFAULT_YEARS,
    on: date | None = None,
    dry_run: bool = False,
    who: str | None = None,
) -> RetentionReport:
    """Anonymise every client the retention rule says is due (or only list them)."""
    day = on or today()
    ids = due_clients(session, on=day, years=years)
    if not dry_run:
        for client_id in ids:
            anonymise(
                session, client_id, reason=f"retention: cases closed over {years} years", who=who
            )
        if ids:
            _tidy(session)
        _remember_run(session, day)
    return RetentionReport(cutoff=cutoff_for(day, years), client_ids=ids, dry_run=dry_run)


def _remember_run(session: Session, day: date) -> None:
    row = session.get(LogSetting, LAST_RUN)
    if row is None:
        row = LogSetting(key=LAST_RUN, value=day.isoformat())
    row.value = day.isoformat()
    session.add(row)


def retention_ran_on(session: Session) -> date | None:
    """The day retention last ran on this log (it runs at most once a day at start)."""
    row = session.get(LogSetting, LAST_RUN)
    try:
        return date.fromisoformat(row.value) if row else None
    except ValueError:
        return None


def run_daily(session: Session, *, years: int, on: date | None = None) -> RetentionReport | None:
    """Retention as the app runs it at start: once a day, as the system (not a person)."""
    day = on or today()
    if retention_ran_on(session) == day:
        return None
    return apply_retention(session=session, years=years, on=day, who="retention")


@requires(Permission.CASES_ERASE)
def erase_client(*, session: Session, client_id: int, who: str | None = None) -> None:
    """Erase one client's personal data on their request (the records stay, naming nobody)."""
    row = session.get(Client, client_id)
    if row is None:
        raise UserError(_("There is no client with the number {id}.").format(id=client_id))
    if row.made_up:
        raise UserError(
            _("Client {id} is made up (demo data); there is nothing to erase.").format(id=client_id)
        )
    if row.anonymised_at is not None:
        raise UserError(_("Client {id} was anonymised already.").format(id=client_id))
    anonymise(session, client_id, reason="erasure on request", who=who)
    _tidy(session)


@requires(Permission.CASES_ERASE)
def erase_preview(*, session: Session, client_id: int) -> str:
    """The name of the client about to be erased, for the confirmation question."""
    row = session.get(Client, client_id)
    if row is None:
        raise UserError(_("There is no client with the number {id}.").format(id=client_id))
    return row.full_name


__all__ = [
    "DEFAULT_YEARS",
    "RetentionReport",
    "apply_retention",
    "cutoff_for",
    "due_clients",
    "erase_client",
    "run_daily",
]
