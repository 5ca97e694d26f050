"""The calculator's answer as text for people, in the chosen language.

Dates are written with Babel's locale data (``format="long"``), never hand-made month names;
Uzbek uses the Latin script locale ``uz_Latn``. Headline dates come first, as on the
calculator cards: register by, leave by, then the limits they come from.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date as _babel_format_date

from desktop.i18n import current_language, ngettext
from desktop.i18n import gettext as _
from desktop.rules.present import country_name
from desktop.stay.result import DeadlinesResult

_BABEL_LOCALES = {"uz": "uz_Latn"}


def format_date(day: date, lang: str | None = None) -> str:
    """``day`` in the long form of the language (default: the current one)."""
    code = lang or current_language()
    return _babel_format_date(day, format="long", locale=_BABEL_LOCALES.get(code, code))


def _days(n: int) -> str:
    return ngettext("{n} day", "{n} days", n).format(n=n)


def _term(n: int, counting: str) -> str:
    if counting == "working":
        return ngettext("{n} working day", "{n} working days", n).format(n=n)
    if counting == "calendar":
        return ngettext("{n} calendar day", "{n} calendar days", n).format(n=n)
    return _days(n)


def format_text(result: DeadlinesResult, lang: str | None = None) -> str:
    """A few lines a counsellor can read out: the dates first, each with its rule."""

    def fmt(day: date | None) -> str:
        return format_date(day, lang) if day is not None else _("none")

    lines = [
        _("Citizen of {citizen} in {destination}, entry {entry}; as of {as_of}").format(
            citizen=country_name(result.citizen, lang),
            destination=country_name(result.destination, lang),
            entry=fmt(result.entry),
            as_of=fmt(result.as_of),
        ),
        "",
    ]
    reg = result.registration
    if reg is None:
        lines.append(_("Register by: no rule in force"))
    else:
        lines.append(
            _("Register by: {due} ({days} after arrival; rule {rule})").format(
                due=fmt(reg.due), days=_term(reg.days, reg.counting), rule=reg.rule
            )
        )
    limits = (result.stay, result.per_stay, result.calendar_year, result.validity)
    if result.latest_lawful_exit is not None:
        lines.append(_("Leave by: {day}").format(day=fmt(result.latest_lawful_exit)))
    elif any(limits):
        lines.append(_("Leave by: no day of this stay is lawful"))
    else:
        lines.append(_("Leave by: no stay limit in force"))
    stay = result.stay
    if stay is not None:
        lines.append(
            _(
                "Stay limit: {max} in any {window}; {used} used, {left} left; "
                "last day {last} (rule {rule})"
            ).format(
                max=_days(stay.max_days),
                window=_days(stay.window_days),
                used=_days(stay.days_used),
                left=_days(stay.days_left),
                last=fmt(stay.latest_exit),
                rule=stay.rule,
            )
        )
        if stay.overstay_from is not None:
            lines.append(_("Overstay since: {day}").format(day=fmt(stay.overstay_from)))
    if result.per_stay is not None:
        lines.append(
            _("One stay: at most {max}; last day {last} (rule {rule})").format(
                max=_days(result.per_stay.max_days),
                last=fmt(result.per_stay.latest_exit),
                rule=result.per_stay.rule,
            )
        )
    year = result.calendar_year
    if year is not None:
        lines.append(
            _(
                "Per calendar year: at most {max}; {used} used; last day {last} (rule {rule})"
            ).format(
                max=_days(year.max_days),
                used=_days(year.days_used),
                last=fmt(year.latest_exit),
                rule=year.rule,
            )
        )
    if result.validity is not None:
        lines.append(
            _("Valid from {start} to {last} (rule {rule})").format(
                start=fmt(result.validity.starts),
                last=fmt(result.validity.latest_exit),
                rule=result.validity.rule,
            )
        )
    if result.warnings:
        lines += ["", _("Warnings:")]
        lines += [f"- {w}" for w in result.warnings]
    return "\n".join(lines) + "\n"
