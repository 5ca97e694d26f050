"""The fixed vocabularies of the case log: stored codes and their translatable labels.

Codes are what the database, exports and scripts see; labels are for people and are marked
with ``N_`` so they are translated where they are shown. Country and language codes come from
Babel's locale data rather than hand-written lists.
"""

from __future__ import annotations

from functools import cache

from desktop.i18n import N_

SEXES = {"female": N_("female"), "male": N_("male"), "other": N_("other")}

CASE_STATUSES = {
    "open": N_("Open"),
    "in_progress": N_("In progress"),
    "referred": N_("Referred"),
    "closed": N_("Closed"),
}
#: Allowed status changes; a closed case only comes back through ``reopen_case``.
STATUS_CHANGES: dict[str, frozenset[str]] = {
    "open": frozenset({"in_progress", "referred", "closed"}),
    "in_progress": frozenset({"referred", "closed"}),
    "referred": frozenset({"in_progress", "closed"}),
    "closed": frozenset({"open"}),
}

CATEGORIES = {
    "registration": N_("Registration"),
    "work_licence": N_("Work licence (patent)"),
    "unpaid_wages": N_("Unpaid wages"),
    "documents_withheld": N_("Documents withheld"),
    "detention_expulsion": N_("Detention or expulsion"),
    "entry_ban": N_("Entry ban"),
    "trafficking": N_("Trafficking"),
    "health": N_("Health"),
    "family": N_("Family"),
    "remittances": N_("Remittances"),
    "return": N_("Return"),
    "other": N_("Other"),
}

CHANNELS = {
    "in_person": N_("In person"),
    "phone": N_("Phone"),
    "messenger": N_("Messenger"),
    "hotline": N_("Hotline"),
}

CONSENT_SCOPES = {
    "advice": N_("Advice"),
    "referral": N_("Referral to other organisations"),
    "statistics": N_("Anonymous statistics"),
}

DOCUMENT_TYPES = {
    "passport": N_("Passport"),
    "id_card": N_("Identity card"),
    "migration_card": N_("Migration card"),
    "work_licence": N_("Work licence (patent)"),
    "residence_permit": N_("Residence permit"),
    "other": N_("Other document"),
}

REFERRAL_STATUSES = {
    "planned": N_("Planned"),
    "sent": N_("Sent"),
    "accepted": N_("Accepted"),
    "declined": N_("Declined"),
    "completed": N_("Completed"),
}

OUTCOMES = {
    "resolved": N_("Resolved"),
    "partly_resolved": N_("Partly resolved"),
    "not_resolved": N_("Not resolved"),
    "referred_on": N_("Referred on"),
    "lost_contact": N_("Lost contact"),
    "client_withdrew": N_("Client withdrew"),
    "other": N_("Other"),
}

# Babel lists regions and pseudo-regions among its territories; none of these is a citizenship.
# "ZZ" (unknown) stays allowed: a stateless client or one whose papers are gone has no code.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB"})


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166 alpha-2 codes Babel knows (plus ``ZZ`` for unknown)."""
    from babel import Locale

    codes = (str(code) for code in Locale("en").territories)
    return frozenset(c for c in codes if len(c) == 2 and c.isalpha() and c not in _NOT_COUNTRIES)


@cache
def language_codes() -> frozenset[str]:
    """Language codes Babel knows (``uz``, ``tg``, ``ky``, ``ru``, ``kk``, ``tk``, …)."""
    from babel import Locale

    return frozenset(c for c in map(str, Locale("en").languages) if c.isalpha())
