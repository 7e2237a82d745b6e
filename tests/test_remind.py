"""`remind` for cron: every threshold of every item reported exactly once over a month, by
overlapping runs too; a state file of the wrong shape is one line, never a traceback."""

import os
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from filelock import FileLock

from .conftest import HEADER, Run, WriteCalendar

CALENDAR = (
    HEADER
    + """
[[events]]
id = "sg17"
title = "ITU-T SG17 meeting"
body = "ITU-T"
kind = "study-group"
start = 2027-03-20
end = 2027-03-26

[[events.deadlines]]
name = "Contributions due"
at = 2027-03-08
"""
)


def days(first: date, count: int) -> list[str]:
    return [(first + timedelta(days=i)).isoformat() for i in range(count)]


def remind(run: Run, path: Path, state: Path, today: str, *extra: str) -> list[str]:
    result = run(
        "--tz",
        "Europe/Zurich",
        "remind",
        "--at",
        "14,7,1,0",
        "--state",
        str(state),
        *extra,
        calendars=[path],
        today=today,
    )
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()


@pytest.mark.parametrize("skipped", [set(), {"2027-03-07", "2027-03-13", "2027-03-14"}])
def test_a_month_of_daily_runs_reports_each_threshold_once(
    run: Run, write_calendar: WriteCalendar, tmp_path: Path, skipped: set[str]
) -> None:
    path = write_calendar(CALENDAR)
    state = tmp_path / "state" / "remind.toml"
    said: list[tuple[str, str]] = []
    for today in days(date(2027, 2, 15), 40):
        if today in skipped:
            continue  # the machine was off
        said += [(today, line) for line in remind(run, path, state, today)]
        assert remind(run, path, state, today) == []  # a second run the same day repeats nothing
    per_type = Counter("deadline" if "  deadline  " in line else "event" for _, line in said)
    reported_days = [today for today, _ in said]
    if not skipped:
        # the deadline at 14, 7, 1, 0 days; the event at 14, 7, 1, 0 days
        assert reported_days == [
            "2027-02-22",
            "2027-03-01",
            "2027-03-06",
            "2027-03-07",
            "2027-03-08",
            "2027-03-13",
            "2027-03-19",
            "2027-03-20",
        ]
    else:
        # 03-07 (the deadline's 1-day mark) and the event's 7-day mark (03-13) were missed:
        # the next run says only the tightest newly crossed threshold, once.
        assert reported_days == [
            "2027-02-22",
            "2027-03-01",
            "2027-03-06",
            "2027-03-08",
            "2027-03-15",
            "2027-03-19",
            "2027-03-20",
        ]
    assert per_type == {"deadline": 4 - len(skipped & {"2027-03-07"}), "event": 4}


def test_dry_run_remembers_nothing(run: Run, write_calendar: WriteCalendar, tmp_path: Path) -> None:
    path = write_calendar(CALENDAR)
    state = tmp_path / "remind.toml"
    first = remind(run, path, state, "2027-03-06", "--dry-run")
    assert len(first) == 2  # the deadline at 7 days, the event at 14
    assert not state.exists()
    assert remind(run, path, state, "2027-03-06", "--dry-run") == first


def test_a_damaged_state_file_is_an_error_and_is_left_as_it_was(
    run: Run, write_calendar: WriteCalendar, tmp_path: Path
) -> None:
    path = write_calendar(CALENDAR)
    state = tmp_path / "remind.toml"
    state.write_text("reported = [ not toml")
    result = run("remind", "--state", str(state), calendars=[path], today="2027-03-06")
    assert result.exit_code == 2
    assert "reminder state is damaged" in result.stderr
    assert state.read_text() == "reported = [ not toml"


def test_entries_of_items_long_past_are_pruned(
    run: Run, write_calendar: WriteCalendar, tmp_path: Path
) -> None:
    path = write_calendar(CALENDAR)
    state = tmp_path / "remind.toml"
    remind(run, path, state, "2027-03-08")
    assert "Contributions due" in state.read_text()
    remind(run, path, state, "2027-05-01")
    assert "Contributions due" not in state.read_text()


def test_bad_thresholds_are_a_usage_error(run: Run, tmp_path: Path) -> None:
    result = run("remind", "--at", "7,soon", "--state", str(tmp_path / "s.toml"))
    assert result.exit_code == 2
    assert "--at: cannot read the thresholds" in result.stderr


def test_a_day_written_as_text_is_one_line_and_the_state_is_left_as_it_was(
    run: Run, write_calendar: WriteCalendar, tmp_path: Path
) -> None:
    path = write_calendar(CALENDAR)
    state = tmp_path / "remind.toml"
    text = (
        'schema = 1\n\n[[reported]]\nkey = "event:sg17@2027-03-20"\nday = "x"\nthresholds = [14]\n'
    )
    state.write_text(text)
    result = run("remind", "--state", str(state), calendars=[path], today="2027-03-06")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"itu-timeline: error: {state}: the reminder state is damaged: entry "
        "'event:sg17@2027-03-20': 'day' is text ('x'), not a date like 2027-03-08; it was left "
        "as it is; move it away to start afresh, or point --state elsewhere\n"
    )
    assert state.read_text() == text


TOOL = Path(sys.executable).parent / "itu-timeline"


def start_remind(calendar: Path, state: Path, cache: Path) -> "subprocess.Popen[str]":
    """`remind` in a process of its own, as cron starts it, with a cache of its own."""
    return subprocess.Popen(
        [str(TOOL), "--today", "2027-03-06", "--calendar", str(calendar), "remind",
         "--at", "14,7,1,0", "--state", str(state)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "XDG_CACHE_HOME": str(cache)},
    )  # fmt: skip


MANY = "".join(
    f'\n[[events]]\nid = "m{n}"\ntitle = "Meeting {n}"\nbody = "ITU"\nkind = "other"\n'
    f"start = 2027-03-{n % 14 + 7:02}\n"
    for n in range(1500)
)


def test_two_runs_started_together_print_each_reminder_once_in_total(
    write_calendar: WriteCalendar, tmp_path: Path
) -> None:
    """1,500 meetings in the next two weeks: a run takes a while between reading and writing
    the state, so without the lock both runs would report most of them."""
    path = write_calendar(CALENDAR + MANY)
    state = tmp_path / "state" / "remind.toml"
    runs = [start_remind(path, state, tmp_path / f"cache{n}") for n in (1, 2)]
    outputs = [r.communicate(timeout=120) for r in runs]
    assert [r.returncode for r in runs] == [0, 0], outputs
    lines = [line for out, _ in outputs for line in out.splitlines()]
    assert len(lines) == 1502  # the meetings, the deadline at 7 days, the event at 14
    assert len(set(lines)) == 1502


def test_a_run_waits_while_another_holds_the_states_lock(
    write_calendar: WriteCalendar, tmp_path: Path
) -> None:
    path = write_calendar(CALENDAR)
    state = tmp_path / "remind.toml"
    with FileLock(f"{state}.lock"):
        waiting = start_remind(path, state, tmp_path / "cache")
        time.sleep(2)
        assert waiting.poll() is None  # it waits for the lock, before it reads the state
        assert not state.exists()
    out, err = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, err
    assert len(out.splitlines()) == 2
    assert state.exists()
