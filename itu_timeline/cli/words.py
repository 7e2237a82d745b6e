"""`--help` that reads as words: every value an option takes is named for what it is (DATE,
ZONE, FILE, N), never for its Python type (`<str>`, `<int range>`), a required argument is
written `ID` rather than `{ID}`, and an off-by-default flag has no `--no-` twin that nobody
would type; every choice is read in any case; and a command's description, and those words,
are in the run's language. Applied once to the whole app, so one table serves every
command."""

import ast
import re
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from typer._click.core import Command
from typer.core import TyperArgument, TyperGroup, TyperOption

from itu_timeline.base.i18n import N_, _, current

# Options named for what their value is, where the option's own name does not say it.
WORDS = {
    "today": "DATE",
    "from_": "DATE",
    "to": "DATE",
    "since": "DATE",
    "tz": "ZONE",
    "timezone": "ZONE",
    "calendar": "FILE",
    "state": "FILE",
    "output": "FILE",
    "svg": "FILE",
    "html": "FILE",
    "output_dir": "DIR",
    "alarm": "DURATION",
    "at": "DAYS",
    "clear": "FIELD",
    "remove_deadline": "NAME",
    "start": "WHEN",
    "end": "WHEN",
    "url": "URL",
    "source": "SOURCE",
    "outcome": "SOURCE",
    "base_url": "URL",
}


# The words that stand for a value in --help, as the catalogs hold them. Every one of
# WORDS's is here, and those the commands name themselves (tests/test_help_languages.py).
METAVARS = frozenset(
    (N_("[OPTIONS]"), N_("COMMAND [ARGS]..."), N_("BASIS"), N_("BODY"), N_("DATE"),
     N_("DAYS"), N_("DIR"), N_("DURATION"), N_("FIELD"), N_("FILE"), N_("FILE..."),
     N_("FILE.ics"), N_("FILES"), N_("FORMAT"), N_("KIND"), N_("LANG"),
     N_("LANG=TITLE@SOURCE"), N_("LIST"), N_("LOCATION"), N_("MEETING-FORMAT"), N_("NAME"),
     N_("NAME@WHEN"), N_("NAMES"), N_("NOTES"), N_("NUMBER"), N_("PRECISION"),
     N_("SECONDS"), N_("SOURCE"), N_("STATUS"), N_("TAG"), N_("TEXT"), N_("TITLE"),
     N_("WHEN"), N_("ZONE"))
)  # fmt: skip


def give_words(command: Command) -> Command:
    """`command` (and, for a group, its subcommands) with a word for every value, and
    Click's own words in the run's language (English is Click's own: nothing to load)."""
    if current() != "en":
        from itu_timeline.cli.click_words import speak_in_the_language

        speak_in_the_language(command)
    for param in command.params:
        if isinstance(param, TyperOption):
            _option_words(param)
        elif isinstance(param, TyperArgument):
            param.metavar = said(param.metavar or (param.name or "value").upper())
    command.options_metavar = said("[OPTIONS]")
    if command.help:
        command.help = described(command.help)
    if isinstance(command, TyperGroup):
        command.subcommand_metavar = said("COMMAND [ARGS]...")
        for sub in command.commands.values():
            give_words(sub)
    else:
        _plain_usage(command)
    return command


# A comment after an example's command line: '  # ' and its words, to the end of the line.
COMMENT = r"(?m)(\s# )(.+)$"  # compiled on first use, by a language other than English


def described(text: str) -> str:
    """A command's description through the catalog: the words before its examples (a \\b
    block, which Click prints as written), the examples' heading and the comments after
    their command lines ('# then: its deadlines'); the commands stay."""
    if current() == "en":
        return text  # as written: nothing to look up
    words, block, examples = text.partition("\b")
    kept = words.rstrip()
    translated = _(kept) + words[len(kept) :]
    examples = examples.replace("Examples:", _("Examples:"), 1)
    return translated + block + re.sub(COMMENT, lambda m: m[1] + _(m[2]), examples)


def extract_descriptions(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str], options: Any
) -> Iterator[tuple[Any, ...]]:
    """A Babel extraction method (babel.cfg): a module's messages, as Babel's own extractor
    finds them, and the descriptions of its commands (`described`), from their docstrings."""
    from babel.messages.extract import extract_python

    yield from extract_python(fileobj, keywords, comment_tags, options)
    fileobj.seek(0)
    for node in ast.walk(ast.parse(fileobj.read())):
        if isinstance(node, ast.FunctionDef) and any(map(_is_command, node.decorator_list)):
            words, block, examples = (ast.get_docstring(node) or "").partition("\b")
            if words.strip():
                yield node.lineno, None, words.rstrip(), []
            if block:
                yield node.lineno, None, "Examples:", []
            for comment in re.finditer(COMMENT, examples):
                yield node.lineno, None, comment[2], []


def _is_command(decorator: ast.expr) -> bool:
    """`@commands.command(...)`, `@group.command()`: what Typer makes a command of."""
    call = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(call, ast.Attribute) and call.attr == "command"


def _option_words(option: TyperOption) -> None:
    if option.is_flag:
        if option.default is False:
            option.secondary_opts = []  # `--debug`, not `--debug / --no-debug`
        return
    choices = getattr(option.type, "choices", None)
    if choices:  # choices are read in any case everywhere (`-f JSON`, `--by Kind`)
        option.type.case_sensitive = False  # type: ignore[attr-defined]
    option.metavar = said(option.metavar or _metavar(option, choices))


def _metavar(option: TyperOption, choices: Any) -> str:
    if choices:
        return "|".join(str(c) for c in choices)
    if getattr(option.type, "name", "") in ("int", "int range"):
        return "N"
    if getattr(option.type, "name", "") in ("float", "float range"):
        return "SECONDS" if option.name == "timeout" else "NUMBER"
    name = option.name or "value"
    return WORDS.get(name, name.upper().replace("_", "-"))


def said(word: str) -> str:
    """A word that stands for a value, in the run's language; a list of the values an option
    takes ('markdown|html|text'), and ID and URL, stay as written."""
    return _(word) if word in METAVARS else word


def _plain_usage(command: Command) -> None:
    """Usage lines without Typer's braces around required arguments."""
    collect = command.collect_usage_pieces

    def pieces(ctx: Any) -> list[str]:
        return [p.removeprefix("{").removesuffix("}") for p in collect(ctx)]

    setattr(command, "collect_usage_pieces", pieces)  # noqa: B010 (mypy: no method assignment)
