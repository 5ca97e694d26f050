"""Quotations must be verbatim in their document and start at or near the cited line."""

from __future__ import annotations

import pytest

from desktop.rules.model import Source
from desktop.rules.quotes import QuoteChecker

DOC = """First line of the document.
The citizens of Uzbekistan are given a grace period<sup>81</sup> for
migration registration within 15 days.
Previously the standard was 7 days.
Unrelated text.
"""


@pytest.fixture
def checker(tmp_path):
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    return QuoteChecker(tmp_path)


def test_quote_across_a_line_break_matches_with_whitespace_folded(checker):
    """A quotation that spans a broken line is still verbatim."""
    src = Source("doc.txt", 3, "for migration registration within 15 days")
    assert checker.check_source(src) is None


def test_pieces_joined_by_ellipsis_must_follow_each_other(checker):
    """An ellipsis may skip a footnote marker, but the pieces must be in order."""
    good = Source("doc.txt", 2, "a grace period … for migration registration")
    bad = Source("doc.txt", 2, "migration registration … a grace period<sup>")
    assert checker.check_source(good) is None
    assert "not found after the previous one" in (checker.check_source(bad) or "")


def test_altered_quote_is_reported(checker):
    """Changing one number in a quotation makes it fail."""
    msg = checker.check_source(Source("doc.txt", 3, "migration registration within 10 days"))
    assert msg is not None and "quote not found" in msg


def test_quote_at_a_distant_line_is_reported(checker):
    """A right quote with a wrong line number says where the problem is."""
    msg = checker.check_source(Source("doc.txt", 1, "Previously the standard was 7 days"))
    assert msg is None or "not at line 1" in msg
    msg = checker.check_source(Source("doc.txt", 6, "First line of the document"))
    assert msg is not None
