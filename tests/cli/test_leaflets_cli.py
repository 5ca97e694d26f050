"""``migrant-desk leaflet`` and ``leaflets``: the commands scripts and coordinators run."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def words(path: Path) -> str:
    text = " ".join(p.extract_text() for p in PdfReader(path).pages)
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.fixture
def org():
    """The NGO's contact block, saved in the (test's own) settings file."""
    folder = Path(os.environ["MIGRANT_DESK_DATA_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    settings = {"org_name": "Safe Journey Centre", "org_phone": "+998 71 123 45 67"}
    (folder / "settings.json").write_text(json.dumps(settings), encoding="utf-8")


def test_leaflet_writes_a_pdf_for_the_default_citizenship(capsys, tmp_path, org):
    """Without --citizen the Settings' default (UZ) is used, and the leaflet says so."""
    out = tmp_path / "ru.pdf"
    code, stdout, err = run(
        capsys, "leaflet", "--to", "RU", "--lang", "en", "--on", "2024-03-01", "-o", str(out)
    )
    assert code == 0, err
    assert "citizens of UZ" in stdout and str(out) in stdout
    text = words(out)
    assert "For citizens of Uzbekistan" in text
    assert "15 days from arrival" in text
    assert "Valid as of March 1, 2024" in text
    assert "Safe Journey Centre" in text


def test_a5_bilingual_client_leaflet_from_entry_date(capsys, tmp_path, org):
    """--name and --entry print the client's own dates; the surname is not printed."""
    out = tmp_path / "client.pdf"
    code, _out, err = run(
        capsys,
        "leaflet",
        "--to",
        "RU",
        "--lang",
        "ky",
        "--citizen",
        "uz",
        "--size",
        "a5",
        "--bilingual",
        "--name",
        "Aziz Karimov",
        "--entry",
        "2024-03-01",
        "--on",
        "2024-03-01",
        "-o",
        str(out),
    )
    assert code == 0, err
    text = words(out)
    assert "Aziz" in text and "Karimov" not in text
    assert "16-март" in text or "16 марта" in text  # Kyrgyz or Russian date of 16 March


def test_missing_organisation_is_pointed_out(capsys, tmp_path):
    """With an empty contact block the command warns on stderr but still prints."""
    code, _out, err = run(capsys, "leaflet", "--to", "KZ", "-o", str(tmp_path / "kz.pdf"))
    assert code == 0
    assert "contact block is empty" in err


def test_unknown_or_uncovered_destination_is_one_line_on_stderr(capsys, tmp_path):
    """A typo or a country with no rules exits 1 with one clear line and writes nothing."""
    for code_text in ("XX", "BR"):
        code, _out, err = run(capsys, "leaflet", "--to", code_text, "-o", str(tmp_path / "x.pdf"))
        assert code == 1
        assert len(err.strip().splitlines()) == 1 and err.startswith("migrant-desk: ")
    assert not (tmp_path / "x.pdf").exists()


def test_options_that_do_not_go_together_are_refused(capsys, tmp_path):
    """--trip without --entry, or --case with --name, is a one-line error."""
    for extra in (
        ["--trip", "2024-01-01:2024-01-20"],
        ["--case", "1", "--name", "Aziz"],
        ["--entry", "2024-03-01", "--trip", "2024-01-01"],
    ):
        code, _out, err = run(
            capsys, "leaflet", "--to", "RU", "-o", str(tmp_path / "x.pdf"), *extra
        )
        assert code == 1 and err.startswith("migrant-desk: ")
        assert len(err.strip().splitlines()) == 1


def test_unknown_language_is_a_usage_error(capsys, tmp_path):
    """--lang takes one of the five languages; anything else exits 2."""
    with pytest.raises(SystemExit) as exc:
        main(["leaflet", "--to", "RU", "--lang", "de", "-o", str(tmp_path / "x.pdf")])
    assert exc.value.code == 2


def test_batch_prints_a_progress_line_per_file(capsys, tmp_path, org):
    """`leaflets` writes every destination × language asked for, one line per file."""
    code, out, err = run(
        capsys,
        "leaflets",
        "--out",
        str(tmp_path),
        "--lang",
        "en",
        "tg",
        "--to",
        "RU",
        "KZ",
        "--on",
        "2024-03-01",
    )
    assert code == 0, err
    lines = out.strip().splitlines()
    assert [line.split()[0] for line in lines] == ["[1/4]", "[2/4]", "[3/4]", "[4/4]"]
    names = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert names == ["kz-uz-en.pdf", "kz-uz-tg.pdf", "ru-uz-en.pdf", "ru-uz-tg.pdf"]
    assert "Рус" in words(tmp_path / "ru-uz-tg.pdf")  # Tajik name of Russia, from Babel


def test_batch_defaults_to_every_destination_in_five_languages(capsys, tmp_path):
    """With no --to and --lang, every destination of the rule book comes in all languages."""
    from desktop.rules import load_rulebook

    code, out, _err = run(capsys, "leaflets", "--out", str(tmp_path))
    assert code == 0
    expected = len(load_rulebook().destinations()) * 5
    assert len(out.strip().splitlines()) == expected == len(list(tmp_path.glob("*.pdf")))


def _case_log(tmp_path: Path, monkeypatch) -> int:
    """A case log file with one client, a current trip to Russia and a follow-up."""
    from db.engine import session_scope
    from db.schemas import CaseCreate, ClientCreate, FollowUpCreate, TripCreate
    from desktop.cases.caseops import open_case
    from desktop.cases.clients import create_client
    from desktop.cases.records import add_follow_up, add_trip
    from desktop.cases.storage import open_log

    monkeypatch.setenv("MIGRANT_DESK_DB", str(tmp_path / "cases.sqlite3"))
    engine = open_log(None)
    try:
        with session_scope(engine) as session:
            client = create_client(
                session=session,
                client_in=ClientCreate(
                    full_name="Азиз Каримов", citizenship="UZ", phone="+998 90 111 22 33"
                ),
            )
            case = open_case(session=session, case_in=CaseCreate(client_id=client.id))
            add_trip(
                session=session,
                trip_in=TripCreate(
                    client_id=client.id, destination="RU", entry_on=date(2024, 3, 1)
                ),
            )
            add_follow_up(
                session=session,
                follow_up_in=FollowUpCreate(
                    case_id=case.id, due_on=date(2024, 3, 12), what="bring the patent receipt"
                ),
            )
            return int(case.id)
    finally:
        engine.dispose()


def test_case_leaflet_prints_the_clients_dates_and_nothing_private(capsys, tmp_path, monkeypatch):
    """--case reads the case log: first name and dates only, no surname, phone or note."""
    case_id = _case_log(tmp_path, monkeypatch)
    out = tmp_path / "case.pdf"
    code, _out, err = run(
        capsys,
        "leaflet",
        "--to",
        "RU",
        "--lang",
        "ru",
        "--case",
        str(case_id),
        "--on",
        "2024-03-01",
        "-o",
        str(out),
    )
    assert code == 0, err
    text = words(out)
    assert "Азиз" in text
    for private in ("Каримов", "111 22 33", "patent receipt"):
        assert private not in text
    assert "16 марта 2024" in text and "12 марта 2024" in text


def test_unknown_case_is_a_user_error(capsys, tmp_path, monkeypatch):
    """A case number that does not exist exits 1 with one line."""
    _case_log(tmp_path, monkeypatch)
    code, _out, err = run(
        capsys, "leaflet", "--to", "RU", "--case", "999", "-o", str(tmp_path / "x.pdf")
    )
    assert code == 1 and len(err.strip().splitlines()) == 1
