"""`batch REQUESTS.csv --out DIR …`: issue and print a batch from the command line, with a progress bar."""

import argparse
import signal
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from app.batch.run import BatchOptions, run_requests_file
from app.desk import Desk
from app.errors import ValidationErrors


class TerminalProgress:
    """A one-line progress bar on stderr (done/total, current member, time left); plain lines when piped."""

    def __init__(self, stream: TextIO | None = None, width: int = 30) -> None:
        self.stream = stream or sys.stderr
        self.width = width
        self.started = time.monotonic()
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.last_line = 0.0
        self.phase_total = -1

    def __call__(self, done: int, total: int, text: str) -> None:
        if total != self.phase_total:
            self.phase_total = total
            self.started = time.monotonic()
            self.first_done = done
        now = time.monotonic()
        elapsed = now - self.started
        rate_done = done - self.first_done
        eta = ""
        if rate_done > 0 and total > done:
            left = elapsed / rate_done * (total - done)
            eta = f" · {int(left // 60)}:{int(left % 60):02d} left"
        if self.tty:
            filled = int(self.width * done / total) if total else self.width
            bar = "█" * filled + "░" * (self.width - filled)
            line = f"\r{bar} {done}/{total}{eta} · {text}"[:160]
            self.stream.write(line.ljust(120))
            self.stream.flush()
        elif now - self.last_line >= 5 or done == total:
            self.last_line = now
            self.stream.write(f"{done}/{total}{eta} · {text}\n")
            self.stream.flush()

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


def cli_batch(args: argparse.Namespace, desk: Desk) -> int:
    """python main.py batch REQUESTS.csv --out DIR [--merged FILE.pdf] [--queue-email] [--skip-invalid]"""
    options = BatchOptions(
        out_dir=Path(args.out),
        merged_path=Path(args.merged) if args.merged else None,
        separators=bool(args.separators),
        queue_email=bool(args.queue_email),
        skip_invalid=bool(args.skip_invalid),
        workers=int(args.workers or 0),
        mark_printed=bool(args.merged),
        encoding=args.encoding,
    )
    stop = {"asked": False}

    def on_interrupt(_signum: int, _frame: Any) -> None:
        if stop["asked"]:
            raise KeyboardInterrupt
        stop["asked"] = True
        sys.stderr.write("\nStopping after the certificates in hand (Ctrl-C again to abort)…\n")

    bar = TerminalProgress()
    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        result = run_requests_file(desk, args.file, options, bar, lambda: stop["asked"])
    except ValidationErrors as exc:
        bar.finish()
        for error in exc.errors:
            print(f"cpc-desk: {error}", file=sys.stderr)
        return 2
    finally:
        signal.signal(signal.SIGINT, previous)
    bar.finish()
    for line in result.summary_lines():
        print(line)
    for rejected in result.rejected[:20]:
        print(f"  refused {rejected}", file=sys.stderr)
    if len(result.rejected) > 20:
        print(f"  … and {len(result.rejected) - 20} more problems in {result.report_path}", file=sys.stderr)
    return result.exit_status
