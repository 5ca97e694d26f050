"""The services the window uses, built once by the composition root.

Plain Python (no Qt): the window calls these methods from worker threads and gets plain
read models back. Heavy modules (SQLAlchemy, Alembic, Babel) are imported on first use,
so the window paints before any of them is loaded.

Security: the desk holds the case log's *key* (never the passphrase) once the unlock dialog
has checked it, and the *actor* signed in. Every session it opens has that actor bound, so
each service checks the actor's permissions itself (``desktop.security.permissions``);
:meth:`Desk.call` checks the service's permission once more before the transaction starts,
and :meth:`Desk.can` tells the window what to offer at all. A desk without an actor (a log
without accounts, the training log, tests) acts as the local administrator.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.paths import default_db_url
from desktop.security.permissions import Actor, Permission, permission_of, require
from desktop.settings import Settings

if TYPE_CHECKING:
    from db.cipher import RawKey
    from desktop.rules import RuleBook
    from desktop.security.unlock import LogFile


class Desk:
    """Entry point to rules, calculator, case log and leaflets for one database."""

    def __init__(
        self,
        *,
        db_url: str | None = None,
        rules_dir: str | Path | None = None,
        settings: Settings | None = None,
        key: RawKey | None = None,
        actor: Actor | None = None,
        plain: bool = False,
    ) -> None:
        self.db_url = _normalise_url(db_url) if db_url else default_db_url()
        self.rules_dir = Path(rules_dir) if rules_dir else None
        self.settings = settings or Settings()
        self.key = key
        self.actor = actor
        #: A new log is made unencrypted (training and demo logs: made-up people only).
        self.plain = plain
        self._lock = threading.RLock()
        self._book: RuleBook | None = None
        self._engine: Any = None

    # ----- who and what ----------------------------------------------------------------
    def log_file(self) -> LogFile:
        """Where the case log is and whether it is encrypted (nothing is opened)."""
        from desktop.security.unlock import inspect_log

        return inspect_log(self.db_url)

    def unlock(self, passphrase: str) -> None:
        """Check the passphrase against the log (or take it for a new log) and keep the key.

        Raises ``WrongPassphrase`` (a ``UserError``) for a wrong one; for a new log, a
        ``UserError`` when it is too short. A plain log needs no passphrase.
        """
        from desktop.security.unlock import new_key, unlock

        log = self.log_file()
        if log.state == "encrypted" and log.path is not None:
            self.key = unlock(log.path, passphrase)
        elif log.state == "missing":
            self.key = new_key(passphrase)

    @property
    def acting(self) -> Actor:
        """The signed-in user, else the local administrator."""
        if self.actor is not None:
            return self.actor
        return Actor.local(str(self.settings.get("counsellor") or ""))

    def can(self, permission: Permission | None) -> bool:
        """Whether the window should offer an action needing ``permission``."""
        return self.acting.can(permission)

    @property
    def who(self) -> str | None:
        if self.actor is not None and self.actor.is_account:
            return self.actor.username
        return str(self.settings.get("counsellor")) or None

    def account_count(self) -> int:
        """Active accounts in the log (0: no sign-in needed yet)."""
        from desktop.security.accounts import count_accounts

        with self.session(bind=False) as session:
            return count_accounts(session)

    def sign_in(self, username: str, password: str) -> Actor:
        """Check the user's password; they act from now on (``SignInFailed`` if wrong)."""
        from desktop.security.accounts import authenticate

        with self.session(bind=False) as session:
            actor = authenticate(session=session, username=username, password=password)
        self.actor = actor
        return actor

    def create_first_administrator(
        self, username: str, password: str, display_name: str = ""
    ) -> Actor:
        """First start: the first account (administrator and coordinator), signed in."""
        from desktop.security.accounts import create_first_administrator

        with self.session(bind=False) as session:
            create_first_administrator(
                session=session, username=username, password=password, display_name=display_name
            )
        return self.sign_in(username, password)

    def check_secret(self, secret: str) -> bool:
        """The lock screen: the user's password, or the passphrase while there are no
        accounts (True when there is nothing to check: a plain log without accounts)."""
        if self.actor is not None and self.actor.is_account:
            from desktop.security.accounts import check_password

            with self.session(bind=False) as session:
                return check_password(
                    session=session, username=self.actor.username or "", password=secret
                )
        log = self.log_file()
        if self.key is None or log.path is None:
            return True
        from db.cipher import key_for_file

        return self.key.same_as(key_for_file(log.path, secret))

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
        quick = self._quick_connect(rules_only=True)
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
        """The database engine, with the schema brought up to date on first use.

        The first open also runs the retention rule (once a day, as the system).
        """
        with self._lock:
            if self._engine is None:
                from desktop.cases.storage import open_log

                engine = open_log(self.db_url, key=self.key, plain=self.plain)
                self._run_retention(engine)
                self._engine = engine
            return self._engine

    def _run_retention(self, engine: Any) -> None:
        from db.engine import session_scope
        from desktop.cases.retention import run_daily

        years = int(self.settings.get("retention_years") or 0)
        if years < 1:
            return
        with session_scope(engine) as session:
            run_daily(session, years=years)

    @contextmanager
    def session(self, *, bind: bool = True) -> Iterator[Any]:
        """A session with the acting user bound (``bind=False``: the desk itself acts)."""
        from sqlmodel import Session

        from desktop.security.permissions import bind_actor

        with Session(self.engine()) as session:
            if bind:
                bind_actor(session, self.actor)
            yield session
            session.commit()

    def call(self, service: Any, /, **kwargs: Any) -> Any:
        """Run one case-log service in its own transaction: ``service(session=…, **kwargs)``.

        Services that record who acted get the counsellor's name unless ``who`` is given.
        A service the user may not use is refused before the transaction starts.
        """
        import inspect

        require(self.acting, permission_of(service))
        if "who" in inspect.signature(service).parameters:
            kwargs.setdefault("who", self.who)
        with self.session() as session:
            return service(session=session, **kwargs)

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

        require(self.acting, Permission.RULES_LOCAL)
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

        require(self.acting, Permission.CASES_READ)
        connect = self._quick_connect()
        if connect is not None:
            quick = today_overview(connect, on)
            if quick is not None:
                return quick
        return self.today_overview(on)

    def _quick_connect(self, *, rules_only: bool = False) -> Any:
        """A DB-API connector for the start-up reads, while the full engine is not open yet.

        Case lists are read this way only for someone who sees every case (the quick read
        has no per-counsellor limits); local rules hold no personal data.
        """
        from desktop.cases.quick import encrypted, read_only

        if not rules_only and not self.acting.can(Permission.CASES_ALL):
            return None
        path = self.db_url.removeprefix("sqlite:///")
        if self._engine is None and self.db_url.startswith("sqlite:///") and path:
            if self.key is not None:
                return encrypted(Path(path), self.key)
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

        require(self.acting, Permission.LEAFLETS_BATCH)
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
            detail = get_case_detail(session=session, case_id=case_id, who=self.who)
        return dates_for_case(self.rulebook(), detail, destination, on)

    # ----- the log as a whole ------------------------------------------------------------
    def backup(self, path: str | Path) -> Path:
        """A backup (encrypted with the log's key when the log is encrypted)."""
        from db.maintenance import backup

        require(self.acting, Permission.LOG_BACKUP)
        return backup(self.engine(), Path(path))

    def encrypt(self, passphrase: str) -> Path:
        """Encrypt a plain log in place (see ``db.maintenance.encrypt_file``)."""
        from db.maintenance import encrypt_file
        from desktop.cases.storage import storage_errors
        from desktop.security.unlock import new_key

        require(self.acting, Permission.LOG_BACKUP)
        log = self.log_file()
        assert log.path is not None and log.state == "plain"
        key = new_key(passphrase)
        self.close()
        with storage_errors():
            dated = encrypt_file(log.path, key)
        self.key = key
        return dated

    def change_passphrase(self, current: str, new: str) -> None:
        """Re-key the log; the current passphrase must be typed again."""
        from desktop.cases.storage import change_passphrase

        require(self.acting, Permission.LOG_BACKUP)
        log = self.log_file()
        if self.key is None or log.path is None:
            from desktop.errors import UserError
            from desktop.i18n import gettext as _

            raise UserError(_("The case log is not encrypted."))
        from desktop.security.unlock import unlock

        unlock(log.path, current)
        self.close()
        self.key = change_passphrase(self.db_url, new, key=self.key)

    def close(self) -> None:
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None


def _normalise_url(value: str) -> str:
    return value if "://" in value else f"sqlite:///{Path(value).expanduser().resolve()}"
