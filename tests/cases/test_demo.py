"""Made-up logs for training: deterministic, clearly marked, in every script, consistent."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from db.maintenance import integrity_problems
from desktop.cases.demo import make_demo
from desktop.cases.storage import open_log

DAY = date(2024, 3, 1)


def _people(engine):
    with Session(engine) as session:
        return (
            session.connection()
            .exec_driver_sql(
                "SELECT full_name, phone, document_number, birth_date FROM client ORDER BY id"
            )
            .all()
        )


def test_the_same_seed_and_day_make_the_same_people(tmp_path):
    """Two logs made with one seed hold the same names, phones and documents."""
    logs = []
    for name in ("a.sqlite3", "b.sqlite3", "c.sqlite3"):
        engine = open_log(str(tmp_path / name))
        with Session(engine) as session:
            make_demo(session=session, count=50, seed=1 if name != "c.sqlite3" else 2, today=DAY)
        logs.append(_people(engine))
        engine.dispose()
    assert logs[0] == logs[1]
    assert logs[0] != logs[2]


def test_every_made_up_record_is_marked_and_names_come_in_every_script(engine):
    """All rows carry ``made_up``; Tajik, Kyrgyz, Russian Cyrillic and Uzbek Latin (ʻ) appear."""
    progress = []
    with Session(engine) as session:
        make_demo(session=session, count=400, seed=7, today=DAY, batch_size=150,
                  progress=lambda done, total: progress.append(done))  # fmt: skip
        connection = session.connection()
        for table in ("client", "case_file", "trip", "consultation", "follow_up", "referral"):
            assert (
                connection.exec_driver_sql(
                    f"SELECT count(*) FROM {table} WHERE made_up = 0"
                ).scalar()
                == 0
            )
        names = " ".join(r[0] for r in connection.exec_driver_sql("SELECT full_name FROM client"))
    assert progress == [150, 300, 400]
    assert any(ch in names for ch in "ҳҷқӯӣ")  # Tajik Cyrillic
    assert any(ch in names for ch in "ңөү")  # Kyrgyz Cyrillic
    assert "Каримов" in names or "Юсупов" in names or "Рахимов" in names  # Russian Cyrillic
    assert "oʻ" in names.lower() or "gʻ" in names.lower()  # Uzbek Latin, U+02BB
    assert "'" not in names


def test_a_made_up_log_is_sound_and_its_derived_dates_agree(engine):
    """The log is sound, trips never overlap, each case's next due date is its follow-ups'."""
    with Session(engine) as session:
        make_demo(session=session, count=300, seed=5, today=DAY)
        connection = session.connection()
        overlapping = connection.exec_driver_sql(
            "SELECT count(*) FROM trip a JOIN trip b ON a.client_id = b.client_id AND a.id < b.id"
            " WHERE a.entry_on <= coalesce(b.exit_on, '9999-12-31')"
            " AND b.entry_on <= coalesce(a.exit_on, '9999-12-31')"
        ).scalar()
        wrong_due = connection.exec_driver_sql(
            "SELECT count(*) FROM case_file c WHERE c.status != 'closed' AND c.next_due_on IS NOT"
            " (SELECT min(due_on) FROM follow_up f WHERE f.case_id = c.id AND f.done = 0)"
        ).scalar()
    assert overlapping == 0
    assert wrong_due == 0
    assert integrity_problems(engine) == []
