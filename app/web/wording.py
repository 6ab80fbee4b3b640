"""The verification page's sentences about a certificate, a file and a refused request, in the reader's
language (en or fr). English reads exactly as app.document.standing and app.document.file_check word it
(tests/test_verification_french.py holds the two together); the certificate's own vocabulary (labels,
statuses, dates, "None on record") comes from app.document.disclosure, the one home of its French.

Every text is a literal in `catalogue(language).translate("VerificationPage", ...)`, which lupdate extracts
into resources/translations/web_fr.ts."""

from collections.abc import Callable
from datetime import date

from app.document.disclosure import WORDING, format_date
from app.document.file_check import FileVerdict
from app.document.standing import RegisterChange, Standing, Status
from app.i18n import Catalogue, catalogue
from app.language import CertificateLanguage

# A refusal's sentence, written once for whichever catalogue is asked (the HTML page's language, or
# English for the JSON answer, whose messages are part of its contract).
Words = Callable[[Catalogue], str]


def day(value: date | None, language: str) -> str:
    """A date as the certificate in `language` writes it ("25 November 2026", "1er décembre 2026")."""
    return format_date(value, language) if value else "—"


def member_status(printed: str, language: str) -> str:
    """A member status as printed in English ("Suspended") in `language` ("Suspendu")."""
    return WORDING[CertificateLanguage(language)].statuses.get(printed, printed)


def standing_sentence(standing: Standing, language: str) -> str:
    """The status in one sentence, as Standing.sentence says it in English."""
    cat = catalogue(language)
    number = standing.number
    if standing.status is Status.NOT_FOUND:
        return cat.translate("VerificationPage", "No certificate matches this number and verification code.")
    if standing.status is Status.VALID:
        return cat.translate("VerificationPage", "Certificate {0} is valid until {1}.").format(
            number, day(standing.valid_until, language)
        )
    if standing.status is Status.REVOKED:
        if standing.revoked_on is None:
            unknown = cat.translate("VerificationPage", "Certificate {0} was revoked on an unknown date.")
            return unknown.format(number)
        return cat.translate("VerificationPage", "Certificate {0} was revoked on {1}.").format(
            number, day(standing.revoked_on, language)
        )
    if standing.status is Status.REPLACED:
        return cat.translate("VerificationPage", "Certificate {0} was replaced by certificate {1}.").format(
            number, standing.replaced_by
        )
    if standing.expired_on is None:
        return cat.translate("VerificationPage", "Certificate {0} expired on an unknown date.").format(number)
    return cat.translate("VerificationPage", "Certificate {0} expired on {1}.").format(
        number, day(standing.expired_on, language)
    )


def _change_words(change: RegisterChange, since: date | None, language: str) -> str:
    """What the register shows now about one changed fact, as RegisterChange.words says it in English."""
    cat = catalogue(language)
    if change.field == "member_status":
        now = member_status(change.now, language).lower()
        if since is not None:
            return cat.translate("VerificationPage", "{0} since {1}").format(now, day(since, language))
        return cat.translate("VerificationPage", "status {0}").format(now)
    if not change.now:
        gone = {
            "registration_class": cat.translate(
                "VerificationPage", "no class of registration on record any more"
            ),
            "terms_conditions": cat.translate(
                "VerificationPage", "no terms, conditions and limitations on record any more"
            ),
            "discipline": cat.translate("VerificationPage", "no discipline findings on record any more"),
            "pending_investigations": cat.translate(
                "VerificationPage", "no pending investigations on record any more"
            ),
        }
        return gone.get(change.field, change.words)
    if not change.stated:
        recorded = {
            "registration_class": cat.translate("VerificationPage", "class of registration recorded"),
            "terms_conditions": cat.translate(
                "VerificationPage", "terms, conditions or limitations recorded"
            ),
            "discipline": cat.translate("VerificationPage", "discipline finding recorded"),
            "pending_investigations": cat.translate("VerificationPage", "pending investigation recorded"),
        }
        return recorded.get(change.field, change.words)
    changed = {
        "registration_class": cat.translate("VerificationPage", "class of registration changed"),
        "terms_conditions": cat.translate("VerificationPage", "terms, conditions and limitations changed"),
        "discipline": cat.translate("VerificationPage", "discipline findings changed"),
        "pending_investigations": cat.translate("VerificationPage", "pending investigations changed"),
    }
    return changed.get(change.field, change.words)


def change_sentence(standing: Standing, language: str) -> str:
    """'The register now shows: suspended since 2 December 2026; discipline finding recorded.' ("" when
    the register still states what the certificate states)."""
    if not standing.changes or standing.register_now is None:
        return ""
    since = standing.register_now.status_since
    parts = "; ".join(_change_words(change, since, language) for change in standing.changes)
    return catalogue(language).translate("VerificationPage", "The register now shows: {0}.").format(parts)


def file_sentence(verdict: FileVerdict, language: str) -> str:
    """What an uploaded file is, as FileVerdict.sentence says it in English."""
    cat = catalogue(language)
    if not verdict.is_pdf:
        return cat.translate("VerificationPage", "This file is not a PDF.")
    if not verdict.issued or verdict.standing is None:
        sentence = cat.translate(
            "VerificationPage",
            "This file is NOT a certificate as the College issued it: it was changed after issue or was "
            "never issued by the College.",
        )
        if verdict.claimed_number:
            claim = cat.translate("VerificationPage", "It names {0}.").format(verdict.claimed_number)
            sentence += " " + claim
        return sentence
    number = verdict.standing.number
    if not verdict.signed_by_college:
        return cat.translate(
            "VerificationPage",
            "This file matches the record of {0}, but its signature does not check as the College's.",
        ).format(number)
    exact = cat.translate(
        "VerificationPage", "This file is exactly certificate {0} as the College issued and signed it."
    ).format(number)
    return exact + " " + standing_sentence(verdict.standing, language)
