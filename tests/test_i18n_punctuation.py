"""What a French, Arabic or Chinese reader still met in English when every command was tried
in their language: the 'or' of the date forms, a hint joined with an English semicolon, a
count written the English way, the digest's title joined with an English comma."""

from pathlib import Path

import pytest

from .conftest import Run
from .test_i18n_details import imported

HOSTILE = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    "BEGIN:VEVENT\r\nUID:h1\r\nSUMMARY:Tick\r\nDTSTART:20270101T000000Z\r\n"
    "RRULE:FREQ=MINUTELY\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:h2\r\nDTSTART:20271301\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


@pytest.mark.parametrize(
    ("lang", "said"),
    [("fr", "« soon » ; utilisez YYYY-MM-DD, YYYY-MM, YYYY, today, tomorrow, yesterday ou +30d"),
     ("ar", "و today و tomorrow و yesterday أو +30d/-2w/+3m/+1y"),
     ("en", "'soon'; use YYYY-MM-DD, YYYY-MM, YYYY, today, tomorrow, yesterday, or +30d")],
)  # fmt: skip
def test_a_date_not_understood_lists_its_forms_in_the_language(
    run: Run, lang: str, said: str
) -> None:
    result = run("--lang", lang, "upcoming", "--from", "soon")
    assert result.exit_code == 2
    assert said in result.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [("fr", "(ligne 2, colonne 11) ; il a été laissé tel quel ; déplacez-le"),
     ("ar", "(السطر 2، العمود 11)؛ تُركت كما هي؛ انقله"),
     ("zh", "（第 2 行，第 11 列）；已保持原样；请把它移走"),
     ("en", "(line 2, column 11); it was left as it is; move it away")],
)  # fmt: skip
def test_a_hint_follows_its_error_as_the_language_separates_them(
    run: Run, tmp_path: Path, lang: str, said: str
) -> None:
    state = tmp_path / "state.toml"
    state.write_text("schema = 1\n[[reported]\n", encoding="utf-8")
    result = run("--lang", lang, "remind", "--state", str(state))
    assert result.exit_code == 2
    assert said in result.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [("fr", ["(et 1\u202f999 autres occurrences", "… ; 1: DTSTART illisible"]),
     ("ar", ["(و1,999 تكرارًا آخر", "…؛ 1: تتعذر قراءة DTSTART"]),
     ("en", ["(and 1,999 more occurrences", "…; 1: DTSTART cannot be read"])],
)  # fmt: skip
def test_import_counts_and_lists_its_skips_as_the_language_writes(
    run: Run, tmp_path: Path, lang: str, said: list[str]
) -> None:
    result = imported(run, tmp_path, lang, HOSTILE)
    for words in said:
        assert words in result.stderr + result.stdout, (words, result.stderr, result.stdout)


@pytest.mark.parametrize(
    ("lang", "said"),
    [("ar", "هذا الأسبوع في الاتحاد الدولي للاتصالات، من "),
     ("zh", "国际电联本周动态，"),
     ("en", "This week at the ITU, Saturday 30 May 2026 to ")],
)  # fmt: skip
def test_the_digests_title_is_joined_as_the_language_writes(run: Run, lang: str, said: str) -> None:
    text = run("--lang", lang, "digest", "--format", "text", today="2026-05-30").stdout
    assert text.startswith(said), text
