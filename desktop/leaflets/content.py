"""What a leaflet says, as finished strings in one language, before any layout.

Built from the rule sheet in force on the print date: only records in force (the NGO's
verified rules among them) and gaps, said plainly. Warnings come only from records of the
topics entry ban, detention and expulsion, recruitment and trafficking; contacts only from
contact records, so no number is ever made up. Two languages of one leaflet have the same
shape, so the bilingual layout can pair them line by line.
"""

from __future__ import annotations

from datetime import date

from desktop.i18n import content_gettext
from desktop.leaflets.language import draft_note, leaflet_language
from desktop.leaflets.model import Block, DateLine, LeafletContent
from desktop.leaflets.sections import SECTIONS, entries_for
from desktop.leaflets.spec import LeafletSpec, PrintSettings
from desktop.rules import Rule, RuleBook
from desktop.rules.present import country_name, format_date, headline


def build_contents(
    book: RuleBook, spec: LeafletSpec, prefs: PrintSettings, brevity: int = 0
) -> list[LeafletContent]:
    """The leaflet's text in each of its languages (one, or two in bilingual mode).

    A higher ``brevity`` prints fewer contacts, warnings and work entries (see
    ``sections.LIMITS``); what is left out is counted on the leaflet.
    """
    sheet = book.sheet(spec.destination, spec.citizenship, spec.on)
    items = [r for r in sheet.items if r.status in ("in_force", "gap")]
    return [_build(book, spec, prefs, items, lang, brevity) for lang in spec.languages]


def _build(
    book: RuleBook,
    spec: LeafletSpec,
    prefs: PrintSettings,
    items: list[Rule],
    lang: str,
    brevity: int,
) -> LeafletContent:
    with leaflet_language(lang):
        dest = country_name(spec.destination, lang)
        cit = country_name(spec.citizenship, lang)
        blocks = []
        printed: list[Rule] = []
        number = 0
        for section in SECTIONS:
            rules = [r for r in items if r.topic in section.topics]
            entries, used = entries_for(section, rules, spec, prefs, lang, brevity)
            if not entries:
                continue
            printed += used
            if section.numbered:
                number += 1
            blocks.append(
                Block(
                    key=section.key,
                    number=number if section.numbered else None,
                    icon=section.icon,
                    title=section.title(lang),
                    entries=tuple(entries),
                )
            )
        # Translators: {date} is a full date in the language's own format.
        valid = content_gettext("Valid as of {date}", lang).format(date=format_date(spec.on, lang))
        return LeafletContent(
            lang=lang,
            title=_title(spec, dest, lang),
            title_ru=_title(spec, country_name(spec.destination, "ru"), "ru"),
            audience=_audience(spec, cit, lang),
            org_name=prefs.org.name,
            blocks=tuple(blocks),
            valid_as_of=valid,
            caveat=content_gettext(
                "This sheet gives the rules as our sources state them on the date at its top. "
                "Rules change often: check with us before you act on them.",
                lang,
            ),
            sources_title=content_gettext("Sources", lang),
            sources=_sources(book, printed),
            footer=" · ".join(x for x in (valid, prefs.org.name, prefs.org.phone) if x),
            # Translators: page numbers at the foot of each page, e.g. "Page 1 of 2".
            page_template=content_gettext("Page {n} of {total}", lang),
            continued=content_gettext("Continued on the next page", lang),
            dates_title=content_gettext("Your dates", lang) if spec.is_client else "",
            dates=tuple(_dates(book, spec, dest, lang)),
            qr=prefs.qr_target(),
            draft=draft_note(spec.languages) if prefs.draft_note else "",
            rules=tuple(r.id for r in printed),
        )


def _title(spec: LeafletSpec, dest: str, lang: str) -> str:
    if spec.is_client:
        # Translators: {country} is the country's name as a word on its own (nominative);
        # phrase it so no case ending is needed, e.g. "Ваше пребывание: {country}".
        return content_gettext("Your stay in {country}", lang).format(country=dest)
    # Translators: {country} is the country's name in the nominative; phrase the line so
    # that no case ending is needed, e.g. "Перед поездкой: {country}".
    return content_gettext("Before you travel to {country}", lang).format(country=dest)


def _audience(spec: LeafletSpec, cit: str, lang: str) -> str:
    # Translators: {country} is a country's name in the nominative, e.g. "Uzbekistan".
    line = content_gettext("For citizens of {country}", lang).format(country=cit)
    if spec.first_name:
        # Translators: {name} is the client's first name; {date} the date of the leaflet.
        prepared = content_gettext("Prepared for {name} on {date}", lang)
        line = prepared.format(name=spec.first_name, date=format_date(spec.on, lang)) + " · " + line
    return line


def _sources(book: RuleBook, printed: list[Rule]) -> tuple[str, ...]:
    """Short titles of the documents the printed records cite, first cited first."""
    docs = book.documents
    out: list[str] = []
    for rule in printed:
        titles = [docs[s.document].short for s in rule.sources if s.document in docs]
        if rule.local and rule.source_title:
            titles.append(rule.source_title)
        for title in titles:
            if title not in out:
                out.append(title)
    return tuple(out)


def _dates(book: RuleBook, spec: LeafletSpec, dest: str, lang: str) -> list[DateLine]:
    """The client's dates, earliest first; a date the sources cannot give says so."""
    out = []
    for item in sorted(spec.your_dates, key=lambda d: d.day or date.min):
        label = content_gettext(item.label, lang).replace("{country}", dest)
        if item.day is None:
            unknown = content_gettext("Not stated in our sources: ask us", lang)
            out.append(DateLine(label=label, day=unknown, known=False))
            continue
        rule = book.get(item.rule_id) if item.rule_id else None
        basis = headline(rule, lang) if rule is not None and not rule.is_gap else ""
        out.append(DateLine(label=label, day=format_date(item.day, lang), basis=basis))
    return out
