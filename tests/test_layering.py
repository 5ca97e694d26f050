"""The domain and the database layer never import Qt: only ``desktop.ui`` does."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = r"""
import importlib, pkgutil, sys
sys.modules["PySide6"] = None  # any import of PySide6 now raises ImportError
import desktop, db
failed = []
for pkg in (desktop, db):
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        name = info.name
        if name.startswith("desktop.ui") or name.endswith("__main__") or ".migrations." in name:
            continue
        try:
            importlib.import_module(name)
        except ImportError as exc:
            failed.append(f"{name}: {exc}")
print("\n".join(failed))
sys.exit(1 if failed else 0)
"""


def test_no_module_outside_the_ui_imports_pyside6():
    """Importing every non-UI module works with PySide6 made unimportable."""
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_cli_starts_without_qt_for_non_gui_commands():
    """``migrant-desk rules list`` does not load PySide6 (fast, and works without a screen)."""
    code = (
        "import sys; from desktop.cli import main; main(['rules', 'list', '--json']);"
        "sys.exit(1 if 'PySide6' in sys.modules else 0)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
