"""A counsellor looks up the rule sheet and adds the office's own verified rule."""

from __future__ import annotations

from datetime import date

from tests.e2e.conftest import open_workspace


def card_titles(page):
    return [(c.rule.topic, c.rule.status, c.rule.local) for c in page.cards]


def test_sheet_for_a_tajik_citizen_in_russia(qtbot, window):
    """Ctrl+2, pick Tajikistan and Russia: the cards show rules, gaps and their sources."""
    page = open_workspace(qtbot, window, "rules")
    assert window.stack.currentWidget() is page
    page.destination.set_code("RU")
    page.citizen.set_code("TJ")
    page.on_date.set_date(date(2024, 3, 1))
    topics = {c.rule.topic for c in page.cards}
    assert {"registration", "stay_limit", "work_licence", "cost", "contact"} <= topics
    reg = next(c for c in page.cards if c.rule.topic == "registration")
    assert reg.rule.is_gap
    assert "Tajikistan" in reg.rule.text
    patent = next(c for c in page.cards if c.rule.id == "ru-work-licence-patent-tj-uz")
    assert patent.quote_label is not None and not patent.quote_label.isVisibleTo(page)
    qtbot.waitUntil(patent.quote_toggle.isVisible)
    patent.quote_toggle.click()
    assert patent.quote_label.isVisibleTo(page)
    assert "943" in patent.quote_label.text()
    assert "Tajikistan" in page.summary.text()


def test_local_rule_wins_from_its_date(qtbot, window, monkeypatch):
    """A verified local rule saved from the gap card replaces the gap from its effective date."""
    from desktop.ui import local_rule_dialog

    page = open_workspace(qtbot, window, "rules")
    page.destination.set_code("RU")
    page.citizen.set_code("TJ")
    page.on_date.set_date(date(2024, 3, 1))
    gap = next(c for c in page.cards if c.rule.topic == "registration")

    def fill_and_accept(dialog):
        dialog.effective_from.set_date(date(2024, 1, 10))
        dialog.reg_days.setValue(15)
        dialog.text.setPlainText("Citizens of Tajikistan register within 15 days.")
        dialog.source_title.setText("Federal Law 109-FZ, art. 20")
        dialog.checked_by.setText("Counsellor A")
        dialog._on_save_clicked()
        return dialog.result()

    monkeypatch.setattr(local_rule_dialog.LocalRuleDialog, "exec", fill_and_accept)
    gap.add_rule_requested.emit(gap.rule)
    qtbot.waitUntil(
        lambda: any(c.rule.local for c in page.cards if c.rule.topic == "registration"),
        timeout=15_000,
    )
    reg = next(c for c in page.cards if c.rule.topic == "registration")
    assert reg.rule.value["days"] == 15 and reg.rule.local
    page.on_date.set_date(date(2024, 1, 9))
    reg = next(c for c in page.cards if c.rule.topic == "registration")
    assert not reg.rule.local and reg.rule.is_gap
