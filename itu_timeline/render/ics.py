"""RFC 5545 iCalendar, written with the `icalendar` library one component at a time, so a
large calendar streams out with flat memory.

Events are all-day: DTEND is the day after the last day (the one place where the inclusive
`end` of our data becomes iCalendar's exclusive end). Deadlines are timed events in UTC with
a DTSTART and no DTEND. UIDs come from event ids and deadline names, never from chance, so a
re-import or a subscription refresh updates events instead of duplicating them.
"""

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta
from itertools import repeat
from urllib.parse import quote

import icalendar

from itu_timeline.core.deadlines import event_deadlines
from itu_timeline.core.model import Deadline, Event, Rule, Status
from itu_timeline.core.text import (
    BASIS_WORDS,
    END_NOT_ANNOUNCED,
    TIME_NOT_STATED,
    dates_label,
    safe,
    slug,
)
from itu_timeline.core.zones import get_zone

PRODID = "-//itu-timeline//itu-timeline//EN"
PARALLEL_FROM = 5000  # below this, starting worker processes costs more than it saves
BATCH = 1000
UID_DOMAIN = "itu-timeline"
# What a deadline specification says besides its name (an own deadline's or a rule's), exported
# on its event so that import gives it back.
SPEC_KEYS = ("before", "at", "time", "timezone", "source", "notes")
ICS_STATUS = {
    Status.CONFIRMED: "CONFIRMED",
    Status.TENTATIVE: "TENTATIVE",
    Status.POSTPONED: "TENTATIVE",
    Status.CANCELLED: "CANCELLED",
}
# RFC 5545 TEXT allows no control characters but HTAB; newlines are escaped by the library.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_URI_CONTROLS = re.compile("[\x00-\x1f\x7f]")
# The C1 controls and the bidirectional overrides and isolates: TEXT has no escape for them,
# so they are made visible as on a terminal (<U+202E>); in a URI they are percent-encoded.
_INVISIBLE = re.compile("[\x80-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class ExportOptions:
    name: str
    stamp: datetime  # DTSTAMP: the export time, or the pinned day at 00:00 UTC
    alarms: tuple[timedelta, ...] = ()
    alarm_events: bool = False
    deadlines: bool = True


def text(value: str) -> str:
    """Calendar text as iCalendar TEXT: CR LF and lone CR become LF (escaped as \\n), and
    other C0 control characters are dropped, so nothing can end a property early; C1 controls
    and bidirectional overrides are shown as the terminal shows them."""
    dropped = _CONTROLS.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return _INVISIBLE.sub(lambda m: safe(m.group()), dropped)


def uri(value: str) -> str:
    """A URL as an iCalendar URI: no C0 control characters at all (no URL has any, and the
    library refuses CR and LF there rather than escape them); C1 controls and bidirectional
    overrides percent-encoded, as a browser would send them."""
    return _INVISIBLE.sub(lambda m: quote(m.group()), _URI_CONTROLS.sub("", value))


def event_uid(event: Event) -> str:
    return f"{event.id}@{UID_DOMAIN}"


def deadline_uid(deadline: Deadline) -> str:
    words = slug(deadline.name, limit=40)
    digest = hashlib.sha256(deadline.name.encode()).hexdigest()[:8]
    return f"{deadline.event.id}.deadline.{words}-{digest}@{UID_DOMAIN}"


def feeds_by_body(
    events: Iterable[Event], options: ExportOptions
) -> dict[str, tuple[list[Event], ExportOptions]]:
    """`all`, then one feed per body present, each named "NAME: BODY" (`export --split-by
    body`, and the feeds of `publish`)."""
    feeds: dict[str, tuple[list[Event], ExportOptions]] = {"all": ([], options)}
    for event in events:
        feeds["all"][0].append(event)
        body = event.body.value
        if body not in feeds:
            feeds[body] = ([], replace(options, name=f"{options.name}: {body}"))
        feeds[body][0].append(event)
    return feeds


def worker_count() -> int:
    """The CPUs this process may use (its affinity, where the system has one)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def chunks(
    events: Sequence[Event], rules: Iterable[Rule], options: ExportOptions, workers: int = 1
) -> Iterator[bytes]:
    """The .ics file in pieces: the calendar's head, the VEVENTs, then the end line.

    With several `workers` and a large calendar, batches of events are serialised in worker
    processes (the library's line folding is the slow part) and written in their order, so
    the output is the same bytes as with one."""
    rules = tuple(rules)
    head = icalendar.Calendar()
    head.add("prodid", PRODID)
    head.add("version", "2.0")
    head.add("calscale", "GREGORIAN")
    head.add("method", "PUBLISH")
    head.add("x-wr-calname", text(options.name))
    end = b"END:VCALENDAR\r\n"
    serialized = head.to_ical()
    yield serialized[: -len(end)]
    if workers > 1 and len(events) >= PARALLEL_FROM:
        from concurrent.futures import ProcessPoolExecutor

        batches = [events[i : i + BATCH] for i in range(0, len(events), BATCH)]
        with ProcessPoolExecutor(workers) as pool:
            yield from pool.map(_batch, batches, repeat(rules), repeat(options))
    else:
        for event in events:
            yield _batch([event], rules, options)
    yield end


def _batch(events: Sequence[Event], rules: tuple[Rule, ...], options: ExportOptions) -> bytes:
    pieces = []
    for event in events:
        deadlines = event_deadlines(event, rules)
        component = event_component(event, deadlines, options)
        _add_deadline_specs(component, deadlines, rules)
        pieces.append(component.to_ical())
        if options.deadlines:
            pieces += [deadline_component(d, options).to_ical() for d in deadlines]
    return b"".join(pieces)


def event_component(
    event: Event, deadlines: list[Deadline], options: ExportOptions
) -> icalendar.Event:
    component = _common(event, event_uid(event), options)
    unknown_end = "" if event.end_known else f" {END_NOT_ANNOUNCED}"
    component.add("summary", text(event.title + unknown_end))
    _add_dates(component, event)
    component.add("description", text(_event_description(event, deadlines)))
    if event.location:
        component.add("location", text(event.location))
    if event.url:
        component.add("url", uri(event.url))
    component.add(
        "categories", [text(c) for c in (event.body.value, event.kind.value, *event.tags)]
    )
    _add_ours(component, event)
    if options.alarm_events:
        _add_alarms(component, f"{event.title} begins", options.alarms)
    return component


def _add_ours(component: icalendar.Event, event: Event) -> None:
    """What iCalendar has no property for, as X- properties that `import` reads back, so an
    export imports into the same fields (other clients ignore them)."""
    ours = {
        "timezone": event.timezone,
        "source": event.source,
        "outcome": event.outcome,
        "notes": event.notes,
        "basis": event.basis.value if event.basis else None,
        "format": event.format.value if event.format else None,
        "end": None if event.end_known else "unknown",
    }
    for key, value in ours.items():
        if value:
            component.add(f"x-itu-timeline-{key}", icalendar.vText(text(value)))


def _add_deadline_specs(
    component: icalendar.Event, deadlines: list[Deadline], rules: tuple[Rule, ...]
) -> None:
    """Each deadline's specification (its own, or its rule's: name, before or at, time, zone,
    source, notes) as JSON in an X-ITU-TIMELINE-DEADLINE, so that `import` gives the event
    back with the same deadlines, relative ones still relative, even where the rules are not.
    Other clients ignore it."""
    own = {spec.name.casefold(): spec for spec in deadlines[0].event.deadlines} if deadlines else {}
    by_id = {rule.id: rule for rule in rules}
    for deadline in deadlines:
        made_by = by_id.get(deadline.rule_id or "") or own.get(deadline.name.casefold())
        spec = {"name": deadline.name} | {
            key: value.isoformat() if hasattr(value, "isoformat") else value
            for key in SPEC_KEYS
            if (value := getattr(made_by, key, None)) is not None
        }
        value = json.dumps(spec, ensure_ascii=False, sort_keys=True)
        component.add("x-itu-timeline-deadline", icalendar.vText(text(value)))


def deadline_component(deadline: Deadline, options: ExportOptions) -> icalendar.Event:
    event = deadline.event
    component = _common(event, deadline_uid(deadline), options)
    component.add("summary", text(f"Deadline: {deadline.name} — {event.title}"))
    if deadline.timed:
        component.add("dtstart", deadline.due.astimezone(UTC))
    else:  # only the day is known: an all-day item, never a made-up time
        component.add("dtstart", deadline.day)
        component.add("dtend", deadline.day + timedelta(days=1))
    component.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    component.add("related-to", event_uid(event))
    component.add("categories", [text(c) for c in (event.body.value, "deadline")])
    lines = [f"Due {_local(deadline)}.", f"Event: {event.title} ({event.id})."]
    lines += [f"Source: {deadline.source}"] if deadline.source else []
    lines += [deadline.notes] if deadline.notes else []
    component.add("description", text("\n".join(lines)))
    _add_alarms(component, f"Deadline: {deadline.name}", options.alarms)
    return component


def _add_dates(component: icalendar.Event, event: Event) -> None:
    """All-day events end on the day after their last day (iCalendar's DTEND is exclusive:
    the one place our inclusive `end` is converted); timed events at their instants, in UTC;
    an event whose end is not announced has its first day or its start only."""
    if isinstance(event.start, datetime):
        zone = get_zone(event.timezone)
        component.add("dtstart", event.start.replace(tzinfo=zone).astimezone(UTC))
        if isinstance(event.end, datetime):
            component.add("dtend", event.end.replace(tzinfo=zone).astimezone(UTC))
        return
    component.add("dtstart", event.first_day)
    if event.end_known:
        component.add("dtend", event.last_day + timedelta(days=1))


def _common(event: Event, uid: str, options: ExportOptions) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", uid)
    component.add("dtstamp", options.stamp)
    component.add("sequence", event.revision)
    if event.updated:
        component.add("last-modified", datetime.combine(event.updated, time(0), UTC))
    component.add("status", ICS_STATUS[event.status])
    return component


def _event_description(event: Event, deadlines: list[Deadline]) -> str:
    lines = [event.notes, ""] if event.notes else []
    if event.status is Status.POSTPONED:
        lines.append("Postponed: the dates shown are the last announced.")
    lines.append(f"Status: {event.status.value}.")
    if event.basis:
        lines.append(f"Dates: {event.basis.value} ({BASIS_WORDS[event.basis]}).")
    if event.format:
        lines.append(f"Format: {event.format.value}.")
    if event.is_timed:
        lines.append(
            f"Local time: {dates_label(event, get_zone(event.timezone))} ({event.timezone})."
        )
    if event.source:
        lines.append(f"Source: {event.source}")
    if event.outcome:
        lines.append(f"Seen to take place: {event.outcome}")
    if deadlines:
        lines += ["", "Deadlines:", *(f"- {d.name}: {_local(d)}" for d in deadlines)]
    return "\n".join(lines)


def _local(deadline: Deadline) -> str:
    if not deadline.timed:
        return f"{deadline.day.isoformat()} {TIME_NOT_STATED}"
    return f"{deadline.due.strftime('%Y-%m-%d %H:%M %Z')} ({deadline.due.tzinfo})"


def _add_alarms(
    component: icalendar.Event, description: str, alarms: tuple[timedelta, ...]
) -> None:
    for before in alarms:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", text(description))
        alarm.add("trigger", -before)
        component.add_component(alarm)
