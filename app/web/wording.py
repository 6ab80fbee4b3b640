"""The verification page's sentences about a certificate, a file and a refused request, in the reader's
language (en or fr). A certificate's standing and a file's verdict are worded once, by app.document.standing
and app.document.file_check (for `verify` and the desk as well), here asked in the reader's language
(app.i18n.speaking); the certificate's own vocabulary (labels, statuses, dates, "None on record") comes
from app.document.disclosure, the one home of its French. The page's own texts are literals in
`catalogue(language).translate("VerificationPage", ...)`, in resources/translations/web_fr.ts."""

from collections.abc import Callable
from datetime import date

from app.document.disclosure import format_date
from app.document.file_check import FileVerdict
from app.document.standing import Standing, status_words
from app.i18n import Catalogue, speaking

# A refusal's sentence, written once for whichever catalogue is asked (the HTML page's language, or
# English for the JSON answer, whose messages are part of its contract).
Words = Callable[[Catalogue], str]


def day(value: date | None, language: str) -> str:
    """A date as the certificate in `language` writes it ("25 November 2026", "1er décembre 2026")."""
    return format_date(value, language) if value else "—"


def member_status(printed: str, language: str) -> str:
    """A member status as printed in English ("Suspended") in `language` ("Suspendu")."""
    with speaking(language):
        return status_words(printed)


def standing_sentence(standing: Standing, language: str) -> str:
    """The status in one sentence, in `language`: Standing.sentence's own words (its one home)."""
    with speaking(language):
        return standing.sentence


def change_sentence(standing: Standing, language: str) -> str:
    """'The register now shows: suspended since 2 December 2026; discipline finding recorded.' ("" when
    the register still states what the certificate states): Standing.change_sentence as a sentence."""
    with speaking(language):
        words = standing.change_sentence
    return f"{words[:1].upper()}{words[1:]}." if words else ""


def file_sentence(verdict: FileVerdict, language: str) -> str:
    """What an uploaded file is, in `language`: FileVerdict.sentence's own words."""
    with speaking(language):
        return verdict.sentence
