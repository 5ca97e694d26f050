"""How rule values, statuses and places read to a person, in the current language.

Shared by the command line, the window and the leaflets, so that a value reads the same
everywhere.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.i18n import N_, current_language, ngettext
from desktop.i18n import gettext as _
from desktop.rules.model import Rule

BABEL_LOCALES = {"en": "en", "ru": "ru", "uz": "uz_Latn", "ky": "ky", "tg": "tg"}

TOPIC_TITLES: dict[str, str] = {
    "registration": N_("Registration"),
    "stay_limit": N_("Stay limit"),
    "work_licence": N_("Work licence (patent)"),
    "cost": N_("Cost"),
    "contact": N_("Where to get help"),
    "entry_ban": N_("Entry bans"),
    "biometrics": N_("Biometrics"),
    "medical": N_("Medical examination"),
    "language_test": N_("Language and history test"),
    "purpose_change": N_("Purpose of stay"),
    "residence_permit": N_("Residence permit"),
    "citizenship": N_("Citizenship"),
    "detention_expulsion": N_("Detention and expulsion"),
    "taxation": N_("Taxes"),
    "social_rights": N_("Social rights"),
    "remittances": N_("Remittances"),
    "recruitment": N_("Recruitment"),
    "trafficking": N_("Trafficking"),
    "other": N_("Other"),
}

STATUS_TITLES: dict[str, str] = {
    "in_force": N_("In force"),
    "superseded": N_("Superseded"),
    "historical": N_("Historical"),
    "gap": N_("Not in sources"),
    "local": N_("Verified by us"),
}


def babel_locale(lang: str | None = None) -> str:
    return BABEL_LOCALES.get(lang or current_language(), "en")


def country_name(code: str, lang: str | None = None) -> str:
    """The country's name from Babel's locale data; groups get a translated title."""
    groups = {
        "EAEU": _("EAEU member states"),
        "CIS": _("CIS countries"),
        "visa_free": _("visa-free countries"),
        "all": _("all countries"),
    }
    if code in groups:
        return groups[code]
    from babel import Locale

    return Locale.parse(babel_locale(lang)).territories.get(code, code)


def format_date(day: date | None, lang: str | None = None, fmt: str = "long") -> str:
    if day is None:
        return ""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, format=fmt, locale=babel_locale(lang))


def format_number(number: float, lang: str | None = None) -> str:
    from babel.numbers import format_decimal

    return format_decimal(number, locale=babel_locale(lang))


def rule_text(rule: Rule, lang: str | None = None) -> str:
    """The rule's text in the language: the content catalogue for bundled records.

    Generated gaps are composed from a translated template and localised country names;
    local rules are shown as the NGO wrote them.
    """
    from desktop.i18n import content_gettext
    from desktop.rules.book import GAP_TEXT, GENERATED

    if rule.file == GENERATED:
        template = content_gettext(GAP_TEXT[rule.topic], lang)
        return template.format(
            c=country_name(rule.applies_to[0], lang), d=country_name(rule.destination, lang)
        )
    if rule.local:
        return rule.text
    return content_gettext(rule.text, lang)


def rule_note(rule: Rule, lang: str | None = None) -> str:
    """The record's note in the language (local rules' notes as written)."""
    from desktop.i18n import content_gettext

    if not rule.note or rule.local:
        return rule.note
    return content_gettext(rule.note, lang)


def status_title(rule: Rule) -> str:
    return _(STATUS_TITLES["local" if rule.local and not rule.is_gap else rule.status])


def topic_title(topic: str) -> str:
    return _(TOPIC_TITLES.get(topic, topic))


def headline(rule: Rule, lang: str | None = None) -> str:
    """The value in a few words, the way it is shown large on a card."""
    if rule.is_gap:
        return _("Not stated in the sources")
    v: dict[str, Any] = rule.value
    if rule.topic == "registration":
        days = int(v["days"])
        text = ngettext("%(n)d day from arrival", "%(n)d days from arrival", days) % {"n": days}
        counting = v.get("counting", "unspecified")
        if counting == "working":
            text += " " + _("(working days)")
        elif counting == "calendar":
            text += " " + _("(calendar days)")
        return text
    if rule.topic == "stay_limit":
        n = int(v["max_days"])
        if v.get("kind") == "rolling" and v.get("window_days"):
            text = _("%(n)d days in any %(m)d") % {"n": n, "m": int(v["window_days"])}
        elif v.get("kind") == "calendar_year":
            text = ngettext("%(n)d day a year", "%(n)d days a year", n) % {"n": n}
        else:
            text = ngettext("%(n)d day", "%(n)d days", n) % {"n": n}
        if v.get("per_stay_days"):
            text += "; " + ngettext(
                "at most %(n)d day at a time",
                "at most %(n)d days at a time",
                int(v["per_stay_days"]),
            ) % {"n": int(v["per_stay_days"])}
        return text
    if rule.topic == "cost" and "amount" in v:
        import re

        from babel import Locale
        from babel.numbers import format_currency

        amount = v["amount"]
        locale = Locale.parse(babel_locale(lang))
        pattern = locale.currency_formats["standard"].pattern
        if float(amount).is_integer():
            pattern = re.sub(r"\.0+", "", pattern)  # 7 500 ₽, not 7 500,00 ₽
        text = format_currency(
            amount, v["currency"], format=pattern, locale=locale, currency_digits=False
        )
        if v.get("per"):
            from desktop.i18n import content_gettext

            text += " / " + content_gettext(str(v["per"]), lang)
        return text
    if rule.topic == "contact":
        return contact_name(rule, lang)
    return ""


def display_quote(quote: str) -> str:
    """A quotation for reading: the PDF extraction's footnote markers and emphasis removed.

    The stored quotation stays verbatim (it is checked against the document); only what
    people read drops ``<sup>81</sup>``-style markers and ``*``/``**`` emphasis.
    """
    import re

    text = re.sub(r"<sup>.*?</sup>", "", quote)
    text = re.sub(r"</?[a-z]+>", "", text)
    return re.sub(r"\*{1,3}", "", text)


def contact_name(rule: Rule, lang: str | None = None) -> str:
    """An organisation's name in the language (bundled names are in the content catalogue)."""
    from desktop.i18n import content_gettext

    name = str(rule.value.get("name", ""))
    return name if rule.local or not name else content_gettext(name, lang)


def validity(rule: Rule, lang: str | None = None) -> str:
    """When the record applies, in words."""
    start, end = rule.effective_from, rule.effective_to
    if start and end:
        return _("from %(start)s to %(end)s") % {
            "start": format_date(start, lang),
            "end": format_date(end, lang),
        }
    if start:
        return _("since %(start)s") % {"start": format_date(start, lang)}
    if end:
        return _("until %(end)s") % {"end": format_date(end, lang)}
    return ""
