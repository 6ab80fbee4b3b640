"""The shipped CJK font is registered with Qt, so names such as 王美玲 are drawn, not shown as boxes."""

from PySide6.QtGui import QFont, QTextLayout
from pytestqt.qtbot import QtBot

from ui.common.fonts import install_application_fonts


def glyph_runs(text: str, font: QFont) -> list[tuple[str, list[int]]]:
    """(font family, glyph indexes) of each run Qt would draw `text` with; glyph 0 is the empty box."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def test_cjk_names_are_drawn_with_the_shipped_font(qtbot: QtBot) -> None:
    families = install_application_fonts()
    assert "WenQuanYi Micro Hei" in families
    assert install_application_fonts() == families  # once only
    for font in (QFont(), QFont(QFont().family(), 18, QFont.Weight.DemiBold)):
        runs = glyph_runs("王 美玲 · CPSO #100008", font)
        assert all(index != 0 for _family, glyphs in runs for index in glyphs), runs
        cjk = [family for family, _glyphs in glyph_runs("美玲", font)]
        assert cjk == ["WenQuanYi Micro Hei"], cjk
        # Latin, Greek and Cyrillic keep the UI font
        latin = {family for family, _glyphs in glyph_runs("Hélène Ødegård Ελένη Дмитрий", font)}
        assert "WenQuanYi Micro Hei" not in latin and latin
