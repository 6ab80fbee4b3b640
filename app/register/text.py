"""The text rules every typed or imported value follows: which characters a value may hold, one line of
text, an email address, and the one accent-folding function that matching and search use.

Member import, the request wizard, the institution directory and the batch requests file all check their
names, addresses and emails here, so a value one entry point accepts is never refused by another.
"""

import functools
import re
import unicodedata

from email_validator import EmailNotValidError
from email_validator import validate_email as _validate_email

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, translate, translate_marked
from app.register.glyphs import can_draw

MAX_FIELD_LENGTH = 200

# Format characters that spell words in Indic and Persian scripts; every other format character (bidi
# overrides and isolates, the BOM / zero-width no-break space, zero-width space, soft hyphen…) is
# invisible on paper and can make a name read differently from what is stored.
_JOINERS_NEEDED_BY_SCRIPTS = frozenset("\u200c\u200d")


# Emoji and pictographs: the emoji blocks, the older symbol and dingbat blocks most emoji come from
# (☺ ✅ ❤ ⭐), and the marks that turn a plain character into an emoji (VS16, the keycap).
_PICTOGRAPH_RANGES = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1FC00, 0x1FFFD))
_EMOJI_MARKS = frozenset("\ufe0f\u20e3")


def is_pictograph(ch: str) -> bool:
    """Emoji and pictographs: a certificate does not print them, and no name or address holds one
    (app.document.certificates asks here too)."""
    cp = ord(ch)
    return ch in _EMOJI_MARKS or any(low <= cp <= high for low, high in _PICTOGRAPH_RANGES)


def char_label(ch: str) -> str:
    """U+202E (RIGHT-TO-LEFT OVERRIDE): how every message names a character."""
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" ({name})" if name else "")


def check_characters(field: str, text: str, *, allowed: str = "") -> None:
    """Refuse, naming the field and the character, what no value of ours may hold: control characters
    (other than those in `allowed`), invisible or direction-changing characters, emoji, and code points
    that are unassigned or private-use."""
    for ch in text:
        if ch in allowed:
            continue
        category = unicodedata.category(ch)
        if category == "Cc":
            raise ValidationError(
                field, translate("Register", "contains a control character (U+{0:04X})").format(ord(ch))
            )
        if category == "Cf" and ch not in _JOINERS_NEEDED_BY_SCRIPTS:
            raise ValidationError(
                field,
                translate(
                    "Register", "contains an invisible or direction-changing character (U+{0:04X}); retype it"
                ).format(ord(ch)),
            )
        if is_pictograph(ch):
            raise ValidationError(
                field, translate("Register", "contains an emoji or pictograph (U+{0:04X})").format(ord(ch))
            )
        if category in ("Co", "Cn", "Cs"):
            raise ValidationError(
                field,
                translate("Register", "contains an unassigned or private-use character (U+{0:04X})").format(
                    ord(ch)
                ),
            )
        if category[0] in "LMNPS" and not can_draw(ch):
            raise ValidationError(
                field,
                translate(
                    "Register",
                    "contains {0}, which the certificate's fonts cannot draw; write "
                    "the name or address as the certificate is to show it, without "
                    "that character",
                ).format(char_label(ch)),
            )


def clean_text(
    field: str, value: str | None, *, required: bool = False, max_length: int = MAX_FIELD_LENGTH
) -> str:
    """One line of text: composed (NFC), trimmed, runs of whitespace made single, whitespace-only counts
    as empty; no line breaks, and only characters check_characters lets through."""
    text = unicodedata.normalize("NFC", "" if value is None else str(value))
    if "\r" in text or "\n" in text or "\u2028" in text or "\u2029" in text:
        raise ValidationError(field, translate("Register", "must be on one line (a line break was found)"))
    check_characters(field, text, allowed="\t")
    text = " ".join(text.replace("\t", " ").split())
    if required and not text:
        raise ValidationError(field, translate("Register", "is required"))
    if len(text) > max_length:
        raise ValidationError(
            field,
            translate("Register", "is {0} characters long; at most {1} are allowed").format(
                len(text), max_length
            ),
        )
    return text


# email_validator's own words for the commonest mistakes, so that a French desk can say them in French;
# any other reason is shown as the library words it.
_EMAIL_REASONS = frozenset(
    (
        QT_TRANSLATE_NOOP("Register", "An email address must have an @-sign."),
        QT_TRANSLATE_NOOP("Register", "There must be something before the @-sign."),
        QT_TRANSLATE_NOOP("Register", "There must be something after the @-sign."),
        QT_TRANSLATE_NOOP("Register", "The part after the @-sign is not valid. It should have a period."),
        QT_TRANSLATE_NOOP(
            "Register", "The part after the @-sign is not valid. It is not within a valid top-level domain."
        ),
        QT_TRANSLATE_NOOP(
            "Register",
            "The part after the @-sign is a special-use or reserved name that cannot be used with email.",
        ),
        QT_TRANSLATE_NOOP("Register", "An email address cannot start with a period."),
        QT_TRANSLATE_NOOP("Register", "An email address cannot end with a period."),
        QT_TRANSLATE_NOOP("Register", "An email address cannot have two periods in a row."),
        QT_TRANSLATE_NOOP("Register", "An email address cannot have a period immediately before the @-sign."),
        QT_TRANSLATE_NOOP("Register", "An email address cannot have a period immediately after the @-sign."),
        QT_TRANSLATE_NOOP("Register", "An email address cannot have a hyphen immediately after the @-sign."),
        QT_TRANSLATE_NOOP(
            "Register", "An email address cannot have a period and a hyphen next to each other."
        ),
        QT_TRANSLATE_NOOP("Register", "The email address contains invalid characters before the @-sign."),
        QT_TRANSLATE_NOOP("Register", "The email address contains an invalid character."),
    )
)


def validate_email(field: str, value: str | None, *, required: bool = True) -> str:
    """One bare address (no display name, no list), normalised; raises ValidationError naming the field."""
    text = clean_text(field, value, required=required)
    if not text:
        return ""
    if any(c in text for c in "<>,;") or " " in text:
        raise ValidationError(
            field, translate("Register", "must be one email address, without a name or a second address")
        )
    try:
        result = _validate_email(text, check_deliverability=False, allow_display_name=False)
    except EmailNotValidError as exc:
        reason = str(exc)
        if reason in _EMAIL_REASONS:
            reason = translate_marked("Register", reason)
        raise ValidationError(
            field, translate("Register", "is not a valid email address ({0})").format(reason)
        ) from None
    return str(result.normalized)


# --- folding ---------------------------------------------------------------------------------------

# Letters that Unicode does not decompose into a base letter plus an accent.
_SPECIAL_LETTERS = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "ss",
        "ø": "o",
        "ł": "l",
        "æ": "ae",
        "œ": "oe",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
        "ħ": "h",
        "ŧ": "t",
        "ŀ": "l",
        "ĸ": "k",
        "ŋ": "n",
        "ƒ": "f",
        "ſ": "s",
    }
)
_ASCII_SEPARATORS = re.compile(r"[^a-z0-9]+")


def _strips_accents(ch: str) -> bool:
    """Latin, Greek and Cyrillic letters lose their accents; other scripts keep their marks (vowel signs)."""
    cp = ord(ch)
    return (
        cp < 0x0250
        or 0x1E00 <= cp <= 0x1EFF
        or 0x0370 <= cp <= 0x03FF
        or 0x1F00 <= cp <= 0x1FFF
        or 0x0400 <= cp <= 0x052F
    )


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free words separated by single spaces ("Hélène  CÔTÉ-Gagnon" → "helene cote
    gagnon"): the one key for comparing what people type (member search, directory names, institution
    types, countries, sort orders).

    Punctuation, hyphens and symbols become spaces; letters of scripts without case or accents (Chinese,
    Arabic, Devanagari…) are kept as they are, case-folded. Members' stored search words are made with
    it: changing its output means rebuilding them (app.register.members.refresh_search_name) on upgrade.
    """
    if text.isascii():  # most names: no accents to strip, so skip the per-character walk
        return " ".join(_ASCII_SEPARATORS.sub(" ", text.lower()).split())
    decomposed = unicodedata.normalize("NFKD", text.casefold()).translate(_SPECIAL_LETTERS)
    out: list[str] = []
    strip_marks = False
    for ch in decomposed:
        category = unicodedata.category(ch)
        if category.startswith("M"):
            if not strip_marks:
                out.append(ch)
        elif category.startswith(("L", "N")):
            out.append(ch)
            strip_marks = _strips_accents(ch)
        else:
            out.append(" ")
            strip_marks = False
    return " ".join(unicodedata.normalize("NFC", "".join(out)).split())


# --- transliteration -------------------------------------------------------------------------------

_GREEK = dict(
    zip(
        "αβγδεζηθικλμνξοπρσςτυφχψω",
        "a v g d e z i th i k l m n x o p r s s t y f ch ps o".split(),
        strict=True,
    )
)
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґђјљњћџѓќѕў",
        (
            "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya "
            "i yi ye g dj j lj nj c dz gj kj dz u"
        ).split(),
        strict=True,
    )
)
_LATIN_LETTERS = {
    **{k: v for k, v in (("ß", "ss"), ("ø", "o"), ("ł", "l"), ("æ", "ae"), ("œ", "oe"), ("đ", "d"))},
    **{k: v for k, v in (("ð", "d"), ("þ", "th"), ("ı", "i"), ("ħ", "h"), ("ŧ", "t"), ("ŋ", "n"))},
}


def _latin_of(ch: str) -> str:
    lower = ch.lower()
    for table in (_CYRILLIC, _GREEK, _LATIN_LETTERS):
        if lower in table:
            out = table[lower].replace("-", "")  # the hard and soft signs have no Latin letter
            return out.capitalize() if ch != lower and out else out
    return ch


def to_latin(text: str) -> str:
    """Latin letters for Latin, Greek and Cyrillic text, accents dropped (Łukasz -> Lukasz, Ødegård ->
    Odegard, Αλέξης -> Alexis, Пётр -> Petr); letters of other scripts (Chinese, Arabic…) are kept as they
    are, so no letter is ever dropped. For names that must be plain ASCII, such as file names."""
    out: list[str] = []
    text = unicodedata.normalize("NFC", text)
    for greek, latin in (("ου", "ou"), ("Ου", "Ou"), ("ΟΥ", "OU"), ("ού", "ou"), ("Ού", "Ou")):
        text = text.replace(greek, latin)
    for composed in text:
        latin = _latin_of(composed)
        if latin != composed:
            out.append(latin)
            continue
        decomposed = unicodedata.normalize("NFKD", composed)
        base = decomposed[:1]
        if base and _strips_accents(base):
            rest = "".join(_latin_of(c) for c in decomposed[1:] if not unicodedata.combining(c))
            out.append(_latin_of(base) + rest)
        else:
            out.append(composed)
    return "".join(out)
