"""Rendering real PDFs and reading them back the way a person (or a printer) would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, landscape

from desktop.i18n import current_language, set_language
from desktop.leaflets import (
    LEAVE_BY,
    REGISTER_BY,
    LeafletSpec,
    PrintSettings,
    YourDate,
    batch_specs,
    render_batch,
    render_leaflet,
)
from tests.leaflets.conftest import ON, SHORT
from tests.leaflets.pdf import font_sizes, fonts, render, text


def test_pre_departure_leaflet_states_the_registration_term_and_its_date(book, prefs):
    """The Russia sheet for Uzbek citizens says 15 days, the date it is valid on, its source."""
    words = text(render(book, LeafletSpec("RU", "en", "UZ", on=ON), prefs))
    assert "Before you travel to Russia" in words
    assert "15 days from arrival" in words
    assert "Valid as of March 1, 2024" in words
    assert "90 days in any 180" in words
    assert SHORT in words
    assert "Safe Journey Centre" in words


def test_every_font_is_embedded_and_there_is_no_helvetica(book, prefs):
    """Each font the PDF names is DejaVu with its glyphs inside, so any printer shows them."""
    for spec in (
        LeafletSpec("RU", "ky", "KG", on=ON),
        LeafletSpec("RU", "tg", "TJ", on=ON, size="A5", bilingual=True),
    ):
        used = fonts(render(book, spec, prefs))
        assert used
        for font in used:
            assert "DejaVuSans" in str(font["/BaseFont"])
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor


def test_no_text_is_set_below_nine_points(book, prefs):
    """Every font size in every layout is at least 9 pt, as the design asks."""
    for size in ("A4", "A5"):
        for bilingual in (False, True):
            spec = LeafletSpec("RU", "uz", "TJ", on=ON, size=size, bilingual=bilingual)
            sizes = font_sizes(render(book, spec, prefs))
            assert sizes and min(sizes) >= 9


def test_a_gap_is_said_plainly_with_the_ngo_phone(book, prefs):
    """Kazakhstan has no registration rule: the sheet says so and whom to ask."""
    words = text(render(book, LeafletSpec("KZ", "en", "UZ", on=ON), prefs))
    assert "Not stated in our sources" in words
    assert "do not state a registration deadline" in words
    assert "Ask us before you travel: +998 71 123 45 67" in words


def test_historical_records_are_never_printed_as_current(book, prefs):
    """A record of the past is not on a leaflet dated today."""
    words = text(render(book, LeafletSpec("RU", "en", "UZ", on=ON), prefs))
    assert "must never be printed" not in words


def test_warnings_and_contacts_come_from_the_records(book, prefs):
    """The trafficking warning and the hotline number are the ones in the rule files."""
    words = text(render(book, LeafletSpec("RU", "en", "UZ", on=ON), prefs))
    assert "never hand over your passport" in words
    assert "Agency hotline" in words and "+998 71 200 00 00" in words


def test_markup_characters_in_a_rule_are_printed_as_written(book, prefs):
    """A rule text with & and <…> prints those characters instead of breaking the PDF."""
    words = text(render(book, LeafletSpec("RU", "en", "UZ", on=ON), prefs))
    assert "patent (work licence) & a medical check <before> starting" in words


def test_a_local_rule_says_who_verified_it_and_when(book, prefs):
    """The NGO's own rule for Tajik citizens is marked as verified, with its date and law."""
    words = text(render(book, LeafletSpec("RU", "en", "TJ", on=ON), prefs))
    assert "Verified by Safe Journey Centre on February 10, 2024" in words
    assert "Federal Law 109-FZ, art. 20" in words


def test_dates_follow_the_language(book, prefs):
    """A Russian leaflet writes its date the Russian way, from Babel's locale data."""
    words = text(render(book, LeafletSpec("RU", "ru", "UZ", on=ON), prefs))
    assert "1 марта 2024" in words
    assert "Россия" in words


def test_client_leaflet_prints_the_first_name_only_and_the_dates(book, prefs):
    """The client's box shows their dates; the surname never reaches the paper."""
    dates = (
        YourDate(REGISTER_BY, date(2024, 3, 16), "ru-registration-uz-2021"),
        YourDate(LEAVE_BY, date(2024, 5, 29), "ru-stay-90-180"),
    )
    spec = LeafletSpec("RU", "en", "UZ", on=ON, client_name="Aziz Karimov", your_dates=dates)
    words = text(render(book, spec, prefs))
    assert "Your dates" in words and "Aziz" in words
    assert "Karimov" not in words
    assert "Register by" in words and "March 16, 2024" in words
    assert "Leave Russia by" in words and "May 29, 2024" in words


def test_a5_prints_the_leaflet_twice_on_a_landscape_sheet(book, prefs):
    """A5 leaflets come two to an A4 sheet, to be cut apart."""
    reader = render(book, LeafletSpec("RU", "en", "UZ", on=ON, size="A5"), prefs)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == tuple(
        round(x) for x in landscape(A4)
    )
    assert text(reader).count("Before you travel to Russia") >= 2


def test_bilingual_puts_russian_beside_the_migrants_language(book, prefs):
    """An Uzbek leaflet in bilingual mode names Russia in Uzbek and in Russian."""
    words = text(render(book, LeafletSpec("RU", "uz", "UZ", on=ON, bilingual=True), prefs))
    assert "Rossiya" in words and "Россия" in words


def test_a_long_text_flows_onto_another_page_instead_of_overflowing(book, prefs, tmp_path):
    """A rule of many sentences makes the leaflet longer; its last word is still printed."""
    from tests.leaflets.conftest import _src

    long_text = " ".join(f"Sentence number {i} about patents." for i in range(200)) + " FINIS."
    local = tmp_path / "long"
    local.mkdir()
    (local / "long.toml").write_text(
        'destination = "RU"\n[[rule]]\nid = "local-ru-long"\napplies_to = ["UZ"]\n'
        f'topic = "medical"\nstatus = "in_force"\ntext = "{long_text}"\n'
        'source_title = "Test"\n' + _src(),
        encoding="utf-8",
    )
    from desktop.rules import load_rulebook

    longer = load_rulebook(
        [local], rules_dir=tmp_path / "rules", groups_path=tmp_path / "groups.toml"
    )
    reader = render(longer, LeafletSpec("RU", "en", "UZ", on=ON), prefs)
    assert len(reader.pages) >= 2
    assert "FINIS." in text(reader)


def test_the_language_in_use_is_restored_after_a_leaflet(book, prefs):
    """Printing a Kyrgyz leaflet does not leave the window in Kyrgyz."""
    set_language("ru")
    try:
        render(book, LeafletSpec("RU", "ky", "KG", on=ON), prefs)
        assert current_language() == "ru"
    finally:
        set_language("en")


def test_a_file_is_written_whole(book, prefs, tmp_path):
    """Rendering to a path leaves one complete PDF and no temporary file beside it."""
    path = tmp_path / "out" / "ru.pdf"
    pages = render_leaflet(book, LeafletSpec("RU", "en", "UZ", on=ON), path, prefs)
    assert pages >= 1
    assert path.read_bytes().startswith(b"%PDF")
    assert [p.name for p in path.parent.iterdir()] == ["ru.pdf"]


def test_without_an_organisation_the_leaflet_still_prints(book):
    """An NGO that has not filled in its contact block still gets an honest sheet."""
    words = text(render(book, LeafletSpec("KZ", "en", "UZ", on=ON), PrintSettings()))
    assert "Ask us before you travel." in words


def test_batch_writes_one_file_per_spec_and_reports_progress(book, prefs, tmp_path):
    """Every destination × language is written, with a progress call after each file."""
    specs = batch_specs(["RU", "KZ"], ["en", "ky"], on=ON)
    seen: list[tuple[int, int, Path]] = []
    written = render_batch(book, specs, tmp_path / "out", prefs, lambda *a: seen.append(a))
    assert [p.name for p in written] == [
        "ru-uz-en.pdf",
        "ru-uz-ky.pdf",
        "kz-uz-en.pdf",
        "kz-uz-ky.pdf",
    ]
    assert [(d, t) for d, t, _p in seen] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert all(p.stat().st_size > 1000 for p in written)


def test_batch_stops_when_cancelled_and_keeps_what_it_wrote(book, prefs, tmp_path):
    """Cancelling after the first file leaves exactly that file."""
    specs = batch_specs(["RU", "KZ"], ["en"], on=ON)
    done: list[Path] = []
    out = tmp_path / "out"
    written = render_batch(
        book, specs, out, prefs, lambda d, t, p: done.append(p), cancelled=lambda: len(done) >= 1
    )
    assert [p.name for p in written] == ["ru-uz-en.pdf"]
    assert sorted(p.name for p in out.iterdir()) == ["ru-uz-en.pdf"]


@pytest.mark.parametrize("lang", ["en", "ru", "uz", "ky", "tg"])
def test_every_language_renders_with_the_bundled_rules(lang, prefs):
    """The real Russia sheet fits two A4 pages in every language and says what it left out."""
    from desktop.rules import load_rulebook

    reader = render(load_rulebook(), LeafletSpec("RU", lang, "UZ", on=ON), prefs)
    assert 1 <= len(reader.pages) <= 2
    words = text(reader)
    assert "15" in words
    from desktop.i18n import content_ngettext

    left_out = content_ngettext(
        "One more entry from our sources is not printed here: ask us.",
        "{n} more entries from our sources are not printed here: ask us.",
        5,
        lang,
    )
    tail = left_out.split("{n}")[-1].strip(" .")
    assert tail and tail in " ".join(words.split())
