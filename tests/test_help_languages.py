"""`--help` in the six languages: Click's own words (`Usage:`, the headings, `--help`'s help,
`[default: …]`) and its usage errors in the language of the run, every line within 80
columns as a terminal counts them (a Chinese character takes two), and English unchanged."""

import json
import os
import re
import subprocess
import sys
import unicodedata
from functools import cache
from typing import Any

import pytest

from itu_timeline.base import i18n

from .test_help import _every_help

# Mistakes on the command line, and the arguments that make each.
MISTAKES = {
    "choice": ["list", "--format", "x"],
    "unknown option": ["list", "--nope"],
    "option without its value": ["list", "--tag"],
    "missing argument": ["show"],
    "not a number": ["upcoming", "--days", "x"],
    "out of range": ["upcoming", "--days", "-4"],
    "unknown command": ["nosuch"],
    "mistyped command": ["lsit"],
    "extra argument": ["list", "extra"],
    "unknown subcommand": ["feeds", "nosuch"],
}
# In a fresh process, as the program runs: the language is chosen before the app's modules
# are imported (they read their help texts at import). Prints the help of the program, of
# every command (as tests/test_help.py lists them) and what each mistake prints on stderr.
PROBE = """
import json, sys
from itu_timeline.base import i18n
i18n.choose(sys.argv[1])
from typer.testing import CliRunner
from itu_timeline.cli.main import whole_app
app, runner = whole_app(), CliRunner()
commands, mistakes = json.loads(sys.argv[2]), json.loads(sys.argv[3])
print(json.dumps({
    "help": {c: runner.invoke(app, [*c.split(), "--help"], terminal_width=80).stdout
             for c in commands},
    "errors": {name: runner.invoke(app, args).stderr for name, args in mistakes.items()},
}))
"""
# Click's words, as they read in English.
CLICKS = ("Usage:", "Options:", "Commands:", "Arguments:", "Show this message and exit.",
          "[default:", "[required]", "env var:", "Install completion",
          "Show completion")  # fmt: skip
ERROR_WORDS = ("Invalid value", "is not one of", "is not a valid", "is not in the range",
               "No such", "requires an argument", "Missing argument", "Got unexpected",
               "Did you mean")  # fmt: skip
TRANSLATED = [lang for lang in i18n.LANGUAGES if lang != "en"]


@cache
def shown(lang: str) -> dict[str, dict[str, str]]:
    args = [json.dumps(list(_every_help())), json.dumps(MISTAKES)]
    env = {**os.environ, "ITU_TIMELINE_LANG": lang}  # for the app's callback, as in a run
    out = subprocess.run(
        [sys.executable, "-c", PROBE, lang, *args], env=env, capture_output=True, text=True
    ).stdout
    return dict(json.loads(out))


def columns(line: str) -> int:
    """How many columns a terminal gives `line`: two for a wide character, none for a
    combining mark (Arabic vowel signs)."""
    wide = {"W": 2, "F": 2}
    return sum(
        0 if unicodedata.combining(c) else wide.get(unicodedata.east_asian_width(c), 1)
        for c in line
    )


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_help_fits_80_columns_in_every_language(lang: str) -> None:
    for command, text in shown(lang)["help"].items():
        assert text, (lang, command)
        assert [line for line in text.splitlines() if columns(line) > 80] == [], (lang, command)
        assert not any(ord(c) < 32 and c != "\n" for c in text), (lang, command)


def test_english_help_and_errors_are_clicks_own_words() -> None:
    """English is as Click writes it: the probe in English says what the tests' app says."""
    english = shown("en")
    assert english["help"] == _every_help()
    assert english["help"]["list"].startswith("Usage: ")
    assert "Show this message and exit." in english["help"]["list"]
    assert "Missing argument 'ID'" in english["errors"]["missing argument"]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_clicks_own_words_are_in_the_language(lang: str) -> None:
    for command, text in shown(lang)["help"].items():
        assert [w for w in CLICKS if w in text] == [], (lang, command)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_usage_errors_are_in_the_language_with_their_prefix(lang: str) -> None:
    for mistake, text in shown(lang)["errors"].items():
        assert text.startswith("itu-timeline: error: "), (lang, mistake)
        assert text.count("\n") == 1, (lang, mistake)
        assert [w for w in ERROR_WORDS if w in text] == [], (lang, mistake, text)


# Two words of running text: what an option name, a value list or a metavar is not.
PROSE = re.compile(r"(?<![\w-])[a-z][a-z']+ [a-z][a-z']+\b")


def examples(text: str) -> set[str]:
    """The command lines of a help's Examples block, which stay as written (a line with a
    comment after it, '# then: ...', does not)."""
    block = text.partition("Examples:\n")[2].partition("\n\n")[0]
    return {line.strip() for line in block.splitlines() if " # " not in line}


def untranslated(english: str, translated: str) -> list[str]:
    """The lines of English running text that the translated help shows unchanged."""
    shown = {line.strip() for line in translated.splitlines()}
    kept = examples(english)
    return [
        line.strip()
        for line in english.splitlines()
        if line.strip() in shown and line.strip() not in kept and PROSE.search(line)
    ]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_no_sentence_of_any_help_is_left_in_english(lang: str) -> None:
    """The help of the program, of every command and every feeds subcommand: no line of
    the English help's running text is shown unchanged (the examples' command lines, option
    names, metavars and values stay as they are)."""
    english = shown("en")["help"]
    for command, text in shown(lang)["help"].items():
        assert untranslated(english[command], text) == [], (lang, command)


def test_the_check_for_english_finds_an_untranslated_line() -> None:
    english = shown("en")["help"]["export"]
    assert untranslated(english, english)  # the English help against itself
    assert "itu-timeline export -o itu.ics" in examples(english)
    assert untranslated(english, shown("fr")["help"]["export"]) == []


def test_the_values_in_an_error_stay_as_given() -> None:
    errors = shown("fr")["errors"]
    assert "« " not in errors["choice"]
    assert "'x' n'est pas l'un de 'table', 'plain', 'json', 'csv'" in errors["choice"]
    assert "Option inconnue : --nope" in errors["unknown option"]
    assert "Vouliez-vous dire 'list' ?" in errors["mistyped command"]
    assert "voir root show --help" in errors["missing argument"]


def test_chinese_help_breaks_lines_between_characters_but_not_before_punctuation() -> None:
    for command, text in shown("zh")["help"].items():
        for line in text.splitlines():
            assert not line.lstrip().startswith(("，", "。", "：", "）")), (command, line)  # noqa: RUF001
    assert "  --help" in shown("zh")["help"]["list"]


def test_every_word_that_stands_for_a_value_is_in_the_catalogs() -> None:
    """The metavars of every option and argument: a list of values, N, ID and URL stay as
    written; every other is one of the words the catalogs translate."""
    import typer.main

    from itu_timeline.cli.words import METAVARS

    from .test_help import app

    def metavars(command: Any) -> set[str]:
        found = {p.metavar for p in command.params if p.metavar}
        for sub in getattr(command, "commands", {}).values():
            found |= metavars(sub)
        return found

    words = metavars(typer.main.get_command(app))
    values = {w for w in words if w.islower() or "|" in w}
    assert "FILE.ics" in words
    assert "markdown|html|text" in values
    assert words - values - METAVARS == {"ID", "N", "URL"}


def test_the_words_for_values_read_in_the_language_and_match_the_descriptions() -> None:
    french = shown("fr")["help"]
    assert "-c, --calendar FICHIER" in french[""]
    assert "Utilisation : root [OPTIONS] COMMANDE [ARGS]..." in french[""]
    assert "--calendar FICHIER" in " ".join(french["remove"].split())  # its description too
    assert "--deadline NOM@QUAND" in french["add"]
    assert "--today DATE" in shown("ar")["help"][""]  # Arabic keeps them in Latin letters
    assert "--calendar 文件" in shown("zh")["help"][""]


def test_french_help_breaks_no_line_at_the_space_before_its_punctuation() -> None:
    """French writes 'fin ;', 'annoncée ?', '« à venir »': the space is no place to break."""
    lines = [line.strip() for text in shown("fr")["help"].values() for line in text.splitlines()]
    assert [line for line in lines if line[:1] in set(":;?!»") or line.endswith("«")] == []
    assert any(" ; " in line for line in lines)
