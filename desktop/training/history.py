"""How a rule changed over the sources: the records of one topic, oldest first, on a time axis.

:meth:`RuleBook.history` gives the records of the topic; records they replaced under
another topic are added (the visa runs in Kazakhstan, filed under "other", were replaced
by the 2023 stay limit), since a trainer tells them as one story. Where a record states no
start, it is drawn from the end of the record before it, or from the year of its source,
and marked as such: the picture never pretends to know a date the sources do not give.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop.rules import Rule, RuleBook
from desktop.rules.present import headline, rule_text, status_title, validity
from desktop.training.narrate import Quotation, quotations, rule_value

GIST = 60


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One record on the time axis, with the span it is drawn over."""

    rule: Rule
    shown_from: date
    shown_to: date
    start_stated: bool
    end_stated: bool
    headline: str
    text: str
    status: str
    when: str
    quotations: tuple[Quotation, ...]


def _gist(rule: Rule, lang: str | None) -> str:
    """The start of the rule's text, for records whose value has no words of its own."""
    text = rule_text(rule, lang)
    return text if len(text) <= GIST else text[: text.rfind(" ", 0, GIST)] + " …"


def _with_replaced(book: RuleBook, rules: list[Rule]) -> list[Rule]:
    out = list(rules)
    seen = {r.id for r in out}
    queue = list(out)
    while queue:
        rule = queue.pop()
        for target in rule.supersedes:
            old = book.get(target)
            if old is not None and old.id not in seen:
                seen.add(old.id)
                out.append(old)
                queue.append(old)
    return out


def _source_year(book: RuleBook, rule: Rule) -> date | None:
    years = [book.documents[s.document].year for s in rule.sources if s.document in book.documents]
    return date(min(years), 1, 1) if years else None


def _axis_start(book: RuleBook, rules: list[Rule], today: date) -> date:
    """Two years before the earliest date any record states (start, end or source year)."""
    known = [d for r in rules for d in (r.effective_from, r.effective_to) if d is not None]
    known += [y for r in rules if (y := _source_year(book, r)) and y <= (r.effective_to or today)]
    earliest = min(known, default=today)
    return date(earliest.year - 2, 1, 1)


def rule_history(
    book: RuleBook,
    destination: str,
    citizenship: str,
    topic: str,
    *,
    lang: str | None = None,
    today: date | None = None,
) -> list[HistoryEntry]:
    """The topic's records for this citizen in this destination, oldest first."""
    today = today or date.today()
    rules = _with_replaced(book, book.history(destination, citizenship, topic))
    rules.sort(key=lambda r: (r.effective_from or r.effective_to or date.max, r.id))
    entries: list[HistoryEntry] = []
    axis_start = _axis_start(book, rules, today)
    previous_end: date | None = None
    for rule in rules:
        end = rule.effective_to or today
        year = _source_year(book, rule)
        if rule.effective_from is not None:
            start = rule.effective_from
        elif previous_end is not None and previous_end < end:
            start = previous_end + timedelta(days=1)
        elif year is not None and year < end:
            start = year
        else:
            start = axis_start
        if rule.effective_to is not None:
            previous_end = rule.effective_to
        entries.append(
            HistoryEntry(
                rule=rule,
                shown_from=start,
                shown_to=end,
                start_stated=rule.effective_from is not None,
                end_stated=rule.effective_to is not None,
                headline=rule_value(rule, lang) or headline(rule, lang) or _gist(rule, lang),
                text=rule_text(rule, lang),
                status=status_title(rule),
                when=validity(rule, lang),
                quotations=tuple(quotations(book, rule, lang)),
            )
        )
    entries.sort(key=lambda e: (e.shown_from, e.rule.id))
    return entries
