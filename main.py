"""CPC Desk entry point: no command opens the desk window; sub-commands run headless jobs."""

import sys
from collections.abc import Sequence
from typing import Any


def _gui_commands(sub: Any) -> None:
    shots = sub.add_parser("screenshots", help="render every main screen offscreen into docs/screenshots/")
    shots.add_argument("--out", default="docs/screenshots", help="folder for the PNG files")
    shots.add_argument("--size", default="1280x720", help="window size, WIDTHxHEIGHT (1366x768: a laptop)")
    shots.add_argument(
        "--language",
        choices=("en", "fr"),
        default="en",
        help="the desk's language; fr writes the French desk's home, profile and wizard as fr-*.png",
    )


def _qt_versions() -> list[tuple[str, str]]:
    # Here, not in app/ (which knows no Qt); importing QtCore needs no display.
    import PySide6
    from PySide6.QtCore import qVersion

    return [("Qt", qVersion()), ("PySide6", PySide6.__version__)]


def main(argv: Sequence[str] | None = None) -> int:
    from app.cli.window_args import parse_window_args

    words = sys.argv[1:] if argv is None else list(argv)
    args: Any = parse_window_args(words)
    if args is None:
        # argparse is loaded only here: the window's first paint need not wait for it.
        from app.cli.main import build_parser

        args = build_parser(_gui_commands).parse_args(words)
    if getattr(args, "version", False):
        from app.version import version_report

        print(version_report(args.data_dir, args.database_url, _qt_versions()))
        return 0
    if args.command == "screenshots":
        from ui.shell.screenshots import render_all

        return render_all(args)
    if args.command:
        from app.cli.main import run_command

        return int(run_command(args))
    from ui.shell.application import run_gui

    return run_gui(args)


if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # The built desk (PyInstaller): the batch's render workers are started as this same program,
        # and this is where they take over instead of parsing a command line. Not needed from source.
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
