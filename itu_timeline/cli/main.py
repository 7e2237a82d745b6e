"""The entry point: puts the commands of each command module on the app, in the order
`--help` lists them (reading, publishing, editing, whole files), and runs it. Nothing imports
this module back; the command modules know `cli.app` and the shared options, never each other."""

import os
import signal
import sys
from typing import Any

from itu_timeline.cli import edit, feeds, files, publish, read, site
from itu_timeline.cli.app import app

for group in (read, publish, site, edit, files):
    app.registered_commands += group.commands.registered_commands
app.add_typer(feeds.group)


def command_name(command: Any) -> str:
    """A command's name as Typer gives it: its own, or its function's, with '-' for '_'."""
    return str(command.name or command.callback.__name__.replace("_", "-"))


# Global options that take a value: what follows them is not a command's name.
_VALUED = {"--today", "--tz", "--calendar", "-c"}


def only_the_command_named(args: list[str]) -> None:
    """Keep on the app only the command that `args` runs: Typer builds every registered
    command's options on each run, and a cron job runs one (measured: a fifth of the start-up
    of `upcoming`). Help and shell completion, which list them all, keep them all."""
    names = {command_name(c) for c in app.registered_commands} | {"feeds"}
    wanted = next((a for a, before in zip(args, ["", *args], strict=False)
                   if not a.startswith("-") and before not in _VALUED), None)  # fmt: skip
    if wanted not in names or "_ITU_TIMELINE_COMPLETE" in os.environ:
        return
    app.registered_commands = [c for c in app.registered_commands if command_name(c) == wanted]
    if wanted != "feeds":
        app.registered_groups = []


def main() -> None:
    # A closed pipe (`itu-timeline list | head -1`) ends the program quietly, as it ends `cat`.
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    only_the_command_named(sys.argv[1:])
    app(prog_name="itu-timeline")
