"""Our .ics writer writes the bytes the `icalendar` library writes for the same components:
on the bundled calendar, on hostile text, and on any text, date, instant and duration."""

from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
import vobject
from hypothesis import example, given, settings
from hypothesis import strategies as st

from itu_timeline.core.loader import bundled_path, load
from itu_timeline.core.model import Body, DeadlineSpec, Event, Kind, Rule
from itu_timeline.render.ics import ExportOptions, Serialiser, calendar_component, chunks
from itu_timeline.render.ics_text import Component, Uri, fold

from .test_hostile import HOSTILE

STAMP = datetime(2027, 1, 1, tzinfo=UTC)
LIBRARY = {"VCALENDAR": icalendar.Calendar, "VEVENT": icalendar.Event, "VALARM": icalendar.Alarm}
# Text that tests the folding and escaping: escapes and multi-octet characters astride the
# 74th octet, every script, emoji with joiners, combining marks, very long lines.
CORPUS = [
    *HOSTILE,
    "x" * 73 + "\\" + "y" * 200,
    "x" * 72 + ";,\\" * 40,
    "^" * 300,
    "\\N and \\n and \\\\N: a literal backslash-N",
    "é" * 100 + "ü",
    "x" + "日本語の会議" * 40,
    "👩‍👩‍👧‍👦🇨🇭" * 30,
    "e\u0301\u0302\u0303" * 60,
    "عربي русский ελληνικά हिन्दी 中文 ქართული አማርኛ ᏣᎳᎩ " * 5,
    "\t\x00\x1b\x7f\x85\u2028\u2029\ufeff end",
    "\r\n" * 50 + "\r" * 3,
]


def by_library(component: Component) -> icalendar.cal.Component:
    """The same component built with the library, property by property, as our export did."""
    made = LIBRARY[component.name]()
    for name, value in component.properties:
        made.add(name, icalendar.vText(value) if name.startswith("X-") else value)
    for inner in component.components:
        made.add_component(by_library(inner))
    return made


def both(events: list[Event], rules: list[Rule], options: ExportOptions) -> tuple[bytes, bytes]:
    """The whole file as we write it, and as the library writes the same components."""
    calendar = by_library(calendar_component(options.name))
    serialiser = Serialiser(rules, options)
    for event in events:
        for component in serialiser.components(event):
            calendar.add_component(by_library(component))
    return b"".join(chunks(events, rules, options)), calendar.to_ical()


def hostile_event(text: str, index: int = 0) -> Event:
    return Event(
        id=f"h{index}",
        title=text,
        body=Body.ITU,
        kind=Kind.OTHER,
        start=date(2027, 3, 1),
        end=date(2027, 3, 4),
        timezone="Europe/Zurich",
        location=text,
        notes=text,
        source=text,
        outcome=text,
        url=text,
        tags=(text, "x"),
        deadlines=(DeadlineSpec(name=text or "n", before="3 days", notes=text),),
    )


@pytest.mark.parametrize("alarms", [(), (timedelta(days=7), timedelta(hours=12))])
def test_the_bundled_calendar_is_written_as_the_library_writes_it(
    alarms: tuple[timedelta, ...],
) -> None:
    calendar = load([bundled_path()])
    events = [e for e in calendar.events if not e.is_approximate]
    options = ExportOptions(name=calendar.name, stamp=STAMP, alarms=alarms, alarm_events=True)
    ours, library = both(events, list(calendar.rules), options)
    assert ours == library
    assert len(ours) > 300_000


def test_hostile_text_is_written_as_the_library_writes_it() -> None:
    events = [hostile_event(text, i) for i, text in enumerate(CORPUS)]
    options = ExportOptions(name="\\;,\r\n" * 30, stamp=STAMP, alarms=(timedelta(days=1),))
    ours, library = both(events, [], options)
    assert ours == library
    assert len(vobject.readOne(ours.decode(), validate=True).contents["vevent"]) == 2 * len(CORPUS)
    parsed = icalendar.Calendar.from_ical(ours)
    assert [str(e["summary"]) for e in parsed.walk("VEVENT")][:2] == [
        CORPUS[0],
        f"Deadline: {CORPUS[0]} — {CORPUS[0]}",
    ]


texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)


@settings(max_examples=300, deadline=None)
@given(texts, st.lists(texts, max_size=4))
@example("a" * 73 + "\\,", [])
@example("a" * 72 + "é\\", ["\\"])
def test_any_text_is_written_as_the_library_writes_it(value: str, items: list[str]) -> None:
    """Raw text, not cleaned first: whatever reaches the writer is escaped and folded alike."""
    component = Component("VEVENT")
    component.add("SUMMARY", value)
    component.add("DESCRIPTION", value * 3)
    component.add("CATEGORIES", [*items, value])
    component.add("X-ITU-TIMELINE-NOTES", value)
    component.add("URL", Uri(value.replace("\r", "").replace("\n", "")))
    assert component.to_ical() == by_library(component).to_ical()


@settings(max_examples=200, deadline=None)
@given(
    st.dates(),
    st.datetimes(timezones=st.just(UTC)),
    st.integers(-(2**31), 2**31 - 1),  # INTEGER in RFC 5545; the library refuses more
    st.timedeltas(),
)
def test_any_date_instant_number_and_duration_is_written_as_the_library_writes_it(
    day: date, instant: datetime, number: int, duration: timedelta
) -> None:
    component = Component("VEVENT")
    component.add("DTSTART", day)
    component.add("DTSTAMP", instant)
    component.add("SEQUENCE", number)
    alarm = Component("VALARM")
    alarm.add("TRIGGER", duration)
    component.components.append(alarm)
    assert component.to_ical() == by_library(component).to_ical()


@settings(max_examples=200, deadline=None)
@given(texts.map(lambda t: t.replace("\r", "").replace("\n", "")))
def test_a_folded_line_keeps_every_character_and_escape_whole(line: str) -> None:
    """At most 75 octets a line with its leading space; each line is whole UTF-8; no line
    ends in a backslash or caret, so no escape is cut; unfolding gives the line back."""
    pieces = fold("X:" + line).encode().split(b"\r\n ")
    assert all(len(piece) <= 74 for piece in pieces)
    assert all(piece.decode() for piece in pieces)
    assert not any(piece.endswith((b"\\", b"^")) for piece in pieces[:-1])
    assert b"".join(pieces).decode() == "X:" + line


def test_an_instant_in_a_zone_is_refused_not_written_wrong() -> None:
    from zoneinfo import ZoneInfo

    component = Component("VEVENT")
    component.add("DTSTART", datetime(2027, 1, 1, tzinfo=ZoneInfo("Europe/Zurich")))
    with pytest.raises(ValueError, match="only instants in UTC"):
        component.to_ical()
