"""The schema revisions this version of CPC Desk knows. Kept free of SQLAlchemy so that the start-up
status check (app.mail.status) can read them before the ORM has loaded."""

# Every revision this version of CPC Desk knows, oldest first. The last one is the schema it expects.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0004", "0005", "0006", "0007")
SCHEMA_HEAD = KNOWN_REVISIONS[-1]
