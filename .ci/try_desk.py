"""Try a built desk (dist/cpc-desk/cpc-desk) the way an IT desk would, on a fresh data folder each time.

1. `--version` prints every version line and creates no data folder;
2. the window opens offscreen, paints, and quits (CPC_DESK_STARTUP_PROBE: the start-up probe quits it);
3. `demo` fills a demo register; `batch` issues one certificate headless; `verify` checks it (VALID);
4. `verification serve`, when this version has it: `--help` answers (the web service is inside).
Exit 0 when all hold; otherwise the first failure is printed with the program's own output, exit 1.
Every command goes through `cli()`, so a sign-in (when commands need one) is added in one place.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

TIMEOUT = 300


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--exe", default="dist/cpc-desk/cpc-desk", help="the built program")
    args = parser.parse_args()
    exe = Path(args.exe).resolve()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("CPC_DESK_DATA_DIR", None)
    env.pop("CPC_DESK_DATABASE_URL", None)

    def cli(
        *argv: str, data: Path, extra_env: dict[str, str] | None = None, signed_in: bool = False
    ) -> subprocess.CompletedProcess[str]:
        # A command that needs a sign-in runs as the demo administrator (README: admin / demo-admin).
        sign_in = ["--user", "admin", "--password-stdin"] if signed_in else []
        return subprocess.run(
            [str(exe), "--data-dir", str(data), *sign_in, *argv],
            env=dict(env, **(extra_env or {})),
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            input="demo-admin\n" if signed_in else "",
        )

    def check(what: str, result: subprocess.CompletedProcess[str], *, expect: str = "") -> None:
        if result.returncode != 0 or expect not in result.stdout:
            print(
                f"FAILED: {what} (exit {result.returncode})\n"
                f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"
            )
            raise SystemExit(1)
        print(f"ok      {what}")

    with tempfile.TemporaryDirectory(prefix="cpc-try-") as tmp:
        root = Path(tmp)
        never = root / "never-made"
        result = cli("--version", data=never)
        check("--version", result, expect="CPC Desk ")
        for part in ("Database schema:", "Qt ", "PySide6 ", "SQLAlchemy ", "reportlab ", "pyHanko "):
            if part not in result.stdout:
                print(f"FAILED: --version does not say {part!r}:\n{result.stdout}")
                return 1
        if never.exists():
            print("FAILED: --version created the data folder")
            return 1
        print("        " + result.stdout.strip().replace("\n", "\n        "))

        window = root / "window"
        result = cli("--demo", data=window, extra_env={"CPC_DESK_STARTUP_PROBE": "1"})
        check("the window opens offscreen, paints and quits", result, expect="STARTUP painted")

        desk = root / "desk"
        check("demo register filled", cli("demo", data=desk), expect="demo members")
        requests = root / "requests.csv"
        requests.write_text(
            "cpso_number,institution_name,consent_method,consent_date\n"
            "104988,Hamilton General Hospital,phone,2026-11-20\n",
            encoding="utf-8",
        )
        out = root / "out"
        check(
            "one certificate issued headless",
            cli("batch", str(requests), "--out", str(out), data=desk, signed_in=True),
        )
        pdfs = sorted(out.glob("*.pdf"))
        if len(pdfs) != 1:
            print(f"FAILED: expected one certificate PDF in {out}, found {len(pdfs)}")
            return 1
        check("the certificate verifies", cli("verify", str(pdfs[0]), data=desk), expect="VALID")

        result = cli("verification", "serve", "--help", data=desk)
        if result.returncode == 0:
            check("`verification serve` is inside", result)
        elif "invalid choice" in result.stderr:
            print("skip    `verification serve`: this version has no such command")
        else:
            check("`verification serve --help`", result)
    print("The built desk works.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
