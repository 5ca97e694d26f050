"""Extract, update and compile the gettext catalogues in ``i18n/``.

    python -m desktop.i18n.catalogues extract   # i18n/<domain>.pot from the code and rules
    python -m desktop.i18n.catalogues update    # merge the templates into every .po
    python -m desktop.i18n.catalogues compile   # .po -> .mo (drafts included, see below)
    python -m desktop.i18n.catalogues status    # translated / reviewed per language

Two domains: ``messages`` (the interface) and ``content`` (rule texts, gap statements,
leaflets). Translations not yet reviewed by a native speaker are flagged ``fuzzy``; they
are compiled all the same, so the app shows them, and the app marks them as drafts.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop.paths import I18N_DIR, ROOT

DOMAINS = ("messages", "content")
TRANSLATED_LANGUAGES = ("ru", "uz", "ky", "tg")
MESSAGE_KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "N_": None,
}
CONTENT_KEYWORDS = {"content_gettext": None, "content_ngettext": (1, 2), "C_": None}


def _extract(domain: str) -> object:
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    catalog = Catalog(project="Migrant Desk", domain=domain, charset="utf-8")
    keywords = MESSAGE_KEYWORDS if domain == "messages" else CONTENT_KEYWORDS
    method_map = [("desktop/**.py", "python")]
    if domain == "content":
        method_map.append(("resources/rules/*.toml", "desktop.i18n.extractors:extract_rules"))
        method_map.append(
            ("resources/scenarios/*.toml", "desktop.training.extract:extract_scenarios")
        )
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT),
        method_map=method_map,
        keywords=keywords,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    ):
        if not filename.startswith(("desktop", "resources")):
            continue
        catalog.add(
            message,
            None,
            [(filename, lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def extract(i18n_dir: Path = I18N_DIR) -> None:
    from babel.messages.pofile import write_po

    for domain in DOMAINS:
        catalog = _extract(domain)
        with (i18n_dir / f"{domain}.pot").open("wb") as fh:
            write_po(fh, catalog, width=100, sort_output=False)  # type: ignore[arg-type]
        print(f"{domain}.pot: {len(catalog)} messages")  # type: ignore[arg-type]


def update(i18n_dir: Path = I18N_DIR, languages: Iterable[str] = TRANSLATED_LANGUAGES) -> None:
    """Merge the templates into each language's catalogue, creating missing ones."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    for domain in DOMAINS:
        with (i18n_dir / f"{domain}.pot").open("rb") as fh:
            template = read_po(fh)
        for lang in languages:
            po_path = i18n_dir / lang / "LC_MESSAGES" / f"{domain}.po"
            po_path.parent.mkdir(parents=True, exist_ok=True)
            if po_path.exists():
                with po_path.open("rb") as fh:
                    catalog = read_po(fh, locale=lang, domain=domain)
            else:
                catalog = Catalog(locale=lang, domain=domain, project="Migrant Desk")
            catalog.update(template, no_fuzzy_matching=True)
            with po_path.open("wb") as fh:
                write_po(fh, catalog, width=100, ignore_obsolete=True)
            print(f"{lang}/{domain}.po: {len(catalog)} messages")


def compile_all(i18n_dir: Path = I18N_DIR) -> int:
    """Compile every ``<lang>/LC_MESSAGES/<domain>.po`` to ``.mo``; returns how many."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    count = 0
    for po_path in sorted(i18n_dir.glob("*/LC_MESSAGES/*.po")):
        with po_path.open("rb") as fh:
            catalog = read_po(fh, locale=po_path.parent.parent.name)
        mo_path = po_path.with_suffix(".mo")
        with mo_path.open("wb") as fh:
            # Drafts (fuzzy) are compiled too: the app marks them as not reviewed.
            write_mo(fh, catalog, use_fuzzy=True)
        count += 1
    return count


def is_translated(string: object) -> bool:
    """A singular needs its text, a plural every one of its forms."""
    if isinstance(string, str):
        return bool(string)
    return isinstance(string, tuple | list) and bool(string) and all(string)


@dataclass(frozen=True)
class Progress:
    language: str
    domain: str
    total: int
    translated: int
    reviewed: int


def progress(i18n_dir: Path = I18N_DIR) -> list[Progress]:
    """How much of each catalogue is translated, and how much of that is reviewed."""
    from babel.messages.pofile import read_po

    out = []
    for po_path in sorted(i18n_dir.glob("*/LC_MESSAGES/*.po")):
        with po_path.open("rb") as fh:
            catalog = read_po(fh)
        messages = [m for m in catalog if m.id]
        translated = [m for m in messages if is_translated(m.string)]
        reviewed = [m for m in translated if not m.fuzzy]
        out.append(
            Progress(
                po_path.parent.parent.name, po_path.stem, len(messages), len(translated),
                len(reviewed),
            )
        )  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    command = args[0] if args else ""
    if command == "compile":
        print(f"compiled {compile_all()} catalogue(s)")
    elif command == "extract":
        extract()
    elif command == "update":
        update(languages=args[1:] or TRANSLATED_LANGUAGES)
    elif command == "status":
        for p in progress():
            print(
                f"{p.language}/{p.domain}: {p.translated}/{p.total} translated, "
                f"{p.reviewed} reviewed"
            )
    else:
        print("usage: python -m desktop.i18n.catalogues extract|update|compile|status",
              file=sys.stderr)  # fmt: skip
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
