"""``migrant-desk cases …``: the case log from the command line (see INTERFACES).

Nothing of the case log is imported until a command runs, so building the parser stays cheap.
Output meant for scripts (``--json``, ``--csv``) goes to stdout; progress and warnings go to
stderr. Personal data is printed only where the command was asked to show it.

An encrypted log is opened with ``MIGRANT_DESK_PASSPHRASE`` (or a terminal prompt); once it
has accounts, each command signs in as ``--user``/``MIGRANT_DESK_USER`` with
``MIGRANT_DESK_PASSWORD`` (or a prompt) and may do only what that user's roles allow.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from desktop.cases import vocab
from desktop.errors import UserError
from desktop.i18n import gettext as _
from desktop.security.permissions import Permission

#: Made-up clients written (and committed) per step of ``cases demo``; progress is per step.
BATCH = 5000


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    """Add ``cases`` and its actions."""
    p = sub.add_parser("cases", parents=[parent], help="the case log: add, search, list, export")
    actions = p.add_subparsers(dest="cases_action", metavar="ACTION", required=True)

    def action(name: str, handler: Any, help_text: str) -> argparse.ArgumentParser:
        a = actions.add_parser(name, parents=[parent], help=help_text)
        a.set_defaults(handler=handler)
        add_user_option(a)
        return a

    a = action("add", _add, "add a client with a new case; prints the case id")
    a.add_argument("--name", required=True, help="full name as written, any script")
    a.add_argument("--citizen", required=True, metavar="CC", help="citizenship (ISO code)")
    a.add_argument("--born", metavar="YYYY-MM-DD", help="birth date")
    a.add_argument("--phone", metavar="P", help="phone number, any formatting")
    a.add_argument("--to", metavar="CC", help="destination country")
    a.add_argument("--category", action="append", choices=list(vocab.CATEGORIES), metavar="C",
                   help="case category (repeatable): " + ", ".join(vocab.CATEGORIES))  # fmt: skip
    a = action("search", _search, "find clients by name (any script), phone, document or notes")
    a.add_argument("text", metavar="TEXT")
    a.add_argument("--limit", type=int, default=20)
    a.add_argument("--json", action="store_true")
    a = action("show", _show, "show a case with its client, consultations and follow-ups")
    a.add_argument("case_id", metavar="ID", type=int)
    a.add_argument("--json", action="store_true")
    a = action("list", _list, "list cases, most urgent follow-up first")
    a.add_argument("--status", choices=list(vocab.CASE_STATUSES))
    a.add_argument("--due-before", metavar="DATE", help="next follow-up due before DATE")
    a.add_argument("--category", choices=list(vocab.CATEGORIES))
    a.add_argument("--counsellor")
    a.add_argument("--sort", default="next_due", choices=["next_due", "opened", "status", "name",
                   "citizenship", "destination", "counsellor", "id"])  # fmt: skip
    a.add_argument("--desc", action="store_true", help="sort in descending order")
    a.add_argument("--limit", type=int, default=50)
    a.add_argument("--offset", type=int, default=0)
    a.add_argument("--json", action="store_true")
    a = action("export", _export, "write the whole case log to a file (encrypted with the log)")
    a.add_argument("--out", required=True, metavar="FILE.json")
    a.add_argument(
        "--pseudonymised",
        action="store_true",
        help="for research: pseudonyms, birth year only, no names or free text",
    )
    a.add_argument(
        "--birth",
        choices=["year", "quarter"],
        default="year",
        help="with --pseudonymised: keep the birth year (default) or quarter",
    )
    a.add_argument("--include-made-up", action="store_true", help="with --pseudonymised")
    a = action("import", _import, "add the records of an exported JSON file (all or nothing)")
    a.add_argument("file", metavar="FILE.json")
    a = action("stats", _stats, "counts for donor reports (no names, phones or documents)")
    a.add_argument("--from", dest="date_from", metavar="DATE", help="cases opened on or after")
    a.add_argument("--to", dest="date_to", metavar="DATE", help="cases opened on or before")
    a.add_argument("--include-made-up", action="store_true", help="count demo records too")
    fmt = a.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument("--csv", action="store_true")
    a = action("demo", _demo, "add N made-up clients with cases (for training and benchmarks)")
    a.add_argument("--count", type=int, required=True, metavar="N")
    a.add_argument("--seed", type=int, default=1)
    a = action("erase", _erase, "erase a client's personal data on their request (for good)")
    a.add_argument("client_id", metavar="ID", type=int, help="the client's number")
    a.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    a = action("share", _share, "share a case with another counsellor's account")
    a.add_argument("case_id", metavar="ID", type=int)
    a.add_argument("--with", dest="username", required=True, metavar="USER")
    a.add_argument("--stop", action="store_true", help="stop sharing instead")
    a = action("retention", _retention, "anonymise clients whose cases closed long ago")
    a.add_argument("--years", type=int, help="retention period (default: the settings, 5)")
    a.add_argument("--dry-run", action="store_true", help="only list who would be anonymised")
    a.add_argument("--json", action="store_true")


def add_user_option(parser: argparse.ArgumentParser) -> None:
    """``--user NAME``: the account to act as once the log has accounts."""
    parser.add_argument(
        "--user",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help="act as this account (default: MIGRANT_DESK_USER); its password comes from "
        "MIGRANT_DESK_PASSWORD or a prompt",
    )


def parse_date(text: str | None, what: str) -> date | None:
    """A ``YYYY-MM-DD`` option value, or a one-line error."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(_("The {what} must be a date like 2024-03-01.").format(what=what)) from None


@contextmanager
def _session(args: argparse.Namespace, permission: Any = None) -> Iterator[Any]:
    """A session on the case log of ``--db`` as the signed-in user; storage failures become
    one-line errors. ``permission`` is checked before anything is read."""
    from db.engine import session_scope
    from desktop.cases.storage import open_log, storage_errors
    from desktop.security.permissions import bind_actor, require
    from desktop.security.signin import cli_actor

    engine = open_log(getattr(args, "db", None))
    try:
        actor = cli_actor(engine, getattr(args, "user", None))
        require(actor, permission)
        with storage_errors(), session_scope(engine) as session:
            bind_actor(session, actor)
            yield session
    finally:
        engine.dispose()


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _add(args: argparse.Namespace) -> int:
    from db.schemas import CaseCreate, ClientCreate
    from desktop.cases.caseops import open_case
    from desktop.cases.clients import create_client, find_likely_duplicates

    client_in = ClientCreate(
        full_name=args.name,
        citizenship=args.citizen,
        birth_date=parse_date(args.born, _("birth date")),
        phone=args.phone,
    )
    with _session(args, Permission.CASES_WRITE) as session:
        for dup in find_likely_duplicates(session, client_in):
            print(
                _("warning: this may be client {id} again ({reason})").format(
                    id=dup.client_id, reason=dup.reason
                ),
                file=sys.stderr,
            )
        client = create_client(session=session, client_in=client_in)
        case = open_case(
            session=session,
            case_in=CaseCreate(
                client_id=client.id, destination=args.to, categories=args.category or []
            ),
        )
    print(case.id)
    return 0


def _search(args: argparse.Namespace) -> int:
    from desktop.cases.search import search_cases

    with _session(args, Permission.CASES_READ) as session:
        found = search_cases(session=session, query=args.text, limit=args.limit)
    if args.json:
        _print_json(found.to_json())
        return 0
    for hit in found.results:
        latin = f" ({hit.name_latin})" if hit.name_latin != hit.name else ""
        print(f"{hit.case_id or '-':>7}  {hit.name}{latin}  [{hit.score:.2f}]")
    print(
        _("{n} found in {ms:.1f} ms").format(n=len(found.results), ms=found.elapsed_ms),
        file=sys.stderr,
    )
    return 0


def _show(args: argparse.Namespace) -> int:
    from desktop.cases.caseops import get_case_detail

    with _session(args, Permission.CASES_READ) as session:
        detail = get_case_detail(session=session, case_id=args.case_id)
    if args.json:
        _print_json(detail.model_dump(mode="json"))
        return 0
    case, client = detail.case, detail.client
    status = _(vocab.CASE_STATUSES[case.status])
    print(f"{_('Case')} {case.id}: {status}, {_('opened')} {case.opened_on}")
    born = client.birth_date or client.birth_year or ""
    print(f"{client.full_name} ({client.name_latin}), {client.citizenship}, {born}")
    if case.categories:
        print(", ".join(_(vocab.CATEGORIES[c]) for c in case.categories))
    for f in detail.follow_ups:
        print(f"  {'[x]' if f.done else '[ ]'} {f.due_on}  {f.what}")
    for c in detail.consultations:
        print(f"  {c.held_on}  {_(vocab.CHANNELS.get(c.channel, c.channel))}: {c.summary}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from desktop.cases.lists import CaseFilter, count_cases, list_cases

    filters = CaseFilter(
        status=args.status,
        category=args.category,
        counsellor=args.counsellor,
        due_before=parse_date(args.due_before, _("due date")),
    )
    with _session(args, Permission.CASES_READ) as session:
        rows = list_cases(
            session=session,
            filters=filters,
            sort=args.sort,
            descending=args.desc,
            limit=args.limit,
            offset=args.offset,
        )
        total = count_cases(session=session, filters=filters)
    if args.json:
        _print_json({"cases": [asdict(r) for r in rows], "total": total})
        return 0
    for r in rows:
        print(
            f"{r.case_id:>7}  {r.status:<11}  {r.next_due_on or '':<10}  {r.citizenship}  {r.name}"
        )
    print(_("{shown} of {total} cases").format(shown=len(rows), total=total), file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from db.engine import engine_key
    from desktop.cases.research import write_pseudonymised
    from desktop.cases.transfer import write_export
    from desktop.security.permissions import Permission

    if args.pseudonymised:
        with _session(args, Permission.RESEARCH_EXPORT) as session:
            counts = write_pseudonymised(
                session=session,
                path=Path(args.out),
                birth=args.birth,
                include_made_up=args.include_made_up,
            )
        print(
            _("exported {clients} pseudonymised clients and {cases} cases to {file}").format(
                file=args.out, **counts
            )
        )
        return 0
    with _session(args, Permission.LOG_EXPORT) as session:
        counts = write_export(session=session, path=Path(args.out))
        encrypted = engine_key(session.get_bind()) is not None
    print(
        _("exported {clients} clients and {cases} cases to {file}").format(file=args.out, **counts)
    )
    if encrypted:
        print(_("The file is encrypted with the case log's passphrase."), file=sys.stderr)
    else:
        print(_("The file holds personal data: keep it as safe as the case log."), file=sys.stderr)
    return 0


def _import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from db.engine import engine_key
    from desktop.cases.importer import import_log
    from desktop.cases.transfer import read_export_file
    from desktop.security.passphrase import from_env
    from desktop.security.permissions import Permission

    with _session(args, Permission.LOG_IMPORT) as session:
        key = engine_key(session.get_bind())
        data = read_export_file(Path(args.file), [key, from_env()])
        summary = import_log(session=session, data=data)
    print(_("imported {clients} clients and {cases} cases").format(**summary.added))
    return 0


def _stats(args: argparse.Namespace) -> int:
    from desktop.cases.stats import case_stats, stats_csv

    with _session(args, Permission.STATS_READ) as session:
        stats = case_stats(
            session=session,
            date_from=parse_date(args.date_from, _("start date")),
            date_to=parse_date(args.date_to, _("end date")),
            include_made_up=args.include_made_up,
        )
    if args.json:
        _print_json(stats)
    elif args.csv:
        sys.stdout.write(stats_csv(stats))
    else:
        totals, excluded = stats["totals"], stats["excluded"]
        print(_("{cases} cases, {clients} clients, {consultations} consultations").format(**totals))
        print(
            _("not counted: {made_up} made-up, {no_statistics_consent} without consent").format(
                **excluded
            )
        )
        for name in ("by_category", "by_citizenship", "by_destination", "by_outcome"):
            print(
                f"{name.removeprefix('by_')}: "
                + ", ".join(f"{k} {v}" for k, v in stats[name].items())
            )
    return 0


def _demo(args: argparse.Namespace) -> int:
    import time

    from desktop.cases.demo import make_demo

    if args.count < 1:
        raise UserError(_("The count must be at least 1."))
    started = time.perf_counter()

    def progress(done: int, count: int) -> None:
        if count > BATCH or done == count:
            print(
                _("made up {done} of {count} clients").format(done=done, count=count),
                file=sys.stderr,
                flush=True,
            )

    with _session(args, Permission.CASES_WRITE) as session:
        summary = make_demo(
            session=session, count=args.count, seed=args.seed, progress=progress, batch_size=BATCH
        )
    elapsed = time.perf_counter() - started
    n, cases = summary.counts.get("client", 0), summary.counts.get("case_file", 0)
    print(
        _("added {n} made-up clients with {cases} cases in {s:.1f} s").format(
            n=n, cases=cases, s=elapsed
        )
    )
    return 0


def _erase(args: argparse.Namespace) -> int:
    from desktop.cases.retention import erase_client, erase_preview
    from desktop.security.passphrase import interactive
    from desktop.security.permissions import Permission

    with _session(args, Permission.CASES_ERASE) as session:
        name = erase_preview(session=session, client_id=args.client_id)
        if not args.yes and interactive():
            answer = input(
                _("Erase the personal data of client {id} ({name}) for good? [y/N] ").format(
                    id=args.client_id, name=name
                )
            )
            if answer.strip().lower() not in ("y", "yes"):
                raise UserError(_("Nothing was erased."))
        erase_client(session=session, client_id=args.client_id)
    print(_("erased the personal data of client {id}").format(id=args.client_id))
    return 0


def _share(args: argparse.Namespace) -> int:
    from desktop.cases.caseops import share_case
    from desktop.security.permissions import Permission

    with _session(args, Permission.CASES_SHARE) as session:
        names = share_case(
            session=session, case_id=args.case_id, username=args.username, shared=not args.stop
        )
    print(
        _("case {id} is shared with: {names}").format(
            id=args.case_id, names=", ".join(names) or "-"
        )
    )
    return 0


def _retention(args: argparse.Namespace) -> int:
    from desktop.cases.retention import apply_retention
    from desktop.security.permissions import Permission
    from desktop.settings import Settings

    years = args.years if args.years is not None else int(Settings().get("retention_years"))
    with _session(args, Permission.RETENTION_RUN) as session:
        report = apply_retention(session=session, years=years, dry_run=args.dry_run)
    if args.json:
        _print_json(
            {"cutoff": report.cutoff, "client_ids": report.client_ids, "dry_run": report.dry_run}
        )
        return 0
    verb = _("would anonymise") if report.dry_run else _("anonymised")
    print(
        _("{verb} {n} clients whose cases all closed before {cutoff}").format(
            verb=verb, n=len(report.client_ids), cutoff=report.cutoff
        )
    )
    return 0
