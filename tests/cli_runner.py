"""Running the command line from tests. Every test that runs a `cpc-desk` command goes through here, so
what every command needs (for example signing in) is added in one place.

- `run_cli(argv, stdin=...)` runs `main.main(argv)` in this process, with `stdin` (text) as standard input,
  and returns the exit status.
- `cli_command(argv)` is the argument list for `subprocess.run`, and `cli_stdin(stdin)` the text to pass as
  its `input=`.
"""

import io
import sys
from collections.abc import Sequence
from pathlib import Path

import main

ROOT = Path(__file__).resolve().parent.parent


def run_cli(argv: Sequence[str], *, stdin: str | None = None) -> int:
    """`cpc-desk ARGV` in this process; standard input is `stdin` (empty when None)."""
    saved = sys.stdin
    sys.stdin = io.StringIO(cli_stdin(stdin))
    try:
        return main.main(list(argv))
    finally:
        sys.stdin = saved


def cli_command(argv: Sequence[str]) -> list[str]:
    """`cpc-desk ARGV` as a subprocess argument list."""
    return [sys.executable, str(ROOT / "main.py"), *argv]


def cli_stdin(stdin: str | None = None) -> str:
    """What a subprocess started with `cli_command` should get as its standard input."""
    return stdin or ""
