"""What a leaflet says, before layout: sections, honesty about gaps, sources, dates."""

from __future__ import annotations

import re
from datetime import date

from desktop.leaflets import LEAVE_BY, REGISTER_BY, LeafletSpec, PrintSettings, YourDate
from desktop.leaflets import build_contents as build
from tests.leaflets.conftest import ON, SHORT


def one(book, prefs, spec):
    (content,) = build(book, spec, prefs)
    return content


def test_sections_come_in_the_designed_order(book, prefs):
    """On arrival, stay, work, warnings (unnumbered), help: numbered 1 to 4."""
    c = one(book, prefs, LeafletSpec("RU", "en", "UZ", on=ON))
    assert [(b.key, b.number) for b in c.blocks] == [
        ("arrival", 1),
        ("stay", 2),
        ("work", 3),
        ("warnings", None),
        ("help", 4),
    ]


def test_a_section_the_sources_cannot_fill_says_so(book, prefs):
    """Kazakhstan: every core section holds a gap box, and no warnings section is invented."""
    c = one(book, prefs, LeafletSpec("KZ", "en", "UZ", on=ON))
    keys = [b.key for b in c.blocks]
    assert keys == ["arrival", "stay", "work", "help"]
    for block in c.blocks[:3]:
        assert any(e.gap and e.action.startswith("Ask us before you travel") for e in block.entries)


def test_every_phone_number_printed_comes_from_a_record_or_the_ngo(book, prefs):
    """No number is made up: each one on the sheet is in the rule files or the settings."""
    c = one(book, prefs, LeafletSpec("RU", "en", "UZ", on=ON))
    printed = set(re.findall(r"\+?\d[\d \u00a0]{6,}\d", c.all_text()))
    known = {"+998 71 123 45 67", "+998 71 200 00 00"}
    assert {p.replace("\u00a0", " ") for p in printed} <= known
    assert printed


def test_sources_name_the_cited_documents_and_local_laws(book, prefs):
    """The short title of the yearbook, and the law a local rule rests on."""
    c = one(book, prefs, LeafletSpec("RU", "en", "TJ", on=ON))
    assert SHORT in c.sources
    assert "Federal Law 109-FZ, art. 20" in c.sources


def test_the_citizenship_and_date_are_printed(book, prefs):
    """The reader sees whom the sheet is for and the day its rules were in force."""
    c = one(book, prefs, LeafletSpec("RU", "en", "TJ", on=ON))
    assert c.audience == "For citizens of Tajikistan"
    assert c.valid_as_of == "Valid as of March 1, 2024"
    assert c.title_ru.endswith("Россия")


def test_bilingual_has_two_languages_of_the_same_shape(book, prefs):
    """The Kyrgyz and Russian texts pair section by section and entry by entry."""
    ky, ru = build(book, LeafletSpec("RU", "ky", "KG", on=ON, bilingual=True), prefs)
    assert (ky.lang, ru.lang) == ("ky", "ru")
    assert [len(b.entries) for b in ky.blocks] == [len(b.entries) for b in ru.blocks]
    assert "Кыргызстан" in ky.audience and "Киргизия" in ru.audience


def test_your_dates_are_sorted_and_an_unknown_date_says_so(book, prefs):
    """A date the sources cannot give reads "not stated", first; known dates in order."""
    dates = (YourDate(LEAVE_BY, date(2024, 5, 29), "ru-stay-90-180"), YourDate(REGISTER_BY, None))
    c = one(
        book, prefs, LeafletSpec("RU", "en", "UZ", on=ON, client_name="Aziz K", your_dates=dates)
    )
    assert [(d.label, d.known) for d in c.dates] == [
        ("Register by", False),
        ("Leave Russia by", True),
    ]
    assert c.dates[0].day.startswith("Not stated in our sources")
    assert c.dates[1].basis == "90 days in any 180"
    assert c.audience.startswith("Prepared for Aziz on March 1, 2024")


def test_no_qr_code_when_the_setting_is_off(book, prefs):
    """The QR code follows the "Print a QR code on leaflets" setting."""
    off = PrintSettings(org=prefs.org, qr=False)
    assert one(book, off, LeafletSpec("RU", "en", "UZ", on=ON)).qr is None
    assert one(book, prefs, LeafletSpec("RU", "en", "UZ", on=ON)).qr == (
        "tel:+998711234567",
        "+998 71 123 45 67",
    )
