"""How one rule record (or the NGO itself) reads as a printed entry, in one language."""

from __future__ import annotations

import dataclasses

from desktop.i18n import content_gettext
from desktop.leaflets.model import Entry
from desktop.leaflets.spec import PrintSettings
from desktop.rules import Rule
from desktop.rules.present import contact_name, format_date, headline, rule_text


def unbroken(phone: str) -> str:
    """A phone number with no-break spaces: it is never split over two lines."""
    return phone.strip().replace(" ", "\u00a0")


def rule_entry(rule: Rule, label: str, prefs: PrintSettings, lang: str) -> Entry:
    notes = []
    if rule.topic == "registration" and rule.value.get("counting", "unspecified") == "unspecified":
        notes.append(
            content_gettext(
                "The sources do not say whether these are calendar or working days: count "
                "calendar days to be safe.",
                lang,
            )
        )
    verified = verified_note(rule, prefs, lang)
    if verified:
        notes.append(verified)
    return Entry(
        "rule",
        label=label,
        headline=cost_headline(rule, lang) if rule.topic == "cost" else headline(rule, lang),
        text=rule_text(rule, lang),
        notes=tuple(notes),
    )


def gap_entry(items: list[tuple[str, Rule]], prefs: PrintSettings, lang: str) -> Entry:
    """What the sources leave open in a section: (topic label, gap record) pairs, in order.

    One box per section, with the NGO's phone once, so that honesty about the unknown does
    not crowd out what is known.
    """
    if prefs.org.phone:
        ask = content_gettext("Ask us before you travel: {phone}", lang).format(
            phone=unbroken(prefs.org.phone)
        )
    else:
        ask = content_gettext("Ask us before you travel.", lang)
    return Entry(
        "gap",
        headline=content_gettext("Not stated in our sources", lang),
        items=tuple((label, rule_text(rule, lang)) for label, rule in items),
        action=ask,
    )


def contact_entry(rule: Rule, prefs: PrintSettings, lang: str) -> Entry:
    v = rule.value
    details = [unbroken(str(v["phone"]))] if v.get("phone") else []
    details += [str(v["url"])] if v.get("url") else []
    verified = verified_note(rule, prefs, lang)
    return Entry(
        "contact",
        label=contact_kind(str(v.get("kind", "")), lang),
        headline=contact_name(rule, lang),
        text=rule_text(rule, lang),
        details=tuple(details),
        notes=(verified,) if verified else (),
    )


def ngo_entry(prefs: PrintSettings, lang: str) -> Entry | None:
    org = prefs.org
    if org.is_empty:
        return None
    return Entry(
        "ngo",
        label=content_gettext("Our organisation", lang),
        headline=org.name,
        text=content_gettext(
            "Ask us about anything this sheet does not answer, before you travel and while "
            "you are away.",
            lang,
        ),
        details=tuple(ngo_details(prefs, lang)),
        notes=(org.address,) if org.address else (),
    )


def overflow_entry(hidden: int, lang: str) -> Entry:
    """Says that some records were left out for room, and where to get them."""
    from desktop.i18n import content_ngettext

    text = content_ngettext(
        "One more entry from our sources is not printed here: ask us.",
        "{n} more entries from our sources are not printed here: ask us.",
        hidden,
        lang,
    ).format(n=hidden)
    return Entry("more", text=text)


def ngo_details(prefs: PrintSettings, lang: str) -> list[str]:
    """Phone on its own line (the one thing to find fast), then messenger and web."""
    org = prefs.org
    out = []
    if org.phone:
        out.append(content_gettext("Phone: {phone}", lang).format(phone=unbroken(org.phone)))
    rest = []
    if org.messenger:
        rest.append(content_gettext("Messenger: {id}", lang).format(id=org.messenger))
    if org.web:
        rest.append(content_gettext("Web: {address}", lang).format(address=org.web))
    if rest:
        out.append(" · ".join(rest))
    return out


def verified_note(rule: Rule, prefs: PrintSettings, lang: str) -> str:
    """ "Verified by <NGO> on <date>" for the NGO's own rules, else ``""``."""
    if not rule.local:
        return ""
    who = prefs.org.name or rule.checked_by
    if who and rule.checked_on:
        return content_gettext("Verified by {who} on {date}", lang).format(
            who=who, date=format_date(rule.checked_on, lang)
        )
    if who:
        return content_gettext("Verified by {who}", lang).format(who=who)
    return content_gettext("Verified by us", lang)


def cost_headline(rule: Rule, lang: str) -> str:
    """The amount as :func:`headline` formats it, with "a month" and the like translated."""
    per = str(rule.value.get("per") or "")
    words = {
        "month": content_gettext("a month", lang),
        "year": content_gettext("a year", lang),
        "once": content_gettext("once", lang),
    }
    if per not in words:
        return headline(rule, lang)
    value = {k: v for k, v in rule.value.items() if k != "per"}
    return headline(dataclasses.replace(rule, value=value), lang) + " " + words[per]


def contact_kind(kind: str, lang: str) -> str:
    """The kind of a contact as a word on the leaflet."""
    if kind == "hotline":
        return content_gettext("Hotline", lang)
    if kind == "organisation":
        return content_gettext("Organisation", lang)
    if kind == "website":
        return content_gettext("Website", lang)
    if kind == "app":
        return content_gettext("Mobile app", lang)
    if kind == "consulate":
        return content_gettext("Consulate", lang)
    if kind == "shelter":
        return content_gettext("Shelter", lang)
    return ""
