"""The one translation helper. Every string a user reads, on a screen or in a message from app/, is
written as a literal in a call that `pyside6-lupdate` extracts:

    translate("Context", "Text with {field}").format(field=...)
    translate("Context", "%n message(s) sent", None, count)    # plural forms: exactly this shape
    QT_TRANSLATE_NOOP("Context", "Label")                       # a literal kept in a table, translated later

The translations are Qt Linguist files, resources/translations/<area>_<language>.ts, one per area of the
code (AREAS), so translators (and parallel work) never share a file. The desk compiles them to .qm with
`pyside6-lrelease` (at build, or at its first start) and installs a Qt backend (ui/shell/translations.py);
without Qt (the command line, the verification service, the tests) the .ts files are read directly.
English is the source language: its catalogue holds only the plural forms."""

import functools
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

log = logging.getLogger(__name__)

# app.paths.RESOURCES, found here without importing app.paths (platformdirs) before the desk's first paint.
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = ("en", "fr")  # the desk's languages; "en" is the source text

# Each area of the code and the folders or files lupdate reads for it; a .py file under app/ or ui/ is in
# exactly one area (tests/test_translations.py checks it, and that every area's French file is complete).
AREAS: dict[str, tuple[str, ...]] = {
    "shell": ("ui/shell", "ui/common", "ui/__init__.py"),
    "request": ("ui/request",),
    "desk": ("ui/desk",),
    "batchmail": ("ui/batch", "ui/mail"),
    "admin": ("ui/admin",),
    "web": ("app/web",),
    "core": (
        "app/access",
        "app/audit",
        "app/batch",
        "app/document",
        "app/issuing",
        "app/mail",
        "app/printing",
        "app/register",
        "app/store",
        "app/errors.py",
        "app/failures.py",
        "app/settings.py",
        "app/setting_changes.py",
    ),
}

Backend = Callable[[str, str, int], str]


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks `source` for extraction under `context`; translate it where it is shown."""
    return source


def plural_form(language: str, n: int) -> int:
    """Index of the numerus form Qt's rules give for `n` (English: 1 | other; French: 0 and 1 | other)."""
    if language == "fr":
        return 0 if abs(n) < 2 else 1
    return 0 if abs(n) == 1 else 1


class Catalogue:
    """The translations of one language, read from the .ts source files (no Qt needed)."""

    def __init__(self, language: str, folder: Path = TRANSLATIONS) -> None:
        self.language = language
        self.messages: dict[tuple[str, str], str | list[str]] = {}
        for path in sorted(folder.glob(f"*_{language}.ts")):
            self._read(path)

    def _read(self, path: Path) -> None:
        import xml.etree.ElementTree as ET

        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as exc:
            log.warning("translation file %s cannot be read: %s", path, exc)
            return
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source")
                element = message.find("translation")
                if source is None or element is None:
                    continue
                if element.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                if message.get("numerus") == "yes":
                    forms = [f.text or "" for f in element.iter("numerusform")]
                    if all(forms):
                        self.messages[(name, source)] = forms
                elif element.text:
                    self.messages[(name, source)] = element.text

    def translate(self, context: str, source: str, n: int = -1) -> str:
        found = self.messages.get((context, source))
        if isinstance(found, list):
            text = found[min(plural_form(self.language, n), len(found) - 1)]
        else:
            text = found or source
        return text.replace("%n", str(n)) if n >= 0 else text


@functools.cache
def catalogue(language: str) -> Catalogue:
    """The catalogue of `language` ("en" or "fr"); read once."""
    return Catalogue(language if language in LANGUAGES else "en")


def _english(context: str, source: str, n: int) -> str:
    if n < 0:
        return source
    return catalogue("en").translate(context, source, n)


_backend: Backend = _english
_language = "en"
# A language asked for by the code running now (one request of the verification service, in its task or
# thread), over the process's own: the one home of a sentence serves every reader in theirs.
_speaking: ContextVar[str | None] = ContextVar("cpc_desk_speaking", default=None)


def install(backend: Backend | None, language: str = "en") -> None:
    """Route translate() through `backend` (the desk's Qt translators) for `language`; None goes back to
    English."""
    global _backend, _language
    _backend = backend or _english
    _language = language if backend else "en"


def language() -> str:
    """The language translate() answers in here and now ("en" or "fr"), for words it does not hold
    (dates in words: app.document.disclosure.format_date)."""
    return _speaking.get() or _language


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """translate() answers in `language` inside the block (this task or thread only), from the .ts files."""
    token = _speaking.set(language if language in LANGUAGES else "en")
    try:
        yield
    finally:
        _speaking.reset(token)


def translate(context: str, source: str, disambiguation: None = None, n: int = -1) -> str:
    """`source` in the language of this process (English unless the desk installed another one).

    The signature is Qt's, because lupdate reads only that shape: a plural is `translate(ctx, "%n …", None,
    count)`, all four positional (lupdate silently drops a call with `n=` or with three arguments)."""
    spoken = _speaking.get()
    if spoken is not None:
        return catalogue(spoken).translate(context, source, n)
    return _backend(context, source, n)


@functools.cache
def _language_tag() -> "re.Pattern[str]":
    # compiled on first use: the desk's first paint does not wait for a pattern only the web service uses
    return re.compile(
        r"^\s*([A-Za-z]{1,8})(?:-[A-Za-z0-9]{1,8})*\s*(?:;\s*q\s*=\s*([01](?:\.\d{0,3})?))?\s*$"
    )


def language_from_accept(header: str | None, default: str = "en") -> str:
    """The best of LANGUAGES for an HTTP Accept-Language header (RFC 9110 weights); `default` if none."""
    best, weight = default, -1.0
    for part in (header or "").split(",")[:32]:
        match = _language_tag().match(part)
        if not match:
            continue
        primary = match.group(1).lower()
        q = float(match.group(2)) if match.group(2) else 1.0
        if primary in LANGUAGES and q > weight and q > 0:
            best, weight = primary, q
    return best


def translate_marked(context: str, source: str, disambiguation: None = None, n: int = -1) -> str:
    """translate() for a value that is not a literal here because it was marked, as a literal, with
    QT_TRANSLATE_NOOP(context, ...) where it is defined (a table of labels, a tile list)."""
    return translate(context, source, None, n)
