"""Where passphrases and passwords come from, and what a new one must be like.

The command line reads the case log's passphrase from ``MIGRANT_DESK_PASSPHRASE`` or asks on
the terminal (``getpass``: nothing is echoed); with neither it stops with one line saying to
set the variable. A backup or export made under another passphrase is opened with
``MIGRANT_DESK_FILE_PASSPHRASE``. Passwords of accounts come from ``MIGRANT_DESK_PASSWORD``
(signing in) and ``MIGRANT_DESK_NEW_PASSWORD`` (setting one) the same way.
Nothing here is ever written anywhere: not to a log, not to the settings.
"""

from __future__ import annotations

import getpass
import os
import sys

from desktop.errors import UserError
from desktop.i18n import gettext as _

PASSPHRASE_ENV = "MIGRANT_DESK_PASSPHRASE"
NEW_PASSPHRASE_ENV = "MIGRANT_DESK_NEW_PASSPHRASE"
FILE_PASSPHRASE_ENV = "MIGRANT_DESK_FILE_PASSPHRASE"
PASSWORD_ENV = "MIGRANT_DESK_PASSWORD"
NEW_PASSWORD_ENV = "MIGRANT_DESK_NEW_PASSWORD"
USER_ENV = "MIGRANT_DESK_USER"

#: A passphrase protects the whole log against someone who has the file and all the time in
#: the world: long beats complicated ("four random words" is fine).
MIN_PASSPHRASE = 10
MIN_PASSWORD = 8


class WrongPassphrase(UserError):
    """The passphrase does not open the case log (or the backup or export given)."""


class SecretNeeded(UserError):
    """No passphrase or password was given and there is no terminal to ask on."""


def from_env(name: str = PASSPHRASE_ENV) -> str | None:
    """The variable's value, or None when it is unset or empty."""
    value = os.environ.get(name)
    return value if value else None


def interactive() -> bool:
    """Whether there is a terminal to ask on."""
    return bool(sys.stdin is not None and sys.stdin.isatty())


def ask(env: str, prompt: str) -> str:
    """The value of ``env``, else asked for on the terminal, else :class:`SecretNeeded`."""
    value = from_env(env)
    if value is not None:
        return value
    if not interactive():
        raise SecretNeeded(
            _("No terminal to ask on: set {variable} and try again.").format(variable=env)
        )
    value = getpass.getpass(prompt)
    if not value:
        raise SecretNeeded(_("Nothing was typed; stopped."))
    return value


def ask_new(env: str, prompt: str, *, what: str = "passphrase") -> str:
    """A new passphrase or password: from ``env``, else typed twice on the terminal."""
    value = from_env(env)
    if value is None:
        if not interactive():
            raise SecretNeeded(
                _("No terminal to ask on: set {variable} and try again.").format(variable=env)
            )
        value = getpass.getpass(prompt)
        if getpass.getpass(_("Type it again: ")) != value:
            raise UserError(_("The two entries differ; nothing was changed."))
    if what == "password":
        check_new_password(value)
    else:
        check_new_passphrase(value)
    return value


def passphrase_problem(passphrase: str) -> str | None:
    """Why a new passphrase is not good enough, or None."""
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        return _("A passphrase needs at least {n} characters (a few words are easiest).").format(
            n=MIN_PASSPHRASE
        )
    return None


def check_new_passphrase(passphrase: str) -> None:
    """Refuse a passphrase that is too short to protect the log."""
    problem = passphrase_problem(passphrase)
    if problem:
        raise UserError(problem)


def password_problem(password: str) -> str | None:
    """Why a new account password is not good enough, or None."""
    if len(password) < MIN_PASSWORD:
        return _("A password needs at least {n} characters.").format(n=MIN_PASSWORD)
    return None


def check_new_password(password: str) -> None:
    """Refuse a password that is too short."""
    problem = password_problem(password)
    if problem:
        raise UserError(problem)
