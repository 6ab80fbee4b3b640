"""`documents issue CPSO_NUMBER --kind KIND [--email ADDRESS] [--language LANG] [--out DIR]`: copies of a
member's registration documents, in English, French or both, issued, signed and queued for the member's
email (deliver with `outbox send`)."""

import argparse
import os
from pathlib import Path

from app.desk import Desk
from app.errors import ValidationError
from app.issuing.documents import document_pdf, issue_copies


def cli_issue(args: argparse.Namespace, desk: Desk) -> int:
    """Exit 0 when every document was issued; 2 (with every reason) when the member may not have one."""
    out = Path(args.out) if args.out else None
    if out is not None and out.exists() and not out.is_dir():
        raise ValidationError("--out", f"{out} is not a folder")
    issued = issue_copies(
        desk, desk.actor, args.cpso_number, args.kind, email=args.email or "", language=args.language or ""
    )
    print(f"Request {issued.request_number} for {issued.member_name}: emailed to {issued.email} (queued)")
    for copy in issued.copies:
        line = f"  {copy.number}  {copy.title}"
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            path = out / f"{copy.number}.pdf"
            partial = path.with_suffix(".pdf.partial")
            partial.write_bytes(document_pdf(desk, desk.actor, copy.number))
            os.replace(partial, path)
            line += f"  -> {path}"
        print(line)
    return 0
