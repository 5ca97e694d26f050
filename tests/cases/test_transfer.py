"""Export and import of the whole log: lossless, and all-or-nothing on a bad file."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest
from sqlmodel import Session

from db.schemas import ConsultationCreate, ReferralCreate
from desktop.cases.demo import make_demo
from desktop.cases.importer import import_log
from desktop.cases.local_rules import save_local_rule
from desktop.cases.records import add_consultation, add_follow_ups, add_referral, delete_record
from desktop.cases.search import search_cases
from desktop.cases.storage import open_log
from desktop.cases.transfer import export_log, read_export_file, write_export
from desktop.errors import UserError

RULE = {
    "id": "local-ru-registration-uz-20240301",
    "destination": "RU",
    "applies_to": ["UZ"],
    "topic": "registration",
    "status": "in_force",
    "effective_from": date(2024, 3, 1),
    "text": "Register within 15 days.",
    "value": {"days": 15, "counting": "calendar"},
    "sources": [],
    "source_title": "Federal law 109-FZ",
}


@pytest.fixture
def filled(session, add_client):
    """A log with every kind of record, a deleted client and some made-up ones."""
    _c, case = add_client("Oʻrinboyev Gʻayrat", phone="+998 90 111 22 33", languages=["uz", "ru"])
    add_consultation(
        session=session,
        consultation_in=ConsultationCreate(
            case_id=case.id, held_on=date.today(), channel="hotline", rule_ids=["ru-a"]
        ),
    )
    add_follow_ups(session, case.id, [(date.today(), "call", "ru-a")])
    add_referral(
        session=session,
        referral_in=ReferralCreate(case_id=case.id, to_name="Shelter", referred_on=date.today()),
    )
    gone, _ = add_client("Удалённый Клиент")
    delete_record(session=session, kind="client", record_id=gone.id)
    save_local_rule(session, RULE, "test")
    make_demo(session=session, count=5, seed=2)
    session.commit()
    return case


def _other_log(tmp_path, name):
    return open_log(str(tmp_path / name))


def _without_volatile(data):
    data = copy.deepcopy(data)
    data.pop("exported_at")
    data["audit_events"] = [e for e in data["audit_events"] if e["record_type"] != "log"]
    return data


def test_an_export_imported_into_an_empty_log_gives_the_same_log(session, filled, tmp_path):
    """Every record, id, date, flag and deletion survives the round trip."""
    original = export_log(session=session)
    other = _other_log(tmp_path, "copy.sqlite3")
    with Session(other) as target:
        import_log(session=target, data=json.loads(json.dumps(original)))
        target.commit()
        again = export_log(session=target)
        assert [h.client_id for h in search_cases(session=target, query="Orinboyev").results] == [
            filled.client_id
        ]
    other.dispose()
    assert _without_volatile(again) == _without_volatile(original)


def test_importing_into_a_log_with_records_shifts_ids_and_keeps_references(
    session, filled, tmp_path
):
    """Merged records get new ids; their cases, follow-ups and history follow them."""
    data = json.loads(json.dumps(export_log(session=session)))
    summary = import_log(session=session, data=data)
    session.commit()
    shift = summary.id_shift["cases"]
    assert shift > 0 and summary.local_rules_kept == 1
    hits = search_cases(session=session, query="Orinboyev").results
    assert sorted(h.case_id for h in hits) == [filled.id, filled.id + shift]


def test_the_export_file_is_written_whole_and_readable_by_the_owner_only(session, filled, tmp_path):
    """The file holds personal data: mode 0600, and it reads back as the same export."""
    path = tmp_path / "log.json"
    counts = write_export(session=session, path=path)
    assert path.stat().st_mode & 0o077 == 0
    assert counts["clients"] == len(read_export_file(path)["clients"])


def _break(data, how):
    if how == "missing field":
        del data["clients"][0]["full_name"]
    elif how == "wrong type":
        data["cases"][0]["opened_on"] = 20240101
    elif how == "bad date":
        data["trips"][0]["entry_on"] = "2024-02-30"
    elif how == "dangling reference":
        data["consultations"][0]["case_id"] = 999_999
    elif how == "unknown status":
        data["cases"][-1]["status"] = "forgotten"
    elif how == "unknown country":
        data["clients"][-1]["citizenship"] = "XY"
    elif how == "repeated id":
        data["clients"].append(dict(data["clients"][0]))
    elif how == "not an export":
        data["format"] = "something-else"
    return data


@pytest.mark.parametrize(
    "how",
    ["missing field", "wrong type", "bad date", "dangling reference", "unknown status",
     "unknown country", "repeated id", "not an export"],
)  # fmt: skip
def test_a_malformed_file_is_refused_and_changes_nothing(session, filled, tmp_path, how):
    """The first problem is named (section and position) and not a single row is written."""
    data = _break(json.loads(json.dumps(export_log(session=session))), how)
    session.commit()
    before = json.dumps(_without_volatile(export_log(session=session)), sort_keys=True)
    session.rollback()
    with pytest.raises(UserError) as info:
        import_log(session=session, data=data)
    session.rollback()
    after = json.dumps(_without_volatile(export_log(session=session)), sort_keys=True)
    assert after == before
    assert "Oʻrinboyev" not in str(info.value) and "+998" not in str(info.value)


def test_a_file_that_is_not_json_is_refused_with_its_position(tmp_path):
    """Broken JSON is reported with line and column."""
    path = tmp_path / "broken.json"
    path.write_text('{"format": "migrant-desk-case-log",\n  oops}', encoding="utf-8")
    with pytest.raises(UserError, match="line 2"):
        read_export_file(path)
