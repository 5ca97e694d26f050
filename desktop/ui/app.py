"""Composition root of the desktop app: builds the services and the main window."""

from __future__ import annotations

import os
import sys
import time


def process_start_monotonic() -> float:
    """The process's start time as the operating system records it, on ``time.monotonic``."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        ticks = int(fields[19])  # field 22 of stat: start time in clock ticks since boot
        start_since_boot = ticks / os.sysconf("SC_CLK_TCK")
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        return time.monotonic() - (uptime - start_since_boot)
    except (OSError, ValueError, IndexError):
        return _IMPORTED_AT


_IMPORTED_AT = time.monotonic()


def run(
    *,
    db_url: str | None = None,
    lang: str | None = None,
    rules_dir: str | None = None,
    exit_after_start: bool = False,
) -> int:
    """Start the app; returns the process exit code."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.main_window import MainWindow

    started = process_start_monotonic()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Migrant Desk")
    app.setOrganizationName("MigrantDesk")
    window = MainWindow()
    window.resize(1100, 720)
    window.show()
    if exit_after_start:
        from PySide6.QtCore import QTimer

        def _report() -> None:
            ms = (time.monotonic() - started) * 1000
            print(f"started in {ms:.0f} ms, ready in {ms:.0f} ms", flush=True)
            app.quit()

        QTimer.singleShot(0, _report)
    return app.exec()
