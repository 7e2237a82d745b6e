"""One VEVENT as an event table: its times kept (timed stays timed, all-day stays all-day),
its zone resolved (an IANA TZID, a Windows or vendor-prefixed name, a custom VTIMEZONE, a
`UTC+5` that no VTIMEZONE defines, the calendar's X-WR-TIMEZONE, or `--tz`), and, for files
written by `export`, every field of ours back in its own field (X-ITU-TIMELINE-* properties).

A VEVENT that cannot become a valid event raises `Skip` with the reason. Deadlines written by
`export` are skipped: they come back from the rules and the events.
"""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from itu_timeline.core.model import Basis, Body, Format, Kind
from itu_timeline.core.schema import parse_document
from itu_timeline.core.text import END_NOT_ANNOUNCED
from itu_timeline.core.zones import is_valid_zone
from itu_timeline.store.ics_reading import Occurrence, Reading, Skipped, name_of, parse_file, read

Moment = date | datetime
OUR_UID = re.compile(r"^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)@itu-timeline$")
STATUS = {"CONFIRMED": "confirmed", "TENTATIVE": "tentative", "CANCELLED": "cancelled"}
# Written by `export`, read back here, so an export imports into the same fields.
OURS = ("timezone", "source", "notes", "basis", "format", "end")
EXPORTED_DEADLINE = "a deadline written by export (it comes back from its rule)"
_OFFSET_NAME = re.compile(r"^(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)
_LINE_CONTROLS = re.compile("[\x00-\x1f\x7f]")
_TEXT_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f]")


class Skip(Exception):
    """This VEVENT is not imported."""


@dataclass(frozen=True)
class ImportOptions:
    body: str | None = None
    kind: str | None = None
    tags: tuple[str, ...] = ()
    zone: str = "UTC"  # for floating times and all-day events, unless the calendar names one


def to_event(occurrence: Occurrence, options: ImportOptions, notes: list[str]) -> dict[str, Any]:
    """The event table of one VEVENT (its fields that have values)."""
    component = occurrence.component
    categories = _categories(component)
    if "RELATED-TO" in component and "deadline" in categories:
        raise Skip(EXPORTED_DEADLINE)
    if "DTSTART" not in component:
        raise Skip("no DTSTART")
    own = _ours(component)
    fallback = occurrence.calendar_zone or options.zone
    zone, start, end = _dates(component, own.get("timezone"), fallback, notes)
    # CATEGORIES as export writes them (body, kind, tags...) give body and kind back.
    body, kind = _choice(categories[:1], Body), _choice(categories[1:2], Kind)
    tags = categories[2:] if body and kind else categories
    event: dict[str, Any] = {
        "title": _line(str(component.get("summary", "")).removesuffix(f" {END_NOT_ANNOUNCED}"))
        or "(no title)",
        "body": options.body or (body if kind else None) or "other",
        "kind": options.kind or (kind if body else None) or "other",
        "start": start,
        "end": None if own.get("end") == "unknown" else end,
        "location": _line(str(component.get("location", ""))) or None,
        "timezone": zone,
        "format": _choice([own.get("format", "")], Format),
        # No STATUS says nothing about whether it takes place: not confirmed, then.
        "status": STATUS.get(str(component.get("status", "")).upper(), "tentative"),
        "basis": _choice([own.get("basis", "")], Basis),
        "url": _line(str(component.get("url", ""))) or None,
        "source": own.get("source"),
        "tags": list(dict.fromkeys(_line(t) for t in tags if t.strip())) or None,
        # Our own export's DESCRIPTION repeats what has fields of its own: only its notes count.
        "notes": own.get("notes") if own else _text(str(component.get("description", ""))) or None,
        "uid": occurrence.uid,
    }
    return {k: v for k, v in event.items() if v is not None}


def _ours(component: Any) -> dict[str, str]:
    return {
        key: _text(_unescape(str(component.get(f"x-itu-timeline-{key}"))))
        for key in OURS
        if f"X-ITU-TIMELINE-{key.upper()}" in component
    }


_SPLIT_TZID = re.compile(r"^(\d{2}):(?=\d{8}T\d{6})")
_ESCAPED = re.compile(r"\\([\\;,nN])")


def _unescape(value: str) -> str:
    """RFC 5545 TEXT unescaped (the library leaves X- properties as they were written)."""
    return _ESCAPED.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _choice(values: list[str], enum: Any) -> str | None:
    return values[0] if values and values[0] in enum._value2member_map_ else None


def _categories(component: Any) -> list[str]:
    value = component.get("categories")
    if value is None:
        return []
    groups = value if isinstance(value, list) else [value]
    return [str(c) for group in groups for c in getattr(group, "cats", [group])]


def _dates(
    component: Any, ours: str | None, fallback: str, notes: list[str]
) -> tuple[str, Moment, Moment | None]:
    """The event's zone, start and end: days (the last one inclusive) for an all-day VEVENT,
    local date-times in the zone for a timed one. The zone our own export names comes first.
    DTEND before DTSTART is left out, and said."""
    if ours is not None and is_valid_zone(ours):
        fallback = ours
    start = _decoded(component, "dtstart", notes)
    if start is None:
        raise Skip("DTSTART cannot be read")
    end = _end(component, start, notes)
    unknown = end is None and str(component.get("summary", "")).endswith(f" {END_NOT_ANNOUNCED}")
    if not isinstance(start, datetime):
        if isinstance(end, datetime):
            end = end.date()
        last = end - timedelta(days=1) if isinstance(end, date) and end > start else start
        return fallback, start, None if unknown else last
    zone, floating = _zone(component, start, end, fallback, notes)
    if ours is not None and is_valid_zone(ours):
        zone = ZoneInfo(ours)
    local_start = _local(start, zone, floating)
    if isinstance(end, datetime):
        return zone.key, local_start, _local(end, zone, floating)
    return zone.key, local_start, None


def _end(component: Any, start: Moment, notes: list[str]) -> Moment | None:
    end = _decoded(component, "dtend", notes) if "DTEND" in component else None
    if end is None and "DURATION" in component:
        duration = _decoded(component, "duration", notes)
        end = start + duration if isinstance(duration, timedelta) else None
    if end is not None and _comparable(end) < _comparable(start):
        notes.append(f"{component.get('uid', '?')}: DTEND is before DTSTART; the end is left out")
        return None
    return end


def _comparable(moment: Moment) -> datetime:
    if isinstance(moment, datetime):
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return datetime(moment.year, moment.month, moment.day, tzinfo=UTC)


def _decoded(component: Any, key: str, notes: list[str]) -> Any:
    try:
        value = component.decoded(key)
        if key in ("dtstart", "dtend") and not isinstance(value, date):
            value = _naive(str(component.get(key).to_ical().decode()))
        return value
    except Exception as err:  # the library's errors for one broken value are many kinds
        if key == "dtstart":
            raise Skip(f"{key.upper()} cannot be read ({' '.join(str(err).split())[:80]})") from err
        notes.append(f"{component.get('uid', '?')}: {key.upper()} cannot be read and is left out")
        return None


def _naive(raw: str) -> datetime:
    """A date-time the library left as text (its TZID named no zone it knows): read as local.
    An unquoted `TZID=UTC+5:30:20270420T180000` leaves '30:' in front of the value."""
    value = _SPLIT_TZID.sub("", raw.strip())
    return datetime.strptime(value, "%Y%m%dT%H%M%S")  # noqa: DTZ007 - the zone comes next


def _tzid(component: Any, key: str) -> str:
    """The TZID of a property, with the minutes an unquoted 'UTC+5:30' lost to the value."""
    prop = component.get(key)
    tzid = str(prop.params.get("TZID", ""))
    split = _SPLIT_TZID.match(prop.to_ical().decode()) if tzid else None
    return f"{tzid}:{split.group(1)}" if split else tzid


def _zone(
    component: Any, start: datetime, end: Moment | None, fallback: str, notes: list[str]
) -> tuple[ZoneInfo, tzinfo]:
    """The zone a timed event is kept in, and the zone its floating times are read in. Its own
    IANA zone, else the fallback (the instant is kept either way). A TZID that names no zone
    and has no VTIMEZONE (`UTC+5`, as WordPress event plugins write) is read by its offset;
    any other such TZID is read as UTC, and said."""
    for moment, key in ((start, "dtstart"), (end, "dtend")):
        if isinstance(moment, datetime) and moment.tzinfo is not None:
            name = getattr(moment.tzinfo, "key", None) or _known_name(component, key)
            if moment.utcoffset() == timedelta(0) and name is None:
                name = "UTC"
            zone = ZoneInfo(name if name and is_valid_zone(name) else fallback)
            return zone, moment.tzinfo
    tzid = _tzid(component, "dtstart")
    if not tzid:
        return ZoneInfo(fallback), ZoneInfo(fallback)
    offset = _offset(str(tzid))
    said = f"read as UTC{_signed(offset)}" if offset is not None else "read as UTC"
    notes.append(f"{component.get('uid', '?')}: TZID '{tzid}' names no known zone; {said}")
    if offset is None:
        return ZoneInfo("UTC"), ZoneInfo("UTC")
    return ZoneInfo(_etc_zone(offset) or "UTC"), timezone(offset)


def _known_name(component: Any, key: str) -> str | None:
    """The IANA zone a custom VTIMEZONE's TZID stands for, when it is a Windows name
    ('W. Europe Standard Time' is Europe/Berlin) or ends in an IANA name (vendor prefixes)."""
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    tzid = _tzid(component, key)
    name = WINDOWS_TO_OLSON.get(tzid) or "/".join(tzid.strip("/").split("/")[-2:])
    return name if name and is_valid_zone(name) else None


def _offset(name: str) -> timedelta | None:
    """'UTC+5' -> +5 h, 'GMT-03:30' -> -3 h 30."""
    m = _OFFSET_NAME.match(name.strip())
    if not m or int(m.group(2)) > 14:
        return None
    size = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
    return size if m.group(1) == "+" else -size


def _signed(offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    return f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _etc_zone(offset: timedelta) -> str | None:
    """The IANA zone of a whole-hour offset: +5 h is 'Etc/GMT-5' (POSIX signs are reversed)."""
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest or not -12 <= hours <= 12:
        return None
    return "UTC" if hours == 0 else f"Etc/GMT{'-' if hours > 0 else '+'}{abs(hours)}"


def _local(moment: datetime, zone: tzinfo, floating: tzinfo) -> datetime:
    """A naive local date-time in `zone`; a floating time is read in `floating` first."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=floating)
    return aware.astimezone(zone).replace(tzinfo=None)


def _line(value: str) -> str:
    return " ".join(_LINE_CONTROLS.sub(" ", value).split())


def _text(value: str) -> str:
    return _TEXT_CONTROLS.sub("", value).strip()


@dataclass
class Batch:
    """What a file gives to import: valid event tables, and what was left out and why."""

    events: list[dict[str, Any]]
    reading: Reading
    notes: list[str]


def collect(path: Path, options: ImportOptions, first: date, last: date) -> Batch:
    """The events of an .ics file as event tables, each checked by the calendar validator
    alone, so one bad VEVENT is skipped with its reason and the others are imported."""
    reading = read(parse_file(path), first, last)
    notes = list(reading.notes)
    chosen: dict[str, dict[str, Any]] = {}
    for occurrence in reading.occurrences:
        name = name_of(occurrence.component)
        try:
            table = to_event(occurrence, options, notes)
            _check(table)
        except Skip as skip:
            reading.skipped.append(Skipped(name, str(skip)))
            continue
        except Exception as err:  # hostile input can break the library in many ways
            reading.skipped.append(Skipped(name, f"cannot be read ({type(err).__name__})"))
            continue
        if table["uid"] in chosen:
            reading.skipped.append(Skipped(name, "the same UID twice; the later one is used"))
        chosen[table["uid"]] = table
    return Batch(list(chosen.values()), reading, notes)


def _check(table: dict[str, Any]) -> None:
    """The table as the calendar validator sees it; its first problem, as the reason to skip."""
    _, problems = parse_document({"schema": 2, "events": [{"id": "x", **table}]}, Path("import"))
    if problems:
        problem = problems[0]
        raise Skip(f"{problem.field or 'event'}: {problem.message}")
