"""What services accept (``…Create``, ``…Update``) and return (``…Read``): never live rows.

A read model is a detached copy, so a widget can hold it as long as it likes without keeping a
session open or seeing a half-finished edit. ``…Update`` classes follow the SQLModel template:
only the fields that were set (``model_dump(exclude_unset=True)``) are changed.
Lists that the stored rows keep as comma-separated text are real lists here.
"""

from datetime import date, datetime

from sqlmodel import Field, SQLModel


class ClientCreate(SQLModel):
    """A new client as the intake form or ``cases add`` describes them."""

    full_name: str
    citizenship: str
    sex: str | None = None
    birth_date: date | None = None
    birth_year: int | None = None
    languages: list[str] = Field(default_factory=list)
    phone: str | None = None
    messenger: str | None = None
    document_type: str | None = None
    document_number: str | None = None
    consent_given: bool = False
    consent_date: date | None = None
    consent_scope: list[str] = Field(default_factory=list)
    notes: str = ""
    made_up: bool = False


class ClientUpdate(SQLModel):
    """Changes to a client; fields left unset stay as they are."""

    full_name: str | None = None
    citizenship: str | None = None
    sex: str | None = None
    birth_date: date | None = None
    birth_year: int | None = None
    languages: list[str] | None = None
    phone: str | None = None
    messenger: str | None = None
    document_type: str | None = None
    document_number: str | None = None
    consent_given: bool | None = None
    consent_date: date | None = None
    consent_scope: list[str] | None = None
    notes: str | None = None


class ClientRead(ClientCreate):
    """A client as stored, with the computed Latin transliteration of the name."""

    id: int
    name_latin: str
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None


class CaseCreate(SQLModel):
    """A new case for an existing client; ``opened_on`` defaults to today."""

    client_id: int
    opened_on: date | None = None
    categories: list[str] = Field(default_factory=list)
    destination: str | None = None
    counsellor: str | None = None
    notes: str = ""
    made_up: bool = False


class CaseUpdate(SQLModel):
    """Changes to a case's description; status changes go through their own services."""

    opened_on: date | None = None
    categories: list[str] | None = None
    destination: str | None = None
    counsellor: str | None = None
    outcome: str | None = None
    outcome_note: str | None = None
    notes: str | None = None


class CaseRead(SQLModel):
    """A case as stored."""

    id: int
    client_id: int
    opened_on: date
    closed_on: date | None = None
    status: str
    categories: list[str] = Field(default_factory=list)
    destination: str | None = None
    counsellor: str | None = None
    outcome: str | None = None
    outcome_note: str = ""
    notes: str = ""
    next_due_on: date | None = None
    made_up: bool = False
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None


class TripCreate(SQLModel):
    """A stay abroad: entry and (once known) exit, both days counted as days of stay."""

    client_id: int
    destination: str
    entry_on: date
    exit_on: date | None = None
    purpose: str | None = None
    made_up: bool = False


class TripRead(TripCreate):
    """A trip as stored."""

    id: int
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None


class ConsultationCreate(SQLModel):
    """A consultation: when, how, what was said and which rules the advice rested on."""

    case_id: int
    held_on: date
    channel: str
    summary: str = ""
    advice: str = ""
    rule_ids: list[str] = Field(default_factory=list)
    counsellor: str | None = None
    made_up: bool = False


class ConsultationRead(ConsultationCreate):
    """A consultation as stored."""

    id: int
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None


class FollowUpCreate(SQLModel):
    """Something to do by a date; ``rule_id`` when it comes from a deadline the rules set."""

    case_id: int
    due_on: date
    what: str
    rule_id: str | None = None
    made_up: bool = False


class FollowUpRead(FollowUpCreate):
    """A follow-up as stored."""

    id: int
    done: bool = False
    done_on: date | None = None
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None


class ReferralCreate(SQLModel):
    """A referral; ``to_rule_id`` names a contact record of the rule data, if it is one."""

    case_id: int
    to_name: str
    to_rule_id: str | None = None
    referred_on: date
    status: str = "sent"
    notes: str = ""
    made_up: bool = False


class ReferralRead(ReferralCreate):
    """A referral as stored."""

    id: int
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None


class AuditEventRead(SQLModel):
    """One line of a record's history."""

    id: int
    at: datetime
    who: str
    record_type: str
    record_id: str
    action: str
    detail: str = ""


class CaseDetail(SQLModel):
    """Everything the case view shows, read in one go."""

    case: CaseRead
    client: ClientRead
    consultations: list[ConsultationRead] = Field(default_factory=list)
    follow_ups: list[FollowUpRead] = Field(default_factory=list)
    referrals: list[ReferralRead] = Field(default_factory=list)
    trips: list[TripRead] = Field(default_factory=list)
    history: list[AuditEventRead] = Field(default_factory=list)


class ConsultationUpdate(SQLModel):
    """Changes to a consultation; fields left unset stay as they are."""

    held_on: date | None = None
    channel: str | None = None
    summary: str | None = None
    advice: str | None = None
    rule_ids: list[str] | None = None
    counsellor: str | None = None


class FollowUpUpdate(SQLModel):
    """Changes to a follow-up (marking it done has its own service)."""

    due_on: date | None = None
    what: str | None = None
    rule_id: str | None = None


class TripUpdate(SQLModel):
    """Changes to a trip, typically the exit date once the client is back."""

    destination: str | None = None
    entry_on: date | None = None
    exit_on: date | None = None
    purpose: str | None = None


class ReferralUpdate(SQLModel):
    """Changes to a referral, typically its status."""

    to_name: str | None = None
    to_rule_id: str | None = None
    referred_on: date | None = None
    status: str | None = None
    notes: str | None = None
