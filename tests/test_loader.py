"""Loading calendar files: every problem reported with file, event and field; never a traceback."""

import os
from pathlib import Path

import pytest

from itu_timeline.base.errors import CalendarInvalid, CalendarUnreadable
from itu_timeline.core.loader import default_sources, load, user_path
from itu_timeline.core.model import Precision, Status

from .conftest import HEADER, Run, WriteCalendar

BAD = Path(__file__).parent / "data" / "bad"

BAD_FILES = [
    ("syntax.toml", ["syntax.toml:6:11:", "invalid TOML"]),
    ("impossible-date.toml", ["impossible-date.toml:", "invalid TOML"]),
    ("missing-start.toml", ["event 'no-start'", "field 'start'", "missing"]),
    ("typo-key.toml", ["event 'typo'", "field 'strat'", "did you mean 'start'"]),
    ("wrong-type.toml", ["event 'quoted'", "field 'start'", "must be a date", "without quotes"]),
    ("end-before-start.toml", ["event 'backwards'", "field 'end'", "before start"]),
    ("unknown-zone.toml", ["event 'zone'", "field 'timezone'", "Europe/Geneva"]),
    ("bad-enum.toml", ["event 'enum'", "field 'body'", "'ITU-X' is not one of"]),
    ("duplicate-id.toml", ["event 'twice'", "field 'id'", "duplicate id; event #1"]),
    ("bad-precision.toml", ["event 'approx'", "field 'start'", "1st of a month"]),
    ("not-utf8.toml", ["not-utf8.toml", "not UTF-8"]),
]


@pytest.mark.parametrize(("name", "fragments"), BAD_FILES)
def test_each_bad_file_is_a_located_message_on_stderr_and_exit_2(
    run: Run, name: str, fragments: list[str]
) -> None:
    result = run("list", calendars=[BAD / name])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("itu-timeline: error: ")
    for fragment in fragments:
        assert fragment in result.stderr


def test_every_problem_of_a_file_is_listed_one_per_line() -> None:
    with pytest.raises(CalendarInvalid) as caught:
        load([BAD / "several-problems.toml"])
    lines = caught.value.lines()
    assert any("event 'many'" in line and "field 'end'" in line for line in lines)
    assert any("event 'many'" in line and "field 'status'" in line for line in lines)
    assert any("event #2" in line and "field 'id'" in line for line in lines)
    assert len(lines) == 3


def test_problems_in_several_files_are_reported_together() -> None:
    with pytest.raises(CalendarInvalid) as caught:
        load([BAD / "typo-key.toml", BAD / "bad-enum.toml"])
    text = "\n".join(caught.value.lines())
    assert "typo-key.toml" in text
    assert "bad-enum.toml" in text


@pytest.mark.parametrize("kind", ["missing", "directory", "fifo"])
def test_paths_that_are_not_calendar_files_are_one_line_errors(
    run: Run, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "x.toml"
    if kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    result = run("list", calendars=[path])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert str(path) in result.stderr


def test_a_permission_error_becomes_one_calendar_unreadable_error(
    write_calendar: WriteCalendar, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_calendar()

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    # The tests may run as root, who can read a chmod-000 file; so the OS refusal is simulated.
    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(CalendarUnreadable, match="permission denied"):
        load([path])


def test_a_later_file_overrides_an_earlier_event_with_the_same_id(
    write_calendar: WriteCalendar,
) -> None:
    first = write_calendar(name="a.toml")
    second = write_calendar(
        HEADER + '[[events]]\nid = "pp-26"\ntitle = "PP-26 (my copy)"\nbody = "ITU"\n'
        'kind = "plenipotentiary"\nstart = 2026-11-09\nend = 2026-11-27\n',
        name="b.toml",
    )
    calendar = load([first, second])
    event = calendar.event("pp-26")
    assert event is not None
    assert event.title == "PP-26 (my copy)"
    assert event.origin == second
    assert len([e for e in calendar.events if e.id == "pp-26"]) == 1


def test_defaults_apply_timezone_status_end_and_precision(write_calendar: WriteCalendar) -> None:
    calendar = load([write_calendar()])
    by_id = {e.id: e for e in calendar.events}
    assert by_id["c26"].timezone == "Europe/Zurich"  # the file's
    assert by_id["pp-26"].timezone == "Asia/Qatar"  # its own
    assert by_id["c26"].status is Status.CONFIRMED
    assert by_id["c27"].precision is Precision.MONTH
    assert calendar.name == "Test calendar"


def test_end_defaults_to_start(write_calendar: WriteCalendar) -> None:
    path = write_calendar(
        HEADER + '[[events]]\nid = "one-day"\ntitle = "T"\nbody = "UN"\nkind = "forum"\n'
        "start = 2026-07-06\n"
    )
    event = load([path]).events[0]
    assert event.end == event.start


def test_sources_come_from_options_then_environment_then_defaults(tmp_path: Path) -> None:
    env = {"ITU_TIMELINE_CALENDAR": "/a.toml:/b.toml", "XDG_DATA_HOME": str(tmp_path)}
    assert default_sources(["/c.toml"], env) == [Path("/c.toml")]
    assert default_sources([], env) == [Path("/a.toml"), Path("/b.toml")]
    no_user = {"XDG_DATA_HOME": str(tmp_path)}
    assert len(default_sources([], no_user)) == 1  # only the bundled calendar
    user_path(no_user).parent.mkdir(parents=True)
    user_path(no_user).write_text("schema = 1\n")
    assert default_sources([], no_user)[1] == tmp_path / "itu-timeline" / "events.toml"
