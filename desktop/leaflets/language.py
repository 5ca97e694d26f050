"""The leaflet's language, switched for the few milliseconds its texts are composed.

The shared presenters (:mod:`desktop.rules.present`) translate with the current language,
so a batch that prints five languages in one process sets it around each leaflet with
:func:`desktop.i18n.using_language`: a per-thread override that the window, running in
another thread, never sees. Only the composing of texts runs inside it; the slow part,
laying out the PDF, works on finished strings outside it.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from desktop.i18n import content_gettext, using_language
from desktop.paths import I18N_DIR


@contextmanager
def leaflet_language(lang: str) -> Iterator[str]:
    """Use ``lang`` for everything translated inside the block, then restore the previous one.

    Raises:
        ValueError: ``lang`` is not one of the app's languages.
    """
    with using_language(lang):
        yield lang


def translation_state(lang: str, i18n_dir: Path = I18N_DIR) -> str:
    """How far the leaflet texts are translated into ``lang``.

    ``"source"`` for English, ``"missing"`` when there is no content catalogue (the leaflet
    then prints the English source), ``"draft"`` when the catalogue has fuzzy or
    untranslated entries, ``"reviewed"`` otherwise.
    """
    if lang == "en":
        return "source"
    mo = _gettext.find("content", str(i18n_dir), [lang])
    if mo is None:
        return "missing"
    po = Path(mo).with_suffix(".po")
    if not po.exists():
        return "reviewed"
    return _po_state(str(po), po.stat().st_mtime_ns)


@lru_cache(maxsize=16)
def _po_state(path: str, _mtime: int) -> str:
    from babel.messages.pofile import read_po

    with open(path, "rb") as fh:
        catalog = read_po(fh)
    for message in catalog:
        if not message.id:
            continue
        if (
            message.fuzzy
            or not message.string
            or (isinstance(message.string, tuple) and not all(message.string))
        ):
            return "draft"
    return "reviewed"


def draft_note(langs: Sequence[str]) -> str:
    """A line for leaflets whose translation is missing or not yet reviewed, or ``""``.

    ``langs`` are the leaflet's languages, its own first; the note is in the first.
    """
    from babel import Locale

    from desktop.rules.present import babel_locale

    states = {lang: translation_state(lang) for lang in langs}
    missing = [lang for lang, state in states.items() if state == "missing"]
    parts = []
    if missing:
        names = [
            Locale.parse(babel_locale(lang)).get_display_name("en") or lang for lang in missing
        ]
        # In English on purpose: the translation into these languages does not exist yet.
        parts.append(
            f"Not yet translated into {' and '.join(names)}: the text is the English original."
        )
    if any(state == "draft" for state in states.values()):
        parts.append(content_gettext("Draft translation, not yet reviewed.", langs[0]))
    return " ".join(parts)
