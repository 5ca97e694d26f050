"""``migrant-desk db …``: upgrade, check, back up and restore the case log (see INTERFACES)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.errors import UserError
from desktop.i18n import gettext as _
from desktop.i18n import ngettext


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    """Add ``db`` and its actions."""
    p = sub.add_parser(
        "db", parents=[parent], help="upgrade, check, back up or restore the case log"
    )
    actions = p.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    a = actions.add_parser("upgrade", parents=[parent], help="apply the schema migrations now")
    a.set_defaults(handler=_upgrade)
    a = actions.add_parser("check", parents=[parent], help="integrity and migration state")
    a.set_defaults(handler=_check)
    a = actions.add_parser(
        "backup", parents=[parent], help="copy the case log, safe while the app runs"
    )
    a.add_argument("file", metavar="FILE")
    a.set_defaults(handler=_backup)
    a = actions.add_parser(
        "restore", parents=[parent], help="restore a backup (the current log is kept)"
    )
    a.add_argument("file", metavar="FILE")
    a.set_defaults(handler=_restore)


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
        )
        return 0
    for problem in report.problems:
        print(problem)
    n = len(report.problems)
    raise UserError(
        ngettext("the case log has {n} problem", "the case log has {n} problems", n).format(n=n)
    )


def _backup(args: argparse.Namespace) -> int:
    from desktop.cases.storage import backup_log

    written = backup_log(getattr(args, "db", None), Path(args.file))
    print(_("backed up to {file}").format(file=written))
    return 0


def _restore(args: argparse.Namespace) -> int:
    from desktop.cases.storage import restore_log

    kept = restore_log(getattr(args, "db", None), Path(args.file))
    print(_("restored {file}").format(file=args.file))
    if kept is not None:
        print(_("the previous case log was kept as {file}").format(file=kept))
    return 0
