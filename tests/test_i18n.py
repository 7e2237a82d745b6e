"""The language of a run: --lang, then ITU_TIMELINE_LANG, then the POSIX locale variables;
English when none of them names one of the six languages."""

import doctest

import pytest

from itu_timeline.base import i18n
from itu_timeline.cli.main import language

from .conftest import Run


def test_the_examples_in_the_module_hold() -> None:
    assert doctest.testmod(i18n).failed == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("fr", "fr"),
        ("fr_FR.UTF-8", "fr"),
        ("fr_CA", "fr"),
        ("es_419.UTF-8", "es"),
        ("ru_RU.KOI8-R", "ru"),
        ("ar_EG.UTF-8", "ar"),
        ("zh_CN.UTF-8", "zh"),
        ("zh_Hans", "zh"),
        ("zh-Hant-TW", "zh"),
        ("EN_us", "en"),
        ("de_DE.UTF-8", None),
        ("C", None),
        ("C.UTF-8", None),
        ("POSIX", None),
        ("", None),
        ("fra", None),
    ],
)
def test_a_locale_name_gives_its_language_when_it_is_one_of_the_six(
    value: str, expected: str | None
) -> None:
    assert i18n.language_of(value) == expected


@pytest.mark.parametrize(
    ("args", "environ", "expected"),
    [
        ([], {}, "en"),
        ([], {"LANG": "fr_FR.UTF-8"}, "fr"),
        ([], {"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8"}, "ru"),
        ([], {"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "ru_RU", "LC_ALL": "zh_CN"}, "zh"),
        # The first one set decides, even when it names no language of ours (POSIX).
        ([], {"LANG": "fr_FR.UTF-8", "LC_ALL": "de_DE.UTF-8"}, "en"),
        ([], {"LANG": "fr_FR.UTF-8", "LC_ALL": ""}, "fr"),
        ([], {"LANG": "fr_FR.UTF-8", "ITU_TIMELINE_LANG": "es"}, "es"),
        (["--lang", "en", "upcoming"], {"LANG": "fr_FR.UTF-8"}, "en"),
        (["upcoming", "--lang=ar"], {"ITU_TIMELINE_LANG": "es"}, "ar"),
        (["--lang", "ru", "upcoming", "--lang", "zh"], {}, "zh"),
        (["upcoming", "--", "--lang", "fr"], {}, "en"),
    ],
)
def test_the_language_of_a_run_is_read_from_argv_before_the_app_is_imported(
    args: list[str], environ: dict[str, str], expected: str
) -> None:
    assert language(args, environ) == expected


def test_an_unknown_language_is_an_error_naming_the_option(run: Run) -> None:
    result = run("--lang", "de", "upcoming")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "itu-timeline: error: --lang: 'de' is not one of the languages ar, en, es, fr, ru, zh\n"
    )


def test_an_unknown_language_in_the_environment_names_the_variable(run: Run) -> None:
    result = run("upcoming", env={"ITU_TIMELINE_LANG": "xx"})
    assert result.exit_code == 2
    assert "ITU_TIMELINE_LANG: 'xx' is not one of the languages" in result.stderr


def test_the_language_option_may_follow_the_command(run: Run) -> None:
    assert run("upcoming", "--lang", "en").exit_code == 0
    assert i18n.current() == "en"
