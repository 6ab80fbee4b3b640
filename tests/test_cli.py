"""The command line: the sub-command layout, --help for each, and the entry point."""

import subprocess
from pathlib import Path

import pytest

from app.cli.main import build_parser
from tests.cli_runner import cli_command, cli_stdin

ROOT = Path(__file__).resolve().parent.parent

COMMANDS = [
    ["members", "import"],
    ["members", "search"],
    ["institutions", "import"],
    ["batch"],
    ["outbox", "list"],
    ["outbox", "send"],
    ["verify"],
    ["settings", "list"],
    ["settings", "get"],
    ["settings", "set"],
    ["settings", "set-password"],
    ["audit", "verify"],
    ["certificates", "revoke"],
    ["demo"],
    ["staff", "create-admin"],
]


@pytest.mark.parametrize("words", COMMANDS, ids=lambda w: " ".join(w))
def test_every_subcommand_has_help(words: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args([*words, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: cpc-desk " + " ".join(words))


def test_every_handler_names_a_module_function() -> None:
    parser = build_parser()
    seen = set()
    for words in COMMANDS:
        args = {"members": ["x"], "institutions": ["x"], "batch": ["x", "--out", "d"], "verify": ["x"]}
        extra = args.get(words[0], [])
        if words == ["members", "search"]:
            extra = ["q"]
        if words[:2] == ["settings", "get"]:
            extra = ["k"]
        if words[:2] == ["settings", "set"]:
            extra = ["k", "v"]
        if words[:2] == ["settings", "set-password"]:
            extra = ["smtp"]
        if words == ["staff", "create-admin"]:
            extra = ["boss"]
        if words == ["certificates", "revoke"]:
            extra = ["CPC-2026-000001", "--reason", "r"]
        ns = parser.parse_args([*words, *extra])
        module, _, func = ns.handler.partition(":")
        assert module.startswith("app.cli.") and func.startswith("cli_")
        seen.add(ns.handler)
    assert len(seen) == len(COMMANDS)


def test_main_demo_command_runs_headless_in_the_data_folder(data_dir: Path) -> None:
    result = subprocess.run(
        cli_command(["--data-dir", str(data_dir), "demo"]),
        input=cli_stdin(),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "demo members" in result.stdout
    assert (data_dir / "cpc-desk.sqlite3").exists()


@pytest.mark.parametrize(
    ("words", "window"),
    [
        ([], True),
        (["--demo"], True),
        (["--data-dir", "/tmp/x", "--offline"], True),
        (["--database-url=sqlite:///x.db"], True),
        (["demo"], False),
        (["--demo", "members", "search", "x"], False),
        (["--help"], False),
        (["--data-dir"], False),
        (["--no-such-option"], False),
        (["--data-dir=/tmp/é x", "--database-url", "postgresql+psycopg://u@h/db", "--demo"], True),
        (["--demo=yes"], False),
        (["--data-dir", "--demo"], False),
        (["-h"], False),
        (["--demo", "--demo"], True),
        (["outbox", "send"], False),
    ],
)
def test_window_only_arguments_are_told_apart_cheaply(words: list[str], window: bool) -> None:
    from app.cli.window_args import parse_window_args

    args = parse_window_args(words)
    assert (args is not None) == window
    if args is not None:
        full = build_parser().parse_args(words)
        assert vars(args) == {k: v for k, v in vars(full).items() if k in vars(args)}
        assert args.command is None
