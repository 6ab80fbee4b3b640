"""Who a certificate goes to: the recipient form's values, checked and normalised in one place.

Used by the request wizard and by the batch requests file. Every problem is reported at once, each naming
the field as the form labels it. Countries are ISO 3166-1 alpha-2 codes (pycountry); Canadian and US
addresses are checked against their provinces/states and postal/ZIP code formats, elsewhere free text.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from functools import cache
from typing import Any

import pycountry

from app.errors import ValidationError, ValidationErrors
from app.i18n import translate
from app.language import CertificateLanguage
from app.register.institution_types import DEFAULT_INSTITUTION_TYPES, InstitutionTypes
from app.register.text import clean_text, fold, validate_email

# Field name -> the label the form shows (and every error names).
FIELD_LABELS: dict[str, str] = {
    "institution_type": "Institution type",
    "institution_id": "Institution",
    "name": "Institution name",
    "attention": "Attention",
    "street1": "Street 1",
    "street2": "Street 2",
    "street3": "Street 3",
    "street4": "Street 4",
    "city": "City",
    "state": "State/Province",
    "country": "Country",
    "postal_code": "Zip/Postal code",
    "email": "Email address",
    "language": "Certificate language",
}
POSTAL_CODE_MAX = 32  # the column's width

# Countries whose addresses carry no postal code (Google's address metadata); elsewhere it is required.
NO_POSTAL_CODE = frozenset(
    "AE AG AN AO AW BF BI BJ BO BS BW BZ CD CF CG CI CK CM DJ DM ER FJ GD GH GM GQ GY HK HM IE KI KM KN KP "
    "LY ML MO MR MW NR NU QA RW SB SC SL SR ST SY TF TG TK TL TO TV UG VU YE ZW".split()
)
# Where the state/province is part of every address and is checked against the country's list.
CHECKED_SUBDIVISIONS = ("CA", "US")

_COUNTRY_ALIASES = {
    "uk": "GB",
    "u.k.": "GB",
    "great britain": "GB",
    "britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "usa": "US",
    "u.s.a.": "US",
    "u.s.": "US",
    "united states of america": "US",
    "america": "US",
    "south korea": "KR",
    "korea": "KR",
    "north korea": "KP",
    "russia": "RU",
    "vietnam": "VN",
    "holland": "NL",
    "the netherlands": "NL",
    "czech republic": "CZ",
    "turkey": "TR",
    "ivory coast": "CI",
    "hong kong sar": "HK",
    "macau": "MO",
    "swaziland": "SZ",
    "macedonia": "MK",
    "cape verde": "CV",
    "micronesia": "FM",
    "saint helena": "SH",
    "saint martin": "MF",
    "svalbard and jan mayen islands": "SJ",
    "palestinian territory": "PS",
    "palestine": "PS",
    "holy see": "VA",
    "vatican": "VA",
    "kyrgyz republic": "KG",
    "pitcairn islands": "PN",
    "libyan arab jamahiriya": "LY",
    "burma": "MM",
    "east timor": "TL",
    "united states virgin islands": "VI",
    "us virgin islands": "VI",
    "british virgin islands": "VG",
    "laos": "LA",
    "syria": "SY",
    "brunei": "BN",
    "moldova": "MD",
}
# USPS codes that are not ISO subdivisions of the US: armed forces and the freely associated states.
_US_EXTRA_SUBDIVISIONS = (
    ("AA", "Armed Forces Americas"),
    ("AE", "Armed Forces Europe"),
    ("AP", "Armed Forces Pacific"),
    ("FM", "Federated States of Micronesia"),
    ("MH", "Marshall Islands"),
    ("PW", "Palau"),
)

_CA_POSTAL = re.compile(r"^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])\s?(\d[ABCEGHJ-NPRSTV-Z]\d)$")
# Canada Post's first letter of a postal code names the province or territory it is in.
_CA_POSTAL_PROVINCES: dict[str, tuple[str, ...]] = {
    "A": ("NL",),
    "B": ("NS",),
    "C": ("PE",),
    "E": ("NB",),
    "G": ("QC",),
    "H": ("QC",),
    "J": ("QC",),
    "K": ("ON",),
    "L": ("ON",),
    "M": ("ON",),
    "N": ("ON",),
    "P": ("ON",),
    "R": ("MB",),
    "S": ("SK",),
    "T": ("AB",),
    "V": ("BC",),
    "X": ("NT", "NU"),
    "Y": ("YT",),
}
_US_ZIP = re.compile(r"^(\d{5})(?:[-\s]?(\d{4}))?$")


# The name, address and email a recipient snapshot, a directory entry and a typed-in recipient share.
ADDRESS_FIELDS = (
    "name",
    "attention",
    "street1",
    "street2",
    "street3",
    "street4",
    "city",
    "state",
    "country",
    "postal_code",
    "email",
)


# What a recipient snapshot, a directory entry and a typed-in recipient all carry: the address and the
# language the certificate is written in.
SNAPSHOT_FIELDS = (*ADDRESS_FIELDS, "language")


def address_of(source: Any) -> dict[str, Any]:
    """`source`'s name, address, email and certificate language as keyword arguments (for a snapshot row,
    an entry, an input)."""
    return {f: getattr(source, f) for f in SNAPSHOT_FIELDS}


@dataclass(frozen=True)
class RecipientInput:
    """One organisation a certificate is sent to, as typed (or taken from the directory)."""

    institution_type: str = ""
    institution_id: int | None = None
    name: str = ""
    attention: str = ""
    street1: str = ""
    street2: str = ""
    street3: str = ""
    street4: str = ""
    city: str = ""
    state: str = ""
    country: str = ""
    postal_code: str = ""
    email: str = ""
    language: str = CertificateLanguage.EN.value  # a CertificateLanguage value
    save_to_directory: bool = False

    @property
    def street_lines(self) -> list[str]:
        return [s for s in (self.street1, self.street2, self.street3, self.street4) if s]

    def address_lines(self) -> list[str]:
        """The postal address as printed: attention, streets, city line, country name."""
        lines = [self.name]
        if self.attention:
            lines.append(f"Attn: {self.attention}")
        lines.extend(self.street_lines)
        city_line = " ".join(p for p in (self.city, self.state, self.postal_code) if p)
        if city_line:
            lines.append(city_line)
        if self.country:
            lines.append(country_name(self.country))
        return lines


# What a person may write for each language (in a CSV column or a setting), folded.
_LANGUAGE_NAMES = {
    "en": CertificateLanguage.EN,
    "eng": CertificateLanguage.EN,
    "english": CertificateLanguage.EN,
    "anglais": CertificateLanguage.EN,
    "fr": CertificateLanguage.FR,
    "fra": CertificateLanguage.FR,
    "fre": CertificateLanguage.FR,
    "french": CertificateLanguage.FR,
    "francais": CertificateLanguage.FR,
    "bilingual": CertificateLanguage.BILINGUAL,
    "bilingue": CertificateLanguage.BILINGUAL,
    "en fr": CertificateLanguage.BILINGUAL,  # "en/fr", "EN-FR"
    "fr en": CertificateLanguage.BILINGUAL,
    "english french": CertificateLanguage.BILINGUAL,
    "francais anglais": CertificateLanguage.BILINGUAL,
}


def parse_language(field: str, value: str | None, default: CertificateLanguage | None = None) -> str:
    """A certificate language as written ("en", "French", "bilingue") -> its CertificateLanguage value;
    blank gives `default` (refused as required when there is none)."""
    text = fold(value or "").strip()
    if not text:
        if default is None:
            raise ValidationError(field, translate("Register", "is required (en, fr or bilingual)"))
        return default.value
    found = _LANGUAGE_NAMES.get(text)
    if found is None:
        raise ValidationError(
            field,
            translate("Register", "{0!r} is not a certificate language (en, fr or bilingual)").format(
                (value or "").strip()
            ),
        )
    return found.value


def default_language(directory_language: str | None, country: str, state: str) -> str:
    """The language a recipient's certificate starts in: the directory entry's language when it has one,
    French for an address in Quebec, English otherwise."""
    if directory_language:
        return parse_language("language", directory_language, CertificateLanguage.EN)
    if country.strip().upper() == "CA" and fold(state) in ("qc", "quebec", "pq"):
        return CertificateLanguage.FR.value
    return CertificateLanguage.EN.value


def _place_key(text: str) -> str:
    """fold, with "&" read as "and" ("Trinidad & Tobago"), for matching country and state names."""
    return fold(text.replace("&", " and "))


@cache
def countries() -> list[tuple[str, str]]:
    """(alpha-2 code, English name) of every country: Canada and the United States first, then by name."""
    rows = [(c.alpha_2, getattr(c, "common_name", None) or c.name) for c in pycountry.countries]
    rows.sort(key=lambda r: _place_key(r[1]))
    first = [r for code in ("CA", "US") for r in rows if r[0] == code]
    return first + [r for r in rows if r[0] not in ("CA", "US")]


def country_name(code: str) -> str:
    return dict(countries()).get(code.upper(), code)


@cache
def subdivisions(code: str) -> list[tuple[str, str]]:
    """(code, name) of a country's top-level subdivisions, codes without the country prefix ("ON")."""
    found = pycountry.subdivisions.get(country_code=code.upper()) or []  # type: ignore[no-untyped-call]
    rows = [(s.code.split("-", 1)[1], s.name) for s in found if getattr(s, "parent_code", None) in (None, "")]
    if code.upper() == "US":
        rows.extend(_US_EXTRA_SUBDIVISIONS)
    return sorted(rows, key=lambda r: _place_key(r[1]))


def subdivision_name(country: str, code: str) -> str:
    """ "Quebec" for ("CA", "QC"); the code itself when it names no subdivision."""
    return dict(subdivisions(country)).get(code.upper(), code)


@cache
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("alpha_2", "alpha_3", "name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                index.setdefault(_place_key(value), c.alpha_2)
    for alias, code in _COUNTRY_ALIASES.items():
        index.setdefault(_place_key(alias), code)
    return index


def parse_country(field: str, value: str) -> str:
    """A country given as a code (CA, CAN) or an English name (Canada, "Côte d'Ivoire") -> alpha-2."""
    index = _country_index()
    code = index.get(_place_key(value))
    if code is None and "(" in value:  # "Slovakia (Slovak Republic)", "Bouvet Island (Bouvetoya)"
        code = index.get(_place_key(re.sub(r"\([^)]*\)", " ", value))) or index.get(
            _place_key(value[value.index("(") + 1 :].split(")")[0])
        )
    if code is None:
        raise ValidationError(
            field,
            translate("Register", "{0!r} is not a country we know (use its name or 2-letter code)").format(
                value
            ),
        )
    return code


def parse_subdivision(field: str, country: str, value: str) -> str:
    """A province/state as a code (ON, CA-ON) or a name (Ontario, Quebec/Québec) -> its code."""
    wanted = _place_key(value)
    prefix = _place_key(country) + " "
    for code, name in subdivisions(country):
        if wanted in (_place_key(code), _place_key(name)) or wanted == prefix + _place_key(code):
            return code
    if country == "CA":
        message = translate("Register", "{0!r} is not a province or territory of {1}")
    else:
        message = translate("Register", "{0!r} is not a state of {1}")
    raise ValidationError(field, message.format(value, country_name(country)))


def parse_postal_code(field: str, country: str, value: str, state: str = "") -> str:
    """Check and normalise a postal code for the country (A1A 1A1 in Canada, 12345[-6789] in the US)."""
    if country == "CA":
        match = _CA_POSTAL.match(value.upper())
        if not match:
            raise ValidationError(
                field,
                translate("Register", "{0!r} is not a Canadian postal code (format A1A 1A1)").format(value),
            )
        code = f"{match.group(1)} {match.group(2)}"
        province = state.upper().removeprefix("CA-")
        provinces = _CA_POSTAL_PROVINCES[code[0]]
        if province and province not in provinces:
            names = translate("Register", " or ").join(subdivision_name("CA", p) for p in provinces)
            raise ValidationError(
                field,
                translate(
                    "Register",
                    "{0} is a postal code in {1}, not in {2}; check the postal code and the province",
                ).format(code, names, subdivision_name("CA", province)),
            )
        return code
    if country == "US":
        match = _US_ZIP.match(value)
        if not match:
            raise ValidationError(
                field,
                translate("Register", "{0!r} is not a US ZIP code (format 12345 or 12345-6789)").format(
                    value
                ),
            )
        return match.group(1) + (f"-{match.group(2)}" if match.group(2) else "")
    if len(value) > POSTAL_CODE_MAX:
        raise ValidationError(
            field,
            translate("Register", "is {0} characters long; at most {1} are allowed").format(
                len(value), POSTAL_CODE_MAX
            ),
        )
    return value


def _as_input(raw: RecipientInput | Mapping[str, Any]) -> tuple[dict[str, Any], list[ValidationError]]:
    errors: list[ValidationError] = []
    if isinstance(raw, RecipientInput):
        values = {f.name: getattr(raw, f.name) for f in fields(RecipientInput)}
    else:
        names = {f.name for f in fields(RecipientInput)}
        values = {k: v for k, v in raw.items() if k in names}
    institution_id = values.get("institution_id")
    if institution_id in ("", None):
        values["institution_id"] = None
    else:
        try:
            values["institution_id"] = int(str(institution_id).strip())
        except ValueError:
            errors.append(
                ValidationError(
                    FIELD_LABELS["institution_id"], translate("Register", "must be a directory number")
                )
            )
            values["institution_id"] = None
    save = values.get("save_to_directory", False)
    if isinstance(save, str):
        save = save.strip().lower() in {"1", "true", "yes", "y", "on", "x"}
    values["save_to_directory"] = bool(save)
    return values, errors


def validate_recipient(
    raw: RecipientInput | Mapping[str, Any], types: InstitutionTypes = DEFAULT_INSTITUTION_TYPES
) -> RecipientInput:
    """Check every field and return the cleaned recipient; raises ValidationErrors listing every problem.

    `types` is the desk's list (app.register.institution_types.read_types), read once by the caller; the
    default, the seeded list, is for values checked with no database at hand."""
    values, errors = _as_input(raw)
    out: dict[str, Any] = {
        "institution_id": values["institution_id"],
        "save_to_directory": values["save_to_directory"],
    }

    def check(name: str, fn: Callable[[str, str], str]) -> str:
        label = FIELD_LABELS[name]
        try:
            out[name] = fn(label, values.get(name) or "")
        except ValidationError as exc:
            errors.append(exc)
            out[name] = ""
        return str(out[name])

    def text(required: bool) -> Callable[[str, str], str]:
        return lambda label, value: clean_text(label, value, required=required)

    check("institution_type", lambda label, v: types.canonical(label, clean_text(label, v, required=True)))
    check("name", text(True))
    check("attention", text(False))
    check("street1", text(True))
    for name in ("street2", "street3", "street4"):
        check(name, text(False))
    check("city", text(True))
    raw_state = check("state", text(False))
    raw_postal = check("postal_code", text(False))
    country = check("country", lambda label, v: parse_country(label, clean_text(label, v, required=True)))
    check("email", validate_email)
    check("language", lambda label, v: parse_language(label, v, CertificateLanguage.EN))

    state_ok = not any(e.field == FIELD_LABELS["state"] for e in errors)
    postal_ok = not any(e.field == FIELD_LABELS["postal_code"] for e in errors)
    if country in CHECKED_SUBDIVISIONS:
        if state_ok:
            try:
                if not raw_state:
                    raise ValidationError(FIELD_LABELS["state"], translate("Register", "is required"))
                out["state"] = parse_subdivision(FIELD_LABELS["state"], country, raw_state)
            except ValidationError as exc:
                errors.append(exc)
                out["state"] = ""
    if country and postal_ok:
        try:
            if not raw_postal:
                if country not in NO_POSTAL_CODE:
                    raise ValidationError(FIELD_LABELS["postal_code"], translate("Register", "is required"))
            else:
                out["postal_code"] = parse_postal_code(
                    FIELD_LABELS["postal_code"], country, raw_postal, str(out.get("state", ""))
                )
        except ValidationError as exc:
            errors.append(exc)
    if errors:
        order = list(FIELD_LABELS.values())
        errors.sort(key=lambda e: order.index(e.field) if e.field in order else len(order))
        raise ValidationErrors(errors)
    return RecipientInput(**out)
