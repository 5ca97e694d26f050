"""A migrant's own dates from the rules in force: register by, leave by, days left.

:func:`compute_deadlines` is what the calculator, the leaflets, the case log and the
``deadlines`` command call. Rules are looked up on the entry day (a 2019 entry uses the rules
of 2019); where none applies, the part is None and a warning says what the sources do not
state: a limit is never guessed.

Input policy: earlier trips may come unsorted and may overlap; they are sorted and overlaps
merged, each day counting once (see :func:`desktop.stay.window.normalise`). A trip that ends
after the current entry is refused, as are dates before 1991 (no rule predates the CIS) or
more than ten years ahead, and unknown country codes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from desktop.errors import UserError
from desktop.i18n import gettext as _
from desktop.stay.parts import RuleNotes, registration_part, stay_parts
from desktop.stay.result import DeadlinesResult
from desktop.stay.window import Trip, normalise

if TYPE_CHECKING:
    from desktop.rules import Rule, RuleBook

EARLIEST = date(1991, 1, 1)
YEARS_AHEAD = 10
PURPOSES = ("work", "study", "private", "other")


def _check_day(day: date, today: date) -> None:
    if day < EARLIEST:
        raise UserError(
            _("The date {day} is before 1991; the calculator covers 1991 onwards.").format(
                day=day.isoformat()
            )
        )
    if day > today + timedelta(days=365 * YEARS_AHEAD):
        raise UserError(
            _("The date {day} is more than {years} years ahead.").format(
                day=day.isoformat(), years=YEARS_AHEAD
            )
        )


def _country(book: RuleBook, code: str) -> str:
    upper = code.strip().upper()
    if not book.is_country(upper):
        raise UserError(
            _("Unknown country code {code!r}; use ISO codes such as RU, KZ or UZ.").format(
                code=code
            )
        )
    return upper


def _for_purpose(rules: Iterable[Rule], purpose: str | None, notes: list[str]) -> list[Rule]:
    """Keep the rules for this purpose of stay; a rule without ``purpose`` is for everyone."""
    kept = []
    for rule in rules:
        wanted = rule.value.get("purpose")
        if wanted is None:
            kept.append(rule)
            continue
        wanted = (wanted,) if isinstance(wanted, str) else tuple(wanted)
        if purpose in wanted:
            kept.append(rule)
        elif purpose is None:
            notes.append(
                _("Rule {rule} applies only to stays for {purposes}; no purpose was given.").format(
                    rule=rule.id, purposes=", ".join(wanted)
                )
            )
    return kept


def compute_deadlines(
    book: RuleBook,
    *,
    citizen: str,
    destination: str,
    entry: date,
    trips: Sequence[Trip] = (),
    on: date | None = None,
    purpose: str | None = None,
    patent_issued: date | None = None,
    date_format: Callable[[date], str] = date.isoformat,
) -> DeadlinesResult:
    """Registration deadline, stay limits and the last lawful day of the current stay.

    Args:
        book: the rule book (bundled and local rules).
        citizen: citizenship, ISO alpha-2.
        destination: country of stay, ISO alpha-2.
        entry: first day of the current stay; the person is taken to be present from then on.
        trips: earlier stays in the destination, (entry, exit) with both days counted.
        on: the day of the question (default today); may be before ``entry`` when planning.
        purpose: work, study, private or other; selects rules that name a purpose.
        patent_issued: issue date of the work licence, for periods that run from it.
        date_format: how dates are written inside warnings (ISO for JSON, Babel for people).

    Raises:
        UserError: bad input, with a one-line message for the person at the desk.
    """
    today = date.today()
    citizen = _country(book, citizen)
    destination = _country(book, destination)
    as_of = on or today
    if purpose is not None and purpose not in PURPOSES:
        raise UserError(
            _("Unknown purpose {purpose!r}; use one of {choices}.").format(
                purpose=purpose, choices=", ".join(PURPOSES)
            )
        )
    extra = [patent_issued] if patent_issued else []
    for day in [entry, as_of, *extra, *(d for trip in trips for d in trip)]:
        _check_day(day, today)
    history = normalise(trips)
    for first, last in history:
        if last > entry:
            raise UserError(
                _(
                    "The trip {first}:{last} ends after the current entry {entry}; "
                    "give only earlier stays as trips."
                ).format(first=first.isoformat(), last=last.isoformat(), entry=entry.isoformat())
            )

    notes = RuleNotes(citizen=citizen, destination=destination, fmt=date_format)

    def in_force(topic: str, day: date, warnings: list[str]) -> list[Rule]:
        return _for_purpose(book.in_force(destination, citizen, topic, day), purpose, warnings)

    reg_rules = in_force("registration", entry, notes.warnings)
    stay_rules = in_force("stay_limit", entry, notes.warnings)
    registration = registration_part(reg_rules, entry, destination, notes)
    parts = stay_parts(
        stay_rules,
        history=history,
        entry=entry,
        as_of=as_of,
        patent_issued=patent_issued,
        notes=notes,
    )
    if as_of > entry:
        later = {r.id for t in ("registration", "stay_limit") for r in in_force(t, as_of, [])}
        if later != {r.id for r in (*reg_rules, *stay_rules)}:
            notes.warnings.append(
                _(
                    "The rules in force on {as_of} differ from those of the entry day {entry}; "
                    "the dates follow the rules of the entry day."
                ).format(as_of=date_format(as_of), entry=date_format(entry))
            )
    return DeadlinesResult(
        as_of=as_of,
        registration=registration,
        stay=parts.stay,
        per_stay=parts.per_stay,
        latest_lawful_exit=parts.latest_lawful_exit,
        warnings=tuple(notes.warnings),
        citizen=citizen,
        destination=destination,
        entry=entry,
        calendar_year=parts.calendar_year,
        validity=parts.validity,
    )
