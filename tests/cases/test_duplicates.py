"""The warning shown when a new client looks like someone already in the log."""

from __future__ import annotations

from datetime import date

from db.schemas import ClientCreate
from desktop.cases.clients import find_likely_duplicates
from desktop.cases.records import delete_record


def _new(**fields):
    return ClientCreate(**({"full_name": "Someone New", "citizenship": "UZ"} | fields))


def test_the_same_phone_written_differently_is_a_likely_duplicate(session, add_client):
    """ "8 (90) 123-45-67" matches "+998 90 123 45 67": same last nine digits."""
    client, _ = add_client(phone="+998 90 123 45 67")
    [dup] = find_likely_duplicates(session, _new(phone="8 (90) 123-45-67"))
    assert dup.client_id == client.id and dup.reasons == ["same_phone"]
    assert "phone" in dup.reason


def test_same_birth_date_and_the_name_in_another_script_is_a_likely_duplicate(session, add_client):
    """ "Karimov Alisher" born the same day as "Каримов Алишер" is flagged."""
    client, _ = add_client("Каримов Алишер", birth_date=date(1990, 5, 1))
    found = find_likely_duplicates(
        session, _new(full_name="Alisher Karimov", birth_date=date(1990, 5, 1))
    )
    assert [(d.client_id, d.reasons) for d in found] == [
        (client.id, ["same_birth_date_similar_name"])
    ]


def test_the_same_document_number_is_a_likely_duplicate(session, add_client):
    """A passport number typed with spaces still matches."""
    client, _ = add_client(document_type="passport", document_number="AA1234567")
    [dup] = find_likely_duplicates(session, _new(document_number="aa 123 45 67"))
    assert dup.client_id == client.id and dup.reasons == ["same_document"]


def test_a_different_person_born_the_same_day_is_not_flagged(session, add_client):
    """A shared birthday alone is no reason for a warning."""
    add_client("Каримов Алишер", birth_date=date(1990, 5, 1))
    assert (
        find_likely_duplicates(
            session, _new(full_name="Өмүрбекова Айгүл", birth_date=date(1990, 5, 1))
        )
        == []
    )


def test_only_a_birth_year_needs_a_very_similar_name(session, add_client):
    """With just the year known, "Rahimov Jamshed" matches "Раҳимов Ҷамшед" but not "Rahmonov"."""
    client, _ = add_client("Раҳимов Ҷамшед", birth_year=1988)
    assert [d.client_id for d in find_likely_duplicates(
        session, _new(full_name="Rahimov Jamshed", birth_year=1988)
    )] == [client.id]  # fmt: skip
    assert find_likely_duplicates(session, _new(full_name="Rahmonov Daler", birth_year=1988)) == []


def test_deleted_clients_are_not_offered_as_duplicates(session, add_client):
    """Someone deleted from the log is not shown in the warning."""
    client, _ = add_client(phone="+996 555 123 456")
    delete_record(session=session, kind="client", record_id=client.id)
    assert find_likely_duplicates(session, _new(phone="+996 555 123 456")) == []
