"""What a certificate discloses about the member, and in which words: the ordered fields with their
printed labels, the "None on record" text and the sentence explaining each empty section.

The PDF (app.document.certificates) and the wizard's "what the certificate will disclose"
(app.issuing.requests.summarise_member) both print `disclosure(...)`, so the two never differ. To disclose
one more fact, add it to DISCLOSED_FIELDS (and to CertificateContent / disclosed_facts).
"""

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    pass

NONE_ON_RECORD = "None on record."
NO_EXPIRY_ON_RECORD = "None on record (the register shows no expiry date)"
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Sentences that explain an empty section: a blank is stated and explained, never just left out.
EMPTY_EXPLANATIONS = {
    "terms_conditions": (
        "The register shows no terms, conditions or limitations on this member's certificate of registration."
    ),
    "discipline": (
        "The register shows no finding of professional misconduct, incompetence or incapacity made "
        "against this member by a discipline committee or tribunal."
    ),
    "pending_investigations": (
        "The register shows no allegation referred to a discipline committee or tribunal, and no other "
        "investigation of this member that the College discloses, as pending."
    ),
    "specialties": "The register shows no specialty recognised for this member.",
}


@dataclass(frozen=True)
class DisclosedField:
    field: str  # the attribute of CertificateContent / DisclosedFacts
    label: str  # as printed on the certificate
    section: bool = False  # a headed section of free text, after the member block


DISCLOSED_FIELDS: tuple[DisclosedField, ...] = (
    DisclosedField("member_name", "Name"),
    DisclosedField("cpso_number", "CPSO number"),
    DisclosedField("registration_class", "Class of registration"),
    DisclosedField("member_status", "Current status"),
    DisclosedField("initial_registration_date", "Initial registration"),
    DisclosedField("certificate_expiry_date", "Certificate expiry"),
    DisclosedField("specialties", "Specialties"),
    DisclosedField("terms_conditions", "Terms, conditions and limitations", section=True),
    DisclosedField("discipline", "Discipline findings", section=True),
    DisclosedField("pending_investigations", "Pending investigations", section=True),
)


def format_date(value: date) -> str:
    """An unambiguous date in words, the same in every locale: 25 November 2026."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def status_text(status: Any) -> str:
    """A member status as printed: "Active", "Suspended"."""
    return str(getattr(status, "value", status)).replace("_", " ").capitalize()


class _Facts(Protocol):
    """What is disclosed, as CertificateContent and DisclosedFacts both hold it (read-only)."""

    @property
    def member_name(self) -> str: ...
    @property
    def cpso_number(self) -> str: ...
    @property
    def registration_class(self) -> str: ...
    @property
    def member_status(self) -> str: ...
    @property
    def initial_registration_date(self) -> date: ...
    @property
    def certificate_expiry_date(self) -> date | None: ...
    @property
    def specialties(self) -> tuple[str, ...]: ...
    @property
    def terms_conditions(self) -> str: ...
    @property
    def discipline(self) -> str: ...
    @property
    def pending_investigations(self) -> str: ...


@dataclass(frozen=True)
class DisclosedFacts:
    member_name: str
    cpso_number: str
    registration_class: str
    member_status: str
    initial_registration_date: date
    certificate_expiry_date: date | None
    specialties: tuple[str, ...]
    terms_conditions: str
    discipline: str
    pending_investigations: str


class PrintedMember(Protocol):
    """The member values a certificate prints: a Member row or the batch's compact copy of one."""

    @property
    def full_name(self) -> str: ...
    @property
    def specialty_list(self) -> list[str]: ...
    @property
    def cpso_number(self) -> str: ...
    @property
    def registration_class(self) -> str: ...
    @property
    def status(self) -> Any: ...
    @property
    def initial_registration_date(self) -> date: ...
    @property
    def certificate_expiry_date(self) -> date | None: ...
    @property
    def terms_conditions(self) -> str: ...
    @property
    def discipline(self) -> str: ...
    @property
    def pending_investigations(self) -> str: ...


def disclosed_facts(member: PrintedMember) -> DisclosedFacts:
    """The disclosed facts of a member as the register holds them today."""
    return DisclosedFacts(
        member_name=member.full_name,
        cpso_number=member.cpso_number,
        registration_class=member.registration_class,
        member_status=status_text(member.status),
        initial_registration_date=member.initial_registration_date,
        certificate_expiry_date=member.certificate_expiry_date,
        specialties=tuple(member.specialty_list),
        terms_conditions=member.terms_conditions.strip(),
        discipline=member.discipline.strip(),
        pending_investigations=member.pending_investigations.strip(),
    )


@dataclass(frozen=True)
class Disclosed:
    field: str
    label: str
    value: str  # as printed; NONE_ON_RECORD (or the expiry's wording) when the register has nothing
    explanation: str  # the sentence printed after an empty value; "" otherwise
    section: bool


def _printed(facts: _Facts, field: str) -> str:
    value = getattr(facts, field)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, tuple):
        return "; ".join(value)
    return "" if value is None else str(value)


def disclosure(facts: _Facts) -> tuple[Disclosed, ...]:
    """Every disclosed fact in the certificate's order and words."""
    out = []
    for item in DISCLOSED_FIELDS:
        value = _printed(facts, item.field)
        explanation = ""
        if not value.strip():
            value = NO_EXPIRY_ON_RECORD if item.field == "certificate_expiry_date" else NONE_ON_RECORD
            explanation = EMPTY_EXPLANATIONS.get(item.field, "")
        out.append(Disclosed(item.field, item.label, value, explanation, item.section))
    return tuple(out)
