"""Names across scripts: a readable Latin transliteration and a folded key for search.

Clients' names arrive in Russian, Tajik, Kyrgyz or Kazakh Cyrillic, in Uzbek or Turkmen Latin,
and in whatever spelling a passport, a form or a phone contact used. Two functions:

* :func:`transliterate` gives the Latin form a counsellor reads (``Раҳимов`` → ``Rahimov``),
  choosing the scheme from the letters only one language uses (``ў`` Uzbek, ``ҷ`` Tajik,
  ``ң`` Kyrgyz/Kazakh …), Russian otherwise.
* :func:`search_key` folds spelling variants together so that "Karimov", "каримов",
  "Xasanov"/"Хасанов"/"Khasanov" and "Aliyev"/"Aliev" meet: the search index stores keys and
  queries are folded the same way.

Uzbek apostrophes (ʻ ‘ ' ` ’ ʼ) are all one letter mark: :func:`normalise_apostrophes` writes
U+02BB after o/g (oʻ, gʻ) and U+02BC elsewhere; the key drops them.
"""

from __future__ import annotations

import re
import unicodedata

APOSTROPHES = "ʻ‘'`’ʼ"
_APOSTROPHE_RE = re.compile(f"([oOgG])[{APOSTROPHES}]|[{APOSTROPHES}]")

_RUSSIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip
_TAJIK = _RUSSIAN | {"ғ": "gh", "ӣ": "i", "қ": "q", "ӯ": "u", "ҳ": "h", "ҷ": "j", "ъ": "ʼ"}
_UZBEK = _RUSSIAN | {
    "ў": "oʻ", "қ": "q", "ғ": "gʻ", "ҳ": "h", "х": "x", "ж": "j", "ъ": "ʼ", "ц": "ts",
}  # fmt: skip
_KYRGYZ = _RUSSIAN | {"ң": "ng", "ө": "ö", "ү": "ü", "ж": "j"}
_KAZAKH = _RUSSIAN | {
    "ә": "ä", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "ö", "ұ": "u", "ү": "ü", "һ": "h", "і": "i",
}  # fmt: skip

# Letters that tell the language of a Cyrillic name, checked in this order.
_MARKERS: tuple[tuple[str, dict[str, str]], ...] = (
    ("ў", _UZBEK),
    ("ҷӣӯ", _TAJIK),
    ("әұһі", _KAZAKH),
    ("ңөү", _KYRGYZ),
    ("ҳқғ", _TAJIK),
)
_VOWELS = set("аеёиоуыэюяӣӯөүұәі")

# Latin letters with marks that stand for two letters elsewhere (Turkmen, Kazakh Latin).
_LATIN_SPECIALS = {"ş": "sh", "ç": "ch", "ž": "zh", "ň": "ng", "ý": "y", "ä": "a", "ı": "i"}
# Spelling variants folded in the key, applied in order ("dzh" → "dj" → "j").
_FOLDS: tuple[tuple[str, str], ...] = (
    ("shch", "sh"),
    ("zh", "j"),
    ("dj", "j"),
    ("kh", "h"),
    ("x", "h"),
    ("gh", "g"),
    ("q", "k"),
    ("w", "v"),
    ("ye", "e"),
)
_DOUBLES = re.compile(r"([a-z])\1+")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def normalise_apostrophes(text: str) -> str:
    """Write every Uzbek apostrophe the standard way: ``oʻ``/``gʻ`` (U+02BB), else U+02BC."""
    return _APOSTROPHE_RE.sub(lambda m: (m.group(1) + "ʻ") if m.group(1) else "ʼ", text)


def _table_for(lowered: str) -> dict[str, str]:
    for letters, table in _MARKERS:
        if any(ch in lowered for ch in letters):
            return table
    return _RUSSIAN


def transliterate(text: str) -> str:
    """The Latin form of a name in any of the region's scripts (Latin input is kept).

    Capitals follow the source: ``Шарипов`` → ``Sharipov``, ``ШАРИПОВ`` → ``SHARIPOV``.
    Russian ``е`` is ``ye`` at the start of a word and after a vowel (``Аширалиев`` →
    ``Ashiraliyev``), as passports of the region usually write it.
    """
    text = unicodedata.normalize("NFC", text)
    lowered = text.lower()
    table = _table_for(lowered)
    out: list[str] = []
    for i, ch in enumerate(text):
        low = lowered[i]
        latin = table.get(low)
        if latin is None:
            out.append(ch)
            continue
        if low == "е" and (i == 0 or not lowered[i - 1].isalpha() or lowered[i - 1] in _VOWELS):
            latin = "ye"
        elif low == "ң" and lowered[i + 1 : i + 2] in ("г", "к", "ғ", "қ"):
            latin = "n"  # Чыңгыз → Chyngyz, not Chynggyz
        if ch != low and latin:
            following = text[i + 1] if i + 1 < len(text) else ""
            whole_word_upper = following.isalpha() and following.isupper()
            latin = latin.upper() if whole_word_upper else latin[0].upper() + latin[1:]
        out.append(latin)
    return normalise_apostrophes(" ".join("".join(out).split()))


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_key(text: str) -> str:
    """Fold a name or query into lowercase ASCII words that spelling variants share.

    The same function runs when indexing and when searching, so any two spellings that fold
    to the same key find each other whatever script either was typed in.
    """
    latin = transliterate(text).lower()
    latin = "".join(ch for ch in latin if ch not in APOSTROPHES)
    latin = "".join(_LATIN_SPECIALS.get(ch, ch) for ch in latin)
    latin = _strip_marks(latin)
    for old, new in _FOLDS:
        latin = latin.replace(old, new)
    latin = _DOUBLES.sub(r"\1", latin)
    return " ".join(_NON_WORD.sub(" ", latin).split())


def digits(text: str | None) -> str:
    """Only the digits of a phone number, however it was written."""
    return "".join(ch for ch in (text or "") if ch.isdigit() and ch.isascii())


def phone_key(phone: str | None) -> str | None:
    """The last nine digits: the same phone with or without ``+7``/``8``/``998`` in front."""
    number = digits(phone)
    return number[-9:] if len(number) >= 5 else None


def document_key(number: str | None) -> str | None:
    """A document number without spaces, dashes or case (``aa 123-45-67`` → ``AA1234567``)."""
    key = _NON_ALNUM.sub("", unicodedata.normalize("NFKC", number or "")).upper()
    return key or None
