"""Hostile and broken input: never a crash, never an injection, never lost data."""

import json
import os
import tomllib
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from itu_timeline.base.errors import TimelineError
from itu_timeline.cli.main import whole_app
from itu_timeline.core.loader import load
from itu_timeline.core.model import Body, Kind, Status
from itu_timeline.render.ics import text as ics_text
from itu_timeline.store import toml_text

from .conftest import HEADER, Run, WriteCalendar

app = whole_app()

HOSTILE = [
    "[/]",
    "[bold red]x",
    "[link=file:///etc/passwd]x[/link]",
    "esc \x1b[31mred\x1b[0m",
    "bell\x07",
    "back\x08space",
    "carriage\rreturn",
    "osc \x1b]8;;http://evil\x1b\\link",
    "line\r\nBEGIN:VEVENT\r\nSUMMARY:injected",
    "semi;comma,back\\slash",
    "\u202eevil",
]


def hostile_calendar() -> str:
    events = []
    for i, text in enumerate(HOSTILE):
        events.append(
            {
                "id": f"h{i}",
                "title": text,
                "body": "ITU",
                "kind": "other",
                "start": date(2026, 6, 2) + timedelta(days=i),
                "location": text,
                "notes": text,
                "url": text,  # a URL with CR LF once crashed the export
                "tags": [text],
                "deadlines": [{"name": text, "before": "1 day"}],
            }
        )
    return tomli_w.dumps({"schema": 1, "events": events})


@pytest.fixture
def hostile(write_calendar: WriteCalendar) -> Path:
    return write_calendar(hostile_calendar(), name="hostile.toml")


COMMANDS = [
    ("list",),
    ("list", "-f", "table"),
    ("list", "-f", "csv"),
    ("list", "-f", "json"),
    ("upcoming",),
    ("upcoming", "-f", "table"),
    ("upcoming", "-f", "csv"),
    ("show", "h3"),
    ("show", "h7"),
    ("chart", "--from", "2026-06", "--to", "2026-07"),
    ("validate",),
    ("show", "\x1b[31mnope"),
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_no_escape_byte_reaches_a_pipe_from_any_command(
    run: Run, hostile: Path, command: tuple[str, ...]
) -> None:
    result = run(*command, calendars=[hostile])
    assert "Traceback" not in result.stderr
    assert "\x1b" not in result.stdout
    assert "\x1b" not in result.stderr
    assert "\x07" not in result.stdout + result.stderr
    assert "\r" not in result.stdout


def test_on_a_terminal_markup_in_calendar_text_is_shown_not_obeyed(run: Run, hostile: Path) -> None:
    result = run(
        "list", "-f", "table", calendars=[hostile], env={"FORCE_COLOR": "1", "COLUMNS": "200"}
    )
    assert "\x1b[" in result.stdout  # colours are on
    assert "[bold red]x" in result.stdout
    assert "[link=file:///etc/passwd]x[/link]" in result.stdout
    assert "\x1b]8;" not in result.stdout  # no hyperlink was made
    assert "esc ␛[31mred␛[0m" in result.stdout


def test_validate_warns_about_control_characters(run: Run, hostile: Path) -> None:
    result = run("validate", str(hostile), calendars=[hostile])
    assert "event 'h3': field 'title': contains control characters" in result.stderr


def test_export_has_exactly_one_vevent_per_event_and_deadline(run: Run, hostile: Path) -> None:
    result = run("export", calendars=[hostile])
    assert result.exit_code == 0
    parsed = icalendar.Calendar.from_ical(result.stdout_bytes)
    assert len(list(parsed.walk("VEVENT"))) == 2 * len(HOSTILE)
    # As content lines; the text "BEGIN:VEVENT" inside an escaped SUMMARY is data, not a line.
    assert result.stdout_bytes.split(b"\r\n").count(b"BEGIN:VEVENT") == 2 * len(HOSTILE)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ("start = 9999-12-31", "outside the years 1900-2999"),
        ("start = 0001-01-01", "outside the years 1900-2999"),
        (f'start = 2027-01-01\ntitle = "{"x" * 100_000}"', "over the limit of 1000"),
        (
            'start = 2027-01-01\n[[events.deadlines]]\nname = "d"\nbefore = "99999 months"',
            "longer than 100 years",
        ),
    ],
)
def test_absurd_values_are_clear_errors(
    run: Run, write_calendar: WriteCalendar, fields: str, message: str
) -> None:
    body = '[[events]]\nid = "x"\nbody = "ITU"\nkind = "other"\n'
    if "title" not in fields:
        body += 'title = "T"\n'
    result = run("list", calendars=[write_calendar(HEADER + body + fields + "\n")])
    assert result.exit_code == 2
    assert message in result.stderr


def test_deeply_nested_toml_and_huge_day_counts_are_errors_not_crashes(
    run: Run, write_calendar: WriteCalendar
) -> None:
    nested = write_calendar("x = " + "[" * 100_000 + "]" * 100_000 + "\n", name="nested.toml")
    result = run("list", calendars=[nested])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert run("list", "--from", "+99999y").exit_code == 2
    assert run("upcoming", "--days", "99999999").exit_code == 2


def test_the_size_limit_is_configurable(run: Run, write_calendar: WriteCalendar) -> None:
    path = write_calendar(HEADER + "# " + "x" * (2 * 1024 * 1024) + "\n")
    refused = run("list", calendars=[path], env={"ITU_TIMELINE_MAX_MIB": "1"})
    assert refused.exit_code == 2
    assert "over the limit of 1048576 bytes (set ITU_TIMELINE_MAX_MIB" in refused.stderr
    assert run("list", calendars=[path], env={"ITU_TIMELINE_MAX_MIB": "3"}).exit_code == 0


def test_a_symlink_loop_is_a_one_line_error(run: Run, tmp_path: Path) -> None:
    loop = tmp_path / "loop.toml"
    loop.symlink_to(tmp_path / "loop.toml")
    result = run("list", calendars=[loop])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1


# Fuzzing: calendars built from arbitrary values, valid and invalid.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
DAY = st.dates(min_value=date(1890, 1, 1), max_value=date(3010, 12, 31))
ANY = st.one_of(TEXT, DAY, st.integers(-5, 5), st.booleans(), st.lists(TEXT, max_size=3))


@st.composite
def event_tables(draw: st.DrawFn, index: int) -> dict[str, object]:
    start = draw(DAY)
    table: dict[str, object] = {
        "id": draw(st.sampled_from([f"e{index}", f"E {index}", "dup"])),
        "title": draw(TEXT),
        "body": draw(st.sampled_from([*(b.value for b in Body), "ITU-X"])),
        "kind": draw(st.sampled_from([*(k.value for k in Kind), "party"])),
        "start": start,
        "end": draw(st.one_of(st.just(start), DAY)),
        "status": draw(st.sampled_from([*(s.value for s in Status), "maybe"])),
    }
    for key in draw(
        st.lists(st.sampled_from(["location", "notes", "url", "source", "timezone"]), max_size=3)
    ):
        table[key] = (
            draw(st.sampled_from(["Europe/Zurich", "Nowhere/City"]))
            if key == "timezone"
            else draw(TEXT)
        )
    if draw(st.booleans()):
        table["tags"] = draw(st.lists(TEXT, max_size=3))
    if draw(st.booleans()):
        table["deadlines"] = [
            {"name": draw(TEXT), "before": draw(st.sampled_from(["12 days", "2 weeks", "x"]))}
        ]
    if draw(st.booleans()):
        table[draw(st.sampled_from(["strat", "title", "revision"]))] = draw(ANY)
    return table


@st.composite
def documents(draw: st.DrawFn) -> dict[str, object]:
    count = draw(st.integers(0, 5))
    return {
        "schema": 1,
        "timezone": "Europe/Zurich",
        "events": [draw(event_tables(i)) for i in range(count)],
    }


def check_commands(runner: CliRunner, path: Path, ids: list[str]) -> None:
    base = ["--calendar", str(path), "--today", "2026-06-01"]
    commands = [["list"], ["list", "-f", "json"], ["upcoming", "--days", "400"], ["export"]]
    commands += [["show", i] for i in ids[:2]]
    for command in commands:
        result = runner.invoke(app, [*base, *command])
        if command == ["export"] and result.exit_code == 1:  # no event with announced days
            assert "nothing to export" in result.stderr
            continue
        assert result.exit_code == 0, (command, result.stderr, result.exception)
        assert "\x1b" not in result.stdout


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(document=documents())
def test_any_calendar_loads_or_fails_with_our_error_and_every_command_copes(
    tmp_path: Path, document: dict[str, object]
) -> None:
    path = tmp_path / "fuzz.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    try:
        calendar = load([path])
    except TimelineError:
        result = CliRunner().invoke(app, ["--calendar", str(path), "list"])
        assert result.exit_code == 2
        assert "Traceback" not in result.stderr
        return
    runner = CliRunner()
    check_commands(runner, path, [e.id for e in calendar.events])
    exported = runner.invoke(
        app, ["--calendar", str(path), "--today", "2026-06-01", "export", "--no-deadlines"]
    )
    wanted = sorted(ics_text(e.title) for e in calendar.events if not e.is_approximate)
    if not wanted:
        assert (exported.exit_code, exported.stdout) == (1, "")
        return
    summaries = sorted(
        str(c["summary"])
        for c in icalendar.Calendar.from_ical(exported.stdout_bytes).walk("VEVENT")
    )
    assert summaries == wanted


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(title=TEXT, location=TEXT, tag=TEXT)
def test_add_then_remove_leaves_the_file_byte_identical(
    tmp_path: Path, title: str, location: str, tag: str
) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        toml_text.dumps(
            tomllib.loads(
                HEADER + '[[events]]\nid = "k"\ntitle = "Kept"\nbody = "UN"\n'
                'kind = "forum"\nstart = 2027-01-01\n'
            )
        )
    )
    before = path.read_bytes()
    runner = CliRunner()
    added = runner.invoke(
        app,
        [
            "add",
            "--id",
            "fuzz",
            "--title",
            title,
            "--start",
            "2027-02-01",
            "--body",
            "ITU",
            "--kind",
            "other",
            "--location",
            location,
            "--tag",
            tag,
            "--calendar",
            str(path),
        ],
    )
    if added.exit_code != 0:  # e.g. a blank title: refused, and the file untouched
        assert added.exit_code == 2
        assert path.read_bytes() == before
        return
    removed = runner.invoke(app, ["remove", "fuzz", "--yes", "--calendar", str(path)])
    assert removed.exit_code == 0, removed.stderr
    assert path.read_bytes() == before
    assert (
        json.loads(runner.invoke(app, ["--calendar", str(path), "list", "-f", "json"]).stdout)[0][
            "id"
        ]
        == "k"
    )
    assert os.path.exists(path)
