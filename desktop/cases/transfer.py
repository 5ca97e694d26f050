"""The whole case log as one JSON file, and back (``cases export`` / ``cases import``).

Every stored column of every record is written, deleted and made-up records included, so an
export imported into an empty log gives the same log again (the same ids too). Into a log
that already has records, imported ids are shifted past the existing ones and every
reference follows. Import checks the whole file before writing anything and writes in one
transaction: a malformed file changes nothing. Derived columns (Latin name, phone and
document keys, next due date, search index) are recomputed rather than trusted.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, Integer, select
from sqlalchemy.types import TypeDecorator
from sqlmodel import Session, col

from db.models import (
    AuditEvent,
    CaseCategory,
    CaseFile,
    Client,
    Consultation,
    FollowUp,
    LocalRule,
    Referral,
    Trip,
)
from desktop.cases import vocab
from desktop.cases.base import audit, join_codes, split_codes
from desktop.cases.validation import choice, country
from desktop.errors import UserError
from desktop.i18n import gettext as _
from desktop.security.permissions import Permission, requires

FORMAT = "migrant-desk-case-log"
VERSION = 1
#: Sections in the order they are written, and the table each one holds.
SECTIONS: dict[str, Any] = {
    "clients": Client,
    "cases": CaseFile,
    "trips": Trip,
    "consultations": Consultation,
    "follow_ups": FollowUp,
    "referrals": Referral,
    "audit_events": AuditEvent,
    "local_rules": LocalRule,
}
LIST_COLUMNS = {"clients": ("languages", "consent_scope"), "consultations": ("rule_ids",)}
DERIVED = {
    "clients": ("name_latin", "phone_key", "document_key"),
    "cases": ("next_due_on",),
    "follow_ups": ("active",),
}
PARENTS = {"cases": ("client_id", "clients"), "trips": ("client_id", "clients"),
           "consultations": ("case_id", "cases"), "follow_ups": ("case_id", "cases"),
           "referrals": ("case_id", "cases")}  # fmt: skip
AUDITED = {"client": "clients", "case": "cases", "trip": "trips", "consultation": "consultations",
           "follow_up": "follow_ups", "referral": "referrals"}  # fmt: skip
CHOICES = {
    ("clients", "sex"): vocab.SEXES,
    ("clients", "document_type"): vocab.DOCUMENT_TYPES,
    ("cases", "status"): vocab.CASE_STATUSES,
    ("cases", "outcome"): vocab.OUTCOMES,
    ("consultations", "channel"): vocab.CHANNELS,
    ("referrals", "status"): vocab.REFERRAL_STATUSES,
}
COUNTRIES = {("clients", "citizenship"), ("cases", "destination"), ("trips", "destination")}


def _columns(model: Any) -> list[Any]:
    return list(model.__table__.columns)


def _kind(column: Any) -> str:
    kind = column.type.impl if isinstance(column.type, TypeDecorator) else column.type
    if isinstance(kind, Boolean):
        return "bool"
    if isinstance(kind, Integer):
        return "int"
    if isinstance(kind, Date):
        return "date"
    return "datetime" if "DateTime" in type(kind).__name__ else "str"


def _to_json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


@requires(Permission.LOG_EXPORT)
def export_log(*, session: Session, who: str | None = None) -> dict[str, Any]:
    """The whole case log as a JSON-ready dict (records the export in the audit trail)."""
    connection = session.connection()
    categories: dict[int, list[str]] = {}
    for case_id, category in connection.execute(
        select(col(CaseCategory.case_id), col(CaseCategory.category))
    ):
        categories.setdefault(case_id, []).append(category)
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    data["schema"] = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    data["exported_at"] = datetime.now(UTC).isoformat()
    for section, model in SECTIONS.items():
        table = model.__table__
        records = []
        for row in connection.execute(select(table).order_by(*table.primary_key.columns)):
            record = {key: _to_json(value) for key, value in row._mapping.items()}
            for name in LIST_COLUMNS.get(section, ()):
                record[name] = split_codes(record[name])
            if section == "cases":
                record["categories"] = sorted(categories.get(record["id"], []))
            if section == "local_rules":
                record["record"] = json.loads(record["record"])
            records.append(record)
        data[section] = records
    counts = ", ".join(f"{len(data[s])} {s}" for s in SECTIONS)
    audit(session, who=who, record_type="log", record_id="all", action="export", detail=counts)
    return data


@requires(Permission.LOG_EXPORT)
def write_export(*, session: Session, path: Path, who: str | None = None) -> dict[str, int]:
    """Export into ``path`` (written whole or not at all; readable by the owner only).

    The export of an encrypted log is encrypted with the log's key: it is a SQLCipher file
    holding the JSON text (table ``export``), opened by ``cases import`` with the passphrase.
    The export of a plain log is plain JSON.
    """
    from db.engine import engine_key

    data = export_log(session=session, who=who)
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    key = engine_key(session.get_bind())  # type: ignore[arg-type]
    if key is not None:
        _write_encrypted(partial, json.dumps(data, ensure_ascii=False), key)
    else:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.flush()
            os.fsync(fh.fileno())
    os.replace(partial, path)
    return {section: len(data[section]) for section in SECTIONS}


def _write_encrypted(path: Path, body: str, key: Any) -> None:
    from db import cipher

    path.unlink(missing_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    connection = cipher.connect(path, key)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("CREATE TABLE export (name TEXT PRIMARY KEY, body TEXT NOT NULL)")
        connection.execute("INSERT INTO export VALUES (?, ?)", (FORMAT, body))
        connection.commit()
    finally:
        connection.close()


def read_export_file(path: Path, keys: list[Any] | None = None) -> dict[str, Any]:
    """Load an export, refusing what is not one.

    An encrypted export is opened with the first of ``keys`` (keys or passphrases, see
    ``desktop.cases.storage.file_key``) that fits; ``WrongPassphrase`` when none does.
    """
    from db import cipher

    if Path(path).is_file() and cipher.file_state(path) == "encrypted" and not _is_text(path):
        return _read_encrypted(Path(path), keys or [])
    try:
        with Path(path).open(encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise UserError(
            _("Cannot read {file}: {reason}.").format(file=path, reason=exc.strerror)
        ) from None
    except UnicodeDecodeError:
        raise UserError(_("{file} is not a text file.").format(file=path)) from None
    except json.JSONDecodeError as exc:
        raise UserError(
            _("{file} is not valid JSON (line {line}, column {col}).").format(
                file=path, line=exc.lineno, col=exc.colno
            )
        ) from None
    return data


def _is_text(path: Path) -> bool:
    """Whether the file starts like JSON (an encrypted one starts with random bytes)."""
    with Path(path).open("rb") as fh:
        head = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1] in (b"{", b"[", b"")


def _read_encrypted(path: Path, keys: list[Any]) -> dict[str, Any]:
    from db import cipher
    from desktop.cases.storage import file_key

    key = file_key(path, keys)
    if key is None:
        raise UserError(_("The file is not a Migrant Desk case log export."))
    connection = cipher.connect(path, key, readonly=True)
    try:
        row = connection.execute("SELECT body FROM export WHERE name = ?", (FORMAT,)).fetchone()
    except cipher.driver().DatabaseError:
        row = None
    finally:
        connection.close()
    if row is None:
        raise UserError(_("The file is not a Migrant Desk case log export."))
    data: dict[str, Any] = json.loads(row[0])
    return data


class _Problem(Exception):
    pass


def _value(section: str, column: Any, raw: Any) -> Any:
    kind = _kind(column)
    if raw is None:
        if not column.nullable:
            raise _Problem(_("{field} is missing").format(field=column.name))
        return None
    ok = {"bool": bool, "int": int, "str": str, "date": str, "datetime": str}[kind]
    if not isinstance(raw, ok) or (kind == "int" and isinstance(raw, bool)):
        raise _Problem(_("{field} has the wrong type").format(field=column.name))
    try:
        if kind == "date":
            return date.fromisoformat(str(raw))
        if kind == "datetime":
            stamp = datetime.fromisoformat(str(raw))
            return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    except ValueError:
        raise _Problem(_("{field} is not a valid date").format(field=column.name)) from None
    try:  # the file may hold anything: report the field, never the value
        if (section, column.name) in CHOICES:
            choice(str(raw), CHOICES[section, column.name], field=column.name)
        if (section, column.name) in COUNTRIES:
            country(str(raw), field=column.name, required=False)
    except UserError:
        raise _Problem(_("{field} holds an unknown code").format(field=column.name)) from None
    return raw


def _check_record(section: str, raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise _Problem(_("is not an object"))
    record = dict(raw)
    for name in LIST_COLUMNS.get(section, ()):
        values = record.get(name) or []
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise _Problem(_("{field} must be a list of codes").format(field=name))
        record[name] = join_codes(values)
    if section == "local_rules":
        if not isinstance(record.get("record"), dict):
            raise _Problem(_("record must be an object"))
        record["record"] = json.dumps(record["record"], ensure_ascii=False, sort_keys=True)
    derived = DERIVED.get(section, ())
    row = {}
    for column in _columns(SECTIONS[section]):
        if column.name not in derived:
            row[column.name] = _value(section, column, record.get(column.name))
    if section == "cases":
        categories = record.get("categories") or []
        if not isinstance(categories, list):
            raise _Problem(_("categories must be a list"))
        if any(code not in vocab.CATEGORIES for code in categories):
            raise _Problem(_("categories holds an unknown code"))
        row["categories"] = categories
    return row


def validate_export(data: Any) -> dict[str, list[dict[str, Any]]]:
    """Every record checked and converted; the first problem found is raised as ``UserError``.

    Messages give the section and the record's position, never a field's value.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UserError(_("The file is not a Migrant Desk case log export."))
    if data.get("version") != VERSION:
        raise UserError(
            _("The export format version {v!r} is not supported.").format(v=data.get("version"))
        )
    checked: dict[str, list[dict[str, Any]]] = {}
    for section in SECTIONS:
        records = data.get(section, [])
        if not isinstance(records, list):
            raise UserError(
                _("The section {section!r} of the file is not a list.").format(section=section)
            )
        rows = []
        for position, raw in enumerate(records, start=1):
            try:
                rows.append(_check_record(section, raw))
            except (_Problem, UserError) as exc:
                raise UserError(
                    _("Record {n} of {section}: {problem}").format(
                        n=position, section=section, problem=exc
                    )
                ) from None
        checked[section] = rows
    for section, rows in checked.items():
        if section in ("audit_events",):
            continue
        ids = [row["id"] for row in rows]
        if len(ids) != len(set(ids)):
            raise UserError(
                _("The section {section!r} repeats a record number.").format(section=section)
            )
    for section, (column, parent) in PARENTS.items():
        known = {row["id"] for row in checked[parent]}
        for position, row in enumerate(checked[section], start=1):
            if row[column] not in known:
                raise UserError(
                    _("Record {n} of {section} refers to a missing {parent} record.").format(
                        n=position, section=section, parent=parent
                    )
                )
    return checked
