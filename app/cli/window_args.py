"""The global options, and reading them when they are all the command line says (the window opens).

Kept apart from app.cli.main, whose argparse (with gettext, locale and shutil) costs the first paint a few
milliseconds: an argument list of global options only is read here, anything else goes to the full
parser in app.cli.main (which builds its global options from the same table).
"""

from collections.abc import Sequence
from types import SimpleNamespace

# --option: (takes a value, help)
GLOBAL_OPTIONS: dict[str, tuple[bool, str]] = {
    "--data-dir": (
        True,
        "folder for everything the app writes (default: the user data folder; or $CPC_DESK_DATA_DIR)",
    ),
    "--database-url": (
        True,
        "SQLAlchemy database URL (default: SQLite in the data folder; or $CPC_DESK_DATABASE_URL)",
    ),
    "--demo": (False, "fill an empty database with demo data first"),
    "--offline": (False, "send no email; everything waits in the outbox"),
    "--pin-stdin": (
        False,
        "read the signing key's PIN (PKCS#11) or passphrase (PKCS#12) from a line of standard input; "
        "held in memory for this command only",
    ),
}


def dest(option: str) -> str:
    return option[2:].replace("-", "_")


def parse_window_args(argv: Sequence[str]) -> SimpleNamespace | None:
    """The arguments when they only open the window (global options, no command); None otherwise
    (a command, --help, an unknown option or a missing value: the full parser says what it means)."""
    values: dict[str, object] = {
        dest(o): (None if takes else False) for o, (takes, _help) in GLOBAL_OPTIONS.items()
    }
    words = list(argv)
    i = 0
    while i < len(words):
        name, eq, value = words[i].partition("=")
        spec = GLOBAL_OPTIONS.get(name)
        if spec is None:
            return None
        takes_value = spec[0]
        if takes_value:
            if not eq:
                i += 1
                if i >= len(words) or words[i].startswith("-"):
                    return None
                value = words[i]
            values[dest(name)] = value
        elif eq:
            return None
        else:
            values[dest(name)] = True
        i += 1
    return SimpleNamespace(**values, command=None)
