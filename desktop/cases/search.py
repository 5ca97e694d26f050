"""Find clients by name in any script, by part of a phone number, document number or notes.

The FTS5 table ``client_fts`` (made by the migrations) holds one row per live client, keyed by
the client's id, with *folded* text only (see :func:`desktop.cases.translit.search_key`):

* ``name`` – the folded name, so Cyrillic, Uzbek Latin and passport spellings meet;
* ``phone`` – the digits of phone and messenger numbers and every ending of four digits or
  more, so "4567", "90 123 45 67" and "+998901234567" all find the same number;
* ``doc`` – the document number without spaces or dashes, and its endings;
* ``notes`` – the folded notes.

The services keep it in sync: :func:`index_client` runs whenever a client is created,
changed, deleted or restored. A deleted client's row is blanked (kept, so that an undo can
fill it again in place), so a search never shows them. Ranking is FTS5's bm25 with the column
weights set by the migration.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from db.models import FTS_TABLE, Client
from desktop.cases.translit import digits, search_key
from desktop.cases.visibility import PARAM, case_condition, client_condition, scope_user
from desktop.security.permissions import Permission, requires

MIN_ENDING = 4
MIN_WORD = 2


@dataclass(frozen=True)
class SearchHit:
    """One client found; ``case_id`` is their open case, else their latest (None if none)."""

    case_id: int | None
    client_id: int
    name: str
    name_latin: str
    score: float
    case_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class SearchResults:
    """Hits, best first, and how long the search took (shown and benchmarked)."""

    results: list[SearchHit]
    elapsed_ms: float

    def to_json(self) -> dict[str, Any]:
        """The shape ``cases search --json`` prints (see INTERFACES)."""
        return {"results": [asdict(hit) for hit in self.results], "elapsed_ms": self.elapsed_ms}


def _endings(value: str) -> list[str]:
    return [value[i:] for i in range(len(value) - MIN_ENDING + 1)] if value else []


def index_row(
    *, full_name: str, phone: str | None, messenger: str | None, document: str | None, notes: str
) -> dict[str, str]:
    """The folded text stored in the index for one client."""
    numbers = [n for n in (digits(phone), digits(messenger)) if len(n) >= MIN_ENDING]
    doc = search_key(document or "").replace(" ", "")
    return {
        "name": search_key(full_name),
        "phone": " ".join(dict.fromkeys(e for n in numbers for e in _endings(n))),
        "doc": " ".join([doc, *_endings(doc)[1:]]) if doc else "",
        "notes": search_key(notes),
    }


def _row_for(client: Client) -> dict[str, str]:
    return index_row(
        full_name=client.full_name,
        phone=client.phone,
        messenger=client.messenger,
        document=client.document_number,
        notes=client.notes,
    )


INSERT_SQL = (
    f"INSERT INTO {FTS_TABLE} (rowid, name, phone, doc, notes) "
    "VALUES (:rowid, :name, :phone, :doc, :notes)"
)
UPDATE_SQL = (
    f"UPDATE {FTS_TABLE} SET name = :name, phone = :phone, doc = :doc, notes = :notes "
    "WHERE rowid = :rowid"
)
BLANK = {"name": "", "phone": "", "doc": "", "notes": ""}


def index_client(session: Session, client: Client) -> None:
    """Bring the client's index row in line with the record (blanked while deleted).

    A row is updated in place, never deleted and inserted again: SQLite 3.40's FTS5 corrupts
    its index when a rowid is deleted, a prefix query runs, and the same rowid is inserted
    within one transaction (delete, search, undo in one session does exactly that).
    """
    session.flush()
    connection = session.connection()
    values = {"rowid": client.id, **(BLANK if client.deleted_at is not None else _row_for(client))}
    exists = connection.execute(
        text(f"SELECT 1 FROM {FTS_TABLE} WHERE rowid = :id"), {"id": client.id}
    ).first()
    connection.execute(text(UPDATE_SQL if exists else INSERT_SQL), values)


def rebuild_search_index(session: Session) -> int:
    """Rebuild the whole index from the clients (after a change of folding, or if it drifted).

    Run it in a transaction of its own: it deletes and re-inserts every row (see
    :func:`index_client` for why that must not mix with searches).
    """
    connection = session.connection()
    connection.execute(text(f"DELETE FROM {FTS_TABLE}"))
    table = Client.__table__  # type: ignore[attr-defined]
    params = [
        {"rowid": r.id, **(BLANK if r.deleted_at is not None else _row_for(r))}  # type: ignore[arg-type]
        for r in connection.execute(table.select())
    ]
    if params:
        connection.execute(text(INSERT_SQL), params)
    return len(params)


def match_expression(query: str) -> str | None:
    """The FTS5 query for what was typed, or None when nothing searchable is left.

    Words must all match (each as a prefix, in any column). A query without letters is a
    phone or document number: its digits are looked up as one number, however they were
    spaced. Words of one character are left out (they would match half the log and make the
    search slow); a query of only such words finds nothing. Only folded ASCII letters and
    digits reach FTS5, so no input can break its syntax.
    """
    words = [w for w in search_key(query).split() if len(w) >= MIN_WORD]
    number = digits(query)
    has_letters = any(ch.isalpha() for ch in query)
    if not has_letters and len(number) >= MIN_ENDING:
        return f'{{phone doc}} : "{number}"*'
    if not words:
        return None
    expression = " AND ".join(f'"{w}"*' for w in words)
    compact = "".join(words)
    if len(words) > 1 and any(ch.isdigit() for ch in compact):
        # "AA 123 45 67" is one document number typed with spaces.
        expression = f'({expression}) OR ({{phone doc}} : "{compact}"*)'
    return expression


SEARCH_SQL = text(
    f"SELECT rowid, rank FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q ORDER BY rank LIMIT :limit"
)
CASES_SQL = (
    "SELECT client_id, id, status FROM case_file WHERE deleted_at IS NULL AND client_id IN ({ids}) "
    "ORDER BY client_id, opened_on DESC, id DESC"
)
CLIENTS_SQL = "SELECT id, full_name, name_latin FROM client WHERE id IN ({ids})"


@requires(Permission.CASES_READ)
def search_cases(*, session: Session, query: str, limit: int = 50) -> SearchResults:
    """Clients matching ``query``, best first, each with the case to open.

    A counsellor finds only clients of their own, shared and team cases (see
    :mod:`desktop.cases.visibility`); more index hits are read so that the page fills.
    """
    started = time.perf_counter()
    expression = match_expression(query)
    hits: list[SearchHit] = []
    user = scope_user(session)
    if expression:
        connection = session.connection()
        wanted = limit if user is None else limit * 4
        ranked = connection.execute(SEARCH_SQL, {"q": expression, "limit": wanted}).all()
        if ranked:
            ids = ",".join(str(int(row[0])) for row in ranked)
            clients_sql, cases_sql = CLIENTS_SQL.format(ids=ids), CASES_SQL.format(ids=ids)
            scoped: dict[str, Any] = {}
            if user is not None:
                clients_sql += f" AND {client_condition('client')}"
                cases_sql = cases_sql.replace(
                    " ORDER BY", f" AND {case_condition('case_file')} ORDER BY"
                )
                scoped = {PARAM: user}
            names = {r[0]: (r[1], r[2]) for r in connection.execute(text(clients_sql), scoped)}
            cases: dict[int, list[tuple[int, str]]] = {}
            for client_id, case_id, status in connection.execute(text(cases_sql), scoped):
                cases.setdefault(client_id, []).append((case_id, status))
            for client_id, rank in ranked:
                if client_id not in names:
                    continue
                own = cases.get(client_id, [])
                open_ids = [cid for cid, status in own if status != "closed"]
                chosen = open_ids[0] if open_ids else (own[0][0] if own else None)
                full_name, latin = names[client_id]
                hits.append(
                    SearchHit(
                        case_id=chosen,
                        client_id=client_id,
                        name=full_name,
                        name_latin=latin,
                        score=round(-float(rank), 3),
                        case_ids=[cid for cid, _ in own],
                    )
                )
                if len(hits) == limit:
                    break
    elapsed = (time.perf_counter() - started) * 1000
    return SearchResults(results=hits, elapsed_ms=round(elapsed, 2))
