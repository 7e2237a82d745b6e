"""JSON and CSV: the stable machine formats. Keys never change meaning; unset fields are null
in JSON and empty in CSV; dates are ISO 8601 strings."""

import csv
import functools
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict
from datetime import date, datetime
from enum import StrEnum
from operator import attrgetter, methodcaller
from pathlib import Path
from types import UnionType
from typing import Any, get_args, get_origin, get_type_hints
from zoneinfo import ZoneInfo

from itu_timeline.base.i18n import current, english
from itu_timeline.core.model import Deadline, Event
from itu_timeline.core.schema import EVENT_KEYS
from itu_timeline.core.subscriptions import feed_of
from itu_timeline.core.text import dates_label, iso_span, safe
from itu_timeline.core.upcoming import Item, countdown
from itu_timeline.render.json_text import rows_json
from itu_timeline.render.json_text import to_json as to_json  # where callers find it

# A file's keys, less what is bookkeeping of a file (the UID an event was imported from and
# what the source said then; its deadline specifications, which become items of their own),
# plus `dates`, the dates in words.
LEFT_OUT = ("uid", "imported", "deadlines")
EVENT_FIELDS = (
    *(
        name
        for key in EVENT_KEYS
        if key not in LEFT_OUT
        for name in ((key, "dates") if key == "precision" else (key,))
    ),
    "feed",  # the subscribed feed the event came from, or null
)


def events_json(events: Iterable[Event], zone: ZoneInfo) -> Iterator[str]:
    """The JSON list of `events`' records (as `to_json` of them), made without the dicts."""
    feeds = functools.cache(feed_of)
    return rows_json((EVENT_FIELDS, record_values(e, zone, feeds)) for e in events)


def event_records(events: Iterable[Event], zone: ZoneInfo) -> Iterator[dict[str, Any]]:
    """The records of `events`, the feed of each file they came from looked up once (for
    every event, it was a quarter of `list --format json`)."""
    feeds = functools.cache(feed_of)
    return (event_record(e, zone, feeds) for e in events)


def event_record(
    event: Event, zone: ZoneInfo, feeds: Callable[[Path | None], str | None] = feed_of
) -> dict[str, Any]:
    """An event as JSON has it; `dates` in words, timed spans in `zone`."""
    return dict(zip(EVENT_FIELDS, record_values(event, zone, feeds), strict=True))


def record_values(
    event: Event, zone: ZoneInfo, feeds: Callable[[Path | None], object]
) -> list[Any]:
    """The values of an event's record, in the order of EVENT_FIELDS; `feeds` gives the last,
    from the file the event came from."""
    values = list(_ATTRIBUTES(event))
    for at, convert in _CONVERTERS:
        values[at] = convert(values[at])
    values.insert(_DATES_AT, _english_dates(event, zone))
    values.append(feeds(event.origin))
    return values


def _english_dates(event: Event, zone: ZoneInfo) -> str:
    """The words of `dates` are part of the contract: English in every language."""
    if current() == "en":  # no context to enter for each of 100,000 events
        return dates_label(event, zone)
    with english():
        return dates_label(event, zone)


def _converter(annotation: object) -> Callable[[Any], Any] | None:
    """How a field of this type is written in JSON: choices by their names, dates as ISO
    strings, tuples as lists, the rest as it is (None). Chosen once per field, as a list of
    100,000 events asks often; a field that is never None gets no test for it."""
    kinds = get_args(annotation) if isinstance(annotation, UnionType) else (annotation,)
    optional = type(None) in kinds
    if any(isinstance(k, type) and issubclass(k, StrEnum) for k in kinds):
        # str() of a StrEnum is its value, as a plain str
        return (lambda value: None if value is None else str(value)) if optional else str
    if any(k in (date, datetime) for k in kinds):
        iso = methodcaller("isoformat")
        return (lambda value: None if value is None else iso(value)) if optional else iso
    if any(get_origin(k) is tuple for k in kinds):
        return list
    if any(get_origin(k) is Mapping for k in kinds):  # titles: {"fr": {"title", "source"}}
        return lambda value: {key: asdict(v) for key, v in value.items()}
    return None


_TYPES = get_type_hints(Event)
_NAMES = tuple(name for name in EVENT_FIELDS if name not in ("dates", "feed"))
_ATTRIBUTES = attrgetter(*_NAMES)  # all of them in one call
_CONVERTERS = [
    (at, convert) for at, name in enumerate(_NAMES) if (convert := _converter(_TYPES[name]))
]
_DATES_AT = EVENT_FIELDS.index("dates")


def to_csv(records: Iterable[dict[str, Any]], fields: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow(_cell(record[f]) for f in fields)
    return out.getvalue()


# A cell starting with one of these is run as a formula by spreadsheets (CSV injection):
# `=HYPERLINK(...)` would be a link, `=cmd|...` a command. (Tab and CR, which OWASP lists too,
# cannot start a cell: `safe` has made them visible.)
FORMULA_START = ("=", "+", "-", "@")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # as JSON writes them, not Python's True/False
        return "true" if value else "false"
    if isinstance(value, int):  # our own numbers (days left, revision): -3 stays a number
        return str(value)
    if isinstance(value, list):
        return _as_text(";".join(safe(str(v)) for v in value))
    if isinstance(value, dict):  # titles: the same object as in JSON, on one line
        return _as_text(safe(json.dumps(value, ensure_ascii=False)))
    return _as_text(safe(str(value), keep_newlines=True))


def _as_text(cell: str) -> str:
    """A text cell that a spreadsheet would run as a formula, with the usual leading
    apostrophe, which makes it text there."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


ITEM_FIELDS = (
    "type",
    "event_id",
    "title",
    "deadline",
    "body",
    "kind",
    "status",
    "precision",
    "date",
    "end",
    "due",
    "days_left",
    "countdown",
    "urgency",
    "location",
    "source",
    "basis",
    "format",
    "time_stated",
    "period",
    "news",
    "feed",
)


def item_record(item: Item, zone: ZoneInfo) -> dict[str, Any]:
    event, deadline = item.event, item.deadline
    return {
        "type": item.type,
        "event_id": event.id,
        "title": event.title,
        "deadline": deadline.name if deadline else None,
        "body": event.body.value,
        "kind": event.kind.value,
        "status": event.status.value,
        "precision": event.precision.value,
        "date": item.day.isoformat() if item.day else None,
        "end": None if deadline or event.end is None or item.day is None else event.end.isoformat(),
        "due": _due(deadline, zone),
        "days_left": item.days_left,
        "countdown": _english_countdown(item),
        "urgency": item.urgency.value,
        "location": event.location,
        "source": deadline.source if deadline else event.source,
        "basis": event.basis.value if event.basis else None,
        "format": event.format.value if event.format else None,
        "time_stated": deadline.timed if deadline else None,
        "period": iso_span(event, zone) if event.is_approximate else None,
        "news": item.is_news,
        "feed": feed_of(event.origin),
    }


def _english_countdown(item: Item) -> str:
    with english():
        return countdown(item)


def _due(deadline: Deadline | None, zone: ZoneInfo) -> str | None:
    """The instant with the offset of `zone`; only the day when no time is stated."""
    if deadline is None:
        return None
    return deadline.due.astimezone(zone).isoformat() if deadline.timed else deadline.day.isoformat()
