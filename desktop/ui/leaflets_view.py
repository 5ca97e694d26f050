"""Leaflets workspace: choose, preview the real pages, print or save; batches for sessions."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.desk import Desk
from desktop.i18n import LANGUAGES, current_language, ngettext
from desktop.i18n import gettext as _
from desktop.ui.settings_view import language_name
from desktop.ui.tasks import run_task
from desktop.ui.widgets import DESTINATIONS, ORIGINS, CountryCombo, DateEdit
from desktop.ui.workspace import Workspace


class LeafletsWorkspace(Workspace):
    """A form on the left, the PDF preview on the right."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, parent)
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.pdf_bytes = b""
        self.case_input: Any = None
        self.case_id: int | None = None
        self._generation = 0

        self.destination = CountryCombo(DESTINATIONS)
        self.destination.set_code(desk.settings.get("default_destination"))
        self.citizen = CountryCombo(ORIGINS)
        self.citizen.set_code(desk.settings.get("default_citizenship"))
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.size = QComboBox()
        for size in ("A4", "A5"):
            self.size.addItem(size, size)
        self.size.setCurrentIndex(max(0, self.size.findData(desk.settings.get("leaflet_size"))))
        self.bilingual = QCheckBox(_("Side by side with Russian"))
        self.on_date = DateEdit(date.today())
        self.client = QLabel(_("None: a pre-departure leaflet"))
        self.client.setWordWrap(True)
        self.clear_client = QPushButton(_("Remove client"))
        self.clear_client.setVisible(False)
        self.clear_client.clicked.connect(self.clear_case)

        form = QFormLayout()
        form.addRow(_("Destination"), self.destination)
        form.addRow(_("For citizens of"), self.citizen)
        form.addRow(_("Language"), self.language)
        form.addRow(_("Paper"), self.size)
        form.addRow("", self.bilingual)
        form.addRow(_("Valid as of"), self.on_date)
        form.addRow(_("Client"), self.client)
        form.addRow("", self.clear_client)

        self.print_button = QPushButton(_("Print…"))
        self.print_button.setDefault(True)
        self.print_button.setToolTip("Ctrl+P")
        self.print_button.clicked.connect(self.print_leaflet)
        self.save_button = QPushButton(_("Save as PDF…"))
        self.save_button.clicked.connect(self._on_save_clicked)
        self.batch_button = QPushButton(_("Print a batch for a session…"))
        self.batch_button.clicked.connect(self._on_batch_clicked)
        from desktop.security.permissions import Permission

        self.batch_button.setVisible(desk.can(Permission.LEAFLETS_BATCH))
        self.info = QLabel()
        self.info.setWordWrap(True)

        left = QVBoxLayout()
        left.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        left.addLayout(buttons)
        left.addWidget(self.info)
        left.addStretch(1)
        left.addWidget(self.batch_button)
        left_host = QWidget()
        left_host.setLayout(left)
        left_host.setMaximumWidth(360)

        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._buffer: QBuffer | None = None

        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addWidget(left_host)
        layout.addWidget(self.view, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        for combo in (self.destination, self.citizen, self.language, self.size):
            combo.currentIndexChanged.connect(self._debounce.start)
        self.bilingual.toggled.connect(self._debounce.start)
        self.on_date.dateChanged.connect(self._debounce.start)

    # ----- the leaflet -----------------------------------------------------------------
    def spec(self) -> Any:
        from desktop.leaflets import LeafletSpec

        case = self.case_input
        return LeafletSpec(
            destination=self.destination.code(),
            lang=str(self.language.currentData()),
            citizenship=case.citizenship if case else self.citizen.code(),
            on=self.on_date.value(),
            size=str(self.size.currentData()),
            bilingual=self.bilingual.isChecked(),
            client_name=case.first_name if case else "",
            your_dates=case.dates if case else (),
        )

    def first_show(self) -> None:
        self.refresh(first=True)

    def refresh(self, first: bool = False) -> None:
        self._generation += 1
        generation = self._generation
        self.info.setText(_("Preparing the preview…"))
        run_task(
            self.desk.render_leaflet,
            self.spec(),
            on_done=lambda r: self._on_rendered(generation, r, first),
            on_failed=lambda m: self._on_failed(m, first),
        )

    def _on_rendered(self, generation: int, result: tuple[bytes, int], first: bool) -> None:
        if generation != self._generation:
            return
        self.pdf_bytes, pages = result
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self.pdf_bytes))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.info.setText(
            ngettext("%(n)d page, %(size)s.", "%(n)d pages, %(size)s.", pages)
            % {"n": pages, "size": self.size.currentData()}
            + ("" if not self.desk.settings.organisation().is_empty
               else " " + _("Add your organisation's contact in Settings to print it."))
        )  # fmt: skip
        if first:
            self.data_ready.emit()

    def _on_failed(self, message: str, first: bool) -> None:
        self.info.setText(message)
        if first:
            self.data_ready.emit()

    # ----- a client's leaflet ----------------------------------------------------------
    def set_case(self, case_id: int, label: str = "") -> None:
        self.case_id = case_id
        run_task(
            self.desk.case_leaflet_input,
            case_id,
            self.destination.code(),
            self.on_date.value(),
            on_done=lambda r: self._on_case_loaded(r, label),
            on_failed=self.info.setText,
        )

    def _on_case_loaded(self, data: Any, label: str) -> None:
        self.case_input = data
        self.citizen.set_code(data.citizenship)
        self.citizen.setEnabled(False)
        shown = data.first_name or label
        self.client.setText(
            ngettext(
                "%(name)s — %(n)d date on the leaflet",
                "%(name)s — %(n)d dates on the leaflet",
                len(data.dates),
            )
            % {"name": shown, "n": len(data.dates)}
        )
        self.clear_client.setVisible(True)
        self.refresh()

    def clear_case(self) -> None:
        self.case_input = None
        self.case_id = None
        self.citizen.setEnabled(True)
        self.client.setText(_("None: a pre-departure leaflet"))
        self.clear_client.setVisible(False)
        self.refresh()

    # ----- output ----------------------------------------------------------------------
    def _on_save_clicked(self) -> None:
        spec = self.spec()
        path, _f = QFileDialog.getSaveFileName(
            self, _("Save the leaflet"), spec.file_name(), _("PDF files (*.pdf)")
        )
        if not path:
            return
        try:
            with open(path, "wb") as fh:
                fh.write(self.pdf_bytes)
        except OSError as exc:
            QMessageBox.warning(self, _("Migrant Desk"), _("Could not save: %s") % exc)
            return
        self.status_message.emit(_("Leaflet saved to %s") % path)

    def print_leaflet(self) -> None:
        """Print the previewed pages through the system's print dialog."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if not self.pdf_bytes or self.document.pageCount() == 0:
            self.info.setText(_("The preview is not ready yet."))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, _("Migrant Desk"), _("The printer could not be opened."))
            return
        for page in range(self.document.pageCount()):
            if page:
                printer.newPage()
            rect = painter.viewport()
            size = (
                self.document.pagePointSize(page)
                .toSize()
                .scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            )
            image = self.document.render(page, QSize(size.width(), size.height()))
            painter.drawImage(0, 0, image)
        painter.end()
        self.status_message.emit(_("Leaflet sent to the printer."))

    def _on_batch_clicked(self) -> None:
        dialog = BatchDialog(self)
        if dialog.exec() != BatchDialog.DialogCode.Accepted:
            return
        folder = QFileDialog.getExistingDirectory(self, _("Folder for the leaflets"))
        if not folder:
            return
        from desktop.leaflets import batch_specs

        specs = batch_specs(
            dialog.destinations(),
            dialog.languages(),
            preferred_citizenship=self.citizen.code(),
            on=self.on_date.value(),
            size=str(self.size.currentData()),
            bilingual=self.bilingual.isChecked(),
        )
        progress = QProgressDialog(_("Writing leaflets…"), _("Cancel"), 0, len(specs), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        task = run_task(
            self.desk.render_batch,
            specs,
            folder,
            with_task=True,
            on_progress=lambda d, t, p: progress.setValue(d),
            on_done=lambda paths: (
                progress.close(),
                self.status_message.emit(
                    ngettext(
                        "%(n)d leaflet written to %(folder)s",
                        "%(n)d leaflets written to %(folder)s",
                        len(paths),
                    )
                    % {"n": len(paths), "folder": folder}
                ),
            ),
            on_failed=lambda m: (progress.close(), self.info.setText(m)),
        )
        progress.canceled.connect(task.cancel)


class BatchDialog(QDialog):
    """Pick destinations and languages for a session's batch."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Print a batch"))
        self.dest_list = QListWidget()
        from desktop.rules.present import country_name

        for code in DESTINATIONS:
            item = QListWidgetItem(f"{country_name(code)} ({code})")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setCheckState(
                Qt.CheckState.Checked if code in ("RU", "KZ") else Qt.CheckState.Unchecked
            )
            self.dest_list.addItem(item)
        self.lang_list = QListWidget()
        for code in LANGUAGES:
            item = QListWidgetItem(language_name(code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setCheckState(Qt.CheckState.Checked if code != "en" else Qt.CheckState.Unchecked)
            self.lang_list.addItem(item)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lists = QHBoxLayout()
        for title, widget in (
            (_("Destinations"), self.dest_list),
            (_("Languages"), self.lang_list),
        ):
            box = QVBoxLayout()
            box.addWidget(QLabel(title))
            box.addWidget(widget)
            lists.addLayout(box)
        layout = QVBoxLayout(self)
        layout.addLayout(lists)
        layout.addWidget(buttons)

    @staticmethod
    def _checked(widget: QListWidget) -> list[str]:
        return [
            str(widget.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked
        ]

    def destinations(self) -> list[str]:
        return self._checked(self.dest_list)

    def languages(self) -> list[str]:
        return self._checked(self.lang_list)
