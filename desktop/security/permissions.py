"""Roles, permissions and the actor: one function, :func:`require`, decides.

Every case-log service declares the permission it needs with :func:`requires`; the call is
refused (:class:`PermissionDenied`) unless the actor bound to the session holds it. The app
(``Desk.call``) and the command line also check :func:`permission_of` before they open a
transaction, and the window hides what the signed-in user may not do, but the service check
is the one that counts.

A session with no actor bound acts as the local system (every permission): that is code
the app runs for itself (retention at start, migrations, tests), never a person's click. The
app and the command line always bind the person signed in, or, while the log has no accounts
yet, the local administrator.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ParamSpec, TypeVar

from desktop.errors import UserError
from desktop.i18n import N_
from desktop.i18n import gettext as _


class Permission(StrEnum):
    """What an action needs; the values are stable (tests and the audit refer to them)."""

    CASES_READ = "cases.read"  # view, search and list cases and clients (own and shared)
    CASES_WRITE = "cases.write"  # add and change clients, cases, consultations, follow-ups …
    CASES_DELETE = "cases.delete"  # delete (hide, with undo) and restore records
    CASES_SHARE = "cases.share"  # share one's case with another counsellor
    CASES_ALL = "cases.all"  # see and work on every case, not only own and shared ones
    CASES_ERASE = "cases.erase"  # erase a client's personal data on request
    STATS_READ = "stats.read"  # donor statistics (counts only)
    RESEARCH_EXPORT = "research.export"  # pseudonymised export for research
    RULES_LOCAL = "rules.local"  # add, change and delete the office's own rules
    LEAFLETS_BATCH = "leaflets.batch"  # print runs of leaflets for every destination
    AUDIT_READ = "audit.read"  # read the audit trail
    RETENTION_RUN = "retention.run"  # run the retention anonymisation now
    USERS_MANAGE = "users.manage"  # accounts: add, roles, passwords, disable
    SETTINGS_WRITE = "settings.write"  # the office's settings
    LOG_BACKUP = "log.backup"  # back up, restore, encrypt, change the passphrase
    LOG_EXPORT = "log.export"  # export the whole log with personal data
    LOG_IMPORT = "log.import"  # import an export into the log


P = Permission
COUNSELLOR = "counsellor"
COORDINATOR = "coordinator"
ADMINISTRATOR = "administrator"

#: Role -> permissions. A user may hold several roles (the first administrator is also a
#: coordinator, so a one-person office can work); permissions add up.
ROLES: dict[str, frozenset[Permission]] = {
    COUNSELLOR: frozenset({P.CASES_READ, P.CASES_WRITE, P.CASES_DELETE, P.CASES_SHARE}),
    COORDINATOR: frozenset(
        {
            P.CASES_READ,
            P.CASES_WRITE,
            P.CASES_DELETE,
            P.CASES_SHARE,
            P.CASES_ALL,
            P.CASES_ERASE,
            P.STATS_READ,
            P.RESEARCH_EXPORT,
            P.RULES_LOCAL,
            P.LEAFLETS_BATCH,
            P.AUDIT_READ,
            P.RETENTION_RUN,
        }
    ),
    ADMINISTRATOR: frozenset(
        {
            P.USERS_MANAGE,
            P.SETTINGS_WRITE,
            P.LOG_BACKUP,
            P.LOG_EXPORT,
            P.LOG_IMPORT,
            P.AUDIT_READ,
            P.RETENTION_RUN,
        }
    ),
}
ROLE_TITLES = {
    COUNSELLOR: N_("Counsellor"),
    COORDINATOR: N_("Coordinator"),
    ADMINISTRATOR: N_("Administrator"),
}
#: What a permission lets one do, as the end of "… may not …".
ACTIONS: dict[Permission, str] = {
    P.CASES_READ: N_("view cases"),
    P.CASES_WRITE: N_("change cases"),
    P.CASES_DELETE: N_("delete records"),
    P.CASES_SHARE: N_("share cases"),
    P.CASES_ALL: N_("work on other counsellors' cases"),
    P.CASES_ERASE: N_("erase a client's data"),
    P.STATS_READ: N_("see the statistics"),
    P.RESEARCH_EXPORT: N_("export pseudonymised data"),
    P.RULES_LOCAL: N_("change the office's own rules"),
    P.LEAFLETS_BATCH: N_("print leaflet batches"),
    P.AUDIT_READ: N_("read the audit trail"),
    P.RETENTION_RUN: N_("run the retention clean-up"),
    P.USERS_MANAGE: N_("manage user accounts"),
    P.SETTINGS_WRITE: N_("change the office's settings"),
    P.LOG_BACKUP: N_("back up, restore or re-key the case log"),
    P.LOG_EXPORT: N_("export the case log"),
    P.LOG_IMPORT: N_("import into the case log"),
}


class PermissionDenied(UserError):
    """The actor's roles do not allow the action (or the case is not theirs)."""


@dataclass(frozen=True)
class Actor:
    """Who is acting. ``username`` is the account (None for the local administrator of a log
    without accounts, and for the system); ``name`` is what the audit trail records."""

    name: str
    roles: frozenset[str] = field(default_factory=frozenset)
    username: str | None = None
    display_name: str = ""

    @property
    def permissions(self) -> frozenset[Permission]:
        """Everything the actor's roles allow, together."""
        granted: set[Permission] = set()
        for role in self.roles:
            granted |= ROLES.get(role, frozenset())
        return frozenset(granted)

    def can(self, permission: Permission | None) -> bool:
        """Whether :func:`require` would let the actor through."""
        return permission is None or permission in self.permissions

    @property
    def is_account(self) -> bool:
        """True for a signed-in user (their name goes into the audit trail and case owners)."""
        return self.username is not None

    @property
    def label(self) -> str:
        """How the window names the user."""
        return self.display_name or self.username or self.name

    @classmethod
    def local(cls, name: str) -> Actor:
        """The local administrator: anyone at this computer while the log has no accounts."""
        return cls(name=name or "local", roles=frozenset(ROLES))


#: The app acting for itself (no person): retention at start, migrations, tests.
SYSTEM = Actor(name="system", roles=frozenset(ROLES))


def require(actor: Actor, permission: Permission | None) -> None:
    """Let the call through, or refuse it with one sentence saying what is missing."""
    if actor.can(permission):
        return
    assert permission is not None
    roles = [_(ROLE_TITLES[r]).lower() for r in ROLES if permission in ROLES[r]]
    raise PermissionDenied(
        _("{user} may not {action}; that needs the role: {roles}.").format(
            user=actor.label, action=_(ACTIONS[permission]), roles=", ".join(roles)
        )
    )


ACTOR_KEY = "migrant_desk_actor"


def bind_actor(session: Any, actor: Actor | None) -> None:
    """Make ``actor`` the one every service on this session checks and records."""
    if actor is None:
        session.info.pop(ACTOR_KEY, None)
    else:
        session.info[ACTOR_KEY] = actor


def current_actor(session: Any) -> Actor:
    """The actor bound to the session, else :data:`SYSTEM`."""
    info = getattr(session, "info", None)
    found = info.get(ACTOR_KEY) if isinstance(info, dict) else None
    return found if isinstance(found, Actor) else SYSTEM


#: Permissions of services that change the log. Such a service begins its transaction with
#: SQLite's write lock (``BEGIN IMMEDIATE``): a writer that read first and wrote later would
#: fail at once ("database is locked") if another writer committed in between, while one that
#: takes the lock first simply waits its turn.
WRITES = frozenset(
    {
        P.CASES_WRITE,
        P.CASES_DELETE,
        P.CASES_SHARE,
        P.CASES_ERASE,
        P.RULES_LOCAL,
        P.RETENTION_RUN,
        P.USERS_MANAGE,
        P.LOG_IMPORT,
    }
)


def begin_writing(session: Any) -> None:
    """Start the session's transaction with the write lock, unless one is already open."""
    if session is None or not hasattr(session, "in_transaction") or session.in_transaction():
        return
    session.connection(execution_options={"sqlite_begin": "IMMEDIATE"})


Params = ParamSpec("Params")
Result = TypeVar("Result")


def requires(
    permission: Permission,
) -> Callable[[Callable[Params, Result]], Callable[Params, Result]]:
    """Mark a service as needing ``permission`` and check it on every call.

    The session is the ``session`` keyword or the first positional argument, as every
    service takes it. A service that changes the log (:data:`WRITES`) starts its transaction
    with the write lock.
    """

    def decorate(fn: Callable[Params, Result]) -> Callable[Params, Result]:
        @functools.wraps(fn)
        def guarded(*args: Params.args, **kwargs: Params.kwargs) -> Result:
            session = kwargs.get("session", args[0] if args else None)
            require(current_actor(session), permission)
            if permission in WRITES:
                begin_writing(session)
            return fn(*args, **kwargs)

        guarded.permission = permission  # type: ignore[attr-defined]
        return guarded

    return decorate


def permission_of(service: Any) -> Permission | None:
    """The permission a service declared with :func:`requires` (None: anyone may call it)."""
    return getattr(service, "permission", None)


def roles_from_text(text: str) -> frozenset[str]:
    """Stored roles (comma-separated) as a set, unknown names dropped."""
    return frozenset(r for r in (text or "").split(",") if r in ROLES)
