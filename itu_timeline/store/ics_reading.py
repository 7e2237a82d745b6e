"""Reading the .ics files that exist, not only those RFC 5545 describes: several VCALENDARs in
one file, VEVENTs without UID, recurrences (RRULE; RDATE as dates, date-times and periods;
EXDATE; RECURRENCE-ID overrides with and without their master; cancelled instances), and
components that are not events (VTODO, VJOURNAL), which are counted, not imported.

A part that cannot be read is skipped with its reason and the rest is read; only a file that
is not iCalendar at all is an error. What the library warns about (a time zone it had to
guess) is collected as notes, never printed by the library itself.
"""

import contextlib
import hashlib
import re
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from itu_timeline.base.errors import CalendarUnreadable
from itu_timeline.base.i18n import N_, _, ngettext, system_words
from itu_timeline.core.loader import max_file_bytes
from itu_timeline.core.zones import is_valid_zone
from itu_timeline.store.expansion import Bounds, Capped, expand

NOT_EVENTS = ("VTODO", "VJOURNAL", "VFREEBUSY")
CANNOT_BE_READ = N_("cannot be read (a property in it is damaged or given twice)")


@dataclass(frozen=True)
class Occurrence:
    """One VEVENT to import (an occurrence of a recurring one is a copy with its own dates)."""

    component: Any
    uid: str
    calendar_zone: str | None  # the VCALENDAR's X-WR-TIMEZONE, when it is an IANA name


@dataclass(frozen=True)
class Skipped:
    name: str  # the UID, else the SUMMARY
    reason: str
    capped: bool = False  # over a bound of store/expansion.py: said by feeds too


@dataclass
class Reading:
    occurrences: list[Occurrence] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    not_imported: Counter[str] = field(default_factory=Counter)
    outside: int = 0  # occurrences of recurring events outside the window
    notes: list[str] = field(default_factory=list)
    capped: list[str] = field(default_factory=list)  # series cut at a cap, and where
    bounds: Bounds = field(default_factory=Bounds)  # what the file's recurrences may cost


def parse_file(path: Path, notes: list[str] | None = None) -> list[Any]:
    """The VCALENDARs in `path`; a file that is not iCalendar at all is one error, and so is
    one over the size limit of calendar files (its parse would take memory without bound)."""
    limit = max_file_bytes()
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as err:
        message = _("{path}: cannot read: {reason}")
        raise CalendarUnreadable(message.format(path=path, reason=system_words(err))) from err
    if len(data) > limit:
        message = _(
            "{path}: over the limit of {limit} bytes (set ITU_TIMELINE_MAX_MIB to allow more)"
        )
        raise CalendarUnreadable(message.format(path=path, limit=limit))
    return parse_bytes(data, str(path), notes)


# What mail clients and other tools hand out as "an .ics": one component without the
# VCALENDAR around it. It is read as the calendar it stands for.
BARE = (b"BEGIN:VEVENT", b"BEGIN:VTODO", b"BEGIN:VJOURNAL")
_WRAP = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//itu-timeline//bare component//EN\r\n",
         b"\r\nEND:VCALENDAR\r\n")  # fmt: skip
_CONTENT_LINE = re.compile(rb"^[A-Za-z0-9-]+(;[^:]*)?:")


def parse_bytes(data: bytes, path: str, notes: list[str] | None = None) -> list[Any]:
    """The VCALENDARs of `data`. A bare VEVENT (or VTODO, VJOURNAL) is wrapped in one; a line
    that is no content line outside every component is dropped with a note in `notes`, so
    one damaged header does not lose the events after it."""
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n").upper()
    if start.startswith(BARE):
        data = _WRAP[0] + data + _WRAP[1]
    elif not start.startswith(b"BEGIN:VCALENDAR"):
        message = _("{path}: not an iCalendar file (no BEGIN:VCALENDAR at the start)")
        raise CalendarUnreadable(message.format(path=path))
    try:
        return _calendars(data)
    except Exception as err:  # the parser's own errors are many kinds; each means "not valid"
        kept, dropped = _without_stray_lines(data)
        if dropped and kept is not None:
            with contextlib.suppress(Exception):
                calendars = _calendars(kept)
                if notes is not None:
                    notes.append(_stray(dropped))
                return calendars
        raise CalendarUnreadable(_not_valid(path, err)) from err


def _not_valid(path: str, err: Exception) -> str:
    """Why the file is no valid iCalendar, in our words: the line that cannot be read (the
    file's own text), an END without its BEGIN, or no more than that."""
    text = str(err)
    if line := re.search(r"could not be parsed into parts: '(.*?)'(: |$)", text, re.S):
        said = _("{path}: not a valid iCalendar file: this line cannot be read: {line}")
        return said.format(path=path, line=" ".join(line[1].split())[:80])
    if "END encountered" in text:
        return _("{path}: not a valid iCalendar file: an END without its BEGIN").format(path=path)
    return _("{path}: not a valid iCalendar file").format(path=path)


def _calendars(data: bytes) -> list[Any]:
    import icalendar

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(icalendar.Calendar.from_ical(data, multiple=True))


def _without_stray_lines(data: bytes) -> tuple[bytes | None, int]:
    """`data` without the lines that are no content line (`NAME[;PARAMS]:VALUE`) and stand
    in a VCALENDAR but in none of its components; and how many there were. None when what
    is left is not whole either (a BEGIN without its END): that file is broken, not odd."""
    kept, dropped, depth = [], 0, 0
    for line in re.split(rb"\r?\n(?![ \t])", data):  # unfolded: a line and its continuations
        upper = line.upper()
        if upper.startswith(b"BEGIN:"):
            depth += 1
        elif upper.startswith(b"END:"):
            depth -= 1
        elif depth == 1 and line.strip() and not _CONTENT_LINE.match(line):
            dropped += 1
            continue
        kept.append(line)
    return (b"\r\n".join(kept) if depth == 0 else None), dropped


def _stray(count: int) -> str:
    said = ngettext(
        "{n} line outside any event could not be read: skipped",
        "{n} lines outside any event could not be read: skipped",
        count,
    )
    return said.format(n=count)


def read(calendars: list[Any], first: date, last: date) -> Reading:
    """The VEVENTs of `calendars` to import: single events whatever their date, recurring
    ones expanded between `first` and `last`."""
    reading = Reading()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for calendar in calendars:
            _read_calendar(calendar, first, last, reading)
    reading.notes += sorted({_plain_warning(w.message) for w in caught})
    return reading


def name_of(component: Any) -> str:
    return str(component.get("uid") or component.get("summary") or _("(no UID, no SUMMARY)"))


def _read_calendar(calendar: Any, first: date, last: date, reading: Reading) -> None:
    zone = str(calendar.get("x-wr-timezone", "")) or None
    zone = zone if zone and is_valid_zone(zone) else None
    zones = [c for c in calendar.subcomponents if c.name == "VTIMEZONE"]
    groups: dict[str, list[Any]] = defaultdict(list)
    for component in calendar.subcomponents:
        if component.name in NOT_EVENTS:
            reading.not_imported[component.name] += 1
        elif component.name == "VEVENT":
            try:
                groups[str(component.get("uid") or _content_uid(component))].append(component)
            except Exception:  # a property given twice, or other damage
                reading.skipped.append(Skipped(name_of(component), _(CANNOT_BE_READ)))
    for uid, members in groups.items():
        try:
            _read_group(uid, members, zones, zone, (first, last), reading)
        except Capped as capped:
            reading.skipped.append(Skipped(_series_name(uid, members), str(capped), True))
        except Exception:  # a broken series must not stop the rest of the file
            said = _("its recurrence (RRULE, RDATE, EXDATE) cannot be read or expanded")
            reading.skipped.append(Skipped(uid, said))


def _series_name(uid: str, members: list[Any]) -> str:
    summary = next((str(m["summary"]) for m in members if "SUMMARY" in m), "")
    return f"{uid} ({' '.join(summary.split())[:60]})" if summary else uid


def _read_group(
    uid: str,
    members: list[Any],
    zones: list[Any],
    zone: str | None,
    window: tuple[date, date],
    reading: Reading,
) -> None:
    masters = [m for m in members if "RECURRENCE-ID" not in m]
    recurring = [m for m in masters if "RRULE" in m or "RDATE" in m]
    if not recurring:  # single events, and overrides whose master is not in the file
        for component in members:
            own = uid if "RECURRENCE-ID" not in component else f"{uid}#{_day(component)}"
            reading.occurrences.append(Occurrence(component, own, zone))
        return
    found = expand([*zones, *members], window, reading.bounds, _series_name(uid, members))
    reading.outside += found.outside
    reading.capped += [found.cut] if found.cut else []
    expanded = found.occurrences
    days = Counter(_day(o) for o in expanded)
    for occurrence in expanded:  # several on one day (hourly): each keeps its time in its UID
        day = _day(occurrence)
        own = f"{uid}#{day}" if days[day] == 1 else f"{uid}#{_instant(occurrence)}"
        reading.occurrences.append(Occurrence(occurrence, own, zone))


def _instant(component: Any) -> str:
    start = component.decoded("dtstart")
    if isinstance(start, datetime) and start.tzinfo is not None:
        return start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return str(start.strftime("%Y-%m-%dT%H:%M:%S"))


def _day(component: Any) -> str:
    key = (
        "recurrence-id"
        if "RECURRENCE-ID" in component and "DTSTART" not in component
        else "dtstart"
    )
    moment = component.decoded(key)
    return (moment.date() if isinstance(moment, datetime) else moment).isoformat()


CONTENT_UID = "@no-uid.itu-timeline"  # the domain of the UIDs made for VEVENTs without one


def _content_uid(component: Any) -> str:
    """A UID for a VEVENT that has none, made from what it says, so the same file gives the
    same UID every time (DTSTAMP, which exporters renew on every run, is left out)."""
    parts = [
        _first(component.get(key)).to_ical() if key in component else b""
        for key in ("DTSTART", "DTEND", "DURATION", "SUMMARY", "LOCATION", "RRULE")
    ]
    digest = hashlib.sha256(
        b"\x00".join(p if isinstance(p, bytes) else str(p).encode() for p in parts)
    )
    return f"{digest.hexdigest()[:20]}{CONTENT_UID}"


def _first(value: Any) -> Any:
    """A property given more than once comes as a list: its first value counts."""
    return value[0] if isinstance(value, list) else value


def _plain_warning(message: Warning | str) -> str:
    return " ".join(str(message).split("This may be wrong.")[0].split())
