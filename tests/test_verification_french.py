"""The verification page in English or French: the real service (uvicorn, its own process) over a real
register, asked with a French browser's Accept-Language (fr-CA) for every state, the file check and every
refusal; the visible switch both ways, keeping the number and code; the headers; the JSON unchanged; and
English reading exactly as the standing and the file check word it."""

import re
from datetime import date, timedelta
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from app.desk import Desk
from app.document.disclosure import format_date
from app.document.file_check import check_file
from app.document.standing import (
    RegisterChange,
    RegisterNow,
    Standing,
    Status,
    certificate_standing,
)
from app.i18n import catalogue
from app.web import wording
from tests.verification_service import Issued, Register, fill_register, running_service

FRENCH = {"Accept-Language": "fr-CA,fr;q=0.9,en;q=0.8"}
ENGLISH = {"Accept-Language": "en-CA,en;q=0.9"}
JSON = {"Accept": "application/json"}
ISSUER_FR = "Ordre des médecins et chirurgiens (DÉMO)"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> object:
    import keyring

    from tests.conftest import MemoryKeyring

    folder = tmp_path_factory.mktemp("service-fr") / "data"
    folder.mkdir()
    keyring.set_keyring(MemoryKeyring())
    url = f"sqlite:///{folder / 'cpc-desk.sqlite3'}"
    desk = Desk.open(folder, url)
    desk.settings.set("issuer.name_fr", ISSUER_FR)
    register = fill_register(desk)
    path = urlsplit(str(desk.settings.get("verification.url"))).path
    desk.close()
    with running_service(folder, url, "--rate-limit", "1000") as (base, _proc):
        yield {"base": base, "path": path, "register": register, "folder": folder, "url": url}


def _get(service: dict, issued: Issued, headers: dict[str, str], **params: str) -> httpx.Response:
    query = {"number": issued.number, "code": issued.code, **params}
    return httpx.get(service["base"] + service["path"], params=query, headers=headers)


def _text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))).replace("\xa0", " ")


def _by_id(html: str, element_id: str) -> str:
    match = re.search(rf'id="{element_id}"[^>]*>(.*?)</', html, re.S)
    assert match, element_id
    return unescape(match.group(1)).replace("\xa0", " ")


def _english_left(page: str) -> list[str]:
    """The page's own English texts (the sources of web_fr.ts, the parts between placeholders) that a
    French page still shows."""
    left = []
    for (context, source), french in catalogue("fr").messages.items():
        if context != "VerificationPage" or source == french:
            continue
        for piece in re.split(r"\{\d\}", str(source)):
            if len(piece.strip()) >= 8 and piece.strip() in page:
                left.append(piece.strip())
    return left


def _switch(html: str) -> tuple[str, str]:
    match = re.search(r'<a id="language" href="([^"]+)" hreflang="(\w+)" lang="\w+">([^<]+)</a>', html)
    assert match, "every page has the language switch"
    return unescape(match.group(1)), match.group(3)


def _is_french(response: httpx.Response) -> str:
    assert response.headers["content-language"] == "fr"
    assert "Accept-Language" in response.headers["vary"]
    assert '<html lang="fr">' in response.text
    page = _text(response.text)
    assert _english_left(page) == [], page
    assert _switch(response.text)[1] == "English"
    return page


def _is_english(response: httpx.Response) -> str:
    assert response.headers["content-language"] == "en"
    assert '<html lang="en">' in response.text
    assert _switch(response.text)[1] == "Français"
    return _text(response.text)


def test_a_french_browser_gets_each_state_in_french(service: dict) -> None:
    r: Register = service["register"]
    today = date.today()

    valid = _get(service, r.valid, FRENCH)
    assert valid.status_code == 200
    page = _is_french(valid)
    assert f"{ISSUER_FR} : vérification des certificats" in page
    until = date.fromisoformat(_get(service, r.valid, JSON).json()["valid_until"])
    assert _by_id(valid.text, "status") == (
        f"Le certificat {r.valid.number} est valide jusqu'au {format_date(until, 'fr')}."
    )
    assert f"Valide jusqu'au {format_date(until, 'fr')}" in page
    assert f"Date de délivrance {format_date(today, 'fr')}" in page
    for label in (
        "Nom Ada Valid",
        "Destinataire Toronto General Hospital",
        "Statut (selon le certificat) Actif",
    ):
        assert label in page
    assert "Ce qu'atteste le certificat" in page and "Vérifier un certificat" in page
    assert "Le registre a changé" not in page

    revoked = _get(service, r.revoked, FRENCH)
    assert _by_id(revoked.text, "status") == (
        f"Le certificat {r.revoked.number} a été révoqué le {format_date(today, 'fr')}."
    )
    _is_french(revoked)
    replaced = _get(service, r.replaced, FRENCH)
    assert _by_id(replaced.text, "status") == (
        f"Le certificat {r.replaced.number} a été remplacé par le certificat {r.replacement.number}."
    )
    _is_french(replaced)
    expired = _get(service, r.expired, FRENCH)
    ended = date.fromisoformat(_get(service, r.expired, JSON).json()["valid_until"]) + timedelta(days=1)
    assert _by_id(expired.text, "status") == (
        f"Le certificat {r.expired.number} a expiré le {format_date(ended, 'fr')}."
    )
    assert "Ed Expired" in _is_french(expired)

    suspended = _get(service, r.suspended, FRENCH)
    page = _is_french(suspended)
    assert "Le registre a changé depuis la délivrance" in page
    shows = "Le registre indique maintenant : suspendu depuis le 2 décembre 2026; conclusion disciplinaire"
    assert shows + " inscrite." in page
    assert "Statut Suspendu depuis le 2 décembre 2026" in page
    assert "Statut (selon le certificat) Actif" in page  # as certified
    # register content is shown as recorded, in every language
    assert "Conclusions disciplinaires Professional misconduct found on 1 December 2026." in page
    assert "Enquêtes en cours Aucune mention au registre." in page

    unknown = httpx.get(
        service["base"] + service["path"],
        params={"number": "CPC-2026-999999", "code": "AAAA-BBBB-CCCC"},
        headers=FRENCH,
    )
    assert unknown.status_code == 404
    assert _by_id(unknown.text, "status") == (
        "Aucun certificat ne correspond à ce numéro et à ce code de vérification."
    )
    assert "Certificat introuvable" in unknown.text and "S'ils sont exacts" in _is_french(unknown)


def test_the_start_page_and_its_forms_in_french(service: dict) -> None:
    start = httpx.get(service["base"] + service["path"], headers=FRENCH)
    page = _is_french(start)
    assert "Saisissez le numéro et le code de vérification" in page
    assert "Le certificat en PDF que vous avez reçu (10 Mo au plus)" in page
    assert 'placeholder="CPC-2026-000003"' in start.text  # what the desk's "Test" looks for
    # chosen by the browser: the forms do not pin a language
    assert 'name="lang"' not in start.text and f'action="{service["path"]}"' in start.text


def test_the_switch_works_both_ways_and_keeps_the_number_and_code(service: dict) -> None:
    r: Register = service["register"]
    english = _get(service, r.valid, ENGLISH)
    assert "Check a certificate" in _english_left(_is_english(english))  # what a French page may not show
    href, name = _switch(english.text)
    assert name == "Français"
    query = parse_qs(urlsplit(href).query)
    assert query == {"number": [r.valid.number], "code": [r.valid.code], "lang": ["fr"]}
    french = httpx.get(service["base"] + href, headers=ENGLISH)  # the switch beats the browser
    page = _is_french(french)
    assert f"Le certificat {r.valid.number} est valide" in page
    # once chosen, the language stays with the forms
    assert '<input type="hidden" name="lang" value="fr">' in french.text
    assert f'action="{service["path"]}?lang=fr"' in french.text

    back, name = _switch(french.text)
    assert name == "English"
    assert parse_qs(urlsplit(back).query)["lang"] == ["en"]
    again = httpx.get(service["base"] + back, headers=FRENCH)
    assert f"Certificate {r.valid.number} is valid until" in _is_english(again)

    start, _ = _switch(httpx.get(service["base"] + service["path"], headers=ENGLISH).text)
    assert start == f"{service['path']}?lang=fr"
    assert "Vérifier un certificat" in _is_french(httpx.get(service["base"] + start))


def test_a_french_browser_s_file_check_is_in_french(service: dict) -> None:
    r: Register = service["register"]
    url = service["base"] + service["path"]
    ok = httpx.post(url, files={"pdf": ("c.pdf", r.suspended.pdf, "application/pdf")}, headers=FRENCH)
    page = _is_french(ok)
    assert (
        f"Ce fichier est exactement le certificat {r.suspended.number} tel que l'Ordre l'a délivré et signé. "
        f"Le certificat {r.suspended.number} est valide jusqu'au" in page
    )
    assert "Le registre a changé depuis la délivrance" in page
    forged = httpx.post(url, files={"pdf": ("c.pdf", r.valid.pdf + b"%", "application/pdf")}, headers=FRENCH)
    assert "Ce fichier N'EST PAS un certificat tel que l'Ordre l'a délivré" in _is_french(forged)
    chosen = httpx.post(url + "?lang=fr", files={"pdf": ("c.pdf", b"hello", "application/pdf")})
    assert "Ce fichier n'est pas un PDF." in _is_french(chosen)
    assert _switch(chosen.text)[0] == f"{service['path']}?lang=en"


def test_refusals_are_in_french(service: dict) -> None:
    r: Register = service["register"]
    base = service["base"] + service["path"]
    cases = (
        (
            {"number": "CPC-2026-1' OR 1=1--", "code": r.valid.code},
            400,
            "Ce n'est pas un numéro de certificat",
        ),
        ({"number": r.valid.number, "code": "<b>"}, 400, "Ce n'est pas un code de vérification"),
        ({"number": r.valid.number}, 400, "Il manque le code de vérification."),
        ({"code": r.valid.code}, 400, "Il manque le numéro du certificat."),
        ({"number": r.valid.number, "code": r.valid.code, "x": "1"}, 400, "un seul numéro et un seul code"),
        ({"number": r.valid.number, "code": r.valid.code, "lang": "de"}, 400, "La langue doit être en"),
    )
    for params, status, message in cases:
        response = httpx.get(base, params=params, headers=FRENCH)
        assert response.status_code == status, params
        page = _is_french(response)
        assert message in page and "Vérification impossible" in page
    # the switch on a refusal repeats what was asked, in the other language
    href, _ = _switch(httpx.get(base, params={"number": r.valid.number}, headers=FRENCH).text)
    assert parse_qs(urlsplit(href).query) == {"number": [r.valid.number], "lang": ["en"]}

    missing = httpx.get(service["base"] + "/admin", headers=FRENCH)
    assert missing.status_code == 404
    assert f"Page introuvable. Les certificats se vérifient à l'adresse {service['path']}" in _is_french(
        missing
    )
    big = b"%PDF-1.7\n" + b"0" * (10 * 1024 * 1024 + 1)
    too_big = httpx.post(base, content=big, headers={**FRENCH, "Content-Type": "application/pdf"})
    assert too_big.status_code == 413
    assert "Le fichier dépasse 10 Mo" in _is_french(too_big)
    not_a_form = httpx.post(base, data={"x": "1"}, headers=FRENCH)
    assert not_a_form.status_code == 400 and "Envoyez le PDF au moyen du formulaire" in _is_french(not_a_form)
    no_file = httpx.post(base, files={"other": ("a.txt", b"x", "text/plain")}, headers=FRENCH)
    assert no_file.status_code == 400 and "Aucun fichier n'a été envoyé" in _is_french(no_file)


def test_the_json_is_the_same_in_every_language(service: dict) -> None:
    r: Register = service["register"]
    for issued in (r.valid, r.revoked, r.replaced, r.expired, r.suspended):
        english = _get(service, issued, {**JSON, **ENGLISH})
        french = _get(service, issued, {**JSON, **FRENCH})
        assert french.json() == english.json() and french.status_code == english.status_code
        assert "content-language" not in french.headers
    bad = httpx.get(
        service["base"] + service["path"], params={"number": "nope", "code": "x"}, headers={**JSON, **FRENCH}
    )
    assert bad.json()["error"] == {
        "field": "number",
        "message": "The number is not a certificate number (CPC-YYYY-NNNNNN).",
    }
    url = service["base"] + service["path"]
    upload = httpx.post(
        url, content=r.revoked.pdf, headers={**JSON, **FRENCH, "Content-Type": "application/pdf"}
    )
    assert upload.json()["message"].startswith(f"This file is exactly certificate {r.revoked.number}")


def test_nothing_to_enumerate_in_french_either(service: dict) -> None:
    r: Register = service["register"]
    bodies = set()
    for number, code in ((r.valid.number, r.revoked.code), ("CPC-2026-999999", r.valid.code)):
        response = httpx.get(
            service["base"] + service["path"], params={"number": number, "code": code}, headers=FRENCH
        )
        assert response.status_code == 404
        bodies.add(response.text.replace(number, "ECHO").replace(code, "ECHO"))
    assert len(bodies) == 1 and "Ada Valid" not in bodies.pop()


def test_english_reads_as_the_standing_and_the_file_check_word_it(service: dict) -> None:
    """The page's English sentences are those of app.document.standing and file_check, word for word."""
    r: Register = service["register"]
    desk = Desk.open(service["folder"], service["url"])
    try:
        for issued in (r.valid, r.revoked, r.replaced, r.expired, r.suspended):
            standing = certificate_standing(desk, issued.number, issued.code)
            page = _get(service, issued, ENGLISH)
            assert _by_id(page.text, "status") == standing.sentence
            if standing.changes:
                said = standing.change_sentence
                assert said[:1].upper() + said[1:] + "." in _is_english(page)
        for pdf in (r.suspended.pdf, r.valid.pdf + b"%", b"hello"):
            verdict = check_file(desk, pdf)
            answer = httpx.post(
                service["base"] + service["path"], files={"pdf": ("c.pdf", pdf, "application/pdf")}
            )
            assert verdict.sentence in _is_english(answer)
    finally:
        desk.close()


def _standing(*changes: RegisterChange, status: Status = Status.VALID, **fields: object) -> Standing:
    now = RegisterNow("Suspended", None, "Independent Practice", "", "", "")
    return Standing(
        "CPC-2026-000003",
        status,
        valid_until=date(2026, 12, 1),
        changes=changes,
        register_now=now,
        **fields,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("field", "label"),
    [
        ("registration_class", "Class of registration"),
        ("terms_conditions", "Terms, conditions and limitations"),
        ("discipline", "Discipline findings"),
        ("pending_investigations", "Pending investigations"),
    ],
)
def test_every_kind_of_register_change_is_worded_in_both_languages(field: str, label: str) -> None:
    for stated, now in (("A", ""), ("", "B"), ("A", "B")):
        standing = _standing(RegisterChange(field, label, stated, now))
        said = standing.change_sentence
        assert wording.change_sentence(standing, "en") == said[:1].upper() + said[1:] + "."
        french = wording.change_sentence(standing, "fr")
        assert french.startswith("Le registre indique maintenant\xa0: ") and french.endswith(".")
        assert not re.search(r"\b(changed|recorded|record|any more)\b", french), french
    status = _standing(RegisterChange("member_status", "Status", "Active", "Suspended"))
    assert (
        wording.change_sentence(status, "fr") == "Le registre indique maintenant\xa0: statut\xa0: suspendu."
    )
    assert wording.change_sentence(status, "en") == "The register now shows: status suspended."


def test_dates_and_unknown_dates_are_worded_in_french() -> None:
    first = _standing()
    assert wording.standing_sentence(first, "fr") == (
        "Le certificat CPC-2026-000003 est valide jusqu'au 1er décembre 2026."
    )
    unknown = _standing(status=Status.REVOKED)
    assert wording.standing_sentence(unknown, "en") == unknown.sentence
    assert wording.standing_sentence(unknown, "fr") == (
        "Le certificat CPC-2026-000003 a été révoqué à une date inconnue."
    )
    expired = _standing(status=Status.EXPIRED, expired_on=date(2026, 8, 15))
    assert wording.standing_sentence(expired, "en") == expired.sentence
    assert (
        wording.standing_sentence(expired, "fr") == "Le certificat CPC-2026-000003 a expiré le 15 août 2026."
    )


def test_the_rate_limit_answers_in_french(data_dir: Path, desk: Desk, database_url: str) -> None:
    v = fill_register(desk).valid
    path = urlsplit(str(desk.settings.get("verification.url"))).path
    desk.close()
    with running_service(data_dir, database_url, "--rate-limit", "2") as (base, _proc):
        params = {"number": v.number, "code": v.code}
        assert httpx.get(base + path, params=params, headers=FRENCH).status_code == 200
        limited = httpx.get(base + path, params=params, headers=FRENCH)
        assert limited.status_code == 429 and 1 <= int(limited.headers["retry-after"]) <= 60
        assert "Trop de demandes proviennent de votre adresse; attendez une minute" in _is_french(limited)
        program = httpx.get(base + path, params=params, headers={**JSON, **FRENCH})
        assert program.status_code == 429 and program.text.startswith("Too many requests")


def test_the_language_switch_cannot_carry_markup_and_caches_keep_languages_apart(service: dict) -> None:
    """An attacker's link with markup in `lang` (or a huge Accept-Language) gets a plain refusal that echoes
    nothing; and every page says it varies with Accept-Language, so a shared cache never hands one
    reader's language to another."""
    r: Register = service["register"]
    base = service["base"] + service["path"]
    attack = '"><script>alert(1)</script>'
    refused = httpx.get(base, params={"number": r.valid.number, "code": r.valid.code, "lang": attack})
    assert refused.status_code == 400
    assert "<script>" not in refused.text and "alert(1)" not in refused.text
    flooded = httpx.get(base, headers={"Accept-Language": ", ".join(["fr;q=0.1"] + ["x-y;q=0.9"] * 300)})
    assert flooded.status_code == 200
    for response in (flooded, httpx.get(base, headers=FRENCH)):
        assert "accept-language" in response.headers["vary"].lower()
        assert response.headers["content-language"] in ("en", "fr")
