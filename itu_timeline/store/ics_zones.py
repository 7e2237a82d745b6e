"""Time zones as .ics files name them: IANA names, Windows names and vendor prefixes (the
icalendar library's own mapping), custom VTIMEZONEs (kept at their instant), and TZIDs with no
VTIMEZONE at all (`UTC+5`, as WordPress event plugins write them, read by their offset)."""

import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from itu_timeline.base.i18n import _
from itu_timeline.core.zones import is_valid_zone

_OFFSET_NAME = re.compile(r"^(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)

_SPLIT_TZID = re.compile(r"^(\d{2}):(?=\d{8}T\d{6})")


def naive(raw: str) -> datetime:
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


def zone_of(
    component: Any, start: datetime, end: date | datetime | None, fallback: str, notes: list[str]
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
    utc = f"UTC{_signed(offset)}" if offset is not None else "UTC"
    said = _("{uid}: TZID '{tzid}' names no known zone; read as {utc}")
    notes.append(said.format(uid=component.get("uid", "?"), tzid=tzid, utc=utc))
    if offset is None:
        return ZoneInfo("UTC"), ZoneInfo("UTC")
    return ZoneInfo(_etczone_of(offset) or "UTC"), timezone(offset)


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


def _etczone_of(offset: timedelta) -> str | None:
    """The IANA zone of a whole-hour offset: +5 h is 'Etc/GMT-5' (POSIX signs are reversed)."""
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest or not -12 <= hours <= 12:
        return None
    return "UTC" if hours == 0 else f"Etc/GMT{'-' if hours > 0 else '+'}{abs(hours)}"


def local(moment: datetime, zone: tzinfo, floating: tzinfo) -> datetime:
    """A naive local date-time in `zone`; a floating time is read in `floating` first."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=floating)
    return aware.astimezone(zone).replace(tzinfo=None)
