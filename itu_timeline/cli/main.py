"""The entry point: puts the commands of each command module on the app, in the order
`--help` lists them (reading, publishing, editing, whole files), and runs it. Nothing imports
this module back; the command modules know `cli.app` and the shared options, never each other."""

import signal

from itu_timeline.cli import edit, files, publish, read
from itu_timeline.cli.app import app

for group in (read, publish, edit, files):
    app.registered_commands += group.commands.registered_commands


def main() -> None:
    # A closed pipe (`itu-timeline list | head -1`) ends the program quietly, as it ends `cat`.
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    app(prog_name="itu-timeline")
