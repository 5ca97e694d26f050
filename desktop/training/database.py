"""The training database: a separate, made-up case log for demonstrations.

It lives beside the real case log in the user data folder, is filled once by the demo
generator (every record flagged ``made_up``), and is never the file the real log uses: the
functions here refuse to touch the real log's path, whatever the environment says.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.errors import UserError
from desktop.i18n import gettext as _
from desktop.paths import default_db_url, user_data_dir

FILE_NAME = "training.sqlite3"
DEMO_CLIENTS = 200
DEMO_SEED = 2024


@dataclass(frozen=True, slots=True)
class TrainingDatabase:
    """Where the training data is and how many made-up clients it holds."""

    url: str
    path: Path
    clients: int
    created: bool


def training_path() -> Path:
    return user_data_dir() / FILE_NAME


def training_url() -> str:
    return f"sqlite:///{training_path()}"


def is_training_url(url: str) -> bool:
    """Whether ``url`` is the training database (so a window knows it is in training mode)."""
    return _path_of(url) == training_path().resolve()


def _path_of(url: str) -> Path | None:
    if not url.startswith("sqlite:///"):
        return None
    return Path(url.removeprefix("sqlite:///")).resolve()


def _check_not_real(path: Path) -> None:
    real = _path_of(default_db_url())
    if real is not None and real == path.resolve():
        raise UserError(
            _(
                "The training data would be written to the real case log ({path}); "
                "point MIGRANT_DESK_DB elsewhere first."
            ).format(path=path)
        )


def ensure_training_database(
    *,
    count: int = DEMO_CLIENTS,
    seed: int = DEMO_SEED,
    rebuild: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> TrainingDatabase:
    """Create the training database once and fill it with ``count`` made-up clients.

    An existing training database is kept as it is (trainers may have added to it during a
    session) unless ``rebuild`` is set; one left empty by an interrupted first run is filled.
    """
    from sqlalchemy import func, select

    from db.models import Client
    from desktop.cases.demo import make_demo
    from desktop.desk import Desk

    path = training_path()
    _check_not_real(path)
    if rebuild and path.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    desk = Desk(db_url=training_url(), plain=True)
    try:
        with desk.session() as session:
            clients = int(session.execute(select(func.count()).select_from(Client)).scalar() or 0)
            created = clients == 0
            if created:
                summary = make_demo(session=session, count=count, seed=seed, progress=progress)
                clients = summary.counts.get("client", 0)
    finally:
        desk.close()
    return TrainingDatabase(url=training_url(), path=path, clients=clients, created=created)
