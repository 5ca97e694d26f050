"""In every language, no visible text of the window stays in English."""

from __future__ import annotations

import gettext

import pytest
from babel.messages.pofile import read_po
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from desktop.paths import I18N_DIR


def english_messages() -> set[str]:
    with (I18N_DIR / "messages.pot").open("rb") as fh:
        return {m.id for m in read_po(fh) if isinstance(m.id, str) and m.id}


def visible_texts(root: QWidget) -> set[str]:
    texts: set[str] = set()
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel | QAbstractButton):
            texts.add(w.text())
        elif isinstance(w, QGroupBox):
            texts.add(w.title())
        elif isinstance(w, QLineEdit):
            texts.add(w.placeholderText())
        elif isinstance(w, QTabWidget):
            texts.update(w.tabText(i) for i in range(w.count()))
    return {t.replace("&", "") for t in texts if t}


@pytest.mark.parametrize("lang", ["ru", "uz", "ky", "tg"])
def test_no_english_left_in_any_workspace(qtbot, qsettings_tmp, desk, lang):
    """Open every workspace in the language; every text from the catalogue is translated."""
    from desktop.i18n import set_language
    from desktop.ui.main_window import WORKSPACES, MainWindow

    translation = gettext.translation("messages", str(I18N_DIR), [lang])
    set_language(lang)
    window = MainWindow(desk, start_key="rules")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_data_ready, timeout=15_000):
        window.show()
    for entry in WORKSPACES:
        page = window.page(entry.key)
        if not page._activated:
            with qtbot.waitSignal(page.data_ready, timeout=15_000):
                window.show_workspace(entry.key)
    english = {m.replace("&", "") for m in english_messages()}
    left = sorted(
        t
        for t in visible_texts(window)
        if t in english and translation.gettext(t) == t and any(c.isalpha() for c in t)
    )
    assert not left, f"{lang}: {left[:10]}"
