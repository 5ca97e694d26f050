"""The leaflet typeface: DejaVu Sans, bundled, embedded (subset) in every PDF.

DejaVu Sans covers Russian, Kyrgyz (ң ө ү), Tajik (ҳ ҷ ӣ ӯ қ ғ), Kazakh, Turkmen (ň ý ž) and
Uzbek Latin with oʻ gʻ (U+02BB), so one family serves every leaflet language. The window
registers the same files with Qt through :func:`font_paths`, so screen and paper match.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

from desktop.paths import FONTS_DIR

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FAMILY = "DejaVuSans-Family"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()

# Characters that stand for "nothing to draw" and are never looked up in the font.
_INVISIBLE = frozenset("\n\r\t\u00ad\u200b")


def font_paths() -> dict[str, Path]:
    """The bundled font files by face: ``{"regular": Path, "bold": Path}``."""
    return {"regular": FONTS_DIR / _FILES[REGULAR], "bold": FONTS_DIR / _FILES[BOLD]}


def register_fonts() -> None:
    """Register the faces with ReportLab once per process (about 80 ms the first time).

    Safe to call from several threads: a batch may run off the GUI thread while the window
    prints a single leaflet.
    """
    with _lock:
        _register()


@cache
def _register() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    paths = font_paths()
    pdfmetrics.registerFont(TTFont(REGULAR, str(paths["regular"])))
    pdfmetrics.registerFont(TTFont(BOLD, str(paths["bold"])))
    pdfmetrics.registerFontFamily(
        FAMILY, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )
    # <b> inside a paragraph set in the regular face picks the bold file.
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 1, 1, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)


@cache
def _cmap(face: str) -> frozenset[int]:
    from reportlab.pdfbase.ttfonts import TTFontFile

    path = font_paths()["bold" if face == BOLD else "regular"]
    return frozenset(TTFontFile(str(path)).charToGlyph)


def missing_characters(text: str, face: str = REGULAR) -> set[str]:
    """The characters of ``text`` that the face has no glyph for (they would print as boxes)."""
    cmap = _cmap(face)
    return {ch for ch in text if ch not in _INVISIBLE and ord(ch) not in cmap}
