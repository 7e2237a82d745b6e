"""`upcoming` answers "what is new to act on in the window": an event whose days are not
announced is news only in the window its period begins in, and countdowns are true in the
reader's zone."""

import json
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from .conftest import HEADER, Run, WriteCalendar, app

UTC_ZONE = ZoneInfo("UTC")

UNDATED = (
    HEADER
    + """
[[events]]
id = "wtsa-28"
title = "WTSA-28"
body = "ITU-T"
kind = "assembly"
start = 2028-01-01
end = 2028-12-31
precision = "year"
status = "tentative"

[[events]]
id = "c27"
title = "ITU Council 2027"
body = "ITU"
kind = "council"
start = 2027-01-01
end = 2027-12-31
precision = "year"
status = "tentative"

[[events]]
id = "cpm27-2"
title = "CPM27-2"
body = "ITU-R"
kind = "preparatory"
start = 2027-04-01
end = 2027-04-30
precision = "month"
status = "tentative"
"""
)


@pytest.mark.parametrize("today", ["2027-02-15", "2027-06-10", "2028-05-10"])
def test_plain_upcoming_is_silent_on_a_day_with_nothing_new(
    run: Run, write_calendar: WriteCalendar, today: str
) -> None:
    path = write_calendar(UNDATED)
    result = run("upcoming", "--days", "7", calendars=[path], today=today)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert run("upcoming", "--check", calendars=[path], today=today).exit_code == 1


def test_a_month_is_news_once_in_the_window_it_begins_in(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(UNDATED)
    result = run("upcoming", "--days", "7", calendars=[path], today="2027-03-30")
    assert result.stdout.count("cpm27-2") == 1
    assert "2027-04" in result.stdout
    assert "dates not announced" in result.stdout
    assert result.stdout.count("dates not announced") == 1, "said once, not twice on a line"
    assert run("upcoming", "--check", calendars=[path], today="2027-03-30").exit_code == 0
    later = run("upcoming", "--days", "7", calendars=[path], today="2027-04-02")
    assert later.stdout == ""


def test_a_year_is_news_in_the_window_that_holds_its_first_day(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(UNDATED)
    result = run("upcoming", "--days", "7", calendars=[path], today="2026-12-28")
    assert len(result.stdout.splitlines()) == 1
    assert "  c27  ITU Council 2027" in result.stdout


def test_json_keeps_every_undated_event_and_says_which_are_news(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(UNDATED)
    result = run("upcoming", "-f", "JSON", "--days", "7", calendars=[path], today="2027-03-30")
    items = {i["event_id"]: i for i in json.loads(result.stdout)}
    assert set(items) == {"c27", "cpm27-2"}
    assert items["cpm27-2"]["news"] is True
    assert items["c27"]["news"] is False
    assert items["c27"]["date"] is None
    assert items["c27"]["days_left"] is None
    assert items["c27"]["period"] == "2027"


def test_a_terminal_table_names_the_rest_in_one_footer_line(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(UNDATED)
    result = run("upcoming", "-f", "table", "--days", "7", calendars=[path], today="2027-02-15")
    assert "c27" not in result.stdout.replace("list --from", "")
    footer = " ".join(result.stdout.split())
    assert "Also in 2027, dates not announced: 1 event" in footer
    assert "list --from 2027 --to 2027 --precision year" in footer


def test_the_precision_filter_keeps_only_events_announced_so(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(UNDATED)
    result = run("list", "--from", "2027", "--to", "2027", "--precision", "YEAR", calendars=[path])
    assert [line.split()[3] for line in result.stdout.splitlines()] == ["c27"]


GENEVA_DEADLINE = (
    HEADER.replace("schema = 1", "schema = 2")
    + """
[[events]]
id = "c26-final"
title = "ITU Council 2026, final meeting"
body = "ITU"
kind = "council"
start = 2026-11-07
end = 2026-11-07
location = "Doha, Qatar"
timezone = "Asia/Qatar"

[[events.deadlines]]
name = "All secretariat documents"
at = 2026-10-08
timezone = "Europe/Zurich"

[[events.deadlines]]
name = "Timed contributions"
at = 2026-10-16T23:59:00
timezone = "Europe/Zurich"
"""
)


def test_a_deadline_still_open_in_the_readers_zone_is_today(
    run: Run, write_calendar: WriteCalendar
) -> None:
    """8 October ends in Geneva at 21:59 UTC: 11:59 on the 9th in Kiribati (UTC+14)."""
    path = write_calendar(GENEVA_DEADLINE)
    args = ("--tz", "Pacific/Kiritimati", "upcoming", "--days", "2")
    item = json.loads(run(*args, "-f", "json", calendars=[path], today="2026-10-09").stdout)[0]
    assert (item["deadline"], item["date"], item["days_left"]) == (
        "All secretariat documents",
        "2026-10-08",
        0,
    )
    assert (item["countdown"], item["urgency"]) == ("today", "now")
    line = run(*args, calendars=[path], today="2026-10-09").stdout
    assert line.startswith("!!2026-10-08")
    assert "today" in line
    assert "(until 2026-10-09 12:00 your time)" in line


def test_the_reader_in_the_deadlines_own_zone_sees_no_local_moment(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(GENEVA_DEADLINE)
    out = run("--tz", "Europe/Zurich", "upcoming", calendars=[path], today="2026-10-07").stdout
    assert "your time" not in out


def test_urgency_marks_are_the_same_for_events_and_deadlines(
    run: Run, write_calendar: WriteCalendar
) -> None:
    """Seven days away is '! ' for a deadline at 23:59 as for a meeting."""
    path = write_calendar(GENEVA_DEADLINE)
    out = run(
        "--tz", "Europe/Zurich", "upcoming", "--days", "40", calendars=[path], today="2026-10-09"
    ).stdout
    deadline = next(line for line in out.splitlines() if "Timed contributions" in line)
    assert deadline.startswith("! 2026-10-16 23:59")
    meeting = run(
        "--tz", "Europe/Zurich", "upcoming", calendars=[path], today="2026-10-31"
    ).stdout.splitlines()[-1]
    assert meeting.startswith("! 2026-11-07")


@pytest.mark.parametrize(
    ("args", "env", "named"),
    [
        (["--today", "2026/12/03", "list"], {}, "--today: cannot read the date '2026/12/03'"),
        (["list"], {"ITU_TIMELINE_TODAY": "bogus"}, "ITU_TIMELINE_TODAY: cannot read"),
        (["list"], {"ITU_TIMELINE_TZ": "Bad/Zone"}, "ITU_TIMELINE_TZ: unknown time zone"),
        (["--tz", "europe/zurich", "list"], {}, "did you mean Europe/Zurich?"),
        (["list", "--tag"], {}, " list --help"),
    ],
)
def test_an_error_names_the_option_or_variable_it_came_from(
    sample: Path, args: list[str], env: dict[str, str], named: str
) -> None:
    result = CliRunner().invoke(app, ["--calendar", str(sample), *args], env=env)
    assert result.exit_code == 2
    assert named in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_every_bad_option_of_add_is_reported_at_once_as_an_option(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    result = run(
        *("add", "--id", "z-2027", "--title", "Z", "--body", "ITU", "--kind", "other"),
        *("--start", "2027-02-01", "--end", "2027-01-01", "--timezone", "Mars/X"),
        *("--calendar", str(path)),
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "itu-timeline: error: --timezone: unknown time zone 'Mars/X'; "
        "use an IANA name such as Europe/Zurich or UTC",
        "itu-timeline: error: --end: 2027-01-01 is before --start 2027-02-01",
    ]
    assert not path.exists()


def test_a_deadline_typed_with_its_zone_keeps_that_zone(run: Run, tmp_path: Path) -> None:
    """23:59 Geneva, as the ITU means it, for a meeting in Doha."""
    path = tmp_path / "mine.toml"
    run(
        *("add", "--id", "pp", "--title", "PP", "--body", "ITU", "--kind", "plenipotentiary"),
        *("--start", "2026-11-09", "--timezone", "Asia/Qatar", "--calendar", str(path)),
        *("--deadline", "Candidatures@2026-10-12T23:59 Europe/Zurich"),
    )
    out = run("--tz", "UTC", "show", "pp", calendars=[path], today="2026-10-01").stdout
    assert "2026-10-12 21:59 UTC" in out
    bad = run("edit", "pp", "--deadline", "X@2026-10-01 Mars/X", "--calendar", str(path))
    assert bad.exit_code == 2
    assert "--deadline: unknown time zone 'Mars/X'" in bad.stderr


def test_unknown_feed_and_tag_values_get_a_note(run: Run) -> None:
    feed = run("list", "--feed", "nosuch", env={"XDG_CONFIG_HOME": "/nonexistent"})
    assert (feed.exit_code, feed.stdout) == (0, "")
    assert "--feed: no subscribed feed is named 'nosuch'" in feed.stderr
    tag = run("list", "--tag", "nosuchtag")
    assert "--tag: no event has the tag 'nosuchtag'" in tag.stderr
    assert "no event has" not in run("list", "--tag", "CYBER").stderr


def test_a_narrow_table_keeps_words_whole_and_files_a_year_under_its_year(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(
        UNDATED
        + """
[[events]]
id = "pp-26"
title = "Plenipotentiary Conference 2026 (PP-26)"
body = "ITU"
kind = "plenipotentiary"
start = 2026-11-09
end = 2026-11-27
location = "Doha, Qatar"
"""
    )
    narrow = CliRunner().invoke(
        app, ["-c", str(path), "list", "-f", "table"], env={"COLUMNS": "60"}, terminal_width=60
    )
    words = narrow.stdout.split()
    assert "plenipotentiary" in words
    assert "Plenipotentiary" in words
    wide = run("list", "-f", "table", calendars=[path], env={"COLUMNS": "100"}).stdout
    assert "January" not in wide
    assert "│2027 " in wide


BARE_VEVENT = (
    "BEGIN:VEVENT\r\nUID:bare@example.org\r\nDTSTAMP:20260101T000000Z\r\n"
    "DTSTART;VALUE=DATE:20270301\r\nSUMMARY:A meeting sent as a bare VEVENT\r\nEND:VEVENT\r\n"
)


def test_import_reads_a_bare_vevent_as_mail_clients_send_it(run: Run, tmp_path: Path) -> None:
    source, target = tmp_path / "invite.ics", tmp_path / "mine.toml"
    source.write_text(BARE_VEVENT)
    result = run("import", str(source), "--calendar", str(target))
    assert result.exit_code == 0, result.stderr
    assert "1 added" in result.stdout
    assert "A meeting sent as a bare VEVENT" in run("list", calendars=[target]).stdout


def test_a_bare_vtodo_is_counted_and_skipped(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "todo.ics"
    source.write_text("BEGIN:VTODO\r\nUID:t@example.org\r\nSUMMARY:Write\r\nEND:VTODO\r\n")
    result = run("import", str(source), "--calendar", str(tmp_path / "mine.toml"))
    assert result.exit_code == 0
    assert "not imported: 1 VTODO" in result.stdout


def test_one_bad_line_outside_every_event_loses_only_itself(run: Run, tmp_path: Path) -> None:
    source, target = tmp_path / "damaged.ics", tmp_path / "mine.toml"
    body = BARE_VEVENT.replace("bare@", "kept@")
    source.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nno colon here\r\n{body}END:VCALENDAR\r\n")
    result = run("import", str(source), "--calendar", str(target))
    assert result.exit_code == 0, result.stderr
    assert "1 added" in result.stdout
    assert "1 line outside any event could not be read: skipped" in result.stderr


def test_a_chart_of_an_empty_range_is_a_sentence_not_a_frame(run: Run) -> None:
    result = run("chart", "--from", "2040", "--to", "2040")
    assert result.exit_code == 0
    assert result.stdout == "No events from 2040-01-01 to 2040-12-31.\n"


def test_without_colour_the_legend_names_no_body_it_cannot_show(
    write_calendar: WriteCalendar,
) -> None:
    """With NO_COLOR every body's bar is the same glyph: a key 'ITU ITU-T' would lie."""
    from itu_timeline.core.loader import load
    from itu_timeline.render.chart import MONOCHROME, UNICODE, chart_lines

    events = load([write_calendar()]).events
    args = (events, [], date(2026, 1, 1), date(2026, 12, 31), date(2026, 6, 1), 100, UTC_ZONE)
    coloured = chart_lines(*args, by="kind", glyphs=UNICODE)[-1].plain
    plain = [line.plain for line in chart_lines(*args, by="kind", glyphs=MONOCHROME)]
    assert "█ ITU-T" in coloured
    assert not any("█ ITU" in line for line in plain)
    assert any("--by body" in line for line in plain)


def test_show_draws_no_length_for_an_end_not_announced(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    run(
        *("add", "--id", "open", "--title", "Open", "--body", "ITU", "--kind", "other"),
        *("--start", "2026-06-10", "--end", "unknown", "--calendar", str(path)),
    )
    [row] = [line for line in run("show", "open", calendars=[path]).stdout.splitlines()
             if line.startswith("Open ")]  # fmt: skip
    assert row.count("=") == 1
    assert "=?" in row


@pytest.mark.parametrize(
    "args", [["list", "-f", "JSON"], ["chart", "--by", "KIND"], ["digest", "-f", "Text"]]
)
def test_every_choice_is_read_in_any_case(run: Run, args: list[str]) -> None:
    assert run(*args).exit_code == 0


@pytest.mark.parametrize("command", ["upcoming", "remind", "digest", "chart"])
def test_a_today_near_the_end_of_time_is_one_line_not_a_traceback(run: Run, command: str) -> None:
    result = run(command, today="9999-12-31")
    assert result.exit_code == 2
    assert result.stderr.startswith("itu-timeline: error: --today: 9999-12-31 is too far")


def test_the_last_month_a_calendar_holds_is_a_month(run: Run) -> None:
    result = run("list", "--from", "9999-12")
    assert (result.exit_code, result.stderr) == (0, "")


def test_a_series_skipped_for_one_cause_is_one_warning_and_one_count(
    run: Run, tmp_path: Path
) -> None:
    """An endless rule of zero-length occurrences: thousands skipped, said in two lines."""
    source = tmp_path / "seconds.ics"
    source.write_text(
        "BEGIN:VEVENT\r\nUID:s@example.org\r\nSUMMARY:Every second\r\n"
        "DTSTART:20270301T100000Z\r\nRRULE:FREQ=SECONDLY\r\nEND:VEVENT\r\n"
    )
    result = run("import", str(source), "--calendar", str(tmp_path / "mine.toml"))
    assert result.exit_code == 0
    skipped = [line for line in result.stderr.splitlines() if "skipped:" in line]
    assert len(skipped) == 1
    assert "(and 1,999 more occurrences, for the same cause)" in skipped[0]
    assert "2000 skipped (2000: end: … is not after start …)" in result.stdout
