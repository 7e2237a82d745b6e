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
