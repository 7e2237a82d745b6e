"""digest --days N covers exactly N days: today and the N-1 days after it."""

from .conftest import HEADER, Run, WriteCalendar


def one_day(event_id: str, day: str) -> str:
    return f"""
[[events]]
id = "{event_id}"
title = "Meeting {event_id}"
body = "ITU"
kind = "council"
start = {day}
"""


def test_a_week_is_today_and_the_six_days_after(run: Run, write_calendar: WriteCalendar) -> None:
    text = HEADER + "".join(one_day(f"d{n}", f"2026-06-{1 + n:02d}") for n in (0, 6, 7))
    result = run("digest", "--format", "text", calendars=[write_calendar(text)])
    assert result.exit_code == 0, result.stderr
    assert "Meeting d0" in result.stdout
    assert "Meeting d6" in result.stdout
    assert "Meeting d7" not in result.stdout
    assert "Monday 1 June 2026 to Sunday 7 June 2026" in result.stdout


def test_one_day_is_today_only(run: Run, write_calendar: WriteCalendar) -> None:
    text = HEADER + one_day("d0", "2026-06-01") + one_day("d1", "2026-06-02")
    result = run("digest", "--days", "1", "--format", "text", calendars=[write_calendar(text)])
    assert "Meeting d0" in result.stdout
    assert "Meeting d1" not in result.stdout
