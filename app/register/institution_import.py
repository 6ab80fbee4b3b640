"""Importing the institution directory from CSV: insert or update by (institution_type, name), in one
transaction, with the same rules as the register import.

Columns (README): required institution_type, name, street1, city, country, email; optional attention,
street2, street3, street4, state, postal_code, verified, language (en, fr or bilingual: the language of
certificates to it; blank on a new entry: French for a Quebec address, English otherwise). The checks are
the request wizard's (app.register.recipients): institution_type is one of the institution_type table's types
(app.register.institution_types); country is an ISO 3166-1 code (CA, CAN) or an English name (Canada);
Canadian and US addresses need a province/state and a valid postal/ZIP code; verified is yes/no,
true/false or 1/0. An empty cell keeps the entry's current value; `[clear]` empties an optional field.
"""

from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.access.staff import Actor, Permission
from app.audit import trail as audit
from app.desk import Desk
from app.errors import ConflictError, CpcDeskError, ValidationError, ValidationErrors
from app.i18n import translate
from app.register.csv_input import CsvFileError, CsvRecord, CsvSource
from app.register.institution_types import InstitutionTypes, read_types
from app.register.institutions import (
    InstitutionRow,
    institution_row,
    save_institution,
)
from app.register.member_import import (
    ENCODING_NAMES,
    ImportCancelled,
    ImportResult,
    RowProblem,
    row_reporter,
)
from app.register.recipients import ADDRESS_FIELDS, FIELD_LABELS, validate_recipient
from app.register.text import clean_text, fold
from app.store.models import Institution, InstitutionType

REQUIRED_COLUMNS = ("institution_type", "name", "street1", "city", "country", "email")
OPTIONAL_COLUMNS = (
    "attention",
    "street2",
    "street3",
    "street4",
    "state",
    "postal_code",
    "verified",
    "language",
)
CLEARABLE = ("attention", "street2", "street3", "street4", "state", "postal_code")
CLEAR = "[clear]"
_COLUMN_OF_LABEL = {label: column for column, label in FIELD_LABELS.items()}
_YES = {"yes", "y", "true", "1", "verified", "x"}
_NO = {"no", "n", "false", "0", "unverified"}

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]


def _problems(line: int, raw: dict[str, str], exc: CpcDeskError) -> list[RowProblem]:
    errors = exc.errors if isinstance(exc, ValidationErrors) else [exc]
    out = []
    for e in errors:
        if isinstance(e, ValidationError):
            column = _COLUMN_OF_LABEL.get(e.field, e.field)
            out.append(RowProblem(line, column, raw.get(column, ""), e.message))
        else:
            out.append(RowProblem(line, "name", raw.get("name", ""), str(e)))
    return out


def _existing(session: Any, type_name: str, name: str) -> InstitutionRow | None:
    inst = session.scalar(
        select(Institution)
        .join(InstitutionType, Institution.type_id == InstitutionType.id)
        .where(InstitutionType.name == type_name, Institution.name == name)
    )
    return institution_row(inst) if inst is not None else None


def _check(
    session: Any, types: InstitutionTypes, record: CsvRecord, seen: dict[tuple[str, str], int]
) -> tuple[dict[str, Any], InstitutionRow | None, bool | None, list[RowProblem]]:
    """The row merged over the entry it updates (empty cells keep what is there), checked; or its problems."""
    raw = record.values
    line = record.line
    if record.problem:
        return (
            {},
            None,
            None,
            [RowProblem(line, "", "", translate("Register", "the row {0}").format(record.problem))],
        )
    problems: list[RowProblem] = []
    verified: bool | None = None
    flag = raw.get("verified", "").strip().casefold()
    if flag in _YES:
        verified = True
    elif flag in _NO:
        verified = False
    elif flag:
        problems.append(
            RowProblem(line, "verified", raw["verified"], translate("Register", "must be yes or no"))
        )
    type_name = name = ""
    try:
        type_name = types.canonical(
            "institution_type", clean_text("institution_type", raw.get("institution_type", ""), required=True)
        )
    except ValidationError as exc:
        problems.append(RowProblem(line, "institution_type", raw.get("institution_type", ""), exc.message))
    try:
        name = clean_text("name", raw.get("name", ""), required=True)
    except ValidationError as exc:
        problems.append(RowProblem(line, "name", raw.get("name", ""), exc.message))
    if not type_name or not name:
        return {}, None, verified, problems
    key = (type_name, fold(name))
    if key in seen:
        reason = translate("Register", "repeats line {0}; each institution once").format(seen[key])
        return {}, None, verified, [*problems, RowProblem(line, "name", raw.get("name", ""), reason)]
    seen[key] = line
    current = _existing(session, type_name, name)
    merged: dict[str, Any] = {"institution_type": type_name, "name": name}
    for column in (*ADDRESS_FIELDS[1:], "language"):
        cell = raw.get(column, "")
        if cell.strip().casefold() == CLEAR and column in CLEARABLE:
            merged[column] = ""
        elif cell.strip() or (current is None and column != "language"):
            merged[column] = cell
        elif current is None:  # a new entry without a language: the default rule (save_institution)
            continue
        else:
            merged[column] = getattr(current, column)
    try:
        clean = validate_recipient(merged, types)
    except ValidationErrors as exc:
        return {}, current, verified, [*problems, *_problems(line, raw, exc)]
    values = {k: v for k, v in asdict(clean).items() if k in (*ADDRESS_FIELDS, "institution_type")}
    if "language" in merged:
        values["language"] = clean.language
    return values, current, verified, problems


def import_institutions(
    desk: Desk,
    actor: Actor,
    path: str | Path,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    encoding: str = "",
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> ImportResult:
    """Check every row and add or update directory entries by type and name, all in one transaction."""
    actor.require(Permission.IMPORT)
    actor.require(Permission.EDIT_INSTITUTIONS)
    path = Path(path)
    source = CsvSource(
        path, REQUIRED_COLUMNS, OPTIONAL_COLUMNS, what="institutions", declared_encoding=encoding
    )
    result = ImportResult(file=path.name, encoding=ENCODING_NAMES.get(source.encoding, source.encoding))
    result.dry_run = dry_run
    seen: dict[tuple[str, str], int] = {}

    report = row_reporter(result, progress, cancelled)

    class _Rollback(Exception):
        pass

    try:
        with desk.db.write() as session:
            types = read_types(session)
            for record in source.records(report):
                result.rows += 1
                values, current, verified, problems = _check(session, types, record, seen)
                if problems:
                    result.refused_rows += 1
                    result.problems.extend(problems)
                    continue
                if dry_run:
                    if current is None:
                        result.inserted += 1
                    elif any(values[f] != getattr(current, f) for f in values) or (
                        verified is not None and verified != current.verified
                    ):
                        result.updated += 1
                    else:
                        result.unchanged += 1
                    continue
                try:
                    _row_saved, outcome = save_institution(
                        session,
                        actor,
                        values,
                        institution_id=current.id if current else None,
                        verified=verified if verified is not None or current is not None else False,
                        audited=False,
                        types=types,
                    )
                except (ValidationErrors, ValidationError, ConflictError) as exc:
                    result.refused_rows += 1
                    result.problems.extend(_problems(record.line, record.values, exc))
                    continue
                if outcome == "added":
                    result.inserted += 1
                elif outcome == "updated":
                    result.updated += 1
                else:
                    result.unchanged += 1
            if cancelled is not None and cancelled():
                raise ImportCancelled(translate("Register", "The import was stopped; nothing was changed."))
            if result.rows == 0:
                raise CsvFileError(
                    translate(
                        "Register", "{0} has a header but no institution rows; there is nothing to import."
                    ).format(path.name)
                )
            if dry_run or (result.refused_rows and not skip_invalid):
                raise _Rollback
            audit.record(
                session,
                actor,
                "institutions.imported",
                subject=path.name,
                after=result.audit_record(path),
            )
            result.committed = True
    except _Rollback:
        pass
    return result
