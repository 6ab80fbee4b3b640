"""`verify FILE.pdf` and `certificates revoke NUMBER --reason TEXT`: checking and revoking certificates."""

import argparse
from pathlib import Path

from app.desk import Desk
from app.document.verification import revoke_certificate, verify_pdf
from app.errors import ValidationError


def cli_verify(args: argparse.Namespace, desk: Desk) -> int:
    """`verify FILE.pdf`: print each finding; exit 0 only when every check holds (1 otherwise)."""
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError("file", f"cannot read {path} ({exc.strerror})") from None
    result = verify_pdf(desk, data)
    print(f"File: {path}")
    if result.number:
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
