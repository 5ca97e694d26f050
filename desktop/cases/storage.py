"""Opening, checking, backing up and restoring the case log, with messages for people.

The storage layer (``db``) reports problems as its own exceptions; this module is where they
become one translated sentence (``UserError``). The app's composition root and the command
line both open the log through :func:`open_log`, after the window has painted.

Keys: an encrypted log is opened with the key the unlock dialog derived (``key=``), or with a
passphrase (``passphrase=``, else ``MIGRANT_DESK_PASSPHRASE``, else asked on the terminal). A
new log is encrypted whenever a passphrase or key is at hand; a log made without one (a
script without the variable, the tests, the training log) is an ordinary SQLite file, which
``db encrypt`` turns into an encrypted one later.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.errors import UserError
from desktop.i18n import gettext as _

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from db.cipher import RawKey
    from desktop.security.permissions import Actor


def resolve_url(url: str | None) -> str:
    """The ``--db`` value (URL or file path), else ``MIGRANT_DESK_DB``, else the default file."""
    from db.engine import to_url
    from desktop.paths import default_db_url

    return to_url(url) if url else default_db_url()


def _wrong_passphrase() -> UserError:
    from desktop.security.passphrase import WrongPassphrase

    return WrongPassphrase(_("The passphrase does not open the case log."))


@contextmanager
def storage_errors() -> Iterator[None]:
    """Turn storage and SQLite failures into one clear line (never SQL, never record data)."""
    from sqlalchemy.exc import DBAPIError

    from db.errors import NewerSchema, NotACaseLog, NotAFile, WrongKey

    try:
        yield
    except WrongKey:
        raise _wrong_passphrase() from None
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
        if reason == "file is not a database":
            raise _wrong_passphrase() from None
        raise UserError(_("The case log cannot be used: {reason}.").format(reason=reason)) from None


def log_key(
    resolved: str,
    *,
    key: RawKey | None = None,
    passphrase: str | None = None,
    plain: bool = False,
) -> RawKey | None:
    """The key to open (or create) the log at ``resolved`` with; None for a plain log.

    An encrypted log without ``key`` or ``passphrase`` takes the passphrase from
    ``MIGRANT_DESK_PASSPHRASE`` or asks on the terminal; a wrong one raises
    ``WrongPassphrase``. A missing log gets a new key when a passphrase is at hand, unless
    ``plain`` asks for an unencrypted one (training and demo logs of made-up people).
    """
    from db import cipher
    from db.engine import sqlite_file
    from desktop.security import passphrase as secrets
    from desktop.security.unlock import new_key, unlock

    path = sqlite_file(resolved)
    if path is None:
        return None
    state = cipher.file_state(path)
    if state == "plain":
        return None
    if state == "missing":
        if key is not None:
            return key
        if plain:
            return None
        chosen = passphrase or secrets.from_env()
        return new_key(chosen) if chosen else None
    if key is not None:
        return key
    if passphrase is None:
        passphrase = secrets.ask(secrets.PASSPHRASE_ENV, _("Passphrase of the case log: "))
    return unlock(path, passphrase)


def make_log_engine(resolved: str, key: RawKey | None = None) -> Engine:
    """``db.engine.make_engine`` with a clear message for an unusable ``--db`` address.

    The address is never repeated: a server URL may hold a password.
    """
    from sqlalchemy.exc import ArgumentError

    from db.engine import make_engine

    try:
        return make_engine(resolved, key=key)
    except ArgumentError:
        raise UserError(_("The database address (--db) is not valid.")) from None
    except ImportError as exc:
        raise UserError(
            _("The database address (--db) needs a driver that is not installed ({name}).").format(
                name=exc.name
            )
        ) from None


def open_log(
    url: str | None = None,
    *,
    key: RawKey | None = None,
    passphrase: str | None = None,
    plain: bool = False,
) -> Engine:
    """An engine on the case log, created or upgraded as needed (call it off the GUI thread).

    See the module docstring for how the key is found; a new log is encrypted when one is,
    unless ``plain`` marks it as a log of made-up people (training, demonstrations).
    """
    from db.engine import sqlite_file
    from db.maintenance import refresh_statistics
    from db.migrate import ensure_schema

    resolved = resolve_url(url)
    path = sqlite_file(resolved)
    if path is not None and not path.parent.is_dir():
        raise UserError(
            _("The folder for the case log does not exist: {folder}").format(folder=path.parent)
        )
    with storage_errors():
        key = log_key(resolved, key=key, passphrase=passphrase, plain=plain)
    if path is not None and not path.exists():
        _create_private(path)
    engine = make_log_engine(resolved, key)
    try:
        with storage_errors():
            ensure_schema(engine)
            refresh_statistics(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _create_private(path: Path) -> None:
    """Create the file readable by its owner only; SQLite gives its WAL files the same mode."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def upgrade_log(
    url: str | None = None, *, key: RawKey | None = None, passphrase: str | None = None
) -> tuple[str | None, str]:
    """``db upgrade``: returns the revision before and after."""
    from db.migrate import current_revision, ensure_schema

    resolved = resolve_url(url)
    with storage_errors():
        key = log_key(resolved, key=key, passphrase=passphrase)
    engine = make_log_engine(resolved, key)
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
    encrypted: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing needs attention."""
        return not self.problems


def check_log(
    url: str | None = None, *, key: RawKey | None = None, passphrase: str | None = None
) -> CheckReport:
    """Integrity, foreign keys, search index and migration state, without changing anything."""
    from db.engine import engine_key, sqlite_file
    from db.maintenance import integrity_problems, leftover_plain_copies
    from db.migrate import schema_state

    engine = _existing_engine(url, key=key, passphrase=passphrase)
    try:
        with storage_errors():
            state = schema_state(engine)
            report = CheckReport(current=state.current, head=state.head)
            report.encrypted = engine_key(engine) is not None
            path = sqlite_file(str(engine.url))
            if path is not None:
                for copy in leftover_plain_copies(path):
                    report.problems.append(
                        _(
                            "an unencrypted copy of the log was left at {file}; run db encrypt"
                        ).format(file=copy.name)
                    )
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


def _existing_engine(
    url: str | None, *, key: RawKey | None = None, passphrase: str | None = None
) -> Engine:
    from db.engine import sqlite_file

    resolved = resolve_url(url)
    path = sqlite_file(resolved)
    if path is not None and not path.is_file():
        raise UserError(_("There is no case log at {path}.").format(path=path))
    with storage_errors():
        key = log_key(resolved, key=key, passphrase=passphrase)
    return make_log_engine(resolved, key)


def backup_log(
    url: str | None,
    target: Path,
    *,
    key: RawKey | None = None,
    passphrase: str | None = None,
) -> Path:
    """``db backup FILE``: a consistent copy, safe while the app is running; changes nothing.

    The copy of an encrypted log is encrypted with the same passphrase.
    """
    from db.engine import engine_key
    from db.maintenance import backup, inspect_file

    engine = _existing_engine(url, key=key, passphrase=passphrase)
    try:
        with storage_errors():
            written = backup(engine, target)
            inspect_file(written, engine_key(engine))
            return written
    finally:
        engine.dispose()


def file_key(path: Path, candidates: list[Any]) -> RawKey | None:
    """The key that opens an encrypted backup or export, trying keys and passphrases in turn.

    ``candidates`` holds ``RawKey``s (tried when the salt matches the file's) and passphrase
    strings (derived with the file's salt), then ``MIGRANT_DESK_FILE_PASSPHRASE``. None for a
    plain file, and when there is nothing to try.
    """
    from db import cipher
    from db.errors import WrongKey
    from desktop.security.passphrase import FILE_PASSPHRASE_ENV, WrongPassphrase, from_env

    if cipher.file_state(path) != "encrypted":
        return None
    candidates = [c for c in [*candidates, from_env(FILE_PASSPHRASE_ENV)] if c is not None]
    if not candidates:
        return None  # nothing to try: the caller refuses the file as not a case log
    try:
        salt = cipher.file_salt(path)
    except WrongKey:
        raise UserError(
            _("{file} is not a Migrant Desk file.").format(file=Path(path).name)
        ) from None
    tried: set[bytes] = set()
    for candidate in candidates:
        if isinstance(candidate, str):
            candidate = cipher.derive_key(candidate, salt)
        if candidate.salt != salt or candidate.key in tried:
            continue
        tried.add(candidate.key)
        try:
            cipher.connect(path, candidate, readonly=True).close()
        except WrongKey:
            continue
        return candidate
    raise WrongPassphrase(
        _(
            "The passphrase does not open {file} (or it is not a Migrant Desk file); if it was"
            " made with another passphrase, set {variable} to that one."
        ).format(file=Path(path).name, variable=FILE_PASSPHRASE_ENV)
    )


def restore_log(
    url: str | None,
    source: Path,
    *,
    key: RawKey | None = None,
    passphrase: str | None = None,
    actor: Actor | None = None,
) -> Path | None:
    """``db restore FILE``: keep the current log as a dated copy, then restore ``source``.

    Returns the dated copy (None when there was no case log yet). A file that is not a sound
    Migrant Desk case log is refused before anything is touched. An encrypted backup opens
    with the log's passphrase, or the one in ``MIGRANT_DESK_FILE_PASSPHRASE``; its content
    comes back under the log's current key.
    """
    from db import cipher
    from db.engine import session_scope, sqlite_file
    from db.maintenance import refresh_statistics, restore
    from db.migrate import ensure_schema
    from desktop.cases.base import audit
    from desktop.security import passphrase as secrets
    from desktop.security.permissions import bind_actor

    resolved = resolve_url(url)
    path = sqlite_file(resolved)
    if path is not None and not path.parent.is_dir():
        raise UserError(
            _("The folder for the case log does not exist: {folder}").format(folder=path.parent)
        )
    if not Path(source).is_file():
        raise UserError(_("There is no file {path}.").format(path=source))
    with storage_errors():
        key = log_key(resolved, key=key, passphrase=passphrase)
    source_key = None
    if cipher.file_state(Path(source)) == "encrypted":
        try:
            source_key = file_key(Path(source), [key, passphrase, secrets.from_env()])
        except secrets.WrongPassphrase:
            if not secrets.interactive():
                raise
            typed = secrets.ask(secrets.FILE_PASSPHRASE_ENV, _("Passphrase of the backup: "))
            source_key = file_key(Path(source), [typed])
    if path is not None and not path.exists():
        _create_private(path)
    engine = make_log_engine(resolved, key)
    try:
        with storage_errors():
            kept = restore(engine, Path(source), source_key)
            ensure_schema(engine)
            refresh_statistics(engine, force=True)
            with session_scope(engine) as session:
                bind_actor(session, actor)
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


def encrypt_log(url: str | None, passphrase: str) -> Path:
    """``db encrypt``: turn a plain log into an encrypted one (see ``db.maintenance``).

    Returns the dated name the plain copy had until it was shredded. Close the app first.
    """
    from db import cipher
    from db.engine import sqlite_file
    from db.maintenance import encrypt_file
    from desktop.security.unlock import new_key

    path = sqlite_file(resolve_url(url))
    if path is None:
        raise UserError(_("Only a case log kept in a file can be encrypted here."))
    state = cipher.file_state(path)
    if state == "missing":
        raise UserError(_("There is no case log at {path}.").format(path=path))
    if state == "encrypted":
        raise UserError(_("The case log is encrypted already."))
    key = new_key(passphrase)
    with storage_errors():
        return encrypt_file(path, key)


def change_passphrase(
    url: str | None,
    new_passphrase: str,
    *,
    key: RawKey | None = None,
    passphrase: str | None = None,
) -> RawKey:
    """Re-key the encrypted log with a new passphrase; returns the new key.

    Close the app (and any other process using the log) first. Backups made earlier keep the
    passphrase they were made with.
    """
    from db import cipher
    from db.engine import sqlite_file
    from db.maintenance import rekey_file
    from desktop.security.passphrase import check_new_passphrase

    resolved = resolve_url(url)
    path = sqlite_file(resolved)
    if path is None or cipher.file_state(path) != "encrypted":
        raise UserError(_("The case log is not encrypted; use db encrypt first."))
    check_new_passphrase(new_passphrase)
    with storage_errors():
        old = log_key(resolved, key=key, passphrase=passphrase)
        assert old is not None
        new = cipher.derive_key(new_passphrase, old.salt)
        rekey_file(path, old, new)
    return new
