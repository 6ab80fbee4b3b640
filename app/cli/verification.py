"""`verification serve`: the web service behind the certificate's QR code (no sign-in; reads only)."""

import argparse

from app.desk import Desk
from app.errors import ValidationError
from app.store.schema import SCHEMA_HEAD
from app.web.server import serve
from app.web.service import ServiceOptions, verification_path


def cli_serve(args: argparse.Namespace, desk: Desk) -> int:
    """Serve until Ctrl-C or SIGTERM; exit 0 after a clean stop, 2 when it cannot start."""
    if not 0 < args.port < 65536:
        raise ValidationError("--port", f"{args.port} is not a port number (1 to 65535)")
    if args.rate_limit < 1:
        raise ValidationError("--rate-limit", "must be at least 1 request a minute")
    # The service writes nothing to the database, so it does not migrate one either: a desk does that.
    revision = desk.db.current_revision()
    if revision != SCHEMA_HEAD:
        raise ValidationError(
            "database",
            f"the database is at schema {revision or 'none'}, this version serves {SCHEMA_HEAD}; "
            "open it once with a desk of this version first",
        )
    path = verification_path(str(desk.settings.get("verification.url")))

    def started() -> None:
        print(
            f"Verification service: http://{args.host}:{args.port}{path} (database {desk.db.location}); "
            "Ctrl-C stops it.",
            flush=True,
        )

    serve(
        desk,
        args.host,
        args.port,
        options=ServiceOptions(rate_limit=args.rate_limit),
        forwarded_allow_ips=args.forwarded_allow_ips,
        on_started=started,
    )
    print("Verification service stopped.", flush=True)
    return 0
