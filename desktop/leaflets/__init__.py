"""Printable leaflets: pre-departure sheets and a client's own dates, in five languages.

Plain Python (ReportLab, segno, Babel), no Qt. The window and the command line call::

    book = load_rulebook()
    prefs = PrintSettings.from_settings(Settings())
    spec = LeafletSpec("RU", "ky", "KG", size="A5", bilingual=True)
    render_leaflet(book, spec, path_or_stream, prefs)                 # -> page count
    render_batch(book, batch_specs(book.destinations(), ["en", "ru"]), folder, prefs,
                 progress=lambda done, total, path: ..., cancelled=lambda: False)

    # a client's leaflet: dates from the stay calculator or from a case read model
    dates = client_dates(book, citizen="UZ", destination="RU", entry=day, on=today)
    found = dates_for_case(book, case_detail, "RU", today)   # first name, citizenship, dates
    spec = LeafletSpec("RU", "uz", found.citizenship, client_name=found.first_name,
                       your_dates=found.dates)

A leaflet states the rules in force on its date as the sources give them, says plainly what
they do not state, and prints where each statement comes from.

Threads: rendering may run off the GUI thread. Composing a leaflet's texts sets the
leaflet's language for the current thread only (``desktop.i18n.using_language``), so the
window keeps its own language meanwhile.
"""

from desktop.leaflets.client import (
    FOLLOW_UP,
    LEAVE_BY,
    REGISTER_BY,
    CaseDates,
    client_dates,
    dates_for_case,
    dates_from_deadlines,
)
from desktop.leaflets.content import build_contents
from desktop.leaflets.fonts import font_paths, missing_characters, register_fonts
from desktop.leaflets.language import leaflet_language, translation_state
from desktop.leaflets.model import Block, DateLine, Entry, LeafletContent
from desktop.leaflets.render import LayoutError, render_batch, render_leaflet
from desktop.leaflets.spec import (
    SIZES,
    LeafletSpec,
    PrintSettings,
    YourDate,
    batch_specs,
    default_citizenship,
    first_name,
)

__all__ = [
    "FOLLOW_UP",
    "LEAVE_BY",
    "REGISTER_BY",
    "SIZES",
    "Block",
    "CaseDates",
    "DateLine",
    "Entry",
    "LayoutError",
    "LeafletContent",
    "LeafletSpec",
    "PrintSettings",
    "YourDate",
    "batch_specs",
    "build_contents",
    "client_dates",
    "dates_for_case",
    "dates_from_deadlines",
    "default_citizenship",
    "first_name",
    "font_paths",
    "leaflet_language",
    "missing_characters",
    "register_fonts",
    "render_batch",
    "render_leaflet",
    "translation_state",
]
