"""`cpc-desk audit verify|checkpoint`: check the audit trail, or sign its head, from the command line."""

import argparse
import sys

from app.audit.trail import check_trail, sign_checkpoint_now
from app.desk import Desk


def cli_verify(args: argparse.Namespace, desk: Desk) -> int:
    """Exit 0 when every event's hash and link, every signed checkpoint and every audited row agree;
    otherwise name the first event or row that does not, and exit 1."""
    report = check_trail(desk, desk.actor)
    if report.ok:
        print(f"Audit trail intact: {report.checked} events checked, the register agrees with them.")
        return 0
    where = report.where or (
        f"event {report.first_broken_id}" if report.first_broken_id is not None else "the end of the trail"
    )
    print(f"AUDIT TRAIL BROKEN at {where}: {report.problem}.", file=sys.stderr)
    print(f"{report.checked} events checked up to the break.", file=sys.stderr)
    return 1


def cli_checkpoint(args: argparse.Namespace, desk: Desk) -> int:
    covered = sign_checkpoint_now(desk, desk.actor)
    print(f"Checkpoint signed: the trail up to event {covered} carries the College's signature.")
    return 0
