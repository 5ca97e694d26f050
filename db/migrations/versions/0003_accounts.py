"""Accounts, case owners and sharing, anonymisation marks, log secrets; a tamper-proof audit.

* ``user_account``: who may sign in, with which roles, and an Argon2id password hash;
* ``client.owner``, ``case_file.owner`` and ``case_share``: whose cases a counsellor sees;
  records from before accounts have no owner and stay visible to the whole team;
* ``client.anonymised_at``: when retention or an erasure removed the person's data;
* ``log_setting``: values kept inside the encrypted log (the pseudonym secret, for one);
* triggers that refuse any UPDATE or DELETE of ``audit_event``: the trail can only grow.

Revision ID: 0003
Revises: 0002
Create Date: 2025-01-20
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AUDIT_TRIGGERS = {
    "audit_event_no_update": "UPDATE",
    "audit_event_no_delete": "DELETE",
}


def upgrade() -> None:
    op.create_table(
        "user_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(), nullable=False),
        sa.Column("display_name", sa.String(), nullable=False),
        sa.Column("roles", sa.String(), nullable=False),
        sa.Column("password_hash", sa.String(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_account")),
        sa.UniqueConstraint("username", name=op.f("uq_user_account_username")),
    )
    op.create_table(
        "log_setting",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_log_setting")),
    )
    op.create_table(
        "case_share",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("who", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_case_share_case_id_case_file")
        ),
        sa.PrimaryKeyConstraint("case_id", "username", name=op.f("pk_case_share")),
    )
    with op.batch_alter_table("case_share", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_share_username"), ["username"], unique=False)
    # Plain ALTER TABLE ADD COLUMN (no table copy): both columns are nullable.
    op.add_column("client", sa.Column("owner", sa.String(), nullable=True))
    op.add_column("client", sa.Column("anonymised_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("case_file", sa.Column("owner", sa.String(), nullable=True))
    op.create_index(op.f("ix_case_file_owner"), "case_file", ["owner"], unique=False)
    for name, event in AUDIT_TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER {name} BEFORE {event} ON audit_event BEGIN"
            " SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END"
        )


def downgrade() -> None:
    for name in AUDIT_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index(op.f("ix_case_file_owner"), table_name="case_file")
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.drop_column("owner")
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_column("anonymised_at")
        batch_op.drop_column("owner")
    with op.batch_alter_table("case_share", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_share_username"))
    op.drop_table("case_share")
    op.drop_table("log_setting")
    op.drop_table("user_account")
