"""``migrant-desk db …``: upgrade, check, back up and restore the case log (see INTERFACES),
and encrypt it or change its passphrase.

The passphrase comes from ``MIGRANT_DESK_PASSPHRASE`` or a terminal prompt; a new one (``db
encrypt``, ``db passphrase``) from ``MIGRANT_DESK_PASSPHRASE`` / ``MIGRANT_DESK_NEW_PASSPHRASE``
or is typed twice. Once the log has accounts, backing up, restoring, encrypting and re-keying
need an administrator (``--user``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.errors import UserError
from desktop.i18n import gettext as _
from desktop.i18n import ngettext


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    """Add ``db`` and its actions."""
    from desktop.cli.cases import add_user_option

    p = sub.add_parser(
        "db", parents=[parent], help="upgrade, check, back up, restore or encrypt the case log"
    )
    actions = p.add_subparsers(dest="db_action", metavar="ACTION", required=True)

    def action(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        a = actions.add_parser(name, parents=[parent], help=help_text)
        a.set_defaults(handler=handler)
        add_user_option(a)
        return a

    action("upgrade", _upgrade, "apply the schema migrations now")
    action("check", _check, "integrity and migration state")
    a = action("backup", _backup, "copy the case log, safe while the app runs (encrypted too)")
    a.add_argument("file", metavar="FILE")
    a = action("restore", _restore, "restore a backup (the current log is kept)")
    a.add_argument("file", metavar="FILE")
    action("encrypt", _encrypt, "encrypt an unencrypted case log with a new passphrase")
    action("passphrase", _passphrase, "change the passphrase of the encrypted case log")


def _authorise(args: argparse.Namespace) -> tuple[Any, Any]:
    """The key of the log (None if plain) and the administrator acting; refuses others."""
    from desktop.cases.storage import (
        log_key,
        make_log_engine,
        resolve_url,
        storage_errors,
    )
    from desktop.security.permissions import Permission, require
    from desktop.security.signin import cli_actor

    resolved = resolve_url(getattr(args, "db", None))
    with storage_errors():
        key = log_key(resolved)
    engine = make_log_engine(resolved, key)
    try:
        from db.migrate import current_revision

        with storage_errors():
            migrated = current_revision(engine) is not None
        actor = cli_actor(engine, getattr(args, "user", None)) if migrated else None
    finally:
        engine.dispose()
    if actor is not None:
        require(actor, Permission.LOG_BACKUP)
    return key, actor


def _upgrade(args: argparse.Namespace) -> int:
    from desktop.cases.storage import upgrade_log

    before, after = upgrade_log(getattr(args, "db", None))
    if before == after:
        print(_("The case log is up to date (schema {rev}).").format(rev=after))
    else:
        print(
            _("The case log was upgraded from schema {old} to {new}.").format(
                old=before or "-", new=after
            )
        )
    return 0


def _check(args: argparse.Namespace) -> int:
    from desktop.cases.storage import check_log

    report = check_log(getattr(args, "db", None))
    if report.ok:
        print(
            _("ok: integrity, foreign keys and search index sound; schema {rev} is current").format(
                rev=report.head
            )
            + ("; " + (_("encrypted") if report.encrypted else _("not encrypted")))
        )
        return 0
    for problem in report.problems:
        print(problem)
    n = len(report.problems)
    raise UserError(
        ngettext("the case log has {n} problem", "the case log has {n} problems", n).format(n=n)
    )


def _existing(args: argparse.Namespace) -> None:
    from db.engine import sqlite_file
    from desktop.cases.storage import resolve_url

    path = sqlite_file(resolve_url(getattr(args, "db", None)))
    if path is not None and not path.is_file():
        raise UserError(_("There is no case log at {path}.").format(path=path))


def _backup(args: argparse.Namespace) -> int:
    from desktop.cases.storage import backup_log

    _existing(args)
    key, _actor = _authorise(args)
    written = backup_log(getattr(args, "db", None), Path(args.file), key=key)
    print(_("backed up to {file}").format(file=written))
    return 0


def _restore(args: argparse.Namespace) -> int:
    from db import cipher
    from db.engine import sqlite_file
    from desktop.cases.storage import resolve_url, restore_log

    path = sqlite_file(resolve_url(getattr(args, "db", None)))
    key, actor = (None, None)
    if path is None or cipher.file_state(path) != "missing":
        key, actor = _authorise(args)
    kept = restore_log(getattr(args, "db", None), Path(args.file), key=key, actor=actor)
    print(_("restored {file}").format(file=args.file))
    if kept is not None:
        print(_("the previous case log was kept as {file}").format(file=kept))
    return 0


def _encrypt(args: argparse.Namespace) -> int:
    from desktop.cases.storage import encrypt_log
    from desktop.security import passphrase as secrets

    _existing(args)
    _authorise(args)
    chosen = secrets.ask_new(secrets.PASSPHRASE_ENV, _("New passphrase for the case log: "))
    dated = encrypt_log(getattr(args, "db", None), chosen)
    print(_("The case log is encrypted now; keep the passphrase safe, it cannot be recovered."))
    print(
        _("The unencrypted file (kept as {file} until the encrypted one was in place) was").format(
            file=dated.name
        )
        + " "
        + _("overwritten and deleted; older copies and backups of it are not encrypted.")
    )
    return 0


def _passphrase(args: argparse.Namespace) -> int:
    from desktop.cases.storage import change_passphrase
    from desktop.security import passphrase as secrets

    _existing(args)
    key, _actor = _authorise(args)
    chosen = secrets.ask_new(secrets.NEW_PASSPHRASE_ENV, _("New passphrase: "))
    change_passphrase(getattr(args, "db", None), chosen, key=key)
    print(_("The passphrase was changed; backups made before keep the old one."))
    return 0
