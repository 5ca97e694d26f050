"""Reading back a rendered leaflet: its text, page sizes, fonts and type sizes."""

from __future__ import annotations

import io
import re
from typing import Any

from pypdf import PdfReader

from desktop.leaflets import LeafletSpec, PrintSettings, render_leaflet


def render(book: Any, spec: LeafletSpec, prefs: PrintSettings | None = None) -> PdfReader:
    """Render into memory and open the result with pypdf."""
    out = io.BytesIO()
    render_leaflet(book, spec, out, prefs)
    return PdfReader(io.BytesIO(out.getvalue()))


def text(reader: PdfReader) -> str:
    """All pages' text with white space folded (no-break spaces included)."""
    raw = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"\s+", " ", raw.replace("\u00a0", " "))


def _xobjects(resources: Any) -> list[Any]:
    found = []
    xobjects = resources.get("/XObject") if resources else None
    for ref in (xobjects or {}).values():
        obj = ref.get_object()
        found.append(obj)
        found += _xobjects(obj.get("/Resources"))
    return found


def fonts(reader: PdfReader) -> list[dict[str, Any]]:
    """Every font dictionary the pages and their forms use."""
    out = []
    for page in reader.pages:
        holders = [page.get("/Resources")] + [
            x.get("/Resources") for x in _xobjects(page.get("/Resources"))
        ]
        for resources in holders:
            font_dict = resources.get("/Font") if resources else None
            out += [ref.get_object() for ref in (font_dict or {}).values()]
    return out


def font_sizes(reader: PdfReader) -> list[float]:
    """The size of every ``Tf`` (set font) operator in the pages and their forms."""
    sizes = []
    for page in reader.pages:
        streams = [page.get_contents(), *_xobjects(page.get("/Resources"))]
        for stream in streams:
            if stream is None:
                continue
            data = stream.get_data().decode("latin-1")
            sizes += [float(m) for m in re.findall(r"/F\d+(?:\+\d+)?\s+([\d.]+)\s+Tf", data)]
    return sizes
