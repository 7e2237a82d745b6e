"""Reading only what is near a window (as `upcoming` and `remind` do, from the cache's index)
gives exactly what reading every event gives: no event, deadline or override is lost."""

import json
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import tomli_w
from hypothesis import example, given
from hypothesis import strategies as st

from itu_timeline.core.clock import Now
from itu_timeline.core.day_index import DayIndex
from itu_timeline.core.deadlines import all_deadlines, event_deadlines
from itu_timeline.core.loader import load
from itu_timeline.core.model import Body, Status
from itu_timeline.core.query import make_filter, select
from itu_timeline.core.upcoming import Item, upcoming

from .conftest import Run, WriteCalendar

FIRST, LAST = date(2026, 1, 1), date(2027, 12, 31)
OFFSETS = st.sampled_from(["0 days", "3 days", "12 days", "6 weeks", "2 months", "1 year"])


@st.composite
def deadline_specs(draw: st.DrawFn) -> dict[str, Any]:
    spec: dict[str, Any] = {"name": draw(st.sampled_from(["Contributions", "Visas", "Papers"]))}
    if draw(st.booleans()):
        spec["before"] = draw(OFFSETS)
    else:
        spec["at"] = draw(st.dates(FIRST, LAST))
    if draw(st.booleans()):  # a stated time: shown on its day in the display zone
        spec["time"] = draw(st.times())
    return spec


@st.composite
def events(draw: st.DrawFn, event_id: str) -> dict[str, Any]:
    start = draw(st.dates(FIRST, LAST))
    length = draw(st.integers(0, 40))
    event: dict[str, Any] = {
        "id": event_id,
        "title": f"Meeting {event_id}",
        "body": draw(st.sampled_from(["ITU", "ITU-T", "ITU-D"])),
        "kind": draw(st.sampled_from(["council", "study-group", "other"])),
        "status": draw(st.sampled_from(["confirmed", "tentative", "cancelled"])),
    }
    match draw(st.sampled_from(["days", "timed", "no end", "month", "year"])):
        case "days":
            event |= {"start": start, "end": start + timedelta(days=length)}
        case "timed":
            at = datetime.combine(start, datetime.min.time()) + timedelta(hours=length)
            event |= {"start": at, "end": at + timedelta(hours=draw(st.integers(1, 50)))}
        case "no end":
            event["start"] = start
        case "year":
            event |= {"start": date(start.year, 1, 1), "end": date(start.year, 12, 31)}
            event["precision"] = "year"
        case _:
            first = start.replace(day=1)
            month_end = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            event |= {"start": first, "end": month_end, "precision": "month"}
    specs = draw(st.lists(deadline_specs(), max_size=2, unique_by=lambda s: s["name"]))
    if specs:
        event["deadlines"] = specs
    return event


@st.composite
def files(draw: st.DrawFn) -> dict[str, Any]:
    ids = draw(st.lists(st.sampled_from("abcdefgh"), max_size=6, unique=True))
    rules = [
        {
            "id": f"r{n}",
            "name": draw(st.sampled_from(["Contributions", "Documents"])),
            "before": draw(OFFSETS),
            "match": {"body": draw(st.sampled_from(["ITU", "ITU-T", "ITU-D"]))},
        }
        for n in range(draw(st.integers(0, 2)))
    ]
    return {
        "schema": 2,
        "timezone": draw(st.sampled_from(["Europe/Zurich", "Pacific/Apia", "Etc/GMT+12"])),
        "events": [draw(events(i)) for i in ids],
        "rules": rules,
    }


def shown(items: list[Item]) -> list[tuple[object, ...]]:
    return [(i.type, i.event.id, i.deadline and i.deadline.name, i.day, i.urgency) for i in items]


# The farthest apart a day can be seen: 23:59 at UTC-12 is two days later at UTC+14.
FAR_WEST = {
    "schema": 2,
    "timezone": "Etc/GMT+12",
    "events": [
        {
            "id": "a",
            "title": "Meeting a",
            "body": "ITU",
            "kind": "other",
            "start": date(2026, 3, 1),
            "deadlines": [{"name": "Papers", "at": date(2026, 2, 1), "time": time(23, 59)}],
        }
    ],
}


@example(documents=[FAR_WEST], today=date(2026, 2, 3), days=0, zone="Pacific/Kiritimati")
@given(
    documents=st.lists(files(), min_size=1, max_size=3),
    today=st.dates(FIRST, LAST),
    days=st.integers(0, 120),
    zone=st.sampled_from(["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"]),
)
def test_reading_only_the_window_shows_what_reading_everything_shows(
    documents: list[dict[str, Any]], today: date, days: int, zone: str
) -> None:
    now = Now.pinned_to(today, ZoneInfo(zone))
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / f"{n}.toml" for n in range(len(documents))]
        for path, document in zip(paths, documents, strict=True):
            path.write_text(tomli_w.dumps(document))
        everything = upcoming(load(paths), make_filter(), now, days)
        for _ in range(2):  # the first read fills the cache, the second is served from it
            near = load(paths, (today, today + timedelta(days=days)))
            assert shown(upcoming(near, make_filter(), now, days)) == shown(everything)


@given(documents=st.lists(files(), min_size=1, max_size=3), today=st.dates(FIRST, LAST))
def test_the_day_index_gives_each_event_the_deadlines_it_stored_and_they_are_the_derived_ones(
    documents: list[dict[str, Any]], today: date
) -> None:
    """What upcoming reads through the index is derived once, when the index is made: the
    same deadlines (names, instants, notes, their event) as deriving them from the files."""
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / f"{n}.toml" for n in range(len(documents))]
        for path, document in zip(paths, documents, strict=True):
            path.write_text(tomli_w.dumps(document))
        full = load(paths)
        for _ in range(2):  # made (a miss), then read from the cache
            near = load(paths, (today, today + timedelta(days=400)))
            stored_all = near.derived or {}  # None when no event is near
            assert stored_all.keys() == {e.id for e in near.events}
            for event in near.events:
                stored, derived = stored_all[event.id], event_deadlines(event, full.rules)
                assert stored[0] is event
                assert list(stored[1]) == derived
                assert all(d.event is event for d in stored[1])
            served = [d for e in near.events for d in stored_all[e.id][1]]
            assert all(a is b for a, b in zip(all_deadlines(near), served, strict=True))


@given(
    documents=st.lists(files(), min_size=1, max_size=3),
    first=st.dates(FIRST, LAST),
    days=st.integers(-3, 400),
)
def test_list_between_two_days_reads_only_the_window_and_finds_what_reading_everything_finds(
    documents: list[dict[str, Any]], first: date, days: int
) -> None:
    last = first + timedelta(days=days)  # a window the wrong way round too: nothing lost
    keep = make_filter(start=first, end=last)
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / f"{n}.toml" for n in range(len(documents))]
        for path, document in zip(paths, documents, strict=True):
            path.write_text(tomli_w.dumps(document))
        everything = [e.id for e in select(load(paths).events, keep)]
        for _ in range(2):  # the first read fills the cache, the second is served from it
            assert [e.id for e in select(load(paths, (first, last)).events, keep)] == everything


SPANS = """\
schema = 2
timezone = "Europe/Zurich"

[[rules]]
id = "contributions"
name = "Contributions due"
match = { body = "ITU-T" }
before = "2 months"

[[events]]
id = "long"
title = "A meeting of many weeks"
body = "ITU-T"
kind = "study-group"
start = 2027-02-20
end = 2027-04-10

[[events]]
id = "in-june"
title = "Dates not announced"
body = "ITU"
kind = "council"
start = 2027-06-01
end = 2027-06-30
precision = "month"

[[events]]
id = "in-2027"
title = "Only the year is known"
body = "ITU-D"
kind = "assembly"
start = 2027-01-01
end = 2027-12-31
precision = "year"

[[events]]
id = "timed"
title = "An online meeting"
body = "ITU-R"
kind = "workshop"
start = 2027-03-31T23:00:00
end = 2027-04-01T01:00:00
timezone = "Pacific/Kiritimati"

[[events]]
id = "after"
title = "Its deadline falls in the window, the meeting after it"
body = "ITU-T"
kind = "study-group"
start = 2027-05-20
end = 2027-05-21
"""


def test_list_from_to_is_read_through_the_day_index_and_agrees_with_reading_everything(
    run: Run, write_calendar: WriteCalendar, private_cache: Path
) -> None:
    path = write_calendar(SPANS)
    for first, last in (("2027-03-01", "2027-03-31"), ("2027-04-01", "2027-04-01"),
                        ("2027-07-01", "2027-07-31"), ("2026-01-01", "2026-12-31")):  # fmt: skip
        whole = json.loads(
            run("list", "--from", first, "--format", "json", calendars=[path]).stdout
        )
        expected = [r["id"] for r in whole if r["start"][:10] <= last]
        for _ in range(2):  # the first run makes the index, the second reads it
            result = run(
                "list", "--from", first, "--to", last, "--format", "json", calendars=[path]
            )
            assert result.exit_code == 0, result.stderr
            assert [r["id"] for r in json.loads(result.stdout)] == expected
    assert list((private_cache / "itu-timeline").glob("days-*.pickle"))  # the index was used


def test_list_from_to_notes_a_tag_no_event_has_but_not_one_outside_the_window(
    run: Run, write_calendar: WriteCalendar
) -> None:
    path = SPANS.replace('kind = "council"\n', 'kind = "council"\ntags = ["wtdc"]\n')
    window = ("list", "--from", "2027-03-01", "--to", "2027-03-02")
    calendar = [write_calendar(path)]
    assert "wtdc" not in run(*window, "--tag", "wtdc", calendars=calendar).stderr
    assert (
        "no event has the tag 'nosuch'"
        in run(*window, "--tag", "nosuch", calendars=calendar).stderr
    )


def test_the_index_stores_classes_and_enum_members_by_place_and_texts_as_texts(
    tmp_path: Path,
) -> None:
    """Classes and enum members are stored as their place in a table (no module looked up
    again in every event's pickle), by identity: a title or note that reads like a member
    ("ITU-T", "tentative") comes back as the text it was, the member as the member."""
    path = tmp_path / "c.toml"
    event = {"id": "x", "title": "ITU-T", "body": "ITU-T", "kind": "other",
             "start": date(2027, 1, 5), "status": "tentative", "notes": "tentative"}  # fmt: skip
    path.write_text(tomli_w.dumps({"schema": 1, "name": "c", "events": [event]}))
    _, blobs = DayIndex.of(load([path]))
    assert b"itu_timeline" not in blobs
    assert b"datetime" not in blobs
    for _ in range(2):  # made (a miss), then read from the cache
        (near,) = load([path], (date(2027, 1, 1), date(2027, 1, 31))).events
        assert near.body is Body.ITU_T
        assert near.status is Status.TENTATIVE
        assert type(near.title) is str
        assert type(near.notes) is str
