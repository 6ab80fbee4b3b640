"""What a certificate discloses about the member, and in which words: the ordered fields with their
printed labels, the "None on record" text and the sentence explaining each empty section, and every
other word the certificate prints (WORDING), in English and in French; and the words the Copies of
Documents print beyond those (DOCUMENT_WORDING).

The PDF (app.document.certificates) and the wizard's "what the certificate will disclose"
(app.issuing.requests.summarise_member) both print `disclosure(...)`, so the two never differ. To disclose
one more fact, add it to DISCLOSED_FIELDS (and to CertificateContent / disclosed_facts) and its French
label to FRENCH. Register content (names, specialties, free-text terms) is printed as recorded, in
every language.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any, Protocol

from app.language import CertificateLanguage

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


def format_date(value: date, language: str = CertificateLanguage.EN) -> str:
    """An unambiguous date in words: 25 November 2026; in French 25 novembre 2026, 1er décembre 2026.
    Bilingual: the English and the French form, joined by " / "."""
    return joined(language, lambda w: w.date(value))


# --------------------------------------------------------------------------------------------- words


@dataclass(frozen=True)
class Wording:
    """Every word a certificate prints in one language; `{placeholders}` are filled by the layout."""

    language: CertificateLanguage
    title: str
    subtitle: str  # {issuer}
    certificate_number: str
    issue_date: str
    valid_until: str
    member: str
    addressed_to: str
    attention: str  # {attention}
    labels: Mapping[str, str]  # DISCLOSED_FIELDS' field -> label
    none_on_record: str
    no_expiry_on_record: str
    explanations: Mapping[str, str]  # field -> the sentence explaining an empty value
    statuses: Mapping[str, str]  # a status as status_text prints it in English -> in this language
    attestation: str  # {issuer} {issue_date} {valid_until}
    signed_digitally: str
    how_to_check: str
    verification_code_label: str
    certificate_number_label: str
    signing_fingerprint_label: str
    check_instructions: str
    page_of: str  # {page} {total}
    continued: str
    demo_note: str
    months: tuple[str, ...]
    first_of_month: str  # how the 1st of a month is written ("1er" in French)

    def date(self, value: date) -> str:
        day = self.first_of_month if value.day == 1 else str(value.day)
        return f"{day} {self.months[value.month - 1]} {value.year}"


ENGLISH = Wording(
    language=CertificateLanguage.EN,
    title="Certificate of Professional Conduct",
    subtitle="A statement of the register of the {issuer}",
    certificate_number="Certificate number",
    issue_date="Issue date",
    valid_until="Valid until",
    member="Member",
    addressed_to="Addressed to",
    attention="Attention: {attention}",
    labels=MappingProxyType({f.field: f.label for f in DISCLOSED_FIELDS}),
    none_on_record=NONE_ON_RECORD,
    no_expiry_on_record=NO_EXPIRY_ON_RECORD,
    explanations=MappingProxyType(EMPTY_EXPLANATIONS),
    statuses=MappingProxyType({}),
    attestation=(
        "The {issuer} certifies that, on {issue_date}, its register shows the information above for the "
        "member named. This certificate is issued at the member's request for the addressee named above "
        "and is valid until {valid_until}."
    ),
    signed_digitally=(
        "This document is signed digitally by the issuing body. A PDF reader shows the signature and "
        "whether the file has been changed since it was signed."
    ),
    how_to_check="How to check this certificate",
    verification_code_label="Verification code:",
    certificate_number_label="Certificate number:",
    signing_fingerprint_label="Signing certificate SHA-256:",
    check_instructions=(
        "Scan the code, or go to the address below and enter the certificate number and the verification "
        "code. The PDF file carries the digital signature of the issuing body: any change to the file "
        "breaks the signature. A printed copy is genuine only if its number and code are confirmed "
        "online or by the registrar's office."
    ),
    page_of="Page {page} of {total}",
    continued="(continued)",
    demo_note="not an official document",
    months=MONTHS,
    first_of_month="1",
)

# Formal Canadian French, as a regulator writes it; a no-break space (U+00A0) before a colon.
FRENCH = Wording(
    language=CertificateLanguage.FR,
    title="Certificat de conduite professionnelle",
    subtitle="Extrait du registre tenu par\u00a0: {issuer}",
    certificate_number="Numéro du certificat",
    issue_date="Date de délivrance",
    valid_until="Valide jusqu'au",
    member="Membre",
    addressed_to="Destinataire",
    attention="À l'attention de\u00a0: {attention}",
    labels=MappingProxyType(
        {
            "member_name": "Nom",
            "cpso_number": "Numéro de membre (CPSO)",
            "registration_class": "Catégorie de certificat d'inscription",
            "member_status": "Statut actuel",
            "initial_registration_date": "Première inscription",
            "certificate_expiry_date": "Expiration du certificat",
            "specialties": "Spécialités",
            "terms_conditions": "Conditions et restrictions",
            "discipline": "Conclusions disciplinaires",
            "pending_investigations": "Enquêtes en cours",
        }
    ),
    none_on_record="Aucune mention au registre.",
    no_expiry_on_record="Aucune mention au registre (le registre n'indique aucune date d'expiration)",
    explanations=MappingProxyType(
        {
            "terms_conditions": (
                "Le registre n'indique aucune condition ni restriction dont serait assorti le certificat "
                "d'inscription de ce membre."
            ),
            "discipline": (
                "Le registre n'indique aucune conclusion de faute professionnelle, d'incompétence ou "
                "d'incapacité rendue contre ce membre par un comité de discipline ou un tribunal."
            ),
            "pending_investigations": (
                "Le registre n'indique, comme étant en cours, aucune allégation renvoyée à un comité de "
                "discipline ou à un tribunal, ni aucune autre enquête visant ce membre que l'Ordre divulgue."
            ),
            "specialties": "Le registre n'indique aucune spécialité reconnue à ce membre.",
        }
    ),
    statuses=MappingProxyType(
        {
            "Active": "Actif",
            "Suspended": "Suspendu",
            "Revoked": "Révoqué",
            "Resigned": "Démission",
            "Expired": "Expiré",
            "Deceased": "Décédé",
        }
    ),
    attestation=(
        "{issuer} atteste qu'en date du {issue_date}, son registre contient les renseignements "
        "ci-dessus au sujet du membre nommé. Le présent certificat est délivré à la demande du membre, à "
        "l'intention du destinataire nommé ci-dessus, et est valide jusqu'au {valid_until}."
    ),
    signed_digitally=(
        "Le présent document porte la signature numérique de l'organisme émetteur. Un lecteur PDF affiche "
        "la signature et indique si le fichier a été modifié depuis sa signature."
    ),
    how_to_check="Comment vérifier le présent certificat",
    verification_code_label="Code de vérification\u00a0:",
    certificate_number_label="Numéro du certificat\u00a0:",
    signing_fingerprint_label="Empreinte SHA-256 du certificat de signature\u00a0:",
    check_instructions=(
        "Balayez le code, ou rendez-vous à l'adresse ci-dessous et saisissez le numéro du certificat et le "
        "code de vérification. Le fichier PDF porte la signature numérique de l'organisme émetteur\u00a0: "
        "toute modification du fichier invalide la signature. Une copie imprimée n'est authentique que si "
        "son numéro et son code sont confirmés en ligne ou par le bureau du registraire."
    ),
    page_of="Page {page} de {total}",
    continued="(suite)",
    demo_note="document non officiel",
    months=(
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    first_of_month="1er",
)

WORDING: Mapping[CertificateLanguage, Wording] = MappingProxyType(
    {CertificateLanguage.EN: ENGLISH, CertificateLanguage.FR: FRENCH}
)


def wordings(language: str) -> tuple[Wording, ...]:
    """The wording of each language a certificate in `language` is written in, English first."""
    return tuple(WORDING[part] for part in CertificateLanguage(language).parts)


def joined(language: str, pick: Callable[[Wording], str], separator: str = " / ") -> str:
    """One piece of wording in `language`: on a bilingual certificate the English and the French,
    side by side (once when both are the same)."""
    texts: list[str] = []
    for wording in wordings(language):
        text = pick(wording)
        if text not in texts:
            texts.append(text)
    return separator.join(texts)


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
    # Per language written (one, or English then French): the value and the explanation in that language
    values: tuple[str, ...] = ()
    explanations: tuple[str, ...] = ()


def _printed(facts: _Facts, field: str, wording: Wording = ENGLISH) -> str:
    value = getattr(facts, field)
    if isinstance(value, date):
        return wording.date(value)
    if isinstance(value, tuple):
        return "; ".join(value)
    if field == "member_status":
        return wording.statuses.get(str(value), str(value))
    return "" if value is None else str(value)


def disclosure(facts: _Facts, language: str = CertificateLanguage.EN) -> tuple[Disclosed, ...]:
    """Every disclosed fact in the certificate's order and words, in `language`."""
    languages = wordings(language)
    out = []
    for item in DISCLOSED_FIELDS:
        values: list[str] = []
        explanations: list[str] = []
        for wording in languages:
            value = _printed(facts, item.field, wording)
            explanation = ""
            if not value.strip():
                empty_expiry = item.field == "certificate_expiry_date"
                value = wording.no_expiry_on_record if empty_expiry else wording.none_on_record
                explanation = wording.explanations.get(item.field, "")
            values.append(value)
            explanations.append(explanation)
        # Register content is the same in every language: printed once.
        value_text = " / ".join(dict.fromkeys(values))
        out.append(
            Disclosed(
                item.field,
                " / ".join(dict.fromkeys(w.labels[item.field] for w in languages)),
                value_text,
                " ".join(e for e in explanations if e),
                item.section,
                tuple(values),
                tuple(explanations),
            )
        )
    return tuple(out)


# ------------------------------------------------------------------ the copies of documents' own words


@dataclass(frozen=True)
class DocumentWording:
    """The words the copies of documents (app.document.member_documents) print in one language, beyond
    the certificate's (`wording`: the labels, "None on record", dates, page numbers, the demo note, the
    verification code's label, the statuses); `{placeholders}` are filled by the layout."""

    wording: Wording
    titles: Mapping[str, str]  # kind (app.document.kinds) -> title
    this_certifies: str
    registered_as_follows: str
    registration_status: str
    date_of_issue: str
    document_number: str
    attestation: str  # {issuer} {issue_date}
    how_to_check: str
    document_number_label: str
    check_instructions: str
    page: str  # {page}: a page when the total is not known
    card_labels: Mapping[str, str]  # cpso_number, class, status, valid_until
    check_card: str
    verification_code: str  # without a colon (the card's small label)
    card_number: str
    card_words: str
    if_found: str  # followed by the issuer's name and address
    issued_on: str  # {issue_date}
    print_sheet: str  # {title} {number}
    print_intro: str
    front: str
    back: str
    diploma_certifies: str
    diploma_sentence: str  # {cpso} {issuer} {initial} {registration_class}
    given_on: str  # {issue_date}
    diploma_number: str  # {number}
    diploma_code: str  # {code}

    @property
    def language(self) -> CertificateLanguage:
        return self.wording.language


ENGLISH_DOCUMENTS = DocumentWording(
    wording=ENGLISH,
    titles=MappingProxyType(
        {
            "registration": "Certificate of Registration",
            "card": "Membership Card",
            "diploma": "Membership Diploma",
        }
    ),
    this_certifies="This certifies that",
    registered_as_follows="is registered with the College as follows:",
    registration_status="Registration status",
    date_of_issue="Date of issue",
    document_number="Document number",
    attestation=(
        "The {issuer} certifies that, on {issue_date}, its register shows the registration above for the "
        "member named. This copy is issued at the member's request."
    ),
    how_to_check="How to check this document",
    document_number_label="Document number:",
    check_instructions=(
        "Scan the code, or go to the address below and enter the document number and the verification code. "
        "The PDF file carries the digital signature of the issuing body: any change to the file breaks it."
    ),
    page="Page {page}",
    card_labels=MappingProxyType(
        {"cpso_number": "CPSO number", "class": "Class", "status": "Status", "valid_until": "Valid until"}
    ),
    check_card="Check this card",
    verification_code="Verification code",
    card_number="Card number",
    card_words=(
        "This card shows the holder's registration on the date of issue. The register is the authority: "
        "scan the code to see the current standing."
    ),
    if_found="If found, please return to:",
    issued_on="Issued {issue_date}",
    print_sheet="{title} {number}: print sheet",
    print_intro=(
        "Print this page at 100% (no scaling) on card stock, cut along the crop marks, and fold or glue the "
        "back to the front. Each side is 85.6 x 54 mm. Pages 1 and 2 of this file are the same card "
        "for a phone."
    ),
    front="Front",
    back="Back",
    diploma_certifies="This is to certify that",
    diploma_sentence=(
        "CPSO number {cpso}, was admitted to membership of the {issuer} on {initial} and is entered in its "
        "register in the class of {registration_class}."
    ),
    given_on="Given on {issue_date}",
    diploma_number="Diploma {number}",
    diploma_code="Verification code {code}",
)

FRENCH_DOCUMENTS = DocumentWording(
    wording=FRENCH,
    titles=MappingProxyType(
        {
            "registration": "Certificat d'inscription",
            "card": "Carte de membre",
            "diploma": "Diplôme de membre",
        }
    ),
    this_certifies="Nous attestons que",
    registered_as_follows="figure au registre de l'Ordre comme suit\u00a0:",
    registration_status="Statut d'inscription",
    date_of_issue="Date de délivrance",
    document_number="Numéro du document",
    attestation=(
        "{issuer} atteste qu'en date du {issue_date}, son registre contient l'inscription ci-dessus au nom "
        "du membre nommé. La présente copie est délivrée à la demande du membre."
    ),
    how_to_check="Comment vérifier le présent document",
    document_number_label="Numéro du document\u00a0:",
    check_instructions=(
        "Balayez le code, ou rendez-vous à l'adresse ci-dessous et saisissez le numéro du document et le "
        "code de vérification. Le fichier PDF porte la signature numérique de l'organisme émetteur\u00a0: "
        "toute modification du fichier l'invalide."
    ),
    page="Page {page}",
    card_labels=MappingProxyType(
        {"cpso_number": "No CPSO", "class": "Catégorie", "status": "Statut", "valid_until": "Valide jusqu'au"}
    ),
    check_card="Vérifier la présente carte",
    verification_code="Code de vérification",
    card_number="Numéro de la carte",
    card_words=(
        "La présente carte indique l'inscription du titulaire à la date de délivrance. Le registre fait "
        "foi\u00a0: balayez le code pour connaître le statut actuel."
    ),
    if_found="En cas de perte, retourner à\u00a0:",
    issued_on="Délivrée le {issue_date}",
    print_sheet="{title} {number}\u00a0: feuille d'impression",
    print_intro=(
        "Imprimez la présente page à 100\u00a0% (sans mise à l'échelle) sur du papier cartonné, découpez-la "
        "le long des traits de coupe, puis pliez ou collez le verso sur le recto. Chaque côté mesure "
        "85,6 x 54\u00a0mm. Les pages 1 et 2 du présent fichier contiennent la même carte, pour un téléphone."
    ),
    front="Recto",
    back="Verso",
    diploma_certifies="Nous attestons que",
    diploma_sentence=(
        "titulaire du numéro de membre (CPSO) {cpso}, figure au registre de l'Ordre depuis le {initial}, "
        "dans la catégorie «\u00a0{registration_class}\u00a0»."
    ),
    given_on="Fait le {issue_date}",
    diploma_number="Diplôme {number}",
    diploma_code="Code de vérification {code}",
)

DOCUMENT_WORDING: Mapping[CertificateLanguage, DocumentWording] = MappingProxyType(
    {CertificateLanguage.EN: ENGLISH_DOCUMENTS, CertificateLanguage.FR: FRENCH_DOCUMENTS}
)


def document_wordings(language: str) -> tuple[DocumentWording, ...]:
    """The documents' wording of each language written, English first."""
    return tuple(DOCUMENT_WORDING[part] for part in CertificateLanguage(language).parts)


def document_joined(language: str, pick: Callable[[DocumentWording], str], separator: str = " / ") -> str:
    """`joined` for the documents' words: on a bilingual document the English and the French."""
    return separator.join(dict.fromkeys(pick(w) for w in document_wordings(language)))
