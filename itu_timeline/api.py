"""The library API, for scripts around the tool: load the calendars, filter them, derive
deadlines and what is coming up, and write .ics, without Typer or Rich.

    from itu_timeline import load_calendar, make_filter, now_in, upcoming
    calendar = load_calendar()                     # the bundled calendar and the user's file
    for item in upcoming(calendar, make_filter(), now_in("Europe/Zurich")):
        print(item.event.id, item.days_left)

Errors are `TimelineError`s with lines that say what is wrong where; nothing prints."""

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from itu_timeline.base.errors import TimelineError
from itu_timeline.core import loader
from itu_timeline.core.clock import Now
from itu_timeline.core.deadlines import all_deadlines, event_deadlines
from itu_timeline.core.model import Body, Calendar, Deadline, Event, Kind, Precision, Rule, Status
from itu_timeline.core.query import Filter, make_filter, select
from itu_timeline.core.upcoming import Item, Urgency, countdown, upcoming
from itu_timeline.core.zones import get_zone

__all__ = [
    "Body",
    "Calendar",
    "Deadline",
    "Event",
    "Filter",
    "Item",
    "Kind",
    "Now",
    "Precision",
    "Rule",
    "Status",
    "TimelineError",
    "Urgency",
    "all_deadlines",
    "countdown",
    "event_deadlines",
    "ics_bytes",
    "load_calendar",
    "make_filter",
    "now_in",
    "select",
    "upcoming",
]


def load_calendar(paths: Iterable[str | Path] = ()) -> Calendar:
    """The calendars the CLI reads by default (the bundled one, then the user's own file), or
    exactly `paths`, merged: a later file's event replaces an earlier one's with the same id."""
    return loader.load(loader.default_sources([str(p) for p in paths]))


def now_in(zone: str, day: date | None = None) -> Now:
    """Now in the IANA `zone`; or midnight of `day` there, pinned, for reproducible results."""
    if day is not None:
        return Now.pinned_to(day, get_zone(zone))
    return Now(datetime.now(UTC).astimezone(get_zone(zone)), get_zone(zone))


def ics_bytes(
    events: Sequence[Event],
    rules: Iterable[Rule],
    now: Now,
    name: str = "ITU meetings",
    alarms: Sequence[timedelta] = (),
) -> bytes:
    """An RFC 5545 calendar of `events` and their deadlines, as `itu-timeline export` writes it
    (events whose days are not announced are left out, as there)."""
    from itu_timeline.render.ics import ExportOptions, chunks

    options = ExportOptions(name=name, stamp=now.utc(), alarms=tuple(alarms))
    dated = [e for e in events if not e.is_approximate]
    return b"".join(chunks(dated, rules, options))
