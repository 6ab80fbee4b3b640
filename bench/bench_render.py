"""Render and sign N certificates; compare with a plain reportlab page of the same text in the same run.

Figures (one JSON line each):
- rendering: ms per certificate for the full layout (render_pdf) against a plain canvas page drawing every
  piece of text the certificate sets, in the same embedded faces, line by line (plain_page_pdf).
  Goal: at most 1.5x the plain page.
- signing: ms per certificate for the PAdES signature (pyHanko, EC P-256), against hashing the file and
  making the bare ECDSA signature with `cryptography`. Goal: at most 20 ms per certificate.

Times are CPU time per certificate (time.process_time), the two sides alternating certificate by
certificate, so that other work on a shared machine does not tilt the ratio.

Usage: .venv/bin/python bench/bench_render.py [--quick] [--count N]
"""

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.document.certificates import (  # noqa: E402
    CertificateContent,
    IssuerDetails,
    certificate_lines,
    plain_page_pdf,
    render_pdf,
)
from app.document.signing import DEMO_FILE, Signer, _make_demo_pkcs12, sign_pdf  # noqa: E402

NAMES = (
    "Hélène Côté-Gagnon",
    "Ingrid Ødegård",
    "Łukasz Wróblewski",
    "Νικόλαος Παπαδόπουλος",
    "Анастасия Кузнецова",
    "王美玲",
    "José María Núñez de la Peña",
    "Maximilian Alexander Konstantin Wolfeschlegelsteinhausen-Bergerdorff-Montgomery-Abernathy",
)


def contents(count: int) -> list[CertificateContent]:
    issuer = IssuerDetails(
        name="College of Physicians and Surgeons (DEMO)",
        address_lines=("80 College Street", "Toronto ON  M5G 2E2", "Canada"),
        registrar_name="Dr. A. Registrar (DEMO)",
        registrar_title="Registrar and Chief Executive Officer",
        verification_url="https://verify.example.org/cpc",
    )
    base = CertificateContent(
        number="CPC-2026-000000",
        verification_code="ABCD-EFGH-JKMN",
        issue_date=date(2026, 11, 25),
        valid_until=date(2027, 2, 23),
        member_name="",
        cpso_number="100001",
        registration_class="Independent Practice",
        member_status="Active",
        initial_registration_date=date(2004, 7, 1),
        certificate_expiry_date=date(2027, 6, 30),
        specialties=("Family Medicine",),
        terms_conditions="",
        discipline="",
        pending_investigations="",
        recipient_name="Toronto General Hospital",
        attention="Medical Staff Office",
        street_lines=("200 Elizabeth Street", "Room 1-001"),
        city="Toronto",
        state="ON",
        postal_code="M5G 2C4",
        country="Canada",
        issuer=issuer,
    )
    return [
        replace(
            base,
            number=f"CPC-2026-{i + 1:06d}",
            member_name=NAMES[i % len(NAMES)],
            cpso_number=str(100001 + i),
            terms_conditions="Practice restricted to academic duties." if i % 10 == 3 else "",
        )
        for i in range(count)
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer certificates")
    parser.add_argument("--count", type=int, default=0)
    args = parser.parse_args()
    count = args.count or (12 if args.quick else 60)
    items = contents(count)

    # Warm up both paths (font registration, imports, first-use caches) before timing anything.
    render_pdf(items[0])
    # The baseline draws exactly the text the certificate sets, in the same faces (gathered untimed).
    texts = [certificate_lines(c) for c in items]
    plain_page_pdf(texts[0])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / DEMO_FILE
        _make_demo_pkcs12(path, "College of Physicians and Surgeons (DEMO)")
        signer = Signer(str(path), None, demo=True)
        sign_pdf(render_pdf(items[0]), signer)
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec

        key = ec.generate_private_key(ec.SECP256R1())

        # Alternate the two sides certificate by certificate, so that both see the same machine load
        # (the machine is shared); each figure is the median of the per-certificate CPU times.
        render_ms: list[float] = []
        plain_ms: list[float] = []
        sign_ms: list[float] = []
        raw_ms: list[float] = []
        rendered: list[bytes] = []
        for round_no in range(3):
            for content, text in zip(items, texts, strict=True):
                started = time.process_time()
                pdf = render_pdf(content)
                render_ms.append((time.process_time() - started) * 1000)
                started = time.process_time()
                plain_page_pdf(text)
                plain_ms.append((time.process_time() - started) * 1000)
                started = time.process_time()
                sign_pdf(pdf, signer)
                sign_ms.append((time.process_time() - started) * 1000)
                started = time.process_time()
                key.sign(hashlib.sha256(pdf).digest(), ec.ECDSA(hashes.SHA256()))
                raw_ms.append((time.process_time() - started) * 1000)
                if round_no == 0:
                    rendered.append(pdf)

    render, plain = statistics.median(render_ms), statistics.median(plain_ms)
    sign, raw = statistics.median(sign_ms), statistics.median(raw_ms)
    pages = sum(pdf.count(b"/Type /Page\n") for pdf in rendered)
    print(f"{count} certificates ({pages} pages) x 3 rounds; medians of the per-certificate times")
    print(f"  render_pdf       {render:7.2f} ms/cert")
    print(f"  plain page       {plain:7.2f} ms/cert   ratio {render / plain:.2f}x (goal <= 1.5x)")
    print(f"  sign_pdf (PAdES) {sign:7.2f} ms/cert   (goal <= 20 ms)")
    print(f"  bare ECDSA       {raw:7.3f} ms/cert   ratio {sign / raw:.1f}x")
    print(f"  render + sign    {render + sign:7.2f} ms/cert")
    print(
        json.dumps(
            {
                "figure": "certificate rendering (ms/cert) vs plain page, same text",
                "project": round(render, 2),
                "baseline": round(plain, 2),
                "ratio": round(render / plain, 2),
                "goal": "<= 1.5x plain page",
                "met": render / plain <= 1.5,
            }
        )
    )
    print(
        json.dumps(
            {
                "figure": "PAdES signing (ms/cert, EC P-256) vs bare ECDSA",
                "project": round(sign, 2),
                "baseline": round(raw, 3),
                "ratio": round(sign / raw, 1),
                "goal": "<= 20 ms/cert",
                "met": sign <= 20.0,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
