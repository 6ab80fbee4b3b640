"""`cpc-desk audit verify`: check the audit trail's hash chain from the command line."""

import argparse
import sys

from app.audit.trail import check_trail
from app.desk import Desk


def cli_verify(args: argparse.Namespace, desk: Desk) -> int:
    """Exit 0 when every event's hash and link hold; otherwise name the first broken event and exit 1."""
    report = check_trail(desk, desk.actor)
    if report.ok:
        print(f"Audit trail intact: {report.checked} events checked.")
        return 0
    where = (
        f"event {report.first_broken_id}" if report.first_broken_id is not None else "the end of the trail"
    )
    print(f"AUDIT TRAIL BROKEN at {where}: {report.problem}.", file=sys.stderr)
    print(f"{report.checked} events checked up to the break.", file=sys.stderr)
    return 1
