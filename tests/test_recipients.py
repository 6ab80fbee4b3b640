"""Recipient input: every field named in its error, countries and subdivisions, postal code formats."""

import pytest

from app.errors import ValidationErrors
from app.register.recipients import (
    RecipientInput,
    countries,
    parse_country,
    subdivisions,
    validate_recipient,
)


def good(**changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "institution_type": "Hospital",
        "name": "Toronto General Hospital",
        "attention": "Medical Affairs",
        "street1": "200 Elizabeth Street",
        "city": "Toronto",
        "state": "ON",
        "country": "CA",
        "postal_code": "M5G 2C4",
        "email": "credentialing@uhn.example.ca",
    }
    values.update(changes)
    return values


def problems(**changes: object) -> dict[str, str]:
    with pytest.raises(ValidationErrors) as info:
        validate_recipient(good(**changes))
    return {e.field: e.message for e in info.value.errors}


def test_a_canadian_address_is_normalised() -> None:
    r = validate_recipient(
        good(state=" ontario ", country="Canada", postal_code="m5g2c4", institution_type="hospital")
    )
    assert (r.state, r.country, r.postal_code, r.institution_type) == ("ON", "CA", "M5G 2C4", "Hospital")
    assert isinstance(r, RecipientInput)


def test_quebec_matches_with_or_without_accents_and_with_prefix() -> None:
    for typed in ("Quebec", "Québec", "QC", "CA-QC", "qc"):
        assert validate_recipient(good(state=typed, postal_code="H3A 0G4")).state == "QC"


def test_us_states_and_zip_codes() -> None:
    r = validate_recipient(
        good(country="United States of America", state="massachusetts", postal_code="02115")
    )
    assert (r.country, r.state, r.postal_code) == ("US", "MA", "02115")
    assert (
        validate_recipient(good(country="USA", state="NY", postal_code="10032 1234")).postal_code
        == "10032-1234"
    )
    assert problems(country="US", state="NY", postal_code="1003")["Zip/Postal code"].startswith(
        "'1003' is not a US ZIP"
    )
    assert (
        "is not a state of United States"
        in problems(country="US", state="Ontario", postal_code="10032")["State/Province"]
    )


def test_canadian_postal_code_format_and_province() -> None:
    assert "format A1A 1A1" in problems(postal_code="12345")["Zip/Postal code"]
    assert "format A1A 1A1" in problems(postal_code="D5G 2C4")["Zip/Postal code"]  # D is never used
    assert problems(state="")["State/Province"] == "is required"
    assert problems(postal_code="  ")["Zip/Postal code"] == "is required"


def test_elsewhere_state_and_postal_code_are_free_text() -> None:
    r = validate_recipient(
        good(
            name="Charité – Universitätsmedizin Berlin",
            street1="Charitéplatz 1",
            city="Berlin",
            state="",
            country="Germany",
            postal_code="10117",
            email="approbation@charite.example.de",
        )
    )
    assert (r.country, r.state, r.name) == ("DE", "", "Charité – Universitätsmedizin Berlin")
    uk = validate_recipient(good(city="London", state="Greater London", country="UK", postal_code="sw1a 1aa"))
    assert (uk.country, uk.state, uk.postal_code) == ("GB", "Greater London", "sw1a 1aa")
    # A country without postal codes does not need one.
    assert (
        validate_recipient(good(city="Hong Kong", state="", country="HK", postal_code="")).postal_code == ""
    )
    assert problems(country="FR", state="", postal_code="")["Zip/Postal code"] == "is required"


def test_every_bad_field_is_listed_at_once() -> None:
    found = problems(
        institution_type="Casino",
        name="   ",
        street1="1 Main St\r\nBcc: victim@example.com",
        city="",
        country="Atlantis",
        email="Records <records@example.com>",
        attention="x" * 201,
    )
    assert set(found) == {
        "Institution type",
        "Institution name",
        "Attention",
        "Street 1",
        "City",
        "Country",
        "Email address",
    }
    assert found["Institution name"] == "is required"
    assert "one line" in found["Street 1"]
    assert "201 characters" in found["Attention"]
    assert "'Atlantis' is not a country" in found["Country"]
    assert "without a name" in found["Email address"]


@pytest.mark.parametrize(
    "email",
    [
        "a@example.com, b@example.com",
        "a@example.com b@example.com",
        "a@example.com\nBcc: x@example.com",
        "nope",
        "",
    ],
)
def test_email_must_be_one_bare_address(email: str) -> None:
    assert "Email address" in problems(email=email)


@pytest.mark.parametrize("field", ["name", "attention", "street2", "street4", "city", "state"])
def test_line_breaks_and_overlong_values_are_refused_in_every_line(field: str) -> None:
    label = {
        "name": "Institution name",
        "attention": "Attention",
        "street2": "Street 2",
        "street4": "Street 4",
        "city": "City",
        "state": "State/Province",
    }[field]
    assert "one line" in problems(**{field: "a\nb"})[label]
    assert "one line" in problems(**{field: "a\rb"})[label]
    assert "at most 200" in problems(**{field: "y" * 201})[label]


def test_whitespace_only_is_empty_and_runs_of_spaces_collapse() -> None:
    r = validate_recipient(good(attention="   ", street2="\t", name="  Mount   Sinai  Hospital "))
    assert (r.attention, r.street2, r.name) == ("", "", "Mount Sinai Hospital")
    assert problems(street1=" \t ")["Street 1"] == "is required"


def test_a_long_foreign_postal_code_is_refused() -> None:
    assert "at most 32" in problems(country="DE", state="", postal_code="1" * 33)["Zip/Postal code"]


def test_mapping_input_from_a_csv_row() -> None:
    r = validate_recipient(good(institution_id="7", save_to_directory="yes", extra_column="ignored"))
    assert (r.institution_id, r.save_to_directory) == (7, True)
    assert "Institution" in problems(institution_id="seven")


def test_country_names_as_other_lists_write_them() -> None:
    for typed, code in [
        ("Slovakia (Slovak Republic)", "SK"),
        ("Svalbard & Jan Mayen Islands", "SJ"),
        ("Holy See (Vatican City State)", "VA"),
        ("Turkey", "TR"),
        ("Cote d'Ivoire", "CI"),
        ("Reunion", "RE"),
        ("Korea", "KR"),
        ("Russian Federation", "RU"),
        ("Libyan Arab Jamahiriya", "LY"),
    ]:
        assert parse_country("Country", typed) == code, typed


def test_us_military_and_freely_associated_codes_are_accepted() -> None:
    for state in ("AE", "FM", "PR", "DC", "Guam"):
        assert validate_recipient(good(country="US", state=state, postal_code="09012")).state in {
            "AE",
            "FM",
            "PR",
            "DC",
            "GU",
        }


def test_country_and_subdivision_lists() -> None:
    rows = countries()
    assert rows[0] == ("CA", "Canada") and rows[1] == ("US", "United States")
    assert len(rows) == 249
    assert ("CI", "Côte d'Ivoire") in rows
    assert ("ON", "Ontario") in subdivisions("CA") and len(subdivisions("CA")) == 13
    assert ("CA", "California") in subdivisions("us")
    assert parse_country("Country", "côte d’ivoire".replace("’", "'")) == "CI"
    assert parse_country("Country", "deu") == "DE"


def test_hostile_and_decomposed_text() -> None:
    assert "U+202E" in problems(name="Evil \u202egnp.exe Hospital")["Institution name"]
    assert "U+0000" in problems(city="Tor\x00onto")["City"]
    # Decomposed accents (as some keyboards and PDFs produce) are stored composed.
    assert validate_recipient(good(city="Montre\u0301al")).city == "Montréal"
    assert (
        validate_recipient(
            good(name="北京协和医院", city="北京", country="China", state="", postal_code="100730")
        ).country
        == "CN"
    )
