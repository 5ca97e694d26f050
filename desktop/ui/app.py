"""Composition root of the desktop app: builds the services and the main window."""

from __future__ import annotations

import logging
import os
import sys
import time
import traceback
from types import TracebackType
from typing import Any

_IMPORTED_AT = time.monotonic()
log = logging.getLogger(__name__)


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


def log_path() -> str:
    from desktop.paths import user_data_dir

    folder = user_data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder / "migrant-desk.log")


def code_locations(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """A traceback without the exception's message: messages may quote a value (a name, a
    phone number typed into a field), code locations never do."""
    return "".join(traceback.format_tb(tb)) + f"{exc_type.__module__}.{exc_type.__qualname__}"


class _LocationsOnly(logging.Formatter):
    """Log records keep their text; exceptions logged with them keep only code locations."""

    def formatException(self, ei: Any) -> str:
        return code_locations(ei[0], ei[2]) if ei and ei[0] else ""


def install_crash_handler() -> None:
    """Log unexpected errors to a file and tell the user where it is, never a raw traceback.

    Only the traceback is written (code locations), never the values of variables nor the
    exception's message, so that no client's data ends up in the log.
    """
    handler_ = logging.FileHandler(log_path(), encoding="utf-8")
    handler_.setFormatter(_LocationsOnly("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=[handler_])

    def handler(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        log.error("unexpected error:\n%s", code_locations(exc_type, tb))
        try:
            from PySide6.QtWidgets import QApplication, QMessageBox

            from desktop.i18n import gettext as _

            if QApplication.instance() is not None:
                QMessageBox.critical(
                    None,
                    _("Unexpected error"),
                    _(
                        "Something went wrong, but your saved work is safe.\n"
                        "Details were written to:\n%s"
                    )
                    % log_path(),
                )
        except Exception:  # the handler itself must never fail
            pass

    sys.excepthook = handler


def run(
    *,
    db_url: str | None = None,
    lang: str | None = None,
    rules_dir: str | None = None,
    exit_after_start: bool = False,
) -> int:
    """Start the app; returns the process exit code.

    The case log is unlocked (and the user signed in) before the main window exists; with
    ``MIGRANT_DESK_PASSPHRASE`` set, its key is derived in a thread while Qt loads.
    """
    started = process_start_monotonic()
    from desktop.paths import default_db_url
    from desktop.security.unlock import prefetch_key

    prefetch = prefetch_key(_url(db_url) if db_url else default_db_url())
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    ):
        if not exit_after_start:
            print(
                "migrant-desk: no graphical display found (DISPLAY is not set); "
                "start it from a desktop session",
                file=sys.stderr,
            )
            return 1
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.desk import Desk
    from desktop.i18n import set_language
    from desktop.settings import Settings
    from desktop.ui.main_window import MainWindow
    from desktop.ui.style import register_fonts

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Migrant Desk")
    app.setOrganizationName("MigrantDesk")
    app.setApplicationDisplayName("Migrant Desk")
    if not exit_after_start:
        install_crash_handler()
    register_fonts()
    settings = Settings()
    set_language(lang or settings.get("language"))
    desk = Desk(db_url=db_url, rules_dir=rules_dir, settings=settings)
    from desktop.ui.unlock_dialog import unlock_and_sign_in

    refused = unlock_and_sign_in(desk, prefetch=prefetch, exit_after_start=exit_after_start)
    if refused is not None:
        desk.close()
        return refused
    window = MainWindow(desk)
    times: dict[str, float] = {}

    def _on_painted() -> None:
        times["painted"] = (time.monotonic() - started) * 1000
        QTimer.singleShot(0, _install_lock)

    def _install_lock() -> None:  # after the first paint: the menu's imports are not free
        from desktop.ui.lock import install_idle_lock
        from desktop.ui.users_view import install_account_menu

        install_account_menu(window, desk, install_idle_lock(app, window, desk))

    def _on_ready() -> None:
        times.setdefault("ready", (time.monotonic() - started) * 1000)
        QTimer.singleShot(0, window.set_icons)
        if exit_after_start:
            QTimer.singleShot(0, _report)

    def _report() -> None:
        painted = times.get("painted", times["ready"])
        print(f"started in {painted:.0f} ms, ready in {times['ready']:.0f} ms", flush=True)
        window.close()
        app.quit()

    window.first_painted.connect(_on_painted)
    window.first_data_ready.connect(_on_ready)
    window.show()
    code = app.exec()
    from desktop.ui.tasks import wait_for_tasks

    wait_for_tasks(5000)
    desk.close()
    return code


def _url(value: str) -> str:
    from pathlib import Path

    return value if "://" in value else f"sqlite:///{Path(value).expanduser().resolve()}"
