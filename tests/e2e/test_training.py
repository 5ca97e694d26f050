"""A trainer starts training mode, walks a scenario with the date slider, presents and prints."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from desktop.paths import user_data_dir
from desktop.ui.main_window import WORKSPACES
from desktop.ui.training_mode import title_mark
from tests.e2e.conftest import open_workspace

PROPAGATE = r"This plugin does not support propagateSizeHints"  # offscreen: full screen
RAISE = r"This plugin does not support raise"  # offscreen: bringing a window forward


def _clients(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("select count(*) from client").fetchone()[0]


@pytest.fixture
def training(qtbot, window):
    """The Training workspace of the real window, its scenarios loaded."""
    return open_workspace(qtbot, window, "training")


@pytest.fixture
def training_window(qtbot, window, training):
    """Start training mode with the button, as a trainer does, and wait for the window."""
    with qtbot.waitSignal(training.training_window_opened, timeout=30_000) as opened:
        qtbot.mouseClick(training.start_button, Qt.MouseButton.LeftButton)
    w = opened.args[0]
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w._pages_shown(), timeout=15_000)
    yield w
    w.close()


def test_training_mode_never_opens_the_real_database(window, training_window, desk):
    """The training window uses training.sqlite3 with made-up clients; the real log is untouched."""
    expected = f"sqlite:///{user_data_dir() / 'training.sqlite3'}"
    assert training_window.desk.db_url == expected
    assert training_window.desk is not desk and desk.db_url != expected
    assert window.desk.db_url == desk.db_url
    assert _clients(user_data_dir() / "training.sqlite3") == 200
    real = Path(desk.db_url.removeprefix("sqlite:///"))
    assert _clients(real) == 0
    assert "training.sqlite3" in training_window.db_label.text()
    assert training_window.training is True and not getattr(window, "training", False)


def test_banner_and_title_on_every_workspace(qtbot, window, training_window):
    """Every workspace of the training window shows the banner; the title says [Training]."""
    assert training_window.windowTitle().startswith("[Training]")
    assert "[Training]" not in window.windowTitle()
    banner = training_window.banner
    for entry in WORKSPACES:
        page = open_workspace(qtbot, training_window, entry.key)
        assert training_window.stack.currentWidget() is page
        assert banner.isVisible()
        assert banner.geometry().bottom() <= page.mapTo(training_window, page.rect().topLeft()).y()
    label = banner.findChild(QLabel, "trainingBannerLabel")
    assert label.text() == "TRAINING — made-up data" and label.isVisible()
    assert not banner.toggleViewAction().isVisible(), "the banner cannot be switched off"
    training_page = training_window.page("training")
    assert not training_page.start_button.isVisible()
    assert "training mode" in training_page.mode_note.text()
    training_window.switch_language("ru")
    assert training_window.windowTitle().startswith(title_mark()), "kept in every language"
    training_window.switch_language("en")


@pytest.mark.qt_log_ignore(RAISE)
def test_starting_again_raises_the_same_window(qtbot, training, training_window):
    """A second click brings the open training window forward instead of opening another."""
    qtbot.mouseClick(training.start_button, Qt.MouseButton.LeftButton)
    assert training.training_window is training_window


def test_slider_shows_days_used_and_left(qtbot, training):
    """Sliding through Aigerim's stay: the window fills, plateaus, then the limit bites."""
    training.select_scenario("kg-kz-rolling-window-2025")
    player = training.step_view.player
    assert player.current_day() == date(2025, 3, 1), "starts on the step's day of the question"
    assert (player.used_label.text(), player.left_label.text()) == ("84 of 90", "6")
    assert player.exit_label.text() == "May 5, 2025"

    def at(day):
        player.slider.setValue(player.span.index_of(day))
        return player.used_label.text(), player.left_label.text(), player.status_label.text()

    assert at(date(2025, 1, 15)) == ("80 of 90", "10", "Not in the country on this day")
    assert at(date(2025, 4, 10)) == ("84 of 90", "6", "Within the limit")
    assert at(date(2025, 5, 5)) == ("90 of 90", "0", "Within the limit")
    player.slider.setFocus()
    qtbot.keyClick(player.slider, Qt.Key.Key_Right)
    assert player.current_day() == date(2025, 5, 6)
    assert player.used_label.text() == "91 of 90"
    assert player.status_label.text().startswith("OVERSTAY since May 6, 2025")
    assert player.status_label.property("kind") == "overdue"
    assert player.timeline.data.overstay_from == date(2025, 5, 6)
    said = [label.text() for label in training.step_view.consequence_labels]
    assert "Overstay from May 6, 2025: staying on is unlawful." in said


def test_play_walks_day_by_day(qtbot, training):
    """Play moves the slider forward a day at a time until paused."""
    training.select_scenario("kz-uz-visa-runs-2022-2023")
    training.show_step(1)
    player = training.step_view.player
    start = player.current_day()
    qtbot.mouseClick(player.play, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: player.current_day() >= start.replace(day=start.day + 3), timeout=5000)
    qtbot.mouseClick(player.play, Qt.MouseButton.LeftButton)
    assert player.play.text() == "Play"


def test_steps_show_the_rule_quotation_and_consequence(qtbot, training):
    """Each step names the rule in force with its quotation and says what follows."""
    training.select_scenario("ru-uz-registration-2020-2022")
    view = training.step_view
    assert view.title.text() == "March 2020: seven days to register"
    ids = [w.rule.id for w in view.rule_widgets]
    assert ids[0] == "ru-registration-uz-before-2021" and "ru-stay-limit-gap" in ids
    assert "standard of 7 days" in view.rule_widgets[0].quote_labels[0].text()
    assert "3 days after the deadline" in view.consequence_labels[0].text()
    qtbot.mouseClick(training.next_step, Qt.MouseButton.LeftButton)
    assert training.step_index == 1 and not training.next_step.isEnabled()
    assert view.rule_widgets[0].rule.id == "ru-registration-uz-2021"
    assert "deadline of March 16, 2022 met" in view.consequence_labels[0].text()


@pytest.mark.qt_log_ignore(PROPAGATE)
def test_presentation_full_screen_keys_and_esc(qtbot, training):
    """F5 presents full screen; arrows move a day, PgDn a step; Esc leaves on the same step."""
    training.select_scenario("kz-uz-visa-runs-2022-2023")
    qtbot.keyClick(training, Qt.Key.Key_F5)
    view = training.presentation
    qtbot.waitUntil(view.isVisible)
    assert view.isFullScreen()
    assert view.view.title.font().pointSizeF() > training.step_view.title.font().pointSizeF() * 1.4
    day = view.view.player.current_day()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.view.player.current_day() == date.fromordinal(day.toordinal() + 1)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.index == 1 and view.view.title.text().startswith("January 2023")
    with qtbot.waitSignal(view.closed):
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible()
    assert training.step_index == 1


def test_rule_history_from_2009_to_2021(qtbot, training):
    """Registration in Russia for Uzbek citizens: 3, then 7, then 15 days, with quotations."""
    training.select_scenario("ru-uz-registration-2020-2022")
    qtbot.mouseClick(training.history_button, Qt.MouseButton.LeftButton)
    panel = training.history
    assert training.tabs.currentWidget() is panel
    assert [e.rule.value["days"] for e in panel.entries] == [3, 7, 15]
    assert panel.summary.text().startswith("3 records")
    panel.destination.set_code("KZ")
    panel.topic.setCurrentIndex(panel.topic.findData("stay_limit"))
    assert [e.rule.id for e in panel.entries][-1] == "kz-stay-visa-free-2023"


@pytest.mark.qt_log_ignore(PROPAGATE)
def test_quiz_reveal_and_present(qtbot, training):
    """A card's answer is hidden until revealed; the set goes on the projector."""
    training.tabs.setCurrentWidget(training.quiz)
    quiz = training.quiz
    assert quiz.question.text() and not quiz.answer.isVisible()
    qtbot.mouseClick(quiz.reveal_button, Qt.MouseButton.LeftButton)
    assert quiz.answer.isVisible() and quiz.answer.text() == "Answer: " + quiz.cards[0].answer
    assert quiz.source.text()
    quiz.destination.setCurrentIndex(quiz.destination.findData("RU"))
    assert {c.destination for c in quiz.cards} == {"RU"} and not quiz.answer.isVisible()
    quiz.present_requested.emit()
    view = training.presentation
    qtbot.waitUntil(view.isVisible)
    assert not view.answer.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.answer.isVisible() and view.answer.text() == "Answer: " + quiz.cards[0].answer
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert view.index == 1 and not view.answer.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Escape)


def test_open_a_trainers_scenario_file(qtbot, training, tmp_path, monkeypatch):
    """Open scenario file… adds the trainer's story; a wrong expectation is pointed out."""
    path = tmp_path / "zarina.toml"
    path.write_text(
        (Path(__file__).parents[2] / "resources/scenarios/05-kz-kg-thirty-days-at-a-time.toml")
        .read_text(encoding="utf-8")
        .replace("kz-kg-thirty-days-at-a-time", "zarina-own")
        .replace("latest_exit = 2024-03-30", "latest_exit = 2024-04-30"),
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    open_button = next(
        b for b in training.findChildren(QPushButton) if b.text() == "Open scenario file…"
    )
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: training.scenario is not None and training.scenario.id == "zarina-own")
    assert "Your file: zarina.toml" in training.scenario_list.currentItem().text()
    assert training.step_view.check.isVisible()
    assert "latest_exit: the file says 2024-04-30" in training.step_view.check.text()


def test_export_scenario_handout(qtbot, training, tmp_path, monkeypatch):
    """Export handout… writes a PDF in the chosen language, off the GUI thread."""
    target = tmp_path / "handout.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    training.select_scenario("kg-kz-before-after-september-2024")
    training.language.setCurrentIndex(training.language.findData("ru"))
    with qtbot.waitSignal(training.status_message, timeout=20_000) as saved:
        qtbot.mouseClick(training.export_button, Qt.MouseButton.LeftButton)
    assert str(target) in saved.args[0]
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and b"DejaVuSans" in data and b"Helvetica" not in data
