"""The entry point: puts the commands of each command module on the app, in the order
`--help` lists them (reading, publishing, editing), and runs it. Nothing imports this module
back; the command modules know only `cli.app`, never each other."""

from itu_timeline.cli import edit, publish, read
from itu_timeline.cli.app import app

for group in (read, publish, edit):
    app.registered_commands += group.commands.registered_commands


def main() -> None:
    app(prog_name="itu-timeline")
