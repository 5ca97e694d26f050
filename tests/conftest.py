"""Shared test set-up: headless Qt, and user data kept inside each test's tmp folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path, monkeypatch):
    """No test reads or writes the real user data folder or database."""
    data = tmp_path / "user-data"
    monkeypatch.setenv("MIGRANT_DESK_DATA_DIR", str(data))
    monkeypatch.delenv("MIGRANT_DESK_DB", raising=False)
    monkeypatch.delenv("MIGRANT_DESK_PASSPHRASE", raising=False)
    yield


@pytest.fixture(autouse=True)
def _english_between_tests():
    """Each test starts in English, whatever language the one before it switched to."""
    from desktop.i18n import set_language

    set_language("en")
    yield
    set_language("en")
