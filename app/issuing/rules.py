"""The issuing rules: how long a certificate is valid (per institution type) and why a request waits for
a registrar's review instead of being issued at once. Every path that issues asks here.
"""

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from app.document.disclosure import PrintedMember, format_date
from app.document.kinds import TITLES
from app.errors import ValidationError
from app.i18n import language, translate
from app.register.text import fold
from app.store.models import MemberStatus

if TYPE_CHECKING:
    from app.register.institution_types import InstitutionTypes


class SettingsReader(Protocol):
    """What the rules read of a desk's settings (app.settings.Settings; the settings module checks
    values with these rules, so the rules name only this)."""

    def get(self, key: str) -> Any: ...


DAYS_BY_TYPE_KEY = "validity.days_by_type"
DEFAULT_DAYS_KEY = "validity.default_days"


# --- validity --------------------------------------------------------------------------------------


def parse_days_by_type(field: str, text: str, types: "InstitutionTypes | None" = None) -> dict[str, int]:
    """'Hospital=60; Other=30' → {"Hospital": 60, "Other": 30}; raises ValidationError(field, …) for a part
    that is not Type=days, days that are not a whole number above zero, a type given twice, or (with
    `types`, the table's list) a type the table does not have. With `types` the names become the table's."""
    days_by_type: dict[str, int] = {}
    seen: dict[str, str] = {}
    for part in text.split(";"):
        if not part.strip():
            continue
        name, equals, days = (p.strip() for p in part.partition("="))
        if not equals or not name:
            raise ValidationError(
                field,
                translate("Issuing", "{0!r} is not Type=days (for example Hospital=60)").format(part.strip()),
            )
        if not days.isascii() or not days.isdigit() or int(days) <= 0:
            raise ValidationError(
                field,
                translate("Issuing", "the days for {0!r} must be a whole number greater than zero").format(
                    name
                ),
            )
        if types is not None:
            name = types.canonical(field, name)
        if fold(name) in seen:
            raise ValidationError(field, translate("Issuing", "{0!r} is given twice").format(name))
        seen[fold(name)] = name
        days_by_type[name] = int(days)
    return days_by_type


def format_days_by_type(days_by_type: dict[str, int]) -> str:
    """The setting's text for a parsed value: 'Hospital=60; Other=30'."""
    return "; ".join(f"{name}={days}" for name, days in days_by_type.items())


def validity_days(settings: "SettingsReader", institution_type: str) -> int:
    """Days a certificate for an institution of this type is valid: its entry in validity.days_by_type,
    else validity.default_days."""
    try:
        by_type = parse_days_by_type(DAYS_BY_TYPE_KEY, str(settings.get(DAYS_BY_TYPE_KEY)))
    except ValidationError:
        # Only a hand-edited settings file gets here (`settings set` refuses such a value): use the default.
        by_type = {}
    wanted = fold(institution_type)
    for name, days in by_type.items():
        if fold(name) == wanted:
            return days
    return int(settings.get(DEFAULT_DAYS_KEY))


def valid_until(
    settings: "SettingsReader",
    institution_type: str,
    issued_on: date,
    registration_expiry: date | None = None,
) -> date:
    """The last day a certificate issued on `issued_on` to an institution of this type is valid: the
    type's validity period, but never past the member's certificate of registration expiry (a CPC cannot
    vouch for a registration beyond its end)."""
    until = issued_on + timedelta(days=validity_days(settings, institution_type))
    if registration_expiry is not None and registration_expiry < until:
        return max(registration_expiry, issued_on)
    return until


def validity_shortened_reason(
    settings: "SettingsReader",
    institution_type: str,
    issued_on: date,
    registration_expiry: date | None,
) -> str:
    """Why valid-until is earlier than the type's validity period ("" when it is not): the sentence the
    wizard's review shows."""
    full = valid_until(settings, institution_type, issued_on)
    capped = valid_until(settings, institution_type, issued_on, registration_expiry)
    if capped >= full or registration_expiry is None:
        return ""
    return translate(
        "Issuing",
        "Valid until {0}, not {1}: the member's certificate of registration expires on {2}, and a "
        "certificate of professional conduct never runs past it.",
    ).format(
        format_date(capped, language()),
        format_date(full, language()),
        format_date(registration_expiry, language()),
    )


# --- review ----------------------------------------------------------------------------------------


def review_reasons(member: PrintedMember) -> list[str]:
    """Why this member cannot be issued a certificate automatically (empty: issue at once)."""
    reasons = []
    if member.status != MemberStatus.ACTIVE:
        reasons.append(translate("Issuing", "registration status is {0}").format(member.status.value))
    if member.terms_conditions.strip():
        reasons.append(translate("Issuing", "has terms, conditions or limitations"))
    if member.discipline.strip():
        reasons.append(translate("Issuing", "has discipline findings"))
    if member.pending_investigations.strip():
        reasons.append(translate("Issuing", "has a pending investigation"))
    return reasons


# --- Copies of Documents ---------------------------------------------------------------------------

# The kinds of document a member may ask a copy of, as the catalogue, the command line and a batch name
# them; "cpc" is the Certificate of Professional Conduct itself.
DOCUMENT_KINDS: dict[str, str] = TITLES
# A diploma states a fact of history (the member was admitted), so its record stays valid for framing.
DIPLOMA_YEARS = 50
# A registration certificate or card whose member has no certificate expiry date on record.
DOCUMENT_DEFAULT_DAYS = 365


def document_kind(field: str, text: str) -> str:
    """The kind named by `text` ("registration", "card", "diploma"; any case); ValidationError otherwise."""
    kind = text.strip().lower()
    if kind not in DOCUMENT_KINDS:
        raise ValidationError(
            field,
            translate("Issuing", "{0!r} is not a document (choose {1})").format(
                text.strip(), ", ".join(DOCUMENT_KINDS)
            ),
        )
    return kind


def document_refusal(member: PrintedMember, kind: str) -> str:
    """Why this member may not be sent a copy of this document ("" when it may be sent).

    Documents go to the member: a deceased member gets none. A card says the bearer is a member in good
    standing, so only an active member gets one; a diploma marks admission, withdrawn by revocation.
    """
    status = member.status
    name = DOCUMENT_KINDS[kind]
    if status == MemberStatus.DECEASED:
        return translate("Issuing", "the member is recorded as deceased; no {0} is sent").format(name)
    if kind == "card" and status != MemberStatus.ACTIVE:
        return translate(
            "Issuing", "a {0} is issued only to an active member (registration status is {1})"
        ).format(name, status.value)
    if kind == "diploma" and status == MemberStatus.REVOKED:
        return translate("Issuing", "the member's registration is revoked; no {0} is issued").format(name)
    return ""


def document_valid_until(member: PrintedMember, kind: str, issued_on: date) -> date:
    """The last day a copy of a document issued today is confirmed by verification: a diploma for
    DIPLOMA_YEARS; a registration certificate or card until the member's certificate expiry date (or
    DOCUMENT_DEFAULT_DAYS when the register shows none, or it has passed)."""
    if kind == "diploma":
        try:
            return issued_on.replace(year=issued_on.year + DIPLOMA_YEARS)
        except ValueError:  # 29 February, in a year that has none
            return issued_on.replace(year=issued_on.year + DIPLOMA_YEARS, day=28)
    expiry = member.certificate_expiry_date
    if expiry is not None and expiry >= issued_on:
        return expiry
    return issued_on + timedelta(days=DOCUMENT_DEFAULT_DAYS)
