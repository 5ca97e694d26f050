"""Clients: create, change, read, and warn when a new client looks like someone already known.

Services take the session and keyword arguments and return read models, like ``crud.py`` in
the SQLModel template; the caller owns the transaction (``db.engine.session_scope``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from typing import Any

from sqlmodel import Session, and_, col, or_, select

from db.models import Client
from db.schemas import ClientCreate, ClientRead, ClientUpdate
from desktop.cases.base import (
    audit,
    changed_fields,
    get_live,
    now,
    owner,
    split_codes,
    write_connection,
)
from desktop.cases.search import index_client
from desktop.cases.translit import document_key, phone_key, search_key
from desktop.cases.validation import clean_client
from desktop.i18n import N_
from desktop.i18n import gettext as _
from desktop.security.permissions import Permission, requires

#: How alike two folded names must be (0–1) to count as "similar" for the duplicate warning.
SIMILAR_NAME = 0.82
#: Enough for everyone born in one year in a large log; more would only slow the form down.
MAX_CANDIDATES = 5000
REASONS = {
    "same_phone": N_("same phone number"),
    "same_document": N_("same document number"),
    "same_birth_date_similar_name": N_("same birth date and a similar name"),
    "same_birth_year_similar_name": N_("same birth year and a very similar name"),
}


@dataclass(frozen=True)
class DuplicateRead:
    """An existing client who may be the same person, and why the app thinks so."""

    client_id: int
    full_name: str
    name_latin: str
    citizenship: str
    birth_date: date | None
    birth_year: int | None
    reasons: list[str] = field(default_factory=list)

    @property
    def reason(self) -> str:
        """The reasons in words, for the banner."""
        return "; ".join(_(REASONS[code]) for code in self.reasons)


def client_read(row: Client) -> ClientRead:
    """A detached read model of a client row."""
    data = row.model_dump()
    data["languages"] = split_codes(row.languages)
    data["consent_scope"] = split_codes(row.consent_scope)
    return ClientRead.model_validate(data)


@requires(Permission.CASES_WRITE)
def create_client(
    *, session: Session, client_in: ClientCreate, who: str | None = None
) -> ClientRead:
    """Add a client (checked, transliterated and indexed for search)."""
    stamp = now()
    row = Client(
        **clean_client(client_in.model_dump()),
        made_up=client_in.made_up,
        created_at=stamp,
        updated_at=stamp,
        owner=owner(session),
    )
    session.add(row)
    session.flush()
    index_client(session, row)
    audit(session, who=who, record_type="client", record_id=row.id, action="create")
    return client_read(row)


@requires(Permission.CASES_WRITE)
def update_client(
    *, session: Session, client_id: int, client_in: ClientUpdate, who: str | None = None
) -> ClientRead:
    """Change the fields that were set in ``client_in``; the audit trail names them."""
    row = get_live(session, Client, client_id, _("client"))
    merged: dict[str, Any] = client_read(row).model_dump()
    merged.update(client_in.model_dump(exclude_unset=True))
    changed = changed_fields(row, clean_client(merged))
    if changed:
        row.updated_at = now()
        session.add(row)
        index_client(session, row)
        visible = [name for name in changed if not name.endswith(("_key", "_latin"))]
        audit(
            session,
            who=who,
            record_type="client",
            record_id=client_id,
            action="update",
            detail=", ".join(visible),
        )
    return client_read(row)


@requires(Permission.CASES_READ)
def get_client(*, session: Session, client_id: int, who: str | None = None) -> ClientRead:
    """A client who has not been deleted (the view is in the audit trail)."""
    write_connection(session)
    row = get_live(session, Client, client_id, _("client"))
    audit(session, who=who, record_type="client", record_id=client_id, action="view")
    return client_read(row)


def _name_similarity(a: str, b: str) -> float:
    a_sorted, b_sorted = " ".join(sorted(a.split())), " ".join(sorted(b.split()))
    return SequenceMatcher(None, a_sorted, b_sorted).ratio()


@requires(Permission.CASES_READ)
def find_likely_duplicates(
    session: Session, client_in: ClientCreate | ClientUpdate, *, exclude_id: int | None = None
) -> list[DuplicateRead]:
    """Existing clients who may be the person being entered, most reasons first.

    A match is the same phone (last nine digits), the same document number, or the same
    birth date with a similar name in any script; with only a birth year, the name must be
    very similar. This is a warning for the counsellor, never a refusal. A client of a case
    the counsellor may not see is named only by number ("ask a coordinator").
    """
    from desktop.cases.visibility import client_visible, scope_user

    user = scope_user(session)
    phone = phone_key(client_in.phone)
    doc = document_key(client_in.document_number)
    name = search_key(client_in.full_name or "")
    born = client_in.birth_date
    year = born.year if born else client_in.birth_year
    conditions = []
    if phone:
        conditions.append(col(Client.phone_key) == phone)
    if doc:
        conditions.append(col(Client.document_key) == doc)
    if name and born:
        conditions.append(col(Client.birth_date) == born)
        conditions.append(and_(col(Client.birth_year) == year, col(Client.birth_date).is_(None)))
    elif name and year:
        conditions.append(col(Client.birth_year) == year)
    if not conditions:
        return []
    query = select(Client).where(col(Client.deleted_at).is_(None), or_(*conditions))
    if exclude_id is not None:
        query = query.where(col(Client.id) != exclude_id)
    found: list[DuplicateRead] = []
    for row in session.exec(query.limit(MAX_CANDIDATES)):
        reasons = []
        if phone and row.phone_key == phone:
            reasons.append("same_phone")
        if doc and row.document_key == doc:
            reasons.append("same_document")
        similarity = _name_similarity(name, search_key(row.full_name)) if name else 0.0
        if born and row.birth_date == born and similarity >= SIMILAR_NAME:
            reasons.append("same_birth_date_similar_name")
        elif (
            year
            and row.birth_year == year
            and (born is None or row.birth_date is None)
            and similarity >= (1 + SIMILAR_NAME) / 2
        ):
            reasons.append("same_birth_year_similar_name")
        if reasons:
            hidden = user is not None and not client_visible(session, row.id or 0, user)
            found.append(
                DuplicateRead(
                    client_id=row.id or 0,
                    full_name=_("another counsellor's client") if hidden else row.full_name,
                    name_latin="" if hidden else row.name_latin,
                    citizenship=row.citizenship,
                    birth_date=None if hidden else row.birth_date,
                    birth_year=None if hidden else row.birth_year,
                    reasons=reasons,
                )
            )
    found.sort(key=lambda d: (-len(d.reasons), d.client_id))
    return found
