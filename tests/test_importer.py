"""The importer, called directly: VEVENTs become event tables, matched by UID on a second
import; recurring events are expanded within the window."""

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from itu_timeline.base.errors import CalendarUnreadable
from itu_timeline.store.importer import ImportOptions, components, merge, read_ics, to_event

DATA = Path(__file__).parent / "data"
OPTIONS = ImportOptions(today=date(2026, 12, 1), zone="Europe/Zurich")


def imported(path: Path, options: ImportOptions = OPTIONS) -> list[dict[str, Any]]:
    found = components(read_ics(path), options)
    return [e for c, uid in found if (e := to_event(c, uid, options)) is not None]


def test_an_all_day_vevent_becomes_its_days_with_its_fields() -> None:
    [event] = [e for e in imported(DATA / "real-world.ics") if e["uid"] == "allday-1@example.org"]
    assert event["title"] == "Regional preparatory meeting, Africa (ATU)"
    assert (event["start"], event["end"]) == (date(2027, 2, 8), date(2027, 2, 10))
    assert (event["body"], event["kind"]) == ("ATU", "preparatory")
    assert event["location"] == "Nairobi, Kenya"


def test_options_set_body_kind_and_tags_of_new_events() -> None:
    options = ImportOptions(today=date(2026, 12, 1), body="APT", kind="forum", tags=("x",))
    events = imported(DATA / "real-world.ics", options)
    assert {(e["body"], e["kind"]) for e in events} == {("APT", "forum")}
    assert all(e["tags"][0] == "x" for e in events)


def test_merge_adds_then_finds_the_same_uids_unchanged() -> None:
    events = imported(DATA / "real-world.ics")
    document: dict[str, Any] = {"schema": 1}
    first = merge(document, events, date(2026, 12, 1))
    again = merge(document, imported(DATA / "real-world.ics"), date(2026, 12, 2))
    assert first["added"] == len(events)
    assert again == {"unchanged": len(events)}


def test_a_file_that_is_not_icalendar_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "x.ics"
    path.write_text("this is not a calendar")
    with pytest.raises(CalendarUnreadable, match="not a valid iCalendar file"):
        read_ics(path)
