"""Check a passphrase against the case log before the window or the ORM is loaded.

The unlock dialog and the command line call these: they read the file's salt, derive the key
(Argon2id, about a third of a second) and try it with one query through ``sqlcipher3``. What
comes back is the key itself (:class:`db.cipher.RawKey`), which the engine is then made with:
the passphrase is not kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db import cipher
from db.cipher import RawKey
from db.errors import WrongKey
from desktop.i18n import gettext as _
from desktop.security.passphrase import WrongPassphrase, check_new_passphrase


@dataclass(frozen=True)
class LogFile:
    """Where the case log is and whether it is encrypted.

    ``state``: ``missing`` (to be created), ``plain``, ``encrypted``, or ``server`` (not a
    file: a server database, encrypted or not by the server).
    """

    url: str
    path: Path | None
    state: str

    @property
    def encrypted(self) -> bool:
        return self.state == "encrypted"


def sqlite_path(url: str) -> Path | None:
    """The file of a ``sqlite:///`` URL without importing SQLAlchemy (None otherwise)."""
    scheme, sep, rest = url.partition(":///")
    if not sep or not scheme.startswith("sqlite") or not rest or rest.startswith(":memory:"):
        return None
    return Path(rest.split("?", 1)[0])


def inspect_log(url: str) -> LogFile:
    """Where the log at ``url`` is and in what state (nothing is opened or created)."""
    path = sqlite_path(url)
    if path is None:
        return LogFile(url=url, path=None, state="server")
    return LogFile(url=url, path=path, state=cipher.file_state(path))


def unlock(path: Path, passphrase: str) -> RawKey:
    """The key that opens the encrypted log at ``path``, or :class:`WrongPassphrase`."""
    try:
        key = cipher.key_for_file(path, passphrase)
        connection = cipher.connect(path, key)
    except WrongKey:
        raise WrongPassphrase(_("The passphrase does not open the case log.")) from None
    connection.close()
    return key


def new_key(passphrase: str) -> RawKey:
    """A key for a new log (fresh salt), after checking the passphrase is long enough."""
    check_new_passphrase(passphrase)
    return cipher.derive_key(passphrase)


def count_accounts(path: Path | None, key: RawKey | None) -> int:
    """How many active accounts the log file holds (0 for a new log or one without accounts)."""
    if path is None or cipher.file_state(path) == "missing":
        return 0
    connection = cipher.connect(path, key)
    try:
        exists = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'user_account'"
        ).fetchone()
        if not exists:
            return 0
        return int(
            connection.execute("SELECT count(*) FROM user_account WHERE active").fetchone()[0]
        )
    finally:
        connection.close()


class PrefetchedKey:
    """The key for ``MIGRANT_DESK_PASSPHRASE``, derived in a thread while Qt loads.

    Argon2 takes about a third of a second; started before the window's imports, it is
    usually done by the time the window would open, so a start with the variable set costs
    no extra wait before the first paint.
    """

    def __init__(self, url: str, passphrase: str) -> None:
        import threading

        self.url = url
        self._passphrase = passphrase
        self._key: RawKey | None = None
        self._error: Exception | None = None
        self._thread = threading.Thread(target=self._derive, name="unlock", daemon=True)
        self._thread.start()

    def _derive(self) -> None:
        log = inspect_log(self.url)
        try:
            if log.state == "encrypted" and log.path is not None:
                self._key = unlock(log.path, self._passphrase)
            elif log.state == "missing":
                self._key = new_key(self._passphrase)
        except Exception as exc:  # handed to the caller of result()
            self._error = exc
        finally:
            self._passphrase = ""

    def result(self) -> RawKey | None:
        """The key (None for a plain log); raises what deriving it raised."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._key


def prefetch_key(url: str) -> PrefetchedKey | None:
    """Start deriving the key from ``MIGRANT_DESK_PASSPHRASE`` if it is set and may be needed."""
    from desktop.security.passphrase import from_env

    passphrase = from_env()
    if passphrase is None or inspect_log(url).state not in ("encrypted", "missing"):
        return None
    return PrefetchedKey(url, passphrase)
