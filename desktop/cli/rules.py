"""``migrant-desk rules list | show | export | check``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from desktop.errors import UserError


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    rules = sub.add_parser("rules", parents=[parent], help="the rule sheets")
    rsub = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)

    p = rsub.add_parser("list", parents=[parent], help="destinations and citizenships covered")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_list)

    p = rsub.add_parser("show", parents=[parent], help="the rule sheet for one citizen")
    p.add_argument("--to", required=True, metavar="CC", help="destination country code")
    p.add_argument("--citizen", required=True, metavar="CC", help="citizenship code")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="date of the question (default today)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_show)

    p = rsub.add_parser("export", parents=[parent], help="every rule, in force or not")
    p.add_argument("--json", action="store_true", help="print JSON (the only format)")
    p.set_defaults(handler=cmd_export)

    p = rsub.add_parser("check", parents=[parent], help="validate every rule file")
    p.add_argument("--sources", metavar="DIR", help="also check every quotation against DIR")
    p.set_defaults(handler=cmd_check)


def parse_day(text: str | None, option: str) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"{option} must be a date like 2024-03-01, not {text!r}") from None


def country_arg(book: Any, code: str, option: str) -> str:
    code = code.strip().upper()
    if not book.is_country(code):
        raise UserError(f"{option}: unknown country code {code!r} (use ISO codes like RU, UZ)")
    return code


def load_book(args: argparse.Namespace) -> Any:
    from desktop.rules import load_rulebook

    extra = [args.rules_dir] if getattr(args, "rules_dir", None) else []
    book = load_rulebook(extra)
    local = [p for p in book.problems if p.file not in _bundled_files()]
    for problem in local:
        print(f"warning: {problem} (record left out)", file=sys.stderr)
    return book


def _bundled_files() -> set[str]:
    from desktop.paths import RULES_DIR

    return {p.name for p in RULES_DIR.glob("*.toml")} | {"groups.toml"}


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.rules.present import country_name

    book = load_book(args)
    rows = []
    for dest in book.destinations():
        rules = [r for r in book.rules if r.destination == dest]
        citizens = sorted({c for r in rules for c in r.applies_to})
        rows.append(
            {
                "destination": dest,
                "name": country_name(dest),
                "rules": sum(1 for r in rules if not r.is_gap),
                "gaps": sum(1 for r in rules if r.is_gap),
                "in_force": sum(1 for r in rules if r.status == "in_force"),
                "citizenships": citizens,
            }
        )
    everywhere = [r for r in book.rules if r.destination == "all"]
    if args.json:
        json.dump(
            {
                "destinations": rows,
                "everywhere": {
                    "rules": sum(1 for r in everywhere if not r.is_gap),
                    "citizenships": sorted({c for r in everywhere for c in r.applies_to}),
                },
                "total": len(book.rules),
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
        return 0
    print(f"{'':4}{'destination':<24}{'rules':>6}{'gaps':>6}  citizenships")
    for row in rows:
        print(
            f"{row['destination']:<4}{row['name']:<24}{row['rules']:>6}{row['gaps']:>6}  "
            + " ".join(row["citizenships"])
        )
    print(f"\n{len(everywhere)} records apply in every destination (origin-country services).")
    print(f"{len(book.rules)} records in all.")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from desktop.cli.rules_text import sheet_as_text

    book = load_book(args)
    dest = country_arg(book, args.to, "--to")
    citizen = country_arg(book, args.citizen, "--citizen")
    on = parse_day(args.on, "--on")
    sheet = book.sheet(dest, citizen, on)
    if args.json:
        json.dump(
            {
                "destination": dest,
                "citizenship": citizen,
                "on": on.isoformat(),
                "rules": [r.to_json() for r in sheet.items],
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
    else:
        sys.stdout.write(sheet_as_text(book, sheet))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    book = load_book(args)
    json.dump({"rules": book.export()}, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from desktop.rules import load_rulebook
    from desktop.rules.quotes import QuoteChecker

    extra = [args.rules_dir] if getattr(args, "rules_dir", None) else []
    book = load_rulebook(extra)
    problems = list(book.problems)
    if args.sources:
        folder = Path(args.sources)
        if not folder.is_dir():
            raise UserError(f"--sources: {folder} is not a folder")
        checker = QuoteChecker(folder)
        problems += checker.check(book.rules)
        for m in book.groups.memberships:
            for src in m.sources:
                msg = checker.check_source(src)
                if msg:
                    from desktop.rules.loader import Problem

                    problems.append(Problem("groups.toml", f"{m.group}:{m.country}", msg))
    for problem in problems:
        print(problem)
    cited = sum(1 for r in book.rules if r.sources)
    gaps = sum(1 for r in book.rules if r.is_gap)
    print(
        f"{len(book.rules)} records ({cited} cited, {gaps} gaps), {len(problems)} problem(s)",
        file=sys.stderr,
    )
    return 1 if problems else 0
