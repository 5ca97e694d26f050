"""User accounts: create, list, change roles and passwords, disable, sign in.

Passwords are stored as Argon2id hashes (``argon2-cffi``'s encoded form, which carries its own
salt and cost, so the cost can rise later: :func:`authenticate` re-hashes on sign-in when it
did). The very first account can be made by anyone (first start); it must be an
administrator. After that only administrators manage accounts, and the last active
administrator can neither lose that role nor be disabled, so the log never locks everyone
out of its own management.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from db.models import UserAccount
from desktop.cases.base import audit, now
from desktop.errors import UserError
from desktop.i18n import gettext as _
from desktop.security.passphrase import check_new_password
from desktop.security.permissions import (
    ADMINISTRATOR,
    COORDINATOR,
    ROLES,
    Actor,
    Permission,
    current_actor,
    require,
    requires,
    roles_from_text,
)

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")


class SignInFailed(UserError):
    """Unknown user, wrong password or a disabled account (deliberately not told apart)."""


@dataclass(frozen=True)
class AccountRead:
    """An account as the accounts page shows it (never the hash)."""

    id: int
    username: str
    display_name: str
    roles: list[str]
    active: bool
    created_at: datetime
    last_login_at: datetime | None


def _hasher() -> Any:
    from argon2 import PasswordHasher

    return PasswordHasher()


def _read(row: UserAccount) -> AccountRead:
    return AccountRead(
        id=row.id or 0,
        username=row.username,
        display_name=row.display_name,
        roles=[r for r in ROLES if r in roles_from_text(row.roles)],
        active=row.active,
        created_at=row.created_at,
        last_login_at=row.last_login_at,
    )


def actor_for(row: UserAccount) -> Actor:
    """The actor a signed-in account acts as."""
    return Actor(
        name=row.username,
        username=row.username,
        display_name=row.display_name,
        roles=roles_from_text(row.roles),
    )


def count_accounts(session: Session, *, active_only: bool = True) -> int:
    """How many (active) accounts there are; 0 means the log has no accounts yet."""
    query = select(UserAccount.id)
    if active_only:
        query = query.where(col(UserAccount.active).is_(True))
    return len(session.exec(query).all())


def _clean_roles(roles: list[str] | set[str] | frozenset[str]) -> str:
    unknown = [r for r in roles if r not in ROLES]
    if unknown or not roles:
        raise UserError(
            _("Choose roles among: {roles}.").format(roles=", ".join(ROLES))
            if unknown
            else _("An account needs at least one role.")
        )
    return ",".join(r for r in ROLES if r in roles)


def _get(session: Session, username: str) -> UserAccount:
    row = session.exec(select(UserAccount).where(UserAccount.username == username)).first()
    if row is None:
        raise UserError(_("There is no account {name}.").format(name=username))
    return row


def create_account(
    *,
    session: Session,
    username: str,
    password: str,
    roles: list[str] | set[str] | frozenset[str],
    display_name: str = "",
    who: str | None = None,
) -> AccountRead:
    """Add an account. The first one of a log must hold the administrator role."""
    first = count_accounts(session, active_only=False) == 0
    if first:
        if ADMINISTRATOR not in roles:
            raise UserError(_("The first account must be an administrator."))
    else:
        require(current_actor(session), Permission.USERS_MANAGE)
    username = (username or "").strip().lower()
    if not USERNAME.match(username):
        raise UserError(
            _(
                "A user name has 2 to 32 small letters, digits, dots, dashes or underscores,"
                " and starts with a letter or digit."
            )
        )
    if session.exec(select(UserAccount.id).where(UserAccount.username == username)).first():
        raise UserError(_("There is already an account {name}.").format(name=username))
    check_new_password(password)
    stamp = now()
    row = UserAccount(
        username=username,
        display_name=(display_name or "").strip(),
        roles=_clean_roles(roles),
        password_hash=_hasher().hash(password),
        active=True,
        created_at=stamp,
        updated_at=stamp,
    )
    session.add(row)
    session.flush()
    audit(
        session,
        who=who or (username if first else None),
        record_type="user",
        record_id=username,
        action="create",
        detail=f"roles: {row.roles}",
    )
    return _read(row)


def create_first_administrator(
    *, session: Session, username: str, password: str, display_name: str = ""
) -> AccountRead:
    """First start: the administrator, also a coordinator so a one-person office can work."""
    return create_account(
        session=session,
        username=username,
        password=password,
        roles={ADMINISTRATOR, COORDINATOR},
        display_name=display_name,
        who=username,
    )


@requires(Permission.USERS_MANAGE)
def list_accounts(*, session: Session) -> list[AccountRead]:
    """Every account, active ones first, by name."""
    rows = session.exec(
        select(UserAccount).order_by(col(UserAccount.active).desc(), col(UserAccount.username))
    ).all()
    return [_read(r) for r in rows]


def _other_active_admins(session: Session, username: str) -> int:
    rows = session.exec(
        select(UserAccount).where(
            col(UserAccount.active).is_(True), UserAccount.username != username
        )
    ).all()
    return sum(1 for r in rows if ADMINISTRATOR in roles_from_text(r.roles))


@requires(Permission.USERS_MANAGE)
def set_roles(
    *, session: Session, username: str, roles: list[str] | set[str], who: str | None = None
) -> AccountRead:
    """Give an account other roles (the last active administrator keeps that role)."""
    row = _get(session, username)
    text = _clean_roles(roles)
    if (
        ADMINISTRATOR not in roles
        and ADMINISTRATOR in roles_from_text(row.roles)
        and row.active
        and not _other_active_admins(session, username)
    ):
        raise UserError(
            _("{name} is the last administrator and keeps that role.").format(name=username)
        )
    if text != row.roles:
        old = row.roles
        row.roles, row.updated_at = text, now()
        session.add(row)
        audit(
            session,
            who=who,
            record_type="user",
            record_id=username,
            action="update",
            detail=f"roles: {old} -> {text}",
        )
    return _read(row)


@requires(Permission.USERS_MANAGE)
def set_active(
    *, session: Session, username: str, active: bool, who: str | None = None
) -> AccountRead:
    """Disable an account (it can no longer sign in; its records keep its name) or enable it."""
    row = _get(session, username)
    if (
        not active
        and ADMINISTRATOR in roles_from_text(row.roles)
        and not _other_active_admins(session, username)
    ):
        raise UserError(
            _("{name} is the last administrator and cannot be disabled.").format(name=username)
        )
    if row.active != active:
        row.active, row.updated_at = active, now()
        session.add(row)
        audit(
            session,
            who=who,
            record_type="user",
            record_id=username,
            action="update",
            detail="enabled" if active else "disabled",
        )
    return _read(row)


def set_password(*, session: Session, username: str, password: str, who: str | None = None) -> None:
    """Change a password: one's own, or anyone's for an administrator."""
    acting = current_actor(session)
    if acting.username != username:
        require(acting, Permission.USERS_MANAGE)
    row = _get(session, username)
    check_new_password(password)
    row.password_hash, row.updated_at = _hasher().hash(password), now()
    session.add(row)
    audit(
        session, who=who, record_type="user", record_id=username, action="update", detail="password"
    )


def authenticate(*, session: Session, username: str, password: str) -> Actor:
    """The actor for a correct user name and password, else :class:`SignInFailed`.

    An unknown name costs as long as a wrong password, so timing does not tell which names
    exist. A successful sign-in is in the audit trail.
    """
    from argon2.exceptions import InvalidHashError, VerificationError

    hasher = _hasher()
    name = (username or "").strip().lower()
    row = session.exec(select(UserAccount).where(UserAccount.username == name)).first()
    failed = SignInFailed(_("The user name or the password is not right."))
    if row is None:
        hasher.hash(password or "-")
        raise failed
    try:
        hasher.verify(row.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        raise failed from None
    if not row.active:
        raise failed
    if hasher.check_needs_rehash(row.password_hash):
        row.password_hash = hasher.hash(password)
    row.last_login_at = now()
    session.add(row)
    acting = actor_for(row)
    audit(session, who=row.username, record_type="user", record_id=row.username, action="login")
    return acting


def check_password(*, session: Session, username: str, password: str) -> bool:
    """Whether the password is the account's (the lock screen; nothing is recorded)."""
    from argon2.exceptions import InvalidHashError, VerificationError

    row = session.exec(select(UserAccount).where(UserAccount.username == username)).first()
    if row is None or not row.active:
        return False
    try:
        return bool(_hasher().verify(row.password_hash, password))
    except (VerificationError, InvalidHashError):
        return False
