"""``migrant-desk audit list``: read the audit trail (coordinators and administrators).

Nothing here changes the trail: the app has no way to, and the database refuses it.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop.i18n import gettext as _


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    """Add ``audit`` and its one action."""
    from desktop.cli.cases import add_user_option

    p = sub.add_parser("audit", parents=[parent], help="read the audit trail (who did what, when)")
    actions = p.add_subparsers(dest="audit_action", metavar="ACTION", required=True)
    a = actions.add_parser("list", parents=[parent], help="audit lines, newest first")
    a.set_defaults(handler=_list)
    add_user_option(a)
    a.add_argument("--type", dest="record_type", metavar="T",
                   help="record type: client, case, consultation, follow_up, trip, referral, "
                   "local_rule, user, log")  # fmt: skip
    a.add_argument("--record", dest="record_id", metavar="ID", help="record number")
    a.add_argument("--who", metavar="NAME")
    a.add_argument("--action", metavar="A", help="view, create, update, delete, export, login, …")
    a.add_argument("--since", metavar="DATE")
    a.add_argument("--until", metavar="DATE")
    a.add_argument("--limit", type=int, default=100)
    a.add_argument("--json", action="store_true")


def _list(args: argparse.Namespace) -> int:
    from desktop.cases.audit_log import AuditFilter, count_audit, list_audit
    from desktop.cli.cases import _session, parse_date
    from desktop.security.permissions import Permission

    filters = AuditFilter(
        record_type=args.record_type,
        record_id=args.record_id,
        who=args.who,
        action=args.action,
        since=parse_date(args.since, _("start date")),
        until=parse_date(args.until, _("end date")),
    )
    with _session(args, Permission.AUDIT_READ) as session:
        rows = list_audit(session=session, filters=filters, limit=args.limit)
        total = count_audit(session=session, filters=filters)
    if args.json:
        data: dict[str, Any] = {
            "events": [r.model_dump(mode="json") for r in rows],
            "total": total,
        }
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for r in rows:
        stamp = r.at.strftime("%Y-%m-%d %H:%M:%S")
        detail = f"  {r.detail}" if r.detail else ""
        print(f"{stamp}  {r.who:<16} {r.action:<10} {r.record_type} {r.record_id}{detail}")
    print(_("{shown} of {total} lines").format(shown=len(rows), total=total), file=sys.stderr)
    return 0
