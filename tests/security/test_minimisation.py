"""Donor statistics and the research export never carry names, phones, documents or notes."""

from __future__ import annotations

import json
from datetime import date

import pytest

from db.schemas import CaseCreate, ClientCreate, ConsultationCreate
from desktop.cases.caseops import open_case
from desktop.cases.clients import create_client
from desktop.cases.records import add_consultation
from desktop.cases.research import pseudonymised_export
from desktop.cases.stats import case_stats, stats_csv

SECRETS = ["Zulfizar", "zulfizar", "Qoʻchqorova", "998901234567", "901234567", "AB1234567",
           "Xurshidbek", "1991-05-17"]  # fmt: skip


@pytest.fixture
def client(session):
    """A consenting client with every kind of personal data and a case with a consultation."""
    c = create_client(
        session=session,
        client_in=ClientCreate(
            full_name="Zulfizar Qoʻchqorova", citizenship="UZ", sex="female",
            birth_date=date(1991, 5, 17), phone="+998901234567", document_type="passport",
            document_number="AB1234567", notes="recruiter Xurshidbek", consent_given=True,
            consent_scope=["advice", "statistics"],
        ),
    )  # fmt: skip
    case = open_case(
        session=session,
        case_in=CaseCreate(client_id=c.id, categories=["trafficking"], destination="RU",
                           notes="Xurshidbek again"),
    )  # fmt: skip
    add_consultation(
        session=session,
        consultation_in=ConsultationCreate(
            case_id=case.id, held_on=date.today(), channel="phone", summary="Xurshidbek",
            advice="call 998901234567", rule_ids=["ru-registration-uz-2021"],
        ),
    )  # fmt: skip
    session.commit()
    return c


def _assert_clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, secret


def test_statistics_hold_counts_only(session, client):
    """JSON and CSV statistics count the client without naming them."""
    stats = case_stats(session=session)
    assert stats["totals"]["clients"] == 1 and stats["by_category"] == {"trafficking": 1}
    _assert_clean(json.dumps(stats, ensure_ascii=False, default=str))
    _assert_clean(stats_csv(stats))


def test_the_research_export_uses_stable_pseudonyms_and_the_birth_year(session, client):
    """No personal data; the same client has the same pseudonym in two exports; year or quarter."""
    first = pseudonymised_export(session=session)
    second = pseudonymised_export(session=session, birth="quarter")
    _assert_clean(json.dumps(first, ensure_ascii=False))
    _assert_clean(json.dumps(second, ensure_ascii=False))
    [person] = first["clients"]
    assert person["client"].startswith("C-") and person["birth_year"] == 1991
    assert "birth_date" not in person and "full_name" not in person
    assert second["clients"][0]["client"] == person["client"]
    assert second["clients"][0]["birth_quarter"] == "1991-Q2"
    [case] = first["cases"]
    assert case["client"] == person["client"] and case["categories"] == ["trafficking"]
    [consultation] = first["consultations"]
    assert set(consultation) == {"case", "held_on", "channel", "rule_ids"}


def test_the_pseudonyms_are_keyed_with_this_logs_secret(session, client, tmp_path):
    """Without the log's secret a pseudonym cannot be recomputed from the client's number."""
    import hashlib

    from desktop.cases.research import pseudonym, pseudonym_secret

    secret = pseudonym_secret(session)
    assert len(secret) == 32
    assert (
        pseudonym(secret, "client", client.id)
        == pseudonymised_export(session=session)["clients"][0]["client"]
    )
    assert hashlib.sha256(f"client:{client.id}".encode()).hexdigest()[:16] not in pseudonym(
        secret, "client", client.id
    )


def test_the_pseudonymised_export_from_the_command_line(capsys, tmp_path, monkeypatch):
    """``cases export --pseudonymised --out FILE.json`` writes plain JSON without names."""
    from desktop.cli import main

    db = str(tmp_path / "log.sqlite3")
    main(["--db", db, "cases", "demo", "--count", "20"])
    out = tmp_path / "research.json"
    assert main(["--db", db, "cases", "export", "--pseudonymised", "--include-made-up",
                 "--out", str(out)]) == 0  # fmt: skip
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "migrant-desk-research" and data["clients"]
    assert all(set(c) <= {"client", "sex", "birth_year", "citizenship", "languages"}
               for c in data["clients"])  # fmt: skip
    assert out.stat().st_mode & 0o077 == 0
