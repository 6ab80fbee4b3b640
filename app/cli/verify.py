"""`verify FILE.pdf` and `certificates revoke NUMBER --reason TEXT`: checking and revoking certificates."""

import argparse
from pathlib import Path

from app.desk import Desk
from app.document.verification import MAX_FILE_BYTES, revoke_certificate, too_large_problem, verify_pdf
from app.errors import ValidationError


def cli_verify(args: argparse.Namespace, desk: Desk) -> int:
    """`verify FILE.pdf`: print each finding; exit 0 only when every check holds (1 otherwise)."""
    path = Path(args.file)
    try:
        with path.open("rb") as fh:
            # one byte past the limit tells a file that is too large without reading it whole
            data = fh.read(MAX_FILE_BYTES + 1)
            size = path.stat().st_size
    except OSError as exc:
        raise ValidationError("file", f"cannot read {path} ({exc.strerror})") from None
    if too_large_problem(size):
        print(f"File: {path}")
        print(f"  FAILED  {too_large_problem(size)}")
        print("Result: NOT VALID.")
        return 1
    result = verify_pdf(desk, data)
    print(f"File: {path}")
    if result.number:
        # the number as the signed content states it; the member only when signature and hash hold
        who = f" for {result.member_name}" if result.member_name else ""
        to = f", addressed to {result.recipient_name}" if result.recipient_name else ""
        print(f"Certificate: {result.number}{who}{to}")
    for check in result.checks:
        print(f"  ok      {check}")
    for problem in result.problems:
        print(f"  FAILED  {problem}")
    print("Result: VALID - every check holds." if result.ok else "Result: NOT VALID.")
    return 0 if result.ok else 1


def cli_revoke(args: argparse.Namespace, desk: Desk) -> int:
    """`certificates revoke NUMBER --reason TEXT`, as the staff member signed in with --user."""
    cert = revoke_certificate(desk, desk.actor, args.number, args.reason)
    when = cert.revoked_at.astimezone().strftime("%Y-%m-%d %H:%M") if cert.revoked_at else ""
    print(f"Revoked {cert.number} at {when} because {cert.revoked_reason}")
    return 0
