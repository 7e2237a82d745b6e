"""`upcoming`, `show` and `validate` through the CLI: formats, streams and exit codes."""

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import HEADER, Run, WriteCalendar
from .conftest import RULED as RULED_SG17

RULED = (
    RULED_SG17
    + """
[[events]]
id = "c27"
title = "ITU Council 2027"
body = "ITU"
kind = "council"
start = 2027-03-09
end = 2027-03-12

[[events.deadlines]]
name = "Member State contributions"
at = 2027-02-23
"""
)


def test_upcoming_json_lists_rule_and_at_deadlines_with_days_left(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(RULED)
    result = run(
        "--tz",
        "Europe/Zurich",
        "upcoming",
        "--days",
        "30",
        "--format",
        "json",
        calendars=[path],
        today="2027-02-20",
    )
    items = json.loads(result.stdout)
    assert [(i["type"], i["event_id"], i["date"], i["days_left"]) for i in items] == [
        ("deadline", "c27", "2027-02-23", 3),
        ("deadline", "sg17-2027-03", "2027-03-03", 11),
        ("event", "c27", "2027-03-09", 17),
        ("event", "sg17-2027-03", "2027-03-15", 23),
    ]
    assert items[0]["due"] == "2027-02-23T23:59:00+01:00"
    assert items[2]["due"] is None
    assert {"type", "event_id", "title", "body", "kind", "date", "due", "days_left"} <= set(
        items[0]
    )


def test_due_is_shown_in_the_display_zone(run: Run, write_calendar: WriteCalendar) -> None:
    path = write_calendar(RULED)
    args = ("upcoming", "--days", "5", "--format", "json")
    tokyo = json.loads(
        run("--tz", "Asia/Tokyo", *args, calendars=[path], today="2027-02-20").stdout
    )
    assert tokyo[0]["due"] == "2027-02-24T07:59:00+09:00"
    assert tokyo[0]["date"] == "2027-02-24"


def test_plain_upcoming_is_quiet_when_nothing_is_due_and_check_says_so_by_exit_code(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(RULED)
    quiet = run("upcoming", "--days", "7", calendars=[path], today="2027-06-01")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")
    nothing = run("upcoming", "--check", "--days", "7", calendars=[path], today="2027-06-01")
    assert (nothing.exit_code, nothing.stdout) == (1, "")
    something = run("upcoming", "--check", "--days", "7", calendars=[path], today="2027-02-20")
    assert (something.exit_code, something.stdout) == (0, "")


def test_plain_lines_mark_urgency_and_name_the_deadline(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(RULED)
    result = run("--tz", "UTC", "upcoming", calendars=[path], today="2027-02-23")
    first = result.stdout.splitlines()[0]
    assert first.startswith("!!2027-02-23 22:59 UTC   today")
    assert "deadline  ITU    c27  Deadline: Member State contributions — ITU Council 2027" in first


def test_cron_like_environment_gets_plain_text_and_no_traceback(
    write_calendar: WriteCalendar,
) -> None:
    """`env -i PATH=... itu-timeline --today ... upcoming | cat`, as cron runs it."""
    path = write_calendar(RULED)
    command = [
        sys.executable,
        "-m",
        "itu_timeline",
        "--calendar",
        str(path),
        "--today",
        "2027-02-20",
        "upcoming",
        "--days",
        "7",
    ]
    # As bare as cron, but with the test's private cache folder instead of $HOME/.cache.
    env = {"PATH": os.environ.get("PATH", ""), "XDG_CACHE_HOME": os.environ["XDG_CACHE_HOME"]}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout
    assert done.stdout.count("\n") == 1
    assert done.stderr == ""
    empty = subprocess.run(
        [*command[:-1], "0"], env=env, capture_output=True, text=True, check=False
    )
    assert (empty.returncode, empty.stdout, empty.stderr) == (0, "", "")


def test_show_prints_the_event_and_its_deadlines_with_countdowns(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(RULED)
    result = run(
        "--tz", "Europe/Zurich", "show", "sg17-2027-03", calendars=[path], today="2027-02-20"
    )
    assert result.exit_code == 0
    assert "Event:     ITU-T SG17 meeting" in result.stdout
    assert "Dates:     2027-03-15..2027-03-24 (10 days)" in result.stdout
    assert "  2027-03-03 23:59 CET   in 11 days    Contributions due" in result.stdout


def test_show_an_unknown_id_suggests_close_ones(run: Run) -> None:
    result = run("show", "pp26")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no event with id 'pp26'; did you mean 'pp-26'" in result.stderr


def test_validate_reports_errors_with_exit_1_and_warnings_only_fail_when_strict(
    run: Run, write_calendar: WriteCalendar
) -> None:
    bad = Path(__file__).parent / "data" / "bad" / "typo-key.toml"
    broken = run("validate", str(bad))
    assert broken.exit_code == 1
    assert "itu-timeline: error:" in broken.stderr
    assert "did you mean 'start'" in broken.stderr
    long_event = write_calendar(
        HEADER + '[[events]]\nid = "long"\ntitle = "Long"\nbody = "ITU"\nkind = "other"\n'
        'start = 2027-01-01\nend = 2027-04-01\nbasis = "official"\nsource = "a blog"\n',
        name="long.toml",
    )
    lenient = run("validate", str(long_event))
    assert lenient.exit_code == 0
    assert "lasts 91 days" in lenient.stderr
    assert "source is not an official page" in lenient.stderr
    assert "1 file: 1 event, 0 rules, 0 deadlines; 2 warnings" in lenient.stdout
    assert run("validate", "--strict", str(long_event)).exit_code == 1


def test_overdue_lists_a_past_deadline_of_a_meeting_far_beyond_the_window(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(RULED)  # SG17 on 2027-03-15: contributions due 2027-03-03
    for _ in range(2):  # the second run is served from the cache
        result = run("upcoming", "--days", "3", "--overdue", calendars=[path], today="2027-03-08")
        assert result.exit_code == 0, result.output
        assert "Contributions due" in result.stdout
        assert "5 days ago" in result.stdout
    assert "Contributions due" not in run("upcoming", "--days", "3", calendars=[path],
                                          today="2027-03-08").stdout  # fmt: skip
