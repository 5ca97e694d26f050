"""Settings workspace: the declared settings as a form, translation status, data folders."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.desk import Desk
from desktop.i18n import LANGUAGES, N_
from desktop.i18n import gettext as _
from desktop.settings import SETTINGS, Setting
from desktop.ui.tasks import run_task
from desktop.ui.widgets import DESTINATIONS, ORIGINS, CountryCombo
from desktop.ui.workspace import Workspace

GROUP_TITLES = {
    "general": N_("General"),
    "organisation": N_("Your organisation (printed on leaflets)"),
    "leaflets": N_("Leaflets"),
    "data": N_("Data"),
}


def language_name(code: str) -> str:
    from babel import Locale

    locale = Locale.parse({"uz": "uz_Latn"}.get(code, code))
    return (locale.get_display_name(locale) or code).capitalize()


class SettingsWorkspace(Workspace):
    """Edits the settings declared in :mod:`desktop.settings`; Save applies them.

    Signals:
        language_changed(str): the interface language was saved as a new value.
    """

    language_changed = Signal(str)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        self.editors: dict[str, QWidget] = {}
        self._dirty = False
        body = QWidget()
        body.setMaximumWidth(820)
        body_layout = QVBoxLayout(body)
        groups: dict[str, QFormLayout] = {}
        for setting in SETTINGS:
            if setting.group not in groups:
                box = QGroupBox(_(GROUP_TITLES[setting.group]))
                groups[setting.group] = QFormLayout(box)
                body_layout.addWidget(box)
            editor = self._editor(setting)
            self.editors[setting.key] = editor
            groups[setting.group].addRow(_(setting.title), editor)
        data_box = groups["data"]
        data_box.addRow(_("Case log database"), QLabel(desk.db_url.split("///", 1)[-1]))
        backup_now = QPushButton(_("Back up now…"))
        backup_now.clicked.connect(self._on_backup_clicked)
        from desktop.security.permissions import Permission

        backup_now.setVisible(desk.can(Permission.LOG_BACKUP))
        data_box.addRow("", backup_now)

        self.translation = QLabel()
        self.translation.setWordWrap(True)
        tbox = QGroupBox(_("Translations"))
        QVBoxLayout(tbox).addWidget(self.translation)
        body_layout.addWidget(tbox)
        body_layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.save_button = QPushButton(_("Save"))
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_changes)
        self.revert_button = QPushButton(_("Revert"))
        self.revert_button.setEnabled(False)
        self.revert_button.clicked.connect(self.discard_changes)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.load()

    def _editor(self, setting: Setting) -> QWidget:
        widget: QWidget
        if setting.key == "language":
            combo = QComboBox()
            for code in LANGUAGES:
                combo.addItem(language_name(code), code)
            combo.currentIndexChanged.connect(self._mark_dirty)
            widget = combo
        elif setting.key in ("default_destination", "default_citizenship"):
            codes = DESTINATIONS if setting.key == "default_destination" else ORIGINS
            cc = CountryCombo(codes)
            cc.currentIndexChanged.connect(self._mark_dirty)
            widget = cc
        elif setting.key == "leaflet_size":
            combo = QComboBox()
            for size in ("A4", "A5"):
                combo.addItem(size, size)
            combo.currentIndexChanged.connect(self._mark_dirty)
            widget = combo
        elif setting.type is bool:
            box = QCheckBox()
            box.toggled.connect(self._mark_dirty)
            widget = box
        elif setting.type is int:
            spin = QSpinBox()
            spin.setRange(0, 999)
            spin.valueChanged.connect(self._mark_dirty)
            widget = spin
        else:
            edit = QLineEdit()
            edit.textEdited.connect(self._mark_dirty)
            widget = edit
        widget.setAccessibleName(_(setting.title))
        return widget

    def _mark_dirty(self, *_args: Any) -> None:
        self._dirty = True
        self.save_button.setEnabled(True)
        self.revert_button.setEnabled(True)

    def load(self) -> None:
        s = self.desk.settings
        for setting in SETTINGS:
            editor = self.editors[setting.key]
            value = s.get(setting.key)
            editor.blockSignals(True)
            if isinstance(editor, CountryCombo):
                editor.set_code(value)
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value))
            elif isinstance(editor, QLineEdit):
                editor.setText(str(value))
            editor.blockSignals(False)
        self._dirty = False
        self.save_button.setEnabled(False)
        self.revert_button.setEnabled(False)

    def first_show(self) -> None:
        from desktop.i18n.catalogues import progress

        run_task(progress, on_done=self._show_progress, on_failed=self.translation.setText)
        self.data_ready.emit()

    def _show_progress(self, rows: list[Any]) -> None:
        by_lang: dict[str, list[int]] = {}
        for p in rows:
            total = by_lang.setdefault(p.language, [0, 0, 0])
            total[0] += p.total
            total[1] += p.translated
            total[2] += p.reviewed
        lines = [_("English is the source language.")]
        for lang, (total, translated, reviewed) in sorted(by_lang.items()):
            lines.append(
                _("%(lang)s: %(t)d%% translated, %(r)d%% reviewed by a native speaker")
                % {
                    "lang": language_name(lang),
                    "t": round(100 * translated / total) if total else 0,
                    "r": round(100 * reviewed / total) if total else 0,
                }
            )
        self.translation.setText("\n".join(lines))

    def value_of(self, setting: Setting) -> Any:
        editor = self.editors[setting.key]
        if isinstance(editor, CountryCombo):
            return editor.code()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QLineEdit):
            return editor.text().strip()
        return None

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def save_changes(self) -> bool:
        s = self.desk.settings
        old_language = s.get("language")
        for setting in SETTINGS:
            s.set(setting.key, self.value_of(setting))
        try:
            s.save()
        except OSError as exc:
            self.status_message.emit(_("Could not save the settings: %s") % exc)
            return False
        self.load()
        self.status_message.emit(_("Settings saved."))
        if s.get("language") != old_language:
            self.language_changed.emit(s.get("language"))
        return True

    def discard_changes(self) -> None:
        self.load()

    def _on_backup_clicked(self) -> None:
        from datetime import datetime

        folder = self.desk.settings.get("backup_dir") or ""
        name = f"migrant-desk-backup-{datetime.now():%Y%m%d-%H%M}.sqlite3"
        path, _f = QFileDialog.getSaveFileName(
            self, _("Back up the case log"), f"{folder}/{name}" if folder else name
        )
        if path:
            run_task(
                self.desk.backup,
                path,
                on_done=lambda _r: self.status_message.emit(_("Backup written to %s") % path),
                on_failed=lambda m: self.status_message.emit(m),
            )
