"""The case log's tables (SQLModel), in the layout of the SQLModel full-stack template.

The ``…Create`` / ``…Update`` / ``…Read`` classes that services accept and return live in
:mod:`db.schemas`; this module holds only what is stored. Notes on the design:

* Records are never erased by the app: ``deleted_at`` marks a soft delete, so "undo" is a
  restore and an accidental click loses nothing.
* ``made_up`` marks demo records (``cases demo``) so that they never reach donor statistics
  and can be told apart from real people.
* Derived columns (``name_latin``, ``phone_key``, ``document_key``, ``next_due_on``) are
  written by the services; they exist for duplicate checks and for lists that must stay fast
  at 100 000 cases.
* Multi-valued fields that are only ever read whole (languages, consent scope, cited rule ids)
  are comma-separated text; case categories get their own table because lists filter and
  statistics count by them.
* ``owner`` (a user account's name) says whose client or case it is: a counsellor sees their
  own cases and those shared with them (``case_share``). A case without an owner was made
  before the log had accounts, or by the local administrator, and is the whole team's.
* ``anonymised_at`` marks a client whose personal data was removed (retention or erasure).
* The audit trail cannot be changed or deleted: triggers made by migration 0003 refuse it.

Do not add ``from __future__ import annotations`` here: SQLModel reads the annotations.
"""

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Index, Integer, MetaData, Text
from sqlmodel import Field, SQLModel

#: Constraint names that Alembic's batch mode (table copies on SQLite) can find again.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata: MetaData = SQLModel.metadata
metadata.naming_convention = NAMING_CONVENTION

#: The full-text index of clients (FTS5, created by the migrations, not part of the metadata).
FTS_TABLE = "client_fts"


def _fk(target: str, *, index: bool = True) -> Column:
    return Column(Integer, ForeignKey(target), nullable=False, index=index)


class Client(SQLModel, table=True):
    """A person the NGO advises. ``full_name`` is kept exactly as written, in any script."""

    id: int | None = Field(default=None, primary_key=True)
    full_name: str
    name_latin: str = Field(index=True)
    sex: str | None = None
    birth_date: date | None = Field(default=None, index=True)
    birth_year: int | None = Field(default=None, index=True)
    citizenship: str = Field(index=True)
    languages: str = ""
    phone: str | None = None
    phone_key: str | None = Field(default=None, index=True)
    messenger: str | None = None
    document_type: str | None = None
    document_number: str | None = None
    document_key: str | None = Field(default=None, index=True)
    consent_given: bool = False
    consent_date: date | None = None
    consent_scope: str = ""
    notes: str = Field(default="", sa_type=Text)
    made_up: bool = False
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None
    owner: str | None = None
    anonymised_at: datetime | None = None


class CaseFile(SQLModel, table=True):
    """One matter a client brought (a case); a client may have several over the years."""

    __tablename__ = "case_file"
    __table_args__ = (
        Index("ix_case_file_status_next_due_on", "status", "next_due_on"),
        Index("ix_case_file_status_opened_on", "status", "opened_on"),
        Index("ix_case_file_status_deleted_at", "status", "deleted_at"),
        Index("ix_case_file_client_id_opened_on", "client_id", "opened_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(sa_column=_fk("client.id", index=False))
    opened_on: date = Field(index=True)
    closed_on: date | None = None
    status: str = Field(default="open")
    destination: str | None = Field(default=None, index=True)
    counsellor: str | None = Field(default=None, index=True)
    outcome: str | None = Field(default=None, index=True)
    outcome_note: str = Field(default="", sa_type=Text)
    notes: str = Field(default="", sa_type=Text)
    next_due_on: date | None = Field(default=None, index=True)
    made_up: bool = False
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None
    owner: str | None = Field(default=None, index=True)


class CaseShare(SQLModel, table=True):
    """A case its owner shares with another counsellor (by account name)."""

    __tablename__ = "case_share"

    case_id: int = Field(
        sa_column=Column(Integer, ForeignKey("case_file.id"), primary_key=True, nullable=False)
    )
    username: str = Field(primary_key=True, index=True)
    created_at: datetime
    who: str


class CaseCategory(SQLModel, table=True):
    """The categories of a case (registration, unpaid wages, trafficking, …)."""

    __tablename__ = "case_category"
    __table_args__ = (Index("ix_case_category_category_case_id", "category", "case_id"),)

    case_id: int = Field(
        sa_column=Column(Integer, ForeignKey("case_file.id"), primary_key=True, nullable=False)
    )
    category: str = Field(primary_key=True)


class Trip(SQLModel, table=True):
    """A stay in a destination country; the stay calculator reads a client's trips."""

    __table_args__ = (
        Index("ix_trip_client_id_destination_entry_on", "client_id", "destination", "entry_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    client_id: int = Field(sa_column=_fk("client.id", index=False))
    destination: str
    entry_on: date
    exit_on: date | None = None
    purpose: str | None = None
    made_up: bool = False
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None


class Consultation(SQLModel, table=True):
    """A conversation with the client, the advice given and the rule ids that advice cited."""

    __table_args__ = (Index("ix_consultation_case_id_held_on", "case_id", "held_on"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(sa_column=_fk("case_file.id", index=False))
    held_on: date
    channel: str
    summary: str = Field(default="", sa_type=Text)
    advice: str = Field(default="", sa_type=Text)
    rule_ids: str = ""
    counsellor: str | None = None
    made_up: bool = False
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None


class FollowUp(SQLModel, table=True):
    """Something to do by a date ("register by …", "call back"), possibly from a rule."""

    __tablename__ = "follow_up"
    __table_args__ = (
        Index("ix_follow_up_active_due_on", "active", "due_on"),
        Index("ix_follow_up_case_id_done_due_on", "case_id", "done", "due_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(sa_column=_fk("case_file.id", index=False))
    due_on: date
    what: str = Field(sa_type=Text)
    rule_id: str | None = None
    done: bool = False
    done_on: date | None = None
    # Derived: not done, not deleted, and its case open and not deleted. The Today lists and
    # their counts read only this table's index instead of joining 40 000 cases.
    active: bool = True
    made_up: bool = False
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None


class Referral(SQLModel, table=True):
    """A referral to an organisation: one from the rule data's contacts, or the NGO's own."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(sa_column=_fk("case_file.id"))
    to_name: str
    to_rule_id: str | None = None
    referred_on: date
    status: str = "sent"
    notes: str = Field(default="", sa_type=Text)
    made_up: bool = False
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None


class AuditEvent(SQLModel, table=True):
    """Who did what to which record, and when; ``detail`` names fields, never their values."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_record_type_record_id", "record_type", "record_id"),)

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    who: str
    record_type: str
    record_id: str
    action: str
    detail: str = ""


class LocalRule(SQLModel, table=True):
    """A rule the NGO verified itself; ``record`` is the rule-file record as JSON text."""

    __tablename__ = "local_rule"

    id: str = Field(primary_key=True)
    record: str = Field(sa_type=Text)
    created_at: datetime
    updated_at: datetime
    who: str
    deleted: bool = False


class UserAccount(SQLModel, table=True):
    """Someone who signs in: ``roles`` is a comma-separated subset of counsellor, coordinator,
    administrator; ``password_hash`` an Argon2id hash (argon2-cffi's encoded form)."""

    __tablename__ = "user_account"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(unique=True)
    display_name: str = ""
    roles: str
    password_hash: str
    active: bool = True
    created_at: datetime
    updated_at: datetime
    last_login_at: datetime | None = None


class LogSetting(SQLModel, table=True):
    """Values that belong to this case log and must stay inside its encryption (the secret key
    of the research pseudonyms, the date retention last ran)."""

    __tablename__ = "log_setting"

    key: str = Field(primary_key=True)
    value: str = Field(sa_type=Text)
