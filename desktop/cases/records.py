"""Consultations and follow-ups: what was said in a case, and what to do next by when.

Follow-ups come by hand or in one step from the stay calculator's deadlines
(:func:`add_follow_ups`); every change to them recomputes the case's next due date.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from db.models import Consultation, FollowUp
from db.schemas import (
    ConsultationCreate,
    ConsultationRead,
    ConsultationUpdate,
    FollowUpCreate,
    FollowUpRead,
    FollowUpUpdate,
)
from desktop.cases import vocab
from desktop.cases.base import changed_fields, get_live, save_row, stamps, today
from desktop.cases.caseops import (
    consultation_read,
    live_open_case,
    refresh_next_due,
    set_case_status,
)
from desktop.cases.validation import choice, clean_rule_ids, optional_text, past_date, text
from desktop.errors import UserError
from desktop.i18n import gettext as _
from desktop.security.permissions import Permission, requires


def _consultation_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "held_on": past_date(data["held_on"], field=_("consultation date")),
        "channel": choice(data["channel"], vocab.CHANNELS, field=_("channel")) or "",
        "summary": (data.get("summary") or "").strip(),
        "advice": (data.get("advice") or "").strip(),
        "rule_ids": clean_rule_ids(data.get("rule_ids") or []),
        "counsellor": optional_text(data.get("counsellor")),
    }


@requires(Permission.CASES_WRITE)
def add_consultation(
    *, session: Session, consultation_in: ConsultationCreate, who: str | None = None
) -> ConsultationRead:
    """Record a consultation; a consultation on an open case moves it to "in progress"."""
    case = live_open_case(session, consultation_in.case_id)
    if not consultation_in.channel:
        raise UserError(_("Choose how the consultation took place."))
    row = Consultation(
        case_id=consultation_in.case_id,
        made_up=consultation_in.made_up,
        **_consultation_fields(consultation_in.model_dump()),
        **stamps(),
    )
    save_row(session, row, "consultation", who, [])
    if case.status == "open":
        set_case_status(
            session=session, case_id=consultation_in.case_id, status="in_progress", who=who
        )
    return consultation_read(row)


@requires(Permission.CASES_WRITE)
def update_consultation(
    *,
    session: Session,
    consultation_id: int,
    consultation_in: ConsultationUpdate,
    who: str | None = None,
) -> ConsultationRead:
    """Correct a consultation; the audit trail names the fields changed."""
    row = get_live(session, Consultation, consultation_id, _("consultation"))
    merged = consultation_read(row).model_dump() | consultation_in.model_dump(exclude_unset=True)
    changed = changed_fields(row, _consultation_fields(merged))
    if changed:
        save_row(session, row, "consultation", who, changed)
    return consultation_read(row)


@requires(Permission.CASES_WRITE)
def add_follow_up(
    *, session: Session, follow_up_in: FollowUpCreate, who: str | None = None
) -> FollowUpRead:
    """Add one follow-up by hand."""
    [created] = add_follow_ups(
        session,
        follow_up_in.case_id,
        [(follow_up_in.due_on, follow_up_in.what, follow_up_in.rule_id)],
        who=who,
        made_up=follow_up_in.made_up,
    )
    return created


@requires(Permission.CASES_WRITE)
def add_follow_ups(
    session: Session,
    case_id: int,
    items: Iterable[tuple[date, str, str | None]],
    *,
    who: str | None = None,
    made_up: bool = False,
) -> list[FollowUpRead]:
    """Add follow-ups in one step, e.g. the calculator's "register by …", "leave by …".

    ``items`` are ``(due_date, text, rule_id or None)``. An item identical to an open
    follow-up of the case (same date, text and rule) is not added twice, so pressing the
    button again is harmless; the existing one is returned in its place.
    """
    live_open_case(session, case_id)
    existing = {
        (r.due_on, r.what, r.rule_id): r
        for r in session.exec(
            select(FollowUp).where(
                FollowUp.case_id == case_id,
                col(FollowUp.done).is_(False),
                col(FollowUp.deleted_at).is_(None),
            )
        )
    }
    result = []
    for due_on, what, rule_id in items:
        key = (
            due_on,
            text(what, field=_("follow-up"), required=True, limit=2000),
            optional_text(rule_id),
        )
        if key[2] is not None:
            clean_rule_ids([key[2]])
        row = existing.get(key)
        if row is None:
            row = FollowUp(
                case_id=case_id,
                due_on=due_on,
                what=key[1],
                rule_id=key[2],
                made_up=made_up,
                **stamps(),
            )
            save_row(session, row, "follow_up", who, [])
            existing[key] = row
        result.append(FollowUpRead.model_validate(row, from_attributes=True))
    refresh_next_due(session, case_id)
    return result


@requires(Permission.CASES_WRITE)
def update_follow_up(
    *, session: Session, follow_up_id: int, follow_up_in: FollowUpUpdate, who: str | None = None
) -> FollowUpRead:
    """Move or reword a follow-up."""
    row = get_live(session, FollowUp, follow_up_id, _("follow-up"))
    given = follow_up_in.model_dump(exclude_unset=True)
    changes = {}
    if given.get("due_on"):
        changes["due_on"] = given["due_on"]
    if "what" in given:
        changes["what"] = text(given["what"], field=_("follow-up"), required=True, limit=2000)
    if "rule_id" in given:
        changes["rule_id"] = optional_text(given["rule_id"])
    changed = changed_fields(row, changes)
    if changed:
        save_row(session, row, "follow_up", who, changed)
        refresh_next_due(session, row.case_id)
    return FollowUpRead.model_validate(row, from_attributes=True)


@requires(Permission.CASES_WRITE)
def set_follow_up_done(
    *,
    session: Session,
    follow_up_id: int,
    done: bool = True,
    done_on: date | None = None,
    who: str | None = None,
) -> FollowUpRead:
    """Tick a follow-up off (or un-tick it); the case's next due date follows."""
    row = get_live(session, FollowUp, follow_up_id, _("follow-up"))
    changes = {
        "done": done,
        "done_on": (past_date(done_on, field=_("date")) or today()) if done else None,
    }
    changed = changed_fields(row, changes)
    if changed:
        save_row(session, row, "follow_up", who, changed)
        refresh_next_due(session, row.case_id)
    return FollowUpRead.model_validate(row, from_attributes=True)


# The rest of what happens within a case lives in its own modules; ``records`` stays the one
# place to import any of it from (the leaflets and the desk use it that way).
from desktop.cases.deletion import KINDS, delete_record, restore_record  # noqa: E402
from desktop.cases.trips import (  # noqa: E402
    add_referral,
    add_trip,
    list_trips,
    update_referral,
    update_trip,
)

__all__ = [
    "KINDS",
    "add_consultation",
    "add_follow_up",
    "add_follow_ups",
    "add_referral",
    "add_trip",
    "delete_record",
    "list_trips",
    "restore_record",
    "set_follow_up_done",
    "update_consultation",
    "update_follow_up",
    "update_referral",
    "update_trip",
]
