"""The one reviewed list of public functions below app/ that take a desk but check no permission.

Every other public `fn(desk, …)` starts with `actor.require(Permission.X)` (or hands over to one that
does); tests/test_staff_permissions.py enumerates them all and fails on one that does neither and is not
here. Adding a name here is a security decision: say why nobody needs a role for it.
"""

_SIGN_IN = "signing in or making the first accounts: nobody is signed in yet (the staff rules guard it)"
_WORKER = "a step the desk runs for itself (start-up, the outbox worker), not a person's action"
_BATCH_STEP = "a step inside run_requests_file / print_selection, which check BATCH_PRINT first"
_VERIFY = "anyone may check a certificate (the verification page, `verify`): it shows what the PDF states"

_ENGINE_STEP = "a step of the issuing engine inside submit/approve/reissue/batch, which check first"

PUBLIC_FUNCTIONS: dict[str, str] = {
    # functions that take an actor and change state, but check no role themselves
    "audit.trail.record": "the recorder itself; every caller checks first",
    "issuing.engine.number_certificate": _ENGINE_STEP,
    "issuing.engine.store_document": _ENGINE_STEP,
    "mail.outbox.enqueue_certificate_email": "a step inside issuing, which checks first",
    "access.staff.sign_out": "anyone signed in may leave the desk (recorded)",
    # services that take the desk and check no permission
    "access.staff.needs_first_admin": _SIGN_IN,
    "access.staff.create_first_admin": _SIGN_IN + "; refused once any account exists",
    "access.staff.sign_in": _SIGN_IN,
    "access.staff.add_demo_users": _SIGN_IN + "; --demo only, never beside real accounts",
    "access.staff.ensure_demo_users": _SIGN_IN + "; --demo only, never beside real accounts",
    "batch.run.check_requests": _BATCH_STEP,
    "batch.run.batch_items": _BATCH_STEP,
    "batch.run.select_certificates": _BATCH_STEP,
    "batch.run.institution_names": "the directory's names for the Batch Printing filter (no personal data)",
    "audit.anchor.college_key": "the key for the audit trail's own checkpoints, inside a checked write",
    "document.signing.load_signer": "loads the College's key for a service that has checked already",
    "document.verification.verify_pdf": _VERIFY,
    "document.standing.certificate_standing": _VERIFY + "; a wrong code gets the same answer as no number",
    "document.file_check.check_file": _VERIFY + "; only a file byte for byte as issued is answered",
    "document.college_certificate.college_fingerprint": _VERIFY + "; the public certificate's hash",
    "document.trust.current_signing_fingerprint": _VERIFY + "; the public certificate's hash",
    "document.trust.trust_at": _VERIFY + "; public certificates, never a key",
    "document.trust.trusted_certificates_at": _VERIFY + "; public certificates, never a key",
    "document.trust.configured_root": _VERIFY + "; the root named in this desk's own settings file",
    "document.trust.configured_tsa_roots": _VERIFY + "; the TSA roots named in this desk's settings",
    "document.signing.load_signer_unregistered": "loads the key for a service that has checked already",
    "document.signing.signing_key_problem": "says whether the key is usable (no key material, no data)",
    "document.signing.signing_secret_needed": "says whether a PIN or passphrase is needed (no data)",
    "issuing.engine.check_printable": _BATCH_STEP + " (whether a row's certificate can be drawn)",
    "issuing.requests.validity_note": "a rule (why valid-until is shorter), on data the caller already read",
    "issuing.engine.valid_until": "a rule (dates from the settings), no data",
    "issuing.requests.directory_institutions": "the public directory of institutions (no personal data)",
    "mail.demo_mailbox.start_demo_mail_server": _WORKER,
    "mail.demo_mailbox.demo_server_for_command": _WORKER,
    "mail.outbox.pause_reason": "the status bar's one line (no personal data)",
    "mail.outbox.count_due": "the status bar's count (no personal data)",
    "mail.outbox.send_due": _WORKER + "; what it sends was queued by a checked service",
    "mail.status.count_waiting": "the status bar's count (no personal data)",
    "register.demo.fill": "--demo on an empty database only (fictitious data)",
    "register.demo.is_empty": "a count, no data",
    "register.demo.fill_if_empty": "--demo on an empty database only (fictitious data)",
}
