"""``migrant-desk rules``: the commands and JSON shapes scripts rely on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.paths import SOURCES_DIR


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_show_prints_values_and_sources_for_a_counsellor(capsys):
    """The sheet for an Uzbek citizen in Russia names the 15-day registration and its source."""
    code, out, _ = run(
        capsys, "rules", "show", "--to", "RU", "--citizen", "UZ", "--on", "2024-03-01"
    )
    assert code == 0
    assert "REGISTRATION" in out
    assert "15 days from arrival" in out
    assert "line 917" in out


def test_show_json_matches_the_export_record_shape(capsys):
    """Each record in ``show --json`` has the fields of the public contract."""
    code, out, _ = run(
        capsys, "rules", "show", "--to", "KZ", "--citizen", "UZ", "--on", "2024-03-01", "--json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["destination"] == "KZ" and data["on"] == "2024-03-01"
    keys = {"id", "destination", "applies_to", "topic", "value", "effective_from",
            "effective_to", "status", "supersedes", "text", "sources"}  # fmt: skip
    for record in data["rules"]:
        assert keys <= set(record)
        assert "en" in record["text"]


def test_export_contains_every_record_with_valid_statuses(capsys):
    """``rules export --json`` lists in-force and older records alike."""
    code, out, _ = run(capsys, "rules", "export", "--json")
    assert code == 0
    rules = json.loads(out)["rules"]
    statuses = {r["status"] for r in rules}
    assert statuses <= {"in_force", "superseded", "historical", "gap"}
    assert {"in_force", "gap"} <= statuses
    reg = next(r for r in rules if r["id"] == "ru-registration-uz-2021")
    assert reg["value"] == {"days": 15, "counting": "unspecified"}
    assert reg["sources"][0]["line"] == 917


def test_unknown_country_is_a_user_error_with_one_line(capsys):
    """A typo in a country code exits 1 with one clear line, no traceback."""
    code, _out, err = run(capsys, "rules", "show", "--to", "RUS", "--citizen", "UZ")
    assert code == 1
    assert err.strip().count("\n") == 0 and "unknown country code 'RUS'" in err


def test_bad_date_is_a_user_error(capsys):
    """``--on 2024-13-01`` is refused with a message, not a traceback."""
    code, _, err = run(
        capsys, "rules", "show", "--to", "RU", "--citizen", "UZ", "--on", "2024-13-01"
    )
    assert code == 1 and "--on must be a date" in err


def test_missing_option_is_a_usage_error():
    """Leaving out --citizen is a usage error: exit 2."""
    proc = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "rules", "show", "--to", "RU"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2


def test_list_counts_rules_per_destination(capsys):
    """``rules list --json`` covers the main destinations with their rule counts."""
    code, out, _ = run(capsys, "rules", "list", "--json")
    assert code == 0
    rows = {row["destination"]: row for row in json.loads(out)["destinations"]}
    for dest in ("RU", "KZ", "KG", "TJ", "UZ", "TM"):
        assert rows[dest]["rules"] + rows[dest]["gaps"] > 0


def test_check_reports_bad_local_file(capsys, tmp_path: Path):
    """A malformed local rule file makes ``rules check`` exit 1 naming the record."""
    (tmp_path / "mine.toml").write_text(
        'destination = "RU"\n[[rule]]\nid = "local-x"\napplies_to = ["UZ"]\n'
        'topic = "registration"\nstatus = "in_force"\ntext = "x"\nvalue = { days = 0 }\n'
        'source_title = "Decree"\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "rules", "check", "--rules-dir", str(tmp_path))
    assert code == 1
    assert "mine.toml:local-x: registration value needs days" in out


@pytest.mark.skipif(not SOURCES_DIR.is_dir(), reason="the shared source documents are not here")
def test_bundled_rules_pass_the_full_check_against_the_sources(capsys):
    """Every bundled record is valid and every quotation is verbatim at its line."""
    code, out, err = run(capsys, "rules", "check", "--sources", str(SOURCES_DIR))
    assert out == ""
    assert code == 0, err
