"""`db roles`: the PostgreSQL roles for desks and for the verification service."""

import argparse

from app.database_roles import create_roles
from app.desk import Desk


def cli_roles(args: argparse.Namespace, desk: Desk) -> int:
    """Create or update both roles; exit 0, or 2 (with the reason) on SQLite or a bad role name."""
    create_roles(desk, desk.actor, args.desk_role, args.service_role)
    print(
        f"Roles ready: {args.desk_role} (desks: the audit trail and stored documents append-only) and "
        f"{args.service_role} (verification service: reads only what the page shows). Make logins members, "
        f"for example: GRANT {args.desk_role} TO alice;"
    )
    return 0
