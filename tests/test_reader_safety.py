"""Outputs are safe for every reader: spreadsheets run no formula from a CSV cell, and JSON,
.ics and the published TOML carry no raw C1 control or bidirectional override."""

import csv
import io
import json
import tomllib
from datetime import date
from pathlib import Path

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from itu_timeline.render.json_csv import to_csv, to_json

from .conftest import HEADER, Run, WriteCalendar

# U+009B is a one-byte CSI (a terminal command); U+202E turns text around; U+2066-2069 isolate.
HIDDEN = ["\u202e", "\x9b", "\u2066", "\u2069", "\u200e", "\u200f", "\x85", "\x7f", "\u2028"]
TITLE = "Council \u202eelbaliava\u202c \x9b31m and \u2066x\u2069 \u200f"


def calendar_with(write_calendar: WriteCalendar, title: str) -> Path:
    escaped = json.dumps(title)  # a TOML basic string takes JSON's escapes
    return write_calendar(
        HEADER + f'[[events]]\nid = "x"\ntitle = {escaped}\nbody = "ITU"\nkind = "other"\n'
        f"start = 2026-06-10\nlocation = {escaped}\nnotes = {escaped}\ntags = [{escaped}]\n"
        'url = "https://example.org/\u202e"\n'
    )


@pytest.mark.parametrize(
    "title",
    ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", '=cmd|" /C calc"!A0'],
)
def test_no_csv_cell_starts_a_formula(run: Run, write_calendar: WriteCalendar, title: str) -> None:
    path = calendar_with(write_calendar, title)
    for command in (("list", "--format", "csv"), ("upcoming", "--format", "csv")):
        result = run(*command, calendars=[path])
        assert result.exit_code == 0, result.stderr
        rows = list(csv.reader(io.StringIO(result.stdout)))[1:]
        cells = [cell for row in rows for cell in row]
        assert title in " ".join(cells)  # still there, as text
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells), cells


def test_our_own_numbers_stay_numbers_and_text_that_looks_like_one_does_not() -> None:
    record = {"days_left": -2, "title": "-2", "revision": 0}
    text = to_csv([record], tuple(record))
    assert text.splitlines()[1] == "-2,'-2,0"


def test_json_carries_no_hidden_character_raw_and_reads_back_the_same(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = calendar_with(write_calendar, TITLE)
    for command in (("list", "--format", "json"), ("upcoming", "--format", "json")):
        result = run(*command, calendars=[path])
        assert result.exit_code == 0, result.stderr
        assert not any(c in result.stdout for c in HIDDEN)
        assert "\\u202e" in result.stdout
        assert "\\u009b" in result.stdout
        assert json.loads(result.stdout)[0]["title"] == TITLE


@given(st.lists(st.dictionaries(st.text(max_size=4), st.text() | st.lists(st.text()), max_size=3)))
def test_json_escapes_every_hidden_character_and_means_the_same(records: list[dict]) -> None:
    text = "".join(to_json(records))
    assert json.loads(text) == records
    assert not any(c in text for c in HIDDEN)


def test_export_shows_hidden_characters_as_the_terminal_does(
    run: Run, write_calendar: WriteCalendar
) -> None:
    result = run("export", calendars=[calendar_with(write_calendar, TITLE)])
    assert result.exit_code == 0, result.stderr
    assert not any(c in result.stdout for c in HIDDEN[:4])
    [event] = icalendar.Calendar.from_ical(result.stdout).walk("VEVENT")
    assert "<U+202E>elbaliava<U+202C>" in str(event["summary"])
    assert "<U+009B>31m" in str(event["location"])
    assert str(event["url"]) == "https://example.org/%E2%80%AE"


def test_the_published_toml_escapes_hidden_characters_and_reads_back_equal(
    run: Run, write_calendar: WriteCalendar, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    result = run("publish", str(site), calendars=[calendar_with(write_calendar, TITLE)])
    assert result.exit_code == 0, result.stderr
    for name in ("events.toml", "events.json"):
        raw = (site / name).read_text(encoding="utf-8")
        assert not any(c in raw for c in HIDDEN), name
    [event] = tomllib.loads((site / "events.toml").read_text())["events"]
    assert (event["title"], event["notes"], event["tags"]) == (TITLE, TITLE, [TITLE])
    assert event["start"] == date(2026, 6, 10)
