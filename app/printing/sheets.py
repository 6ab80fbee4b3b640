"""The print-ready output of a batch: the merged PDF, written as a stream, and the separator sheets.

`MergedPdfWriter` copies the pages of many small PDFs into one file without holding them in memory:
each page's objects are written out as soon as the page is added, and only their file offsets are
kept (a few bytes per object). Identical self-contained streams (the crest, the same font subset) are
written once and shared. Signature fields are left out: a merged print file is for paper, and each
certificate's signed PDF stays in the database and in the per-certificate folder.

A separator sheet introduces each institution's certificates; its address block sits where the
window of a #10 envelope (Letter folded in three) or of a DL envelope (A4 folded in three) shows it.
"""

import hashlib
import io
import os
import re
from array import array
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

from app.document.certificates import _register_fonts, country_name

_INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")
# Page entries not copied: the page tree is this file's own, and form fields (the signature's widget)
# and structure references mean nothing outside their document. /Annots is copied without widgets.
_NOT_COPIED = ("/Parent", "/StructParents", "/Annots")
_CATALOG_ID = 1
_PAGES_ID = 2
_OUTLINES_ID = 3


def _has_reference(obj: Any) -> bool:
    if isinstance(obj, IndirectObject):
        return True
    if isinstance(obj, dict):
        return any(_has_reference(v) for v in obj.values())
    if isinstance(obj, list):
        return any(_has_reference(v) for v in obj)
    return False


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write a whole file or nothing: a temporary name in the same folder, then renamed.

    `durable` waits for the disk before the rename (survives a power cut, not only a crash); callers
    that write thousands of files they can recreate pass False and flush once at the end.
    """
    temp = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with open(temp, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


_SHARED_KEPT = 256  # digests of streams the merged file remembers for reuse


class MergedPdfWriter:
    """One PDF made of the pages of many, streamed to disk; the file appears only when complete.

    Use as a context manager: leaving the block normally renames the finished file into place; an
    exception leaves no file (and no partial one) behind.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._temp = self.path.with_name(f".{self.path.name}.{os.getpid()}.partial")
        self._fh: BinaryIO | None = open(self._temp, "wb")  # noqa: SIM115 - closed in close()/abort()
        # index = object number; 1-3 written at the end. A C array: 8 bytes an object rather than a Python
        # int's 36, and a certificate adds about 16 objects (a 10,000-certificate file holds 160,000).
        self._offsets = array("q", [0, 0, 0, 0])
        # The page order: one slot per added PDF (or reserved for one to come), each its page numbers.
        self._slots: list[list[int]] = []
        self._bookmarks: dict[int, str] = {}  # slot -> the title of its first page in the outline
        # Self-contained streams already written, by digest, the most recently used last: the ones every
        # certificate repeats (the seal, the logo, whole fonts) stay; a certificate's own (its QR code, its
        # font subsets: about three each) fall out instead of piling up over a long batch.
        self._shared: OrderedDict[bytes, int] = OrderedDict()
        self._fh.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    # --- public -------------------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return sum(len(pages) for pages in self._slots)

    def reserve(self) -> int:
        """A place at the end of the page order for a PDF added later with `add_pdf(..., slot=)`.

        The pages land in the file whenever they are added; the page tree written at the end puts
        them in slot order. A slot never filled adds no page.
        """
        self._require_open()
        self._slots.append([])
        return len(self._slots) - 1

    def add_pdf(self, data: bytes, *, bookmark: str = "", slot: int | None = None) -> int:
        """Add every page of one PDF at the end, or in a reserved `slot` (`bookmark` names its first
        page in the outline); returns the pages added."""
        if slot is None:
            slot = self.reserve()
        elif self._slots[slot]:
            raise ValueError(f"slot {slot} of the merged PDF is already filled")
        source = _Source(data)
        pages = self._slots[slot]
        plans = None
        if source.page_numbers is not None:
            try:
                plans = [(n, self._plan_plain_page(n, source)) for n in source.page_numbers]
            except _NotPlain:
                plans = None
        if plans is not None:
            for number, entries in plans:
                pages.append(self._copy_plain_page(number, entries, source))
        else:
            for page in source.reader.pages:
                pages.append(self._copy_page(page, source))
        if bookmark and pages:
            self._bookmarks[slot] = bookmark
        return len(pages)

    def close(self) -> Path:
        """Finish the file (page tree, outline, cross-reference table) and move it into place."""
        fh = self._require_open()
        kids = ArrayObject(IndirectObject(p, 0, None) for pages in self._slots for p in pages)
        pages = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Pages"),
                NameObject("/Kids"): kids,
                NameObject("/Count"): _number(len(kids)),
            }
        )
        self._write_object(_PAGES_ID, pages)
        catalog = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Catalog"),
                NameObject("/Pages"): IndirectObject(_PAGES_ID, 0, None),
            }
        )
        outline = [(title, self._slots[slot][0]) for slot, title in sorted(self._bookmarks.items())]
        if outline:
            self._write_outline(outline)
            catalog[NameObject("/Outlines")] = IndirectObject(_OUTLINES_ID, 0, None)
            catalog[NameObject("/PageMode")] = NameObject("/UseOutlines")
        else:
            self._write_object(_OUTLINES_ID, DictionaryObject({NameObject("/Type"): NameObject("/Outlines")}))
        self._write_object(_CATALOG_ID, catalog)
        xref_at = fh.tell()
        size = len(self._offsets)
        lines = [f"xref\n0 {size}\n", "0000000000 65535 f \n"]
        lines.extend(f"{off:010d} 00000 n \n" for off in self._offsets[1:])
        fh.write("".join(lines).encode("ascii"))
        fh.write(
            f"trailer\n<< /Size {size} /Root {_CATALOG_ID} 0 R >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
        )
        fh.flush()
        os.fsync(fh.fileno())
        fh.close()
        self._fh = None
        os.replace(self._temp, self.path)
        return self.path

    def abort(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        self._temp.unlink(missing_ok=True)

    def __enter__(self) -> "MergedPdfWriter":
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    # --- internals ----------------------------------------------------------------------------

    def _require_open(self) -> BinaryIO:
        if self._fh is None:
            raise ValueError("the merged PDF is already closed")
        return self._fh

    def _reserve(self) -> int:
        self._offsets.append(0)
        return len(self._offsets) - 1

    def _write_object(self, number: int, obj: PdfObject | bytes) -> None:
        fh = self._require_open()
        self._offsets[number] = fh.tell()
        body = obj if isinstance(obj, bytes) else self._serialise_plain(obj)
        fh.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")

    @staticmethod
    def _serialise_plain(obj: PdfObject) -> bytes:
        buf = io.BytesIO()
        obj.write_to_stream(buf)
        return buf.getvalue()

    @staticmethod
    def _plan_plain_page(number: int, source: "_Source") -> list[tuple[bytes, bytes]]:
        """The entries a page is copied with (source numbering), read without pypdf: as `_copy_page`
        does, without its parent, structure and widget (form field) annotations, with the attributes
        it inherits from its page tree made its own. Raises _NotPlain before anything is written."""
        entries = source.entries(number)
        dropped = {key.encode() for key in _NOT_COPIED}
        kept = [(k, v) for k, v in entries.items() if k not in dropped]
        for key in _INHERITED:
            name = key.encode()
            if name in entries:
                continue
            parent, depth = entries.get(b"/Parent"), 0
            while parent is not None and depth < 64:
                node = source.entries(_ref_of(parent))
                if name in node:
                    kept.append((name, node[name]))
                    break
                parent, depth = node.get(b"/Parent"), depth + 1
        annots = entries.get(b"/Annots")
        if annots is not None:
            refs = _WHOLE_REF.findall(_strip_strings(source.resolve(annots)))
            own = [
                b"%s %s R" % (n, g)
                for n, g in refs
                if source.entries(int(n)).get(b"/Subtype", b"").strip() != b"/Widget"
            ]
            if own:
                kept.append((b"/Annots", b"[ " + b" ".join(own) + b" ]"))
        return kept

    def _copy_plain_page(self, number: int, entries: list[tuple[bytes, bytes]], source: "_Source") -> int:
        page_id = self._reserve()
        source.refs[number] = page_id
        body = [b"<<\n"]
        for key, value in entries:
            body += (key, b" ", self._rewrite(value, source), b"\n")
        body.append(b"/Parent %d 0 R\n>>" % _PAGES_ID)
        self._write_object(page_id, b"".join(body))
        self._copy_pending(source)
        return page_id

    def _copy_page(self, page: DictionaryObject, source: "_Source") -> int:
        page_id = self._reserve()
        own = page.indirect_reference
        if own is not None:
            source.refs[own.idnum] = page_id
        entries = DictionaryObject()
        for key, value in page.items():
            if key in _NOT_COPIED:
                continue
            entries[NameObject(key)] = value
        for key in _INHERITED:  # attributes a page may inherit from its source page tree
            if key not in entries:
                inherited = _inherited(page, key)
                if inherited is not None:
                    entries[NameObject(key)] = inherited
        source_annots = page.get("/Annots")
        source_annots = source_annots.get_object() if source_annots is not None else []
        annots = [a for a in source_annots if a.get_object().get("/Subtype") != "/Widget"]
        if annots:
            entries[NameObject("/Annots")] = ArrayObject(annots)
        entries[NameObject("/Parent")] = IndirectObject(_PAGES_ID, 0, None)
        self._write_object(page_id, self._serialise(entries, source))
        self._copy_pending(source)
        return page_id

    def _copy_pending(self, source: "_Source") -> None:
        """Write every object the copied pages refer to, directly or not, that is not written yet."""
        while source.pending:
            idnum = source.pending.pop()
            number = source.refs[idnum]
            raw = source.raw(idnum)
            if raw is not None:
                body, stream = raw
                text = self._rewrite(body, source)
                self._write_object(
                    number, text if stream is None else text + b"\nstream\n" + stream + b"\nendstream"
                )
            else:  # not a plain object in the file (e.g. in an object stream): go through pypdf
                target = IndirectObject(idnum, 0, source.reader).get_object()
                self._write_object(number, self._serialise(target, source))

    def _serialise(self, obj: Any, source: "_Source") -> bytes:
        buf = io.BytesIO()
        self._emit(obj, buf, source)
        return buf.getvalue()

    def _emit(self, obj: Any, out: io.BytesIO, source: "_Source") -> None:
        if isinstance(obj, IndirectObject):
            if obj.pdf is None:  # one of this file's own objects (the page tree)
                out.write(f"{obj.idnum} 0 R".encode())
                return
            out.write(f"{self._number_for(obj.idnum, source)} 0 R".encode())
        elif isinstance(obj, StreamObject):
            out.write(b"<<\n")
            for key, value in obj.items():
                if key == "/Length":
                    continue
                key.write_to_stream(out)
                out.write(b" ")
                self._emit(value, out, source)
                out.write(b"\n")
            data = obj._data
            out.write(f"/Length {len(data)}\n>>\nstream\n".encode())
            out.write(data)
            out.write(b"\nendstream")
        elif isinstance(obj, DictionaryObject):
            out.write(b"<<\n")
            for key, value in obj.items():
                NameObject(key).write_to_stream(out)
                out.write(b" ")
                self._emit(value, out, source)
                out.write(b"\n")
            out.write(b">>")
        elif isinstance(obj, ArrayObject):
            out.write(b"[")
            for item in obj:
                out.write(b" ")
                self._emit(item, out, source)
            out.write(b" ]")
        else:
            obj.write_to_stream(out)

    def _rewrite(self, body: bytes, source: "_Source") -> bytes:
        """An object's text with every reference renumbered for this file (strings left alone)."""

        def renumber(match: "re.Match[bytes]") -> bytes:
            if match.group(1) is None:
                return match.group(0)
            return b"%d 0 R" % self._number_for(int(match.group(1)), source)

        return _REF_OR_STRING.sub(renumber, body)

    def _number_for(self, idnum: int, source: "_Source") -> int:
        number = source.refs.get(idnum)
        if number is not None:
            return number
        raw = source.raw(idnum)
        stream = raw[1] if raw is not None else None
        if raw is not None and stream is not None and not _REF.search(_strip_strings(raw[0])):
            # A self-contained stream (an image, a font file): the same bytes are written once.
            body = raw[0]
            digest = hashlib.sha256(body + b"\x00" + stream).digest()
            shared = self._shared.get(digest)
            if shared is None:
                shared = self._reserve()
                self._shared[digest] = shared
                if len(self._shared) > _SHARED_KEPT:
                    self._shared.popitem(last=False)
                self._write_object(shared, body + b"\nstream\n" + stream + b"\nendstream")
            else:
                self._shared.move_to_end(digest)
            source.refs[idnum] = shared
            return shared
        number = self._reserve()
        source.refs[idnum] = number
        source.pending.append(idnum)
        return number

    def _write_outline(self, outline: list[tuple[str, int]]) -> None:
        ids = [self._reserve() for _ in outline]
        for i, ((title, page_id), item_id) in enumerate(zip(outline, ids, strict=True)):
            item = DictionaryObject(
                {
                    NameObject("/Title"): TextStringObject(title),
                    NameObject("/Parent"): IndirectObject(_OUTLINES_ID, 0, None),
                    NameObject("/Dest"): ArrayObject([IndirectObject(page_id, 0, None), NameObject("/Fit")]),
                }
            )
            if i > 0:
                item[NameObject("/Prev")] = IndirectObject(ids[i - 1], 0, None)
            if i + 1 < len(ids):
                item[NameObject("/Next")] = IndirectObject(ids[i + 1], 0, None)
            self._write_object(item_id, item)
        root = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Outlines"),
                NameObject("/First"): IndirectObject(ids[0], 0, None),
                NameObject("/Last"): IndirectObject(ids[-1], 0, None),
                NameObject("/Count"): _number(len(ids)),
            }
        )
        self._write_object(_OUTLINES_ID, root)


_REF_OR_STRING = re.compile(rb"\((?:\\.|[^\\()])*\)|(\d+)\s+\d+\s+R(?![A-Za-z0-9_])")
_REF = re.compile(rb"\d+\s+\d+\s+R(?![A-Za-z0-9_])")
_STRING = re.compile(rb"\((?:\\.|[^\\()])*\)")
_OBJ_HEAD = re.compile(rb"\s*\d+\s+\d+\s+obj")
_DICT_TOKENS = re.compile(rb"<<|>>|\(|<")
_LENGTH = re.compile(rb"/Length\s+(\d+)(\s+\d+\s+R)?")
# The plain-file reader (files with classic cross-reference tables: see _Source).
_STARTXREF = re.compile(rb"startxref\s+(\d+)")
_XREF_SECTION = re.compile(rb"[ \t\r\n]*(\d+)[ \t]+(\d+)[ \t]*(?:\r\n|\r|\n)")
_TRAILER = re.compile(rb"[ \t\r\n]*trailer[ \t\r\n]*")
_TRAILER_ROOT = re.compile(rb"/Root\s+(\d+)\s+\d+\s+R")
_TRAILER_PREV = re.compile(rb"/Prev\s+(\d+)")
_WHOLE_REF = re.compile(rb"(\d+)\s+(\d+)\s+R")
_NAME = re.compile(rb"/[^\s/<>\[\]()%{}]*")
_ATOM = re.compile(rb"[^\s/<>\[\]()%{}]+")
_SPACE = re.compile(rb"(?:\s|%[^\r\n]*)*")


def _strip_strings(body: bytes) -> bytes:
    return _STRING.sub(b"()", body)


class _Source:
    """One input PDF: the raw bytes of every plain object by offset, and its page tree.

    Copying an object's bytes (renumbering its references) is many times faster than parsing it
    into pypdf objects and writing it back, which matters when thousands of certificates are merged.
    A file with classic cross-reference tables (what reportlab and pyHanko write) is read here
    without pypdf at all; any other (cross-reference or object streams, a damaged table) is read
    through pypdf.
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._reader: PdfReader | None = None
        self.refs: dict[int, int] = {}  # source object number -> number in the merged file
        self.pending: list[int] = []
        self.page_numbers: list[int] | None = None  # the pages' object numbers, read without pypdf
        self.in_streams = False
        try:
            self.offsets, root = _plain_xref(data)
            self.page_numbers = self._plain_pages(root)
        except _NotPlain:
            reader = self.reader
            xref: dict[int, dict[int, int]] = getattr(reader, "xref", {}) or {}
            self.offsets = dict(xref.get(0, {}))
            self.in_streams = bool(getattr(reader, "xref_objStm", {}))
            self.page_numbers = None

    @property
    def reader(self) -> PdfReader:
        if self._reader is None:
            self._reader = PdfReader(io.BytesIO(self.data))
        return self._reader

    def entries(self, idnum: int) -> dict[bytes, bytes]:
        """The top-level entries of a plain dictionary object (raises _NotPlain for anything else)."""
        raw = self.raw(idnum)
        if raw is None:
            raise _NotPlain(f"object {idnum}")
        return _dict_entries(raw[0])

    def resolve(self, value: bytes) -> bytes:
        """A value's text, following it when it is a reference to a plain non-stream object."""
        ref = _WHOLE_REF.fullmatch(value.strip())
        if ref is None:
            return value
        raw = self.raw(int(ref.group(1)))
        if raw is None or raw[1] is not None:
            raise _NotPlain(f"object {int(ref.group(1))}")
        return raw[0]

    def _plain_pages(self, root: int) -> list[int]:
        pages = _ref_of(self.entries(root).get(b"/Pages", b""))
        found: list[int] = []
        seen: set[int] = set()
        todo = [(pages, 0)]
        while todo:
            node, depth = todo.pop()
            if node in seen or depth > 32 or len(found) > 10_000:
                raise _NotPlain("page tree")  # a loop or an absurd tree: pypdf decides
            seen.add(node)
            entries = self.entries(node)
            kind = entries.get(b"/Type", b"").strip()
            if kind == b"/Page":
                found.append(node)
            elif kind == b"/Pages":
                kids = _REF.findall(_strip_strings(self.resolve(entries.get(b"/Kids", b"[]"))))
                todo.extend((_ref_of(k), depth + 1) for k in reversed(kids))
            else:
                raise _NotPlain(f"page tree node {node}")
        return found

    def raw(self, idnum: int) -> tuple[bytes, bytes | None] | None:
        """(object text, stream data or None), or None when the object is not plainly in the file."""
        offset = self.offsets.get(idnum)
        if offset is None or (self.in_streams and idnum in self.reader.xref_objStm):  # type: ignore[attr-defined]
            return None
        data = self.data
        head = _OBJ_HEAD.match(data, offset)
        if head is None:
            return None
        start = head.end()
        while start < len(data) and data[start] in b" \t\r\n":
            start += 1
        if data.startswith(b"<<", start):
            end = _dict_end(data, start)
            if end is None:
                return None
            rest = end
            while rest < len(data) and data[rest] in b" \t\r\n":
                rest += 1
            if data.startswith(b"stream", rest):
                body = data[start:end]
                begin = rest + 6
                if data.startswith(b"\r\n", begin):
                    begin += 2
                elif data[begin : begin + 1] in (b"\n", b"\r"):
                    begin += 1
                length = self._length(body)
                if length is None:
                    return None
                return body, data[begin : begin + length]
        stop = data.find(b"endobj", start)
        if stop < 0:
            return None
        return data[start:stop].rstrip(), None

    def _length(self, body: bytes) -> int | None:
        match = _LENGTH.search(_strip_strings(body))
        if match is None:
            return None
        if match.group(2) is None:
            return int(match.group(1))
        if self._reader is None:  # a plain file: the length object is a plain number
            raw = self.raw(int(match.group(1)))
            text = raw[0].strip() if raw is not None and raw[1] is None else b""
            return int(text) if text.isdigit() else None
        value = IndirectObject(int(match.group(1)), 0, self.reader).get_object()
        return int(value) if isinstance(value, int) else None


def _dict_end(data: bytes, start: int) -> int | None:
    """The index just after the dictionary that starts at `start` (strings and hex strings skipped)."""
    depth = 0
    pos = start
    while True:
        match = _DICT_TOKENS.search(data, pos)
        if match is None:
            return None
        token = match.group(0)
        if token == b"<<":
            depth += 1
            pos = match.end()
        elif token == b">>":
            depth -= 1
            pos = match.end()
            if depth == 0:
                return pos
        elif token == b"(":
            string = _STRING.match(data, match.start())
            pos = string.end() if string else match.end()
        else:  # a hex string <...>
            close = data.find(b">", match.end())
            if close < 0:
                return None
            pos = close + 1


class _NotPlain(Exception):
    """Not a PDF (or an object) this module reads by itself: pypdf reads it instead."""


def _plain_xref(data: bytes) -> tuple[dict[int, int], int]:
    """(object number -> offset, the catalog's object number) from a file's classic cross-reference
    tables, the newest section first; raises _NotPlain for anything else."""
    tail = data.rfind(b"startxref", max(0, len(data) - 2048))
    match = _STARTXREF.match(data, tail) if tail >= 0 else None
    if match is None:
        raise _NotPlain("no startxref")
    offsets: dict[int, int | None] = {}
    root: int | None = None
    position: int | None = int(match.group(1))
    seen: set[int] = set()
    while position is not None:
        if position in seen or not data.startswith(b"xref", position):
            raise _NotPlain("not a cross-reference table")
        seen.add(position)
        pos = position + 4
        while (section := _XREF_SECTION.match(data, pos)) is not None:
            first, count = int(section.group(1)), int(section.group(2))
            pos = section.end()
            for number in range(first, first + count):
                entry = data[pos : pos + 20]
                if len(entry) != 20 or entry[10:11] != b" " or entry[16:17] != b" ":
                    raise _NotPlain("malformed cross-reference entry")
                kind = entry[17:18]
                if kind == b"n":
                    offsets.setdefault(number, int(entry[:10]))
                elif kind == b"f":
                    offsets.setdefault(number, None)  # freed in this revision: older ones do not count
                else:
                    raise _NotPlain("malformed cross-reference entry")
                pos += 20
        trailer = _TRAILER.match(data, pos)
        end = _dict_end(data, trailer.end()) if trailer is not None else None
        if trailer is None or end is None:
            raise _NotPlain("no trailer")
        text = _strip_strings(data[trailer.end() : end])
        if b"/XRefStm" in text or b"/Encrypt" in text:
            raise _NotPlain("hybrid or encrypted file")
        if root is None and (found := _TRAILER_ROOT.search(text)) is not None:
            root = int(found.group(1))
        prev = _TRAILER_PREV.search(text)
        position = int(prev.group(1)) if prev is not None else None
    if root is None:
        raise _NotPlain("no catalog")
    return {n: off for n, off in offsets.items() if off is not None}, root


def _value_end(data: bytes, pos: int) -> int:
    """The index just after the PDF value that starts at `pos` (after any white space)."""
    pos = _SPACE.match(data, pos).end()  # type: ignore[union-attr]
    if data.startswith(b"<<", pos):
        end = _dict_end(data, pos)
    elif data.startswith(b"<", pos):
        close = data.find(b">", pos)
        end = close + 1 if close >= 0 else None
    elif data.startswith(b"[", pos):
        pos += 1
        while True:
            pos = _SPACE.match(data, pos).end()  # type: ignore[union-attr]
            if data.startswith(b"]", pos):
                return pos + 1
            if pos >= len(data):
                raise _NotPlain("unterminated array")
            pos = _value_end(data, pos)
    elif data.startswith(b"(", pos):
        string = _STRING.match(data, pos)
        end = string.end() if string is not None else None
    elif data.startswith(b"/", pos):
        end = _NAME.match(data, pos).end()  # type: ignore[union-attr]
    else:
        ref = _WHOLE_REF.match(data, pos)
        atom = ref if ref is not None else _ATOM.match(data, pos)
        end = atom.end() if atom is not None else None
    if end is None:
        raise _NotPlain("unreadable value")
    return end


def _dict_entries(body: bytes) -> dict[bytes, bytes]:
    """The top-level entries of a dictionary's text, values as they are written (in order)."""
    pos = _SPACE.match(body).end()  # type: ignore[union-attr]
    if not body.startswith(b"<<", pos):
        raise _NotPlain("not a dictionary")
    pos += 2
    entries: dict[bytes, bytes] = {}
    while True:
        pos = _SPACE.match(body, pos).end()  # type: ignore[union-attr]
        if body.startswith(b">>", pos):
            return entries
        key = _NAME.match(body, pos)
        if key is None:
            raise _NotPlain("not a dictionary key")
        end = _value_end(body, key.end())
        entries[key.group(0)] = body[key.end() : end].strip()
        pos = end


def _ref_of(value: bytes) -> int:
    ref = _WHOLE_REF.fullmatch(value.strip())
    if ref is None:
        raise _NotPlain("not a reference")
    return int(ref.group(1))


def _number(value: int) -> PdfObject:
    return NumberObject(value)


def _inherited(page: DictionaryObject, key: str) -> Any:
    node: Any = page.get("/Parent")
    depth = 0
    while node is not None and depth < 64:
        node = node.get_object()
        if key in node:
            return node[key]
        node = node.get("/Parent")
        depth += 1
    return None


# --- separator sheets -------------------------------------------------------------------------

POINTS_PER_INCH = 72.0
POINTS_PER_MM = 72.0 / 25.4


@dataclass(frozen=True)
class EnvelopeWindow:
    """Where a windowed envelope shows the sheet folded in three, measured on the flat page."""

    name: str
    page_size: tuple[float, float]  # points
    left: float  # from the page's left edge, points
    top: float  # from the page's top edge, points
    width: float
    height: float


# #10 envelope (4 1/8 x 9 1/2 in), window 4 1/2 x 1 1/8 in, 7/8 in from the left and 1/2 in from the
# bottom; Letter folded in three puts the window over 2.04-3.17 in from the top of the page. The block
# is kept to the part that stays visible when the sheet slides in the envelope.
NO10_LETTER = EnvelopeWindow(
    "#10 envelope, Letter paper",
    (8.5 * POINTS_PER_INCH, 11 * POINTS_PER_INCH),
    left=1.0 * POINTS_PER_INCH,
    top=2.1 * POINTS_PER_INCH,
    width=4.0 * POINTS_PER_INCH,
    height=0.95 * POINTS_PER_INCH,
)
# DL envelope (110 x 220 mm), window 90 x 45 mm, 20 mm from the left and 15 mm from the bottom; A4
# folded in three puts it over 39-84 mm from the top of the page.
DL_A4 = EnvelopeWindow(
    "DL envelope, A4 paper",
    (210 * POINTS_PER_MM, 297 * POINTS_PER_MM),
    left=25 * POINTS_PER_MM,
    top=45 * POINTS_PER_MM,
    width=80 * POINTS_PER_MM,
    height=34 * POINTS_PER_MM,
)


def envelope_for_page(width: float, height: float) -> EnvelopeWindow:
    """The envelope that goes with a page size: A4 → DL, anything else → #10 (Letter)."""
    a4_w, a4_h = DL_A4.page_size
    if abs(width - a4_w) < 5 and abs(height - a4_h) < 5:
        return DL_A4
    return NO10_LETTER


@dataclass(frozen=True)
class SheetEntry:
    member_name: str
    cpso_number: str
    certificate_number: str


@dataclass(frozen=True)
class SeparatorSheet:
    """One institution's cover sheet: where its envelope goes and what is in it."""

    institution_name: str
    address_lines: tuple[str, ...]  # as printed in the window, the institution name first
    entries: tuple[SheetEntry, ...] = field(default_factory=tuple)
    batch_label: str = ""
    printed_on: date | None = None
    issuer_name: str = ""
    issuer_address: tuple[str, ...] = ()


def address_lines(
    name: str,
    attention: str,
    streets: Sequence[str],
    city: str,
    state: str,
    postal_code: str,
    country: str,
    *,
    home_country: str = "CA",
) -> tuple[str, ...]:
    """A mailing address as lines for the envelope window (country last, in capitals, when abroad)."""
    lines = [name]
    if attention:
        lines.append(f"Attn: {attention}")
    lines.extend(s for s in streets if s)
    code = country.upper()
    if code in ("CA", "US", "AU"):
        locality = " ".join(p for p in (city, state) if p)
        last = f"{locality}  {postal_code}".strip() if postal_code else locality
    elif code in ("GB", "IE"):
        lines.extend(p for p in (city, state) if p)
        last = postal_code
    else:
        last = " ".join(p for p in (postal_code, city) if p)
        if state:
            last = f"{last}, {state}" if last else state
    if last:
        lines.append(last)
    if code and code != home_country.upper():
        # the name as the certificate prints it
        lines.append(country_name(code).upper())
    return tuple(line for line in lines if line)


# The certificate's own faces (app.document.certificates registers them once per process): the sheets reuse
# them
# rather than loading a second copy of the fonts (the CJK face alone is several MB).
_SHEET_FACES = (("CPC-Sans", "CPC-Sans-Bold"), ("CPC-CJK", "CPC-CJK"))


def _font_for(text: str, bold: bool = False) -> str:
    """The first shipped face that can draw every character of `text` (Helvetica when none can)."""
    coverage = _register_fonts()
    wanted = {ord(ch) for ch in text if not ch.isspace()}
    for regular, heavy in _SHEET_FACES:
        name = heavy if bold else regular
        if wanted <= coverage[name]:  # looking a lazy face up loads it
            return name
    fallback = _SHEET_FACES[0][1 if bold else 0]
    return fallback if fallback in coverage else ("Helvetica-Bold" if bold else "Helvetica")


def _fit(text: str, font: str, size: float, width: float) -> str:
    # lazy: reportlab costs ~0.1 s; only a separator sheet is drawn with it (merging needs pypdf alone)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _draw(canvas: Any, x: float, y: float, text: str, size: float, width: float, bold: bool = False) -> None:
    """Draw one line in a font that has its characters, cut with an ellipsis where it would not fit."""
    font = _font_for(text, bold)
    canvas.setFont(font, size)
    canvas.drawString(x, y, _fit(text, font, size, width))


def render_separator_sheet(sheet: SeparatorSheet, window: EnvelopeWindow = NO10_LETTER) -> bytes:
    """One page: the address block in the envelope window, then the list of what the envelope holds."""
    # lazy: reportlab costs ~0.1 s; only a separator sheet is drawn with it (merging needs pypdf alone)
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    page_w, page_h = window.page_size
    c = Canvas(buf, pagesize=window.page_size, pageCompression=1, invariant=1)
    c.setTitle(f"Separator sheet: {sheet.institution_name}")
    c.setAuthor(sheet.issuer_name or "CPC Desk")
    margin = window.left
    text_width = page_w - 2 * margin

    # Return address, small, above the window.
    y = page_h - 0.6 * POINTS_PER_INCH
    if sheet.issuer_name:
        _draw(c, margin, y, sheet.issuer_name, 9, window.width, bold=True)
        y -= 11
    for line in sheet.issuer_address[:4]:
        _draw(c, margin, y, line, 8, window.width)
        y -= 10

    # The address block: the largest size (11 pt down to 7 pt) at which every line fits the window.
    lines = list(sheet.address_lines)
    size = 11.0

    def too_wide(line: str, bold: bool) -> bool:
        return bool(stringWidth(line, _font_for(line, bold), size) > window.width)

    while size > 7 and (
        len(lines) * size * 1.15 > window.height
        or any(too_wide(line, i == 0) for i, line in enumerate(lines))
    ):
        size -= 0.5
    leading = size * 1.15
    max_lines = max(1, int(window.height // leading))
    if len(lines) > max_lines:  # never print outside the window: join the last lines
        lines = lines[: max_lines - 1] + [", ".join(lines[max_lines - 1 :])]
    y = page_h - window.top - size
    for i, line in enumerate(lines):
        _draw(c, window.left, y, line, size, window.width, bold=i == 0)
        y -= leading

    # Fold marks in the left margin at one third and two thirds of the page.
    c.setLineWidth(0.5)
    for third in (1, 2):
        fy = page_h - page_h * third / 3
        c.line(0, fy, 0.25 * POINTS_PER_INCH, fy)

    # Below the first fold: what goes into this envelope.
    y = page_h - page_h / 3 - 0.5 * POINTS_PER_INCH
    _draw(c, margin, y, sheet.institution_name, 16, text_width, bold=True)
    y -= 20
    count = len(sheet.entries)
    summary = f"{count} certificate{'s' if count != 1 else ''} of professional conduct"
    if sheet.batch_label:
        summary += f" · {sheet.batch_label}"
    if sheet.printed_on is not None:
        summary += f" · printed {sheet.printed_on.isoformat()}"
    _draw(c, margin, y, summary, 10, text_width)
    y -= 22
    col = (margin, margin + 1.5 * POINTS_PER_INCH, margin + 2.6 * POINTS_PER_INCH)
    for x, heading in zip(col, ("Certificate", "CPSO number", "Member"), strict=True):
        _draw(c, x, y, heading, 9, 1.4 * POINTS_PER_INCH, bold=True)
    y -= 4
    c.line(margin, y, page_w - margin, y)
    y -= 12
    bottom = 0.75 * POINTS_PER_INCH
    for shown, entry in enumerate(sheet.entries):
        if y < bottom + 12 and shown < count - 1:
            _draw(c, col[0], y, f"… and {count - shown} more (see the pages that follow)", 9, text_width)
            break
        _draw(c, col[0], y, entry.certificate_number, 9, 1.4 * POINTS_PER_INCH)
        _draw(c, col[1], y, entry.cpso_number, 9, 1.0 * POINTS_PER_INCH)
        _draw(c, col[2], y, entry.member_name, 9, page_w - margin - col[2])
        y -= 12
    _draw(c, margin, 0.4 * POINTS_PER_INCH, "Separator sheet: not a certificate.", 7, text_width)
    c.showPage()
    c.save()
    return buf.getvalue()


def page_size_of(data: bytes) -> tuple[float, float]:
    """The first page's size, in points (to match separator sheets to the certificates)."""
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    return float(box.width), float(box.height)
