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
# command documents (0, 1, 2, 3, 130) and a refused sign-in's (77, app.cli.signin).
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
    # The command line's sign-in (app.cli.signin); the window asks in its own sign-in screen.
    parser.add_argument(
        "--user", metavar="NAME", help="sign in as this staff user (the password is asked on the terminal)"
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input instead of asking",
    )


def build_parser(extra: Callable[[Any], None] | None = None) -> argparse.ArgumentParser:
    """The whole command line; `extra` may add sub-commands that live outside app/ (GUI-only ones)."""
    parser = argparse.ArgumentParser(
        prog="cpc-desk",
        description=(
            "CPC Desk: issue Certificates of Professional Conduct. With no command, opens the desk window."
        ),
    )
    _add_global_options(parser)
    parser.add_argument(
        "--version",
        action="store_true",
        help="print the version, the database's schema revision and the versions of Qt, PySide6, "
        "SQLAlchemy, reportlab and pyHanko, then exit (creates and migrates nothing)",
    )
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
    p.add_argument(
        "--encoding",
        default="",
        help="the file's encoding when it is not UTF-8 (windows-1252, latin-1, utf-16, mac-roman)",
    )
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
    p.add_argument(
        "--encoding",
        default="",
        help="the file's encoding when it is not UTF-8 (windows-1252, latin-1, utf-16, mac-roman)",
    )

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
    p.add_argument(
        "--encoding",
        default="",
        help="the file's encoding when it is not UTF-8 (windows-1252, latin-1, utf-16, mac-roman)",
    )

    outbox = sub.add_parser("outbox", help="outgoing email", description="Outgoing certificate email.")
    osub = outbox.add_subparsers(dest="outbox_command", metavar="ACTION", required=True)
    p = _add(osub, "list", "app.cli.outbox:cli_list", "list the outbox")
    p.add_argument("--all", action="store_true", help="include sent and cancelled messages")
    _add(osub, "send", "app.cli.outbox:cli_send", "send what is due now; exit 1 when anything failed")
    p = _add(
        osub,
        "test",
        "app.cli.outbox:cli_test",
        "send a test message to ADDRESS; name the step that failed (exit 1) if it was not accepted",
    )
    p.add_argument("address", help="where to send the test message")

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
        "which",
        choices=["smtp", "signing", "smtp-oauth", "database"],
        help="smtp: the SMTP password; signing: the key passphrase; smtp-oauth: the OAuth 2.0 client "
        "secret, certificate with its key (PEM), or Google service account key (JSON), for smtp.auth; "
        "database: this desk's PostgreSQL password (kept in your own keyring; needs no sign-in, as the "
        "desk cannot connect without it)",
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

    documents = sub.add_parser(
        "documents",
        help="copies of a member's registration documents",
        description="Copies of Documents: Certificate of Registration, Membership Card, Membership Diploma.",
    )
    dsub = documents.add_subparsers(dest="documents_command", metavar="ACTION", required=True)
    p = _add(
        dsub, "issue", "app.cli.documents:cli_issue", "issue documents to a member and queue their email"
    )
    p.add_argument("cpso_number", help="the member's CPSO number")
    p.add_argument(
        "--kind",
        action="append",
        required=True,
        choices=["registration", "card", "diploma"],
        help="the document (repeat for several)",
    )
    p.add_argument("--email", help="send to this address instead of the one on file")
    p.add_argument(
        "--language",
        help="en, fr or bilingual: the documents' and the email's (default: French for a practice address "
        "in Quebec, English otherwise)",
    )
    p.add_argument("--out", help="also write each signed PDF into this folder")

    requests = sub.add_parser(
        "requests", help="messages about a request", description="The message thread of a request."
    )
    rsub = requests.add_subparsers(dest="requests_command", metavar="ACTION", required=True)
    p = _add(rsub, "message", "app.cli.requests:cli_message", "email the member a message about a request")
    p.add_argument("request", help="the request number, R-0000000")
    p.add_argument("--text-file", required=True, help="UTF-8 plain text, at most 5,000 characters")
    p.add_argument("--subject", help="one line (the request number is added when missing)")
    p = _add(rsub, "record", "app.cli.requests:cli_record", "record the member's reply or a phone call")
    p.add_argument("request", help="the request number, R-0000000")
    p.add_argument("--text-file", required=True, help="UTF-8 plain text, at most 5,000 characters")
    p.add_argument("--how", choices=["reply", "phone"], default="reply", help="a reply (default) or a call")
    p = _add(rsub, "thread", "app.cli.requests:cli_thread", "print a request's messages, oldest first")
    p.add_argument("request", help="the request number, R-0000000")

    _add(sub, "demo", "app.cli.demo:cli_demo", "fill an empty database with the demo register")

    verification = sub.add_parser(
        "verification",
        help="the verification web service",
        description="The web service behind the certificate's QR code.",
    )
    vsub = verification.add_subparsers(dest="verification_command", metavar="ACTION", required=True)
    p = _add(
        vsub,
        "serve",
        "app.cli.verification:cli_serve",
        "serve the verification page at the path of verification.url until Ctrl-C or SIGTERM",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8080, help="port to listen on (default 8080)")
    p.add_argument(
        "--rate-limit", type=int, default=30, help="requests per client address per minute (default 30)"
    )
    p.add_argument(
        "--forwarded-allow-ips",
        help="the College web server's address(es), comma-separated: trust its X-Forwarded-For",
    )
    p.set_defaults(migrate=False)  # reads only: a desk migrates the database, the service never does

    db = sub.add_parser("db", help="the database", description="The shared database (PostgreSQL).")
    dsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    p = _add(
        dsub,
        "roles",
        "app.cli.db:cli_roles",
        "create or update the PostgreSQL roles for desks and for the verification service",
    )
    p.add_argument("--desk-role", default="cpc_desk", help="the desks' role (default cpc_desk)")
    p.add_argument(
        "--service-role", default="cpc_verify", help="the verification service's role (default cpc_verify)"
    )
    staff = sub.add_parser("staff", help="staff accounts", description="Staff accounts.")
    stsub = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    p = _add(
        stsub,
        "create-admin",
        "app.cli.staff:cli_create_admin",
        "make the first administrator of an empty register (password asked twice, or --password-stdin)",
    )
    p.add_argument("username", help="the administrator's username")
    p.add_argument("--display-name", default="", help="the name shown in the window and the audit trail")
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
    from app.access.staff import SignInFailed
    from app.cli.signin import SIGNIN_FAILED_STATUS, SignInRequired, needs_signin, sign_in_from_args

    # lazy: the desk loads SQLAlchemy (~0.3 s), which --help and a mistyped command need not wait for
    from app.failures import describe as describe_failure
    from app.log import configure_logging, stop_logging

    try:
        handler = resolve(args.handler)
    except (ImportError, AttributeError):
        print(f"cpc-desk: '{args.command}' is not available in this version.", file=sys.stderr)
        return 2
    if args.password_stdin and not args.user and args.handler != "app.cli.staff:cli_create_admin":
        print("cpc-desk: --password-stdin needs --user NAME (whose password it is)", file=sys.stderr)
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
        if args.handler == "app.cli.settings:cli_set_password" and getattr(args, "which", "") == "database":
            from app.cli.settings import cli_set_database_password

            return cli_set_database_password(args, folder)
        desk = _open_desk(folder, args.database_url, migrate=getattr(args, "migrate", True))
        if args.offline:
            desk.offline = True
        if args.demo:
            # lazy: only --demo needs the demo register (a sub-command imports only its own module)
            from app.access.staff import add_demo_users
            from app.register.demo import fill_if_empty

            fill_if_empty(desk)
            add_demo_users(desk)  # the three demo accounts (README), unless the register has its own
        # A command that needs no sign-in ignores --user (a script may give it to every command).
        if needs_signin(args):
            try:
                desk.actor = sign_in_from_args(args, desk)
            except SignInRequired as exc:
                print(f"cpc-desk: {exc}", file=sys.stderr)
                return SIGNIN_FAILED_STATUS
            except SignInFailed as exc:
                print(f"cpc-desk: sign-in refused: {exc}", file=sys.stderr)
                return SIGNIN_FAILED_STATUS
        # After the sign-in: --password-stdin's password is standard input's first line, the PIN the next.
        if getattr(args, "pin_stdin", False):
            read_signing_pin(sys.stdin)
        return handler(args, desk)
    except CpcDeskError as exc:
        failure = describe_failure(exc)
        print(f"cpc-desk: {failure.sentence if failure else exc}", file=sys.stderr)
        return failure.status if failure else 2
    except KeyboardInterrupt:
        print("cpc-desk: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the log gets the traceback, the terminal a sentence
        log.exception("unexpected error in '%s'", args.command)
        failure = describe_failure(exc)
        if failure is not None:  # a full disk, a database gone or refusing: one sentence, its own status
            print(f"cpc-desk: {failure.sentence}", file=sys.stderr)
            return failure.status
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


def read_signing_pin(stream: Any) -> None:
    """--pin-stdin: one line of standard input is the signing key's PIN or passphrase, kept in memory
    for this command only (app.access.secrets, session only); never echoed, stored or logged."""
    from app.access import secrets
    from app.errors import ValidationError

    line = stream.readline()
    value = line.rstrip("\r\n")
    if not value:
        raise ValidationError("--pin-stdin", "standard input gave no PIN or passphrase (an empty line)")
    secrets.set_secret(secrets.SIGNING_PASSPHRASE_ENTRY, value, session_only=True)


def _open_desk(folder: Any, database_url: str | None, *, migrate: bool = True) -> Any:
    """Desk.open; when the database server wants a password that neither the OS keyring nor a PGPASSFILE
    gave, it is asked on the terminal (no echo) and used for this run only, never stored."""
    from sqlalchemy.exc import OperationalError

    from app.cli.signin import SignInRequired, ask_password
    from app.desk import Desk
    from app.errors import ValidationError
    from app.store.db import PASSWORD_HOME as where
    from app.store.db import server_wants_password as password_refused

    try:
        return Desk.open(folder, database_url, migrate=migrate)
    except OperationalError as exc:
        if not password_refused(exc):
            raise
    try:
        password = ask_password("Password for the database: ")
    except SignInRequired:
        raise ValidationError(
            "database password", f"the database server wants one and there is no terminal to ask on: {where}"
        ) from None
    try:
        return Desk.open(folder, database_url, migrate=migrate, database_password=password)
    except OperationalError as exc:
        if not password_refused(exc):
            raise
        raise ValidationError("database password", f"the database server refused it; {where}") from None


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)
