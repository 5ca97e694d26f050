"""The NGO's own verified rules stored in the case log."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.cases.base import history
from desktop.cases.local_rules import delete_local_rule, list_local_rules, save_local_rule
from desktop.errors import UserError

RULE = {
    "id": "local-kz-registration-kg-20240101",
    "destination": "KZ",
    "applies_to": ["KG"],
    "topic": "registration",
    "status": "in_force",
    "effective_from": date(2024, 1, 1),
    "text": "Citizens of Kyrgyzstan register within 30 days.",
    "value": {"days": 30, "counting": "calendar"},
    "sources": [],
    "source_title": "Order of the Ministry of Internal Affairs",
    "checked_by": "Counsellor A",
    "checked_on": date(2024, 2, 1),
}


def test_a_saved_rule_is_listed_as_a_rule_file_record_and_deleting_hides_it(session):
    """Dates come back as dates, like ``tomllib`` gives them; delete and re-save are audited."""
    save_local_rule(session, RULE, "Counsellor A")
    assert list_local_rules(session) == [RULE]
    changed = RULE | {"value": {"days": 15, "counting": "calendar"}}
    save_local_rule(session, changed, "Counsellor B")
    assert list_local_rules(session)[0]["value"]["days"] == 15
    delete_local_rule(session, RULE["id"], "Counsellor B")
    assert list_local_rules(session) == []
    save_local_rule(session, RULE, "Counsellor A")
    actions = [
        e.action for e in history(session=session, record_type="local_rule", record_id=RULE["id"])
    ]
    assert actions == ["create", "update", "delete", "restore"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"topic": "astrology"}, "topic"),
        ({"id": "kz-registration-kg-2024"}, "local-"),
        ({"effective_from": "first of May"}, "effective_from"),
    ],
)
def test_a_rule_that_would_not_load_as_a_rule_file_is_refused(session, change, problem):
    """The same checks as for rule files apply, and nothing is stored."""
    with pytest.raises(UserError, match=problem):
        save_local_rule(session, RULE | change, "Counsellor A")
    assert list_local_rules(session) == []


def test_deleting_a_rule_that_is_not_there_is_an_error(session):
    """A clear message instead of a silent no-op."""
    with pytest.raises(UserError, match="no local rule"):
        delete_local_rule(session, "local-none", "Counsellor A")
