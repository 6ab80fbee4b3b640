"""The batch's render pool: which certificates are drawn in this process and which in a worker."""

import subprocess
import sys
from pathlib import Path

from app.batch.render_pool import RenderPool
from app.desk import Desk
from app.document.signing import load_signer
from tests.test_certificates import pdf_text, sample
from tests.test_signing import validate

ROOT = Path(__file__).resolve().parent.parent


def test_cjk_certificates_go_to_the_worker_and_the_rest_fill_in_here(data_dir: Path) -> None:
    desk = Desk.open(data_dir)
    signer = load_signer(desk)
    with RenderPool(signer, workers=2) as pool:
        queued = [pool.submit(sample(number=f"CPC-2026-00000{i}")) for i in range(4)]
        latin = pool.submit(sample(number="CPC-2026-000005"))
        cjk = pool.submit(sample(number="CPC-2026-000006", member_name="王美玲"))
        # The worker's queue is full: the next Latin certificate was drawn here (and handed to the worker
        # to sign); the CJK one went to the worker whole (drawing it here would load the CJK face).
        assert not cjk.done()
        results = [f.result(timeout=60) for f in [*queued, latin, cjk]]
    assert [r.number for r in results] == [f"CPC-2026-00000{i}" for i in (0, 1, 2, 3, 5, 6)]
    assert "王美玲" in pdf_text(results[-1].pdf)[1]
    for result in results:
        assert validate(result.pdf, signer.certificate_der).intact  # type: ignore[attr-defined]
    desk.close()


def test_the_issuing_process_loads_neither_pyhanko_nor_the_cjk_face(tmp_path: Path) -> None:
    """A batch from the command line: what this process drew, the worker signed."""
    script = f"""
import sys
import subprocess
import sys
from pathlib import Path
sys.path.insert(0, {str(ROOT)!r})
from app.batch.render_pool import RenderPool
from app.desk import Desk
from app.document.signing import load_signer
from tests.test_certificates import sample
desk = Desk.open(Path({str(tmp_path / "data")!r}))
with RenderPool(load_signer(desk), workers=2) as pool:
    names = ["王美玲" if i % 3 == 0 else "Ann Lee" for i in range(1, 13)]
    futures = [pool.submit(sample(number=f"CPC-2026-{{i:06d}}", member_name=n)) for i, n in enumerate(names)]
    results = [f.result(timeout=120) for f in futures]
assert len({{r.sha256 for r in results}}) == 12
import app.document.certificates
drawn_here = "reportlab.platypus" in sys.modules  # render_pdf's layout engine: something was drawn here
print(drawn_here, "pyhanko" in sys.modules, "CPC-CJK" in app.document.certificates._coverage)
"""
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["True", "False", "False"]


def test_render_here_false_draws_nothing_in_this_process(data_dir: Path) -> None:
    desk = Desk.open(data_dir)
    signer = load_signer(desk)
    with RenderPool(signer, workers=1, render_here=False) as pool:
        assert not pool.in_process
        futures = [pool.submit(sample(number=f"CPC-2026-00001{i}")) for i in range(8)]
        assert not any(f.done() for f in futures)
        assert len({f.result(timeout=60).sha256 for f in futures}) == 8
    desk.close()


def test_a_worker_speaks_the_language_of_the_desk_that_started_it(data_dir: Path) -> None:
    """What a render worker words (a refusal it raises) reaches the desk in the desk's language."""
    from app import i18n

    desk = Desk.open(data_dir)
    signer = load_signer(desk)
    try:
        for language in ("en", "fr"):
            with i18n.speaking(language), RenderPool(signer, workers=2, render_here=False) as pool:
                assert pool._pool is not None
                spoken = pool._pool.submit(i18n.translate, "Document", "an unknown date").result(timeout=60)
            assert spoken == {"en": "an unknown date", "fr": "une date inconnue"}[language]
    finally:
        desk.close()
