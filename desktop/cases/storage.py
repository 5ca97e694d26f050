"""Opening, checking, backing up and restoring the case log, with messages for people.

The storage layer (``db``) reports problems as its own exceptions; this module is where they
become one translated sentence (``UserError``). The app's composition root and the command
line both open the log through :func:`open_log`, after the window has painted.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.errors import UserError
from desktop.i18n import gettext as _

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


def resolve_url(url: str | None) -> str:
    """The ``--db`` value (URL or file path), else ``MIGRANT_DESK_DB``, else the default file."""
    from db.engine import to_url
    from desktop.paths import default_db_url

    return to_url(url) if url else default_db_url()


@contextmanager
def storage_errors() -> Iterator[None]:
    """Turn storage and SQLite failures into one clear line (never SQL, never record data)."""
    from sqlalchemy.exc import DBAPIError

    from db.errors import NewerSchema, NotACaseLog, NotAFile

    try:
        yield
    except NotACaseLog as exc:
        raise UserError(
            _("This is not a Migrant Desk case log ({reason}).").format(reason=exc)
        ) from None
    except NewerSchema as exc:
        raise UserError(
            _(
                "This case log was written by a newer version of Migrant Desk (schema {rev}); "
                "update the app to open it."
            ).format(rev=exc.revision)
        ) from None
    except NotAFile:
        raise UserError(_("Backup and restore work only on a case log kept in a file.")) from None
    except DBAPIError as exc:
        reason = (
            str(exc.orig.args[0]) if exc.orig is not None and exc.orig.args else type(exc).__name__
        )
        raise UserError(_("The case log cannot be used: {reason}.").format(reason=reason)) from None


def make_log_engine(resolved: str) -> Engine:
    """``db.engine.make_engine`` with a clear message for an unusable ``--db`` address.

    The address is never repeated: a server URL may hold a password.
    """
    from sqlalchemy.exc import ArgumentError

    from db.engine import make_engine

    try:
        return make_engine(resolved)
    except ArgumentError:
        raise UserError(_("The database address (--db) is not valid.")) from None
    except ImportError as exc:
        raise UserError(
            _("The database address (--db) needs a driver that is not installed ({name}).").format(
                name=exc.name
            )
        ) from None


def open_log(url: str | None = None) -> Engine:
    """An engine on the case log, created or upgraded as needed (call it off the GUI thread)."""
    from db.engine import sqlite_file
    from db.maintenance import refresh_statistics
    from db.migrate import ensure_schema

    resolved = resolve_url(url)
    path = sqlite_file(resolved)
    if path is not None and not path.parent.is_dir():
        raise UserError(
            _("The folder for the case log does not exist: {folder}").format(folder=path.parent)
        )
    if path is not None and not path.exists():
        _create_private(path)
    engine = make_log_engine(resolved)
    with storage_errors():
        ensure_schema(engine)
        refresh_statistics(engine)
    return engine


def _create_private(path: Path) -> None:
    """Create the file readable by its owner only; SQLite gives its WAL files the same mode."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def upgrade_log(url: str | None = None) -> tuple[str | None, str]:
    """``db upgrade``: returns the revision before and after."""
    from db.migrate import current_revision, ensure_schema

    engine = make_log_engine(resolve_url(url))
    try:
        with storage_errors():
            before = current_revision(engine)
            after = ensure_schema(engine)
            _rebuild_index_if_stale(engine)
        return before, after
    finally:
        engine.dispose()


def _index_counts(engine: Engine) -> tuple[int, int]:
    from db.models import FTS_TABLE

    with engine.connect() as connection:
        clients = connection.exec_driver_sql("SELECT count(*) FROM client").scalar()
        indexed = connection.exec_driver_sql(f"SELECT count(*) FROM {FTS_TABLE}").scalar()
    return int(clients or 0), int(indexed or 0)


def _rebuild_index_if_stale(engine: Engine) -> None:
    from db.engine import session_scope
    from desktop.cases.search import rebuild_search_index

    clients, indexed = _index_counts(engine)
    if clients != indexed:
        with session_scope(engine) as session:
            rebuild_search_index(session)


@dataclass
class CheckReport:
    """What ``db check`` found; ``problems`` is empty for a sound, current case log."""

    current: str | None
    head: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing needs attention."""
        return not self.problems


def check_log(url: str | None = None) -> CheckReport:
    """Integrity, foreign keys, search index and migration state, without changing anything."""
    from db.maintenance import integrity_problems
    from db.migrate import schema_state

    engine = _existing_engine(url)
    try:
        with storage_errors():
            state = schema_state(engine)
            report = CheckReport(current=state.current, head=state.head)
            if state.current is None:
                report.problems.append(_("the database has no Migrant Desk schema"))
                return report
            report.problems.extend(integrity_problems(engine))
            if not state.is_current:
                report.problems.append(
                    _("the schema is at {current}, this version of the app expects {head}").format(
                        current=state.current, head=state.head
                    )
                )
            clients, indexed = _index_counts(engine)
            if clients != indexed:
                report.problems.append(_("the search index is out of step (run db upgrade)"))
        return report
    finally:
        engine.dispose()


def _existing_engine(url: str | None) -> Engine:
    from db.engine import sqlite_file

    resolved = resolve_url(url)
    path = sqlite_file(resolved)
    if path is not None and not path.is_file():
        raise UserError(_("There is no case log at {path}.").format(path=path))
    return make_log_engine(resolved)


def backup_log(url: str | None, target: Path) -> Path:
    """``db backup FILE``: a consistent copy, safe while the app is running; changes nothing."""
    from db.maintenance import backup, inspect_file

    engine = _existing_engine(url)
    try:
        with storage_errors():
            written = backup(engine, target)
            inspect_file(written)
            return written
    finally:
        engine.dispose()


def restore_log(url: str | None, source: Path) -> Path | None:
    """``db restore FILE``: keep the current log as a dated copy, then restore ``source``.

    Returns the dated copy (None when there was no case log yet). A file that is not a sound
    Migrant Desk case log is refused before anything is touched.
    """
    from db.engine import session_scope, sqlite_file
    from db.maintenance import refresh_statistics, restore
    from db.migrate import ensure_schema
    from desktop.cases.base import audit

    resolved = resolve_url(url)
    path = sqlite_file(resolved)
    if path is not None and not path.parent.is_dir():
        raise UserError(
            _("The folder for the case log does not exist: {folder}").format(folder=path.parent)
        )
    if not Path(source).is_file():
        raise UserError(_("There is no file {path}.").format(path=source))
    engine = make_log_engine(resolved)
    try:
        with storage_errors():
            kept = restore(engine, Path(source))
            ensure_schema(engine)
            refresh_statistics(engine, force=True)
            with session_scope(engine) as session:
                detail = f"from {Path(source).name}"
                audit(
                    session,
                    who=None,
                    record_type="log",
                    record_id="all",
                    action="restore",
                    detail=detail,
                )
        return kept
    finally:
        engine.dispose()
