"""Rule files written into a test's tmp folder, loaded with the real loader."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

GROUPS = """
[[group]]
name = "EAEU"
title = "Eurasian Economic Union"
[[group.member]]
country = "KZ"
[[group.member]]
country = "KG"
from = 2015-08-12

[[group]]
name = "visa_free"
destination = "KZ"
[[group.member]]
country = "UZ"
"""


@pytest.fixture
def rule_files(tmp_path: Path):
    """Return a function that writes named TOML files and loads them as the bundled set."""
    from desktop.rules import load_rulebook

    rules_dir = tmp_path / "rules"
    rules_dir.mkdir()
    groups = tmp_path / "groups.toml"
    groups.write_text(GROUPS, encoding="utf-8")

    def write(files: dict[str, str], extra_dirs=(), local_records=()):
        for name, text in files.items():
            (rules_dir / name).write_text(textwrap.dedent(text), encoding="utf-8")
        return load_rulebook(
            extra_dirs,
            rules_dir=rules_dir,
            groups_path=groups,
            local_records=local_records,
        )

    return write


SRC = """
[[rule.sources]]
document = "004_20f1d4492639c7cb.txt"
line = 917
quote = "the citizens of Uzbekistan are given a grace period"
"""
