"""``migrant-desk cases …`` as scripts and counsellors use it: output, JSON shapes, exit codes."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main


@pytest.fixture
def db(tmp_path):
    """A ``--db`` value: a plain file path, as a user would type it."""
    return str(tmp_path / "log.sqlite3")


def run(capsys, *argv):
    """Run the command line in-process; returns (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_prints_the_new_case_id_and_search_finds_it_in_either_script(capsys, db):
    """A client added in Cyrillic is found by its Latin spelling, in the documented JSON shape."""
    code, out, _ = run(capsys, "cases", "add", "--name", "Каримов Алишер", "--citizen", "UZ",
                       "--born", "1990-05-01", "--phone", "+998 90 123 45 67", "--to", "RU",
                       "--category", "registration", "--db", db)  # fmt: skip
    assert code == 0 and out.strip().isdigit()
    case_id = int(out)
    code, out, _ = run(capsys, "--db", db, "cases", "search", "karimov", "--json")
    result = json.loads(out)
    assert code == 0 and set(result) >= {"results", "elapsed_ms"}
    [hit] = result["results"]
    assert hit["case_id"] == case_id and hit["name"] == "Каримов Алишер"
    assert {"case_id", "client_id", "name", "score"} <= set(hit)
    code, out, _ = run(capsys, "--db", db, "cases", "search", "45-67", "--json")
    assert [h["case_id"] for h in json.loads(out)["results"]] == [case_id]


def test_a_likely_duplicate_is_warned_about_on_stderr(capsys, db):
    """The second add still works but says which client it may repeat."""
    run(
        capsys,
        "--db",
        db,
        "cases",
        "add",
        "--name",
        "Rahimov Jamshed",
        "--citizen",
        "TJ",
        "--phone",
        "992901112233",
    )
    code, out, err = run(capsys, "--db", db, "cases", "add", "--name", "Раҳимов Ҷамшед",
                         "--citizen", "TJ", "--phone", "+992 90 111 22 33")  # fmt: skip
    assert code == 0 and out.strip() == "2"
    assert "client 1" in err and "phone" in err


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["--citizen", "XY"], "XY"),
        (["--citizen", "UZ", "--born", "1990-13-01"], "date"),
        (["--citizen", "UZ", "--to", "QQ"], "QQ"),
    ],
)
def test_bad_values_exit_1_with_one_line_on_stderr(capsys, db, argv, fragment):
    """A user error is one clear line, no traceback, exit code 1."""
    code, out, err = run(capsys, "--db", db, "cases", "add", "--name", "Some One", *argv)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and fragment in err and "Traceback" not in err


def test_usage_errors_exit_2(capsys, db):
    """A missing required option or an unknown category is a usage error."""
    with pytest.raises(SystemExit) as info:
        main(["--db", db, "cases", "add", "--citizen", "UZ"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["--db", db, "cases", "list", "--status", "lost"])
    assert info.value.code == 2
    capsys.readouterr()


def test_show_gives_the_whole_case_and_an_unknown_id_is_an_error(capsys, db):
    """``show --json`` has the case, the client and the lists; a missing case exits 1."""
    run(capsys, "--db", db, "cases", "add", "--name", "Өмүрбекова Айгүл", "--citizen", "KG")
    code, out, _ = run(capsys, "--db", db, "cases", "show", "1", "--json")
    detail = json.loads(out)
    assert code == 0 and detail["client"]["name_latin"] == "Ömürbekova Aygül"
    assert set(detail) >= {"case", "client", "consultations", "follow_ups", "referrals", "trips"}
    code, _, err = run(capsys, "--db", db, "cases", "show", "99")
    assert code == 1 and "99" in err


def test_list_filters_by_status_and_due_date(capsys, db):
    """``--status`` and ``--due-before`` narrow the list; JSON carries the total."""
    run(capsys, "--db", db, "cases", "demo", "--count", "60")
    code, out, _ = run(capsys, "--db", db, "cases", "list", "--status", "open", "--json")
    listed = json.loads(out)
    assert code == 0 and listed["cases"] and {c["status"] for c in listed["cases"]} == {"open"}
    code, out, _ = run(capsys, "--db", db, "cases", "list", "--due-before", "2100-01-01", "--json")
    dues = [c["next_due_on"] for c in json.loads(out)["cases"]]
    assert dues and None not in dues and dues == sorted(dues)


def test_export_and_import_round_trip_and_a_bad_file_changes_nothing(capsys, db, tmp_path):
    """``export`` writes the log; ``import`` of it works; a malformed file exits 1 untouched."""
    run(capsys, "--db", db, "cases", "demo", "--count", "10")
    out_file = tmp_path / "log.json"
    code, _, err = run(capsys, "--db", db, "cases", "export", "--out", str(out_file))
    assert code == 0 and "personal data" in err
    other = str(tmp_path / "other.sqlite3")
    code, out, _ = run(capsys, "--db", other, "cases", "import", str(out_file))
    assert code == 0 and "10 clients" in out
    data = json.loads(out_file.read_text(encoding="utf-8"))
    data["cases"][3]["status"] = "lost"
    out_file.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "--db", other, "cases", "import", str(out_file))
    assert code == 1 and "Record 4 of cases" in err
    code, out, _ = run(capsys, "--db", other, "cases", "list", "--json")
    assert json.loads(out)["total"] == len(data["cases"])


def test_stats_come_as_json_and_csv_without_names(capsys, db):
    """Counts only, in both formats; made-up records only when asked for."""
    run(capsys, "--db", db, "cases", "demo", "--count", "30")
    code, out, _ = run(capsys, "--db", db, "cases", "stats", "--json")
    stats = json.loads(out)
    assert code == 0 and stats["totals"]["cases"] == 0 and stats["excluded"]["made_up"] >= 30
    code, out, _ = run(capsys, "--db", db, "cases", "stats", "--csv", "--include-made-up")
    assert code == 0 and out.startswith("dimension,key,count\n") and "category," in out


def test_demo_reports_progress_and_marks_its_records(capsys, db):
    """A large count reports progress on stderr; the records are flagged as made up."""
    code, out, err = run(capsys, "--db", db, "cases", "demo", "--count", "5010", "--seed", "4")
    assert code == 0 and "5010 made-up clients" in out
    assert "made up 5000 of 5010" in err and "made up 5010 of 5010" in err


def test_the_environment_variable_chooses_the_log(capsys, tmp_path, monkeypatch):
    """``MIGRANT_DESK_DB`` is used when ``--db`` is not given."""
    path = tmp_path / "env.sqlite3"
    monkeypatch.setenv("MIGRANT_DESK_DB", str(path))
    run(capsys, "cases", "add", "--name", "Aliyev Sardor", "--citizen", "UZ")
    assert path.exists()
    assert path.stat().st_mode & 0o077 == 0
