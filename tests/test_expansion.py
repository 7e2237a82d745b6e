"""Recurrences are expanded within bounds whatever the file says, and a recurrence with a time
of day keeps every occurrence."""

import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from itu_timeline.store import expansion
from itu_timeline.store.importer import ImportOptions, collect

from .conftest import Run
from .test_feeds import Server, cli, home, send, server

__all__ = ["home", "server"]  # the fixtures of test_feeds.py: the same user, a server on 127.0.0.1

WINDOW = (date(2025, 12, 2), date(2029, 12, 3))


def ics(tmp_path: Path, *events: str) -> Path:
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:{n}@x\r\nDTSTAMP:20260101T000000Z\r\n{e}\r\nEND:VEVENT\r\n"
        for n, e in enumerate(events)
    )
    path = tmp_path / "r.ics"
    path.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n{body}END:VCALENDAR\r\n")
    return path


def test_an_hourly_rule_over_a_week_gives_168_occurrences(tmp_path: Path) -> None:
    path = ics(tmp_path, "DTSTART:20270104T000000Z\r\nDTEND:20270104T003000Z\r\n"
               "SUMMARY:Hourly\r\nRRULE:FREQ=HOURLY;UNTIL=20270110T235959Z")  # fmt: skip
    batch = collect(path, ImportOptions(), *WINDOW)
    assert len(batch.events) == 168
    assert batch.reading.skipped == []
    assert "0@x#2027-01-04T05:00:00Z" in {e["uid"] for e in batch.events}


def test_a_weekly_series_keeps_uids_of_its_days(tmp_path: Path) -> None:
    weekly = "DTSTART:20270104T090000Z\r\nDTEND:20270104T100000Z\r\nRRULE:FREQ=WEEKLY;COUNT=3"
    path = ics(tmp_path, weekly)
    uids = sorted(e["uid"] for e in collect(path, ImportOptions(), *WINDOW).events)
    assert uids == ["0@x#2027-01-04", "0@x#2027-01-11", "0@x#2027-01-18"]


def test_an_endless_minutely_series_is_cut_at_the_series_cap(tmp_path: Path) -> None:
    path = ics(tmp_path, "DTSTART:20260101T000000Z\r\nDURATION:PT1M\r\nSUMMARY:Every minute\r\n"
               "RRULE:FREQ=MINUTELY")  # fmt: skip
    batch = collect(path, ImportOptions(), *WINDOW)
    assert len(batch.events) == expansion.SERIES_CAP
    [line] = batch.reading.capped
    assert "'0@x (Every minute)'" in line
    assert "cut after 2,000 occurrences, the last on 2026-01-02" in line


def test_a_series_too_dense_before_the_window_is_skipped_and_named(tmp_path: Path) -> None:
    path = ics(tmp_path, "DTSTART:20000101T000000Z\r\nSUMMARY:Since 2000\r\nRRULE:FREQ=MINUTELY")
    started = time.process_time()  # CPU time: the machine may be shared
    batch = collect(path, ImportOptions(), *WINDOW)
    assert time.process_time() - started < 20
    assert batch.events == []
    [skipped] = batch.reading.skipped
    assert skipped.name == "0@x (Since 2000)"
    assert skipped.reason == "it recurs more than 50,000 times before 2025-12-02"


def test_the_file_cap_covers_all_its_series(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(expansion, "FILE_CAP", 30)
    daily = "DTSTART;VALUE=DATE:20270101\r\nSUMMARY:Daily\r\nRRULE:FREQ=DAILY;COUNT=20"
    batch = collect(ics(tmp_path, daily, daily, daily), ImportOptions(), *WINDOW)
    assert len(batch.events) == 30
    assert len(batch.reading.capped) == 1  # the second series, cut at ten
    [skipped] = batch.reading.skipped
    assert skipped.reason == "the file's recurring events reached 30 occurrences"


def test_a_rule_that_searches_for_ever_is_stopped_by_the_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(expansion, "FILE_SECONDS", 1.0)
    never = (
        "DTSTART:20260101T000000Z\r\nSUMMARY:Never\r\nRRULE:FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30"
    )
    weekly = "DTSTART:20270104T090000Z\r\nSUMMARY:Weekly\r\nRRULE:FREQ=WEEKLY;COUNT=3"
    started = time.process_time()  # CPU time: the machine may be shared
    batch = collect(ics(tmp_path, never, weekly), ImportOptions(), *WINDOW)
    assert time.process_time() - started < 10  # the rule alone searches for a minute
    reasons = {s.name: s.reason for s in batch.reading.skipped}
    assert reasons["0@x (Never)"] == "expanding the file's recurring events took 1 s"
    assert "1@x (Weekly)" in reasons  # the file's time is used up


MINUTELY = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:every-minute@x\r\n"
    "DTSTAMP:20260101T000000Z\r\nDTSTART:20260101T000000Z\r\nDTEND:20260101T000100Z\r\n"
    "SUMMARY:Every minute\r\nRRULE:FREQ=MINUTELY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
LIMITED = """\
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024,) * 2)
sys.argv = ["itu-timeline", "--today", "2026-12-03", "import", sys.argv[1], "-c", sys.argv[2]]
from itu_timeline.cli.main import main
main()
"""


def test_import_of_an_endless_minutely_rule_under_1_5_gb_ends_in_30_s(tmp_path: Path) -> None:
    source = tmp_path / "minutely.ics"
    source.write_text(MINUTELY)
    assert len(source.read_bytes()) < 231
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-c", LIMITED, str(source), str(tmp_path / "mine.toml")],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds: the machine running the tests may be shared (about 3 s when it is not)
    assert after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime < 30
    assert done.returncode in (0, 2), done.stderr
    assert "'every-minute@x (Every minute)' recurs more often than is imported" in done.stderr


def test_an_ics_file_over_the_size_limit_is_one_error(
    tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ITU_TIMELINE_MAX_MIB", "1")
    big = ics(tmp_path, "DTSTART;VALUE=DATE:20270101\r\nSUMMARY:" + "x" * (1024 * 1024))
    result = run("import", str(big), "--calendar", str(tmp_path / "mine.toml"))
    assert result.exit_code == 2
    assert result.stderr == (
        f"itu-timeline: error: {big}: over the limit of 1048576 bytes "
        "(set ITU_TIMELINE_MAX_MIB to allow more)\n"
    )
    assert not (tmp_path / "mine.toml").exists()


def test_a_feed_is_bounded_the_same_way_and_says_which_series_it_cut(
    server: Server, home: dict[str, str]
) -> None:
    server.routes["/minutely.ics"] = send(MINUTELY.encode())
    result = cli(
        home, "feeds", "add", server.url + "/minutely.ics", "--name", "m", today="2026-12-03"
    )
    assert result.exit_code == 0, result.stderr
    assert "feed 'm': 'every-minute@x (Every minute)' recurs more often than is imported: cut " \
        "after 2,000 occurrences" in result.stderr  # fmt: skip
