"""`--help` is read at a terminal: every command's help fits 80 columns, prints no stray
control characters (Click's \\b marker is for its formatter, not the reader), and shows
examples."""

import importlib
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from itu_timeline.cli.main import COMMANDS as MODULES
from itu_timeline.cli.main import command_name, whole_app

app = whole_app()

MODULES_IN_ORDER = [name for names in MODULES.values() for name in names]
COMMANDS = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_fits_80_columns_and_has_no_control_characters(command: str) -> None:
    args = [command, "--help"] if command else ["--help"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "80"}, terminal_width=80)
    assert result.exit_code == 0
    assert "\\b" not in result.stdout
    assert not any(ord(c) < 32 and c != "\n" for c in result.stdout)
    too_long = [line for line in result.stdout.splitlines() if len(line) > 80]
    assert too_long == []
    if command:
        assert "Examples:" in result.stdout


def test_the_entry_point_knows_the_module_of_every_command() -> None:
    for module_name, names in MODULES.items():
        module = importlib.import_module(f"itu_timeline.cli.{module_name}")
        if module_name == "feeds":
            assert module.group.info.name == "feeds"
            continue
        assert tuple(command_name(c) for c in module.commands.registered_commands) == names
    commands = [name for name in MODULES_IN_ORDER if name != "feeds"]  # feeds is a group
    assert [command_name(c) for c in app.registered_commands] == commands


@pytest.mark.parametrize("args", [["--help"], ["--help", "upcoming"]])
def test_the_entry_point_lists_every_command_in_the_apps_help(args: list[str]) -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "itu_timeline", *args], capture_output=True, text=True, check=True
    ).stdout
    listed = [line.split()[0] for line in shown.split("Commands:")[1].splitlines() if line.strip()]
    assert listed[: len(MODULES_IN_ORDER)] == MODULES_IN_ORDER


def _every_help() -> dict[str, str]:
    """The help of the app, every command and every feeds subcommand, by command line."""
    runner = CliRunner()
    lines = [[], *([c] for c in COMMANDS)]
    lines += [["feeds", name] for name in ("add", "list", "remove", "refresh")]
    return {
        " ".join(args): runner.invoke(app, [*args, "--help"], terminal_width=80).stdout
        for args in lines
    }


PYTHON_METAVARS = ("<str>", "<int", "<float", "<path>", "INTEGER", "FLOAT", "{", "[default: None]")


def test_no_help_shows_a_python_type_for_a_value_or_a_no_twin_nobody_needs() -> None:
    """Values read as words (DATE, ZONE, ID, N), not as Python types; flags stand alone."""
    for command, shown in _every_help().items():
        assert shown, command
        assert not [m for m in PYTHON_METAVARS if m in shown], (command, shown)
        assert "--debug / --no-debug" not in shown, command


def test_export_help_says_what_it_writes() -> None:
    shown = " ".join(_every_help()["export"].split())
    assert "all-day" not in shown or "timed" in shown
    assert "date-only deadlines" in shown or "no time" in shown
