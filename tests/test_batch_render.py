"""The batch's render pool: which certificates are drawn in this process and which in a worker."""

from pathlib import Path

from app.batch_render import RenderPool
from app.desk import Desk
from app.signing import load_signer
from tests.test_certificates import pdf_text, sample


def test_cjk_certificates_go_to_the_worker_and_the_rest_fill_in_here(data_dir: Path) -> None:
    desk = Desk.open(data_dir)
    signer = load_signer(desk)
    with RenderPool(signer, workers=2) as pool:
        queued = [pool.submit(sample(number=f"CPC-2026-00000{i}")) for i in range(4)]
        latin = pool.submit(sample(number="CPC-2026-000005"))
        cjk = pool.submit(sample(number="CPC-2026-000006", member_name="王美玲"))
        # The worker's queue is full: the next Latin certificate was drawn here, at once; the CJK one
        # still went to the worker (drawing it here would load the 30 MB CJK face into this process).
        assert latin.done() and not cjk.done()
        results = [f.result(timeout=60) for f in [*queued, latin, cjk]]
    assert [r.number for r in results] == [f"CPC-2026-00000{i}" for i in (0, 1, 2, 3, 5, 6)]
    assert "王美玲" in pdf_text(results[-1].pdf)[1]
    desk.close()


def test_render_here_false_draws_nothing_in_this_process(data_dir: Path) -> None:
    desk = Desk.open(data_dir)
    signer = load_signer(desk)
    with RenderPool(signer, workers=1, render_here=False) as pool:
        assert not pool.in_process
        futures = [pool.submit(sample(number=f"CPC-2026-00001{i}")) for i in range(8)]
        assert not any(f.done() for f in futures)
        assert len({f.result(timeout=60).sha256 for f in futures}) == 8
    desk.close()
