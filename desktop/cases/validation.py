"""Checks on what counsellors type, with messages they can act on.

Every check raises ``UserError`` with one translated sentence. Messages name the field and the
rule broken but never repeat the value when it is personal (a name, a birth date, a phone or
document number): errors end up on terminals, in bug reports and on screenshots.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from desktop.cases import vocab
from desktop.cases.base import join_codes, today
from desktop.cases.translit import document_key, phone_key, transliterate
from desktop.errors import UserError
from desktop.i18n import gettext as _

MAX_NAME = 200
OLDEST_YEAR = 1900


def text(value: str | None, *, field: str, required: bool = False, limit: int = 0) -> str:
    """Collapse white space; refuse an empty required field or an over-long one."""
    cleaned = " ".join((value or "").split())
    if required and not cleaned:
        raise UserError(_("The {field} must not be empty.").format(field=field))
    if limit and len(cleaned) > limit:
        raise UserError(
            _("The {field} is too long (at most {n} characters).").format(field=field, n=limit)
        )
    return cleaned


def optional_text(value: str | None) -> str | None:
    """Blank becomes None, so "no phone" is stored one way only."""
    cleaned = (value or "").strip()
    return cleaned or None


def country(code: str | None, *, field: str, required: bool = True) -> str | None:
    """An ISO 3166 alpha-2 code in capitals (``uz`` → ``UZ``); unknown codes are refused."""
    cleaned = (code or "").strip().upper()
    if not cleaned:
        if required:
            raise UserError(_("The {field} must be given as a country code.").format(field=field))
        return None
    if cleaned not in vocab.country_codes():
        raise UserError(
            _(
                "Unknown country code {code!r} for the {field}; use two letters such as UZ or RU."
            ).format(code=cleaned, field=field)
        )
    return cleaned


def choice(value: str | None, allowed: Mapping[str, str], *, field: str) -> str | None:
    """One code from a vocabulary, or None."""
    if value is None or value == "":
        return None
    if value not in allowed:
        raise UserError(
            _("Unknown {field} {value!r}; choose one of: {choices}.").format(
                field=field, value=value, choices=", ".join(allowed)
            )
        )
    return value


def choices(
    values: Iterable[str], allowed: Mapping[str, str] | frozenset[str], *, field: str
) -> str:
    """Several codes from a vocabulary, stored comma-separated without repeats."""
    cleaned = [v.strip() for v in values if v and v.strip()]
    for value in cleaned:
        if value not in allowed:
            raise UserError(_("Unknown {field} {value!r}.").format(field=field, value=value))
    return join_codes(cleaned)


def past_date(value: date | None, *, field: str) -> date | None:
    """A date that has already come (birth, consent, consultation); no later than today."""
    if value is None:
        return None
    if value > today():
        raise UserError(_("The {field} is in the future.").format(field=field))
    if value.year < OLDEST_YEAR:
        raise UserError(_("The {field} is before {year}.").format(field=field, year=OLDEST_YEAR))
    return value


def clean_client(data: Mapping[str, Any]) -> dict[str, Any]:
    """A client's fields checked and completed with the derived ones the table stores."""
    birth_date = past_date(data.get("birth_date"), field=_("birth date"))
    birth_year = data.get("birth_year")
    if birth_date is not None:
        if birth_year is not None and birth_year != birth_date.year:
            raise UserError(_("The birth year does not match the birth date."))
        birth_year = birth_date.year
    elif birth_year is not None and not OLDEST_YEAR <= birth_year <= today().year:
        raise UserError(
            _("The birth year must be between {a} and {b}.").format(a=OLDEST_YEAR, b=today().year)
        )
    full_name = text(data.get("full_name"), field=_("name"), required=True, limit=MAX_NAME)
    phone = optional_text(data.get("phone"))
    if phone is not None and phone_key(phone) is None:
        raise UserError(_("The phone number has too few digits."))
    document_number = optional_text(data.get("document_number"))
    consent_given = bool(data.get("consent_given"))
    scope = choices(data.get("consent_scope") or [], vocab.CONSENT_SCOPES, field=_("consent scope"))
    if scope and not consent_given:
        raise UserError(_("A consent scope is set but consent is not recorded as given."))
    consent_date = past_date(data.get("consent_date"), field=_("consent date"))
    if consent_given and consent_date is None:
        consent_date = today()
    languages = [code.strip().lower() for code in data.get("languages") or []]
    return {
        "full_name": full_name,
        "name_latin": transliterate(full_name),
        "sex": choice(data.get("sex"), vocab.SEXES, field=_("sex")),
        "birth_date": birth_date,
        "birth_year": birth_year,
        "citizenship": country(data.get("citizenship"), field=_("citizenship")),
        "languages": choices(languages, vocab.language_codes(), field=_("language")),
        "phone": phone,
        "phone_key": phone_key(phone),
        "messenger": optional_text(data.get("messenger")),
        "document_type": choice(
            data.get("document_type"), vocab.DOCUMENT_TYPES, field=_("document type")
        ),
        "document_number": document_number,
        "document_key": document_key(document_number),
        "consent_given": consent_given,
        "consent_date": consent_date if consent_given else None,
        "consent_scope": scope,
        "notes": (data.get("notes") or "").strip(),
    }


def clean_rule_ids(values: Iterable[str]) -> str:
    """Rule ids cited in advice: lowercase letters, digits and hyphens, as in the rule files."""
    cleaned = [v.strip() for v in values if v and v.strip()]
    for value in cleaned:
        if (
            not all(ch.isascii() and (ch.isalnum() or ch == "-") for ch in value)
            or value != value.lower()
        ):
            raise UserError(_("{value!r} is not a rule id.").format(value=value))
    return join_codes(cleaned)
