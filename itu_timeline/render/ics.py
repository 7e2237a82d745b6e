"""RFC 5545 iCalendar: our events and deadlines as components (`render/ics_text.py` writes
them as the `icalendar` library would), one event at a time, so a large calendar streams out
with flat memory and each event is serialised once however many feeds it goes into.

An all-day event's DTEND is the day after its last day (where the inclusive `end` of our
data becomes iCalendar's exclusive end). UIDs come from event ids and deadline names, never
from chance, so a re-import or a subscription refresh updates events instead of duplicating them.
"""

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from functools import lru_cache
from urllib.parse import quote

from itu_timeline.base.i18n import _
from itu_timeline.core.deadline_names import deadline_name
from itu_timeline.core.deadlines import event_deadlines
from itu_timeline.core.model import Deadline, DeadlineSpec, Event, Rule, Status
from itu_timeline.core.text import END_NOT_ANNOUNCED, safe, slug
from itu_timeline.core.zones import get_zone
from itu_timeline.render import ics_words as words
from itu_timeline.render.ics_text import Component, Uri

PRODID = "-//itu-timeline//itu-timeline//EN"
UID_DOMAIN = "itu-timeline"
# What a deadline specification says besides its name (an own deadline's or a rule's), exported
# on its event so that import gives it back.
SPEC_KEYS = ("before", "at", "time", "timezone", "source", "notes")
ICS_STATUS = {Status.CONFIRMED: "CONFIRMED", Status.TENTATIVE: "TENTATIVE",
              Status.POSTPONED: "TENTATIVE", Status.CANCELLED: "CANCELLED"}  # fmt: skip
# RFC 5545 TEXT allows no control characters but HTAB; newlines are escaped by the library.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_URI_CONTROLS = re.compile("[\x00-\x1f\x7f]")
# The C1 controls and the bidirectional overrides and isolates: TEXT has no escape for them,
# so they are made visible as on a terminal (<U+202E>); in a URI they are percent-encoded.
_INVISIBLE = re.compile("[\x80-\x9f\u202a-\u202e\u2066-\u2069]")
_ANY_CHANGE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


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
    if _ANY_CHANGE.search(value) is None:  # most text: nothing to do, in one pass
        return value
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
    return f"{deadline.event.id}.deadline.{_uid_part(deadline.name)}@{UID_DOMAIN}"


@lru_cache(maxsize=1024)  # a rule's deadlines, on many events, have one name
def _uid_part(name: str) -> str:
    return f"{slug(name, limit=40)}-{hashlib.sha256(name.encode()).hexdigest()[:8]}"


def head(name: str) -> bytes:
    """The calendar's lines before its events (its end is `END`)."""
    return calendar_component(name).text().removesuffix(END.decode()).encode()


def calendar_component(name: str) -> Component:
    """The calendar, without its events."""
    calendar = Component("VCALENDAR")
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    calendar.add("X-WR-CALNAME", text(name))
    return calendar


END = b"END:VCALENDAR\r\n"
Known = Callable[[Event], list[Deadline]] | None


def chunks(
    events: Iterable[Event], rules: Iterable[Rule], options: ExportOptions
) -> Iterator[bytes]:
    """The .ics file in pieces: the calendar's head, each event with its deadlines, the end."""
    serialised = Serialiser(rules, options)
    yield head(options.name)
    for event in events:
        yield serialised(event)
    yield END


class Serialiser:
    """Events as the bytes of their VEVENT and their deadlines' (unless left out), for one
    export: the rules looked up by id, and the text of each rule's specification made once."""

    def __init__(self, rules: Iterable[Rule], options: ExportOptions, known: Known = None) -> None:
        self.rules = tuple(rules)
        self.options = options
        self.known = known  # each event's deadlines by its id, where the caller has them
        self.by_id = {rule.id: rule for rule in self.rules}
        self.rule_specs: dict[str, str] = {}

    def __call__(self, event: Event) -> bytes:
        return "".join(component.text() for component in self.components(event)).encode()

    def components(self, event: Event) -> list[Component]:
        known = self.known
        deadlines = event_deadlines(event, self.rules) if known is None else known(event)
        component = event_component(event, deadlines, self.options)
        own = {spec.name.casefold(): spec for spec in event.deadlines}
        for deadline in deadlines:
            component.add("X-ITU-TIMELINE-DEADLINE", self.spec(deadline, own))
        if not self.options.deadlines:
            return [component]
        return [component, *(deadline_component(d, self.options) for d in deadlines)]

    def spec(self, deadline: Deadline, own: dict[str, DeadlineSpec]) -> str:
        """A deadline's specification (its own, or its rule's: name, before or at, time,
        zone, source, notes) as JSON, so that `import` gives the event back with the same
        deadlines, relative ones still relative, even where the rules are not. Other clients
        ignore it."""
        rule = self.by_id.get(deadline.rule_id or "")
        if rule is None:
            return _spec_text(deadline.name, own.get(deadline.name.casefold()))
        if rule.id not in self.rule_specs:  # a rule's deadline has the rule's name
            self.rule_specs[rule.id] = _spec_text(deadline.name, rule)
        return self.rule_specs[rule.id]


def _spec_text(name: str, made_by: Rule | DeadlineSpec | None) -> str:
    spec = {"name": name} | {
        key: value.isoformat() if hasattr(value, "isoformat") else value
        for key in SPEC_KEYS
        if (value := getattr(made_by, key, None)) is not None
    }
    return text(json.dumps(spec, ensure_ascii=False, sort_keys=True))


def event_component(event: Event, deadlines: list[Deadline], options: ExportOptions) -> Component:
    component = _common(event, event_uid(event), options)
    unknown_end = "" if event.end_known else f" {_(END_NOT_ANNOUNCED)}"
    component.add("SUMMARY", text(event.title + unknown_end))
    _add_dates(component, event)
    component.add("DESCRIPTION", text(words.event_description(event, deadlines)))
    if event.location:
        component.add("LOCATION", text(event.location))
    if event.url:
        component.add("URL", Uri(uri(event.url)))
    component.add(
        "CATEGORIES", [text(c) for c in (event.body.value, event.kind.value, *event.tags)]
    )
    _add_ours(component, event)
    if options.alarm_events:
        _add_alarms(component, words.event_alarm(event), options.alarms)
    return component


def _add_ours(component: Component, event: Event) -> None:
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
            component.add(f"X-ITU-TIMELINE-{key.upper()}", text(value))


def deadline_component(deadline: Deadline, options: ExportOptions) -> Component:
    event = deadline.event
    component = _common(event, deadline_uid(deadline), options)
    said = _("Deadline: {name} — {title}")  # the reader's; `import` reads the spec, not these
    component.add("SUMMARY", text(said.format(name=deadline_name(deadline), title=event.title)))
    if deadline.timed:
        component.add("DTSTART", deadline.due.astimezone(UTC))
    else:  # only the day is known: an all-day item, never a made-up time
        component.add("DTSTART", deadline.day)
        component.add("DTEND", deadline.day + timedelta(days=1))
    component.add("TRANSP", "TRANSPARENT")  # a deadline does not make anyone busy
    component.add("RELATED-TO", event_uid(event))
    component.add("CATEGORIES", [text(c) for c in (event.body.value, "deadline")])
    component.add("DESCRIPTION", text(words.deadline_description(deadline)))
    _add_alarms(component, words.deadline_alarm(deadline), options.alarms)
    return component


def _add_dates(component: Component, event: Event) -> None:
    """All-day events end on the day after their last day (iCalendar's DTEND is exclusive:
    the one place our inclusive `end` is converted); timed events at their instants, in UTC;
    an event whose end is not announced has its first day or its start only."""
    if isinstance(event.start, datetime):
        zone = get_zone(event.timezone)
        component.add("DTSTART", event.start.replace(tzinfo=zone).astimezone(UTC))
        if isinstance(event.end, datetime):
            component.add("DTEND", event.end.replace(tzinfo=zone).astimezone(UTC))
        return
    component.add("DTSTART", event.first_day)
    if event.end_known:
        component.add("DTEND", event.last_day + timedelta(days=1))


def _common(event: Event, uid: str, options: ExportOptions) -> Component:
    component = Component("VEVENT")
    component.add("UID", uid)
    component.add("DTSTAMP", options.stamp)
    component.add("SEQUENCE", event.revision)
    if event.updated:
        component.add("LAST-MODIFIED", datetime.combine(event.updated, time(0), UTC))
    component.add("STATUS", ICS_STATUS[event.status])
    return component


def _add_alarms(component: Component, description: str, alarms: tuple[timedelta, ...]) -> None:
    for before in alarms:
        alarm = Component("VALARM")
        alarm.add("ACTION", "DISPLAY")
        alarm.add("DESCRIPTION", text(description))
        alarm.add("TRIGGER", -before)
        component.components.append(alarm)
