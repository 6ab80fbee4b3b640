"""The command line: global options and the sub-commands for headless jobs (no Qt here).

Each sub-command names its handler as "module:function"; the module is imported only when that
command runs, so `--help` and the GUI start stay fast. A handler takes (args, desk) and returns the
exit status.
"""

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any

from app.cli.window_args import GLOBAL_OPTIONS
from app.errors import CpcDeskError

Handler = Callable[[argparse.Namespace, Any], int]
# A fault of the program rather than of its input: sysexits.h's EX_SOFTWARE, apart from every status a
# command documents (0, 1, 2, 3, 130).
UNEXPECTED_ERROR_STATUS = 70

log = logging.getLogger(__name__)


def _add(sub: Any, name: str, handler: str, help_text: str, **kwargs: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text, **kwargs)
    parser.set_defaults(handler=handler)
    return parser


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    for option, (takes_value, text) in GLOBAL_OPTIONS.items():
        if takes_value:
            parser.add_argument(option, help=text)
        else:
            parser.add_argument(option, action="store_true", help=text)


def build_parser(extra: Callable[[Any], None] | None = None) -> argparse.ArgumentParser:
    """The whole command line; `extra` may add sub-commands that live outside app/ (GUI-only ones)."""
    parser = argparse.ArgumentParser(
        prog="cpc-desk",
        description=(
            "CPC Desk: issue Certificates of Professional Conduct. With no command, opens the desk window."
        ),
    )
    _add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    members = sub.add_parser(
        "members", help="the register of members", description="The register of members."
    )
    msub = members.add_subparsers(dest="members_command", metavar="ACTION", required=True)
    p = _add(msub, "import", "app.cli.members:cli_import", "import or update members from a CSV file")
    p.add_argument("file", help="CSV file (UTF-8 with or without BOM, or Windows-1252)")
    p.add_argument("--dry-run", action="store_true", help="check every row, change nothing")
    p.add_argument("--skip-invalid", action="store_true", help="import the valid rows, report the rest")
    p.add_argument("--report", help="where to write the CSV report of refused rows")
    p = _add(
        msub,
        "search",
        "app.cli.members:cli_search",
        "search members by CPSO number, name or certificate",
    )
    p.add_argument("query", help="CPSO number, name (any order), certificate number or verification code")
    p.add_argument("--json", action="store_true", help="print JSON instead of one member per line")
    p.add_argument("--limit", type=int, default=50, help="at most this many results (default 50)")

    institutions = sub.add_parser(
        "institutions",
        help="the institution directory",
        description="The directory of known recipient institutions.",
    )
    isub = institutions.add_subparsers(dest="institutions_command", metavar="ACTION", required=True)
    p = _add(
        isub,
        "import",
        "app.cli.institutions:cli_import",
        "import or update institutions from a CSV file",
    )
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="check every row, change nothing")
    p.add_argument("--skip-invalid", action="store_true", help="import the valid rows, report the rest")
    p.add_argument("--report", help="where to write the CSV report of refused rows")

    p = _add(
        sub, "batch", "app.cli.batch:cli_batch", "issue and print a batch of certificates from a requests CSV"
    )
    p.add_argument("file", help="requests CSV (see README)")
    p.add_argument("--out", required=True, help="folder for one PDF per certificate")
    p.add_argument("--merged", help="also write one merged, print-ready PDF here")
    p.add_argument("--queue-email", action="store_true", help="queue each certificate's email in the outbox")
    p.add_argument(
        "--skip-invalid", action="store_true", help="issue the valid rows even when some are refused"
    )
    p.add_argument(
        "--separators", action="store_true", help="add a cover sheet per institution to the merged PDF"
    )
    p.add_argument("--workers", type=int, default=0, help="rendering processes (default: one per core)")

    outbox = sub.add_parser("outbox", help="outgoing email", description="Outgoing certificate email.")
    osub = outbox.add_subparsers(dest="outbox_command", metavar="ACTION", required=True)
    p = _add(osub, "list", "app.cli.outbox:cli_list", "list the outbox")
    p.add_argument("--all", action="store_true", help="include sent and cancelled messages")
    _add(osub, "send", "app.cli.outbox:cli_send", "send what is due now; exit 1 when anything failed")

    p = _add(
        sub,
        "verify",
        "app.cli.verify:cli_verify",
        "check that a certificate PDF is genuine and valid",
    )
    p.add_argument("file", help="the certificate PDF")

    certificates = sub.add_parser(
        "certificates", help="issued certificates", description="Issued certificates."
    )
    csub = certificates.add_subparsers(dest="certificates_command", metavar="ACTION", required=True)
    p = _add(csub, "revoke", "app.cli.verify:cli_revoke", "revoke an issued certificate, with a reason")
    p.add_argument("number", help="the certificate number, CPC-YYYY-NNNNNN")
    p.add_argument(
        "--reason", required=True, help="why it is revoked (recorded and shown when it is checked)"
    )

    settings = sub.add_parser(
        "settings", help="this desk's settings", description="Read and change settings."
    )
    ssub = settings.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    _add(ssub, "list", "app.cli.settings:cli_list", "list every setting with its value")
    p = _add(ssub, "get", "app.cli.settings:cli_get", "print one setting")
    p.add_argument("key")
    p = _add(ssub, "set", "app.cli.settings:cli_set", "change one setting (validated)")
    p.add_argument("key")
    p.add_argument("value")
    p = _add(ssub, "set-password", "app.cli.settings:cli_set_password", "store a password in the OS keyring")
    p.add_argument(
        "which", choices=["smtp", "signing"], help="smtp: the SMTP password; signing: the key passphrase"
    )
    p.add_argument(
        "--stdin", action="store_true", help="read one line from standard input instead of prompting"
    )

    audit = sub.add_parser("audit", help="the audit trail", description="The tamper-evident audit trail.")
    asub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    _add(asub, "verify", "app.cli.audit:cli_verify", "check the hash chain; name the first broken event")
    _add(
        asub,
        "checkpoint",
        "app.cli.audit:cli_checkpoint",
        "sign the trail's newest event with the College's key (after an upgrade)",
    )

    _add(sub, "demo", "app.cli.demo:cli_demo", "fill an empty database with the demo register")
    if extra is not None:
        extra(sub)
    return parser


def resolve(handler: str) -> Handler:
    module_name, _, func = handler.partition(":")
    module = importlib.import_module(module_name)
    result: Handler = getattr(module, func)
    return result


def run_command(args: argparse.Namespace) -> int:
    """Open the desk and run one headless sub-command; errors become one plain line and exit status 2.

    An unexpected error (a fault of the program, not of the input) is logged with its traceback in the
    data folder's log and shown as one sentence naming that file; the exit status is then
    UNEXPECTED_ERROR_STATUS."""
    from app import paths

    # lazy: the desk loads SQLAlchemy (~0.3 s), which --help and a mistyped command need not wait for
    from app.desk import Desk
    from app.log import configure_logging, stop_logging

    try:
        handler = resolve(args.handler)
    except (ImportError, AttributeError):
        print(f"cpc-desk: '{args.command}' is not available in this version.", file=sys.stderr)
        return 2
    desk = None
    try:
        folder = paths.data_dir(args.data_dir)
    except OSError as exc:
        print(f"cpc-desk: the data folder cannot be used: {exc}", file=sys.stderr)
        return 2
    # The terminal gets the command's own sentences only; the log file gets the details.
    log_file = configure_logging(folder, console=False)
    try:
        desk = Desk.open(folder, args.database_url)
        if args.offline:
            desk.offline = True
        if args.demo:
            # lazy: only --demo needs the demo register (a sub-command imports only its own module)
            from app.register.demo import fill_if_empty

            fill_if_empty(desk)
        return handler(args, desk)
    except CpcDeskError as exc:
        print(f"cpc-desk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("cpc-desk: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the log gets the traceback, the terminal a sentence
        log.exception("unexpected error in '%s'", args.command)
        where = f"the details are in {log_file}" if log_file else "no log file could be written"
        print(
            f"cpc-desk: '{args.command}' stopped on an unexpected error ({type(exc).__name__}); {where}.",
            file=sys.stderr,
        )
        return UNEXPECTED_ERROR_STATUS
    finally:
        if desk is not None:
            desk.close()
        stop_logging()


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)
