"""Which characters a certificate can draw, for the text rule (app.register.text) to refuse the others in
every input, before they reach a certificate.

Every face of the certificate falls back to DejaVu Sans and then to the CJK face
(app.document.certificates.FALLBACKS), so a character one of those two has is drawn in any face; a test
checks this set against the certificate's own font coverage, so the two cannot drift apart. Reading the two
fonts' character maps takes about 0.15 s, once per process and only when a value holds a non-ASCII
character.
"""

import bisect
import functools

from app.paths import RESOURCES

FONT_DIR = RESOURCES / "fonts"
# (file, sub-font index) of the faces every chain of app.document.certificates.FALLBACKS ends in.
BASE_FONTS = (("DejaVuSans.ttf", 0), ("wqy-microhei.ttc", 0))


@functools.cache
def _ranges() -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(starts, ends) of the runs of code points the base fonts cover; empty when a font is missing (the
    certificate then says so itself, naming the file)."""
    # lazy: reportlab costs ~0.1 s, and a value of plain ASCII never needs it
    from reportlab.pdfbase.ttfonts import TTFontFile

    points: set[int] = set()
    for name, index in BASE_FONTS:
        path = FONT_DIR / name
        if not path.exists():
            return (), ()
        points.update(TTFontFile(str(path), subfontIndex=index).charToGlyph)
    starts: list[int] = []
    ends: list[int] = []
    for cp in sorted(points):
        if ends and cp == ends[-1] + 1:
            ends[-1] = cp
        else:
            starts.append(cp)
            ends.append(cp)
    return tuple(starts), tuple(ends)


def covered_code_points() -> set[int]:
    """Every code point the base fonts draw (for the test that compares it with the certificate's)."""
    starts, ends = _ranges()
    return {cp for start, end in zip(starts, ends, strict=True) for cp in range(start, end + 1)}


def can_draw(ch: str) -> bool:
    """Whether the certificate's fonts have a glyph for `ch` (ASCII always)."""
    cp = ord(ch)
    if cp < 0x80:
        return True
    starts, ends = _ranges()
    if not starts:
        return True
    i = bisect.bisect_right(starts, cp) - 1
    return i >= 0 and cp <= ends[i]
