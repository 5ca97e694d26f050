"""Extract, update and compile the gettext catalogues in ``i18n/``.

python -m desktop.i18n.catalogues extract|update|compile
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.paths import I18N_DIR

DOMAINS = ("messages", "content")


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


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["compile"]:
        n = compile_all()
        print(f"compiled {n} catalogue(s)")
        return 0
    if args[:1] in (["extract"], ["update"]):
        print("nothing to extract yet", file=sys.stderr)
        return 0
    print("usage: python -m desktop.i18n.catalogues extract|update|compile", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
