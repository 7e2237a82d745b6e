"""`remind` for cron: every threshold of every item reported exactly once over a month."""

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

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
