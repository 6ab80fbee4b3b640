"""Sign certificates with the key in a PKCS#11 token (SoftHSMv2) and an RFC 3161 timestamp from a loopback
TSA, with the validation data embedded (PAdES B-LT); compare with signing by a PKCS#12 key without a
timestamp in the same run.

Figure (one JSON line): ms per certificate (wall clock: the TSA's round trip is part of the cost), the two
sides alternating certificate by certificate on the same rendered PDFs so that machine load is shared.
Goal: at most 3x the PKCS#12 signature. The token and the TSA run on this machine, so the figure is what the
desk adds (session, B-LT, HTTP, the TSA's own signature), not a network's latency.

Usage: .venv/bin/python bench/bench_signing_token.py [--quick] [--count N]
Needs softhsm2-util (Debian: softhsm2) and python-pkcs11; prints a skip line without them.
"""

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_render import contents  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer certificates")
    parser.add_argument("--count", type=int, default=0)
    args = parser.parse_args()
    count = args.count or (10 if args.quick else 40)

    from tests.softhsm import configure_softhsm, make_token, softhsm_module

    module = softhsm_module()
    if module is None:
        print("SoftHSMv2 is not installed (apt-get install softhsm2): no figure")
        return 1
    from cryptography.hazmat.primitives.serialization import Encoding

    from app.document.certificates import render_pdf
    from app.document.signing import Signer, sign_pdf
    from tests.signing_pki import college_key, issue, loopback_tsa, make_root

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        configure_softhsm(work)  # before the PKCS#11 module is first loaded in this process
        root = make_root()
        token = make_token(module, work, lambda key: issue(root, key=key)[0])
        p12, _ = college_key(work, root, passphrase=b"bench")
        pdfs = [render_pdf(c) for c in contents(count)]
        plain = Signer(str(p12), b"bench")
        with loopback_tsa(work) as tsa:
            tsa_root = tsa.root.cert.public_bytes(Encoding.DER)
            hsm = Signer(
                pkcs11_module=module,
                pkcs11_token=token.label,
                pkcs11_key=token.key_label,
                pin=token.pin,
                tsa_url=tsa.url,
                trust_roots=(root.der, tsa_root),
            )
            # warm up both (imports, the token's session, the TSA's sample token for sizing)
            sign_pdf(pdfs[0], plain)
            sign_pdf(pdfs[0], hsm)
            hsm_ms: list[float] = []
            plain_ms: list[float] = []
            for pdf in pdfs:
                started = time.perf_counter()
                sign_pdf(pdf, hsm)
                hsm_ms.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                sign_pdf(pdf, plain)
                plain_ms.append((time.perf_counter() - started) * 1000)
            requests = tsa.requests
    token_ms, p12_ms = statistics.median(hsm_ms), statistics.median(plain_ms)
    print(f"{count} certificates; medians of the per-certificate wall-clock times; TSA requests: {requests}")
    print(f"  PKCS#11 (SoftHSMv2, RSA 2048) + RFC 3161 timestamp + B-LT  {token_ms:7.2f} ms/cert")
    print(f"  PKCS#12 (EC P-256), no timestamp                           {p12_ms:7.2f} ms/cert")
    ratio = token_ms / p12_ms
    print(
        json.dumps(
            {
                "figure": (
                    "signing via SoftHSMv2 with a loopback TSA and B-LT (ms/cert) vs PKCS#12, no timestamp"
                ),
                "project": round(token_ms, 2),
                "baseline": round(p12_ms, 2),
                "ratio": round(ratio, 2),
                "goal": "<= 3x",
                "met": ratio <= 3.0,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
