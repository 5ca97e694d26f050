"""The parsed-rules cache gives the same book, and never an outdated one."""

from __future__ import annotations

import os

from desktop.paths import user_data_dir
from tests.rules.conftest import SRC

RULE = (
    """
destination = "RU"
[[rule]]
id = "ru-registration-x"
applies_to = ["UZ"]
topic = "registration"
status = "in_force"
text = "{text}"
value = {{ days = 15, counting = "unspecified" }}
"""
    + SRC
)


def test_second_load_comes_from_the_cache_and_equals_the_first(rule_files):
    """A cache file is written, and loading again gives the same records."""
    first = rule_files({"ru.toml": RULE.format(text="Register within 15 days.")})
    assert list((user_data_dir() / "cache").glob("rules-*.pickle"))
    second = rule_files({})
    assert [r.to_json() for r in second.rules] == [r.to_json() for r in first.rules]


def test_an_edited_file_is_parsed_again(rule_files, tmp_path):
    """Changing a rule file (new size and time) makes the next load read the new text."""
    rule_files({"ru.toml": RULE.format(text="Register within 15 days.")})
    path = tmp_path / "rules" / "ru.toml"
    path.write_text(RULE.format(text="Register within fifteen days, please."), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    book = rule_files({})
    assert book.get("ru-registration-x").text == "Register within fifteen days, please."


def test_a_broken_cache_file_is_ignored(rule_files):
    """Garbage in the cache folder only means parsing the files again."""
    rule_files({"ru.toml": RULE.format(text="Register within 15 days.")})
    for cached in (user_data_dir() / "cache").glob("rules-*.pickle"):
        cached.write_bytes(b"not a pickle")
    book = rule_files({})
    assert book.get("ru-registration-x") is not None and book.problems == []
