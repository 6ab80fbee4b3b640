"""Reading the CSV files people bring (registers, directories, request lists), one row at a time.

Finds the encoding (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252) and the delimiter
(comma, semicolon or tab), checks the header against the columns a format names, numbers every row by
the line it starts on, and tells apart an empty file, a file that is not CSV and a file cut off in the
middle of a row. Memory stays bounded: the file is read in chunks and rows are yielded as they come.
"""

import codecs
import csv
import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import CpcDeskError

_CHUNK = 1 << 20
_DELIMITERS = (",", ";", "\t")
MAX_FIELD_CHARS = 131_072  # the csv module's own limit; a longer value means this is not our kind of CSV
# Opening bytes of files staff might pick by mistake.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "an Excel workbook or another ZIP file"),
    (b"\xd0\xcf\x11\xe0", "an old Excel or Word file"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"SQLite format 3", "an SQLite database"),
    (b"{\\rtf", "an RTF document"),
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


def detect_encoding(path: Path) -> str:
    """The encoding of a text file read in chunks; raises CsvFileError for empty and non-text files."""
    size = path.stat().st_size
    if size == 0:
        raise CsvFileError(f"{path.name} is empty (0 bytes); there is nothing to import.")
    with path.open("rb") as fh:
        head = fh.read(64)
        for magic, what in _SIGNATURES:
            if head.startswith(magic):
                raise CsvFileError(
                    f"{path.name} is not a CSV file: it looks like {what}. "
                    "Save it as 'CSV UTF-8 (comma delimited)' and import that file."
                )
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        utf8 = True
        offset = 0
        while chunk := fh.read(_CHUNK):
            zero = chunk.find(b"\x00")
            if zero >= 0:
                raise CsvFileError(
                    f"{path.name} is not a CSV file: it contains binary data (a zero byte at byte "
                    f"{offset + zero + 1:,})."
                )
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
            offset += len(chunk)
        if utf8:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                utf8 = False
        if utf8:
            return "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"
        # Not UTF-8: Windows-1252, unless it uses one of the five bytes that code page leaves undefined.
        fh.seek(0)
        line = 1
        while chunk := fh.read(_CHUNK):
            try:
                chunk.decode("cp1252")
            except UnicodeDecodeError as exc:
                line += chunk[: exc.start].count(b"\n")
                raise CsvFileError(
                    f"{path.name} is not a text file in a known encoding (line {line} has byte "
                    f"0x{chunk[exc.start]:02X}). Save it as 'CSV UTF-8' and import that file."
                ) from None
            line += chunk.count(b"\n")
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
    encoding: str = field(init=False, default="")
    delimiter: str = field(init=False, default=",")
    columns: list[str] = field(init=False, default_factory=list)
    size: int = field(init=False, default=0)
    bytes_read: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        if not self.path.is_file():
            raise CsvFileError(f"{self.path} does not exist or is not a file.")
        self.size = self.path.stat().st_size
        self.encoding = detect_encoding(self.path)
        self._read_header()

    # --- header ---------------------------------------------------------------------------------

    def _first_line(self) -> tuple[int, str]:
        with self.path.open("r", encoding=self.encoding, newline="") as fh:
            for number, line in enumerate(fh, start=1):
                if line.strip():
                    return number, line[:MAX_FIELD_CHARS]
        raise CsvFileError(f"{self.path.name} has no text in it; there is nothing to import.")

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
                f"{self.path.name} does not start with a header line naming the columns (expected "
                f"{expected}, …). Line {self._header_line} is: {line.strip()[:80]!r}. "
                "Is this the right file, and is it saved as CSV?"
            )
        while cols and cols[-1] == "":  # trailing delimiters a spreadsheet may add
            cols.pop()
        problems = []
        if "" in cols:
            problems.append(f"column {cols.index('') + 1} has no name")
        dupes = sorted({c for c in cols if c and cols.count(c) > 1})
        if dupes:
            problems.append("these columns appear twice: " + ", ".join(dupes))
        missing = [c for c in self.required if c not in cols]
        if missing:
            problems.append("required columns are missing: " + ", ".join(missing))
        unknown = [c for c in cols if c and c not in known]
        if unknown:
            problems.append(
                "these columns are not part of the format: "
                + ", ".join(unknown)
                + " (the format's columns are "
                + ", ".join([*self.required, *self.optional])
                + ")"
            )
        if problems:
            raise CsvFileError(
                f"The header of {self.path.name} (line {self._header_line}): " + "; ".join(problems) + "."
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
                            f"{self.path.name} ends in the middle of the row starting on line {start}: a "
                            "quoted value is never closed. The file may have been cut off while it was "
                            "copied or saved; nothing was imported."
                        ) from None
                    if "field larger" in message:
                        raise CsvFileError(
                            f"Line {start} of {self.path.name} has a value longer than {MAX_FIELD_CHARS:,} "
                            "characters; it is probably not a CSV file of the expected kind."
                        ) from None
                    raise CsvFileError(
                        f"{self.path.name} cannot be read as CSV at line {start}: {message} "
                        '(a value containing a quote must be wrapped in quotes, with the quote doubled: "")'
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
                    problem = f"has {len(row)} values but the header names {width} columns"
                values = dict(zip(self.columns, row + [""] * (width - len(row)), strict=False))
                pending = CsvRecord(start, values, problem)
                pending_short = len(row) < width
            if pending is not None:
                if pending_short and not ends_cleanly:
                    raise CsvFileError(
                        f"{self.path.name} ends in the middle of line {pending.line}: that row has "
                        f"{pending.problem.split(' ')[1]} of {width} values and the file has no final line "
                        "break. The file may have been cut off while it was copied or saved; nothing was "
                        "imported."
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
