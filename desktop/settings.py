"""The app's settings, declared once: key, type, default and a translatable title.

Stored as JSON in the user data folder so that the command line (leaflets, for instance)
reads the same organisation contact block as the window, without Qt. Window geometry is the
window's own business and lives in QSettings.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.i18n import N_
from desktop.paths import user_data_dir


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    type: type
    default: Any
    title: str  # marked with N_, translated where shown
    group: str


SETTINGS: tuple[Setting, ...] = (
    Setting("language", str, "en", N_("Interface language"), "general"),
    Setting("default_destination", str, "RU", N_("Default destination"), "general"),
    Setting("default_citizenship", str, "UZ", N_("Default citizenship"), "general"),
    Setting("counsellor", str, "", N_("Your name (for the case log)"), "general"),
    Setting("org_name", str, "", N_("Organisation name"), "organisation"),
    Setting("org_address", str, "", N_("Address"), "organisation"),
    Setting("org_phone", str, "", N_("Phone"), "organisation"),
    Setting("org_messenger", str, "", N_("Messenger"), "organisation"),
    Setting("org_web", str, "", N_("Web site"), "organisation"),
    Setting("leaflet_qr", bool, True, N_("Print a QR code on leaflets"), "leaflets"),
    Setting("leaflet_size", str, "A4", N_("Leaflet paper size"), "leaflets"),
    Setting(
        "leaflet_draft_note",
        bool,
        True,
        N_("Mark leaflets whose translation is not yet reviewed"),
        "leaflets",
    ),
    Setting("backup_dir", str, "", N_("Backup folder"), "data"),
    Setting(
        "idle_lock_minutes", int, 10, N_("Lock the window after minutes idle (0: never)"), "data"
    ),
    Setting(
        "retention_years", int, 5, N_("Anonymise clients whose cases closed years ago"), "data"
    ),
)
_BY_KEY = {s.key: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Organisation:
    """The NGO's own contact block printed on leaflets."""

    name: str = ""
    address: str = ""
    phone: str = ""
    messenger: str = ""
    web: str = ""

    @property
    def is_empty(self) -> bool:
        return not any((self.name, self.address, self.phone, self.messenger, self.web))


class Settings:
    """Loads and saves the declared settings in one JSON file; unknown keys are kept."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or user_data_dir() / "settings.json"
        self._values: dict[str, Any] = {}
        self.load()

    def load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self._values = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            self._values = {}

    def get(self, key: str) -> Any:
        setting = _BY_KEY[key]
        value = self._values.get(key, setting.default)
        return value if isinstance(value, setting.type) else setting.default

    def set(self, key: str, value: Any) -> None:
        setting = _BY_KEY[key]
        if not isinstance(value, setting.type):
            raise TypeError(f"setting {key} takes {setting.type.__name__}")
        self._values[key] = value

    def save(self) -> None:
        """Write atomically: a crash while saving never leaves a half-written file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._values, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, self.path)

    def organisation(self) -> Organisation:
        return Organisation(
            name=self.get("org_name"),
            address=self.get("org_address"),
            phone=self.get("org_phone"),
            messenger=self.get("org_messenger"),
            web=self.get("org_web"),
        )
