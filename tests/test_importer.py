"""The importer, called directly: VEVENTs become event tables with their times and zones, and
a re-import is a merge that keeps the user's edits."""

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from itu_timeline.base.errors import CalendarUnreadable
from itu_timeline.store.importer import ImportOptions, collect
from itu_timeline.store.merging import merge

DATA = Path(__file__).parent / "data"
OPTIONS = ImportOptions(zone="Europe/Zurich")
WINDOW = (date(2026, 1, 1), date(2029, 12, 31))
TODAY = date(2026, 12, 1)
FEED = """\
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:m1@example.org
DTSTART;VALUE=DATE:20270301
DTEND;VALUE=DATE:20270303
SUMMARY:Meeting
LOCATION:Geneva
STATUS:CONFIRMED
CATEGORIES:one,two
END:VEVENT
END:VCALENDAR
"""


def events_of(path: Path, options: ImportOptions = OPTIONS) -> dict[str, dict[str, Any]]:
    return {e["uid"]: e for e in collect(path, options, *WINDOW).events}


def test_an_all_day_vevent_becomes_its_days_with_its_fields() -> None:
    event = events_of(DATA / "real-world.ics")["allday-1@example.org"]
    assert event["title"] == "Regional preparatory meeting, Africa (ATU)"
    assert (event["start"], event["end"]) == (date(2027, 2, 8), date(2027, 2, 10))
    assert event["location"] == "Nairobi, Kenya"
    assert (event["body"], event["kind"]) == ("ATU", "preparatory")  # CATEGORIES as export's
    assert "tags" not in event
    assert event["status"] == "confirmed"


def test_a_timed_vevent_keeps_its_time_and_zone() -> None:
    event = events_of(DATA / "real-world.ics")["timed-tzid@example.org"]
    local = datetime.fromisoformat("2027-03-15T09:30")  # a local time, in its zone
    assert (event["start"], event["timezone"]) == (local, "Europe/Zurich")


def test_a_file_that_is_not_icalendar_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "x.ics"
    path.write_text("this is not a calendar")
    with pytest.raises(CalendarUnreadable, match="not an iCalendar file"):
        collect(path, OPTIONS, *WINDOW)


def feed(tmp_path: Path, text: str = FEED) -> list[dict[str, Any]]:
    path = tmp_path / "feed.ics"
    path.write_text(text)
    return collect(path, OPTIONS, *WINDOW).events


def test_an_unchanged_source_changes_nothing(tmp_path: Path) -> None:
    document: dict[str, Any] = {"schema": 2}
    assert merge(document, feed(tmp_path), (), TODAY).counts["added"] == 1
    before = repr(document)
    again = merge(document, feed(tmp_path), (), TODAY)
    assert again.counts == {"unchanged": 1}
    assert repr(document) == before


def test_a_user_edit_stays_when_the_source_did_not_change_that_field(tmp_path: Path) -> None:
    document: dict[str, Any] = {"schema": 2}
    merge(document, feed(tmp_path), ("mine",), TODAY)
    [event] = document["events"]
    event["location"], event["status"] = "Geneva, CICG", "postponed"
    event["tags"] = [*event["tags"], "watch"]
    merged = merge(document, feed(tmp_path), (), TODAY)  # without the first run's --tag
    assert merged.counts == {"unchanged": 1}
    assert (event["location"], event["status"]) == ("Geneva, CICG", "postponed")
    assert event["tags"] == ["mine", "one", "two", "watch"]


def test_a_source_change_is_applied_where_the_user_did_not_edit(tmp_path: Path) -> None:
    document: dict[str, Any] = {"schema": 2}
    merge(document, feed(tmp_path), (), TODAY)
    [event] = document["events"]
    event["location"] = "Geneva, CICG"
    moved = FEED.replace("20270303", "20270304").replace(
        "CATEGORIES:one,two", "CATEGORIES:one,three"
    )
    merged = merge(document, feed(tmp_path, moved), (), TODAY)
    assert merged.counts == {"updated": 1}
    assert merged.conflicts == []
    assert (event["end"], event["location"]) == (date(2027, 3, 3), "Geneva, CICG")
    assert event["tags"] == ["one", "three"]
    assert event["revision"] == 1


def test_where_both_changed_the_source_wins_and_it_is_a_conflict(tmp_path: Path) -> None:
    document: dict[str, Any] = {"schema": 2}
    merge(document, feed(tmp_path), (), TODAY)
    [event] = document["events"]
    event["location"] = "Geneva, CICG"
    moved = FEED.replace("LOCATION:Geneva", "LOCATION:Bern")
    merged = merge(document, feed(tmp_path, moved), (), TODAY)
    assert event["location"] == "Bern"
    assert merged.conflicts == [f"{event['id']}: location"]
