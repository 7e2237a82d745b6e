"""The README is part of the product: its Quick start is what CI runs, and every command is
documented in it."""

import re
import shlex
import subprocess
from pathlib import Path

from typer.testing import CliRunner

from itu_timeline.cli.main import whole_app

app = whole_app()

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_has_exactly_two_one_line_commands() -> None:
    commands = quick_start_commands()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    assert "itu-timeline" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    script = ROOT / ".ci" / "run"
    found = subprocess.run(
        [
            "bash",
            "-c",
            "sed -n '/<!-- test-command -->/,/^```$/p' README.md | grep -v -e '^<!--' -e '^```'",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert found == quick_start_commands()[1]
    assert "sed -n '/<!-- test-command -->/,/^```$/p' README.md" in script.read_text()


def test_every_command_has_a_usage_section() -> None:
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    assert names
    headings = [line for line in README.splitlines() if line.startswith("### ")]
    for name in names:
        assert any(f"`itu-timeline {name}`" in h or f"`{name}`" in h for h in headings), (
            f"README lacks a section for {name}"
        )


def readme_examples() -> list[list[str]]:
    """Every `itu-timeline ...` command in the README's sh blocks, continuation lines joined."""
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    text = "\n".join(blocks).replace("\\\n", " ")
    return [shlex.split(line)[1:] for line in text.splitlines() if line.startswith("itu-timeline ")]


def test_every_readme_example_is_accepted_by_the_option_parser() -> None:
    """Each example, with --help added at its end, parses: a misplaced or misspelt option fails."""
    examples = readme_examples()
    assert len(examples) > 20
    for args in examples:
        if "&&" in args:  # `itu-timeline upcoming --check && echo ...`: the first command
            args = args[: args.index("&&")]
        result = CliRunner().invoke(app, [*args, "--help"])
        assert result.exit_code == 0, (args, result.stderr)


def test_help_texts_keep_their_square_bracket_free_defaults() -> None:
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert "default: the system's" in result.stdout
