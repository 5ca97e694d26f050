"""Bring a case log's schema up to date with Alembic, run from code (no ``alembic.ini``).

The app calls :func:`ensure_schema` after its window has painted, the command line before each
``cases`` command, and ``db upgrade`` by hand. Every upgrade runs in one ``BEGIN IMMEDIATE``
transaction: two processes starting at once cannot both migrate, and a failed migration leaves
the file exactly as it was. Alembic is imported only when a check or upgrade actually runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.errors import NewerSchema, NotACaseLog

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"
#: The FTS5 index and its shadow tables are made by hand in the migrations, not by the models.
FTS_TABLE = "client_fts"


@dataclass(frozen=True)
class SchemaState:
    """Where a case log stands against the migrations this version of the app ships."""

    current: str | None
    head: str

    @property
    def is_current(self) -> bool:
        """True when no upgrade is needed."""
        return self.current == self.head


def include_name(name: str | None, type_: str, _parent_names: Any) -> bool:
    """Leave the hand-made FTS tables out of Alembic's comparison with the models."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLE))


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration pointing at ``db/migrations``, optionally on a connection."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def _script_directory() -> Any:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest migration this version of the app knows."""
    head = _script_directory().get_current_head()
    assert head is not None, "no migrations found"
    return str(head)


def known_revisions() -> set[str]:
    """Every migration this version of the app knows."""
    return {script.revision for script in _script_directory().walk_revisions()}


def _table_names(connection: Connection) -> set[str]:
    from sqlalchemy import inspect

    return set(inspect(connection).get_table_names())


def _current(connection: Connection) -> str | None:
    if VERSION_TABLE not in _table_names(connection):
        return None
    value = connection.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").scalar()
    return None if value is None else str(value)


def current_revision(engine: Engine) -> str | None:
    """The revision the case log is at, or None for a database the migrations never touched."""
    with engine.connect() as connection:
        return _current(connection)


def schema_state(engine: Engine) -> SchemaState:
    """Compare the case log with the migrations shipped (``db check`` reports this)."""
    return SchemaState(current=current_revision(engine), head=head_revision())


def _check_upgradable(connection: Connection, current: str | None) -> None:
    if current is None:
        if _table_names(connection) - {VERSION_TABLE}:
            raise NotACaseLog("the database has tables but no Migrant Desk schema version")
    elif current not in known_revisions():
        raise NewerSchema(current)


def upgrade(engine: Engine, revision: str = "head") -> str:
    """Apply the migrations up to ``revision`` in one transaction; returns the revision reached.

    Foreign keys are switched off while tables are copied (Alembic's batch mode on SQLite drops
    and recreates them) and checked as a whole before the commit.
    """
    from alembic import command

    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            connection = connection.execution_options(sqlite_begin="IMMEDIATE")
            with connection.begin():
                _check_upgradable(connection, _current(connection))
                command.upgrade(alembic_config(connection), revision)
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise NotACaseLog("the migrated case log breaks its own references")
                reached = _current(connection)
        finally:
            if sqlite:
                connection.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
    return reached or ""


def ensure_schema(engine: Engine) -> str:
    """Create or upgrade the case log as needed; refuse a foreign or newer database.

    Raises:
        NotACaseLog: the database holds tables but is not a Migrant Desk case log.
        NewerSchema: a newer version of the app wrote it; this one would lose data.
    """
    state = schema_state(engine)
    if state.is_current:
        return state.head
    with engine.connect() as connection:
        _check_upgradable(connection, state.current)
    return upgrade(engine)
