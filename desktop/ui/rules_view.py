"""Rules workspace: the sheet for a citizen in a destination on a date, as cards."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.desk import Desk
from desktop.i18n import gettext as _
from desktop.i18n import ngettext
from desktop.rules import Rule, RuleBook
from desktop.rules.present import (
    country_name,
    display_quote,
    headline,
    rule_text,
    status_title,
    topic_title,
    validity,
)
from desktop.ui.rule_card import RuleCard
from desktop.ui.tasks import run_task
from desktop.ui.widgets import ORIGINS, CountryCombo, DateEdit, add_to_grid
from desktop.ui.workspace import Workspace

CARD_WIDTH = 400


class RulesWorkspace(Workspace):
    """Pick destination, citizenship and date; read the cards; add a verified rule."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.book: RuleBook | None = None
        self.cards: list[RuleCard] = []
        self._columns = 0

        self.destination = CountryCombo([desk.settings.get("default_destination")])
        self.citizen = CountryCombo(ORIGINS)
        self.citizen.set_code(desk.settings.get("default_citizenship"))
        self.on_date = DateEdit(date.today())
        self.destination.setAccessibleName(_("Destination"))
        self.citizen.setAccessibleName(_("Citizen of"))
        self.on_date.setAccessibleName(_("As of"))

        bar = QHBoxLayout()
        for label, widget in (
            (_("&Destination"), self.destination),
            (_("&Citizen of"), self.citizen),
            (_("&As of"), self.on_date),
        ):
            lab = QLabel(label)
            lab.setBuddy(widget)
            bar.addWidget(lab)
            bar.addWidget(widget)
        bar.addStretch(1)
        self.add_button = QPushButton(_("Add a verified rule…"))
        self.add_button.clicked.connect(lambda: self.add_local_rule(None))
        more = QToolButton()
        more.setText(_("Local rules"))
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(more)
        menu.addAction(_("Export local rules to a file…"), self._on_export_triggered)
        menu.addAction(_("Import a rule file…"), self._on_import_triggered)
        more.setMenu(menu)
        bar.addWidget(self.add_button)
        bar.addWidget(more)
        from desktop.security.permissions import Permission

        self.may_edit = may_edit = desk.can(Permission.RULES_LOCAL)
        self.add_button.setVisible(may_edit)
        more.setVisible(may_edit)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setSpacing(12)
        self.grid.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.grid_host)
        inner_layout.addStretch(1)
        scroll.setWidget(inner)
        self.scroll = scroll

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)

        for combo in (self.destination, self.citizen):
            combo.currentIndexChanged.connect(self.refresh)
        self.on_date.dateChanged.connect(self.refresh)

    # ----- loading ---------------------------------------------------------------------
    def first_show(self) -> None:
        self.summary.setText(_("Loading the rule sheets…"))
        run_task(self.desk.rulebook, on_done=self._on_book_loaded, on_failed=self._on_failed)

    def _on_book_loaded(self, book: RuleBook) -> None:
        self.book = book
        dests = book.destinations() or [self.desk.settings.get("default_destination")]
        current = self.destination.code() or self.desk.settings.get("default_destination")
        self.destination.blockSignals(True)  # one refresh below, not one per change
        self.destination.set_codes(dests)
        self.destination.set_code(current)
        self.destination.blockSignals(False)
        self.refresh()
        self.data_ready.emit()

    def _on_failed(self, message: str) -> None:
        self.summary.setText(message)
        self.data_ready.emit()

    def reload(self) -> None:
        run_task(self.desk.reload_rules, on_done=self._on_book_loaded, on_failed=self._on_failed)

    # ----- showing ---------------------------------------------------------------------
    def set_query(self, destination: str, citizen: str, on: date | None = None) -> None:
        self.destination.set_code(destination)
        self.citizen.set_code(citizen)
        if on is not None:
            self.on_date.set_date(on)
        self.refresh()

    def refresh(self) -> None:
        if self.book is None:
            return
        dest, cit, on = self.destination.code(), self.citizen.code(), self.on_date.value()
        sheet = self.book.sheet(dest, cit, on)
        gaps = len(sheet.gaps)
        self.summary.setText(
            _("Citizen of %(c)s in %(d)s. Records: %(n)d. Not stated in the sources: %(g)d.")
            % {"c": country_name(cit), "d": country_name(dest), "n": len(sheet.items), "g": gaps}
        )
        for old in self.cards:
            self.grid.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.cards = []
        for rule in sheet.items:
            card = RuleCard(self.book, rule, can_add=self.may_edit)
            card.add_rule_requested.connect(self.add_local_rule)
            card.history_requested.connect(self.show_history)
            self.cards.append(card)
        self._layout_cards(force=True)

    def _layout_cards(self, force: bool = False) -> None:
        columns = max(1, min(3, self.scroll.viewport().width() // CARD_WIDTH))
        if not force and columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for card in self.cards:
            card.setParent(self.grid_host)
        self.grid_host.setUpdatesEnabled(False)
        add_to_grid(self.grid, list(self.cards), columns)
        self.grid_host.setUpdatesEnabled(True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._layout_cards)

    # ----- history ---------------------------------------------------------------------
    def show_history(self, topic: str) -> None:
        if self.book is None:
            return
        rules = self.book.history(self.destination.code(), self.citizen.code(), topic)
        HistoryDialog(self.book, topic, rules, self).exec()

    # ----- local rules -----------------------------------------------------------------
    def add_local_rule(self, rule: Rule | None) -> None:
        from desktop.ui.local_rule_dialog import LocalRuleDialog

        dialog = LocalRuleDialog(
            destination=self.destination.code(),
            citizen=self.citizen.code(),
            topic=rule.topic if rule else "registration",
            aspect=rule.aspect if rule else "",
            counsellor=self.desk.settings.get("counsellor"),
            parent=self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.record is not None:
            run_task(
                self.desk.save_local_rule,
                dialog.record,
                on_done=lambda _r: self._on_local_saved(),
                on_failed=self._show_error,
            )

    def _on_local_saved(self) -> None:
        self.status_message.emit(_("Local rule saved."))
        self.reload()

    def _show_error(self, message: str) -> None:
        QMessageBox.warning(self, _("Migrant Desk"), message)

    def _on_export_triggered(self) -> None:
        path, _f = QFileDialog.getSaveFileName(
            self, _("Export local rules"), "local-rules.toml", _("Rule files (*.toml)")
        )
        if path:
            run_task(
                self.desk.export_local_rules,
                path,
                on_done=lambda n: self.status_message.emit(
                    ngettext("%d local rule exported.", "%d local rules exported.", n) % n
                ),
                on_failed=self._show_error,
            )

    def _on_import_triggered(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, _("Import a rule file"), "", _("Rule files (*.toml)")
        )
        if path:
            run_task(
                self.desk.import_local_rules,
                path,
                on_done=lambda n: (
                    self.status_message.emit(
                        ngettext("%d local rule imported.", "%d local rules imported.", n) % n
                    ),
                    self.reload(),
                ),
                on_failed=self._show_error,
            )


class HistoryDialog(QDialog):
    """How one topic's rule changed over time, oldest first, with quotations."""

    def __init__(self, book: RuleBook, topic: str, rules: list[Rule], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("History: %s") % topic_title(topic))
        self.resize(720, 520)
        view = QTextBrowser()
        view.setOpenExternalLinks(False)
        parts = []
        if not rules:
            parts.append("<p>" + _("The sources record no earlier versions of this rule.") + "</p>")
        for rule in rules:
            head = headline(rule)
            when = validity(rule) or _("dates not stated")
            parts.append(
                f"<h3>{html.escape(when)} — {html.escape(status_title(rule))}</h3>"
                + (f"<p><b>{html.escape(head)}</b></p>" if head else "")
                + f"<p>{html.escape(rule_text(rule))}</p>"
            )
            for src in rule.sources:
                doc = book.documents.get(src.document)
                title = doc.short if doc else src.document
                parts.append(
                    f"<blockquote>“{html.escape(display_quote(src.quote))}”"
                    f"<br/><i>{html.escape(title)}, "
                    + _("line %d") % src.line
                    + "</i></blockquote>"
                )
        view.setHtml("".join(parts))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
