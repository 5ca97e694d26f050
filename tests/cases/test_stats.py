"""Donor statistics: counts only, with made-up and non-consenting records left out and reported."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from db.schemas import CaseUpdate
from desktop.cases.caseops import close_case, update_case
from desktop.cases.demo import make_demo
from desktop.cases.stats import case_stats, stats_csv

CONSENT = {"consent_given": True, "consent_scope": ["advice", "statistics"]}


def _log(session, add_client):
    for name, citizenship, phone, category, destination, outcome in [
        ("Каримов Алишер", "UZ", "+998 90 123 45 67", "registration", "RU", "resolved"),
        ("Раҳимов Ҷамшед", "TJ", "+992 90 765 43 21", "unpaid_wages", "RU", None),
        ("Өмүрбекова Айгүл", "KG", "+996 555 12 34 56", "registration", "KZ", None),
    ]:
        _client, case = add_client(name, citizenship=citizenship, phone=phone, **CONSENT)
        update_case(
            session=session,
            case_id=case.id,
            case_in=CaseUpdate(categories=[category], destination=destination),
        )
        if outcome:
            close_case(session=session, case_id=case.id, outcome=outcome)
    add_client("Без Согласия", citizenship="UZ")  # no consent to statistics
    session.commit()


def test_cases_are_counted_by_category_citizenship_destination_and_outcome(session, add_client):
    """Each dimension counts the consenting clients' cases."""
    _log(session, add_client)
    stats = case_stats(session=session)
    assert stats["totals"] == {"cases": 3, "clients": 3, "consultations": 0}
    assert stats["by_category"] == {"registration": 2, "unpaid_wages": 1}
    assert stats["by_citizenship"] == {"KG": 1, "TJ": 1, "UZ": 1}
    assert stats["by_destination"] == {"KZ": 1, "RU": 2}
    assert stats["by_outcome"] == {"resolved": 1}
    month = date.today().strftime("%Y-%m")
    assert stats["by_month"] == [
        {"month": month, "cases_opened": 3, "cases_closed": 1, "consultations": 0}
    ]


def test_the_report_holds_no_names_phones_or_documents(session, add_client):
    """Nothing personal can leak into a donor report, in JSON or in CSV."""
    _log(session, add_client)
    stats = case_stats(session=session)
    for text in (json.dumps(stats, ensure_ascii=False), stats_csv(stats)):
        for personal in ("Каримов", "Karimov", "Айгүл", "123 45 67", "1234567", "Согласия"):
            assert personal not in text


def test_made_up_and_non_consenting_cases_are_left_out_and_reported(session, add_client):
    """Demo records and clients without statistics consent are excluded, with their numbers."""
    _log(session, add_client)
    make_demo(session=session, count=20, seed=3)
    stats = case_stats(session=session)
    assert stats["totals"]["cases"] == 3
    assert stats["excluded"]["no_statistics_consent"] == 1
    assert stats["excluded"]["made_up"] >= 20
    with_demo = case_stats(session=session, include_made_up=True)
    assert with_demo["totals"]["cases"] > 3 and with_demo["excluded"]["made_up"] == 0


def test_the_csv_holds_the_same_counts(session, add_client):
    """Every count of the JSON report appears in the CSV as dimension,key,count."""
    _log(session, add_client)
    stats = case_stats(session=session)
    rows = list(csv.reader(io.StringIO(stats_csv(stats))))
    assert rows[0] == ["dimension", "key", "count"]
    assert ["category", "registration", "2"] in rows
    assert ["total", "cases", "3"] in rows


def test_a_period_counts_only_cases_opened_in_it(session, add_client):
    """``date_from``/``date_to`` bound the opening date."""
    _log(session, add_client)
    assert case_stats(session=session, date_to=date(2000, 1, 1))["totals"]["cases"] == 0
    assert case_stats(session=session, date_from=date.today())["totals"]["cases"] == 3
