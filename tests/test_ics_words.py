"""The words of an exported .ics that a person reads in a calendar app (DESCRIPTION, the
alarms' texts) are in the language of `export --lang`; what a program reads is not."""

import re
import tomllib
from pathlib import Path

import icalendar
import pytest
import vobject

from .conftest import HEADER, Run, WriteCalendar

CALENDAR = (
    HEADER
    + """
[[events]]
id = "sg17-2027-03"
title = "ITU-T SG17 meeting"
body = "ITU-T"
kind = "study-group"
start = 2027-03-15
end = 2027-03-24
status = "postponed"
basis = "official"
format = "hybrid"
source = "TSB Collective letter 4/17"

[[events.deadlines]]
name = "Contributions due"
before = "12 days"
time = "23:59"
source = "TSB Collective letter 4/17"
"""
)
ARGS = ("export", "--alarm", "1d", "--alarm-events")


def export(run: Run, path: Path, *lang: str) -> bytes:
    result = run(*lang, *ARGS, calendars=[path], today="2027-01-01")
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


def descriptions(data: bytes) -> list[str]:
    """The DESCRIPTION of every VEVENT and VALARM, in the order written."""
    calendar = icalendar.Calendar.from_ical(data)
    return [str(c["description"]) for c in calendar.walk() if "description" in c]


def property_names(data: bytes) -> list[str]:
    return [re.split("[:;]", line, maxsplit=1)[0] for line in unfolded(data)]


def unfolded(data: bytes) -> list[str]:
    return data.decode().replace("\r\n ", "").splitlines()


def test_english_descriptions_and_alarms_are_the_words_they_always_were(
    run: Run, write_calendar: WriteCalendar
) -> None:
    found = descriptions(export(run, write_calendar(CALENDAR)))
    assert found == [
        "Postponed: the dates shown are the last announced.\nStatus: postponed.\n"
        "Dates: official (stated by the organiser: an official page or letter).\n"
        "Format: hybrid.\nSource: TSB Collective letter 4/17\n\nDeadlines:\n"
        "- Contributions due: 2027-03-03 23:59 CET (Europe/Zurich)",
        "ITU-T SG17 meeting begins",
        "Due 2027-03-03 23:59 CET (Europe/Zurich).\nEvent: ITU-T SG17 meeting (sg17-2027-03).\n"
        "Source: TSB Collective letter 4/17",
        "Deadline: Contributions due",
    ]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", ["Reporté : ", "Statut : reporté.", "Format : hybrid.", "Source : TSB",
                "Délais :", "Début : ITU-T SG17 meeting", "Échéance : 2027-03-03 23:59 CET",
                "Événement : ITU-T SG17 meeting (sg17-2027-03).", "Échéance : "]),
        ("ru", ["Перенесено: ", "Статус: перенесено.", "Источник: TSB", "Сроки:",
                "Начало: ITU-T SG17 meeting", "Срок: 2027-03-03 23:59 CET",
                "Мероприятие: ITU-T SG17 meeting (sg17-2027-03).", "Срок: "]),
        ("ar", ["مؤجل: ", "الحالة: مؤجل.", "المصدر: TSB", "يبدأ: ITU-T SG17 meeting",
                "الموعد النهائي: 2027-03-03 23:59 CET", "الحدث: ITU-T SG17 meeting"]),
    ],
)  # fmt: skip
def test_export_lang_writes_descriptions_and_alarms_in_the_language(
    run: Run, write_calendar: WriteCalendar, lang: str, words: list[str]
) -> None:
    data = export(run, write_calendar(CALENDAR), "--lang", lang)
    found = "\n".join(descriptions(data))
    for word in words:
        assert word in found
    for english in ("Status:", "Due ", "Event:", "Source:", "Deadline:", "begins", "Postponed"):
        assert english not in found
    strict = vobject.readOne(data.decode(), validate=True)
    assert len(strict.contents["vevent"]) == 2


def test_property_names_and_what_import_reads_are_the_same_in_every_language(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(CALENDAR)
    english = export(run, path)
    for lang in ("fr", "es", "ru", "ar", "zh"):
        other = export(run, path, "--lang", lang)
        assert property_names(other) == property_names(english)
        ours = [line for line in unfolded(english) if line.startswith("X-ITU-TIMELINE")]
        assert ours
        assert [line for line in unfolded(other) if line.startswith("X-ITU-TIMELINE")] == ours


def test_an_end_not_announced_is_said_in_the_summary_and_imported_back_in_any_language(
    run: Run, write_calendar: WriteCalendar, tmp_path: Path
) -> None:
    """'(fin non annoncée)' after a French SUMMARY; `import` gives back the title without it
    and the end still unknown, as from an English export."""
    path = write_calendar(
        HEADER.replace("schema = 1", "schema = 2")
        + '[[events]]\nid = "wg"\ntitle = "Working group"\nbody = "ITU"\n'
        'kind = "working-group"\nstart = 2027-03-15\n'
    )
    for lang, said in (("fr", "(fin non annoncée)"), ("ru", "(окончание не объявлено)")):
        ics = tmp_path / f"{lang}.ics"
        assert run("--lang", lang, "export", "-o", str(ics), calendars=[path]).exit_code == 0
        [event] = icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
        assert str(event["summary"]) == f"Working group {said}"
        mine = tmp_path / f"{lang}.toml"
        assert run("import", str(ics), calendars=[mine]).exit_code == 0
        imported = tomllib.loads(mine.read_text(encoding="utf-8"))["events"]
        assert [(e["title"], "end" in e) for e in imported] == [("Working group", False)]
