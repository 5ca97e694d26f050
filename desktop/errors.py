"""Errors that carry a message meant for the person using the app."""


class UserError(Exception):
    """Bad input or a state the user can fix; shown as one line, never as a traceback."""
