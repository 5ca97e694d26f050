"""``migrant-desk`` / ``migrant-desk gui``: start the desktop app."""

from __future__ import annotations

import argparse
from collections.abc import Sequence


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--exit-after-start",
        action="store_true",
        help="show the main window, wait for its first data, print start-up times and exit",
    )


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = sub.add_parser("gui", parents=[parent], help="start the desktop app (the default)")
    _add_arguments(p)
    p.set_defaults(handler=lambda args: _start(args))


def run_from_argv(argv: Sequence[str]) -> int:
    """Parse only what the window needs, so start-up stays quick."""
    from desktop.cli import global_options

    parser = argparse.ArgumentParser(prog="migrant-desk", parents=[global_options()])
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("gui", parents=[global_options()])
    _add_arguments(parser)
    args, rest = parser.parse_known_args(list(argv))
    if "--exit-after-start" in rest:
        args.exit_after_start = True
    return _start(args)


def _start(args: argparse.Namespace) -> int:
    from desktop.ui.app import run

    return run(
        db_url=getattr(args, "db", None),
        lang=getattr(args, "lang", None),
        rules_dir=getattr(args, "rules_dir", None),
        exit_after_start=bool(getattr(args, "exit_after_start", False)),
    )
