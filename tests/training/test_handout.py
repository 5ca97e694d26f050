"""Handouts: every page in the bundled fonts, the story and the sources in the chosen language."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from desktop.i18n import LANGUAGES
from desktop.training import build_quiz, pick
from desktop.training.handout import write_quiz_handout, write_scenario_handout


def _read(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    return reader, re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def _fonts(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font") or {}
        names |= {str(ref.get_object()["/BaseFont"]) for ref in fonts.values()}
    return names


@pytest.mark.parametrize("lang", LANGUAGES)
def test_scenario_handout_in_every_language(book, bundled, lang):
    """The visa-run story prints in each language, DejaVu only, with dates in that language."""
    out = io.BytesIO()
    write_scenario_handout(book, bundled.get("kz-uz-visa-runs-2022-2023"), out, lang)
    reader, text = _read(out.getvalue())
    assert len(reader.pages) >= 2
    fonts = _fonts(reader)
    assert fonts and all("DejaVuSans" in f for f in fonts), fonts
    assert b"Helvetica" not in out.getvalue()
    assert "kz-stay-visa-free-2023" in text and "Aziz" in text
    april = {"en": "April 11, 2023", "ru": "11 апреля 2023", "uz": "2023"}
    assert april.get(lang, "2023") in text


def test_scenario_handout_tells_the_steps_and_quotes_the_sources(book, bundled, tmp_path):
    """Written to a file: each step, its dates, the overstay, and the verbatim quotation."""
    path = tmp_path / "aziz.pdf"
    write_scenario_handout(book, bundled.get("kz-uz-visa-runs-2022-2023"), path, "en")
    _reader, text = _read(path.read_bytes())
    for words in (
        "Step 4: March 2023: the 90 days run out",
        "Overstay from April 12, 2023",
        "99 used, 0 left of 90 in any 180",
        "abolition of the so-called “visa runs” starting from January of 2023",
        "Migration Yearbook: Central Asia and Russia 2023, line 221",
        "made-up people",
    ):
        assert words in text, words
    assert not list(tmp_path.glob(".aziz.pdf.*")), "no temporary file left behind"


def test_quiz_handout_puts_the_answers_on_their_own_page(book, bundled):
    """Questions first with tick boxes or a date line; the answers with sources after a break."""
    cards = pick(build_quiz(book, bundled.scenarios), 8, seed=2)
    out = io.BytesIO()
    write_quiz_handout(cards, out, "en", title="Friday quiz")
    reader, _text = _read(out.getvalue())
    first = reader.pages[0].extract_text()
    assert "Friday quiz" in first and "Answers" not in first
    assert "1. " + cards[0].question[:30] in re.sub(r"\s+", " ", first)
    rest = " ".join(p.extract_text() for p in reader.pages[1:])
    assert "Answers" in rest and cards[0].answer in rest
    assert b"Helvetica" not in out.getvalue()


def test_quiz_handout_in_tajik_and_kyrgyz_script(book, bundled):
    """Cyrillic languages print (glyphs embedded) even before their catalogues are translated."""
    cards = build_quiz(book, bundled.scenarios, lang="tg")[:3]
    for lang in ("tg", "ky"):
        out = io.BytesIO()
        write_quiz_handout(cards, out, lang)
        reader, text = _read(out.getvalue())
        assert all("DejaVuSans" in f for f in _fonts(reader))
        assert cards[0].answer in text
