"""The real rule book and the bundled scenarios, loaded once per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def book():
    from desktop.rules import load_rulebook

    return load_rulebook()


@pytest.fixture(scope="session")
def bundled():
    from desktop.training import load_scenarios

    return load_scenarios()


@pytest.fixture
def write_scenario(tmp_path):
    """Write a trainer's scenario file into the test's folder and return its path."""

    def write(text: str, name: str = "mine.toml"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
