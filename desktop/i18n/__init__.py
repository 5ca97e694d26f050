"""Translations for the interface (``messages``) and the rule texts and leaflets (``content``).

Use explicit imports, never ``gettext.install()``::

    from desktop.i18n import gettext as _, ngettext, N_

``N_`` only marks a module-level constant for extraction; translate it where it is shown.
The active language is process-wide, like a locale: :func:`set_language` switches it.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from desktop.paths import I18N_DIR

LANGUAGES: tuple[str, ...] = ("en", "ru", "uz", "ky", "tg")
DEFAULT_LANGUAGE = "en"

_state: dict[str, object] = {"lang": DEFAULT_LANGUAGE}
_catalogues: dict[tuple[str, str], _gettext.NullTranslations] = {}
_listeners: list[Callable[[str], None]] = []
# A language for the current thread or task only (a leaflet batch off the GUI thread),
# consulted before the process-wide one and never announced to listeners.
_override: ContextVar[str | None] = ContextVar("migrant_desk_language", default=None)


def _catalogue(domain: str, lang: str) -> _gettext.NullTranslations:
    key = (domain, lang)
    if key not in _catalogues:
        _catalogues[key] = _gettext.translation(
            domain, localedir=str(I18N_DIR), languages=[lang], fallback=True
        )
    return _catalogues[key]


def current_language() -> str:
    """The code of the language in use (one of :data:`LANGUAGES`)."""
    return _override.get() or str(_state["lang"])


@contextmanager
def using_language(lang: str) -> Iterator[str]:
    """Translate into ``lang`` inside the block, in this thread only; the window is untouched."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    token = _override.set(lang)
    try:
        yield lang
    finally:
        _override.reset(token)


def set_language(lang: str) -> None:
    """Switch the interface and content language; unknown codes raise ``ValueError``."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _state["lang"] = lang
    for listener in list(_listeners):
        listener(lang)


def on_language_changed(listener: Callable[[str], None]) -> None:
    """Call ``listener(lang)`` after each :func:`set_language`."""
    _listeners.append(listener)


def reload_catalogues() -> None:
    """Forget loaded catalogues, so freshly compiled ones are read on next use."""
    _catalogues.clear()


def gettext(message: str) -> str:
    """Translate an interface message into the current language."""
    return _catalogue("messages", current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate an interface message with a count, using the language's plural rules."""
    return _catalogue("messages", current_language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """Translate an interface message that needs a context to be unambiguous."""
    return _catalogue("messages", current_language()).pgettext(context, message)


def content_gettext(message: str, lang: str | None = None) -> str:
    """Translate a rule text, gap statement or leaflet text (the ``content`` domain)."""
    return _catalogue("content", lang or current_language()).gettext(message)


def content_ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    """Plural-aware form of :func:`content_gettext`."""
    return _catalogue("content", lang or current_language()).ngettext(singular, plural, n)


def C_(message: str) -> str:
    """Mark a content-domain constant (rule or leaflet text) for extraction."""
    return message


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it."""
    return message
