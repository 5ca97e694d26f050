"""Alembic environment for the case log, driven from code by ``db.migrate``.

``db.migrate`` hands over an open connection inside its own transaction
(``config.attributes["connection"]``). Run by the ``alembic`` tool instead, the database comes
from ``-x db=URL`` or ``MIGRANT_DESK_DB`` and goes through ``db.engine.make_engine`` like
everything else (an encrypted log with the key of ``MIGRANT_DESK_PASSPHRASE``).
"""

from __future__ import annotations

import os

from alembic import context

import db.models  # noqa: F401  (registers the tables on the metadata)
from db.migrate import include_name
from db.models import metadata

config = context.config


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_name,
    )


def run_migrations_online() -> None:
    """Run on the caller's connection, or on one opened from the URL given to the tool."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    from db.engine import make_engine

    url = context.get_x_argument(as_dictionary=True).get("db") or os.environ["MIGRANT_DESK_DB"]
    from db import cipher
    from db.engine import sqlite_file

    path, key = sqlite_file(url), None
    if path is not None and cipher.file_state(path) == "encrypted":
        key = cipher.key_for_file(path, os.environ["MIGRANT_DESK_PASSPHRASE"])
    engine = make_engine(url, key=key)
    with engine.connect() as connection:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("The case log's migrations run online only (db upgrade).")
run_migrations_online()
