"""The first case log: clients, cases, trips, consultations, follow-ups, referrals, audit.

Also creates the FTS5 search index of clients. It holds only normalised, transliterated forms
(written by ``desktop.cases.search``), so that "Karimov" finds "Каримов" and a partial phone
number finds the whole one; the index is not part of the models and Alembic's comparison skips it.

Revision ID: 0001
Revises:
Create Date: 2024-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("who", sa.String(), nullable=False),
        sa.Column("record_type", sa.String(), nullable=False),
        sa.Column("record_id", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("detail", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_at"), ["at"], unique=False)
        batch_op.create_index(
            "ix_audit_event_record_type_record_id", ["record_type", "record_id"], unique=False
        )

    op.create_table(
        "client",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(), nullable=False),
        sa.Column("name_latin", sa.String(), nullable=False),
        sa.Column("sex", sa.String(), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("citizenship", sa.String(), nullable=False),
        sa.Column("languages", sa.String(), nullable=False),
        sa.Column("phone", sa.String(), nullable=True),
        sa.Column("phone_key", sa.String(), nullable=True),
        sa.Column("messenger", sa.String(), nullable=True),
        sa.Column("document_type", sa.String(), nullable=True),
        sa.Column("document_number", sa.String(), nullable=True),
        sa.Column("document_key", sa.String(), nullable=True),
        sa.Column("consent_given", sa.Boolean(), nullable=False),
        sa.Column("consent_date", sa.Date(), nullable=True),
        sa.Column("consent_scope", sa.String(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("made_up", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client")),
    )
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_client_birth_date"), ["birth_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_client_birth_year"), ["birth_year"], unique=False)
        batch_op.create_index(batch_op.f("ix_client_citizenship"), ["citizenship"], unique=False)
        batch_op.create_index(batch_op.f("ix_client_document_key"), ["document_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_client_name_latin"), ["name_latin"], unique=False)
        batch_op.create_index(batch_op.f("ix_client_phone_key"), ["phone_key"], unique=False)

    op.create_table(
        "case_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("destination", sa.String(), nullable=True),
        sa.Column("counsellor", sa.String(), nullable=True),
        sa.Column("outcome", sa.String(), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("next_due_on", sa.Date(), nullable=True),
        sa.Column("made_up", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_case_file_client_id_client")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_file")),
    )
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.create_index(
            "ix_case_file_client_id_opened_on", ["client_id", "opened_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_case_file_counsellor"), ["counsellor"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_file_destination"), ["destination"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_file_next_due_on"), ["next_due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_file_opened_on"), ["opened_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_case_file_outcome"), ["outcome"], unique=False)
        batch_op.create_index(
            "ix_case_file_status_next_due_on", ["status", "next_due_on"], unique=False
        )
        batch_op.create_index(
            "ix_case_file_status_opened_on", ["status", "opened_on"], unique=False
        )
        batch_op.create_index(
            "ix_case_file_status_deleted_at", ["status", "deleted_at"], unique=False
        )

    op.create_table(
        "trip",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("destination", sa.String(), nullable=False),
        sa.Column("entry_on", sa.Date(), nullable=False),
        sa.Column("exit_on", sa.Date(), nullable=True),
        sa.Column("purpose", sa.String(), nullable=True),
        sa.Column("made_up", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_trip_client_id_client")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trip")),
    )
    with op.batch_alter_table("trip", schema=None) as batch_op:
        batch_op.create_index(
            "ix_trip_client_id_destination_entry_on",
            ["client_id", "destination", "entry_on"],
            unique=False,
        )

    op.create_table(
        "case_category",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_case_category_case_id_case_file")
        ),
        sa.PrimaryKeyConstraint("case_id", "category", name=op.f("pk_case_category")),
    )
    with op.batch_alter_table("case_category", schema=None) as batch_op:
        batch_op.create_index(
            "ix_case_category_category_case_id", ["category", "case_id"], unique=False
        )

    op.create_table(
        "consultation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("advice", sa.Text(), nullable=False),
        sa.Column("rule_ids", sa.String(), nullable=False),
        sa.Column("counsellor", sa.String(), nullable=True),
        sa.Column("made_up", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_consultation_case_id_case_file")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultation")),
    )
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.create_index(
            "ix_consultation_case_id_held_on", ["case_id", "held_on"], unique=False
        )

    op.create_table(
        "follow_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("rule_id", sa.String(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("made_up", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_follow_up_case_id_case_file")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up")),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index(
            "ix_follow_up_case_id_done_due_on", ["case_id", "done", "due_on"], unique=False
        )
        batch_op.create_index("ix_follow_up_active_due_on", ["active", "due_on"], unique=False)

    op.create_table(
        "referral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("to_name", sa.String(), nullable=False),
        sa.Column("to_rule_id", sa.String(), nullable=True),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("made_up", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_referral_case_id_case_file")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referral_case_id"), ["case_id"], unique=False)

    op.execute(
        "CREATE VIRTUAL TABLE client_fts USING fts5("
        "name, phone, doc, notes, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    # bm25 weights per column: a name match counts most, notes least.
    op.execute(
        "INSERT INTO client_fts(client_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 5.0, 1.0)')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE client_fts")
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_case_id"))

    op.drop_table("referral")
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_active_due_on")
        batch_op.drop_index("ix_follow_up_case_id_done_due_on")

    op.drop_table("follow_up")
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.drop_index("ix_consultation_case_id_held_on")

    op.drop_table("consultation")
    with op.batch_alter_table("case_category", schema=None) as batch_op:
        batch_op.drop_index("ix_case_category_category_case_id")

    op.drop_table("case_category")
    with op.batch_alter_table("trip", schema=None) as batch_op:
        batch_op.drop_index("ix_trip_client_id_destination_entry_on")

    op.drop_table("trip")
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.drop_index("ix_case_file_status_deleted_at")
        batch_op.drop_index("ix_case_file_status_opened_on")
        batch_op.drop_index("ix_case_file_status_next_due_on")
        batch_op.drop_index(batch_op.f("ix_case_file_outcome"))
        batch_op.drop_index(batch_op.f("ix_case_file_opened_on"))
        batch_op.drop_index(batch_op.f("ix_case_file_next_due_on"))
        batch_op.drop_index(batch_op.f("ix_case_file_destination"))
        batch_op.drop_index(batch_op.f("ix_case_file_counsellor"))
        batch_op.drop_index("ix_case_file_client_id_opened_on")

    op.drop_table("case_file")
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_phone_key"))
        batch_op.drop_index(batch_op.f("ix_client_name_latin"))
        batch_op.drop_index(batch_op.f("ix_client_document_key"))
        batch_op.drop_index(batch_op.f("ix_client_citizenship"))
        batch_op.drop_index(batch_op.f("ix_client_birth_year"))
        batch_op.drop_index(batch_op.f("ix_client_birth_date"))

    op.drop_table("client")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_event_record_type_record_id")
        batch_op.drop_index(batch_op.f("ix_audit_event_at"))

    op.drop_table("audit_event")
