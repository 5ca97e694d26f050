"""Which actor a command-line run acts as.

While the log has no accounts, the command line acts as the local administrator (so the
scripts of ``INTERFACES`` keep working and the first account can be made). Once accounts
exist it acts as the user named by ``--user`` or ``MIGRANT_DESK_USER``, whose password comes
from ``MIGRANT_DESK_PASSWORD`` or a terminal prompt; a run without them stops with one line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.i18n import gettext as _
from desktop.security.passphrase import PASSWORD_ENV, USER_ENV, SecretNeeded, ask, from_env
from desktop.security.permissions import Actor

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


def cli_actor(engine: Engine, user: str | None = None) -> Actor:
    """Sign the command line in (see the module docstring); ``SignInFailed`` if refused."""
    from db.engine import session_scope
    from desktop.cases.base import actor as person
    from desktop.cases.storage import storage_errors
    from desktop.security.accounts import authenticate, count_accounts

    with storage_errors(), session_scope(engine) as session:
        if count_accounts(session) == 0:
            return Actor.local(person(user))
        name = user or from_env(USER_ENV)
        if not name:
            raise SecretNeeded(
                _("This case log has user accounts: give --user NAME or set {variable}.").format(
                    variable=USER_ENV
                )
            )
        password = ask(PASSWORD_ENV, _("Password of {name}: ").format(name=name))
        return authenticate(session=session, username=name, password=password)
