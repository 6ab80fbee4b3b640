"""Sign certificates with the key in a PKCS#11 token (SoftHSMv2) and an RFC 3161 timestamp from a loopback
TSA, with the validation data embedded (PAdES B-LT); compare with signing by a PKCS#12 key without a
timestamp in the same run.

Figures (one JSON line each), the two sides alternating certificate by certificate on the same rendered
PDFs so that machine load is shared: wall-clock ms per certificate (goal: at most 3x the PKCS#12 signature;
it includes the TSA's turn on the machine's cores and the loopback round trip, not a network's latency) and
CPU ms per certificate of the desk's process (report: SoftHSM's RSA signature is part of this process; the
TSA answers from a process of its own, as a real one would).

The TSA is the tests' loopback TSA (tests/signing_pki.py): an RSA 2048 RFC 3161 responder behind a
keep-alive HTTP server, whose constant parts are encoded once, so that its cost is about a real TSA's
(its signature), not pyHanko's pure-Python test responder's (about 5 ms a timestamp).

Usage: .venv/bin/python bench/bench_signing_token.py [--quick] [--count N]
Needs softhsm2-util (Debian: softhsm2) and python-pkcs11; prints a skip line without them.
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_render import contents  # noqa: E402

_TSA_PROCESS = """
import sys
from pathlib import Path

from tests.signing_pki import loopback_tsa

with loopback_tsa(Path(sys.argv[1])) as tsa:
    print(tsa.url, flush=True)
    sys.stdin.read()
"""


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
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    from app.document.certificates import render_pdf
    from app.document.signing import Signer, sign_pdf
    from tests.signing_pki import college_key, issue, make_root

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        configure_softhsm(work)  # before the PKCS#11 module is first loaded in this process
        root = make_root()
        token = make_token(module, work, lambda key: issue(root, key=key)[0])
        p12, _ = college_key(work, root, passphrase=b"bench")
        pdfs = [render_pdf(c) for c in contents(count)]
        plain = Signer(str(p12), b"bench")
        # The TSA runs in a process of its own, as a real one would: its work is not this process's.
        server = subprocess.Popen(
            [sys.executable, "-c", _TSA_PROCESS, str(work)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert server.stdout is not None
            tsa_url = server.stdout.readline().strip()
            tsa_root = x509.load_pem_x509_certificate((work / "tsa-root.pem").read_bytes()).public_bytes(
                Encoding.DER
            )
            hsm = Signer(
                pkcs11_module=module,
                pkcs11_token=token.label,
                pkcs11_key=token.key_label,
                pin=token.pin,
                tsa_url=tsa_url,
                trust_roots=(root.der, tsa_root),
            )
            # warm up both (imports, the token's session, the TSA's sample token for sizing)
            sign_pdf(pdfs[0], plain)
            sign_pdf(pdfs[0], hsm)
            hsm_ms: list[float] = []
            plain_ms: list[float] = []
            hsm_cpu: list[float] = []
            plain_cpu: list[float] = []
            for pdf in pdfs:
                started, cpu = time.perf_counter(), time.process_time()
                sign_pdf(pdf, hsm)
                hsm_ms.append((time.perf_counter() - started) * 1000)
                hsm_cpu.append((time.process_time() - cpu) * 1000)
                started, cpu = time.perf_counter(), time.process_time()
                sign_pdf(pdf, plain)
                plain_ms.append((time.perf_counter() - started) * 1000)
                plain_cpu.append((time.process_time() - cpu) * 1000)
        finally:
            server.communicate(timeout=30)  # closing its standard input stops it
    token_ms, p12_ms = statistics.median(hsm_ms), statistics.median(plain_ms)
    token_cpu, p12_cpu = statistics.median(hsm_cpu), statistics.median(plain_cpu)
    print(f"{count} certificates; medians per certificate (wall clock; CPU of this process)")
    print(f"  PKCS#11 (SoftHSMv2, RSA 2048) + timestamp + B-LT  {token_ms:7.2f} ms  {token_cpu:7.2f} ms CPU")
    print(f"  PKCS#12 (EC P-256), no timestamp                  {p12_ms:7.2f} ms  {p12_cpu:7.2f} ms CPU")
    wall = token_ms / p12_ms
    for row in (
        {
            "figure": "SoftHSMv2 + loopback TSA + B-LT signing, wall ms/cert vs PKCS#12, no timestamp",
            "project": round(token_ms, 2),
            "baseline": round(p12_ms, 2),
            "ratio": round(wall, 2),
            "goal": "<= 3x (issue 16's goal, as wall time: the TSA's answer included)",
            "met": wall <= 3.0,
        },
        {
            "figure": "SoftHSMv2 + loopback TSA + B-LT signing, CPU ms/cert vs PKCS#12, no timestamp",
            "project": round(token_cpu, 2),
            "baseline": round(p12_cpu, 2),
            "ratio": round(token_cpu / p12_cpu, 2),
            "goal": "report: the desk process's own work (SoftHSM's RSA signature, B-LT data); <= 3x",
            "met": None,
        },
    ):
        print(json.dumps(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
