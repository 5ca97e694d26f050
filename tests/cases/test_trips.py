"""Trips: the stays the calculator reads, one at a time per client."""

from __future__ import annotations

from datetime import date

import pytest

from db.schemas import TripCreate, TripUpdate
from desktop.cases.trips import add_trip, list_trips, update_trip
from desktop.errors import UserError


def test_trips_are_listed_for_the_calculator_and_may_not_overlap(session, add_client):
    """A client's stays per destination, oldest first; two stays at once are refused."""
    client, _case = add_client()
    first = add_trip(
        session=session,
        trip_in=TripCreate(
            client_id=client.id,
            destination="ru",
            entry_on=date(2024, 1, 1),
            exit_on=date(2024, 1, 20),
        ),
    )
    add_trip(
        session=session,
        trip_in=TripCreate(client_id=client.id, destination="KZ", entry_on=date(2024, 2, 1)),
    )
    with pytest.raises(UserError, match="overlaps"):
        add_trip(
            session=session,
            trip_in=TripCreate(client_id=client.id, destination="RU", entry_on=date(2024, 1, 10)),
        )
    with pytest.raises(UserError, match="end before"):
        update_trip(
            session=session, trip_id=first.id, trip_in=TripUpdate(exit_on=date(2023, 12, 1))
        )
    assert [
        (t.destination, t.entry_on) for t in list_trips(session=session, client_id=client.id)
    ] == [
        ("RU", date(2024, 1, 1)),
        ("KZ", date(2024, 2, 1)),
    ]
    assert len(list_trips(session=session, client_id=client.id, destination="RU")) == 1
