"""Which records a section prints when the rule book holds more than a page can."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from desktop.leaflets import LeafletSpec
from desktop.leaflets.sections import LIMITS, SECTIONS, contact_rank, entries_for, select
from desktop.rules import load_rulebook
from tests.leaflets.conftest import ON, _src

HELP = next(s for s in SECTIONS if s.key == "help")
WARNINGS = next(s for s in SECTIONS if s.key == "warnings")


def _contacts(n: int) -> str:
    records = []
    for i in range(n):
        records.append(
            f'[[rule]]\nid = "ru-org-{i}"\napplies_to = ["all"]\ntopic = "contact"\n'
            f'status = "in_force"\ntext = "Organisation number {i}."\n'
            f'value = {{ name = "Org {i}", kind = "organisation", country = "RU" }}\n' + _src()
        )
    records.append(
        '[[rule]]\nid = "ru-consulate-uz"\napplies_to = ["UZ"]\ntopic = "contact"\n'
        'status = "in_force"\ntext = "The consulate helps its citizens."\n'
        'value = { name = "Consulate of Uzbekistan", kind = "consulate", country = "RU", '
        'phone = "+7 495 000 00 00" }\n' + _src()
    )
    records.append(
        '[[rule]]\nid = "uz-recruitment-nurses"\ndestination = "all"\napplies_to = ["UZ"]\n'
        'topic = "recruitment"\nstatus = "in_force"\ntext = "A programme recruits nurses."\n'
        + _src()
    )
    return 'destination = "RU"\n' + "\n".join(records)


def _book(tmp_path: Path, n: int):
    rules = tmp_path / "many"
    rules.mkdir()
    (rules / "ru.toml").write_text(_contacts(n), encoding="utf-8")
    book = load_rulebook(rules_dir=rules, groups_path=tmp_path / "none.toml")
    assert not book.problems, book.problems
    return book


def _sheet(book, citizen="UZ"):
    return book.sheet("RU", citizen, ON).items


def test_a_reachable_contact_for_the_readers_country_comes_first(tmp_path):
    """The Uzbek consulate with a phone number outranks organisations with none."""
    book = _book(tmp_path, 8)
    spec = LeafletSpec("RU", "en", "UZ", on=ON)
    contacts = [r for r in _sheet(book) if r.topic == "contact"]
    shown, hidden = select(HELP, contacts, spec)
    assert shown[0].id == "ru-consulate-uz"
    assert len(shown) == LIMITS["A4"][0]["help"]
    assert hidden == 9 - len(shown)
    assert contact_rank(shown[0], spec) > contact_rank(shown[1], spec)


def test_what_is_left_out_is_counted_on_the_leaflet(tmp_path, prefs):
    """The last entry says how many more records there are, and to ask the NGO."""
    book = _book(tmp_path, 8)
    spec = LeafletSpec("RU", "en", "UZ", on=ON, size="A5")
    contacts = [r for r in _sheet(book) if r.topic == "contact"]
    entries, used = entries_for(HELP, contacts, spec, prefs, "en")
    assert entries[0].kind == "ngo"
    assert entries[-1].kind == "more"
    hidden = 9 - LIMITS["A5"][0]["help"]
    assert (
        entries[-1].text == f"{hidden} more entries from our sources are not printed here: ask us."
    )
    assert len(used) == LIMITS["A5"][0]["help"]


def test_a_recruitment_programme_of_the_origin_country_is_no_warning(tmp_path, prefs):
    """Warnings speak of the destination: an Uzbek nurses' programme stays off the sheet."""
    book = _book(tmp_path, 1)
    spec = LeafletSpec("RU", "en", "UZ", on=ON)
    rules = [r for r in _sheet(book) if r.topic in WARNINGS.topics]
    assert [r.id for r in rules] == ["uz-recruitment-nurses"]
    entries, used = entries_for(WARNINGS, rules, spec, prefs, "en")
    assert entries == [] and used == []


def test_every_topic_gets_a_turn_before_any_gets_a_second(book):
    """With room for two work entries, the licence and its cost are shown, not two licences."""
    work = next(s for s in SECTIONS if s.key == "work")
    rules = [r for r in _sheet(book) if r.topic in work.topics and not r.is_gap]
    extra = [replace(r, id=r.id + "-b") for r in rules if r.topic == "work_licence"]
    spec = LeafletSpec("RU", "en", "UZ", on=ON)
    shown, hidden = select(work, extra + rules, spec, limit=2)
    assert [r.topic for r in shown] == ["work_licence", "cost"]
    assert hidden == 1
