"""Rule sheets: the bundled knowledge base from the source documents, plus local rules.

Plain Python, no Qt. ``load_rulebook()`` reads everything; ``RuleBook.sheet()`` answers
"what are the rules for a citizen of X in country Y on day D?".
"""

from desktop.rules.book import Document, RuleBook, Sheet, country_codes, load_rulebook
from desktop.rules.loader import Problem
from desktop.rules.model import CORE_TOPICS, TOPICS, Rule, Source

__all__ = [
    "CORE_TOPICS",
    "TOPICS",
    "Document",
    "Problem",
    "Rule",
    "RuleBook",
    "Sheet",
    "Source",
    "country_codes",
    "load_rulebook",
]
