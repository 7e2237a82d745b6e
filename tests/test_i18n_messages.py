"""The messages of the commands beyond reading (validation, changes, feeds, letters, editing,
publishing) in the language of the run: the sentence translated, what names the data (file,
event id, field, values) kept as the data gives it, `itu-timeline: error:` untranslated, and
English as it was."""

from pathlib import Path

import pytest

from .conftest import HEADER, Run, WriteCalendar

BAD = sorted((Path(__file__).parent / "data" / "bad").glob("*.toml"))
PREFIX = "itu-timeline: error: "


@pytest.mark.parametrize("lang", ["fr", "ru", "ar", "zh"])
@pytest.mark.parametrize("bad", BAD, ids=lambda p: p.name)
def test_each_problem_of_a_broken_file_is_told_in_the_language(
    run: Run, bad: Path, lang: str
) -> None:
    """Line for line what English says, but in other words: same number of lines, each
    naming the same file after the untranslated prefix."""
    english = run("validate", str(bad))
    other = run("--lang", lang, "validate", str(bad))
    assert other.exit_code == english.exit_code == 1
    assert other.stdout == english.stdout == ""
    lines, english_lines = other.stderr.splitlines(), english.stderr.splitlines()
    assert len(lines) == len(english_lines) > 0
    for line, said in zip(lines, english_lines, strict=True):
        assert line.startswith(PREFIX + str(bad))
        assert line != said


def test_a_problem_keeps_file_id_and_field_and_says_the_rest_in_french(run: Run) -> None:
    bad = Path(__file__).parent / "data" / "bad" / "typo-key.toml"
    said = run("--lang", "fr", "validate", str(bad)).stderr.splitlines()
    assert said == [
        f"{PREFIX}{bad}: événement « typo »: champ « strat »: clé inconnue ; "
        "vouliez-vous dire « start » ?",
        f"{PREFIX}{bad}: événement « typo »: champ « start »: manquant (obligatoire)",
    ]
    russian = run("--lang", "ru", "validate", str(bad)).stderr.splitlines()
    assert (
        russian[1] == f"{PREFIX}{bad}: мероприятие «typo»: поле «start»: отсутствует (обязательное)"
    )


def test_the_english_problem_lines_are_as_they_were(run: Run) -> None:
    bad = Path(__file__).parent / "data" / "bad" / "several-problems.toml"
    assert run("validate", str(bad)).stderr.splitlines() == [
        f"{PREFIX}{bad}: event 'many': field 'end': must be a date, not text "
        "(write dates without quotes: 2027-03-15)",
        f"{PREFIX}{bad}: event 'many': field 'status': 'maybe' is not one of: "
        "confirmed, tentative, postponed, cancelled",
        f"{PREFIX}{bad}: event #2: field 'id': missing (required)",
    ]


def events(n: int) -> str:
    return HEADER + "".join(
        f'[[events]]\nid = "e{i}"\ntitle = "Meeting {i}"\nbody = "ITU-T"\n'
        f'kind = "study-group"\nstart = 2027-03-{i + 1:02}\nsource = "https://www.itu.int/"\n'
        for i in range(n)
    )


@pytest.mark.parametrize(
    ("n", "russian"),
    [
        (1, "1 файл: 1 мероприятие, 0 правил, 0 сроков; 0 предупреждений"),
        (2, "1 файл: 2 мероприятия, 0 правил, 0 сроков; 0 предупреждений"),
        (5, "1 файл: 5 мероприятий, 0 правил, 0 сроков; 0 предупреждений"),
        (21, "1 файл: 21 мероприятие, 0 правил, 0 сроков; 0 предупреждений"),
    ],
)
def test_the_summary_of_validate_counts_in_the_plural_of_the_language(
    run: Run, write_calendar: WriteCalendar, n: int, russian: str
) -> None:
    path = write_calendar(events(n))
    said = run("--lang", "ru", "validate", str(path)).stdout.splitlines()
    assert said == [russian, "  по органам: ITU-T " + str(n), f"  по видам: study-group {n}"]


def test_the_summary_and_warnings_of_validate_in_french_and_arabic(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(
        HEADER + '[[events]]\nid = "long"\ntitle = "Long"\nbody = "ITU"\nkind = "other"\n'
        'start = 2027-01-01\nend = 2027-04-01\nbasis = "official"\nsource = "a blog"\n'
    )
    french = run("--lang", "fr", "validate", "--strict", str(path))
    assert french.exit_code == 1
    assert french.stdout.startswith(
        "1 fichier : 1 événement, 0 règle, 0 échéance ; 2 avertissements\n"
    )
    assert f"itu-timeline: warning: {path}: événement « long »: champ « end »: dure 91 jours" in (
        french.stderr
    )
    assert "itu-timeline: note: 2 avertissements, et --strict échoue" in french.stderr
    arabic = run("--lang", "ar", "validate", str(path))
    assert arabic.stdout.startswith("ملف واحد: فعالية واحدة، 0 قاعدة، 0 موعد نهائي؛ تحذيران\n")
    assert "يستمر 91 يومًا" in arabic.stderr
