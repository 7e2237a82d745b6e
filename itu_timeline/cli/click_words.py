"""Click's own words in the run's language. Typer (pinned below 0.29) carries its own copy of
Click, whose words are English literals with no catalog, in three places reached here:
typer.core's `_` (the gettext of the process's default domain, which none of our catalogs
serves) for `[default: …]`, `[required]`, `[env var: …]` and "No such command"; the help
formatter, for `Usage:`, the headings and its wrapping (which counted a Chinese character as
one column where a terminal gives it two); and the parser's usage errors, rebuilt here from
Click's English by the patterns below. English words are Click's own, byte for byte."""

import re
from collections.abc import Callable
from typing import Any
from unicodedata import east_asian_width

import typer.core
from typer import _click
from typer._click import _textwrap, formatting
from typer._click.core import Command, Context
from typer._click.formatting import HelpFormatter
from typer.core import TyperOption

from itu_timeline.base.i18n import N_, _, current

# What typer.core passes to its `_`, and the headings the formatter writes.
TYPER_WORDS = (
    N_("default: {default}"),
    N_("required"),
    N_("env var: {var}"),
    N_("(dynamic)"),
    N_("Aborted!"),
    N_("Missing command."),
    N_("No such command {name!r}."),
)
HEADINGS = (N_("Arguments:"), N_("Options:"), N_("Commands:"))
# The help of the options that Click and Typer add: --help, and the program's completion.
HELPS = {
    "Show this message and exit.": N_("Show this message and exit."),
    "Install completion for the current shell.": N_("Install completion for the current shell."),
    "Show completion for the current shell, to copy it or customize the installation.": N_(
        "Show completion for the current shell, to copy it or customize the installation."
    ),
}

# The parser's messages, as Click words them, and how each is said: a named group of the
# pattern is a placeholder of the message; `problem` is itself one of Click's messages.
ERRORS = (
    (
        r"Invalid value for (?P<option>.+?): (?P<problem>.+)",
        N_("Invalid value for {option}: {problem}"),
    ),
    (
        r"Invalid value: (?P<problem>.+)",
        N_("Invalid value: {problem}"),
    ),
    (
        r"(?P<value>.+) is not one of (?P<choices>.+)\.",
        N_("{value} is not one of {choices}."),
    ),
    (
        r"(?P<value>.+) is not a valid int(?:eger)?(?: range)?\.",
        N_("{value} is not a whole number."),
    ),
    (
        r"(?P<value>.+) is not a valid float(?: range)?\.",
        N_("{value} is not a number."),
    ),
    (
        r"(?P<value>.+) is not in the range (?P<range>.+)\.",
        N_("{value} is not in the range {range}."),
    ),
    (
        r"No such option: (?P<option>.+) \(Possible options: (?P<options>.+)\)",
        N_("No such option: {option} (possible options: {options})"),
    ),
    (
        r"No such option: (?P<option>.+)",
        N_("No such option: {option}"),
    ),
    (
        r"Option (?P<option>.+) requires an argument\.",
        N_("Option {option} requires a value."),
    ),
    (
        r"Option (?P<option>.+) does not take a value\.",
        N_("Option {option} does not take a value."),
    ),
    (
        r"Missing argument (?P<name>.+)\.",
        N_("Missing argument {name}."),
    ),
    (
        r"Missing option (?P<name>.+)\.",
        N_("Missing option {name}."),
    ),
    (
        r"Got unexpected extra argument\(s\) \((?P<arguments>.+)\)",
        N_("Unexpected extra argument(s): {arguments}"),
    ),
    (
        r"(?P<problem>.+)\. Did you mean (?P<names>.+)\?",
        N_("{problem}. Did you mean {names}?"),
    ),
)
_NESTED = {"problem"}
# What Typer prints as it installs or shows shell completion (--install-completion,
# --show-completion), and how each is said.
COMPLETION = (
    (
        r"(?P<shell>\S+) completion installed in (?P<path>.+)",
        N_("{shell} completion installed in {path}"),
    ),
    (
        r"Completion will take effect once you restart the terminal",
        N_("Completion will take effect once you restart the terminal"),
    ),
    (r"Shell (?P<shell>.+?) (?:is )?not supported\.", N_("Shell {shell} is not supported.")),
    (r"Invalid completion instruction\.", N_("Invalid completion instruction.")),
    (
        r'Completion instruction "(?P<instruction>.+)" not supported\.',
        N_("Completion instruction '{instruction}' is not supported."),
    ),
    (
        r"Couldn't get PowerShell user profile",
        N_("The PowerShell user profile could not be read"),
    ),
    (
        r"Couldn't decode the path automatically",
        N_("The path could not be decoded automatically"),
    ),
)


def usage_message(message: str) -> str:
    """One of the parser's messages in the run's language; as Click gives it in English, or
    when it is none of the patterns (a message of ours is already in the language)."""
    if current() == "en":
        return message
    return _rebuilt(message, ERRORS)


def _rebuilt(message: str, patterns: tuple[tuple[str, str], ...]) -> str:
    """`message` said by the first of `patterns` it is, in the run's language; else as it is."""
    for pattern, said in patterns:
        found = re.fullmatch(pattern, message, re.DOTALL)
        if found:
            parts = found.groupdict()
            for name in _NESTED & parts.keys():
                parts[name] = usage_message(parts[name])
            return _(said).format(**parts)
    return message


def speak_in_the_language(command: Command) -> None:
    """`command`'s help, and what Typer and Click add to it, in the run's language."""
    typer.core._ = _  # type: ignore[attr-defined]  # its gettext, read at each call
    _textwrap.TextWrapper = ColumnsWrapper  # type: ignore[misc]  # what wrap_text builds
    setattr(formatting, "term_len", columns)  # noqa: B010 (how it lines up its columns)
    command.context_class = _Context
    _translated_params(command)
    _short_help_by_columns(command)
    _completion_words()


def _completion_words() -> None:
    """What Typer prints about shell completion in the run's language: it writes through
    Click's `echo` and `secho` (looked up at each call), which say any other text as given.
    Once per process: every command's words are given, and the tests run many."""
    if getattr(_click.echo, "said", False):
        return
    echo, secho = _click.echo, _click.termui.secho

    def said(message: Any) -> Any:
        if current() == "en" or not isinstance(message, str):
            return message  # Typer's own words, byte for byte
        return _rebuilt(message, COMPLETION)

    def echoed(message: Any = None, *args: Any, **kwargs: Any) -> None:
        echo(said(message), *args, **kwargs)

    def styled(message: Any = None, *args: Any, **kwargs: Any) -> None:
        secho(said(message), *args, **kwargs)

    echoed.said = True  # type: ignore[attr-defined]
    _click.echo, _click.termui.secho = echoed, styled


class Formatter(HelpFormatter):
    """Click's help formatter, with its words in the run's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, _("Usage:") + " " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{_(heading + ':')}\n")


class _Context(Context):
    formatter_class = Formatter


def _translated_params(command: Command) -> None:
    """The help of the options Click and Typer add (after the command is made, or as its
    help is written) in the run's language, as the command's options are listed."""
    get: Callable[[Any], list[Any]] = command.get_params

    def params(ctx: Any) -> list[Any]:
        found = get(ctx)
        for param in found:
            if isinstance(param, TyperOption) and param.help in HELPS:
                param.help = _(HELPS[param.help])
        return found

    setattr(command, "get_params", params)  # noqa: B010 (mypy: no method assignment)


def _short_help_by_columns(command: Command) -> None:
    """A description in Chinese, in the list of commands: its first sentence, cut to the
    columns there are (Click's shortening counts characters between spaces, which Chinese
    does not write, so it left only '...')."""
    get: Callable[[int], str] = command.get_short_help_str

    def short_help(limit: int = 45) -> str:
        text = command.help or ""
        if command.short_help or not any(map(wide, text)):
            return get(limit)
        first = text.split("\n\n")[0].replace("\n", "")
        sentence = first.partition("。")[0] + "。" if "。" in first else first
        while columns(sentence) > limit:
            sentence = sentence[:-2] + "…"
        return sentence

    setattr(command, "get_short_help_str", short_help)  # noqa: B010 (mypy: no method assignment)


# A line does not start with closing punctuation, nor end with opening punctuation.
_CLOSING = set(",.;:!?)]}，。、；：！？）》」』】”’")  # noqa: RUF001 (full-width on purpose)
_OPENING = set("([{（《「『【“‘")  # noqa: RUF001
_SPACED_BEFORE = set(":;?!»")
_PAD = "\x00"  # counts a wide character's second column while wrapping; never printed


class ColumnsWrapper(_textwrap.TextWrapper):
    """Click's text wrapper, counting columns as a terminal shows them: a wide character
    (Chinese) takes two, and a line may break between two of them (Chinese has no spaces),
    but not before closing punctuation."""

    def _split_chunks(self, text: str) -> list[str]:
        chunks = super()._split_chunks(text)
        return _held_together([piece for chunk in chunks for piece in _by_columns(chunk)])

    def wrap(self, text: str) -> list[str]:
        return [line.replace(_PAD, "") for line in super().wrap(text)]


def _held_together(chunks: list[str]) -> list[str]:
    """French writes a space before ':', ';', '?', '!' and '»', and after '«': the space
    does not end a line there (no line starts with ': par défaut')."""
    held: list[str] = []
    for chunk in chunks:
        spaced = len(held) > 1 and not held[-1].strip()
        if spaced and (chunk[:1] in _SPACED_BEFORE or held[-2].endswith("«")):
            chunk = held.pop(-2) + held.pop() + chunk
        held.append(chunk)
    return held


def _by_columns(chunk: str) -> list[str]:
    """`chunk` as pieces a line may break between, each as long as the columns it takes: a
    wide character is a piece of its own, with what punctuation holds on to it."""
    pieces: list[str] = []
    for char in chunk:
        last = pieces[-1] if pieces else ""
        after_opening = last.replace(_PAD, "")[-1:] in _OPENING
        narrow_run = not wide(char) and not last.endswith(_PAD)
        piece = char + _PAD if wide(char) else char
        if last and (char in _CLOSING or after_opening or narrow_run):
            pieces[-1] += piece
        else:
            pieces.append(piece)
    return pieces


def columns(text: str) -> int:
    return sum(2 if wide(c) else 1 for c in text)


def wide(char: str) -> bool:
    """A character a terminal shows two columns wide (East Asian Wide or Fullwidth)."""
    return east_asian_width(char) in ("W", "F")
