"""CPC Desk entry point: no command opens the desk window; sub-commands run headless jobs."""

import argparse
import sys
from collections.abc import Sequence


def _gui_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    shots = sub.add_parser("screenshots", help="render every main screen offscreen into docs/screenshots/")
    shots.add_argument("--out", default="docs/screenshots", help="folder for the PNG files")


def main(argv: Sequence[str] | None = None) -> int:
    from app.cli import build_parser, parse_window_args, run_command

    words = sys.argv[1:] if argv is None else list(argv)
    args = parse_window_args(words) or build_parser(_gui_commands).parse_args(words)
    if args.command == "screenshots":
        from ui.screenshots import render_all

        return render_all(args)
    if args.command:
        return run_command(args)
    from ui.application import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
