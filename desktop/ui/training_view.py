"""Training workspace: worked scenarios with the timeline player, rule history, quizzes.

From here a trainer starts training mode (a separate window on made-up clients), walks
through a scenario step by step, puts it on the projector, prints it as a handout, shows
how a rule changed across the sources, and runs quiz cards. Trainers' own scenario files
(same format as the bundled ones) are opened here and remembered.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.desk import Desk
from desktop.i18n import gettext as _
from desktop.i18n import ngettext
from desktop.paths import user_data_dir
from desktop.rules import Problem, RuleBook
from desktop.training import Scenario, ScenarioSet, check_against_book, load_scenario_file
from desktop.training.database import TrainingDatabase, ensure_training_database, is_training_url
from desktop.training.narrate import person_line, tr
from desktop.ui.style import STATUS_COLOURS, headline_label
from desktop.ui.tasks import run_task
from desktop.ui.training_history import HistoryPanel
from desktop.ui.training_quiz import QuizPanel, language_combo
from desktop.ui.training_step import StepView
from desktop.ui.workspace import Workspace

FILES_KEY = "training/scenario_files"


def load_training_data(desk: Desk, extra: list[str]) -> tuple[RuleBook, ScenarioSet]:
    """The rule book and the scenarios (bundled, then the trainer's files); off the GUI thread."""
    from desktop.training import load_scenarios

    book = desk.rulebook()
    found = load_scenarios(extra=[p for p in extra if Path(p).is_file()])
    for scenario in found.scenarios:
        found.problems.extend(check_against_book(scenario, book))
    return book, found


def load_files(book: RuleBook, paths: list[str]) -> ScenarioSet:
    found = ScenarioSet()
    for path in paths:
        one = load_scenario_file(path)
        for scenario in one.scenarios:
            one.problems.extend(check_against_book(scenario, book))
        found.extend(one)
    return found


class TrainingWorkspace(Workspace):
    """Scenarios, rule history and quiz in tabs, training mode one click away.

    Signals:
        training_window_opened(object): the training window was opened (the window).
    """

    training_window_opened = Signal(object)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.training = is_training_url(desk.db_url)
        self.book: RuleBook | None = None
        self.scenarios = ScenarioSet()
        self.scenario: Scenario | None = None
        self.step_index = 0
        self.training_window: Any = None
        self.presentation: Any = None

        self.tabs = QTabWidget()
        self.tabs.addTab(self._scenarios_tab(), _("Scenarios"))
        self.history = HistoryPanel()
        self.tabs.addTab(self.history, _("Rule history"))
        self.quiz = QuizPanel()
        self.quiz.status_message.connect(self.status_message)
        self.quiz.present_requested.connect(self.present_quiz)
        self.tabs.addTab(self.quiz, _("Quiz"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(self._mode_row())
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.present)

    # ----- building --------------------------------------------------------------------
    def _mode_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.mode_note = QLabel()
        self.mode_note.setWordWrap(True)
        self.start_button = QPushButton(_("Start training mode"))
        self.start_button.setDefault(True)
        self.start_button.setToolTip(_("Open a separate window on made-up clients"))
        self.start_button.clicked.connect(self.start_training)
        self.rebuild_button = QPushButton(_("Rebuild training data…"))
        self.rebuild_button.clicked.connect(self._on_rebuild_clicked)
        if self.training:
            self.mode_note.setText(
                _("You are in training mode: this window shows made-up clients only.")
            )
            self.mode_note.setStyleSheet(f"color: {STATUS_COLOURS['gap']}; font-weight: 600;")
            self.start_button.hide()
            self.rebuild_button.hide()
        else:
            self.mode_note.setText(
                _(
                    "Training mode opens a separate window on made-up clients, marked on every "
                    "screen. Nothing entered there reaches the real case log."
                )
            )
        row.addWidget(self.mode_note, 1)
        row.addWidget(self.rebuild_button)
        row.addWidget(self.start_button)
        return row

    def _scenarios_tab(self) -> QWidget:
        self.scenario_list = QListWidget()
        self.scenario_list.setWordWrap(True)
        self.scenario_list.setSpacing(3)
        self.scenario_list.currentRowChanged.connect(self._on_scenario_row_changed)
        open_button = QPushButton(_("Open scenario file…"))
        open_button.clicked.connect(self._on_open_clicked)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {STATUS_COLOURS['overdue']};")
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QVBoxLayout()
        left.addWidget(self.scenario_list, 1)
        left.addWidget(open_button)
        left.addWidget(self.problems)
        left_host = QWidget()
        left_host.setLayout(left)
        left_host.setMaximumWidth(340)

        self.title = headline_label("", factor=1.5)
        self.person = QLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.previous_step = QPushButton(_("◀ Previous step"))
        self.next_step = QPushButton(_("Next step ▶"))
        self.step_combo = QComboBox()
        self.step_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.step_combo.setMinimumContentsLength(16)
        self.previous_step.clicked.connect(lambda: self.show_step(self.step_index - 1))
        self.next_step.clicked.connect(lambda: self.show_step(self.step_index + 1))
        self.step_combo.activated.connect(self.show_step)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_step)
        nav.addWidget(self.step_combo, 1)
        nav.addWidget(self.next_step)
        self.step_view = StepView()

        self.present_button = QPushButton(_("Present (F5)"))
        self.present_button.clicked.connect(self.present)
        self.history_button = QPushButton(_("How this rule changed"))
        self.history_button.clicked.connect(self._on_history_clicked)
        self.language = language_combo()
        self.export_button = QPushButton(_("Export handout as PDF…"))
        self.export_button.clicked.connect(self._on_export_clicked)
        actions = QHBoxLayout()
        actions.addWidget(self.present_button)
        actions.addWidget(self.history_button)
        actions.addStretch(1)
        actions.addWidget(QLabel(_("Handout language")))
        actions.addWidget(self.language)
        actions.addWidget(self.export_button)

        page = QWidget()
        right = QVBoxLayout(page)
        right.addWidget(self.title)
        right.addWidget(self.person)
        right.addWidget(self.summary)
        right.addLayout(actions)
        right.addLayout(nav)
        right.addWidget(self.step_view)
        right.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(page)

        tab = QWidget()
        row = QHBoxLayout(tab)
        row.addWidget(left_host)
        row.addWidget(scroll, 1)
        return tab

    # ----- loading ---------------------------------------------------------------------
    def first_show(self) -> None:
        files = [str(p) for p in (QSettings().value(FILES_KEY) or [])]
        run_task(
            load_training_data,
            self.desk,
            files,
            on_done=self._on_loaded,
            on_failed=self.problems.setText,
        )

    def _on_loaded(self, loaded: tuple[RuleBook, ScenarioSet]) -> None:
        self.book, self.scenarios = loaded
        self._show_problems(self.scenarios.problems)
        self._fill_list()
        self.history.set_book(self.book)
        self.quiz.set_data(self.book, self.scenarios.scenarios)
        self.data_ready.emit()

    def _fill_list(self, select: str | None = None) -> None:
        self.scenario_list.blockSignals(True)
        self.scenario_list.clear()
        for scenario in self.scenarios.scenarios:
            text = tr(scenario.title)
            if not scenario.bundled:
                text += "\n" + _("Your file: %s") % scenario.file
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, scenario.id)
            item.setToolTip(tr(scenario.summary))
            self.scenario_list.addItem(item)
        self.scenario_list.blockSignals(False)
        ids = [s.id for s in self.scenarios.scenarios]
        row = ids.index(select) if select in ids else 0
        if ids:
            self.scenario_list.setCurrentRow(row)
            self._on_scenario_row_changed(row)

    def _show_problems(self, problems: list[Problem]) -> None:
        self.problems.setText(
            _("Problems in scenario files:") + "\n" + "\n".join(str(p) for p in problems)
            if problems
            else ""
        )

    # ----- scenarios -------------------------------------------------------------------
    def select_scenario(self, scenario_id: str) -> None:
        ids = [s.id for s in self.scenarios.scenarios]
        self.scenario_list.setCurrentRow(ids.index(scenario_id))

    def _on_scenario_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.scenarios.scenarios) or self.book is None:
            return
        scenario = self.scenarios.scenarios[row]
        self.scenario = scenario
        self.title.setText(tr(scenario.title))
        self.person.setText(person_line(scenario))
        self.summary.setText(tr(scenario.summary))
        self.history_button.setEnabled(bool(scenario.topic))
        self.step_combo.clear()
        for number, step in enumerate(scenario.steps, 1):
            self.step_combo.addItem(f"{number}. {tr(step.title)}")
        self.show_step(0)

    def show_step(self, index: int) -> None:
        if self.scenario is None or self.book is None:
            return
        self.step_index = max(0, min(index, len(self.scenario.steps) - 1))
        self.step_combo.setCurrentIndex(self.step_index)
        self.previous_step.setEnabled(self.step_index > 0)
        self.next_step.setEnabled(self.step_index < len(self.scenario.steps) - 1)
        self.step_view.set_step(self.book, self.scenario, self.step_index)

    def _on_open_clicked(self) -> None:
        if self.book is None:
            return
        settings = QSettings()
        start = str(settings.value("training/scenario_dir", str(Path.home())))
        paths, _filter = QFileDialog.getOpenFileNames(
            self, _("Open scenario file"), start, _("Scenario files (*.toml)")
        )
        if paths:
            settings.setValue("training/scenario_dir", str(Path(paths[0]).parent))
            self.open_files(paths)

    def open_files(self, paths: list[str]) -> None:
        """Load a trainer's scenario files (off the GUI thread) and remember them."""
        assert self.book is not None
        run_task(
            load_files,
            self.book,
            paths,
            on_done=lambda found: self._on_files_loaded(paths, found),
            on_failed=self.problems.setText,
        )

    def _on_files_loaded(self, paths: list[str], found: ScenarioSet) -> None:
        new_ids = [s.id for s in found.scenarios if self.scenarios.get(s.id) is None]
        self.scenarios.extend(found)
        self._show_problems(found.problems)
        settings = QSettings()
        remembered = [str(p) for p in (settings.value(FILES_KEY) or [])]
        for path in paths:
            if path not in remembered and any(s.file == Path(path).name for s in found.scenarios):
                remembered.append(path)
        settings.setValue(FILES_KEY, remembered)
        self._fill_list(select=new_ids[0] if new_ids else None)
        self.quiz.set_data(self.book, self.scenarios.scenarios)
        if new_ids:
            self.status_message.emit(
                ngettext("%d scenario opened.", "%d scenarios opened.", len(new_ids)) % len(new_ids)
            )

    # ----- presenting, history, handout ------------------------------------------------
    def present(self) -> None:
        """Put the current scenario step on the projector, full screen (Esc leaves)."""
        if self.scenario is None or self.book is None:
            return
        from desktop.ui.training_present import StepPresentation

        view = StepPresentation(self.book, self.scenario, self.step_index)
        player = view.view.player
        day = self.step_view.player.current_day()
        if day is not None:
            player.set_day(day)
        view.closed.connect(lambda: self.show_step(view.index))
        self.presentation = view
        view.present()

    def present_quiz(self) -> None:
        if not self.quiz.cards:
            return
        from desktop.ui.training_present import QuizPresentation

        self.presentation = QuizPresentation(self.quiz.cards, self.quiz.index)
        self.presentation.present()

    def _on_history_clicked(self) -> None:
        if self.scenario is None:
            return
        step = self.scenario.steps[self.step_index]
        self.history.show_history(
            step.destination,
            self.scenario.person.citizenship,
            self.scenario.topic or "registration",
        )
        self.tabs.setCurrentWidget(self.history)

    def _on_export_clicked(self) -> None:
        if self.scenario is None or self.book is None:
            return
        lang = str(self.language.currentData())
        suggested = str(user_data_dir() / f"{self.scenario.id}-{lang}.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the handout as PDF"), suggested, _("PDF files (*.pdf)")
        )
        if path:
            self.export_handout(path, lang)

    def export_handout(self, path: str, lang: str) -> None:
        """Write the current scenario as a PDF handout, off the GUI thread."""
        from desktop.training.handout import write_scenario_handout

        assert self.scenario is not None and self.book is not None
        self.export_button.setEnabled(False)

        def done(_result: object) -> None:
            self.export_button.setEnabled(True)
            self.status_message.emit(_("Handout saved to %s") % path)

        def failed(message: str) -> None:
            self.export_button.setEnabled(True)
            self.status_message.emit(message)

        run_task(
            write_scenario_handout,
            self.book,
            self.scenario,
            path,
            lang,
            on_done=done,
            on_failed=failed,
        )

    # ----- training mode ---------------------------------------------------------------
    def start_training(self) -> None:
        """Prepare the training database (once) and open the training window on it."""
        window = self.training_window
        if window is not None and window.isVisible():
            window.raise_()
            window.activateWindow()
            return
        self.start_button.setEnabled(False)
        self.status_message.emit(_("Preparing the made-up training data…"))
        run_task(
            ensure_training_database,
            on_done=self._on_training_ready,
            on_failed=self._on_training_failed,
        )

    def _on_training_ready(self, info: TrainingDatabase) -> None:
        from desktop.ui.training_mode import open_training_window

        self.start_button.setEnabled(True)
        self.training_window = open_training_window(self.window())
        self.status_message.emit(
            ngettext(
                "Training mode: %(n)d made-up client in %(path)s",
                "Training mode: %(n)d made-up clients in %(path)s",
                info.clients,
            )
            % {"n": info.clients, "path": info.path}
        )
        self.training_window_opened.emit(self.training_window)

    def _on_training_failed(self, message: str) -> None:
        self.start_button.setEnabled(True)
        QMessageBox.warning(self, _("Training mode"), message)

    def _on_rebuild_clicked(self) -> None:
        if self.training_window is not None and self.training_window.isVisible():
            QMessageBox.information(self, _("Training mode"), _("Close the training window first."))
            return
        answer = QMessageBox.question(
            self,
            _("Rebuild training data"),
            _(
                "Throw away the training database and make up new clients? The real case log is "
                "not touched."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            run_task(
                ensure_training_database,
                rebuild=True,
                on_done=lambda info: self.status_message.emit(
                    ngettext(
                        "Made up %d new training client.",
                        "Made up %d new training clients.",
                        info.clients,
                    )
                    % info.clients
                ),
                on_failed=self._on_training_failed,
            )
