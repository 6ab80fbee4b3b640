"""Institution types: the `institution_type` table is the truth. This module seeds the default types into
it, reads the list in its display order, and maps a typed value to the table's name.

Read the list once per operation (a form, a file, a settings change) with `read_types` and pass the
`InstitutionTypes` to whatever checks values; checking a value never queries the database.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import translate
from app.register.text import fold
from app.store.db import Database
from app.store.models import InstitutionType

# What a new database starts with, in display order (position 1, 2, …). To add a type for every desk, add
# it here: Desk.open seeds the missing ones into existing databases too.
DEFAULT_TYPES: tuple[str, ...] = (
    "Hospital",
    "Health authority or facility",
    "Medical school or university",
    "Licensing or regulatory authority",
    "Insurance or liability protection",
    "Employer or locum agency",
    "Government or immigration",
    "Other",
)


@dataclass(frozen=True)
class InstitutionTypes:
    """The known types, in display order, and the one validator of a typed type."""

    names: tuple[str, ...]
    _by_key: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {fold(n): n for n in self.names})

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def position(self, name: str) -> int:
        """Where `name` sorts in the display order (unknown names last)."""
        return self.names.index(name) if name in self.names else len(self.names)

    def canonical(self, field_name: str, value: str) -> str:
        """The table's name for `value` as typed (case, spacing, accents and punctuation ignored);
        raises ValidationError(field_name, …) naming the value and listing the known types."""
        name = self._by_key.get(fold(value or ""))
        if name is None:
            typed = (value or "").strip()
            known = ", ".join(self.names)
            message = translate("Register", "{0!r} is not an institution type; must be one of: {1}").format(
                typed, known
            )
            raise ValidationError(field_name, message)
        return name


# For code that validates with no database at hand (a value built in memory before a desk is open):
# the types every database is seeded with.
DEFAULT_INSTITUTION_TYPES = InstitutionTypes(DEFAULT_TYPES)


def read_types(session: Session) -> InstitutionTypes:
    """The types in the table, in display order."""
    names = session.scalars(
        select(InstitutionType.name).order_by(InstitutionType.position, InstitutionType.id)
    )
    return InstitutionTypes(tuple(names))


def desk_types(db: Database) -> InstitutionTypes:
    """read_types in a session of its own, for a caller that holds none."""
    with db.read() as session:
        return read_types(session)


def ensure_default_types(db: Database) -> None:
    """Add the default types the table lacks, numbered by their place in DEFAULT_TYPES. Called once when
    a desk opens; cheap when nothing is missing (one read)."""
    with db.read() as session:
        have = set(read_types(session))
    if have.issuperset(DEFAULT_TYPES):
        return
    try:
        with db.write() as session:
            have = set(read_types(session))
            for position, name in enumerate(DEFAULT_TYPES, start=1):
                if name not in have:
                    session.add(InstitutionType(name=name, position=position))
    except IntegrityError:
        # Another desk seeded the same database at the same moment: its rows are the same ones.
        pass
