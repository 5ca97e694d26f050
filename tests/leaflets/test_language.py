"""The leaflet's language switch and how far its translation has come."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

from desktop.i18n import current_language
from desktop.leaflets import leaflet_language, translation_state
from desktop.rules.present import headline
from tests.leaflets.conftest import ON


def test_the_switch_restores_the_language_even_after_an_error():
    """A failing leaflet does not leave the app in another language."""
    before = current_language()
    with pytest.raises(RuntimeError), leaflet_language("tg"):
        assert current_language() == "tg"
        raise RuntimeError("boom")
    assert current_language() == before


def test_shared_presenters_follow_the_leaflet_language(book):
    """The value of a rule is composed in the leaflet's language inside the switch."""
    rule = book.sheet("RU", "UZ", ON).by_topic("registration")[0]
    with leaflet_language("en"):
        assert headline(rule) == "15 days from arrival"


def test_unknown_language_is_refused():
    """Only the app's five languages can be switched to."""
    with pytest.raises(ValueError), leaflet_language("de"):
        pass


def _catalogue(folder: Path, lang: str, *, fuzzy: bool) -> None:
    target = folder / lang / "LC_MESSAGES"
    target.mkdir(parents=True)
    catalog = Catalog(locale=lang, domain="content")
    catalog.add("Sources", "Манбаъҳо", flags=["fuzzy"] if fuzzy else [])
    with (target / "content.po").open("wb") as fh:
        write_po(fh, catalog)
    with (target / "content.mo").open("wb") as fh:
        write_mo(fh, catalog, use_fuzzy=True)


def test_translation_state_tells_missing_draft_and_reviewed(tmp_path):
    """No catalogue: missing; a fuzzy entry: draft; all translated and checked: reviewed."""
    assert translation_state("en", tmp_path) == "source"
    assert translation_state("tg", tmp_path) == "missing"
    _catalogue(tmp_path / "a", "tg", fuzzy=True)
    assert translation_state("tg", tmp_path / "a") == "draft"
    _catalogue(tmp_path / "b", "tg", fuzzy=False)
    assert translation_state("tg", tmp_path / "b") == "reviewed"
