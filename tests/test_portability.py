"""Windows and macOS: every call that exists only on POSIX (or only on Linux) is guarded, and the guard's
alternative works.

The scan reads app/, ui/ and main.py with `ast` and finds each use of a POSIX-only name (signals such as
SIGKILL, os.fork, os.getuid, fcntl, pwd, prctl, resource, ...). Each must sit under a guard: a platform
test (`sys.platform`, `os.name`, `platform.system()`, `hasattr(...)`) or a `try` that catches the error
its absence raises (ImportError, AttributeError, OSError). And each guarded site must be in REVIEWED,
whose entry names the test below that runs the alternative with the POSIX name taken away: a new POSIX
call fails this test until someone writes (and tests) what happens on the other systems.
"""

import ast
import math
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Attributes of these modules that Windows (or macOS) lacks.
POSIX_ATTRIBUTES = {
    "os": {
        "fork",
        "forkpty",
        "getuid",
        "geteuid",
        "getgid",
        "getegid",
        "setuid",
        "setgid",
        "seteuid",
        "setsid",
        "getsid",
        "setpgid",
        "getpgid",
        "killpg",
        "chown",
        "lchown",
        "fchown",
        "getgroups",
        "initgroups",
        "sched_getaffinity",
        "sched_setaffinity",
        "uname",
        "getloadavg",
        "mkfifo",
        "mknod",
        "statvfs",
        "fstatvfs",
        "wait3",
        "wait4",
        "WNOHANG",
        "nice",
        "getpriority",
        "setpriority",
        "pipe2",
        "openpty",
        "posix_fadvise",
        "posix_fallocate",
        "sync",
        "ttyname",
        "ctermid",
        "getlogin_r",
        "register_at_fork",
        "O_NOFOLLOW",
        "O_CLOEXEC",
        "O_DIRECTORY",
        "O_NONBLOCK",
        "sysconf",
        "pathconf",
        "confstr",
    },
    "signal": {
        "SIGKILL",
        "SIGALRM",
        "SIGHUP",
        "SIGQUIT",
        "SIGUSR1",
        "SIGUSR2",
        "SIGCHLD",
        "SIGPIPE",
        "SIGSTOP",
        "SIGCONT",
        "SIGTSTP",
        "SIGWINCH",
        "alarm",
        "setitimer",
        "getitimer",
        "pause",
        "pthread_kill",
        "pthread_sigmask",
        "sigwait",
        "siginterrupt",
        "SIG_BLOCK",
    },
    "select": {"poll", "epoll", "kqueue"},
}
POSIX_MODULES = {
    "fcntl",
    "pwd",
    "grp",
    "termios",
    "tty",
    "pty",
    "resource",
    "posix",
    "syslog",
    "crypt",
    "spwd",
}
# Names that are POSIX-only wherever they are called from (ctypes' libc functions).
POSIX_CALL_NAMES = {"prctl", "setrlimit", "getrlimit", "mlockall"}

GUARD_NAMES = {"platform", "name", "system", "hasattr", "getattr", "startswith"}
GUARD_ERRORS = {"ImportError", "ModuleNotFoundError", "AttributeError", "OSError", "NotImplementedError"}

# (file, POSIX name) -> the test that runs its alternative without it
REVIEWED = {
    ("app/faults.py", "signal.SIGKILL"): "test_fault_point_ends_the_process_without_sigkill",
    ("app/batch/render_pool.py", "os.sched_getaffinity"): "test_worker_count_without_sched_getaffinity",
    ("app/batch/render_pool.py", "prctl"): "test_worker_dies_with_its_parent_without_prctl",
    ("app/batch/render_pool.py", "signal.SIGKILL"): "test_worker_dies_with_its_parent_without_prctl",
    ("ui/shell/application.py", "resource"): "test_startup_probe_without_resource",
    ("app/document/signing.py", "os.register_at_fork"): "test_signing_loads_without_register_at_fork",
}


def _sources() -> list[Path]:
    files = [ROOT / "main.py"]
    for folder in ("app", "ui"):
        files += sorted((ROOT / folder).rglob("*.py"))
    return files


def _is_platform_test(node: ast.expr) -> bool:
    text = ast.unparse(node)
    return any(
        word in text for word in ("sys.platform", "os.name", "platform.system", "hasattr(", "getattr(")
    )


def _guarded(parents: list[ast.AST], child: ast.AST) -> bool:
    """True when `child` (reached through `parents`, outermost first) sits under a platform test or a
    try that catches the error the name's absence raises."""
    chain = [*parents, child]
    for holder, inner in zip(chain, chain[1:], strict=False):
        if (
            isinstance(holder, ast.If | ast.IfExp)
            and _is_platform_test(holder.test)
            and inner is not holder.test
        ):
            return True
        if isinstance(holder, ast.Try) and inner in holder.body:
            for handler in holder.handlers:
                names = {ast.unparse(handler.type)} if handler.type is not None else {"Exception"}
                if isinstance(handler.type, ast.Tuple):
                    names = {ast.unparse(e) for e in handler.type.elts}
                if names & GUARD_ERRORS:
                    return True
    return False


def posix_uses() -> list[tuple[str, int, str, bool]]:
    """(file, line, name, guarded) for every POSIX-only use in app/, ui/ and main.py."""
    found: list[tuple[str, int, str, bool]] = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        rel = path.relative_to(ROOT).as_posix()

        def visit(node: ast.AST, parents: list[ast.AST], rel: str = rel) -> None:
            name = ""
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                if node.attr in POSIX_ATTRIBUTES.get(node.value.id, set()):
                    name = f"{node.value.id}.{node.attr}"
            if isinstance(node, ast.Attribute) and node.attr in POSIX_CALL_NAMES:
                name = node.attr
            if isinstance(node, ast.Import):
                hits = [a.name for a in node.names if a.name.split(".")[0] in POSIX_MODULES]
                name = hits[0].split(".")[0] if hits else ""
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in POSIX_MODULES:
                name = (node.module or "").split(".")[0]
            if name:
                found.append((rel, getattr(node, "lineno", 0), name, _guarded(parents, node)))
            # a nested function's body is guarded only by what is inside it
            inner = [] if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) else parents
            for child in ast.iter_child_nodes(node):
                visit(child, [*inner, node], rel)

        visit(tree, [])
    return found


def test_every_posix_only_call_is_guarded_and_its_alternative_tested() -> None:
    uses = posix_uses()
    unguarded = [f"{f}:{line}: {name}" for f, line, name, guarded in uses if not guarded]
    assert not unguarded, (
        "POSIX-only calls without a guard (test sys.platform / os.name / hasattr, or catch the "
        "ImportError/AttributeError, and give the other systems a working alternative):\n"
        + "\n".join(unguarded)
    )
    unreviewed = sorted({f"{f}: {name}" for f, _l, name, _g in uses if (f, name) not in REVIEWED})
    assert not unreviewed, (
        "Guarded POSIX-only calls with no test of their alternative; add one below and list it in "
        "REVIEWED:\n" + "\n".join(unreviewed)
    )
    tests = {n for n, v in globals().items() if n.startswith("test_") and callable(v)}
    assert set(REVIEWED.values()) <= tests
    assert {(f, n) for f, _l, n, _g in uses} == set(REVIEWED)  # no stale entry either


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import os\nos.fork()\n", [("os.fork", False)]),
        ("import fcntl\n", [("fcntl", False)]),
        ("from pwd import getpwuid\n", [("pwd", False)]),
        ("import os\nuid = os.getuid() if hasattr(os, 'getuid') else 0\n", [("os.getuid", True)]),
        (
            "import os, sys\nif sys.platform != 'win32':\n    os.setsid()\nelse:\n    pass\n",
            [("os.setsid", True)],
        ),
        ("try:\n    import resource\nexcept ImportError:\n    resource = None\n", [("resource", True)]),
        (
            "import signal\ntry:\n    x = signal.SIGKILL\nexcept ValueError:\n    pass\n",
            [("signal.SIGKILL", False)],
        ),
        ("import ctypes\nctypes.CDLL(None).prctl(1, 9)\n", [("prctl", False)]),
        ("import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n", []),  # SIGINT exists on Windows
    ],
)
def test_the_scan_finds_what_it_should(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, expected
) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(source)
    monkeypatch.setattr(sys.modules[__name__], "_sources", lambda: [sample])
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert [(name, guarded) for _f, _l, name, guarded in posix_uses()] == expected


# --- the alternatives, run with the POSIX names taken away -----------------------------------------


def _run(code: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_fault_point_ends_the_process_without_sigkill() -> None:
    result = _run(
        """
        import os, signal
        del signal.SIGKILL  # as on Windows
        os.environ["CPC_DESK_FAULT"] = "here"
        from app.faults import fault_point
        print("before", flush=True)
        fault_point("here")
        print("survived", flush=True)
        """
    )
    assert result.stdout == "before\n" and result.returncode == 137


def test_signing_loads_without_register_at_fork() -> None:
    """Windows has no fork: signing loads without the hook, and its TSA connections stay usable."""
    result = _run(
        """
        import os, random, tempfile  # the standard library's own users of the hook, loaded as on POSIX
        del os.register_at_fork  # as on Windows
        from app.document import signing
        signing._forget_tsa_connections()
        print("loaded", len(signing._tsa_connections), flush=True)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "loaded 0\n"


def test_worker_count_without_sched_getaffinity(monkeypatch: pytest.MonkeyPatch) -> None:
    from app.batch import render_pool

    monkeypatch.delattr(os, "sched_getaffinity", raising=False)  # macOS and Windows lack it
    assert render_pool.default_workers() == max(1, os.cpu_count() or 1)


def test_worker_dies_with_its_parent_without_prctl(tmp_path: Path) -> None:
    """On a system without prctl the worker's watch thread notices its parent died and ends it."""
    marker = tmp_path / "worker.pid"
    result = _run(
        f"""
        import subprocess, sys
        child = '''
        import os, sys, time
        from app.batch.render_pool import _die_with_parent
        sys.platform = "win32"  # no prctl death signal: only the watch thread
        parent = os.getppid()
        _die_with_parent(parent)
        open({str(marker)!r}, "w").write(str(os.getpid()))
        time.sleep(30)
        '''
        subprocess.Popen([sys.executable, "-c", child], stderr=open({str(tmp_path / "err.txt")!r}, "w"))
        import time
        for _ in range(200):
            import os
            if os.path.exists({str(marker)!r}) and open({str(marker)!r}).read():
                break
            time.sleep(0.05)
        """
    )
    assert result.returncode == 0, result.stderr
    assert marker.exists(), (tmp_path / "err.txt").read_text()
    pid = int(marker.read_text())
    import time

    for _ in range(60):  # the watch thread looks every 0.5 s
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        # reap it if it became our zombie (it was re-parented, not ours: nothing to reap)
        time.sleep(0.1)
    pytest.fail("the worker outlived its parent")


def test_startup_probe_without_resource(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ui.shell import application

    monkeypatch.setitem(sys.modules, "resource", None)  # `import resource` raises ImportError, as on Windows
    application._probe("painted")
    stage, _clock, rss = capsys.readouterr().out.split()[1:]
    assert stage == "painted" and math.isnan(float(rss))  # not Windows either: no counters to read
