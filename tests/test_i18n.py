"""The language of a run: --lang, then ITU_TIMELINE_LANG, then the POSIX locale variables;
English when none of them names one of the six languages."""

import doctest
import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from itu_timeline.base import i18n
from itu_timeline.cli.main import language

from .conftest import HEADER, Run, WriteCalendar


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


# Events starting so many days after TODAY, for the countdowns of every plural form.
TODAY = "2026-12-03"
OFFSETS = (0, 1, 2, 3, 5, 11, 21, 22, 25, 31, 100, 102)


def calendar_of_offsets() -> str:
    lines = [HEADER]
    for n in OFFSETS:
        day = date(2026, 12, 3) + timedelta(days=n)
        lines.append(
            f'[[events]]\nid = "m{n}"\ntitle = "Meeting {n}"\nbody = "ITU-T"\n'
            f'kind = "study-group"\nstart = {day.isoformat()}\n'
        )
    return "\n".join(lines)


@pytest.fixture
def offsets(write_calendar: WriteCalendar) -> Path:
    return write_calendar(calendar_of_offsets())


def countdowns(run: Run, path: Path, lang: str) -> dict[str, str]:
    """Each event's countdown in `upcoming`'s plain lines, by id."""
    result = run("--lang", lang, "upcoming", "--days", "120", calendars=[path], today=TODAY)
    assert result.exit_code == 0, result.stderr
    found = {}
    for line in result.stdout.splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        found[cells[4]] = cells[1]  # when, countdown, type, body, id, title
    return found


def test_russian_countdowns_take_the_form_of_their_number(run: Run, offsets: Path) -> None:
    said = countdowns(run, offsets, "ru")
    assert said["m0"] == "сегодня"
    assert said["m1"] == "завтра"
    assert said["m2"] == "через 2 дня"
    assert said["m3"] == "через 3 дня"
    assert said["m5"] == "через 5 дней"
    assert said["m11"] == "через 11 дней"
    assert said["m21"] == "через 21 день"
    assert said["m22"] == "через 22 дня"
    assert said["m25"] == "через 25 дней"
    assert said["m31"] == "через 31 день"


def test_arabic_countdowns_use_its_plural_forms(run: Run, offsets: Path) -> None:
    said = countdowns(run, offsets, "ar")
    assert said["m0"] == "اليوم"
    assert said["m2"] == "بعد يومين"  # two: the dual, no digit
    assert said["m3"] == "بعد 3 أيام"  # few: 3-10
    assert said["m11"] == "بعد 11 يومًا"  # many: 11-99
    assert said["m100"] == "بعد 100 يوم"  # other
    assert said["m102"] == "بعد 102 يوم"  # 102 is neither two nor few: other


@pytest.mark.parametrize(
    ("lang", "in_11_days", "today"),
    [
        ("en", "in 11 days", "today"),
        ("fr", "dans 11 jours", "aujourd'hui"),
        ("es", "dentro de 11 días", "hoy"),
        ("ru", "через 11 дней", "сегодня"),
        ("ar", "بعد 11 يومًا", "اليوم"),
        ("zh", "11 天后", "今天"),
    ],
)
def test_the_countdowns_in_six_languages(
    run: Run, offsets: Path, lang: str, in_11_days: str, today: str
) -> None:
    said = countdowns(run, offsets, lang)
    assert (said["m11"], said["m0"]) == (in_11_days, today)


def run_installed(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The installed program, as a user runs it, with only `env` as its environment."""
    base = {"PATH": os.environ["PATH"], "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]}
    return subprocess.run(
        [sys.executable, "-m", "itu_timeline", *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        check=True,
    )


def test_the_locale_of_the_environment_chooses_french_and_lang_en_overrides_it(
    sample: Path,
) -> None:
    args = ["--calendar", str(sample), "--today", "2026-05-20", "upcoming", "--days", "30"]
    french = run_installed(args, {"LANG": "fr_FR.UTF-8"}).stdout
    assert "  dans 12 jours  " in french
    assert "événement" in french
    english = run_installed(["--lang", "en", *args], {"LANG": "fr_FR.UTF-8"}).stdout
    assert "  in 12 days  " in english
    assert english == run_installed(args, {}).stdout


def test_help_texts_are_read_after_the_language_is_chosen(sample: Path) -> None:
    """The language is chosen from argv before the app's modules are imported: a message
    that the app evaluates at import, the table's headers, comes out in the language."""
    args = ["--calendar", str(sample), "--today", "2026-06-01", "--lang", "fr", "list"]
    assert "Organe" in run_installed([*args, "--format", "table"], {}).stdout


def test_a_french_table_has_french_dates_and_headers(run: Run) -> None:
    result = run("--lang", "fr", "list", "--format", "table")
    assert "Organe" in result.stdout
    assert "9–27 nov. 2026" in result.stdout
    assert "novembre 2026" in result.stdout
    assert "juin 2027" in result.stdout
    plain = run("--lang", "fr", "list", "--format", "plain").stdout
    assert "(juin\u2009–\u2009juillet 2027, dates non annoncées)" in plain  # thin spaces (CLDR)
    assert "[provisoire]" in plain
    upcoming = run("--lang", "fr", "upcoming", "--format", "table", today="2026-05-30")
    assert "1 juin 2026" in upcoming.stdout
    assert "Compte à rebours" in upcoming.stdout


def test_show_labels_are_translated_and_aligned(run: Run) -> None:
    result = run("--lang", "ru", "show", "pp-26")
    lines = result.stdout.splitlines()
    # Values start two columns after the longest label ('Импортировано').
    assert lines[0] == "Мероприятие:   Plenipotentiary Conference 2026 (PP-26)"
    assert "Даты:          2026-11-09..2026-11-27 (19 дней)" in lines
    zh = run("--lang", "zh", "show", "pp-26").stdout.splitlines()
    # Chinese characters (and the full-width colon) take two columns: the values still start
    # in one column.
    assert zh[0] == "活动：     Plenipotentiary Conference 2026 (PP-26)"
    assert zh[1] == "ID：       pp-26"


def test_remind_speaks_the_language(run: Run) -> None:
    result = run("--lang", "es", "remind", "--dry-run", "--at", "30", today="2026-05-31")
    assert "mañana" in result.stdout
    assert "ensayo" in result.stderr or result.stderr == ""


@pytest.mark.parametrize("command", [["list"], ["upcoming", "--days", "400"]])
@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_machine_output_is_byte_identical_in_every_language(
    run: Run, command: list[str], fmt: str
) -> None:
    english = run(*command, "--format", fmt).stdout
    assert english.strip() not in ("", "[]")
    for lang in i18n.LANGUAGES:
        assert run("--lang", lang, *command, "--format", fmt).stdout == english, lang


def test_the_digest_speaks_the_language(run: Run) -> None:
    text = run("--lang", "fr", "digest", "--format", "text", today="2026-05-30").stdout
    assert text.startswith("Cette semaine à l'UIT, du samedi 30 mai 2026 au vendredi 5 juin 2026")
    assert "lundi 1 juin 2026" in text
    assert "dans 2 jours" in text
    markdown = run("--lang", "zh", "digest", today="2026-05-30").stdout
    assert markdown.startswith("# 国际电联本周动态")
    html = run("--lang", "ar", "digest", "--format", "html", "--days", "14", today="2026-05-30")
    assert "<h1>الاتحاد الدولي للاتصالات خلال الـ14 يومًا القادمة</h1>" in html.stdout


def test_errors_are_translated_but_keep_their_prefix(run: Run) -> None:
    result = run("--lang", "fr", "list", "--from", "someday")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("itu-timeline: error: --from: impossible de lire la date")
    unknown = run("--lang", "ru", "show", "pp-99")
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("itu-timeline: error: нет мероприятия с id «pp-99»")
    zone = run("--lang", "es", "--tz", "Europe/Zurik", "list")
    assert zone.stderr.startswith("itu-timeline: error: --tz: zona horaria desconocida")


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_exit_codes_are_the_same_in_every_language(run: Run, lang: str) -> None:
    assert (
        run("--lang", lang, "upcoming", "--check", "--days", "0", today="2030-01-01").exit_code == 1
    )
    assert run("--lang", lang, "show", "nothing-like-it").exit_code == 2
    assert run("--lang", lang, "upcoming", "--check").exit_code == 0


def test_ics_property_names_are_the_same_in_every_language(run: Run, tmp_path: Path) -> None:
    def names(lang: str) -> list[str]:
        out = tmp_path / f"{lang}.ics"
        assert run("--lang", lang, "export", "-o", str(out)).exit_code == 0
        # Bytes, not read_text: its newline translation would leave every fold in place.
        lines = out.read_bytes().decode().replace("\r\n ", "").splitlines()
        return [re.split("[:;]", line, maxsplit=1)[0] for line in lines]

    english = names("en")
    for lang in i18n.LANGUAGES:
        assert names(lang) == english, lang


def test_help_of_the_shared_options_is_in_the_language_of_the_run() -> None:
    """Help texts are read when the app's modules are imported, so the language is chosen
    from argv and the environment before: in a fresh process, as the program runs."""
    top = run_installed(["--help"], {"LANG": "es_ES.UTF-8"}).stdout
    assert "Reuniones y plazos de la UIT" in top
    assert "Suponer que hoy es esta fecha." in top
    listing = run_installed(["--lang", "ru", "list", "--help"], {}).stdout
    assert "Только этот орган (можно повторять)" in listing
    assert "Pretend today" in run_installed(["--lang", "en", "--help"], {"LANG": "fr_FR"}).stdout


def test_the_reading_commands_describe_themselves_in_the_language() -> None:
    """A command's description (its docstring) goes through the catalog, its examples stay
    as written under a translated heading; options of its own are translated too."""
    text = run_installed(["--lang", "fr", "upcoming", "--help"], {}).stdout
    assert "Les événements qui commencent ou sont en cours" in text
    assert "Exemples :\n    itu-timeline upcoming\n" in text
    assert "Combien de jours à l'avance regarder." in text
    listing = run_installed(["--help"], {"LC_ALL": "zh_CN.UTF-8"}).stdout
    assert "活动时间线，按首日排序。" in listing  # list's short help, from its description


def test_the_chart_under_show_has_its_legend_in_the_language(run: Run) -> None:
    lines = run("--lang", "ru", "show", "pp-26").stdout.splitlines()
    assert lines[-1] == "= собрание  ~ даты не объявлены  * срок  | сегодня"
    assert any(line.startswith("сегодня 2026-06-01") for line in lines)
