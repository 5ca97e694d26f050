"""``migrant-desk deadlines``: a migrant's own dates from the rules in force.

The JSON is the public contract of INTERFACES.md (scripts read it); the text form is for
people, with dates written in the chosen language.
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from desktop.errors import UserError
from desktop.i18n import gettext as _

PURPOSES = ("work", "study", "private", "other")


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "deadlines",
        parents=[parent],
        help="registration deadline, stay limit and last lawful day of a stay",
    )
    p.add_argument("--citizen", required=True, metavar="CC", help="citizenship (ISO code)")
    p.add_argument("--to", required=True, metavar="CC", help="destination country (ISO code)")
    p.add_argument("--entry", required=True, metavar="YYYY-MM-DD", help="entry of this stay")
    p.add_argument(
        "--trip",
        action="append",
        default=[],
        metavar="YYYY-MM-DD:YYYY-MM-DD",
        help="an earlier stay in the destination, entry:exit, both days counted (repeatable; "
        "any order, overlaps are merged)",
    )
    p.add_argument("--on", metavar="YYYY-MM-DD", help="date of the question (default today)")
    p.add_argument("--purpose", choices=PURPOSES, help="purpose of the stay")
    p.add_argument("--patent-issued", metavar="YYYY-MM-DD", help="work licence issue date")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_deadlines)


def parse_day(text: str, option: str) -> date:
    """A date given as YYYY-MM-DD, or a one-line user error naming the option."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            _("{option} needs a date like 2024-03-01, not {text!r}").format(
                option=option, text=text
            )
        ) from None


def parse_trip(text: str) -> tuple[date, date]:
    """An earlier stay written entry:exit."""
    first, sep, last = text.partition(":")
    if not sep:
        raise UserError(
            _("--trip needs entry:exit like 2024-01-01:2024-01-20, not {text!r}").format(text=text)
        )
    return parse_day(first, "--trip"), parse_day(last, "--trip")


def cmd_deadlines(args: argparse.Namespace) -> int:
    from desktop.cli.rules import load_book
    from desktop.stay import compute_deadlines, format_date, format_text

    entry = parse_day(args.entry, "--entry")
    on = parse_day(args.on, "--on") if args.on else None
    patent = parse_day(args.patent_issued, "--patent-issued") if args.patent_issued else None
    trips = [parse_trip(t) for t in args.trip]
    book = load_book(args)
    result = compute_deadlines(
        book,
        citizen=args.citizen,
        destination=args.to,
        entry=entry,
        trips=trips,
        on=on,
        purpose=args.purpose,
        patent_issued=patent,
        date_format=date.isoformat if args.json else format_date,
    )
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_text(result), end="")
    return 0
