"""The bundled typeface and its coverage: no leaflet may print an empty box for a letter."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.i18n import LANGUAGES
from desktop.leaflets import (
    LEAVE_BY,
    LeafletSpec,
    PrintSettings,
    YourDate,
    build_contents,
    font_paths,
    missing_characters,
)
from desktop.leaflets.fonts import BOLD, REGULAR
from desktop.paths import FONTS_DIR, I18N_DIR

LETTERS = {
    "ru": "ЁЖЩЪЫЭЮЯ ёжщъыэюя №",
    "ky": "ң ө ү Ң Ө Ү",
    "tg": "ҳ ҷ ӣ ӯ қ ғ Ҳ Ҷ Ӣ Ӯ Қ Ғ",
    "kk": "ә і ң ғ ү ұ қ ө һ Ә І Ұ Һ",
    "uz": "oʻ gʻ Oʻ Gʻ ʼ",
    "tk": "ň ý ž ş ç ä ü ö Ň Ý Ž Ş Ç Ä",
}


def test_the_font_files_and_their_licence_are_bundled():
    """Both faces are in resources/fonts with the DejaVu licence beside them."""
    paths = font_paths()
    assert set(paths) == {"regular", "bold"}
    for path in paths.values():
        assert path.is_file() and path.stat().st_size > 500_000
    licence = (FONTS_DIR / "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream" in licence and "Permission is hereby granted" in licence


@pytest.mark.parametrize("script", sorted(LETTERS))
def test_both_faces_have_the_letters_of_the_regions_languages(script):
    """Kyrgyz, Tajik, Kazakh, Turkmen and Uzbek Latin letters all have glyphs, bold too."""
    assert missing_characters(LETTERS[script], REGULAR) == set()
    assert missing_characters(LETTERS[script], BOLD) == set()


def test_a_character_outside_the_font_is_reported():
    """The check can fail: a Tamil letter is not in DejaVu Sans."""
    assert missing_characters("ok \u0b95") == {"\u0b95"}


def _all_leaflets(book, prefs):
    for dest in book.destinations():
        for citizen in ("UZ", "TJ", "KG", "KZ", "TM"):
            if citizen == dest:
                continue
            for lang in LANGUAGES:
                dates = (YourDate(LEAVE_BY, date(2024, 5, 29)),)
                spec = LeafletSpec(
                    dest,
                    lang,
                    citizen,
                    on=date(2024, 3, 1),
                    bilingual=True,
                    client_name="Oʻktam",
                    your_dates=dates,
                )
                yield from build_contents(book, spec, prefs)


def test_every_character_of_every_leaflet_in_every_language_is_in_the_font(prefs):
    """All destinations × citizenships × languages of the bundled rules print without boxes."""
    from desktop.rules import load_rulebook

    texts = [c.all_text() for c in _all_leaflets(load_rulebook(), prefs)]
    assert texts
    everything = "".join(set("".join(texts)))
    assert missing_characters(everything, REGULAR) == set()
    assert missing_characters(everything, BOLD) == set()


def test_sample_leaflets_use_only_characters_of_the_font(book):
    """The test rule book's leaflets, with no organisation, are covered as well."""
    texts = "".join(c.all_text() for c in _all_leaflets(book, PrintSettings()))
    assert "Oʻktam" in texts
    assert missing_characters(texts) == set()


def test_every_leaflet_translation_is_in_the_font():
    """Each translated leaflet or rule text in the content catalogues has glyphs for all of it."""
    from babel.messages.pofile import read_po

    for po in sorted(I18N_DIR.glob("*/LC_MESSAGES/content.po")):
        with po.open("rb") as fh:
            catalog = read_po(fh)
        strings = []
        for message in catalog:
            value = message.string
            strings += list(value) if isinstance(value, tuple) else [value or ""]
        assert missing_characters("".join(strings)) == set(), po
