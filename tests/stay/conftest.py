"""Rule files for the calculator's tests, written to a tmp folder and read by the real loader."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

SRC = """
[[rule.sources]]
document = "004_20f1d4492639c7cb.txt"
line = 221
quote = "foreigners who do not require a visa to enter Kazakhstan will be able to stay"
"""

GROUPS = """
[[group]]
name = "visa_free"
destination = "KZ"
[[group.member]]
country = "UZ"
"""

# The record the worked example of INTERFACES.md rests on, as resources/rules/kz.toml has it.
KZ = (
    """
destination = "KZ"

[[rule]]
id = "kz-stay-visa-free-2023"
applies_to = ["visa_free"]
topic = "stay_limit"
status = "in_force"
effective_from = 2023-01-01
date_basis = "approximate"
text = "Visa-free foreigners: up to 30 days at a time, no more than 90 days within any 180 days."
value = { kind = "rolling", max_days = 90, window_days = 180, per_stay_days = 30 }
"""
    + SRC
    + """
[[rule]]
id = "kz-registration-gap"
applies_to = ["all"]
topic = "registration"
status = "gap"
text = "The sources do not state a registration deadline for foreigners in Kazakhstan."
"""
)

RU = (
    """
destination = "RU"

[[rule]]
id = "ru-registration-7-days"
applies_to = ["UZ"]
topic = "registration"
status = "superseded"
effective_to = 2021-06-16
text = "Register within 7 days."
value = { days = 7, counting = "unspecified" }
"""
    + SRC
    + """
[[rule]]
id = "ru-registration-uz-2021"
applies_to = ["UZ"]
topic = "registration"
status = "in_force"
effective_from = 2021-06-17
supersedes = ["ru-registration-7-days"]
text = "Register within 15 days of arrival."
value = { days = 15, counting = "unspecified" }
"""
    + SRC
    + """
[[rule]]
id = "ru-registration-tj-working"
applies_to = ["TJ"]
topic = "registration"
status = "in_force"
text = "Register within 7 working days."
value = { days = 7, counting = "working" }
"""
    + SRC
    + """
[[rule]]
id = "ru-registration-kg-calendar"
applies_to = ["KG"]
topic = "registration"
status = "in_force"
text = "Register within 30 calendar days."
value = { days = 30, counting = "calendar" }
"""
    + SRC
    + """
[[rule]]
id = "ru-stay-90-180"
applies_to = ["UZ", "TJ"]
topic = "stay_limit"
status = "in_force"
effective_from = 2015-01-01
text = "At most 90 days within any 180 days."
value = { kind = "rolling", max_days = 90, window_days = 180 }
"""
    + SRC
)


@pytest.fixture
def load_rules(tmp_path: Path):
    """Return a function that writes rule files (name -> TOML) and loads them as a rule book.

    The files stand in for the bundled set (``bundled`` rules from a tmp folder); ``local``
    files go to a second folder and load as the NGO's own rules.
    """
    from desktop.rules import load_rulebook

    def load(files: dict[str, str], local: dict[str, str] | None = None):
        bundled_dir = tmp_path / "bundled"
        bundled_dir.mkdir(exist_ok=True)
        for name, text in files.items():
            (bundled_dir / name).write_text(textwrap.dedent(text), encoding="utf-8")
        extra = []
        if local:
            local_dir = tmp_path / "local"
            local_dir.mkdir(exist_ok=True)
            for name, text in local.items():
                (local_dir / name).write_text(textwrap.dedent(text), encoding="utf-8")
            extra.append(local_dir)
        groups = tmp_path / "groups.toml"
        groups.write_text(GROUPS, encoding="utf-8")
        book = load_rulebook(extra, rules_dir=bundled_dir, groups_path=groups)
        assert not book.problems, [str(p) for p in book.problems]
        return book

    return load
