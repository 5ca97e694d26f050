"""The start page's first read, with the standard library's sqlite3 only.

Opening the case log the full way imports SQLAlchemy, SQLModel and Alembic (half a second
or more) before the first row can be shown. The Today workspace's first lists need none of
that: when the log's schema is already current, they are read here through the DB-API,
and the full stack is loaded afterwards, off the path to the first frame. When the schema
is not current (a new or older log), the caller takes the full way, which upgrades it.

An encrypted log is read the same way through ``sqlcipher3`` with the unlocked key
(:func:`encrypted`). The quick read applies no per-counsellor limits, so the desk uses it only
for someone who sees every case; everyone else takes the full way, where the services check.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cases.rows import FollowUpRow, _day, case_rows

if TYPE_CHECKING:
    from db.cipher import RawKey

VERSIONS_DIR = Path(__file__).resolve().parent.parent.parent / "db" / "migrations" / "versions"
_REVISION = re.compile(r'^(down_revision|revision)\b[^=]*=\s*"?([\w-]+|None)"?', re.MULTILINE)

_FOLLOW_UPS = (
    "SELECT f.id, f.case_id, c.client_id, k.full_name, k.name_latin, f.due_on, f.what,"
    " f.rule_id, c.counsellor FROM follow_up AS f JOIN case_file AS c ON c.id = f.case_id"
    " JOIN client AS k ON k.id = c.client_id WHERE f.active = 1 AND f.due_on {op} ?"
    " ORDER BY f.due_on, f.id LIMIT ?"
)
_RECENT = (
    "SELECT c.id, c.client_id, k.full_name, k.name_latin, k.citizenship, c.status,"
    " c.destination, c.counsellor, c.opened_on, c.closed_on, c.next_due_on"
    " FROM case_file AS c JOIN client AS k ON k.id = c.client_id WHERE c.deleted_at IS NULL"
    " ORDER BY c.opened_on DESC, c.id DESC LIMIT ?"
)


@cache
def head_revision(versions_dir: Path = VERSIONS_DIR) -> str | None:
    """The newest migration, read from the migration files' text (no Alembic import)."""
    revisions: dict[str, str | None] = {}
    for path in versions_dir.glob("*.py"):
        found = dict((k, v) for k, v in _REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            revisions[found["revision"]] = None if down in (None, "None") else down
    parents = {d for d in revisions.values() if d}
    heads = [r for r in revisions if r not in parents]
    return heads[0] if len(heads) == 1 else None


def _errors(*more: type[Exception]) -> tuple[type[Exception], ...]:
    """The DB-API errors of the drivers in use (SQLCipher's are not sqlite3's), and ``more``."""
    import sys

    found: list[type[Exception]] = [sqlite3.DatabaseError, *more]
    module = sys.modules.get("sqlcipher3")
    if module is not None:
        found.append(module.DatabaseError)
    return tuple(found)


def schema_is_current(connection: Any) -> bool:
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except _errors():
        return False
    head = head_revision()
    return head is not None and row is not None and row[0] == head


def today_overview(connect: Callable[[], Any], on: date | None = None) -> dict[str, Any] | None:
    """What the Today workspace shows first, or None when the full way must be taken."""
    on = on or date.today()
    try:
        connection = connect()
    except _errors(OSError):
        return None
    try:
        if not schema_is_current(connection):
            return None

        def follow_ups(op: str, limit: int) -> list[FollowUpRow]:
            rows = connection.execute(_FOLLOW_UPS.format(op=op), (on.isoformat(), limit))
            return [
                FollowUpRow(r[0], r[1], r[2], r[3], r[4], _day(r[5]) or on, r[6], r[7], r[8])
                for r in rows
            ]

        count = connection.execute(
            "SELECT count(*) FROM follow_up AS f WHERE f.active = 1 AND f.due_on = ?",
            (on.isoformat(),),
        ).fetchone()[0]
        rows = connection.execute(_RECENT, (15,)).fetchall()
        categories: dict[int, list[str]] = {}
        if rows:
            marks = ",".join("?" * len(rows))
            for case_id, category in connection.execute(
                f"SELECT case_id, category FROM case_category WHERE case_id IN ({marks})",
                [r[0] for r in rows],
            ):
                categories.setdefault(case_id, []).append(category)
        recent = case_rows(rows, categories)
        return {
            "due_today": follow_ups("=", 50),
            "overdue": follow_ups("<", 100),
            "due_count": int(count),
            "recent": recent,
        }
    except _errors():
        return None
    finally:
        connection.close()


def local_rule_records(connect: Callable[[], Any]) -> list[dict[str, Any]] | None:
    """The NGO's local rules, or None when the full way must be taken."""
    import json

    from desktop.rules.local import record_from_json

    try:
        connection = connect()
    except _errors(OSError):
        return None
    try:
        if not schema_is_current(connection):
            return None
        rows = connection.execute("SELECT record FROM local_rule WHERE deleted = 0 ORDER BY id")
        return [record_from_json(json.loads(r[0])) for r in rows]
    except _errors(ValueError):
        return None
    finally:
        connection.close()


def read_only(path: Path) -> Callable[[], sqlite3.Connection]:
    """A connector that opens the file read-only (never creates it)."""

    def connect() -> sqlite3.Connection:
        if not path.exists():
            raise OSError(f"{path} does not exist")
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    return connect


def encrypted(path: Path, key: RawKey) -> Callable[[], Any]:
    """A connector that opens the encrypted log with its key (never creates it)."""

    def connect() -> Any:
        from db import cipher

        if not path.exists():
            raise OSError(f"{path} does not exist")
        return cipher.connect(path, key, readonly=True)

    return connect
