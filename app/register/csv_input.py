"""Reading the CSV files people bring (registers, directories, request lists), one row at a time.

Finds the encoding (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252) and the delimiter
(comma, semicolon or tab), checks the header against the columns a format names, numbers every row by
the line it starts on, and tells apart an empty file, a file that is not CSV and a file cut off in the
middle of a row. Memory stays bounded: the file is read in chunks and rows are yielded as they come.
"""

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import CpcDeskError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked

_CHUNK = 1 << 20
_DELIMITERS = (",", ";", "\t")
MAX_FIELD_CHARS = 131_072  # the csv module's own limit; a longer value means this is not our kind of CSV
# Opening bytes of files staff might pick by mistake.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", QT_TRANSLATE_NOOP("Register", "an Excel workbook or another ZIP file")),
    (b"\xd0\xcf\x11\xe0", QT_TRANSLATE_NOOP("Register", "an old Excel or Word file")),
    (b"%PDF", QT_TRANSLATE_NOOP("Register", "a PDF document")),
    (b"\x89PNG", QT_TRANSLATE_NOOP("Register", "a PNG image")),
    (b"\xff\xd8\xff", QT_TRANSLATE_NOOP("Register", "a JPEG image")),
    (b"SQLite format 3", QT_TRANSLATE_NOOP("Register", "an SQLite database")),
    (b"{\\rtf", QT_TRANSLATE_NOOP("Register", "an RTF document")),
)

ProgressFn = Callable[[int, int], None]  # (bytes read, total bytes)


class CsvFileError(CpcDeskError):
    """The file as a whole cannot be read as the CSV asked for; the message says why, for staff."""


@dataclass(frozen=True)
class CsvRecord:
    """One data row: the line it starts on (the header is line 1), its values by column, any shape problem."""

    line: int
    values: dict[str, str]
    problem: str = ""  # e.g. "has 3 values but the header names 14 columns"


def normalise_header(name: str) -> str:
    """ "First Name" / "first-name" / " FIRST_NAME " → "first_name"."""
    return "_".join(name.strip().casefold().replace("-", " ").replace("_", " ").split())


class _CountingReader(io.RawIOBase):
    def __init__(self, raw: io.BufferedReader) -> None:
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: "bytearray | memoryview") -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        return n

    def close(self) -> None:
        self._raw.close()
        super().close()


# A multi-byte UTF-8 sequence (é is C3 A9): a file holding these was written as UTF-8, so a byte that is
# not UTF-8 elsewhere in it is a mistake (two files pasted together), not a sign of Windows-1252.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
# What --encoding may name, and the codec each reads with.
ENCODING_CHOICES = {
    "utf-8": "utf-8-sig",
    "utf-16": "utf-16",
    "windows-1252": "cp1252",
    "cp1252": "cp1252",
    "latin-1": "latin-1",
    "iso-8859-1": "latin-1",
    "mac-roman": "mac_roman",
}


def encoding_choice(name: str) -> str:
    """The codec for a name given with --encoding; raises ValidationError naming the option."""
    codec = ENCODING_CHOICES.get(name.strip().lower().replace("_", "-"))
    if codec is None:
        raise ValidationError(
            "--encoding",
            translate("Register", "{0!r} is not an encoding we read (use one of: {1})").format(
                name, ", ".join(ENCODING_CHOICES)
            ),
        )
    return codec


def _bad_byte(path: Path, offset: int) -> str:
    """'line 3, byte 7 (0xE9)': where the byte at `offset` of the file is, as an editor counts."""
    line, line_start, value = 1, 0, 0
    with path.open("rb") as fh:
        read = 0
        while read <= offset and (chunk := fh.read(_CHUNK)):
            upto = chunk[: offset - read]
            newlines = upto.count(b"\n")
            if newlines:
                line += newlines
                line_start = read + upto.rindex(b"\n") + 1
            if offset - read < len(chunk):
                value = chunk[offset - read]
            read += len(chunk)
    return translate("Register", "line {0}, byte {1} (0x{2:02X})").format(
        line, offset - line_start + 1, value
    )


def _first_undecodable(path: Path, encoding: str) -> int | None:
    """The file offset of the first byte `encoding` cannot read, or None when the whole file reads."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    with path.open("rb") as fh:
        while True:
            chunk = fh.read(_CHUNK)
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                return offset - pending + exc.start
            if not chunk:
                return None
            offset += len(chunk)


def _has_utf8_sequences(path: Path) -> bool:
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            if _UTF8_SEQUENCE.search(chunk):
                return True
    return False


def detect_encoding(path: Path, declared: str = "") -> str:
    """The encoding of a text file read in chunks; raises CsvFileError for empty and non-text files.

    `declared` (the --encoding option) is trusted over any guess, and the file must read in it. Without
    it: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 - but a file that holds UTF-8
    sequences and also bytes that are not UTF-8 mixes encodings, and is refused naming the first bad byte
    rather than read as Windows-1252 (which would turn "Hélène" into "HÃ©lÃ¨ne")."""
    size = path.stat().st_size
    if size == 0:
        raise CsvFileError(
            translate("Register", "{0} is empty (0 bytes); there is nothing to import.").format(path.name)
        )
    with path.open("rb") as fh:
        head = fh.read(64)
        for magic, what in _SIGNATURES:
            if head.startswith(magic):
                raise CsvFileError(
                    translate(
                        "Register",
                        "{0} is not a CSV file: it looks like {1}. Save it as 'CSV UTF-8 "
                        "(comma delimited)' and import that file.",
                    ).format(path.name, translate_marked("Register", what))
                )
        if declared:
            codec = encoding_choice(declared)
            unreadable = _first_undecodable(path, codec)
            if unreadable is not None:
                raise CsvFileError(
                    translate(
                        "Register",
                        "{0} cannot be read as {1}: {2} is not a character in that "
                        "encoding. Check which encoding the file was saved in.",
                    ).format(path.name, declared, _bad_byte(path, unreadable))
                )
            return codec
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        fh.seek(0)
        # One pass for the usual case: the zero-byte check and the UTF-8 check read the same chunks.
        decoder = codecs.getincrementaldecoder("utf-8")()
        bad: int | None = None
        offset = 0
        while chunk := fh.read(_CHUNK):
            zero = chunk.find(b"\x00")
            if zero >= 0:
                raise CsvFileError(
                    translate(
                        "Register",
                        "{0} is not a CSV file: it contains binary data (a zero byte at byte {1:,}).",
                    ).format(path.name, offset + zero + 1)
                )
            if bad is None:
                pending = len(decoder.getstate()[0])
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    bad = offset - pending + exc.start
            offset += len(chunk)
        if bad is None:
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                bad = offset - pending
    if bad is None:
        return "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"
    if _has_utf8_sequences(path):
        raise CsvFileError(
            translate(
                "Register",
                "{0} mixes encodings: it is written in UTF-8, but {1} is not "
                "UTF-8 (perhaps a line pasted from another file). Retype the "
                "characters on that line and save the file as 'CSV UTF-8', or, "
                "if the whole file is in another encoding, say which with "
                "--encoding (for example --encoding windows-1252).",
            ).format(path.name, _bad_byte(path, bad))
        )
    # Not UTF-8: Windows-1252, unless it uses one of the five bytes that code page leaves undefined.
    bad = _first_undecodable(path, "cp1252")
    if bad is not None:
        raise CsvFileError(
            translate(
                "Register",
                "{0} is not a text file in a known encoding ({1}). Save it as "
                "'CSV UTF-8' and import that file.",
            ).format(path.name, _bad_byte(path, bad))
        )
    return "cp1252"


def _ends_with_newline(path: Path, encoding: str) -> bool:
    with path.open("rb") as fh:
        fh.seek(max(0, path.stat().st_size - 4))
        tail = fh.read()
    if encoding == "utf-16":
        return tail.endswith((b"\n\x00", b"\r\x00", b"\x00\n", b"\x00\r"))
    return tail.endswith((b"\n", b"\r"))


@dataclass
class CsvSource:
    """A CSV file checked against a format's columns. Iterate `records()` to read its rows.

    `required` columns must be in the header; `optional` ones may be; any other column is refused
    (a misspelt optional column would otherwise be dropped without a word). Header names are matched
    after `normalise_header`, so "First Name" is `first_name`.
    """

    path: Path
    required: Sequence[str]
    optional: Sequence[str] = ()
    what: str = "rows"
    declared_encoding: str = ""  # the --encoding option: read the file in it rather than guess
    encoding: str = field(init=False, default="")
    delimiter: str = field(init=False, default=",")
    columns: list[str] = field(init=False, default_factory=list)
    size: int = field(init=False, default=0)
    bytes_read: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        if not self.path.is_file():
            raise CsvFileError(
                translate("Register", "{0} does not exist or is not a file.").format(self.path)
            )
        self.size = self.path.stat().st_size
        self.encoding = detect_encoding(self.path, self.declared_encoding)
        self._read_header()

    # --- header ---------------------------------------------------------------------------------

    def _first_line(self) -> tuple[int, str]:
        with self.path.open("r", encoding=self.encoding, newline="") as fh:
            for number, line in enumerate(fh, start=1):
                if line.strip():
                    return number, line[:MAX_FIELD_CHARS]
        raise CsvFileError(
            translate("Register", "{0} has no text in it; there is nothing to import.").format(self.path.name)
        )

    def _read_header(self) -> None:
        self._header_line, line = self._first_line()
        known = set(self.required) | set(self.optional)
        best: tuple[int, str, list[str]] | None = None
        for delim in _DELIMITERS:
            try:
                names = next(csv.reader([line.rstrip("\r\n")], delimiter=delim))
            except (csv.Error, StopIteration):
                continue
            cols = [normalise_header(n) for n in names]
            score = sum(1 for c in cols if c in known)
            if best is None or score > best[0]:
                best = (score, delim, cols)
        assert best is not None
        score, self.delimiter, cols = best
        expected = ", ".join(self.required)
        if score == 0:
            raise CsvFileError(
                translate(
                    "Register",
                    "{0} does not start with a header line naming the columns "
                    "(expected {1}, …). Line {2} is: {3!r}. Is this the right file, "
                    "and is it saved as CSV?",
                ).format(self.path.name, expected, self._header_line, line.strip()[:80])
            )
        while cols and cols[-1] == "":  # trailing delimiters a spreadsheet may add
            cols.pop()
        problems = []
        if "" in cols:
            problems.append(translate("Register", "column {0} has no name").format(cols.index("") + 1))
        dupes = sorted({c for c in cols if c and cols.count(c) > 1})
        if dupes:
            problems.append(translate("Register", "these columns appear twice: {0}").format(", ".join(dupes)))
        missing = [c for c in self.required if c not in cols]
        if missing:
            problems.append(
                translate("Register", "required columns are missing: {0}").format(", ".join(missing))
            )
        unknown = [c for c in cols if c and c not in known]
        if unknown:
            problems.append(
                translate(
                    "Register", "these columns are not part of the format: {0} (the format's columns are {1})"
                ).format(", ".join(unknown), ", ".join([*self.required, *self.optional]))
            )
        if problems:
            raise CsvFileError(
                translate("Register", "The header of {0} (line {1}): {2}.").format(
                    self.path.name, self._header_line, "; ".join(problems)
                )
            )
        self.columns = cols

    # --- rows -----------------------------------------------------------------------------------

    def records(self, progress: ProgressFn | None = None) -> Iterator[CsvRecord]:
        """Every non-blank data row, in file order. Raises CsvFileError when the file is cut off."""
        ends_cleanly = _ends_with_newline(self.path, self.encoding)
        width = len(self.columns)
        counter = _CountingReader(self.path.open("rb"))  # type: ignore[arg-type]
        text = io.TextIOWrapper(io.BufferedReader(counter, _CHUNK), encoding=self.encoding, newline="")
        try:
            reader = csv.reader(text, delimiter=self.delimiter, strict=True)
            last_end = 0
            pending: CsvRecord | None = None
            pending_short = False
            pending_count = 0
            rows_seen = 0
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    start = last_end + 1
                    message = str(exc)
                    if "unexpected end of data" in message:
                        raise CsvFileError(
                            translate(
                                "Register",
                                "{0} ends in the middle of the row starting on line {1}: a "
                                "quoted value is never closed. The file may have been cut off "
                                "while it was copied or saved; nothing was imported.",
                            ).format(self.path.name, start)
                        ) from None
                    if "field larger" in message:
                        raise CsvFileError(
                            translate(
                                "Register",
                                "Line {0} of {1} has a value longer than {2:,} characters; it is "
                                "probably not a CSV file of the expected kind.",
                            ).format(start, self.path.name, MAX_FIELD_CHARS)
                        ) from None
                    raise CsvFileError(
                        translate(
                            "Register",
                            "{0} cannot be read as CSV at line {1}: {2} (a value containing "
                            'a quote must be wrapped in quotes, with the quote doubled: "")',
                        ).format(self.path.name, start, message)
                    ) from None
                start, last_end = last_end + 1, reader.line_num
                if start <= self._header_line:
                    continue  # blank lines before the header, and the header itself
                if not any(v.strip() for v in row):
                    continue
                rows_seen += 1
                if pending is not None:
                    yield pending
                    if progress is not None and rows_seen % 200 == 0:
                        self.bytes_read = counter.count
                        progress(counter.count, self.size)
                problem = ""
                if len(row) > width and not any(v.strip() for v in row[width:]):
                    row = row[:width]
                if len(row) != width:
                    problem = translate("Register", "has {0} values but the header names {1} columns").format(
                        len(row), width
                    )
                values = dict(zip(self.columns, row + [""] * (width - len(row)), strict=False))
                pending = CsvRecord(start, values, problem)
                pending_short = len(row) < width
                pending_count = len(row)
            if pending is not None:
                if pending_short and not ends_cleanly:
                    raise CsvFileError(
                        translate(
                            "Register",
                            "{0} ends in the middle of line {1}: that row has {2} of {3} "
                            "values and the file has no final line break. The file may have "
                            "been cut off while it was copied or saved; nothing was imported.",
                        ).format(self.path.name, pending.line, pending_count, width)
                    )
                yield pending
            self.bytes_read = counter.count
            if progress is not None:
                progress(self.size, self.size)
        finally:
            text.close()


def neutralise_for_spreadsheet(value: str) -> str:
    """A value written into a CSV report that staff open in a spreadsheet must not run as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
