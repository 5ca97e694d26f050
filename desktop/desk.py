"""The services the window uses, built once by the composition root.

Plain Python (no Qt): the window calls these methods from worker threads and gets plain
read models back. Heavy modules (SQLAlchemy, Alembic, Babel) are imported on first use,
so the window paints before any of them is loaded.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.paths import default_db_url
from desktop.settings import Settings

if TYPE_CHECKING:
    from desktop.rules import RuleBook


class Desk:
    """Entry point to rules, calculator, case log and leaflets for one database."""

    def __init__(
        self,
        *,
        db_url: str | None = None,
        rules_dir: str | Path | None = None,
        settings: Settings | None = None,
    ) -> None:
        self.db_url = _normalise_url(db_url) if db_url else default_db_url()
        self.rules_dir = Path(rules_dir) if rules_dir else None
        self.settings = settings or Settings()
        self._lock = threading.RLock()
        self._book: RuleBook | None = None
        self._engine: Any = None

    # ----- rules -----------------------------------------------------------------------
    def rulebook(self) -> RuleBook:
        """The rule book with bundled, folder and case-log local rules (loaded once)."""
        with self._lock:
            if self._book is None:
                from desktop.rules import load_rulebook

                extra = [self.rules_dir] if self.rules_dir else []
                self._book = load_rulebook(extra, local_records=self.local_rule_records())
            return self._book

    def reload_rules(self) -> RuleBook:
        with self._lock:
            self._book = None
            return self.rulebook()

    def local_rule_records(self) -> list[dict[str, Any]]:
        """Local rules saved in the case log (empty until the log exists)."""
        quick = self._quick_connect()
        if quick is not None:
            from desktop.cases.quick import local_rule_records

            records = local_rule_records(quick)
            if records is not None:
                return records
        from desktop.cases import local_rules

        with self.session() as session:
            return list(local_rules.list_local_rules(session))

    # ----- database --------------------------------------------------------------------
    def engine(self) -> Any:
        """The database engine, with the schema brought up to date on first use."""
        with self._lock:
            if self._engine is None:
                from desktop.cases.storage import open_log

                self._engine = open_log(self.db_url)
            return self._engine

    @contextmanager
    def session(self) -> Iterator[Any]:
        from sqlmodel import Session

        with Session(self.engine()) as session:
            yield session
            session.commit()

    def call(self, service: Any, /, **kwargs: Any) -> Any:
        """Run one case-log service in its own transaction: ``service(session=…, **kwargs)``.

        Services that record who acted get the counsellor's name unless ``who`` is given.
        """
        import inspect

        if "who" in inspect.signature(service).parameters:
            kwargs.setdefault("who", self.who)
        with self.session() as session:
            return service(session=session, **kwargs)

    @property
    def who(self) -> str | None:
        return str(self.settings.get("counsellor")) or None

    # ----- local rules -----------------------------------------------------------------
    def save_local_rule(self, record: dict[str, Any]) -> dict[str, Any]:
        from desktop.cases import local_rules

        with self.session() as session:
            saved = local_rules.save_local_rule(session, record, self.who)
        self.reload_rules()
        return saved

    def delete_local_rule(self, rule_id: str) -> None:
        from desktop.cases import local_rules

        with self.session() as session:
            local_rules.delete_local_rule(session, rule_id, self.who)
        self.reload_rules()

    def export_local_rules(self, path: str | Path) -> int:
        from desktop.rules.local import export_rule_file

        return export_rule_file(self.local_rule_records(), Path(path))

    def import_local_rules(self, path: str | Path) -> int:
        from desktop.cases import local_rules
        from desktop.rules.local import import_rule_file

        records = import_rule_file(Path(path))
        with self.session() as session:
            for record in records:
                local_rules.save_local_rule(session, record, self.who)
        self.reload_rules()
        return len(records)

    # ----- case log --------------------------------------------------------------------
    def add_follow_ups(self, case_id: int, items: list[tuple[Any, str, str | None]]) -> Any:
        from desktop.cases import records

        with self.session() as session:
            return records.add_follow_ups(
                session=session, case_id=case_id, items=items, who=self.who
            )

    def first_overview(self, on: Any = None) -> dict[str, Any]:
        """The Today lists at start-up: read with sqlite3 alone when the log is current.

        The full stack (SQLAlchemy, SQLModel, Alembic) is then loaded by :meth:`engine`
        after the window shows its data; a new or older log takes the full way at once.
        """
        from desktop.cases.quick import today_overview

        connect = self._quick_connect()
        if connect is not None:
            quick = today_overview(connect, on)
            if quick is not None:
                return quick
        return self.today_overview(on)

    def _quick_connect(self) -> Any:
        """A sqlite3 connector for the start-up reads, while the full engine is not open yet."""
        from desktop.cases.quick import read_only

        path = self.db_url.removeprefix("sqlite:///")
        if self._engine is None and self.db_url.startswith("sqlite:///") and path:
            return read_only(Path(path))
        return None

    def today_overview(self, on: Any = None) -> dict[str, Any]:
        """What the Today workspace shows: follow-ups due and overdue, recent cases."""
        from desktop.cases import lists, today

        with self.session() as session:
            return {
                "due_today": today.list_follow_ups(session=session, view="due_today", on=on),
                "overdue": today.list_follow_ups(session=session, view="overdue", on=on, limit=100),
                "due_count": today.count_follow_ups(session=session, view="due_today", on=on),
                "recent": lists.list_cases(
                    session=session, sort="opened", descending=True, limit=15
                ),
            }

    def search(self, query: str, limit: int = 50) -> Any:
        from desktop.cases.search import search_cases

        with self.session() as session:
            return search_cases(session=session, query=query, limit=limit)

    def set_follow_up_done(self, follow_up_id: int, done: bool = True) -> Any:
        from desktop.cases import records

        with self.session() as session:
            return records.set_follow_up_done(
                session=session, follow_up_id=follow_up_id, done=done, who=self.who
            )

    # ----- leaflets -------------------------------------------------------------------
    def render_leaflet(self, spec: Any) -> tuple[bytes, int]:
        """The leaflet as PDF bytes (for the preview) and its page count."""
        import io

        from desktop.leaflets import PrintSettings, render_leaflet

        buffer = io.BytesIO()
        pages = render_leaflet(
            self.rulebook(), spec, buffer, PrintSettings.from_settings(self.settings)
        )
        return buffer.getvalue(), pages

    def render_batch(self, specs: list[Any], out_dir: str | Path, task: Any = None) -> list[Path]:
        from desktop.leaflets import PrintSettings, render_batch

        return render_batch(
            self.rulebook(),
            specs,
            Path(out_dir),
            PrintSettings.from_settings(self.settings),
            progress=(lambda d, t, p: task.report(d, t, str(p))) if task else None,
            cancelled=(lambda: task.cancelled) if task else None,
        )

    def case_leaflet_input(self, case_id: int, destination: str, on: Any) -> Any:
        """First name, citizenship and dates of a case's client, for a client leaflet."""
        from desktop.cases.caseops import get_case_detail
        from desktop.leaflets import dates_for_case

        with self.session() as session:
            detail = get_case_detail(session=session, case_id=case_id)
        return dates_for_case(self.rulebook(), detail, destination, on)

    def backup(self, path: str | Path) -> Path:
        from db.maintenance import backup

        return backup(self.engine(), Path(path))

    def close(self) -> None:
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None


def _normalise_url(value: str) -> str:
    return value if "://" in value else f"sqlite:///{Path(value).expanduser().resolve()}"
