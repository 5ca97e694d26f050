"""No file the app writes holds a client's name, phone or notes in plain text."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from tests.security.conftest import PASSPHRASE

NAME = "Zulfizar Qoʻchqorova"
PHONE = "+998901234567"
NOTE = "Trafficked via Tashkent recruiter Xurshidbek"
NEEDLES = [
    "Zulfizar",
    "zulfizar",
    "Qoʻchqorova",
    "qochqorova",
    "Qo'chqorova",
    "998901234567",
    "901234567",
    "Xurshidbek",
    "xurshidbek",
    "AB1234567",
]


def plaintext_hits(folder: Path) -> list[str]:
    """Every (file, needle) found in the raw bytes of every file under ``folder``."""
    hits = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        for needle in NEEDLES:
            for encoding in ("utf-8", "utf-16-le"):
                if needle.encode(encoding) in raw:
                    hits.append(f"{path.name}: {needle} ({encoding})")
    return hits


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """The isolated user data folder, with the passphrase in the environment."""
    folder = tmp_path / "user-data"
    folder.mkdir(exist_ok=True)
    monkeypatch.setenv("MIGRANT_DESK_PASSPHRASE", PASSPHRASE)
    return folder


def _add_sensitive_client(db: str) -> None:
    """The client with every kind of personal data: name, phone, document, notes, case notes."""
    from db.engine import session_scope
    from db.schemas import CaseCreate, ClientCreate, ConsultationCreate
    from desktop.cases.caseops import open_case
    from desktop.cases.clients import create_client
    from desktop.cases.records import add_consultation
    from desktop.cases.storage import open_log

    engine = open_log(db)
    try:
        with session_scope(engine) as session:
            client = create_client(
                session=session,
                client_in=ClientCreate(
                    full_name=NAME,
                    citizenship="UZ",
                    phone=PHONE,
                    document_type="passport",
                    document_number="AB1234567",
                    notes=NOTE,
                ),
            )
            case = open_case(session=session, case_in=CaseCreate(client_id=client.id, notes=NOTE))
            add_consultation(
                session=session,
                consultation_in=ConsultationCreate(
                    case_id=case.id, held_on=case.opened_on, channel="phone", summary=NOTE
                ),
            )
    finally:
        engine.dispose()


def test_database_wal_backups_exports_and_logs_hold_no_personal_data(capsys, data_dir, tmp_path):
    """After add, search, show, backup and export, grep finds no name, phone or note anywhere."""
    db = str(data_dir / "cases.sqlite3")
    code, out, _ = run(capsys, "--db", db, "cases", "add", "--name", NAME, "--citizen", "UZ",
                       "--phone", PHONE)  # fmt: skip
    assert code == 0
    _add_sensitive_client(db)
    code, out, _ = run(capsys, "--db", db, "cases", "search", "zulfizar", "--json")
    assert code == 0 and json.loads(out)["results"][0]["name"] == NAME  # it is really there
    code, out, _ = run(capsys, "--db", db, "cases", "search", "4567")
    assert code == 0 and NAME in out
    assert run(capsys, "--db", db, "cases", "show", "2", "--json")[0] == 0
    assert run(capsys, "--db", db, "db", "backup", str(data_dir / "backups" / "b.sqlite3"))[0] == 0
    code, _, err = run(capsys, "--db", db, "cases", "export", "--out", str(data_dir / "e.json"))
    assert code == 0 and "encrypted" in err
    assert run(capsys, "--db", db, "cases", "stats", "--json")[0] == 0
    code, _, _ = run(capsys, "--db", db, "cases", "export", "--pseudonymised",
                     "--out", str(data_dir / "research.json"))  # fmt: skip
    assert code == 0

    # While the log is open and has just been written: the WAL and -shm files exist too.
    from desktop.cases.search import search_cases
    from desktop.cases.storage import open_log

    engine = open_log(db)
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
            from sqlmodel import Session

            with Session(bind=connection) as session:
                assert search_cases(session=session, query="Qoʻchqorova").results
            connection.exec_driver_sql("UPDATE client SET notes = notes || ' again' WHERE id = 2")
            connection.commit()
            assert Path(f"{db}-wal").exists()
            assert plaintext_hits(data_dir) == []
    finally:
        engine.dispose()
    assert plaintext_hits(data_dir) == []
    assert list(data_dir.glob("*.partial")) == []


def test_crash_log_keeps_code_locations_but_not_the_message(tmp_path, monkeypatch):
    """An unexpected error whose message quotes a client leaves only code locations in the log."""
    import logging

    from PySide6.QtWidgets import QMessageBox

    from desktop.ui import app

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(QMessageBox, "critical", lambda *args, **kwargs: None)
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        root.handlers = []
        app.install_crash_handler()
        try:
            raise ValueError(f"invalid phone {PHONE} for {NAME}")
        except ValueError:
            sys.excepthook(*sys.exc_info())
            logging.getLogger("desktop.ui.tasks").exception("background task failed")
        for handler in root.handlers:
            handler.flush()
        text = Path(app.log_path()).read_text(encoding="utf-8")
    finally:
        for handler in root.handlers:
            handler.close()
        root.handlers = before
    assert "ValueError" in text and "test_crash_log_keeps_code_locations" in text
    assert PHONE not in text and "Zulfizar" not in text
