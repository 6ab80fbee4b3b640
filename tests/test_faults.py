"""The fault-injection points kill the process only at the named step and hit."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
from app.faults import fault_point
for i in range(5):
    print("before", i, flush=True)
    fault_point("step-a")
    fault_point("step-b")
print("finished", flush=True)
"""


def run(env_value: str | None) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(os.environ)
    env.pop("CPC_DESK_FAULT", None)
    if env_value is not None:
        env["CPC_DESK_FAULT"] = env_value
    return subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True)


def test_no_fault_named_runs_to_the_end() -> None:
    result = run(None)
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == "finished"


def test_named_step_is_killed_with_sigkill_at_the_nth_hit() -> None:
    result = run("step-b:3")
    assert result.returncode == -9
    assert result.stdout.splitlines() == ["before 0", "before 1", "before 2"]


def test_other_step_names_do_nothing() -> None:
    assert run("step-c").returncode == 0
