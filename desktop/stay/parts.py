"""Each part of the answer from the rules in force: registration, rolling, per-stay, and more.

Rule kinds are data, not per-country code: a ``stay_limit`` value with ``window_days`` is a
rolling window, ``per_stay_days`` (or ``kind = "per_stay"``) a cap on one stay,
``kind = "calendar_year"`` a yearly cap and ``kind = "validity"`` a period from the entry or
from the work licence's issue (``from = "patent_issued"``; length in ``years``, ``months`` or
``max_days``). When several rules of one kind apply at once, the strictest is shown and a
warning names the others, so nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from desktop.i18n import gettext as _
from desktop.i18n import ngettext
from desktop.stay.limits import validity_last_day, year_days_used, year_latest_exit
from desktop.stay.result import (
    PerStayPart,
    RegistrationPart,
    StayPart,
    ValidityPart,
    YearCapPart,
)
from desktop.stay.terms import calendar_due, holidays_known, working_due
from desktop.stay.window import Trip, days_used, latest_exit

if TYPE_CHECKING:
    from desktop.rules import Rule


@dataclass
class RuleNotes:
    """The warnings of one calculation, in the current language."""

    citizen: str
    destination: str
    fmt: Callable[[date], str] = date.isoformat
    warnings: list[str] = field(default_factory=list)

    def add(self, message: str, **values: Any) -> None:
        """Append ``message`` (already translated) with dates written by :attr:`fmt`."""
        shown = {k: self.fmt(v) if isinstance(v, date) else v for k, v in values.items()}
        self.warnings.append(message.format(c=self.citizen, d=self.destination, **shown))


@dataclass(frozen=True, slots=True)
class StayParts:
    stay: StayPart | None = None
    per_stay: PerStayPart | None = None
    calendar_year: YearCapPart | None = None
    validity: ValidityPart | None = None
    latest_lawful_exit: date | None = None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def registration_part(
    rules: Sequence[Rule], entry: date, destination: str, notes: RuleNotes
) -> RegistrationPart | None:
    """Register by: N days from the day after arrival, calendar or working days."""
    if not rules:
        notes.add(_("The sources state no registration deadline for citizens of {c} in {d}."))
        return None
    options = []
    for rule in rules:
        days, counting = _int(rule.value.get("days")), rule.value.get("counting", "unspecified")
        if days is None:
            notes.add(_("Rule {rule} gives no number of days; it is left out."), rule=rule.id)
            continue
        if counting == "working":
            due = working_due(entry, days, destination)
        else:
            counting = "calendar" if counting == "calendar" else "unspecified"
            due = calendar_due(entry, days)
        options.append(RegistrationPart(due=due, days=days, counting=counting, rule=rule.id))
    if not options:
        return None
    chosen = min(options, key=lambda p: p.due)
    if len(options) > 1:
        notes.add(
            _("Several registration rules apply ({rules}); the earliest date is shown."),
            rules=", ".join(p.rule for p in options),
        )
    if chosen.counting == "unspecified":
        notes.add(
            ngettext(
                "Rule {rule} does not say whether its {n} day is a calendar or a working day; "
                "the calendar date, the earlier, is shown.",
                "Rule {rule} does not say whether its {n} days are calendar or working days; "
                "the calendar date, the earlier, is shown.",
                chosen.days,
            ),
            rule=chosen.rule,
            n=chosen.days,
        )
    if chosen.counting == "working" and not holidays_known(destination):
        notes.add(
            _(
                "The public holidays of {d} are not known to the app: only Saturdays and "
                "Sundays were skipped, so the true deadline may be later."
            )
        )
    return chosen


def _strictest(parts: list[Any], notes: RuleNotes) -> Any:
    """The part with the earliest last day (None: no lawful day at all, the strictest)."""
    if not parts:
        return None
    if len(parts) > 1:
        notes.add(
            _("Several rules of one kind apply ({rules}); the strictest is shown."),
            rules=", ".join(p.rule for p in parts),
        )
    return min(parts, key=lambda p: p.latest_exit or date.min)


def stay_parts(
    rules: Sequence[Rule],
    *,
    history: Sequence[Trip],
    entry: date,
    as_of: date,
    patent_issued: date | None,
    notes: RuleNotes,
) -> StayParts:
    """How long the current stay may last under each kind of stay limit in force."""
    present = [*history, (entry, as_of)] if as_of >= entry else list(history)
    rolling: list[StayPart] = []
    single: list[PerStayPart] = []
    yearly: list[YearCapPart] = []
    valid: list[ValidityPart] = []
    paperwork: list[str] = []
    for rule in rules:
        value, kind = rule.value, rule.value.get("kind")
        n, m = _int(value.get("max_days")), _int(value.get("window_days"))
        if kind in (None, "rolling") and n is not None and m is not None:
            if n >= m:
                notes.add(_("Rule {rule} states a limit that cannot bind; left out."), rule=rule.id)
                continue
            last = latest_exit(history, entry, max_days=n, window=m)
            used = days_used(present, as_of, m)
            over = _overstay(last, entry, as_of)
            rolling.append(StayPart(n, m, used, max(0, n - used), last, over, rule.id))
        k = _int(value.get("per_stay_days")) or (n if kind == "per_stay" else None)
        if k is not None:
            single.append(PerStayPart(k, entry + timedelta(days=k - 1), rule.id))
        if kind == "calendar_year" and n is not None:
            if n > 365:
                notes.add(_("Rule {rule} states a limit that cannot bind; left out."), rule=rule.id)
                continue
            last = year_latest_exit(history, entry, max_days=n)
            used = year_days_used(present, as_of)
            over = _overstay(last, entry, as_of)
            yearly.append(YearCapPart(n, used, max(0, n - used), last, over, rule.id))
        if kind == "validity":
            if not any(_int(value.get(key)) for key in ("years", "months", "max_days")):
                paperwork.append(rule.id)  # "as long as the visa is valid": nothing to count
                continue
            part = _validity(rule, entry, patent_issued, notes)
            if part is not None:
                valid.append(part)
    parts = StayParts(
        stay=_strictest(rolling, notes),
        per_stay=_strictest(single, notes),
        calendar_year=_strictest(yearly, notes),
        validity=_strictest(valid, notes),
    )
    return _finish(parts, entry, as_of, notes, paperwork)


def _overstay(last: date | None, entry: date, as_of: date) -> date | None:
    """First unlawful day of the current stay, if the person is still there after ``last``."""
    if as_of < entry or (last is not None and as_of <= last):
        return None
    return entry if last is None else last + timedelta(days=1)


def _validity(
    rule: Rule, entry: date, patent_issued: date | None, notes: RuleNotes
) -> ValidityPart | None:
    value = rule.value
    anchor = value.get("from", "entry")
    if anchor == "patent_issued" and patent_issued is None:
        notes.add(
            _("Rule {rule} runs from the work licence's issue date, which was not given."),
            rule=rule.id,
        )
        return None
    if anchor not in ("entry", "patent_issued"):
        notes.add(_("Rule {rule} runs from an unknown date; it is left out."), rule=rule.id)
        return None
    starts = patent_issued if anchor == "patent_issued" and patent_issued else entry
    years, months = _int(value.get("years")), _int(value.get("months"))
    days = None if years or months else _int(value.get("max_days"))
    last = validity_last_day(starts, days=days, months=months, years=years)
    return ValidityPart(starts=starts, latest_exit=last, rule=rule.id)


def _finish(
    parts: StayParts, entry: date, as_of: date, notes: RuleNotes, paperwork: list[str]
) -> StayParts:
    """Say what is missing or already broken, and take the earliest last day.

    A rule that limits the stay only by a document's validity (a visa) gives no date; it is
    mentioned only when no other limit applies, since it concerns those who hold one.
    """
    shown = [p for p in (parts.stay, parts.per_stay, parts.calendar_year, parts.validity) if p]
    if not shown:
        if paperwork:
            notes.add(
                _(
                    "Rule {rules} limits the stay by the validity of a document, such as a "
                    "visa, whose dates the calculator does not know."
                ),
                rules=", ".join(paperwork),
            )
        else:
            notes.add(_("The sources state no stay limit for citizens of {c} in {d}."))
        return parts
    if parts.stay is None and parts.calendar_year is None:
        notes.add(
            _("The sources state no limit of days within a period for citizens of {c} in {d}.")
        )
    if parts.per_stay is None:
        notes.add(_("The sources state no maximum length of one stay for citizens of {c} in {d}."))
    exits = [p.latest_exit for p in shown]
    for part in shown:
        if part.latest_exit is None:
            notes.add(
                _("On the entry day {entry} the limit of rule {rule} was already used up."),
                entry=entry,
                rule=part.rule,
            )
        elif as_of >= entry and as_of > part.latest_exit:
            notes.add(
                _("Stay unlawful since {first} under rule {rule} (last lawful day {last})."),
                first=part.latest_exit + timedelta(days=1),
                rule=part.rule,
                last=part.latest_exit,
            )
    latest = None if None in exits else min(e for e in exits if e is not None)
    return StayParts(
        parts.stay, parts.per_stay, parts.calendar_year, parts.validity, latest_lawful_exit=latest
    )
