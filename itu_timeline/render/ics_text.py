"""iCalendar components as text, written as the `icalendar` library (7.x) writes them, byte for
byte, for the value types our export uses: TEXT, URI, DATE, DATE-TIME in UTC, INTEGER,
DURATION and CATEGORIES (a test compares the two on the bundled calendar and on hostile text).

The library folds a line character by character, which made it most of the time of a large
export; here a whole line is escaped with `str.replace`, encoded once and cut 74 octets at a
time, so the work per line is a few calls into C.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

# The properties the library writes first, in this order; the others follow by name.
CANONICAL = {
    "VCALENDAR": "VERSION PRODID CALSCALE METHOD DESCRIPTION X-WR-CALDESC NAME X-WR-CALNAME",
    "VEVENT": "SUMMARY DTSTART DTEND DURATION DTSTAMP UID RECURRENCE-ID SEQUENCE RRULE RDATE "
    "EXDATE",
    "VALARM": "",
}
LIMIT = 74  # octets of a line before its CRLF: the library folds before the 75th
_CONTINUATION = 0x80  # a UTF-8 byte 10xxxxxx continues a character
_ESCAPES = (ord("\\"), ord("^"))  # TEXT and parameter escapes: a fold never follows one


class Uri(str):
    """A URI value: written as it is, as the library writes one (no TEXT escaping)."""

    __slots__ = ()


Value = str | date | datetime | int | timedelta | list[str]


@dataclass(slots=True)
class Component:
    """A component as a list of properties (upper-case names; a name may repeat) and the
    components inside it, in the order they were added."""

    name: str
    properties: list[tuple[str, Value]] = field(default_factory=list)
    components: list["Component"] = field(default_factory=list)

    def add(self, name: str, value: Value) -> None:
        """Add a property; `name` in upper case, as the library keeps it."""
        self.properties.append((name, value))

    def to_ical(self) -> bytes:
        return self.text().encode()

    def text(self) -> str:
        """The content lines, each folded and ending in CRLF."""
        first = _RANKS[self.name]
        ordered = sorted(self.properties, key=lambda item: first.get(item[0]) or (1, item[0]))
        lines = [f"BEGIN:{self.name}"]
        for name, value in ordered:
            line = _FORMATS[type(value)](name, value)
            lines.append(line if len(line) <= LIMIT and line.isascii() else fold(line))
        lines += [inner.text().removesuffix("\r\n") for inner in self.components]
        lines.append(f"END:{self.name}\r\n")
        return "\r\n".join(lines)


# The properties in the library's order: its canonical names first, then the others by name;
# the values of one name in the order they were added (the sort is stable).
_RANKS = {
    name: {prop: (0, f"{rank:03}") for rank, prop in enumerate(order.split())}
    for name, order in CANONICAL.items()
}


def escape(value: str) -> str:
    """RFC 5545 TEXT, escaped in the library's order. Like the library, a literal `\\N` is
    read as a line break first."""
    if _SPECIAL.search(value) is None:
        return value
    return (
        value.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


_SPECIAL = re.compile(r"[\\;,\r\n]")


def _text(name: str, value: str) -> str:
    return f"{name}:{escape(value)}"


def _uri(name: str, value: str) -> str:
    return f"{name}:{value}"


def _instant(name: str, value: datetime) -> str:
    if value.tzinfo is not UTC:  # a zone would need a TZID and a VTIMEZONE: not ours
        raise ValueError(f"{name}: only instants in UTC are written, not {value}")
    return f"{name}:{_day(value)}T{value.hour:02}{value.minute:02}{value.second:02}Z"


def _date(name: str, value: date) -> str:
    return f"{name};VALUE=DATE:{_day(value)}"


def _day(value: date) -> str:
    return f"{value.year:04}{value.month:02}{value.day:02}"


def _integer(name: str, value: int) -> str:
    return f"{name}:{value}"


def _duration(name: str, value: timedelta) -> str:
    return f"{name}:{duration(value)}"


def _categories(name: str, value: list[str]) -> str:
    return f"{name}:{','.join(escape(item) for item in value)}"


# How each type of value is written (by its exact type: a datetime is a date too).
_FORMATS: dict[type, Callable[[str, Any], str]] = {
    str: _text,
    Uri: _uri,
    datetime: _instant,
    date: _date,
    int: _integer,
    timedelta: _duration,
    list: _categories,
}


def duration(value: timedelta) -> str:
    """A DURATION as the library writes one: `-P7D`, `-PT12H`, `P1DT2H0M5S`."""
    sign = "-" if value.days < 0 else ""
    value = abs(value)
    hours, rest = divmod(value.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    time = "T" if value.seconds else ""
    time += f"{hours}H" if hours else ""
    time += f"{minutes}M" if minutes or (hours and seconds) else ""
    time += f"{seconds}S" if seconds else ""
    if value.days == 0 and time:
        return f"{sign}P{time}"
    return f"{sign}P{value.days}D{time}"


def fold(line: str) -> str:
    """A content line folded as the library folds it: at most 74 octets on the first line and
    after the space that starts each next one, never inside a UTF-8 sequence, and never right
    after a backslash or caret (so no escape is cut in two)."""
    octets = line.encode()
    if len(octets) <= LIMIT:
        return line
    pieces = []
    start = 0
    while len(octets) - start > LIMIT:
        end = start + LIMIT
        while octets[end] & 0xC0 == _CONTINUATION:
            end -= 1
        if octets[end - 1] in _ESCAPES:
            end -= 1
        pieces.append(octets[start:end])
        start = end
    pieces.append(octets[start:])
    return b"\r\n ".join(pieces).decode()
