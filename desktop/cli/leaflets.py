"""Command line: placeholder until this command is implemented."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    """Nothing registered yet."""
