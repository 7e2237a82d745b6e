"""`import` on calendars as they exist: every file of the corpus (tests/data/ics/INDEX.md says
where each shape comes from) imports without a traceback, and a second import changes
nothing. A grammar of VEVENT properties, valid and broken, checks the same for files that
nobody has written yet. And an export of the bundled calendar imports back into its fields."""

import os
import re
import traceback
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import Result

from itu_timeline.base.errors import TimelineError
from itu_timeline.core.deadlines import all_deadlines
from itu_timeline.core.loader import bundled_path, load
from itu_timeline.store.importer import ImportOptions, collect
from itu_timeline.store.merging import merge

from .conftest import Run

CORPUS = Path(__file__).parent / "data" / "ics"
FILES = sorted(CORPUS.glob("*.ics"))
FUZZ_LONG = os.environ.get("ITU_TIMELINE_FUZZ") == "long"
NOT_ICALENDAR = {"not-icalendar.ics", "html-error-page.ics"}


def no_traceback(result: Result) -> None:
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        trace = "".join(traceback.format_exception(result.exception))
        pytest.fail(f"traceback:\n{trace}")
    assert "Traceback" not in result.stderr


def test_the_corpus_is_large_and_every_file_is_indexed() -> None:
    index = (CORPUS / "INDEX.md").read_text()
    assert len(FILES) >= 100
    assert {f.name for f in FILES} == set(re.findall(r"^\| `([^`]+\.ics)` \|", index, re.M))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_file_imports_without_a_traceback_and_twice_is_once(
    path: Path, run: Run, tmp_path: Path
) -> None:
    target = tmp_path / "mine.toml"
    first = run("--tz", "Europe/Zurich", "import", str(path), "--calendar", str(target))
    no_traceback(first)
    if path.name in NOT_ICALENDAR:
        assert first.exit_code == 2
        assert first.stderr.count("\n") == 1
        assert "not an iCalendar file" in first.stderr
        return
    assert first.exit_code == 0, first.stderr
    once = target.read_bytes() if target.exists() else None
    second = run("--tz", "Europe/Zurich", "import", str(path), "--calendar", str(target))
    no_traceback(second)
    assert second.exit_code == 0, second.stderr
    assert " 0 added, 0 updated" in " " + second.stdout
    assert f"(unchanged {target})" in second.stdout
    assert (target.read_bytes() if target.exists() else None) == once


def imported(name: str, tmp_path: Path, run: Run, *options: str) -> dict[str, Any]:
    target = tmp_path / "mine.toml"
    result = run("--tz", "Europe/Zurich", "import", str(CORPUS / name), "--calendar", str(target),
                 *options, today="2027-01-01")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return {"result": result, "events": {e.uid: e for e in load([target]).events}}


def test_a_wordpress_offset_zone_keeps_the_instant(run: Run, tmp_path: Path) -> None:
    got = imported("wordpress-utcplus5.ics", tmp_path, run)
    [event] = got["events"].values()
    assert (event.timezone, event.start.isoformat()) == ("Etc/GMT-5", "2027-04-20T18:00:00")
    assert "TZID 'UTC+5' names no known zone; read as UTC+05:00" in got["result"].stderr
    half = imported("wordpress-utcplus530.ics", tmp_path / "b", run)
    [event] = half["events"].values()
    assert (event.timezone, event.start.isoformat()) == ("UTC", "2027-04-20T12:30:00")


def test_windows_and_vendor_zone_names_are_resolved(run: Run, tmp_path: Path) -> None:
    outlook = imported("outlook-windows-tz.ics", tmp_path, run)["events"]
    assert [e.timezone for e in outlook.values()] == ["Europe/Berlin"]
    mozilla = imported("thunderbird-mozilla-tzid.ics", tmp_path / "b", run)["events"]
    assert [e.timezone for e in mozilla.values()] == ["America/New_York"]
    custom = imported("thunderbird-custom-vtimezone.ics", tmp_path / "c", run)["events"]
    [event] = custom.values()  # kept at its instant, in the fallback zone
    assert (event.timezone, event.start.isoformat()) == ("Europe/Zurich", "2027-03-16T08:00:00")


def test_the_summary_counts_what_was_skipped_and_not_imported(run: Run, tmp_path: Path) -> None:
    todo = imported("vtodo-vjournal.ics", tmp_path, run)["result"]
    assert "not imported: 1 VJOURNAL, 1 VTODO" in todo.stdout
    broken = imported("no-dtstart.ics", tmp_path / "b", run)["result"]
    assert broken.stdout.startswith("1 added, 0 updated, 0 unchanged, 1 skipped (1: no DTSTART)")
    assert "VEVENT 'nostart@example.org' skipped: no DTSTART" in broken.stderr
    far = imported("recurring-far-past.ics", tmp_path / "c", run)["result"]
    assert "occurrences outside 2025-12-31..2030-01-03 left out" in far.stdout


def test_no_uid_gives_the_same_ids_every_time(run: Run, tmp_path: Path) -> None:
    one = imported("no-uid-two-events.ics", tmp_path / "a", run)["events"]
    two = imported("no-uid-two-events.ics", tmp_path / "b", run)["events"]
    assert sorted(one) == sorted(two)
    assert all(uid.endswith("@no-uid.itu-timeline") for uid in one)


def test_recurrences_with_overrides_and_cancelled_instances(run: Run, tmp_path: Path) -> None:
    events = imported("google-recurring-override.ics", tmp_path, run)["events"]
    days = sorted(e.first_day.isoformat() for e in events.values())
    # weekly from 4 January, six times: the 11th moved to the 12th, the 18th excluded
    assert days == ["2027-01-04", "2027-01-12", "2027-01-25", "2027-02-01", "2027-02-08"]
    cancelled = imported("google-cancelled-instance.ics", tmp_path / "b", run)["events"]
    statuses = {e.first_day.isoformat(): e.status.value for e in cancelled.values()}
    assert statuses["2027-01-07"] == "cancelled"


def test_options_are_checked_once(run: Run, tmp_path: Path) -> None:
    result = run("import", str(CORPUS / "many-events.ics"), "--body", "FOO",
                 "--calendar", str(tmp_path / "x.toml"))  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "--body: 'FOO' is not one of" in result.stderr


def test_the_bundled_calendar_exports_and_imports_back_into_its_fields(
    run: Run, tmp_path: Path
) -> None:
    ics = tmp_path / "all.ics"
    target = tmp_path / "copy.toml"
    assert run("export", "-o", str(ics), calendars=[bundled_path()]).exit_code == 0
    result = run("import", str(ics), "--calendar", str(target), calendars=[bundled_path()])
    assert result.exit_code == 0, result.stderr
    deadlines = len(all_deadlines(load([bundled_path()])))  # they come back from the rules
    assert f", {deadlines} skipped" in result.stdout
    copied = {e.id: e for e in load([target]).events}
    for event in load([bundled_path()]).events:
        if event.is_approximate:
            continue
        twin = copied[event.id]
        assert twin.uid == f"{event.id}@itu-timeline"
        assert (twin.body, twin.kind) == (event.body, event.kind)
        assert (twin.start, twin.end, twin.timezone) == (event.start, event.end, event.timezone)
        assert (twin.status, twin.basis, twin.format) == (event.status, event.basis, event.format)
        assert (twin.source, twin.url, twin.notes) == (event.source, event.url, event.notes)
        assert (twin.title, twin.location, twin.tags) == (event.title, event.location, event.tags)
    again = tmp_path / "again.ics"
    both = [bundled_path(), target]  # the copy overrides the bundled events, the rules stay
    assert run("export", "-o", str(again), calendars=both).exit_code == 0
    events = re.compile(rb"^UID:([^.\r]*@itu-timeline)\r$", re.M)  # events, not deadlines
    assert sorted(events.findall(again.read_bytes())) == sorted(events.findall(ics.read_bytes()))


# A grammar of VEVENT properties, valid and broken, for files nobody has written yet.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30).map(
    lambda s: s.replace("\r", "").replace("\n", "\\n")
)
MOMENTS = st.sampled_from([
    "20270310T090000Z", "20270310T090000", ";VALUE=DATE:20270310",
    ";TZID=Europe/Zurich:20270310T090000", ";TZID=UTC+5:20270310T090000",
    ";TZID=W. Europe Standard Time:20270310T090000", ";TZID=Nowhere:20270310T090000",
    "garbage", ";VALUE=DATE:18000101", "20270310T25", ";VALUE=PERIOD:20270310T090000Z/PT1H", "",
])  # fmt: skip
PROPERTIES = st.one_of(
    MOMENTS.map(lambda m: "DTSTART" + (m if m.startswith(";") else ":" + m)),
    MOMENTS.map(lambda m: "DTEND" + (m if m.startswith(";") else ":" + m)),
    st.sampled_from(["DURATION:PT1H", "DURATION:P2D", "DURATION:nonsense", "DURATION:-PT1H"]),
    st.sampled_from(
        [
            "RRULE:FREQ=DAILY;COUNT=3",
            "RRULE:FREQ=WEEKLY",
            "RRULE:FREQ=NEVER",
            "RRULE:RSCALE=CHINESE;FREQ=YEARLY",
            "RRULE:FREQ=DAILY;UNTIL=bad",
        ]
    ),
    st.sampled_from(
        [
            "RDATE:20270320T090000Z",
            "RDATE;VALUE=DATE:20270321,x",
            "EXDATE:20270311T090000Z",
            "RECURRENCE-ID:20270311T090000Z",
        ]
    ),
    st.sampled_from(["STATUS:CANCELLED", "STATUS:TENTATIVE", "STATUS:whatever"]),
    TEXT.map(lambda t: f"SUMMARY:{t}"),
    TEXT.map(lambda t: f"LOCATION:{t}"),
    TEXT.map(lambda t: f"DESCRIPTION:{t}"),
    TEXT.map(lambda t: f"CATEGORIES:{t}"),
    TEXT.map(lambda t: f"URL:{t}"),
    st.sampled_from(["UID:fixed@example.org", "UID:", "X-ITU-TIMELINE-END:unknown"]),
)


@settings(max_examples=1500 if FUZZ_LONG else 60, deadline=None)
@given(events=st.lists(st.lists(PROPERTIES, max_size=8), min_size=1, max_size=4))
def test_grammar_import_raises_only_our_error_and_twice_is_once(
    events: list[list[str]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    body = "".join("BEGIN:VEVENT\r\n" + "".join(p + "\r\n" for p in props) + "END:VEVENT\r\n"
                   for props in events)  # fmt: skip
    path = tmp_path_factory.mktemp("grammar") / "g.ics"
    path.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n{body}END:VCALENDAR\r\n")
    window = (date(2026, 1, 1), date(2029, 12, 31))
    try:
        batch = collect(path, ImportOptions(zone="Europe/Zurich"), *window)
    except TimelineError:
        return  # our own error: one line, no traceback
    document: dict[str, Any] = {"schema": 2}
    merge(document, batch.events, (), date(2026, 12, 1))
    before = repr(document)
    again = merge(document, collect(path, ImportOptions(zone="Europe/Zurich"), *window).events,
                  (), date(2026, 12, 2))  # fmt: skip
    assert repr(document) == before
    assert set(again.counts) <= {"unchanged"}
