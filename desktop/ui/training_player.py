"""The timeline player: a date slider that walks through a stay day by day.

It shows the window filling and emptying (the days-in-window curve grows as the slider
moves), the days used and left, the last lawful day, and the moment the limit bites. The
same widget serves the Training workspace and, larger, the presentation view.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import gettext as _
from desktop.rules import RuleBook
from desktop.rules.present import format_date
from desktop.training import Frame, Scenario, Span, Step, frame
from desktop.training import span as make_span
from desktop.ui.style import STATUS_COLOURS, scaled_font
from desktop.ui.timeline import TimelineData, TimelineWidget

PLAY_INTERVAL_MS = 70


class TimelinePlayer(QWidget):
    """A step's timeline with a day slider, the counts large beside it.

    ``scale`` enlarges type and drawing for a projector.

    Signals:
        day_changed(object): the slider moved to another day (a ``date``).
    """

    day_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, scale: float = 1.0) -> None:
        super().__init__(parent)
        self.scale = scale
        self.book: RuleBook | None = None
        self.scenario: Scenario | None = None
        self.step: Step | None = None
        self.span: Span | None = None
        self.frame: Frame | None = None

        self.timeline = TimelineWidget(scale=scale)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setPageStep(7)
        self.slider.setAccessibleName(_("Day"))
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.play = QPushButton(_("Play"))
        self.play.setCheckable(True)
        self.play.setFont(scaled_font(self.play.font(), scale))
        self.play.setToolTip(_("Move through the stay a day at a time (Space)"))
        self.play.toggled.connect(self._on_play_toggled)
        self._timer = QTimer(self)
        self._timer.setInterval(PLAY_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

        self.day_label = self._big(1.5)
        self.used_label = self._big(1.9)
        self.left_label = self._big(1.9)
        self.exit_label = self._big(1.3)
        self.reg_label = self._big(1.1)
        self.exit_label.setWordWrap(False)
        self.status_label = self._big(1.25)
        self.status_label.setObjectName("playerStatus")
        for label, title in (
            (self.used_label, _("Days used in the window")),
            (self.left_label, _("Days left")),
        ):
            label.setAccessibleName(title)
        self._captions = [
            QLabel(_("Days used in the window")),
            QLabel(_("Days left")),
            QLabel(_("Leave by")),
        ]
        for caption in self._captions:
            caption.setFont(scaled_font(caption.font(), scale))

        numbers = QGridLayout()
        numbers.addWidget(self._captions[0], 0, 0)
        numbers.addWidget(self._captions[1], 0, 1)
        numbers.addWidget(self._captions[2], 0, 2)
        numbers.addWidget(self.used_label, 1, 0)
        numbers.addWidget(self.left_label, 1, 1)
        numbers.addWidget(self.exit_label, 1, 2)
        for column in range(3):
            numbers.setColumnStretch(column, 1)
        controls = QHBoxLayout()
        controls.addWidget(self.play)
        controls.addWidget(self.slider, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.day_label)
        layout.addWidget(self.timeline, 1)
        layout.addLayout(controls)
        layout.addLayout(numbers)
        layout.addWidget(self.status_label)
        layout.addWidget(self.reg_label)

    def _big(self, factor: float) -> QLabel:
        label = QLabel()
        label.setFont(scaled_font(label.font(), factor * self.scale, bold=True))
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # ----- public ----------------------------------------------------------------------
    def set_step(self, book: RuleBook, scenario: Scenario, step: Step) -> None:
        """Show a step; the slider starts on its day of the question."""
        self.play.setChecked(False)
        self.book, self.scenario, self.step = book, scenario, step
        self.span = make_span(book, scenario, step)
        self.slider.blockSignals(True)
        self.slider.setRange(0, self.span.length - 1)
        self.slider.setValue(self.span.index_of(step.on))
        self.slider.blockSignals(False)
        self.show_day(step.on)

    def current_day(self) -> date | None:
        return self.frame.day if self.frame else None

    def set_day(self, day: date) -> None:
        """Move the slider to ``day`` (clamped to the span)."""
        if self.span is not None:
            self.slider.setValue(self.span.index_of(day))

    def step_by(self, days: int) -> None:
        self.slider.setValue(self.slider.value() + days)

    # ----- drawing ---------------------------------------------------------------------
    def show_day(self, day: date) -> None:
        if self.book is None or self.scenario is None or self.step is None or self.span is None:
            return
        f = frame(self.book, self.scenario, self.step, day)
        self.frame = f
        s, step = self.span, self.step
        if f.present:
            stay = _("day %(n)d of the stay") % {"n": f.day_of_stay}
        else:
            stay = _("before the entry on %s") % format_date(step.entry)
        self.day_label.setText(f"{format_date(day)} · {stay}")
        self._show_counts(f)
        self._show_status(f)
        labels = [(step.entry, _("entry"))]
        if f.latest_exit:
            labels.append((f.latest_exit, _("leave by")))
        planned = f.latest_exit if f.latest_exit and f.latest_exit > day else None
        self.timeline.set_data(
            TimelineData(
                first=s.first,
                last=s.last,
                trips=list(s.trips),
                current=(step.entry, day) if f.present else None,
                planned_until=planned,
                as_of=day,
                window_days=f.window_days,
                max_days=f.max_days,
                counts=s.counts_until(day) if f.window_days else [],
                overstay_from=f.overstay_from if f.limit_bites else None,
                labels=labels,
            )
        )
        self.day_changed.emit(day)

    def _show_counts(self, f: Frame) -> None:
        if f.days_used is not None and f.max_days:
            self.used_label.setText(
                _("%(used)d of %(max)d") % {"used": f.days_used, "max": f.max_days}
            )
            self.left_label.setText(str(f.days_left or 0))
        else:
            self.used_label.setText("—")
            self.left_label.setText("—")
        if f.latest_exit is not None:
            self.exit_label.setText(format_date(f.latest_exit))
        elif f.overstay_from is not None:
            self.exit_label.setText(_("no lawful day left"))
        else:
            self.exit_label.setText(_("not stated"))
        if f.registration_due is None:
            self.reg_label.setText(_("Registration deadline: not stated in the sources"))
        elif f.present and f.day > f.registration_due:
            self.reg_label.setText(
                _("Registration was due by %s") % format_date(f.registration_due)
            )
        else:
            self.reg_label.setText(_("Register by %s") % format_date(f.registration_due))

    def _show_status(self, f: Frame) -> None:
        if f.limit_bites:
            kind = "overdue"
            text = _("OVERSTAY since %s: the limit is exceeded") % format_date(f.overstay_from)
        elif f.overstay_from is None:
            kind = "gap"
            text = _("No stay limit is stated in the sources")
        elif f.present:
            kind = "in_force"
            text = _("Within the limit")
        else:
            kind = "superseded"
            text = _("Not in the country on this day")
        self.status_label.setText(text)
        self.status_label.setProperty("kind", kind)
        self.status_label.setStyleSheet(
            f"color: white; background: {STATUS_COLOURS[kind]}; padding: 4px 10px;"
            " border-radius: 6px;"
        )

    # ----- slots -----------------------------------------------------------------------
    def _on_slider_value_changed(self, value: int) -> None:
        if self.span is not None:
            self.show_day(self.span.day_at(value))

    def _on_play_toggled(self, playing: bool) -> None:
        self.play.setText(_("Pause") if playing else _("Play"))
        if playing:
            if self.slider.value() >= self.slider.maximum():
                self.slider.setValue(0)
            self._timer.start()
        else:
            self._timer.stop()

    def _on_timer_timeout(self) -> None:
        if self.slider.value() >= self.slider.maximum():
            self.play.setChecked(False)
            return
        self.slider.setValue(self.slider.value() + 1)
