"""One VEVENT as an event table: its times kept (timed stays timed, all-day stays all-day),
its zone resolved (an IANA TZID, a Windows or vendor-prefixed name, a custom VTIMEZONE, a
`UTC+5` that no VTIMEZONE defines, the calendar's X-WR-TIMEZONE, or `--tz`), and, for files
written by `export`, every field of ours back in its own field (X-ITU-TIMELINE-* properties).

A VEVENT that cannot become a valid event raises `Skip` with the reason. Deadlines written by
`export` are skipped as events: each comes back as a deadline of its event, from the
specification export wrote on it (X-ITU-TIMELINE-DEADLINE).
"""

import contextlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from itu_timeline.base.i18n import N_, _, in_every_language
from itu_timeline.core.model import Basis, Body, Format, Kind
from itu_timeline.core.schema import parse_document
from itu_timeline.core.text import END_NOT_ANNOUNCED
from itu_timeline.core.zones import is_valid_zone
from itu_timeline.store.ics_reading import (
    CANNOT_BE_READ,
    Occurrence,
    Reading,
    Skipped,
    name_of,
    parse_bytes,
    parse_file,
    read,
)
from itu_timeline.store.ics_zones import local, naive, zone_of

Moment = date | datetime
OUR_UID = re.compile(r"^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)@itu-timeline$")
STATUS = {"CONFIRMED": "confirmed", "TENTATIVE": "tentative", "CANCELLED": "cancelled"}
# Written by `export`, read back here, so an export imports into the same fields.
OURS = ("timezone", "source", "outcome", "notes", "basis", "format", "end")
EXPORTED_DEADLINE = N_("a deadline written by export (it comes back with its event)")
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
        raise Skip(_(EXPORTED_DEADLINE))
    if "DTSTART" not in component:
        raise Skip(_("no DTSTART"))
    own = _ours(component)
    fallback = occurrence.calendar_zone or options.zone
    zone, start, end = _dates(component, own.get("timezone"), fallback, notes)
    # CATEGORIES as export writes them (body, kind, tags...) give body and kind back.
    body, kind = _choice(categories[:1], Body), _choice(categories[1:2], Kind)
    tags = categories[2:] if body and kind else categories
    event: dict[str, Any] = {
        "title": _line(_title(str(component.get("summary", "")))) or "(no title)",
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
        "outcome": own.get("outcome"),
        "tags": list(dict.fromkeys(_line(t) for t in tags if t.strip())) or None,
        # Our own export's DESCRIPTION repeats what has fields of its own: only its notes count.
        "notes": own.get("notes") if own else _text(str(component.get("description", ""))) or None,
        "deadlines": _deadlines(component) or None,
        "uid": occurrence.uid,
    }
    return {k: v for k, v in event.items() if v is not None}


def _ours(component: Any) -> dict[str, str]:
    return {
        key: _text(_unescape(str(component.get(f"x-itu-timeline-{key}"))))
        for key in OURS
        if f"X-ITU-TIMELINE-{key.upper()}" in component
    }


def _deadlines(component: Any) -> list[dict[str, Any]]:
    """The deadline specifications our own export wrote on the event (X-ITU-TIMELINE-DEADLINE,
    JSON), as the event's own deadlines; one that cannot be read is left out."""
    found = component.get("x-itu-timeline-deadline")
    values = found if isinstance(found, list) else [] if found is None else [found]
    specs = []
    for value in values:
        try:
            spec = json.loads(_unescape(str(value)))
        except ValueError:
            continue
        if isinstance(spec, dict) and all(isinstance(v, str) for v in spec.values()):
            specs.append(_typed(spec))
    return specs


def _typed(spec: dict[str, str]) -> dict[str, Any]:
    """`at` and `time` back from ISO text to TOML's date, local date-time and time."""
    typed: dict[str, Any] = dict(spec)
    with contextlib.suppress(ValueError):  # the validator names what stays text
        if "at" in spec:
            typed["at"] = (datetime if "T" in spec["at"] else date).fromisoformat(spec["at"])
        if "time" in spec:
            typed["time"] = time.fromisoformat(spec["time"])
    return typed


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


def _title(summary: str) -> str:
    """The SUMMARY without the '(end not announced)' that export adds, in whichever of the six
    languages it was exported."""
    for words in _end_not_announced():
        if summary.endswith(f" {words}"):
            return summary.removesuffix(f" {words}")
    return summary


@cache
def _end_not_announced() -> frozenset[str]:
    return frozenset(in_every_language(lambda: _(END_NOT_ANNOUNCED)).values())


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
        raise Skip(_("DTSTART cannot be read"))
    end = _end(component, start, notes)
    summary = str(component.get("summary", ""))
    unknown = end is None and _title(summary) != summary
    if not isinstance(start, datetime):
        if isinstance(end, datetime):
            end = end.date()
        last = end - timedelta(days=1) if isinstance(end, date) and end > start else start
        return fallback, start, None if unknown else last
    zone, floating = zone_of(component, start, end, fallback, notes)
    if ours is not None and is_valid_zone(ours):
        zone = ZoneInfo(ours)
    local_start = local(start, zone, floating)
    if isinstance(end, datetime):
        return zone.key, local_start, local(end, zone, floating)
    return zone.key, local_start, None


def _end(component: Any, start: Moment, notes: list[str]) -> Moment | None:
    end = _decoded(component, "dtend", notes) if "DTEND" in component else None
    if end is None and "DURATION" in component:
        duration = _decoded(component, "duration", notes)
        end = start + duration if isinstance(duration, timedelta) else None
    if end is not None and _comparable(end) < _comparable(start):
        said = _("{uid}: DTEND is before DTSTART; the end is left out")
        notes.append(said.format(uid=component.get("uid", "?")))
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
            value = naive(str(component.get(key).to_ical().decode()))
        return value
    except Exception as err:  # the library's errors for one broken value are many kinds
        if key == "dtstart":
            said = _("{key} cannot be read: '{value}' is no date or date-time")
            raise Skip(said.format(key=key.upper(), value=_raw(component, key))) from err
        said = _("{uid}: {key} cannot be read and is left out")
        notes.append(said.format(uid=component.get("uid", "?"), key=key.upper()))
        return None


def _raw(component: Any, key: str) -> str:
    """A property's value as the file writes it (cut short), for a message."""
    try:
        return _line(component.get(key).to_ical().decode(errors="replace"))[:60]
    except Exception:  # a value too broken even to be written back
        return "?"


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


def collect(
    source: Path | str, options: ImportOptions, first: date, last: date, data: bytes | None = None
) -> Batch:
    """The events of an .ics file (or of `data`, which messages call `source`) as event
    tables, each checked by the calendar validator alone, so one bad VEVENT is skipped with
    its reason and the others are imported."""
    parsed: list[str] = []
    calendars = (
        parse_file(Path(source), parsed) if data is None else parse_bytes(data, str(source), parsed)
    )
    reading = read(calendars, first, last)
    notes = [*parsed, *reading.notes]
    chosen: dict[str, dict[str, Any]] = {}
    for occurrence in reading.occurrences:
        name = name_of(occurrence.component)
        try:
            table = to_event(occurrence, options, notes)
            _check(table)
        except Skip as skip:
            reading.skipped.append(Skipped(name, str(skip)))
            continue
        except Exception:  # hostile input can break the library in many ways
            reading.skipped.append(Skipped(name, _(CANNOT_BE_READ)))
            continue
        if table["uid"] in chosen:
            reading.skipped.append(Skipped(name, _("the same UID twice; the later one is used")))
        chosen[table["uid"]] = table
    return Batch(list(chosen.values()), reading, notes)


def _check(table: dict[str, Any]) -> None:
    """The table as the calendar validator sees it; its first problem, as the reason to skip."""
    _file, problems = parse_document(
        {"schema": 2, "events": [{"id": "x", **table}]}, Path("import")
    )
    if problems:
        problem = problems[0]
        what = problem.field or _("event")
        raise Skip(f"{what}: {problem.message}")
