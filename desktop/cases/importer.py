"""``cases import``: add an export's records to the case log, all or nothing.

The file is checked whole first (:func:`desktop.cases.transfer.validate_export`); only then
is anything written, in the caller's single transaction. Ids stay as they were in an empty
log; otherwise each table's ids are shifted past its highest existing id and references move
with them, so two NGOs' logs can be merged without one overwriting the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlmodel import Session

from db.models import CaseCategory, LocalRule
from desktop.cases.base import audit, write_connection
from desktop.cases.search import BLANK, INSERT_SQL, index_row
from desktop.cases.transfer import AUDITED, PARENTS, SECTIONS, validate_export
from desktop.cases.translit import document_key, phone_key, transliterate
from desktop.security.permissions import Permission, requires


@dataclass
class ImportSummary:
    """What an import added (and, for local rules, replaced or kept)."""

    added: dict[str, int] = field(default_factory=dict)
    id_shift: dict[str, int] = field(default_factory=dict)
    local_rules_kept: int = 0


def _derive_client(row: dict[str, Any]) -> None:
    row["name_latin"] = transliterate(row["full_name"])
    row["phone_key"] = phone_key(row["phone"])
    row["document_key"] = document_key(row["document_number"])


def _local_rules(
    session: Session, rows: list[dict[str, Any]], summary: ImportSummary
) -> list[dict[str, Any]]:
    """Rules not yet here, or newer than ours; an older copy of a rule we have is kept out."""
    fresh = []
    table = LocalRule.__table__  # type: ignore[attr-defined]
    for row in rows:
        ours = (
            session.connection()
            .execute(select(table.c.updated_at).where(table.c.id == row["id"]))
            .scalar()
        )
        if ours is not None and ours >= row["updated_at"]:
            summary.local_rules_kept += 1
            continue
        if ours is not None:
            session.connection().execute(table.delete().where(table.c.id == row["id"]))
        fresh.append(row)
    return fresh


@requires(Permission.LOG_IMPORT)
def import_log(*, session: Session, data: Any, who: str | None = None) -> ImportSummary:
    """Add every record of an export (see module docstring); raises ``UserError`` if malformed."""
    checked = validate_export(data)
    connection = write_connection(session)
    summary = ImportSummary()
    for section, model in SECTIONS.items():
        if section != "local_rules":
            table = model.__table__
            summary.id_shift[section] = int(
                connection.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar() or 0
            )
    shift = summary.id_shift
    categories: list[dict[str, Any]] = []
    for section, model in SECTIONS.items():
        rows = checked[section]
        for row in rows:
            if section != "local_rules":
                row["id"] += shift[section]
            if section in PARENTS:
                column, parent = PARENTS[section]
                row[column] += shift[parent]
            if section == "clients":
                _derive_client(row)
            if section == "follow_ups":
                row["active"] = False
            if section == "cases":
                row["next_due_on"] = None
                categories.extend(
                    {"case_id": row["id"], "category": c} for c in row.pop("categories")
                )
            if (
                section == "audit_events"
                and row["record_type"] in AUDITED
                and row["record_id"].isdigit()
            ):
                row["record_id"] = str(int(row["record_id"]) + shift[AUDITED[row["record_type"]]])
        if section == "local_rules":
            rows = _local_rules(session, rows, summary)
        if rows:
            connection.execute(insert(model.__table__), rows)
        if section == "cases" and categories:
            connection.execute(insert(CaseCategory.__table__), categories)  # type: ignore[attr-defined]
        summary.added[section] = len(rows)
    first_case = shift["cases"]
    connection.execute(
        text(
            "UPDATE case_file SET next_due_on = (SELECT min(f.due_on) FROM follow_up AS f"
            " WHERE f.case_id = case_file.id AND f.done = 0 AND f.deleted_at IS NULL)"
            " WHERE id > :first AND status != 'closed'"
        ),
        {"first": first_case},
    )
    # A deleted client's cases are deleted with them (the lists rely on it).
    connection.execute(
        text(
            "UPDATE case_file SET deleted_at = (SELECT k.deleted_at FROM client AS k"
            " WHERE k.id = case_file.client_id) WHERE id > :first AND deleted_at IS NULL"
            " AND client_id IN (SELECT id FROM client WHERE deleted_at IS NOT NULL)"
        ),
        {"first": first_case},
    )
    connection.execute(
        text(
            "UPDATE follow_up SET active = (done = 0 AND deleted_at IS NULL AND EXISTS (SELECT 1"
            " FROM case_file AS c WHERE c.id = follow_up.case_id AND c.status != 'closed'"
            " AND c.deleted_at IS NULL)) WHERE case_id > :first"
        ),
        {"first": first_case},
    )
    fts = [
        {
            "rowid": row["id"],
            **(
                BLANK
                if row["deleted_at"] is not None
                else index_row(
                    full_name=row["full_name"],
                    phone=row["phone"],
                    messenger=row["messenger"],
                    document=row["document_number"],
                    notes=row["notes"],
                )
            ),
        }
        for row in checked["clients"]
    ]
    if fts:
        connection.execute(text(INSERT_SQL), fts)
    counts = ", ".join(f"{n} {section}" for section, n in summary.added.items())
    audit(session, who=who, record_type="log", record_id="all", action="import", detail=counts)
    return summary
