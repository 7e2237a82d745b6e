"""Bringing VEVENTs from an .ics file into a calendar document, without duplicates.

Each imported event remembers the UID it came from (`uid`), so importing the same file again
adds nothing and importing an updated file updates the events that changed. Recurring events
are expanded within a bounded window. Deadlines that `export` wrote (RELATED-TO an event and in
the category "deadline") are skipped: they come back from the rules and the events.
"""

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from itu_timeline.base.errors import CalendarUnreadable
from itu_timeline.core.model import Body, Kind
from itu_timeline.core.text import END_NOT_ANNOUNCED
from itu_timeline.core.zones import is_valid_zone
from itu_timeline.store.edits import events_of, normalize, slug, unique_id

Moment = date | datetime
OUR_UID = re.compile(r"^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)@itu-timeline$")
STATUS = {"CONFIRMED": "confirmed", "TENTATIVE": "tentative", "CANCELLED": "cancelled"}
COMPARED = ("title", "start", "end", "location", "timezone", "status", "url", "notes", "tags")
_LINE_CONTROLS = re.compile("[\x00-\x1f\x7f]")
_TEXT_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class ImportOptions:
    today: date
    body: str | None = None
    kind: str | None = None
    tags: tuple[str, ...] = ()
    zone: str = "UTC"  # for floating times, and events whose zone is not an IANA name
    past: timedelta = timedelta(days=366)  # how far back and ahead recurrences are expanded
    ahead: timedelta = timedelta(days=3 * 366)


def read_ics(path: Path) -> Any:
    import icalendar

    try:
        return icalendar.Calendar.from_ical(path.read_bytes())
    except OSError as err:
        raise CalendarUnreadable(f"{path}: cannot read: {err.strerror or err}") from err
    except ValueError as err:
        raise CalendarUnreadable(f"{path}: not a valid iCalendar file ({err})") from err


def components(calendar: Any, options: ImportOptions) -> list[tuple[Any, str]]:
    """(VEVENT, uid) pairs; recurring events expanded, each occurrence its own uid."""
    import icalendar
    import recurring_ical_events

    single = [c for c in calendar.walk("VEVENT") if "RRULE" not in c and "RDATE" not in c]
    found = [(c, str(c.get("uid", ""))) for c in single if "RECURRENCE-ID" not in c]
    plain = {id(c) for c in single}
    recurring = icalendar.Calendar()
    for component in calendar.subcomponents:
        if component.name == "VTIMEZONE" or (
            component.name == "VEVENT" and id(component) not in plain
        ):
            recurring.add_component(component)
    window = (options.today - options.past, options.today + options.ahead)
    for occurrence in recurring_ical_events.of(recurring).between(*window):
        start = occurrence.decoded("dtstart")
        day = start.date() if isinstance(start, datetime) else start
        found.append((occurrence, f"{occurrence.get('uid', '')}#{day.isoformat()}"))
    return found


def to_event(component: Any, uid: str, options: ImportOptions) -> dict[str, Any] | None:
    """One VEVENT as an event table, or None when it is to be skipped."""
    categories = _categories(component)
    if "RELATED-TO" in component and "deadline" in categories:
        return None
    if "DTSTART" not in component:
        return None
    zone, start, end = _dates(component, options.zone)
    body = options.body or (
        categories[0] if categories and categories[0] in Body._value2member_map_ else "other"
    )
    kind = options.kind or (
        categories[1]
        if len(categories) > 1 and categories[1] in Kind._value2member_map_
        else "other"
    )
    ours = categories[2:] if categories[:1] == [body] and categories[1:2] == [kind] else categories
    tags = list(dict.fromkeys([*options.tags, *(_line(t) for t in ours if t.strip())]))
    event: dict[str, Any] = {
        "title": _line(str(component.get("summary", "")).removesuffix(f" {END_NOT_ANNOUNCED}"))
        or "(no title)",
        "body": body,
        "kind": kind,
        "start": start,
        "end": end,  # None (left out below) when not announced
        "location": _line(str(component.get("location", ""))) or None,
        "timezone": zone,
        "status": STATUS.get(str(component.get("status", "")).upper(), "confirmed"),
        "url": _line(str(component.get("url", ""))) or None,
        "tags": tags or None,
        "notes": _TEXT_CONTROLS.sub("", str(component.get("description", ""))).strip() or None,
        "uid": uid,
    }
    return {k: v for k, v in event.items() if v is not None}


def merge(document: dict[str, Any], imported: list[dict[str, Any]], today: date) -> Counter[str]:
    """Add new events, update changed ones (matched by uid); count what happened."""
    counts: Counter[str] = Counter()
    events = events_of(document)
    by_uid = {e.get("uid"): e for e in events if e.get("uid")}
    taken = {e.get("id") for e in events}
    for fields in imported:
        existing = by_uid.get(fields["uid"])
        if existing is None:
            wanted = (
                m.group(1)
                if (m := OUR_UID.match(fields["uid"]))
                else slug(fields["title"], fields["start"])
            )
            fields = {"id": unique_id(wanted, taken), **fields, "updated": today}  # type: ignore[arg-type]
            taken.add(fields["id"])
            events.append(normalize(fields))
            by_uid[fields["uid"]] = events[-1]
            counts["added"] += 1
        elif any(existing.get(k) != fields.get(k) for k in COMPARED):
            for key in COMPARED:
                existing.pop(key, None)
            existing.update({k: fields[k] for k in COMPARED if k in fields})
            existing["revision"] = int(existing.get("revision", 0)) + 1
            existing["updated"] = today
            existing.update(normalize(existing))
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    return counts


def _categories(component: Any) -> list[str]:
    value = component.get("categories")
    if value is None:
        return []
    groups = value if isinstance(value, list) else [value]
    return [str(c) for group in groups for c in getattr(group, "cats", [group])]


def _dates(component: Any, default_zone: str) -> tuple[str, Moment, Moment | None]:
    """The event's zone, start and end: days (the last one inclusive) for an all-day VEVENT,
    local date-times in the zone for a timed one. A VEVENT as `export` writes an event whose end
    is not announced (no DTEND, and the title says so) keeps its end unknown."""
    start = component.decoded("dtstart")
    end = component.decoded("dtend") if "DTEND" in component else None
    if end is None and "DURATION" in component:
        end = start + component.decoded("duration")
    unknown_end = end is None and _says_end_unknown(component)
    if not isinstance(start, datetime):
        last = end - timedelta(days=1) if isinstance(end, date) and end > start else start
        return default_zone, start, None if unknown_end else last
    zone_name = getattr(start.tzinfo, "key", None)
    if start.tzinfo is not None and start.utcoffset() == timedelta(0):
        zone_name = zone_name or "UTC"
    zone = ZoneInfo(zone_name if zone_name and is_valid_zone(zone_name) else default_zone)
    local_start = _local(start, zone)
    if isinstance(end, datetime) and end > start:
        return zone.key, local_start, _local(end, zone)
    return zone.key, local_start, None


def _local(moment: datetime, zone: ZoneInfo) -> datetime:
    """A naive local date-time in `zone` (a floating time is taken as already there)."""
    aware = moment.astimezone(zone) if moment.tzinfo else moment.replace(tzinfo=zone)
    return aware.replace(tzinfo=None)


def _says_end_unknown(component: Any) -> bool:
    return str(component.get("summary", "")).endswith(f" {END_NOT_ANNOUNCED}")


def _line(value: str) -> str:
    return " ".join(_LINE_CONTROLS.sub(" ", value).split())
