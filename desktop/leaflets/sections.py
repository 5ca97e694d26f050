"""The leaflet's sections, and which records each one prints.

1 On arrival · 2 How long you may stay · 3 Working legally · (warnings) · 4 Where to get
help, as in the design brief. What the sources leave open (the gaps) is printed as plainly
as a rule, in one dashed box per section, with the NGO's contact in its place.

A leaflet has room for one or two pages, the rule book for many more records, so three
sections choose (see LIMITS). Work entries: every topic gets a turn before any gets a
second. Warnings: only records about the destination itself (an origin country's
recruitment programme is no warning). Contacts: first those that name the reader's
citizenship, that can be called or visited (hotline, consulate, shelter, app, web site) and
that print a phone number or address. What is left out for room is counted on the leaflet
("3 more entries … ask us"); nothing is ever added that a record does not say.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from desktop.i18n import content_gettext
from desktop.leaflets.entries import (
    contact_entry,
    gap_entry,
    ngo_entry,
    overflow_entry,
    rule_entry,
)
from desktop.leaflets.model import Entry
from desktop.leaflets.spec import LeafletSpec, PrintSettings
from desktop.rules import Rule
from desktop.rules.present import topic_title


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    topics: tuple[str, ...]
    icon: str
    numbered: bool = True

    def title(self, lang: str) -> str:
        return section_title(self.key, lang)


SECTIONS: tuple[Section, ...] = (
    Section("arrival", ("registration",), "✈"),
    Section("stay", ("stay_limit",), "◷"),
    Section("work", ("work_licence", "cost", "medical", "language_test", "biometrics"), "⚒"),
    Section(
        "warnings", ("trafficking", "entry_ban", "detention_expulsion", "recruitment"), "⚠", False
    ),
    Section("help", ("contact",), "☎"),
)


def section_title(key: str, lang: str) -> str:
    """Section titles, written out so that the extractor finds each one."""
    if key == "arrival":
        return content_gettext("On arrival: register", lang)
    if key == "stay":
        return content_gettext("How long you may stay", lang)
    if key == "work":
        return content_gettext("Working legally", lang)
    if key == "warnings":
        return content_gettext("Be careful", lang)
    return content_gettext("Where to get help", lang)


# How many records a section may print, by paper size and level of brevity (0 first; the
# next is tried when a leaflet runs longer than its paper allows). A section not named
# prints all its records.
LIMITS: dict[str, tuple[dict[str, int], ...]] = {
    "A4": (
        {"work": 5, "warnings": 3, "help": 3},
        {"work": 4, "warnings": 2, "help": 2},
        {"work": 3, "warnings": 2, "help": 2},
    ),
    "A5": (
        {"work": 4, "warnings": 2, "help": 3},
        {"work": 3, "warnings": 2, "help": 2},
        {"work": 3, "warnings": 1, "help": 2},
    ),
}
BREVITY_LEVELS = 3

_REACHABLE = {"hotline": 3, "consulate": 3, "shelter": 3, "app": 2, "website": 2}


def contact_rank(rule: Rule, spec: LeafletSpec) -> int:
    """Higher for contacts a migrant can use: their own country's, reachable, with a number."""
    v = rule.value
    score = 2 if spec.citizenship in rule.applies_to else 0
    score += _REACHABLE.get(str(v.get("kind", "")), 0)
    score += 1 if v.get("phone") or v.get("url") else 0
    score += 1 if v.get("country") == spec.destination else 0
    return score


def _relevant(section: Section, rule: Rule, spec: LeafletSpec) -> bool:
    """Warnings speak of the destination itself (or of trafficking anywhere)."""
    if section.key != "warnings":
        return True
    return rule.destination == spec.destination or rule.topic == "trafficking"


def select(
    section: Section,
    rules: list[Rule],
    spec: LeafletSpec,
    limit: int | None = None,
    brevity: int = 0,
) -> tuple[list[Rule], int]:
    """The in-force records the section prints, in print order, and how many were left out.

    Within the limit, every topic gets its first record before any topic gets a second
    (records naming the citizenship come first), so a long topic cannot push out a short one.
    """
    order = {t: i for i, t in enumerate(section.topics)}
    shown = [r for r in rules if not r.is_gap and _relevant(section, r, spec)]
    if section.key == "help":
        shown.sort(key=lambda r: -contact_rank(r, spec))  # stable: sheet order breaks ties
    else:
        shown.sort(key=lambda r: (spec.citizenship not in r.applies_to, order[r.topic]))
    limit = limit or LIMITS[spec.size][brevity].get(section.key)
    if limit is None or len(shown) <= limit:
        kept = shown
    elif section.key == "help":
        kept = shown[:limit]
    else:
        seen: Counter[str] = Counter()
        turn: dict[str, int] = {}
        for rule in shown:
            turn[rule.id] = seen[rule.topic]
            seen[rule.topic] += 1
        kept = sorted(shown, key=lambda r: turn[r.id])[:limit]
    if section.key != "help":
        kept.sort(key=lambda r: order[r.topic])
    return kept, len(shown) - len(kept)


def entries_for(
    section: Section,
    rules: list[Rule],
    spec: LeafletSpec,
    prefs: PrintSettings,
    lang: str,
    brevity: int = 0,
) -> tuple[list[Entry], list[Rule]]:
    """The section's entries and the records they print.

    Rules first, in topic order, each topic's small label printed once; then one box with
    what the sources leave open; then how many records were left out.
    """
    shown, hidden = select(section, rules, spec, brevity=brevity)
    order = {t: i for i, t in enumerate(section.topics)}
    gaps = sorted(
        (r for r in rules if r.is_gap and _relevant(section, r, spec)),
        key=lambda r: order[r.topic],
    )
    labelled = len(section.topics) > 1
    out: list[Entry] = []
    if section.key == "help":
        ngo = ngo_entry(prefs, lang)
        if ngo is not None:
            out.append(ngo)
    last_label = ""
    for rule in shown:
        if rule.topic == "contact":
            out.append(contact_entry(rule, prefs, lang))
            continue
        label = topic_title(rule.topic) if labelled else ""
        out.append(rule_entry(rule, "" if label == last_label else label, prefs, lang))
        last_label = label
    if gaps:
        items = [(topic_title(r.topic) if labelled else "", r) for r in gaps]
        out.append(gap_entry(items, prefs, lang))
    if hidden:
        out.append(overflow_entry(hidden, lang))
    return out, shown + gaps
