"""The rule book: every record loaded, checked across files, and queried by date."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from desktop.i18n import C_
from desktop.paths import RESOURCES, RULES_DIR
from desktop.rules.groups import Groups, parse_groups
from desktop.rules.loader import Problem, RecordParser, read_toml
from desktop.rules.model import CORE_TOPICS, SINGLE_VALUED_TOPICS, TOPICS, Rule

# Babel lists these as territories, but they are not countries one can hold citizenship of.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"})


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166 alpha-2 codes, from Babel's locale data."""
    from babel import Locale

    codes = (str(code) for code in Locale("en").territories)
    return frozenset(
        code for code in codes if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    )


@dataclass(frozen=True, slots=True)
class Document:
    """A source document of the bibliography."""

    file: str
    short: str
    title: str
    stated_for: str
    year: int


@dataclass(slots=True)
class Sheet:
    """The rules for one citizen in one destination on one day, gaps included."""

    destination: str
    citizenship: str
    on: date
    items: list[Rule] = field(default_factory=list)

    def by_topic(self, topic: str) -> list[Rule]:
        return [r for r in self.items if r.topic == topic]

    @property
    def gaps(self) -> list[Rule]:
        return [r for r in self.items if r.is_gap]


def _specificity(rule: Rule, citizenship: str) -> int:
    """3 names the country, 2 a group it belongs to, 1 everyone."""
    if citizenship in rule.applies_to:
        return 3
    if any(g in rule.applies_to for g in ("EAEU", "CIS", "visa_free")):
        return 2
    return 1


class RuleBook:
    """All rule records, bundled and local, with the queries the app needs.

    Records are indexed by destination once, so that :meth:`sheet` stays well under a
    millisecond: it is called on every change of a combo box in the Rules workspace.
    """

    def __init__(
        self,
        rules: Sequence[Rule],
        groups: Groups,
        documents: dict[str, Document],
        problems: list[Problem],
    ) -> None:
        self.rules = list(rules)
        self.groups = groups
        self.documents = documents
        self.problems = problems
        self._by_id = {r.id: r for r in self.rules}
        self._by_destination: dict[str, list[Rule]] = defaultdict(list)
        for rule in self.rules:
            self._by_destination[rule.destination].append(rule)
        self._check_links()

    # ----- checks across records -------------------------------------------------------
    def _check_links(self) -> None:
        seen: dict[str, Rule] = {}
        for rule in self.rules:
            if rule.id in seen:
                self.problems.append(
                    Problem(rule.file, rule.id, f"duplicate id (also in {seen[rule.id].file})")
                )
            seen[rule.id] = rule
            for target in rule.supersedes:
                if target not in self._by_id:
                    self.problems.append(
                        Problem(rule.file, rule.id, f"supersedes {target!r}, which does not exist")
                    )
        keyed: dict[tuple[Any, ...], list[Rule]] = defaultdict(list)
        for rule in self.rules:
            if rule.topic in SINGLE_VALUED_TOPICS:
                key = (rule.local, rule.destination, frozenset(rule.applies_to), rule.topic,
                       rule.aspect)  # fmt: skip
                keyed[key].append(rule)
        for group in keyed.values():
            group.sort(key=lambda r: r.effective_from or date.min)
            for a, b in itertools.pairwise(group):
                a_end = a.effective_to or date.max
                if (b.effective_from or date.min) <= a_end:
                    self.problems.append(
                        Problem(
                            b.file,
                            b.id,
                            f"in effect at the same time as {a.id} for the same destination, "
                            f"citizens, topic and aspect; set effective dates or an aspect",
                        )
                    )

    # ----- queries ---------------------------------------------------------------------
    def get(self, rule_id: str) -> Rule | None:
        return self._by_id.get(rule_id)

    def is_country(self, code: str) -> bool:
        return code in country_codes()

    def destinations(self) -> list[str]:
        return sorted(d for d in self._by_destination if d != "all")

    def applies(self, rule: Rule, destination: str, citizenship: str, on: date) -> bool:
        """Whether ``rule`` speaks of this citizen in this destination on ``on``."""
        if rule.destination not in (destination, "all"):
            return False
        if citizenship in rule.applies_to or "all" in rule.applies_to:
            return True
        return any(
            self.groups.is_member(citizenship, g, destination, on)
            for g in rule.applies_to
            if g in ("EAEU", "CIS", "visa_free")
        )

    def sheet(self, destination: str, citizenship: str, on: date) -> Sheet:
        """The records in force for ``citizenship`` in ``destination`` on ``on``, with gaps.

        Per single-valued topic and aspect, a local rule in force wins; otherwise the most
        specific record (country over group over everyone) that is not superseded by another
        candidate. Core topics with no record at all get a generated gap.
        """
        candidates = [
            r
            for r in self._by_destination.get(destination, []) + self._by_destination.get("all", [])
            if r.in_effect_on(on) and self.applies(r, destination, citizenship, on)
        ]
        chosen: list[Rule] = []
        keyed: dict[tuple[str, str], list[Rule]] = defaultdict(list)
        for rule in candidates:
            if rule.topic in SINGLE_VALUED_TOPICS:
                keyed[(rule.topic, rule.aspect)].append(rule)
            else:
                chosen.append(rule)
        for group in keyed.values():
            chosen.extend(_pick(group, citizenship))
        if any(r.local for r in chosen):
            local_keys = {(r.topic, r.aspect) for r in chosen if r.local}
            chosen = [r for r in chosen if r.local or (r.topic, r.aspect) not in local_keys]
        present = {r.topic for r in chosen}
        for topic in CORE_TOPICS:
            if topic not in present:
                chosen.append(generated_gap(destination, citizenship, topic))
        order = {t: i for i, t in enumerate(TOPICS)}
        chosen.sort(key=lambda r: (order[r.topic], r.is_gap, not r.local, r.aspect, r.id))
        return Sheet(destination=destination, citizenship=citizenship, on=on, items=chosen)

    def in_force(self, destination: str, citizenship: str, topic: str, on: date) -> list[Rule]:
        """The records of one topic that apply on ``on``, gaps excluded."""
        return [r for r in self.sheet(destination, citizenship, on).by_topic(topic) if not r.is_gap]

    def history(self, destination: str, citizenship: str, topic: str) -> list[Rule]:
        """Every record of a topic that ever applied to this citizen, oldest first."""
        out = []
        for rule in self._by_destination.get(destination, []) + self._by_destination.get("all", []):
            if rule.topic != topic:
                continue
            day = rule.effective_to or rule.effective_from or date.today()
            if self.applies(rule, destination, citizenship, day):
                out.append(rule)
        return sorted(out, key=lambda r: (r.effective_from or date.min, r.id))

    def export(self) -> list[dict[str, Any]]:
        return [r.to_json() for r in self.rules]


def _pick(group: list[Rule], citizenship: str) -> list[Rule]:
    local = [r for r in group if r.local]
    if local:
        group = local
    superseded = {s for r in group for s in r.supersedes}
    group = [r for r in group if r.id not in superseded]
    best = max(_specificity(r, citizenship) for r in group)
    return [r for r in group if _specificity(r, citizenship) == best]


GENERATED = "(generated)"

# Templates of the content domain; {c} and {d} are the citizenship's and destination's names.
GAP_TEXT = {
    "registration": C_(
        "The sources do not state a registration deadline for citizens of {c} in {d}."
    ),
    "stay_limit": C_("The sources do not state how long citizens of {c} may stay in {d}."),
    "work_licence": C_(
        "The sources do not state what citizens of {c} need to work legally in {d}."
    ),
    "cost": C_("The sources do not state what a work licence costs citizens of {c} in {d}."),
    "contact": C_("The sources name no hotline or organisation for citizens of {c} in {d}."),
}


def english_name(code: str) -> str:
    from babel import Locale

    return Locale("en").territories.get(code, code)


def generated_gap(destination: str, citizenship: str, topic: str) -> Rule:
    """A gap record for a core topic on which the rule files say nothing at all."""
    return Rule(
        id=f"{destination.lower()}-{topic.replace('_', '-')}-{citizenship.lower()}-not-stated",
        destination=destination,
        applies_to=(citizenship,),
        topic=topic,
        status="gap",
        text=GAP_TEXT[topic].format(c=english_name(citizenship), d=english_name(destination)),
        file=GENERATED,
    )


def load_documents(path: Path | None = None) -> dict[str, Document]:
    problems: list[Problem] = []
    data = read_toml(path or RESOURCES / "sources.toml", problems) or {}
    return {
        d["file"]: Document(d["file"], d["short"], d["title"], d["stated_for"], int(d["year"]))
        for d in data.get("document", [])
    }


def load_rulebook(
    extra_dirs: Iterable[Path | str] = (),
    *,
    bundled: bool = True,
    local_records: Iterable[dict[str, Any]] = (),
    rules_dir: Path = RULES_DIR,
    groups_path: Path = RESOURCES / "groups.toml",
) -> RuleBook:
    """Load the bundled rule files, local rule folders and records saved in the case log.

    Problems are collected in :attr:`RuleBook.problems`; records with problems are left out.
    """
    bundle = _bundle(rules_dir, groups_path) if bundled else None
    problems: list[Problem] = list(bundle.problems) if bundle else []
    documents = bundle.documents if bundle else load_documents()
    rules: list[Rule] = list(bundle.rules) if bundle else []
    extras = [Path(folder) for folder in extra_dirs]
    records = list(local_records)
    if bundle is not None and not extras and not records:
        return RuleBook(rules, bundle.groups, documents, problems)
    parser = RecordParser(
        countries=country_codes(), documents=frozenset(documents), problems=problems
    )
    for folder in extras:
        folder = Path(folder)
        if not folder.is_dir():
            problems.append(Problem(str(folder), "-", "is not a folder"))
            continue
        for path in sorted(folder.glob("*.toml")):
            rules.extend(parser.parse_file(path, local=True))
    if records:
        rules.extend(parser.parse_records(records, "(case log)", "", local=True))
    groups = bundle.groups if bundle else _read_groups(groups_path, problems)
    return RuleBook(rules, groups, documents, problems)


def _read_groups(groups_path: Path, problems: list[Problem]) -> Groups:
    groups_data = read_toml(groups_path, problems) if groups_path.exists() else {}
    return parse_groups(
        groups_data or {}, lambda where, msg: problems.append(Problem("groups.toml", where, msg))
    )


@dataclass(frozen=True)
class _Bundle:
    """The bundled files, parsed and checked: what a cached load gives back."""

    rules: tuple[Rule, ...]
    groups: Groups
    documents: dict[str, Document]
    problems: tuple[Problem, ...]


def _bundle(rules_dir: Path, groups_path: Path) -> _Bundle:
    """Parse the bundled files, or take them from a cache made from the very same files.

    Parsing some 500 records of TOML costs about a tenth of a second; the cache (keyed by
    every input file's path, size and modification time, and by this code's own files)
    brings a later start down to a few milliseconds. Any doubt about the cache means parsing.
    """
    import hashlib
    import os
    import pickle

    from desktop.paths import user_data_dir
    from desktop.rules import groups as groups_module
    from desktop.rules import loader, model

    inputs = [*sorted(rules_dir.glob("*.toml")), groups_path, RESOURCES / "sources.toml"]
    code = [Path(m.__file__ or "") for m in (loader, model, groups_module)] + [Path(__file__)]
    cache_file: Path | None = None
    try:
        stamp = "\n".join(
            f"{p}:{p.stat().st_mtime_ns}:{p.stat().st_size}" for p in [*inputs, *code]
            if p.exists()
        )  # fmt: skip
        digest = hashlib.sha256(stamp.encode()).hexdigest()[:20]
        cache_file = user_data_dir() / "cache" / f"rules-{digest}.pickle"
        cached = pickle.loads(cache_file.read_bytes())
        if isinstance(cached, _Bundle):
            return cached
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError, TypeError):
        pass  # no usable cache: parse
    problems: list[Problem] = []
    documents = load_documents()
    parser = RecordParser(
        countries=country_codes(), documents=frozenset(documents), problems=problems
    )
    rules: list[Rule] = []
    for path in sorted(rules_dir.glob("*.toml")):
        rules.extend(parser.parse_file(path, local=False))
    groups = _read_groups(groups_path, problems)
    bundle = _Bundle(tuple(rules), groups, documents, tuple(problems))
    if cache_file is not None:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            for old in cache_file.parent.glob("rules-*.pickle"):
                old.unlink(missing_ok=True)
            tmp = cache_file.with_suffix(".tmp")
            tmp.write_bytes(pickle.dumps(bundle, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, cache_file)
        except OSError:
            pass  # a cache that cannot be written only costs time
    return bundle
