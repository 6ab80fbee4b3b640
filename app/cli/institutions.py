"""`institutions import`: the institution directory from the command line."""

import argparse

from app.cli.members import print_import_outcome
from app.desk import Desk
from app.register.institution_import import import_institutions


def cli_import(args: argparse.Namespace, desk: Desk) -> int:
    """`institutions import FILE.csv [--dry-run] [--skip-invalid] [--report PATH]` (exit codes as members)."""
    result = import_institutions(
        desk,
        desk.actor,
        args.file,
        dry_run=args.dry_run,
        skip_invalid=args.skip_invalid,
        encoding=args.encoding,
    )
    return print_import_outcome(result, args, "institutions")
