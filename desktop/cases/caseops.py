"""Cases: open, describe, move through their statuses, close and reopen, read in full.

A case goes open → in progress → referred → closed; a closed case comes back only through
:func:`reopen_case`, so that the audit trail shows it was closed once. ``next_due_on`` (the
earliest open follow-up) is kept on the case so that lists can sort and filter 100 000 cases
by it through an index; :func:`refresh_next_due` is the one place that computes it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, col, delete, func, select

from db.models import CaseCategory, CaseFile, Client, Consultation, FollowUp, Referral, Trip
from db.schemas import (
    CaseCreate,
    CaseDetail,
    CaseRead,
    CaseUpdate,
    ConsultationRead,
    FollowUpRead,
    ReferralRead,
    TripRead,
)
from desktop.cases import vocab
from desktop.cases.base import (
    audit,
    changed_fields,
    get_live,
    history,
    now,
    owner,
    split_codes,
    today,
    write_connection,
)
from desktop.cases.clients import client_read
from desktop.cases.validation import choice, choices, country, optional_text, past_date
from desktop.errors import UserError
from desktop.i18n import gettext as _
from desktop.security.permissions import Permission, requires


def case_read(session: Session, row: CaseFile) -> CaseRead:
    """A detached read model of a case row, with its categories."""
    categories = session.exec(
        select(CaseCategory.category).where(CaseCategory.case_id == row.id)
    ).all()
    order = list(vocab.CATEGORIES)
    data = row.model_dump()
    data["categories"] = sorted(categories, key=order.index)
    return CaseRead.model_validate(data)


def _set_categories(session: Session, case_id: int, categories: list[str]) -> None:
    codes = split_codes(choices(categories, vocab.CATEGORIES, field=_("category")))
    session.exec(delete(CaseCategory).where(col(CaseCategory.case_id) == case_id))
    session.add_all(CaseCategory(case_id=case_id, category=code) for code in codes)


def refresh_next_due(session: Session, case_id: int) -> None:
    """Recompute the case's derived due data: its next due date and which follow-ups are active.

    A follow-up is active while it is not done, not deleted, and its case is open and not
    deleted; a closed case has no next due date. Every service that changes a follow-up or a
    case's status or deletion calls this.
    """
    session.flush()
    row = session.get(CaseFile, case_id)
    if row is None:
        return
    live = row.status != "closed" and row.deleted_at is None
    session.connection().execute(
        text(
            "UPDATE follow_up SET active = (done = 0 AND deleted_at IS NULL AND :live)"
            " WHERE case_id = :case_id"
        ),
        {"live": live, "case_id": case_id},
    )
    due = None
    if live:
        due = session.exec(
            select(func.min(FollowUp.due_on)).where(
                FollowUp.case_id == case_id,
                col(FollowUp.done).is_(False),
                col(FollowUp.deleted_at).is_(None),
            )
        ).one()
    if row.next_due_on != due:
        row.next_due_on = due
        session.add(row)


def live_open_case(session: Session, case_id: int) -> CaseFile:
    """A case that exists, is not deleted and is not closed (so things can be added to it)."""
    row = get_live(session, CaseFile, case_id, _("case"))
    if row.status == "closed":
        raise UserError(_("The case is closed; reopen it first."))
    return row


@requires(Permission.CASES_WRITE)
def open_case(*, session: Session, case_in: CaseCreate, who: str | None = None) -> CaseRead:
    """Open a case for a client who exists and has not been deleted."""
    get_live(session, Client, case_in.client_id, _("client"))
    stamp = now()
    row = CaseFile(
        client_id=case_in.client_id,
        opened_on=past_date(case_in.opened_on, field=_("opening date")) or today(),
        status="open",
        destination=country(case_in.destination, field=_("destination"), required=False),
        counsellor=optional_text(case_in.counsellor),
        notes=case_in.notes.strip(),
        made_up=case_in.made_up,
        created_at=stamp,
        updated_at=stamp,
        owner=owner(session),
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    _set_categories(session, row.id, case_in.categories)
    audit(session, who=who, record_type="case", record_id=row.id, action="create")
    return case_read(session, row)


@requires(Permission.CASES_WRITE)
def update_case(
    *, session: Session, case_id: int, case_in: CaseUpdate, who: str | None = None
) -> CaseRead:
    """Change a case's description (not its status); the audit trail names the fields."""
    row = get_live(session, CaseFile, case_id, _("case"))
    given = case_in.model_dump(exclude_unset=True)
    changes: dict[str, Any] = {}
    if "opened_on" in given:
        changes["opened_on"] = (
            past_date(given["opened_on"], field=_("opening date")) or row.opened_on
        )
    if "destination" in given:
        changes["destination"] = country(
            given["destination"], field=_("destination"), required=False
        )
    if "counsellor" in given:
        changes["counsellor"] = optional_text(given["counsellor"])
    if "outcome" in given:
        changes["outcome"] = choice(given["outcome"], vocab.OUTCOMES, field=_("outcome"))
    for name in ("outcome_note", "notes"):
        if name in given:
            changes[name] = (given[name] or "").strip()
    changed = changed_fields(row, changes)
    if (
        "categories" in given
        and sorted(given["categories"] or []) != case_read(session, row).categories
    ):
        _set_categories(session, case_id, given["categories"] or [])
        changed.append("categories")
    if changed:
        row.updated_at = now()
        session.add(row)
        audit(
            session,
            who=who,
            record_type="case",
            record_id=case_id,
            action="update",
            detail=", ".join(changed),
        )
    return case_read(session, row)


@requires(Permission.CASES_WRITE)
def set_case_status(
    *, session: Session, case_id: int, status: str, who: str | None = None, on: date | None = None
) -> CaseRead:
    """Move a case to another status along the allowed steps (see ``vocab.STATUS_CHANGES``)."""
    choice(status, vocab.CASE_STATUSES, field=_("status"))
    row = get_live(session, CaseFile, case_id, _("case"))
    if status == row.status:
        return case_read(session, row)
    if status not in vocab.STATUS_CHANGES[row.status]:
        raise UserError(
            _("A case that is {old} cannot become {new}.").format(
                old=_(vocab.CASE_STATUSES[row.status]).lower(),
                new=_(vocab.CASE_STATUSES[status]).lower(),
            )
        )
    old = row.status
    row.status = status
    row.closed_on = (
        (past_date(on, field=_("closing date")) or today()) if status == "closed" else None
    )
    row.updated_at = now()
    session.add(row)
    refresh_next_due(session, case_id)
    audit(
        session,
        who=who,
        record_type="case",
        record_id=case_id,
        action="update",
        detail=f"status: {old} -> {status}",
    )
    return case_read(session, row)


@requires(Permission.CASES_WRITE)
def close_case(
    *,
    session: Session,
    case_id: int,
    outcome: str | None = None,
    outcome_note: str | None = None,
    closed_on: date | None = None,
    who: str | None = None,
) -> CaseRead:
    """Close a case, recording its outcome for the donor statistics."""
    if outcome is not None or outcome_note is not None:
        update_case(
            session=session,
            case_id=case_id,
            case_in=CaseUpdate(outcome=outcome, outcome_note=outcome_note or ""),
            who=who,
        )
    return set_case_status(session=session, case_id=case_id, status="closed", who=who, on=closed_on)


@requires(Permission.CASES_WRITE)
def reopen_case(*, session: Session, case_id: int, who: str | None = None) -> CaseRead:
    """Reopen a closed case (the client came back with the same matter)."""
    row = get_live(session, CaseFile, case_id, _("case"))
    if row.status != "closed":
        raise UserError(_("Only a closed case can be reopened."))
    return set_case_status(session=session, case_id=case_id, status="open", who=who)


@requires(Permission.CASES_READ)
def get_case(*, session: Session, case_id: int, who: str | None = None) -> CaseRead:
    """A case that has not been deleted (the view is in the audit trail)."""
    write_connection(session)
    row = get_live(session, CaseFile, case_id, _("case"))
    audit(session, who=who, record_type="case", record_id=case_id, action="view")
    return case_read(session, row)


@requires(Permission.CASES_READ)
def get_case_detail(*, session: Session, case_id: int, who: str | None = None) -> CaseDetail:
    """The case with its client, consultations (newest first), follow-ups, referrals, trips.

    Opening a case shows the client's personal data: the view is in the audit trail (so the
    read is a write transaction, begun as one: see ``base.write_connection``).
    """
    write_connection(session)
    row = get_live(session, CaseFile, case_id, _("case"))
    audit(session, who=who, record_type="case", record_id=case_id, action="view")
    client = session.get(Client, row.client_id)
    assert client is not None

    def live(model, *order):
        owner = model.client_id if model is Trip else model.case_id
        key = row.client_id if model is Trip else case_id
        query = select(model).where(owner == key, col(model.deleted_at).is_(None))
        return session.exec(query.order_by(*order)).all()

    consultations = live(
        Consultation, col(Consultation.held_on).desc(), col(Consultation.id).desc()
    )
    follow_ups = live(FollowUp, col(FollowUp.done), col(FollowUp.due_on), col(FollowUp.id))
    return CaseDetail(
        case=case_read(session, row),
        client=client_read(client),
        consultations=[consultation_read(r) for r in consultations],
        follow_ups=[FollowUpRead.model_validate(r, from_attributes=True) for r in follow_ups],
        referrals=[
            ReferralRead.model_validate(r, from_attributes=True)
            for r in live(Referral, col(Referral.referred_on), col(Referral.id))
        ],
        trips=[
            TripRead.model_validate(r, from_attributes=True) for r in live(Trip, col(Trip.entry_on))
        ],
        history=history(session, record_type="case", record_id=case_id),
    )


def consultation_read(row: Consultation) -> ConsultationRead:
    """A detached read model of a consultation, with the cited rule ids as a list."""
    data = row.model_dump()
    data["rule_ids"] = split_codes(row.rule_ids)
    return ConsultationRead.model_validate(data)


@requires(Permission.CASES_SHARE)
def share_case(
    *, session: Session, case_id: int, username: str, shared: bool = True, who: str | None = None
) -> list[str]:
    """Share a case with another counsellor's account (or stop sharing); returns who has it.

    A counsellor shares only their own cases; a coordinator any case.
    """
    from db.models import CaseShare, UserAccount
    from desktop.security.permissions import PermissionDenied, current_actor

    row = get_live(session, CaseFile, case_id, _("case"))
    acting = current_actor(session)
    if not acting.can(Permission.CASES_ALL) and row.owner != acting.username:
        raise PermissionDenied(_("Only the case's own counsellor or a coordinator can share it."))
    name = (username or "").strip().lower()
    account = session.exec(select(UserAccount).where(UserAccount.username == name)).first()
    if account is None or not account.active:
        raise UserError(_("There is no active account {name}.").format(name=name))
    existing = session.get(CaseShare, (case_id, name))
    if shared and existing is None:
        session.add(CaseShare(case_id=case_id, username=name, created_at=now(), who=acting.name))
        audit(session, who=who, record_type="case", record_id=case_id, action="share",
              detail=f"with {name}")  # fmt: skip
    elif not shared and existing is not None:
        session.delete(existing)
        audit(session, who=who, record_type="case", record_id=case_id, action="unshare",
              detail=f"with {name}")  # fmt: skip
    session.flush()
    return list(session.exec(select(CaseShare.username).where(CaseShare.case_id == case_id)))
