"""The translation catalogues: complete, valid, up to date, and true to the glossary."""

from __future__ import annotations

import re
import tomllib

import pytest
from babel.messages.pofile import read_po

from desktop.i18n.catalogues import DOMAINS, TRANSLATED_LANGUAGES, _extract, is_translated
from desktop.paths import I18N_DIR

RULE_ID = re.compile(r"\b[a-z]{2,5}(?:-[a-z0-9]+){2,}\b")


def catalogue(lang: str, domain: str):
    with (I18N_DIR / lang / "LC_MESSAGES" / f"{domain}.po").open("rb") as fh:
        return read_po(fh, locale=lang, domain=domain)


@pytest.mark.parametrize("domain", DOMAINS)
def test_templates_hold_every_string_of_the_code_and_rules(domain):
    """No message in the code or the rule files is missing from the .pot (run extract)."""
    with (I18N_DIR / f"{domain}.pot").open("rb") as fh:
        template = {m.id for m in read_po(fh) if m.id}
    current = {m.id for m in _extract(domain) if m.id}  # type: ignore[attr-defined]
    missing = sorted(str(m) for m in current - template)
    assert not missing, f"{len(missing)} strings not extracted, e.g. {missing[:3]}"


@pytest.mark.parametrize("lang", TRANSLATED_LANGUAGES)
@pytest.mark.parametrize("domain", DOMAINS)
def test_every_message_is_translated_and_passes_babels_checks(lang, domain):
    """100% translated; placeholders and plural forms agree (Babel's checkers)."""
    cat = catalogue(lang, domain)
    untranslated = [m.id for m in cat if m.id and not is_translated(m.string)]
    assert not untranslated, f"{len(untranslated)} untranslated, e.g. {untranslated[:3]}"
    problems = [(m.id, [str(e) for e in m.check(cat)]) for m in cat if m.id]
    problems = [p for p in problems if p[1]]
    assert not problems, problems[:3]


@pytest.mark.parametrize("lang", TRANSLATED_LANGUAGES)
def test_legal_terms_follow_the_glossary(lang):
    """A translation of a text that uses a glossary term uses the agreed translation."""
    with (I18N_DIR / "glossary" / f"{lang}.toml").open("rb") as fh:
        terms = tomllib.load(fh)["term"]
    assert len(terms) >= 20
    failures = []
    for domain in DOMAINS:
        for m in catalogue(lang, domain):
            if not m.id or not is_translated(m.string):
                continue
            source = " ".join(m.id) if isinstance(m.id, tuple) else m.id
            source = RULE_ID.sub(" ", source)  # record ids like ru-contact-kg-hotline are names
            target = " ".join(m.string) if isinstance(m.string, tuple) else m.string
            for term in terms:
                if re.search(rf"\b{re.escape(term['en'])}\b", source, re.IGNORECASE) and not any(
                    stem.lower() in target.lower() for stem in term["stems"]
                ):
                    failures.append((term["en"], source[:60]))
    assert not failures, failures[:5]


def test_uzbek_uses_the_modifier_letter_for_o_and_g():
    """Uzbek oʻ and gʻ are written with U+02BB, never an apostrophe or a quote mark."""
    bad = []
    for domain in DOMAINS:
        for m in catalogue("uz", domain):
            text = " ".join(m.string) if isinstance(m.string, tuple) else (m.string or "")
            if re.search(r"[oOgG]['‘’`]", text):
                bad.append(text[:60])
    assert not bad, bad[:3]
