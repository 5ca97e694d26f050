"""Every table model of the window passes Qt's model checks with real rows in it."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.fixture
def demo_desk(tmp_path):
    """A desk on a fresh case log with 60 made-up clients."""
    from desktop.cases.demo import make_demo
    from desktop.desk import Desk

    desk = Desk(db_url=f"sqlite:///{tmp_path / 'cases.sqlite3'}")
    desk.call(make_demo, count=60, seed=3)
    yield desk
    from desktop.ui.tasks import wait_for_tasks

    wait_for_tasks()
    desk.close()


def test_trips_model(qtmodeltester):
    """The calculator's editable trips table."""
    from desktop.ui.trips_model import TripsModel

    model = TripsModel()
    model.set_rows([(date(2024, 1, 1), date(2024, 1, 20)), (date(2024, 2, 1), date(2024, 2, 3))])
    qtmodeltester.check(model)
    assert model.data(model.index(0, TripsModel.COL_DAYS)) == 20


def test_case_list_model_fetches_pages_lazily(qtbot, qtmodeltester, demo_desk, monkeypatch):
    """The case list loads a first page, then more when the view asks, and stays consistent."""
    from desktop.ui import cases_model
    from desktop.ui.cases_model import CaseListModel

    monkeypatch.setattr(cases_model, "PAGE", 25)
    model = CaseListModel(demo_desk)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.reload()
    assert model.rowCount() == 25 and model.total > 25
    assert model.canFetchMore()
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.fetchMore()
    assert model.rowCount() == 50
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.sort(CaseListModel.COL_CLIENT)
    names = [model.row_at(i).name_latin for i in range(model.rowCount())]
    assert names == sorted(names, key=str.casefold) or names == sorted(names)


def test_today_models(qtmodeltester, demo_desk):
    """Follow-ups, recent cases and search hits as the Today workspace shows them."""
    from desktop.ui.list_models import CasesModel, FollowUpsModel, SearchModel

    overview = demo_desk.today_overview()
    follow = FollowUpsModel(overdue=True)
    follow.set_rows(overview["overdue"])
    recent = CasesModel()
    recent.set_rows(overview["recent"])
    search = SearchModel()
    first = overview["recent"][0]
    search.set_rows(demo_desk.search(first.name_latin.split()[0]).results)
    for model in (follow, recent, search):
        qtmodeltester.check(model)
    assert recent.rowCount() == len(overview["recent"]) > 0
    assert search.rowCount() >= 1
