"""The fonts the window may need that the machine lacks: the CJK font shipped in resources/fonts.

A desk with no CJK font installed (a bare Linux, the offscreen platform) shows 王美玲 as empty boxes.
Registering the shipped WenQuanYi Micro Hei with Qt lets its font fallback draw those characters in
every widget, while Latin, Greek and Cyrillic text keeps the system's UI font.
"""

from PySide6.QtGui import QFontDatabase

from app.paths import RESOURCES

SHIPPED_FONTS = ("wqy-microhei.ttc",)

_installed: list[str] | None = None


def install_application_fonts() -> list[str]:
    """Register the shipped fonts with Qt (once; needs a QGuiApplication); returns the families added.

    A font file that is missing or unreadable is skipped: the window still opens, with boxes for the
    characters no other font can draw.
    """
    global _installed
    if _installed is not None:
        return list(_installed)
    families: list[str] = []
    for name in SHIPPED_FONTS:
        path = RESOURCES / "fonts" / name
        if not path.is_file():
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    _installed = families
    return list(families)
