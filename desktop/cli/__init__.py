"""The ``migrant-desk`` command line (see INTERFACES in the shared docs and README.md).

Exit codes: 0 success, 1 a user error (one line on stderr, never a traceback), 2 a usage error.
Subcommand modules are imported only when their command runs, so that start-up of the
window is not slowed down by the case log or the PDF code.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from desktop.errors import UserError

# command name -> module under desktop.cli that defines register(subparsers, parent)
COMMANDS: dict[str, str] = {
    "gui": "gui",
    "rules": "rules",
    "deadlines": "deadlines",
    "cases": "cases",
    "db": "dbcmd",
    "leaflet": "leaflets",
    "leaflets": "leaflets",
    "users": "users",
    "audit": "audit",
}


def global_options() -> argparse.ArgumentParser:
    """Options accepted before or after the subcommand."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="case log database (SQLAlchemy URL or file path; default: MIGRANT_DESK_DB "
        "or cases.sqlite3 in the user data folder)",
    )
    parent.add_argument(
        "--lang",
        metavar="CODE",
        default=argparse.SUPPRESS,
        choices=["en", "ru", "uz", "ky", "tg"],
        help="language of the output: en, ru, uz, ky or tg",
    )
    parent.add_argument(
        "--rules-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="an extra folder of local rule files; they take precedence from their effective date",
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    parent = global_options()
    parser = argparse.ArgumentParser(
        prog="migrant-desk",
        parents=[parent],
        description="Rule sheets, stay deadlines, case log and leaflets for migrant-support NGOs.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    registered: set[str] = set()
    for module_name in COMMANDS.values():
        if module_name in registered:
            continue
        registered.add(module_name)
        module = importlib.import_module(f"desktop.cli.{module_name}")
        module.register(sub, parent)
    return parser


def _argv_is_gui(argv: Sequence[str]) -> bool:
    words = [a for a in argv if not a.startswith("-")]
    return not words or words[0] == "gui"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if _argv_is_gui(args_list) and not any(a in ("-h", "--help") for a in args_list):
        # Fast path: the window starts without importing the other commands.
        from desktop.cli import gui

        return gui.run_from_argv(args_list)
    parser = build_parser()
    args = parser.parse_args(args_list)
    if getattr(args, "lang", None):
        from desktop.i18n import set_language

        set_language(args.lang)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(handler(args) or 0)
    except UserError as exc:
        print(f"migrant-desk: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("migrant-desk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
