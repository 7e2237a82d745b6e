"""iCalendar export: valid for strict parsers, stable UIDs, reproducible bytes, safe text."""

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from itu_timeline.core.deadlines import all_deadlines
from itu_timeline.core.loader import bundled_path, load
from itu_timeline.core.model import Body, Event, Kind
from itu_timeline.render.ics import ExportOptions, chunks

from .conftest import HEADER, RULED, Run, WriteCalendar


def export(
    run: Run, *args: str, calendars: list[Path] | None = None, today: str = "2027-01-01"
) -> bytes:
    result = run("export", *args, calendars=calendars, today=today)
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


def vevents(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def test_the_bundled_calendar_passes_two_strict_parsers_with_one_vevent_per_item(run: Run) -> None:
    data = export(run, calendars=[bundled_path()])
    parsed = icalendar.Calendar.from_ical(data)
    assert parsed.errors == []
    for component in parsed.walk():
        assert component.errors == []
    events = vevents(data)
    strict = vobject.readOne(data.decode("utf-8"), validate=True)
    assert len(strict.contents["vevent"]) == len(events)
    deadlines = [e for e in events if str(e["summary"]).startswith("Deadline: ")]
    calendar = load([bundled_path()])  # every event with announced days, every deadline
    assert len(events) - len(deadlines) == sum(not e.is_approximate for e in calendar.events)
    assert len(deadlines) == len(all_deadlines(calendar)) > 100
    assert len({str(e["uid"]) for e in events}) == len(events)
    for event in events:
        assert {"uid", "dtstamp", "dtstart", "summary"} <= {k.lower() for k in event}


def test_every_line_is_crlf_terminated_and_at_most_75_octets(run: Run) -> None:
    data = export(run, calendars=[bundled_path()])
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75


def test_all_day_events_end_the_day_after_and_deadlines_have_no_dtend(
    run: Run, write_calendar: WriteCalendar
) -> None:
    data = export(run, calendars=[write_calendar(RULED)])
    event, deadline = vevents(data)
    assert event["dtstart"].dt == date(2027, 3, 15)
    assert event["dtend"].dt == date(2027, 3, 25)
    assert event["sequence"] == 2
    assert event["last-modified"].dt == datetime.fromisoformat("2027-01-10T00:00:00+00:00")
    assert "DTEND" not in deadline
    assert str(deadline["summary"]) == "Deadline: Contributions due — ITU-T SG17 meeting"
    assert str(deadline["related-to"]) == str(event["uid"]) == "sg17-2027-03@itu-timeline"
    assert [str(c) for c in event["categories"].cats] == ["ITU-T", "study-group", "cyber"]


def test_a_deadline_is_the_same_instant_as_in_upcoming_json(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(RULED)
    [_, deadline] = vevents(export(run, calendars=[path]))
    listed = run(
        "--tz",
        "Asia/Tokyo",
        "upcoming",
        "--days",
        "90",
        "-f",
        "json",
        calendars=[path],
        today="2027-01-01",
    )
    [item] = [i for i in json.loads(listed.stdout) if i["type"] == "deadline"]
    assert deadline["dtstart"].dt == datetime.fromisoformat(item["due"])
    assert deadline["dtstart"].dt == datetime.fromisoformat("2027-03-03T22:59:00+00:00")


def test_pinned_exports_are_byte_identical_and_a_revision_bump_raises_sequence_only(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(RULED)
    first = export(run, calendars=[path])
    assert export(run, calendars=[path]) == first
    path.write_text(
        path.read_text()
        .replace("revision = 2", "revision = 3")
        .replace("start = 2027-03-15", "start = 2027-03-16")
    )
    second = export(run, calendars=[path])
    before, after = vevents(first), vevents(second)
    assert [str(e["uid"]) for e in after] == [str(e["uid"]) for e in before]
    assert all(a["sequence"] > b["sequence"] for a, b in zip(after, before, strict=True))
    assert b"DTSTAMP:20270101T000000Z" in first


HOSTILE = [
    "Comma, semi; back\\slash",
    "اجتماع لجنة الدراسات",
    "研究组会议 🎉",
    "two\nlines",
    "evil\r\nBEGIN:VEVENT\r\nSUMMARY:injected",
    "bell\x07 esc\x1b[31m",
]


@pytest.mark.parametrize("title", HOSTILE)
def test_titles_survive_a_round_trip_and_cannot_add_events(
    run: Run, write_calendar: WriteCalendar, title: str
) -> None:
    escaped = json.dumps(title, ensure_ascii=False)  # TOML basic strings take these escapes
    path = write_calendar(
        HEADER + f'[[events]]\nid = "x"\ntitle = {escaped}\nbody = "ITU"\n'
        f'kind = "other"\nstart = 2027-02-01\nnotes = {escaped}\n'
    )
    [event] = vevents(export(run, calendars=[path]))
    expected = title.replace("\r\n", "\n").replace("\x07", "").replace("\x1b", "")
    assert str(event["summary"]) == expected
    assert str(event["description"]).startswith(expected)


def test_alarms_go_before_deadlines_and_with_alarm_events_before_events(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = write_calendar(RULED)
    event, deadline = vevents(export(run, "--alarm", "7d", "--alarm", "12h", calendars=[path]))
    assert [a["trigger"].dt for a in deadline.walk("VALARM")] == [
        timedelta(days=-7),
        timedelta(hours=-12),
    ]
    assert list(event.walk("VALARM")) == []
    event, _ = vevents(export(run, "--alarm", "2w", "--alarm-events", calendars=[path]))
    assert [a["action"] for a in event.walk("VALARM")] == ["DISPLAY"]


def test_undated_events_are_left_out_with_a_note_and_names_can_be_set(run: Run) -> None:
    result = run("export", "--name", "Mine", "--no-deadlines", today="2027-01-01")
    assert "left out, their days are not announced: c27" in result.stderr
    data = result.stdout_bytes
    assert b"X-WR-CALNAME:Mine" in data
    assert b"UID:c27@" not in data


def test_output_file_is_written_whole_and_a_missing_folder_is_made(
    run: Run, write_calendar: WriteCalendar, tmp_path: Path
) -> None:
    path = write_calendar(RULED)
    target = tmp_path / "out.ics"
    target.write_text("old")
    assert run("export", "-o", str(target), calendars=[path]).exit_code == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    made = run("export", "-o", str(tmp_path / "new" / "out.ics"), calendars=[path])
    assert made.exit_code == 0
    assert (tmp_path / "new" / "out.ics").read_bytes() == target.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.toml", "new", "out.ics"]


def test_split_by_body_writes_one_feed_per_body_and_all(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "feeds"
    folder.mkdir()
    result = run("export", "--split-by", "body", "--output-dir", str(folder), today="2026-01-01")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["ITU-T.ics", "ITU.ics", "all.ics"]
    itu_t = vevents((folder / "ITU-T.ics").read_bytes())
    assert {str(e["uid"]) for e in itu_t} == {
        "sg17-2026-06@itu-timeline",
        "sg2-2026-09@itu-timeline",
    }
    assert b"X-WR-CALNAME:Test calendar: ITU-T" in (folder / "ITU-T.ics").read_bytes()
    assert run("export", "--split-by", "body").exit_code == 2


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1)), st.integers(0, 400))
def test_dtend_is_always_after_dtstart(start: date, length: int) -> None:
    event = Event(
        id="e",
        title="t",
        body=Body.ITU,
        kind=Kind.OTHER,
        start=start,
        end=start + timedelta(days=length),
        timezone="UTC",
    )
    options = ExportOptions(name="n", stamp=datetime.fromisoformat("2027-01-01T00:00:00+00:00"))
    [component] = vevents(b"".join(chunks([event], [], options)))
    assert component["dtend"].dt == event.end + timedelta(days=1)
    assert component["dtend"].dt > component["dtstart"].dt


def test_an_export_with_no_event_is_a_negative_check_that_writes_nothing(
    run: Run, tmp_path: Path
) -> None:
    """RFC 5545 wants at least one component in a VCALENDAR: nothing is exported, exit 1."""
    old = tmp_path / "atu.ics"
    old.write_bytes(b"the feed as it was")
    for target in (["-o", str(old)], [], ["--split-by", "body", "--output-dir", str(tmp_path)]):
        result = run("export", "--body", "ATU", *target)
        assert result.exit_code == 1
        assert result.stdout == ""
        assert (
            result.stderr
            == "itu-timeline: note: nothing to export: no event with announced days matches\n"
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atu.ics", "events.toml"]
    assert old.read_bytes() == b"the feed as it was"


def test_each_feed_equals_its_own_export_from_one_serialisation_per_event() -> None:
    """`all` and each body's feed (export --split-by body, publish) share the bytes of each
    event, serialised once, and are what `export` writes for the same events alone."""
    from dataclasses import replace

    from itu_timeline.cli.site_files import feed_chunks
    from itu_timeline.render.ics import Serialiser

    calendar = load([bundled_path()])
    events = [e for e in calendar.events if not e.is_approximate]
    options = ExportOptions(name="n", stamp=datetime.fromisoformat("2027-01-01T00:00:00+00:00"))
    pieces = list(feed_chunks(events, Serialiser(calendar.rules, options), options.name))
    assert sum(len(feeds) == 2 for feeds, _ in pieces) == len(events)  # all and its body
    feeds = {feed for names, _ in pieces for feed in names}
    assert len(feeds) > 4
    for feed in feeds:
        members = [e for e in events if feed in ("all", e.body.value)]
        named = options if feed == "all" else replace(options, name=f"n: {feed}")
        written = b"".join(piece for names, piece in pieces if feed in names)
        assert written == b"".join(chunks(members, calendar.rules, named))
