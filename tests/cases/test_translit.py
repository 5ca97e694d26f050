"""Names across scripts: readable Latin forms, and search keys that spelling variants share."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.cases.translit import (
    APOSTROPHES,
    document_key,
    normalise_apostrophes,
    phone_key,
    search_key,
    transliterate,
)


@pytest.mark.parametrize(
    ("written", "latin"),
    [
        ("Каримов Алишер", "Karimov Alisher"),  # Russian Cyrillic
        ("Раҳимов Ҷамшед", "Rahimov Jamshed"),  # Tajik
        ("Ғафуров Фирӯз", "Ghafurov Firuz"),  # Tajik
        ("Өмүрбекова Айгүл", "Ömürbekova Aygül"),  # Kyrgyz
        ("Чыңгыз Асанбеков", "Chyngyz Asanbekov"),  # Kyrgyz
        ("Ўринбоев Ғайрат", "Oʻrinboyev Gʻayrat"),  # Uzbek Cyrillic → official Uzbek Latin
        ("ШАРИПОВ", "SHARIPOV"),
        ("Oʻrinboyev Gʻayrat", "Oʻrinboyev Gʻayrat"),  # Latin stays as it is
    ],
)
def test_names_in_each_script_get_the_latin_form_a_counsellor_expects(written, latin):
    """Cyrillic of each language is transliterated by that language's own letters."""
    assert transliterate(written) == latin


@pytest.mark.parametrize(
    "variants",
    [
        ("Karimov", "Каримов", "каримов", "KARIMOV"),
        ("Xasanov", "Хасанов", "Khasanov", "Hasanov", "Ҳасанов"),
        ("Oʻrinboyev", "O'rinboyev", "O‘rinboyev", "O`rinboyev", "Oʼrinboyev", "Ўринбоев"),
        ("Aliyev", "Aliev", "Алиев"),
        ("Xoʻjayev", "Ходжаев", "Khodjaev", "Khodzhaev"),
        ("Ömürbekova", "Omurbekova", "Өмүрбекова"),
        ("Qodirova", "Қодирова", "Kodirova"),
    ],
)
def test_spelling_variants_of_one_name_share_a_search_key(variants):
    """Any spelling of a name in the list folds to the same key as the others."""
    assert len({search_key(v) for v in variants}) == 1


def test_uzbek_apostrophes_are_written_the_standard_way():
    """oʻ and gʻ take U+02BB; the other apostrophe (tutuq belgisi) takes U+02BC."""
    assert normalise_apostrophes("O'g'il ma'no") == "Oʻgʻil maʼno"
    assert normalise_apostrophes("G`ulom") == "Gʻulom"


@given(st.text(alphabet="oOgGaeiu" + APOSTROPHES, max_size=20), st.sampled_from(APOSTROPHES))
def test_every_apostrophe_variant_gives_the_same_key(text, replacement):
    """Swapping any Uzbek apostrophe for another never changes what a search finds."""
    swapped = "".join(replacement if ch in APOSTROPHES else ch for ch in text)
    assert search_key(swapped) == search_key(text)


@given(st.text(max_size=40))
def test_a_search_key_is_plain_lowercase_ascii_words(text):
    """Whatever is typed, the key holds only a–z, 0–9 and single spaces (safe for FTS5)."""
    key = search_key(text)
    assert all(ch.isascii() and (ch.islower() or ch.isdigit() or ch == " ") for ch in key)
    assert "  " not in key and key == key.strip()


@given(
    st.text(alphabet="0123456789", min_size=9, max_size=12),
    st.lists(st.sampled_from([" ", "-", "(", ")", "."]), max_size=6),
)
def test_phone_formatting_does_not_change_the_phone_key(number, separators):
    """ "+998 (90) 123-45-67" and "998901234567" are the same phone."""
    formatted = "+" + "".join(
        ch + (separators[i] if i < len(separators) else "") for i, ch in enumerate(number)
    )
    assert phone_key(formatted) == phone_key(number) == number[-9:]


def test_document_numbers_ignore_spaces_dashes_and_case():
    """A passport number is the same however it was typed."""
    assert document_key("aa 123-45-67") == document_key("AA1234567") == "AA1234567"
    assert document_key("  ") is None
