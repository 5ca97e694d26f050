"""``migrant-desk leaflet`` (one PDF) and ``migrant-desk leaflets`` (every destination × language).

The contact block and the printing preferences come from the app's settings, so a leaflet
printed here is the same as one printed from the window.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from desktop.errors import UserError
from desktop.i18n import LANGUAGES


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = sub.add_parser("leaflet", parents=[parent], help="print one leaflet as a PDF file")
    p.add_argument("--to", required=True, metavar="CC", help="destination country code")
    p.add_argument(
        "--citizen",
        metavar="CC",
        help="citizenship the rules are for (default: Settings' default citizenship, "
        "or the next main country of origin when that is the destination)",
    )
    p.add_argument("--case", metavar="ID", help="a client's case: print the client's own dates")
    p.add_argument("--name", metavar="NAME", help="client's name (only the first word is printed)")
    p.add_argument("--entry", metavar="YYYY-MM-DD", help="client's entry date: print their dates")
    p.add_argument(
        "--trip",
        metavar="YYYY-MM-DD:YYYY-MM-DD",
        action="append",
        default=[],
        help="an earlier stay (entry:exit), with --entry; repeatable",
    )
    _common(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="the PDF to write")
    p.set_defaults(handler=cmd_leaflet)

    # ``--lang`` takes several languages here, so it replaces the global option, on a fresh
    # copy of the global options: the shared parent must keep its own ``--lang``.
    from desktop.cli import global_options

    b = sub.add_parser(
        "leaflets",
        parents=[global_options()],
        conflict_handler="resolve",
        help="print every destination × language into a folder",
    )
    b.add_argument("--out", required=True, metavar="DIR", help="folder for the PDF files")
    b.add_argument(
        "--lang",
        dest="langs",
        nargs="+",
        action="extend",
        choices=LANGUAGES,
        metavar="L",
        help="languages (default: all five)",
    )
    b.add_argument(
        "--to",
        dest="destinations",
        nargs="+",
        action="extend",
        metavar="CC",
        help="destinations (default: every destination in the rule book)",
    )
    b.add_argument(
        "--citizen",
        dest="citizens",
        nargs="+",
        action="extend",
        metavar="CC",
        help="citizenships (default: Settings' default citizenship)",
    )
    _common(b)
    b.set_defaults(handler=cmd_leaflets)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--size", type=str.upper, choices=("A4", "A5"), help="paper (default: from Settings)"
    )
    p.add_argument("--bilingual", action="store_true", help="the language and Russian side by side")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="the leaflet's date (default today)")


def _context(args: argparse.Namespace) -> tuple[Any, Any, Any, date, str]:
    """The rule book, settings, print preferences, date and paper size."""
    from desktop.cli.rules import load_book, parse_day
    from desktop.leaflets import PrintSettings
    from desktop.settings import Settings

    settings = Settings()
    prefs = PrintSettings.from_settings(settings)
    size = args.size or str(settings.get("leaflet_size")).upper()
    if size not in ("A4", "A5"):
        size = "A4"
    return load_book(args), settings, prefs, parse_day(args.on, "--on"), size


def _note_empty_org(prefs: Any) -> None:
    """After the work is done, so that an error stays the only line on stderr."""
    if prefs.org.is_empty:
        print(
            "note: the organisation's contact block is empty (Settings → Organisation); "
            "the leaflets do not say how to reach you",
            file=sys.stderr,
        )


def _destination(book: Any, code: str, option: str) -> str:
    from desktop.cli.rules import country_arg
    from desktop.rules.present import country_name

    dest = country_arg(book, code, option)
    if dest not in book.destinations():
        covered = ", ".join(book.destinations()) or "none yet"
        raise UserError(
            f"{option}: the rule book has no rules for {dest} ({country_name(dest, 'en')}); "
            f"destinations covered: {covered}"
        )
    return dest


def cmd_leaflet(args: argparse.Namespace) -> int:
    from desktop.cli.rules import country_arg
    from desktop.i18n import current_language
    from desktop.leaflets import LeafletSpec, default_citizenship, render_leaflet

    if args.case and (args.entry or args.trip or args.name):
        raise UserError(
            "--case takes the name and dates from the case log: leave out --name, --entry "
            "and --trip"
        )
    if args.trip and not args.entry:
        raise UserError("--trip needs --entry (the first day of the current stay)")
    book, settings, prefs, on, size = _context(args)
    dest = _destination(book, args.to, "--to")
    lang = getattr(args, "lang", None) or settings.get("language") or current_language()
    name, dates = "", ()
    if args.case:
        name, citizen, dates = _from_case(book, args, dest, on)
    elif args.citizen:
        citizen = country_arg(book, args.citizen, "--citizen")
    else:
        citizen = default_citizenship(dest, settings.get("default_citizenship"))
    if args.entry:
        dates = _computed_dates(book, args, citizen, dest, on)
    if args.name:
        name = args.name
    if citizen == dest:
        raise UserError(f"--citizen: {citizen} is the destination itself; give another one")
    spec = LeafletSpec(
        dest,
        lang,
        citizen,
        on=on,
        size=size,
        bilingual=args.bilingual,
        client_name=name,
        your_dates=dates,
    )
    out = Path(args.output)
    if out.is_dir():
        raise UserError(f"-o: {out} is a folder; give a file name such as leaflet.pdf")
    pages = render_leaflet(book, spec, out, prefs)
    _note_empty_org(prefs)
    kind = "client leaflet" if spec.is_client else "leaflet"
    plural = "s" if pages != 1 else ""
    print(
        f"wrote {out}: {kind}, {dest} for citizens of {citizen}, {lang}, {size}, "
        f"{pages} page{plural}"
    )
    return 0


def _computed_dates(
    book: Any, args: argparse.Namespace, citizen: str, dest: str, on: date
) -> tuple[Any, ...]:
    from desktop.cli.rules import parse_day
    from desktop.leaflets import client_dates

    entry = parse_day(args.entry, "--entry")
    trips = []
    for text in args.trip:
        first, _sep, last = text.partition(":")
        if not first or not last:
            raise UserError(f"--trip must look like 2024-01-01:2024-01-20, not {text!r}")
        trips.append((parse_day(first, "--trip"), parse_day(last, "--trip")))
    return client_dates(book, citizen=citizen, destination=dest, entry=entry, trips=trips, on=on)


def _from_case(book: Any, args: argparse.Namespace, dest: str, on: date) -> Any:
    """First name, citizenship and dates of the case's client, read from the case log."""
    try:
        case_id = int(args.case)
    except ValueError:
        raise UserError(f"--case: a case id is a number, not {args.case!r}") from None
    try:
        from db.engine import session_scope
        from desktop.cases.caseops import get_case_detail
        from desktop.cases.storage import open_log, storage_errors
    except ImportError:
        raise UserError("--case is not available yet: the case log is not installed") from None
    from desktop.leaflets import dates_for_case

    engine = open_log(getattr(args, "db", None))
    try:
        with storage_errors(), session_scope(engine) as session:
            detail = get_case_detail(session=session, case_id=case_id)
    finally:
        engine.dispose()
    if args.citizen and args.citizen.strip().upper() != detail.client.citizenship:
        raise UserError(
            f"--citizen {args.citizen.upper()} differs from the client's citizenship "
            f"({detail.client.citizenship}); leave --citizen out with --case"
        )
    found = dates_for_case(book, detail, dest, on)
    return found.first_name, found.citizenship, found.dates


def cmd_leaflets(args: argparse.Namespace) -> int:
    from desktop.cli.rules import country_arg
    from desktop.leaflets import batch_specs, render_batch

    book, settings, prefs, on, size = _context(args)
    destinations = [_destination(book, d, "--to") for d in (args.destinations or [])]
    destinations = destinations or book.destinations()
    if not destinations:
        raise UserError("the rule book has no destinations yet: nothing to print")
    citizens = [country_arg(book, c, "--citizen") for c in (args.citizens or [])]
    chosen = args.langs or ([args.lang] if getattr(args, "lang", None) else LANGUAGES)
    specs = batch_specs(
        destinations,
        list(dict.fromkeys(chosen)),
        citizenships=citizens or None,
        preferred_citizenship=settings.get("default_citizenship"),
        on=on,
        size=size,
        bilingual=args.bilingual,
    )
    if not specs:
        raise UserError("nothing to print: every citizenship given is the destination itself")
    started = time.perf_counter()

    def progress(done: int, total: int, path: Path) -> None:
        print(f"[{done}/{total}] {path}", flush=True)

    written = render_batch(book, specs, Path(args.out), prefs, progress)
    _note_empty_org(prefs)
    seconds = time.perf_counter() - started
    print(f"{len(written)} leaflets in {seconds:.1f} s", file=sys.stderr)
    return 0
