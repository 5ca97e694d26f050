"""Counsellor workflows in the Cases, Today and Calculator workspaces, clicked and typed."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from tests.e2e.conftest import open_workspace


def add_client(desk, name, citizenship="UZ", destination="RU"):
    """Create a client and a case through the services, as an earlier visit would have."""
    from db.schemas import CaseCreate, ClientCreate
    from desktop.cases.caseops import open_case
    from desktop.cases.clients import create_client

    def work(session, who=None):
        client = create_client(
            session=session, client_in=ClientCreate(full_name=name, citizenship=citizenship)
        )
        case = open_case(
            session=session, case_in=CaseCreate(client_id=client.id, destination=destination)
        )
        return case.id

    return desk.call(work)


def test_typing_karimov_finds_the_cyrillic_name(qtbot, window, desk):
    """On Today, typing "karimov" finds "Каримов Алишер" and Enter opens the case."""
    case_id = add_client(desk, "Каримов Алишер")
    add_client(desk, "Sobirova Feruza")
    today = window.page("today")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert today.search.hasFocus() or window.current_key() == "today"
    qtbot.keyClicks(today.search, "karimov")
    qtbot.waitUntil(lambda: today.search_model.rowCount() == 1, timeout=10_000)
    hit = today.search_model.row_at(0)
    assert hit.name == "Каримов Алишер" and hit.case_id == case_id
    qtbot.keyClick(today.search, Qt.Key.Key_Return)
    cases = window.page("cases")
    qtbot.waitUntil(lambda: cases.case_view.detail is not None, timeout=10_000)
    assert window.current_key() == "cases"
    assert cases.case_view.name.text() == "Каримов Алишер"


def test_recording_a_consultation(qtbot, window, desk):
    """Open a case, type a summary, press Ctrl+Enter: it is saved and listed first."""
    case_id = add_client(desk, "Rahimova Oʻgʻiloy")
    cases = open_workspace(qtbot, window, "cases")
    cases.open_case(case_id)
    view = cases.case_view
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
    view.tabs.setCurrentIndex(1)
    view.c_summary.setFocus()
    qtbot.keyClicks(view.c_summary, "Explained the 15-day registration and where to register.")
    assert cases.has_unsaved_changes()
    qtbot.keyClick(view.c_summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.consultations.count() == 1, timeout=10_000)
    assert "15-day registration" in view.consultations.item(0).text()
    assert not cases.has_unsaved_changes()

    from desktop.cases.caseops import get_case_detail

    detail = desk.call(get_case_detail, case_id=case_id)
    assert [c.summary for c in detail.consultations] == [
        "Explained the 15-day registration and where to register."
    ]


def test_new_client_deadlines_become_follow_ups(qtbot, window, desk, monkeypatch):
    """Ctrl+N adds a client; from the case, the calculator's dates become follow-ups."""
    from desktop.ui import client_dialog

    def fill_and_save(dialog):
        dialog.name.setText("Qodirov Daler")
        dialog.citizen.set_code("UZ")
        dialog.destination.set_code("RU")
        dialog.consent.setChecked(True)
        dialog._on_save_clicked()
        qtbot.waitUntil(lambda: dialog.created_case_id is not None, timeout=10_000)
        return client_dialog.NewClientDialog.DialogCode.Accepted

    monkeypatch.setattr(client_dialog.NewClientDialog, "exec", fill_and_save)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    cases = window.page("cases")
    qtbot.waitUntil(lambda: cases.case_view.detail is not None, timeout=10_000)
    view = cases.case_view
    assert view.name.text() == "Qodirov Daler"

    # the client arrived three days ago
    arrived = date.today() - timedelta(days=3)
    view.t_dest.set_code("RU")
    view.t_entry.set_date(arrived)
    view.add_trip()
    qtbot.waitUntil(lambda: view.trips.count() == 1, timeout=10_000)

    calculator = window.page("calculator")
    qtbot.mouseClick(view.calc_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: calculator.result is not None, timeout=10_000)
    assert window.current_key() == "calculator"
    assert calculator.entry.value() == arrived
    due = arrived + timedelta(days=15)
    assert calculator.result.registration.due == due
    assert calculator.follow_ups.isEnabled()
    qtbot.mouseClick(calculator.follow_ups, Qt.MouseButton.LeftButton)

    from desktop.cases.caseops import get_case_detail

    def follow_ups():
        return desk.call(get_case_detail, case_id=view.case_id).follow_ups

    qtbot.waitUntil(lambda: len(follow_ups()) >= 1, timeout=10_000)
    assert [(f.due_on, f.rule_id) for f in follow_ups()] == [(due, "ru-registration-uz-2021")]


def test_switching_the_interface_language(qtbot, window, desk):
    """Saving Russian in Settings relabels the side bar and workspaces at once."""
    settings = open_workspace(qtbot, window, "settings")
    combo = settings.editors["language"]
    combo.setCurrentIndex(combo.findData("ru"))
    assert settings.has_unsaved_changes()
    qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.sidebar.item(1).text() != "Rules", timeout=5_000)
    from desktop.i18n import current_language, gettext

    assert current_language() == "ru"
    assert window.sidebar.item(1).text() == gettext("Rules")
    assert desk.settings.get("language") == "ru"
    rules = open_workspace(qtbot, window, "rules")
    assert rules.add_button.text() == gettext("Add a verified rule…")
