"""The directory of recipient institutions: list by type, add, edit, mark verified. Every change is audited.

Values are checked by app.register.recipients.validate_recipient, the same checks the request wizard
applies, so
an entry taken from the directory always passes the wizard.
"""

from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.access.staff import Actor, Permission
from app.audit import trail as audit
from app.desk import Desk
from app.errors import ConflictError, NotFound
from app.i18n import translate
from app.register.institution_types import InstitutionTypes, read_types
from app.register.recipients import (
    SNAPSHOT_FIELDS,
    RecipientInput,
    address_of,
    default_language,
    validate_recipient,
)
from app.store.models import Institution, InstitutionType


@dataclass(frozen=True)
class InstitutionRow:
    id: int
    institution_type: str
    name: str
    attention: str
    street1: str
    street2: str
    street3: str
    street4: str
    city: str
    state: str
    country: str
    postal_code: str
    email: str
    verified: bool
    updated_at: datetime
    language: str = "en"  # certificates to this institution are written in it (wizard's default)

    def as_recipient(self) -> RecipientInput:
        return RecipientInput(
            institution_type=self.institution_type,
            institution_id=self.id,
            **address_of(self),
        )


def institution_row(inst: Institution) -> InstitutionRow:
    return InstitutionRow(
        id=inst.id,
        institution_type=inst.type.name,
        verified=inst.verified,
        updated_at=inst.updated_at,
        **address_of(inst),
    )


def institution_types(session: Session) -> list[str]:
    """The types in their display order, from the table."""
    return list(read_types(session))


def list_institutions(
    session: Session, institution_type: str | None = None, query: str = ""
) -> list[InstitutionRow]:
    """The directory (or one type of it), by name; `query` keeps entries whose name, city or email has it."""
    stmt = select(Institution).join(InstitutionType, Institution.type_id == InstitutionType.id)
    if institution_type:
        stmt = stmt.where(InstitutionType.name == institution_type)
    rows = [
        institution_row(i) for i in session.scalars(stmt.order_by(InstitutionType.position, Institution.name))
    ]
    words = query.casefold().split()
    if words:
        rows = [
            r
            for r in rows
            if all(w in f"{r.name} {r.city} {r.email} {r.attention}".casefold() for w in words)
        ]
    return rows


def directory_entries(
    desk: Desk, actor: Actor, institution_type: str | None = None, query: str = ""
) -> list[InstitutionRow]:
    """The directory as the Institutions screen lists it (see list_institutions), for a staff member
    allowed to search."""
    actor.require(Permission.SEARCH)
    with desk.db.read() as session:
        return list_institutions(session, institution_type, query)


def get_institution(session: Session, institution_id: int) -> InstitutionRow:
    inst = session.get(Institution, institution_id)
    if inst is None:
        raise NotFound(
            translate("Register", "Institution {0} is not in the directory.").format(institution_id)
        )
    return institution_row(inst)


def _type_of(session: Session, name: str) -> InstitutionType:
    # `name` came out of InstitutionTypes.canonical on this session's list, so the row is there.
    return session.scalars(select(InstitutionType).where(InstitutionType.name == name)).one()


def _duplicate(session: Session, type_id: int, name: str, other_than: int | None) -> Institution | None:
    stmt = select(Institution).where(Institution.type_id == type_id, Institution.name == name)
    if other_than is not None:
        stmt = stmt.where(Institution.id != other_than)
    return session.scalar(stmt)


def _snapshot(row: InstitutionRow) -> dict[str, Any]:
    data = asdict(row)
    data.pop("updated_at")
    return data


def save_institution(
    session: Session,
    actor: Actor,
    data: RecipientInput | Mapping[str, Any],
    *,
    institution_id: int | None = None,
    verified: bool | None = None,
    audited: bool = True,
    types: InstitutionTypes | None = None,
) -> tuple[InstitutionRow, str]:
    """Add (no id) or change (id) one entry in the caller's transaction; returns it and
    "added"/"updated"/"unchanged". Raises ValidationErrors naming each bad field, ConflictError for a
    second entry with the same type and name. `audited=False` is for an import, which records one
    summary event instead of one per entry. `types`: the table's list when the caller has read it already
    (an import reads it once per file), else it is read here."""
    actor.require(Permission.EDIT_INSTITUTIONS)
    clean = validate_recipient(data, types if types is not None else read_types(session))
    if isinstance(data, Mapping) and not str(data.get("language") or "").strip():
        # A form or file without a language keeps the entry's; a new entry gets the default rule's.
        existing = session.get(Institution, institution_id) if institution_id is not None else None
        language = (
            existing.language if existing is not None else default_language(None, clean.country, clean.state)
        )
        clean = replace(clean, language=language)
    kind = _type_of(session, clean.institution_type)
    clash = _duplicate(session, kind.id, clean.name, institution_id)
    if clash is not None:
        raise ConflictError(
            translate(
                "Register", "{0} is already in the directory as a {1} (entry {2}); edit that entry instead."
            ).format(clean.name, clean.institution_type.lower(), clash.id)
        )
    if institution_id is None:
        inst = Institution(type_id=kind.id, verified=bool(verified), **address_of(clean))
        session.add(inst)
        session.flush()
        session.refresh(inst)
        row = institution_row(inst)
        if audited:
            audit.record(session, actor, "institution.added", subject=inst.name, after=_snapshot(row))
        return row, "added"
    current = session.get(Institution, institution_id)
    if current is None:
        raise NotFound(
            translate("Register", "Institution {0} is not in the directory.").format(institution_id)
        )
    before = institution_row(current)
    current.type_id = kind.id
    for f in SNAPSHOT_FIELDS:
        setattr(current, f, getattr(clean, f))
    if verified is not None:
        current.verified = verified
    session.flush()
    session.refresh(current)
    after = institution_row(current)
    if _snapshot(after) == _snapshot(before):
        return after, "unchanged"
    if not audited:
        return after, "updated"
    audit.record(
        session,
        actor,
        "institution.updated",
        subject=current.name,
        before=_snapshot(before),
        after=_snapshot(after),
    )
    return after, "updated"


def add_institution(
    desk: Desk, actor: Actor, data: RecipientInput | Mapping[str, Any], *, verified: bool = False
) -> InstitutionRow:
    with desk.db.write() as session:
        return save_institution(session, actor, data, verified=verified)[0]


def edit_institution(
    desk: Desk,
    actor: Actor,
    institution_id: int,
    data: RecipientInput | Mapping[str, Any],
    *,
    verified: bool | None = None,
) -> InstitutionRow:
    with desk.db.write() as session:
        return save_institution(session, actor, data, institution_id=institution_id, verified=verified)[0]


def set_verified(desk: Desk, actor: Actor, institution_id: int, verified: bool = True) -> InstitutionRow:
    """Mark an entry verified (its address and email were confirmed with the institution) or not."""
    actor.require(Permission.EDIT_INSTITUTIONS)
    with desk.db.write() as session:
        inst = session.get(Institution, institution_id)
        if inst is None:
            raise NotFound(
                translate("Register", "Institution {0} is not in the directory.").format(institution_id)
            )
        if inst.verified == verified:
            return institution_row(inst)
        inst.verified = verified
        session.flush()
        audit.record(
            session,
            actor,
            "institution.verified" if verified else "institution.unverified",
            subject=inst.name,
            before={"id": inst.id, "verified": not verified},
            after={"id": inst.id, "verified": verified},
        )
        return institution_row(inst)
