"""`--help` is read at a terminal: every command's help fits 80 columns, prints no stray
control characters (Click's \\b marker is for its formatter, not the reader), and shows
examples."""

import pytest
from typer.testing import CliRunner

from itu_timeline.cli.main import app

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
