"""`members import|search`: the register of members from the command line."""

import argparse
import json
import sys
from dataclasses import asdict

from app.desk import Desk
from app.register.member_import import ImportResult, import_members, write_report
from app.register.members import search_members


def print_import_outcome(result: ImportResult, args: argparse.Namespace, what: str) -> int:
    """The shared end of the `members import` and `institutions import` commands."""
    if args.report and result.problems:
        write_report(result.problems, args.report)
    stream = sys.stdout if result.ok else sys.stderr
    print(result.summary(what), file=stream)
    if result.problems:
        if args.report:
            print(f"The refused rows are listed in {args.report}.", file=sys.stderr)
        else:
            print("line\tcolumn\tvalue\treason", file=sys.stderr)
            for p in result.problems:
                value = p.value if len(p.value) <= 60 else p.value[:57] + "..."
                print(f"{p.line}\t{p.column}\t{value!r}\t{p.reason}", file=sys.stderr)
        if not args.skip_invalid and not args.dry_run:
            print("Correct these rows, or use --skip-invalid to import the others.", file=sys.stderr)
    return 0 if result.ok else 1


def cli_import(args: argparse.Namespace, desk: Desk) -> int:
    """`members import FILE.csv [--dry-run] [--skip-invalid] [--report PATH]`: exit 0 only when every row
    was imported (or, on a dry run, would be); 1 when any row was refused; 2 when the file is unreadable."""
    result = import_members(
        desk,
        desk.actor,
        args.file,
        dry_run=args.dry_run,
        skip_invalid=args.skip_invalid,
        encoding=args.encoding,
    )
    return print_import_outcome(result, args, "members")


def cli_search(args: argparse.Namespace, desk: Desk) -> int:
    """`members search QUERY [--json]`: one member per line (or JSON); exit 1 when nothing matches."""
    with desk.db.read() as session:
        hits = search_members(session, args.query, limit=args.limit)
    if args.json:
        print(json.dumps([asdict(h) for h in hits], ensure_ascii=False, indent=2))
    else:
        for h in hits:
            extra = ""
            if h.certificate_number:
                extra = f"\t{h.certificate_number}"
            if h.request_id is not None:
                extra += f"\tR-{h.request_id:07d}"
            print(f"{h.cpso_number}\t{h.full_name}\t{h.registration_class}\t{h.status}{extra}")
    if not hits:
        print(f"No member, certificate or request matches {args.query!r}.", file=sys.stderr)
        return 1
    return 0
