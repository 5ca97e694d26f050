"""``migrant-desk users …``: the case log's user accounts.

``users add NAME --role R`` makes an account (the first one of a log can be made by anyone and
must hold the administrator role; after that an administrator signs in with ``--user``). New
passwords come from ``MIGRANT_DESK_NEW_PASSWORD`` or are typed twice on the terminal.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

from desktop.i18n import gettext as _

ROLE_NAMES = ["counsellor", "coordinator", "administrator"]


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    """Add ``users`` and its actions."""
    from desktop.cli.cases import add_user_option

    p = sub.add_parser("users", parents=[parent], help="user accounts: add, list, roles, passwords")
    actions = p.add_subparsers(dest="users_action", metavar="ACTION", required=True)

    def action(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        a = actions.add_parser(name, parents=[parent], help=help_text)
        a.set_defaults(handler=handler)
        add_user_option(a)
        return a

    a = action("add", _add, "add an account (password: MIGRANT_DESK_NEW_PASSWORD or typed)")
    a.add_argument("name", metavar="NAME")
    a.add_argument("--role", action="append", required=True, choices=ROLE_NAMES)
    a.add_argument("--display-name", default="", metavar="TEXT")
    a = action("list", _list, "list the accounts")
    a.add_argument("--json", action="store_true")
    a = action("roles", _roles, "give an account other roles")
    a.add_argument("name", metavar="NAME")
    a.add_argument("--role", action="append", required=True, choices=ROLE_NAMES)
    a = action("passwd", _passwd, "set an account's password (one's own, or any as administrator)")
    a.add_argument("name", metavar="NAME")
    a = action("disable", _disable, "stop an account from signing in")
    a.add_argument("name", metavar="NAME")
    a = action("enable", _enable, "let a disabled account sign in again")
    a.add_argument("name", metavar="NAME")


@contextmanager
def _session(args: argparse.Namespace) -> Iterator[Any]:
    """A session as the signed-in user (or, with no accounts yet, as the local administrator)."""
    from db.engine import session_scope
    from desktop.cases.storage import open_log, storage_errors
    from desktop.security.permissions import bind_actor
    from desktop.security.signin import cli_actor

    engine = open_log(getattr(args, "db", None))
    try:
        actor = cli_actor(engine, getattr(args, "user", None))
        with storage_errors(), session_scope(engine) as session:
            bind_actor(session, actor)
            yield session
    finally:
        engine.dispose()


def _new_password(name: str) -> str:
    from desktop.security import passphrase as secrets

    return secrets.ask_new(
        secrets.NEW_PASSWORD_ENV, _("New password for {name}: ").format(name=name), what="password"
    )


def _add(args: argparse.Namespace) -> int:
    from desktop.security.accounts import create_account

    password = _new_password(args.name)
    with _session(args) as session:
        account = create_account(
            session=session,
            username=args.name,
            password=password,
            roles=set(args.role),
            display_name=args.display_name,
        )
    print(_("added {name} ({roles})").format(name=account.username, roles=", ".join(account.roles)))
    return 0


def _list(args: argparse.Namespace) -> int:
    from desktop.security.accounts import list_accounts

    with _session(args) as session:
        accounts = list_accounts(session=session)
    if args.json:
        json.dump({"users": [asdict(a) for a in accounts]}, sys.stdout, default=str, indent=2)
        sys.stdout.write("\n")
        return 0
    for a in accounts:
        state = "" if a.active else f"  ({_('disabled')})"
        print(f"{a.username:<20} {', '.join(a.roles):<40} {a.display_name}{state}")
    return 0


def _roles(args: argparse.Namespace) -> int:
    from desktop.security.accounts import set_roles

    with _session(args) as session:
        account = set_roles(session=session, username=args.name, roles=set(args.role))
    print(
        _("{name} now has: {roles}").format(name=account.username, roles=", ".join(account.roles))
    )
    return 0


def _passwd(args: argparse.Namespace) -> int:
    from desktop.security.accounts import set_password

    password = _new_password(args.name)
    with _session(args) as session:
        set_password(session=session, username=args.name, password=password)
    print(_("the password of {name} was changed").format(name=args.name))
    return 0


def _set_active(args: argparse.Namespace, active: bool) -> int:
    from desktop.security.accounts import set_active

    with _session(args) as session:
        set_active(session=session, username=args.name, active=active)
    print(
        (_("{name} can sign in") if active else _("{name} can no longer sign in")).format(
            name=args.name
        )
    )
    return 0


def _disable(args: argparse.Namespace) -> int:
    return _set_active(args, False)


def _enable(args: argparse.Namespace) -> int:
    return _set_active(args, True)
