"""A writer killed with SIGKILL loses nothing it committed and leaves a sound case log."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from desktop.cases.storage import check_log

WRITER = r"""
import sys
from datetime import date
from db.engine import session_scope
from db.schemas import CaseCreate, ClientCreate, FollowUpCreate
from desktop.cases.caseops import open_case
from desktop.cases.clients import create_client
from desktop.cases.records import add_follow_up
from desktop.cases.storage import open_log

engine = open_log(sys.argv[1])
i = 0
while True:
    i += 1
    with session_scope(engine) as session:
        client = create_client(
            session=session,
            client_in=ClientCreate(full_name=f"Тестов {i}", citizenship="KG", notes="x" * 2000),
        )
        case = open_case(session=session, case_in=CaseCreate(client_id=client.id, destination="RU"))
        for day in range(1, 20):
            step = FollowUpCreate(case_id=case.id, due_on=date(2030, 1, day), what="step")
            add_follow_up(session=session, follow_up_in=step)
    print(client.id, case.id, flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_mid_write_loses_no_committed_record(tmp_path):
    """Every case the writer reported committed is there, whole, and ``db check`` passes."""
    url = f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, url],
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    committed = []
    try:
        assert writer.stdout is not None
        while len(committed) < 25:
            line = writer.stdout.readline()
            assert line, "the writer stopped before it was killed"
            committed.append(tuple(int(x) for x in line.split()))
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
    assert writer.returncode == -signal.SIGKILL

    report = check_log(url)
    assert report.ok, report.problems
    from sqlmodel import Session

    from desktop.cases.storage import open_log

    engine = open_log(url)
    with Session(engine) as session:
        connection = session.connection()
        clients = {r[0] for r in connection.exec_driver_sql("SELECT id FROM client")}
        cases = dict(connection.exec_driver_sql("SELECT id, client_id FROM case_file").all())
        steps = dict(
            connection.exec_driver_sql(
                "SELECT case_id, count(*) FROM follow_up GROUP BY case_id"
            ).all()
        )
    engine.dispose()
    for client_id, case_id in committed:
        assert client_id in clients and cases[case_id] == client_id
    # No transaction was half-applied: every client has its case, every case all 19 follow-ups.
    assert set(cases.values()) == clients
    assert set(steps.values()) == {19}
