"""Importing the register of members from CSV: insert or update by CPSO number, in one transaction.

Columns (README): required cpso_number, first_name, last_name, registration_class, status,
initial_registration_date; optional middle_name, certificate_expiry_date, specialties (";"-separated),
terms_conditions, discipline, pending_investigations, email, phone, practice_address.

Every row is checked; if any row is refused, nothing is imported (unless skip_invalid), and the problems
name the line, column, value and reason. An empty cell never erases what a member already has; the
value `[clear]` empties an optional field on purpose. Rows stream through in batches, so memory stays
bounded for a register of any size.
"""

import csv
import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from app.access.staff import Actor, Permission
from app.audit import trail as audit
from app.desk import Desk
from app.errors import CpcDeskError, ValidationError
from app.i18n import translate
from app.register.csv_input import CsvFileError, CsvRecord, CsvSource, neutralise_for_spreadsheet
from app.register.members import TOKEN_MAX_LENGTH, name_tokens
from app.register.text import check_characters, clean_text, fold, validate_email
from app.store.models import REGISTRATION_CLASSES, Member, MemberNameToken, MemberStatus, utcnow

REQUIRED_COLUMNS = (
    "cpso_number",
    "first_name",
    "last_name",
    "registration_class",
    "status",
    "initial_registration_date",
)
OPTIONAL_COLUMNS = (
    "middle_name",
    "certificate_expiry_date",
    "specialties",
    "terms_conditions",
    "discipline",
    "pending_investigations",
    "email",
    "phone",
    "practice_address",
)
CLEAR = "[clear]"
BATCH_ROWS = 1000
MAX_NOTE_LENGTH = 5000
_CPSO_RE = re.compile(r"^[0-9A-Z][0-9A-Z\-]{0,15}$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PHONE_RE = re.compile(r"^\+?[0-9 ().\-/]*[0-9][0-9 ().\-/]*(\s*(x|ext\.?)\s*[0-9]{1,6})?$", re.IGNORECASE)
_CLASSES = {fold(c): c for c in REGISTRATION_CLASSES}
_MEMBER: Table = Member.__table__  # type: ignore[assignment]
_TOKENS: Table = MemberNameToken.__table__  # type: ignore[assignment]
_FIELDS = (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)
_NAME_FIELDS = ("first_name", "middle_name", "last_name", "cpso_number")

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]


class ImportCancelled(CpcDeskError):
    """Staff stopped the import; nothing was changed."""


@dataclass(frozen=True)
class RowProblem:
    line: int
    column: str
    value: str
    reason: str


@dataclass
class ImportResult:
    file: str
    encoding: str = ""
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    refused_rows: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    dry_run: bool = False
    committed: bool = False

    @property
    def ok(self) -> bool:
        return self.refused_rows == 0

    def audit_record(self, path: Path) -> dict[str, Any]:
        """What the import's one audit event says about it (the file is named and fingerprinted)."""
        return {
            "file": path.name,
            "sha256": _sha256(path),
            "rows": self.rows,
            "inserted": self.inserted,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "refused_rows": self.refused_rows,
        }

    def summary(self, what: str = "members") -> str:
        """One line for staff: "3 rows read (UTF-8); added 2 members, updated 1, unchanged 0." """
        parts = [
            _grouped(translate("Register", "%n row(s) read ({0})", None, self.rows), self.rows).format(
                self.encoding
            )
        ]
        counts = (f"{self.updated:,}", f"{self.unchanged:,}")
        if self.committed:
            if what == "institutions":
                added = translate(
                    "Register", "added %n institution(s), updated {0}, unchanged {1}", None, self.inserted
                )
            else:
                added = translate(
                    "Register", "added %n member(s), updated {0}, unchanged {1}", None, self.inserted
                )
            parts.append(_grouped(added, self.inserted).format(*counts))
        elif self.dry_run:
            if what == "institutions":
                added = translate(
                    "Register",
                    "would add %n institution(s), update {0}, leave {1} unchanged",
                    None,
                    self.inserted,
                )
            else:
                added = translate(
                    "Register", "would add %n member(s), update {0}, leave {1} unchanged", None, self.inserted
                )
            parts.append(_grouped(added, self.inserted).format(*counts))
        if self.refused_rows:
            refused = translate("Register", "%n row(s) refused", None, self.refused_rows)
            parts.append(_grouped(refused, self.refused_rows))
        if self.dry_run:
            parts.append(translate("Register", "dry run: nothing was changed"))
        elif not self.committed:
            parts.append(translate("Register", "nothing was imported"))
        return "; ".join(parts) + "."


def _grouped(text: str, n: int) -> str:
    """A translated count with its thousands grouped as the rest of the summary writes them (1,500)."""
    return text.replace(str(n), f"{n:,}", 1) if n >= 1000 else text


# --- checking one row ------------------------------------------------------------------------------


def row_reporter(
    result: "ImportResult", progress: ProgressFn | None, cancelled: CancelledFn | None
) -> Callable[[int, int], None]:
    """The CSV reader's per-row callback for an import: stops it when cancelled, reports progress."""

    def report(done: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled(translate("Register", "The import was stopped; nothing was changed."))
        if progress is not None:
            progress(done, total, f"{result.rows:,} rows checked")

    return report


def _note(column: str, value: str) -> str:
    """Multi-line text (terms, discipline, address): line breaks kept, control characters refused."""
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    check_characters(column, text, allowed="\n\t")
    text = "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
    if len(text) > MAX_NOTE_LENGTH:
        raise ValidationError(
            column,
            translate("Register", "is {0:,} characters long; at most {1:,} are allowed").format(
                len(text), MAX_NOTE_LENGTH
            ),
        )
    return text


# A plain ASCII local part; anything else goes through the full check.
_SIMPLE_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")


@functools.lru_cache(maxsize=4096)
def _email_domain(domain: str) -> str:
    return validate_email("email", f"postmaster@{domain}").rpartition("@")[2]


def _email(value: str) -> str:
    """validate_email, with each domain checked once per import (a register repeats a few domains)."""
    text = value.strip()
    local, at, domain = text.rpartition("@")
    if at and len(text) <= 254 and len(local) <= 64 and _SIMPLE_LOCAL.match(local) and domain.isascii():
        return f"{local}@{_email_domain(domain)}"
    return validate_email("email", value)


def _note_of(column: str) -> Callable[[str], str]:
    return lambda value: _note(column, value)


def _iso_date(column: str, value: str) -> date:
    text = value.strip()
    if not _DATE_RE.match(text):
        raise ValidationError(
            column, translate("Register", "must be a date written YYYY-MM-DD (for example 2024-03-31)")
        )
    try:
        result = date.fromisoformat(text)
    except ValueError:
        raise ValidationError(column, translate("Register", "is not a real date")) from None
    if result.year < 1850:
        raise ValidationError(column, translate("Register", "is before 1850"))
    return result


def _name(column: str, value: str, required: bool) -> str:
    text = clean_text(column, value, required=required)
    if text and not any(ch.isalpha() for ch in text):
        raise ValidationError(column, translate("Register", "must contain at least one letter"))
    return text


def check_member_row(values: dict[str, str], today: date) -> tuple[dict[str, Any], list[ValidationError]]:
    """One CSV row's cleaned values (only columns with a value; None means "[clear]") and its problems."""
    out: dict[str, Any] = {}
    errors: list[ValidationError] = []

    def take(column: str, fn: Callable[[str], Any]) -> None:
        raw = values.get(column, "")
        if not raw.strip():
            if column in REQUIRED_COLUMNS:
                errors.append(ValidationError(column, translate("Register", "is required")))
            return
        if column in OPTIONAL_COLUMNS and raw.strip().casefold() == CLEAR:
            out[column] = None
            return
        try:
            out[column] = fn(raw)
        except ValidationError as exc:
            errors.append(exc)

    def cpso(v: str) -> str:
        text = v.strip().upper()
        if not _CPSO_RE.match(text):
            raise ValidationError(
                "cpso_number", translate("Register", "must be 1 to 16 letters or digits (for example 123456)")
            )
        return text

    def reg_class(v: str) -> str:
        text = clean_text("registration_class", v, required=True, max_length=64)
        return _CLASSES.get(fold(text), text)

    def status(v: str) -> MemberStatus:
        key = v.strip().casefold()
        for s in MemberStatus:
            if s.value == key:
                return s
        raise ValidationError(
            "status",
            translate("Register", "must be one of {0}").format(", ".join(s.value for s in MemberStatus)),
        )

    def initial(v: str) -> date:
        d = _iso_date("initial_registration_date", v)
        if d > today:
            raise ValidationError("initial_registration_date", translate("Register", "is in the future"))
        return d

    def specialties(v: str) -> str:
        parts = [clean_text("specialties", p) for p in unicodedata.normalize("NFC", v).split(";")]
        return "; ".join(p for p in parts if p)

    def phone(v: str) -> str:
        text = clean_text("phone", v, max_length=64)
        if not _PHONE_RE.match(text):
            raise ValidationError(
                "phone",
                translate("Register", "must be a telephone number (digits, spaces, + ( ) - . / and ext)"),
            )
        return text

    take("cpso_number", cpso)
    take("first_name", lambda v: _name("first_name", v, True))
    take("middle_name", lambda v: _name("middle_name", v, False))
    take("last_name", lambda v: _name("last_name", v, True))
    take("registration_class", reg_class)
    take("status", status)
    take("initial_registration_date", initial)
    take("certificate_expiry_date", lambda v: _iso_date("certificate_expiry_date", v))
    take("specialties", specialties)
    for column in ("terms_conditions", "discipline", "pending_investigations", "practice_address"):
        take(column, _note_of(column))
    take("email", _email)
    take("phone", phone)
    start, end = out.get("initial_registration_date"), out.get("certificate_expiry_date")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        errors.append(
            ValidationError(
                "certificate_expiry_date", translate("Register", "is before the initial registration date")
            )
        )
    return out, errors


# --- writing a batch -------------------------------------------------------------------------------


_DEFAULTS: dict[str, Any] = {
    "middle_name": "",
    "certificate_expiry_date": None,
    "specialties": "",
    "terms_conditions": "",
    "discipline": "",
    "pending_investigations": "",
    "email": "",
    "phone": "",
    "practice_address": "",
}


def _tokens_for(row: dict[str, Any]) -> set[str]:
    words = name_tokens(row["first_name"], row.get("middle_name") or "", row["last_name"])
    words.add(str(row["cpso_number"]).casefold()[:TOKEN_MAX_LENGTH])
    return words


def _search_name(row: dict[str, Any]) -> str:
    full = " ".join(p for p in (row["first_name"], row.get("middle_name") or "", row["last_name"]) if p)
    return fold(full)[:610]


def _apply_batch(session: Session, batch: list[dict[str, Any]], result: ImportResult, write: bool) -> None:
    numbers = [r["cpso_number"] for r in batch]
    cols = [_MEMBER.c.id, *(_MEMBER.c[f] for f in _FIELDS)]
    existing = {
        row.cpso_number: row._asdict()
        for row in session.execute(select(*cols).where(_MEMBER.c.cpso_number.in_(numbers)))
    }
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    renamed: list[dict[str, Any]] = []
    status_changed: list[int] = []  # their status_since becomes today (app.document.standing shows it)
    now = utcnow()
    for values in batch:
        old = existing.get(values["cpso_number"])
        if old is None:
            row = {
                **_DEFAULTS,
                **{k: ("" if v is None and k != "certificate_expiry_date" else v) for k, v in values.items()},
            }
            row["search_name"] = _search_name(row)
            row["created_at"] = row["updated_at"] = now
            inserts.append(row)
            continue
        merged = dict(old)
        for key, value in values.items():
            merged[key] = value if value is not None or key == "certificate_expiry_date" else ""
        if merged == old:
            result.unchanged += 1
            continue
        merged["b_id"] = merged.pop("id")
        merged["search_name"] = _search_name(merged)
        merged["updated_at"] = now
        updates.append(merged)
        if any(merged[f] != old[f] for f in _NAME_FIELDS):
            renamed.append(merged)
        if merged["status"] != old["status"]:
            status_changed.append(merged["b_id"])
    result.inserted += len(inserts)
    result.updated += len(updates)
    if not write:
        return
    if inserts:
        session.execute(insert(_MEMBER), inserts)
        # (not dict(result): a Result has .keys(), so dict() would take it for a mapping)
        ids = {
            number: member_id
            for number, member_id in session.execute(
                select(_MEMBER.c.cpso_number, _MEMBER.c.id).where(
                    _MEMBER.c.cpso_number.in_([r["cpso_number"] for r in inserts])
                )
            )
        }
        audit.changed(session, "member", list(ids.values()))
        tokens = [{"member_id": ids[r["cpso_number"]], "token": t} for r in inserts for t in _tokens_for(r)]
        session.execute(insert(_TOKENS), tokens)
    if updates:
        keys = [k for k in updates[0] if k != "b_id"]
        stmt = (
            update(_MEMBER)
            .where(_MEMBER.c.id == bindparam("b_id"))
            .values({k: bindparam(f"v_{k}") for k in keys})
        )
        session.execute(stmt, [{"b_id": u["b_id"], **{f"v_{k}": u[k] for k in keys}} for u in updates])
    if status_changed:
        session.execute(
            update(_MEMBER).where(_MEMBER.c.id.in_(status_changed)).values(status_since=date.today())
        )
    if updates:
        audit.changed(session, "member", [u["b_id"] for u in updates])
    if renamed:
        session.execute(delete(_TOKENS).where(_TOKENS.c.member_id.in_([r["b_id"] for r in renamed])))
        session.execute(
            insert(_TOKENS), [{"member_id": r["b_id"], "token": t} for r in renamed for t in _tokens_for(r)]
        )


# --- the import ------------------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def import_members(
    desk: Desk,
    actor: Actor,
    path: str | Path,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    encoding: str = "",
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    today: date | None = None,
) -> ImportResult:
    """Check every row of a register CSV and insert or update members by CPSO number, in one transaction.

    Nothing is written when any row is refused (unless `skip_invalid`) or on a dry run. `progress(done,
    total, text)` is called now and then with bytes read; `cancelled()` stops the import, changing nothing.
    Raises CsvFileError for a file that cannot be read as the register format at all.
    """
    actor.require(Permission.IMPORT)
    path = Path(path)
    source = CsvSource(path, REQUIRED_COLUMNS, OPTIONAL_COLUMNS, what="members", declared_encoding=encoding)
    result = ImportResult(file=path.name, encoding=ENCODING_NAMES.get(source.encoding, source.encoding))
    result.dry_run = dry_run
    today = today or date.today()
    seen: dict[str, int] = {}

    report = row_reporter(result, progress, cancelled)

    class _Rollback(Exception):
        pass

    try:
        with desk.db.write() as session:
            batch: list[dict[str, Any]] = []
            for record in source.records(report):
                result.rows += 1
                values, errors = _check_record(record, today, seen)
                if errors:
                    result.refused_rows += 1
                    result.problems.extend(errors)
                    continue
                batch.append(values)
                if len(batch) >= BATCH_ROWS:
                    _apply_batch(
                        session,
                        batch,
                        result,
                        write=not dry_run and not (result.refused_rows and not skip_invalid),
                    )
                    batch = []
            if cancelled is not None and cancelled():
                raise ImportCancelled(translate("Register", "The import was stopped; nothing was changed."))
            if result.rows == 0:
                raise CsvFileError(
                    translate(
                        "Register", "{0} has a header but no member rows; there is nothing to import."
                    ).format(path.name)
                )
            commit = not dry_run and (result.refused_rows == 0 or skip_invalid)
            _apply_batch(session, batch, result, write=commit)
            if not commit:
                raise _Rollback
            audit.record(
                session,
                actor,
                "members.imported",
                subject=path.name,
                after=result.audit_record(path),
            )
            result.committed = True
    except _Rollback:
        pass
    return result


def _check_record(
    record: CsvRecord, today: date, seen: dict[str, int]
) -> tuple[dict[str, Any], list[RowProblem]]:
    if record.problem:
        return {}, [
            RowProblem(record.line, "", "", translate("Register", "the row {0}").format(record.problem))
        ]
    values, errors = check_member_row(record.values, today)
    problems = [RowProblem(record.line, e.field, record.values.get(e.field, ""), e.message) for e in errors]
    number = values.get("cpso_number")
    if isinstance(number, str):
        first = seen.get(number)
        if first is not None:
            problems.append(
                RowProblem(
                    record.line,
                    "cpso_number",
                    record.values["cpso_number"],
                    translate("Register", "repeats line {0}; each member once").format(first),
                )
            )
        else:
            seen[number] = record.line
    return values, problems


ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with BOM",
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252",
}


def write_report(problems: Iterable[RowProblem], path: str | Path) -> None:
    """The refused rows as CSV (line, column, value, reason), UTF-8 with BOM so Excel reads it as such."""
    with Path(path).open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["line", "column", "value", "reason"])
        for p in problems:
            writer.writerow([p.line, p.column, neutralise_for_spreadsheet(p.value), p.reason])
