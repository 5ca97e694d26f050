"""The case log's storage: SQLModel tables, the one engine factory, migrations and upkeep.

Nothing is imported here on purpose: the window must paint before SQLAlchemy, SQLModel or
Alembic are loaded, so callers import the submodule they need (``db.engine``, ``db.migrate``)
when they need it.
"""
