"""Storage problems, raised without user-facing wording.

The database layer sits below the domain, so it cannot translate messages or know how the app
phrases things; ``desktop.cases.storage`` turns these into translated ``UserError``s.
None of these messages contains personal data: they name files and revisions only.
"""

from __future__ import annotations


class StorageError(Exception):
    """Base class of the problems the case log's storage reports."""


class NotACaseLog(StorageError):
    """The file or database is not a Migrant Desk case log (or not SQLite at all)."""


class NewerSchema(StorageError):
    """The case log was written by a newer version of the app; upgrading would lose data."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


class NotAFile(StorageError):
    """A file-level operation (backup, restore) was asked of a database that is not a file."""


class WrongKey(StorageError):
    """The key (so the passphrase) does not open this encrypted database, or it is not one."""


class KeyRequired(StorageError):
    """The database is encrypted and no key was given to open it."""
