"""Where the app finds its bundled files and keeps its user data.

The bundled data (rule sheets, fonts, scenarios) lives in ``resources/`` and the translation
catalogues in ``i18n/``, both beside the packages at the top of the checkout: the app is
installed in editable mode by ``make install``, so these folders are read in place.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "MigrantDesk"
APP_AUTHOR = "MigrantDesk"

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
RULES_DIR = RESOURCES / "rules"
FONTS_DIR = RESOURCES / "fonts"
I18N_DIR = ROOT / "i18n"
SOURCES_DIR = ROOT.parent / "shared" / "sources"


def user_data_dir() -> Path:
    """The per-user folder for the case log, backups and crash logs (created on demand)."""
    override = os.environ.get("MIGRANT_DESK_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_NAME, APP_AUTHOR)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_url() -> str:
    """The SQLAlchemy URL of the case log: ``MIGRANT_DESK_DB`` or the user data folder."""
    env = os.environ.get("MIGRANT_DESK_DB")
    if env:
        return env if "://" in env else f"sqlite:///{Path(env).resolve()}"
    return f"sqlite:///{user_data_dir() / 'cases.sqlite3'}"
