"""Where the global options stand on a command line: people put them after the command's name
too (`upcoming --tz Asia/Tokyo`), and the parser wants them before it."""

from typing import Any

# Global options that take a value, and those that do not, as they may follow a command.
GLOBAL_VALUED = ("--today", "--tz", "--calendar", "-c", "--lang")
GLOBAL_FLAGS = ("--no-color", "--debug")


def global_options_first(args: list[str], group: Any) -> list[str]:
    """`upcoming --tz Asia/Tokyo` as `--tz Asia/Tokyo upcoming`: global options after the
    command's name are moved before it. A command with its own --calendar (the file to
    change) keeps it; everything after `--` stays where it is."""
    names = set(group.commands) if hasattr(group, "commands") else set()
    at = next((i for i, a in enumerate(args) if a in names), None)
    if at is None:
        return args
    command = group.commands[args[at]]
    own = {o for p in getattr(command, "params", []) for o in getattr(p, "opts", [])}
    moved, kept, rest = [], [args[at]], args[at + 1 :]
    i = 0
    while i < len(rest):
        arg, name = rest[i], rest[i].split("=", 1)[0]
        if arg == "--":
            kept += rest[i:]
            break
        if name in GLOBAL_VALUED and name not in own:
            step = 1 if "=" in arg else 2
            moved += rest[i : i + step]
            i += step
        elif arg in GLOBAL_FLAGS and arg not in own:
            moved.append(arg)
            i += 1
        else:
            kept.append(arg)
            i += 1
    return args[:at] + moved + kept  # after those before it: the later value wins
