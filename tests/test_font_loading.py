"""The CJK face is loaded only by a process that prints a CJK name (it costs ~30 MB per renderer)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import sys
from reportlab.pdfbase import pdfmetrics
from tests.test_certificates import sample
from app.document.certificates import render_pdf
render_pdf(sample(member_name=sys.argv[1]))
print("CJK" if "CPC-CJK" in pdfmetrics.getRegisteredFontNames() else "LATIN")
"""


def loaded_after_rendering(name: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, name], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_latin_certificate_does_not_load_the_cjk_face() -> None:
    assert loaded_after_rendering("Hélène Côté-Gagnon") == "LATIN"


def test_cjk_name_loads_it_when_needed() -> None:
    assert loaded_after_rendering("王美玲") == "CJK"
