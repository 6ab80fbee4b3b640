"""The one log: `logs/cpc-desk.log` in the data folder, configured once per process, never a secret.

`configure_logging` is called once at start by the window (ui/application.py) and by the command line
(app/cli/main.py). Every unexpected exception goes there with its traceback; what the user sees is a
sentence. Secrets are kept out twice: no code logs one, and every record is passed through
`RedactSecrets` first, which blanks the values handed to `remember_secret` in this process (the keyring's
secrets, through app/access/secrets.py; a database URL's password) and the password of any
`scheme://user:password@host` URL.
"""

import io
import logging
import logging.handlers
import os
import re
import sys
import threading
from pathlib import Path

LOG_FOLDER = "logs"
LOG_NAME = "cpc-desk.log"
# 1 MB a file and five old files: about a year of a busy desk's errors, and never more than 6 MB.
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
# The log holds tracebacks, which quote members' data: only the user who runs the desk may read it.
FOLDER_MODE = 0o700
FILE_MODE = 0o600
REDACTED = "[redacted]"
# Shorter values would blank ordinary words all over the log; no password of ours is that short.
_MIN_SECRET_LENGTH = 3
# `scheme://user:password@` in any URL (database URLs above all): the password is blanked.
_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@]*:)(?P<password>[^\s@/]+)(?=@)")
# Loggers too chatty at INFO: aiosmtpd (the demo mail server) logs every SMTP line, addresses included.
_QUIET = {
    "mail.log": logging.WARNING,
    # Alembic names each of its plugins at INFO on every start; the migrations it runs stay in the log.
    "alembic.runtime.plugins": logging.WARNING,
}
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

_lock = threading.Lock()
_secrets: set[str] = set()
_handlers: list[logging.Handler] = []
_saved_levels: dict[str, int] = {}
_log_path: Path | None = None


def remember_secret(value: str | bytes | None) -> None:
    """From now on `value` is blanked wherever it would appear in the log (this process only)."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if value and len(value) >= _MIN_SECRET_LENGTH:
        with _lock:
            _secrets.add(value)


def redact(text: str) -> str:
    """`text` without any remembered secret and without the password of any URL in it."""
    with _lock:
        known = sorted(_secrets, key=len, reverse=True)  # longest first: one secret may contain another
    for secret in known:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return _URL_PASSWORD.sub(lambda m: m.group("head") + REDACTED, text)


class RedactSecrets(logging.Filter):
    """Renders the record's message, traceback and stack once, redacted, before any handler writes it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file that every file of the rotation creates readable by the owner only."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        if hasattr(os, "fchmod"):
            os.fchmod(fd, FILE_MODE)  # a file made by an older version may be wider open
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


class _SentenceFormatter(logging.Formatter):
    """For a terminal: one line per record, never a traceback (that is in the file)."""

    def format(self, record: logging.LogRecord) -> str:
        text = f"cpc-desk: {record.getMessage()}"
        if _log_path is not None and (record.exc_info or record.exc_text):
            text += f" (details in {_log_path})"
        return text


def log_path(data_dir: Path) -> Path:
    return data_dir / LOG_FOLDER / LOG_NAME


def configure_logging(data_dir: Path, *, console: bool) -> Path | None:
    """Send this process's log records to the data folder's log file (and, with `console`, warnings as
    one line each to stderr). Calling it again replaces what an earlier call set up. Returns the log
    file, or None when it cannot be written (the desk still runs; nothing is logged to a file)."""
    global _log_path
    stop_logging()
    redacting = RedactSecrets()
    handlers: list[logging.Handler] = []
    path: Path | None = log_path(data_dir)
    assert path is not None
    try:
        path.parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        os.chmod(path.parent, FOLDER_MODE)
        file_handler = _PrivateRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        path = None
    else:
        file_handler.setLevel(logging.INFO)
        file_handler.setFormatter(logging.Formatter(_FORMAT))
        handlers.append(file_handler)
    if console:
        stream_handler = logging.StreamHandler(sys.stderr)
        stream_handler.setLevel(logging.WARNING)
        stream_handler.setFormatter(_SentenceFormatter())
        handlers.append(stream_handler)
    root = logging.getLogger()
    with _lock:
        _saved_levels[""] = root.level
        for name, level in _QUIET.items():
            _saved_levels[name] = logging.getLogger(name).level
            logging.getLogger(name).setLevel(level)
        for handler in handlers:
            handler.addFilter(redacting)
            root.addHandler(handler)
        _handlers.extend(handlers)
        _log_path = path
    root.setLevel(logging.INFO)
    return path


def current_log_path() -> Path | None:
    """The file this process logs to, if any (named in the sentences shown for unexpected errors)."""
    return _log_path


def stop_logging() -> None:
    """Detach and close what `configure_logging` set up (at the end of a run; tests run many in one
    process)."""
    global _log_path
    root = logging.getLogger()
    with _lock:
        for handler in _handlers:
            root.removeHandler(handler)
            handler.close()
        _handlers.clear()
        for name, level in _saved_levels.items():
            logging.getLogger(name or None).setLevel(level)
        _saved_levels.clear()
        _log_path = None
