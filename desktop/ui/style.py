"""Status colours, badges and type sizes shared by every workspace (see DESIGN.md)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QLabel, QWidget

from desktop.paths import FONTS_DIR

STATUS_COLOURS = {
    "in_force": "#1b7f3b",
    "local": "#1d4ed8",
    "superseded": "#6b7280",
    "historical": "#6b7280",
    "gap": "#b45309",
    "overdue": "#b91c1c",
}


def register_fonts() -> None:
    """Make the bundled font available, so Tajik and Kyrgyz letters render everywhere."""
    for path in sorted(FONTS_DIR.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))


def badge(text: str, kind: str, parent: QWidget | None = None) -> QLabel:
    """A small coloured chip that always carries a word, never colour alone."""
    label = QLabel(text, parent)
    colour = STATUS_COLOURS.get(kind, "#6b7280")
    label.setStyleSheet(
        f"QLabel {{ color: white; background: {colour}; border-radius: 8px;"
        " padding: 2px 8px; font-weight: 600; }"
    )
    label.setAccessibleName(text)
    from PySide6.QtWidgets import QSizePolicy

    label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return label


def scaled_font(base: QFont, factor: float, *, bold: bool = False) -> QFont:
    font = QFont(base)
    size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


def headline_label(text: str, parent: QWidget | None = None, factor: float = 1.6) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(scaled_font(label.font(), factor, bold=True))
    label.setWordWrap(True)
    label.setTextInteractionFlags(label.textInteractionFlags())
    return label
