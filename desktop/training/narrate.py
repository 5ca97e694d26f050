"""The words a step is told in: who, the facts, the consequence, and where each rule is written.

Shared by the window, the presentation view and the handout, so a step reads the same on
the projector and on paper. Every sentence is a content-domain template (``C_``) translated
into the language asked for, dates and country names come from Babel's locale data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.i18n import C_, content_gettext, content_ngettext
from desktop.rules import Rule, RuleBook, Source
from desktop.rules.present import country_name, format_date, topic_title
from desktop.training.replay import Outcome
from desktop.training.scenario import Scenario, Step

OK, OVERDUE, GAP = "in_force", "overdue", "gap"
_SUP = re.compile(r"<sup>(.*?)</sup>")
_EMPHASIS = re.compile(r"\*([^*]+)\*")


@dataclass(frozen=True, slots=True)
class Consequence:
    """One line of "what follows": ``kind`` is the status colour it is shown in."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Quotation:
    """A verbatim passage a rule rests on, and where it is written."""

    quote: str
    where: str


def tr(message: str, lang: str | None = None) -> str:
    """A scenario's own text (title, narration) or a template, in the language."""
    return content_gettext(message, lang) if message else ""


def _days(n: int, lang: str | None) -> str:
    return content_ngettext("%(n)d day", "%(n)d days", n, lang) % {"n": n}


def person_line(scenario: Scenario, lang: str | None = None) -> str:
    """ "Bekzod, a citizen of Uzbekistan, in Russia" (every destination the story visits)."""
    places = ", ".join(country_name(d, lang) for d in scenario.destinations)
    return content_gettext("%(name)s, a citizen of %(country)s, in %(places)s", lang) % {
        "name": scenario.person.name,
        "country": country_name(scenario.person.citizenship, lang),
        "places": places,
    }


def trips_text(step: Step, lang: str | None = None) -> str:
    if not step.trips:
        return content_gettext("none", lang)
    return "; ".join(
        f"{format_date(a, lang, 'medium')} – {format_date(b, lang, 'medium')}"
        for a, b in step.trips
    )


def facts(step: Step, outcome: Outcome, lang: str | None = None) -> list[tuple[str, str]]:
    """The step's dates and results as label–value pairs, for a table or a card row."""
    na = content_gettext("not stated in the sources", lang)
    rows = [
        (content_gettext("Entered on", lang), format_date(step.entry, lang)),
        (content_gettext("Earlier stays", lang), trips_text(step, lang)),
        (content_gettext("Date of the question", lang), format_date(step.on, lang)),
        (
            content_gettext("Register by", lang),
            format_date(outcome.registration_due, lang) if outcome.registration_due else na,
        ),
        (
            content_gettext("Leave by", lang),
            format_date(outcome.latest_exit, lang) if outcome.latest_exit else na,
        ),
    ]
    if outcome.days_used is not None and outcome.max_days and outcome.window_days:
        rows.append(
            (
                content_gettext("Days used / left", lang),
                content_gettext("%(used)d used, %(left)d left of %(max)d in any %(window)d", lang)
                % {
                    "used": outcome.days_used,
                    "left": outcome.days_left or 0,
                    "max": outcome.max_days,
                    "window": outcome.window_days,
                },
            )
        )
    if outcome.overstay_from is not None:
        rows.append((content_gettext("Overstay", lang), format_date(outcome.overstay_from, lang)))
    return rows


def consequences(step: Step, outcome: Outcome, lang: str | None = None) -> list[Consequence]:
    """What the rules make of the step, one line per deadline, the bad news in red."""
    out: list[Consequence] = []
    due = outcome.registration_due
    if due is None:
        out.append(
            Consequence(
                GAP, content_gettext("The sources do not state a registration deadline.", lang)
            )
        )
    elif step.registered_on is not None:
        late = (step.registered_on - due).days
        if late <= 0:
            text = content_gettext("Registered on %(day)s: deadline of %(due)s met.", lang) % {
                "day": format_date(step.registered_on, lang),
                "due": format_date(due, lang),
            }
            out.append(Consequence(OK, text))
        else:
            text = content_gettext(
                "Registered on %(day)s: %(late)s after the deadline of %(due)s.", lang
            ) % {
                "day": format_date(step.registered_on, lang),
                "late": _days(late, lang),
                "due": format_date(due, lang),
            }
            out.append(Consequence(OVERDUE, text))
    else:
        args = {"due": format_date(due, lang), "days": _days(outcome.registration_days or 0, lang)}
        if outcome.as_of > due:
            template = content_gettext(
                "Registration was due by %(due)s (%(days)s from arrival).", lang
            )
            out.append(Consequence(OVERDUE, template % args))
        else:
            template = content_gettext("Register by %(due)s (%(days)s from arrival).", lang)
            out.append(Consequence(OK, template % args))
    if not outcome.has_stay_limit:
        out.append(
            Consequence(GAP, content_gettext("The sources do not state a stay limit.", lang))
        )
    elif outcome.overstay_from is not None:
        text = content_gettext("Overstay from %(day)s: staying on is unlawful.", lang) % {
            "day": format_date(outcome.overstay_from, lang)
        }
        out.append(Consequence(OVERDUE, text))
    elif outcome.latest_exit is not None:
        text = content_gettext("May stay until %(day)s.", lang) % {
            "day": format_date(outcome.latest_exit, lang)
        }
        if outcome.days_used is not None and outcome.max_days:
            text += " " + content_gettext(
                "%(used)s of %(max)d used in the window on %(on)s.", lang
            ) % {
                "used": _days(outcome.days_used, lang),
                "max": outcome.max_days,
                "on": format_date(outcome.as_of, lang),
            }
        out.append(Consequence(OK, text))
    return out


def plain_quote(quote: str) -> str:
    """A quotation as read aloud: the sources' superscripts and *emphasis* marks dropped."""
    return _EMPHASIS.sub(r"\1", _SUP.sub(r"\1", quote))


def quotations(book: RuleBook, rule: Rule, lang: str | None = None) -> list[Quotation]:
    """The rule's verbatim sources with the document's short title and the line."""
    return [Quotation(plain_quote(s.quote), source_where(book, s, lang)) for s in rule.sources]


def source_where(book: RuleBook, source: Source, lang: str | None = None) -> str:
    doc = book.documents.get(source.document)
    title = doc.short if doc else source.document
    return content_gettext("%(title)s, line %(line)d", lang) % {"title": title, "line": source.line}


TOPIC_LABELS = {
    "registration": C_("Registration"),
    "stay_limit": C_("Stay limit"),
}
STATUS_LABELS = {
    "in_force": C_("In force"),
    "superseded": C_("Superseded"),
    "historical": C_("Historical"),
    "gap": C_("Not in sources"),
    "local": C_("Verified by us"),
}


def status_kind(rule: Rule) -> str:
    return "local" if rule.local and not rule.is_gap else rule.status


def rule_label(rule: Rule, lang: str | None = None) -> str:
    """ "Registration · In force", in the language asked for (also on paper)."""
    topic = TOPIC_LABELS.get(rule.topic)
    title = content_gettext(topic, lang) if topic else topic_title(rule.topic)
    return f"{title} · {content_gettext(STATUS_LABELS[status_kind(rule)], lang)}"


def rule_value(rule: Rule, lang: str | None = None) -> str:
    """The value of a registration or stay-limit record in a few words, in ``lang``."""
    v = rule.value
    if rule.is_gap:
        return content_gettext("Not stated in the sources", lang)
    if rule.topic == "registration" and v.get("days"):
        n = int(v["days"])
        return content_ngettext("%(n)d day from arrival", "%(n)d days from arrival", n, lang) % {
            "n": n
        }
    if rule.topic == "stay_limit" and v.get("max_days"):
        n = int(v["max_days"])
        if v.get("window_days"):
            text = content_gettext("%(n)d days in any %(m)d", lang) % {
                "n": n,
                "m": int(v["window_days"]),
            }
        else:
            text = _days(n, lang)
        if v.get("per_stay_days"):
            text += "; " + content_gettext("at most %(n)d at a time", lang) % {
                "n": int(v["per_stay_days"])
            }
        return text
    return ""
