"""The Qt widgets of the desktop app: the only package that imports PySide6."""
