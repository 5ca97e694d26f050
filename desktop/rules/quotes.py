"""Check that every quotation is verbatim in its document and starts at or near its line.

White space is folded on both sides (the documents are text extractions of PDFs with broken
lines). ``…`` joins verbatim pieces, which must follow each other within a few lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop.rules.loader import Problem
from desktop.rules.model import Rule, Source

START_SLACK = 2  # the quote may start this many lines before or after the cited line
SPAN_LINES = 12  # pieces joined by … must all lie within this many lines of the start
_WS = re.compile(r"\s+")


def fold(text: str) -> str:
    return _WS.sub(" ", text).strip()


@dataclass
class _Document:
    lines: list[str]

    def folded(self, first: int, last: int) -> str:
        """Folded text of lines ``first``..``last`` (0-based, inclusive, clamped)."""
        first = max(first, 0)
        return fold(" ".join(self.lines[first : last + 1]))


class QuoteChecker:
    """Verifies quotations against the source documents in one folder."""

    def __init__(self, sources_dir: Path) -> None:
        self.sources_dir = sources_dir
        self._docs: dict[str, _Document | None] = {}

    def _doc(self, name: str) -> _Document | None:
        if name not in self._docs:
            path = self.sources_dir / name
            try:
                self._docs[name] = _Document(path.read_text(encoding="utf-8").splitlines())
            except OSError:
                self._docs[name] = None
        return self._docs[name]

    def check_source(self, source: Source) -> str | None:
        """``None`` when the quotation holds, else what is wrong with it."""
        doc = self._doc(source.document)
        if doc is None:
            return f"document {source.document} not found in {self.sources_dir}"
        if source.line > len(doc.lines):
            return f"line {source.line} is past the end of {source.document}"
        pieces = [fold(p) for p in source.quote.split("…")]
        pieces = [p for p in pieces if p]
        if not pieces:
            return "the quote is empty"
        line0 = source.line - 1
        first = pieces[0]
        window = doc.folded(line0 - START_SLACK, line0 + SPAN_LINES)
        # The first piece must begin within the start slack: find it in the text that
        # begins at one of the allowed lines.
        starts = []
        for begin in range(line0 - START_SLACK, line0 + START_SLACK + 1):
            if 0 <= begin < len(doc.lines):
                text = doc.folded(begin, begin + SPAN_LINES)
                head = fold(doc.lines[begin])
                idx = text.find(first)
                if idx != -1 and idx <= len(head):
                    starts.append(begin)
        if not starts:
            where = "elsewhere in the document" if first in fold(" ".join(doc.lines)) else ""
            if where:
                return f"quote found {where}, not at line {source.line}: {first[:60]!r}"
            return f"quote not found in {source.document}: {first[:60]!r}"
        pos = window.find(first)
        for piece in pieces[1:]:
            nxt = window.find(piece, pos + 1)
            if nxt == -1:
                return f"quote piece not found after the previous one: {piece[:60]!r}"
            pos = nxt
        return None

    def check(self, rules: Iterable[Rule]) -> list[Problem]:
        problems = []
        for rule in rules:
            for source in rule.sources:
                message = self.check_source(source)
                if message:
                    problems.append(Problem(rule.file, rule.id, message))
        return problems
