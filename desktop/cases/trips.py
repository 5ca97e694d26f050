"""Trips and referrals: where the client has stayed, and who else is helping them.

Trips feed the stay calculator (:func:`list_trips`), so two stays at once are refused.
A referral names an organisation from the rule data's contacts (its rule id and name) or the
NGO's own contact as free text.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from db.models import Client, Referral, Trip
from db.schemas import (
    ReferralCreate,
    ReferralRead,
    ReferralUpdate,
    TripCreate,
    TripRead,
    TripUpdate,
)
from desktop.cases import vocab
from desktop.cases.base import changed_fields, get_live, save_row, stamps
from desktop.cases.caseops import live_open_case, set_case_status
from desktop.cases.validation import choice, clean_rule_ids, country, optional_text, past_date, text
from desktop.errors import UserError
from desktop.i18n import gettext as _
from desktop.security.permissions import Permission, requires


def _trip_fields(
    session: Session, client_id: int, data: dict[str, Any], trip_id: int | None
) -> dict[str, Any]:
    entry_on, exit_on = data["entry_on"], data.get("exit_on")
    if exit_on is not None and exit_on < entry_on:
        raise UserError(_("A trip cannot end before it starts."))
    far = date.max
    for other in session.exec(
        select(Trip).where(Trip.client_id == client_id, col(Trip.deleted_at).is_(None))
    ):
        if (
            other.id != trip_id
            and entry_on < (other.exit_on or far)
            and other.entry_on < (exit_on or far)
        ):
            raise UserError(_("This trip overlaps another trip of the same client."))
    return {
        "destination": country(data["destination"], field=_("destination")),
        "entry_on": entry_on,
        "exit_on": exit_on,
        "purpose": optional_text(data.get("purpose")),
    }


@requires(Permission.CASES_WRITE)
def add_trip(*, session: Session, trip_in: TripCreate, who: str | None = None) -> TripRead:
    """Record a stay abroad for the stay calculator."""
    get_live(session, Client, trip_in.client_id, _("client"))
    fields = _trip_fields(session, trip_in.client_id, trip_in.model_dump(), None)
    row = Trip(client_id=trip_in.client_id, made_up=trip_in.made_up, **fields, **stamps())
    save_row(session, row, "trip", who, [])
    return TripRead.model_validate(row, from_attributes=True)


@requires(Permission.CASES_WRITE)
def update_trip(
    *, session: Session, trip_id: int, trip_in: TripUpdate, who: str | None = None
) -> TripRead:
    """Correct a trip, typically to add the exit date."""
    row = get_live(session, Trip, trip_id, _("trip"))
    merged = row.model_dump() | trip_in.model_dump(exclude_unset=True)
    changed = changed_fields(row, _trip_fields(session, row.client_id, merged, trip_id))
    if changed:
        save_row(session, row, "trip", who, changed)
    return TripRead.model_validate(row, from_attributes=True)


@requires(Permission.CASES_READ)
def list_trips(
    *, session: Session, client_id: int, destination: str | None = None
) -> list[TripRead]:
    """A client's trips, oldest first, optionally to one destination (the calculator's input)."""
    get_live(session, Client, client_id, _("client"))
    query = select(Trip).where(Trip.client_id == client_id, col(Trip.deleted_at).is_(None))
    if destination:
        query = query.where(Trip.destination == destination.upper())
    return [
        TripRead.model_validate(r, from_attributes=True)
        for r in session.exec(query.order_by(col(Trip.entry_on)))
    ]


def _referral_fields(data: dict[str, Any]) -> dict[str, Any]:
    rule_id = optional_text(data.get("to_rule_id"))
    if rule_id:
        clean_rule_ids([rule_id])
    return {
        "to_name": text(data.get("to_name"), field=_("organisation"), required=True, limit=300),
        "to_rule_id": rule_id,
        "referred_on": past_date(data["referred_on"], field=_("referral date")),
        "status": choice(
            data.get("status") or "sent", vocab.REFERRAL_STATUSES, field=_("referral status")
        ),
        "notes": (data.get("notes") or "").strip(),
    }


@requires(Permission.CASES_WRITE)
def add_referral(
    *, session: Session, referral_in: ReferralCreate, who: str | None = None
) -> ReferralRead:
    """Refer the client on; an open or in-progress case becomes "referred"."""
    case = live_open_case(session, referral_in.case_id)
    row = Referral(
        case_id=referral_in.case_id,
        made_up=referral_in.made_up,
        **_referral_fields(referral_in.model_dump()),
        **stamps(),
    )
    save_row(session, row, "referral", who, [])
    if case.status in ("open", "in_progress"):
        set_case_status(session=session, case_id=referral_in.case_id, status="referred", who=who)
    return ReferralRead.model_validate(row, from_attributes=True)


@requires(Permission.CASES_WRITE)
def update_referral(
    *, session: Session, referral_id: int, referral_in: ReferralUpdate, who: str | None = None
) -> ReferralRead:
    """Change a referral, typically its status once the organisation answered."""
    row = get_live(session, Referral, referral_id, _("referral"))
    merged = row.model_dump() | referral_in.model_dump(exclude_unset=True)
    changed = changed_fields(row, _referral_fields(merged))
    if changed:
        save_row(session, row, "referral", who, changed)
    return ReferralRead.model_validate(row, from_attributes=True)
