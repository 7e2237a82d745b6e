"""The entry point: puts the commands on the app, in the order `--help` lists them (reading,
publishing, editing, whole files, feeds), and runs it. Nothing imports this module back; the
command modules know `cli.app` and the shared options, never each other."""

import importlib
import os
import signal
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from itu_timeline.base import i18n

if TYPE_CHECKING:
    import typer

# Each command module and the commands it holds, in the order `--help` lists them: a run
# imports only the module of the command it runs (measured: 2 ms of a cron run's start-up).
# tests/test_help.py checks this list against the commands the modules define.
COMMANDS = {
    "read": ("list", "upcoming", "remind", "show", "validate"),
    "changes": ("changes",),
    "publish": ("export", "chart"),
    "site": ("publish", "digest"),
    "edit": ("add", "edit", "remove"),
    "files": ("import", "fmt"),
    "letter": ("letter",),
    "feeds": ("feeds",),  # a group of its own
}

# Global options that take a value: what follows them is not a command's name.
_VALUED = {"--today", "--tz", "--calendar", "-c", "--lang"}


def command_name(command: Any) -> str:
    """A command's name as Typer gives it: its own, or its function's, with '-' for '_'."""
    return str(command.name or command.callback.__name__.replace("_", "-"))


def whole_app() -> "typer.Typer":
    """The app with every command, as `--help`, shell completion and the tests see it."""
    from itu_timeline.cli.app import app

    for module in COMMANDS:
        _put_on_app(module)
    app._add_completion = True  # its options, listed by --help
    return app


def main() -> None:
    # A closed pipe (`itu-timeline list | head -1`) ends the program quietly, as it ends `cat`.
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = sys.argv[1:]
    # Before the app is imported: its help texts, and the commands', are read at import.
    i18n.choose(language(args, os.environ))
    from itu_timeline.cli.app import app

    wanted = _command_in(args)
    owner = next((m for m, names in COMMANDS.items() if wanted in names), None)
    before = args[: args.index(wanted)] if wanted in args else args
    if owner is None or "--help" in before or _completion(before):
        whole_app()  # help, completion, or a mistyped command: all of them, to list
    else:
        _put_on_app(owner, only=wanted)
        # Typer makes its --install-completion and --show-completion options at every run
        # (0.45 ms): a run of one command, with neither before it, has no use for them.
        app._add_completion = False
    app(prog_name="itu-timeline")


def language(args: list[str], environ: Mapping[str, str]) -> str:
    """The language of the run, as the app's callback will settle it: --lang (the last one
    given, before any `--`), else ITU_TIMELINE_LANG, else the locale. A value that names none
    of the six is English here; the callback then says what is wrong with it."""
    given = environ.get("ITU_TIMELINE_LANG") or None
    for arg, after in zip(args, [*args[1:], None], strict=False):
        if arg == "--":
            break
        if arg == "--lang" and after is not None:
            given = after
        elif arg.startswith("--lang="):
            given = arg.removeprefix("--lang=")
    if given is None:
        return i18n.from_locale(environ)
    return i18n.language_of(given) or "en"


def _completion(before: list[str]) -> bool:
    """Whether the run is about shell completion: the shell asking, or the options."""
    asked = ("--install-completion", "--show-completion")
    return "_ITU_TIMELINE_COMPLETE" in os.environ or any(a.startswith(asked) for a in before)


def _command_in(args: list[str]) -> str | None:
    return next((a for a, before in zip(args, ["", *args], strict=False)
                 if not a.startswith("-") and before not in _VALUED), None)  # fmt: skip


def _put_on_app(module_name: str, only: str | None = None) -> None:
    """Puts the commands of one module on the app (only the one named `only`, if given:
    Typer builds every registered command's options on each run, and a cron job runs one)."""
    from itu_timeline.cli.app import app

    module = importlib.import_module(f"itu_timeline.cli.{module_name}")
    if module_name == "feeds":
        if not app.registered_groups:
            app.add_typer(module.group)
        return
    present = {command_name(c) for c in app.registered_commands}
    app.registered_commands += [
        c
        for c in module.commands.registered_commands
        if only in (None, command_name(c)) and command_name(c) not in present
    ]
