"""JSON and CSV: the stable machine formats. Keys never change meaning; unset fields are null
in JSON and empty in CSV; dates are ISO 8601 strings."""

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from enum import StrEnum
from types import UnionType
from typing import Any, get_args, get_origin, get_type_hints
from zoneinfo import ZoneInfo

from itu_timeline.core.model import Deadline, Event
from itu_timeline.core.schema import EVENT_KEYS
from itu_timeline.core.subscriptions import feed_of
from itu_timeline.core.text import dates_label, escape_invisible, iso_span, safe
from itu_timeline.core.upcoming import Item, countdown

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


def event_record(event: Event, zone: ZoneInfo) -> dict[str, Any]:
    """An event as JSON has it; `dates` in words, timed spans in `zone`."""
    record = {
        name: dates_label(event, zone) if name == "dates" else convert(getattr(event, name))
        for name, convert in _CONVERTERS
    }
    record["feed"] = feed_of(event.origin)
    return record


def _converter(annotation: object) -> Callable[[Any], Any]:
    """How a field of this type is written in JSON: choices by their names, dates as ISO
    strings, tuples as lists. Chosen once per field, as a list of 100,000 events asks often."""
    kinds = get_args(annotation) if isinstance(annotation, UnionType) else (annotation,)
    if any(isinstance(k, type) and issubclass(k, StrEnum) for k in kinds):
        return lambda value: None if value is None else value.value
    if any(k in (date, datetime) for k in kinds):
        return lambda value: None if value is None else value.isoformat()
    if any(get_origin(k) is tuple for k in kinds):
        return list
    return lambda value: value


_TYPES = get_type_hints(Event)
_CONVERTERS = [(name, _converter(_TYPES.get(name, str))) for name in EVENT_FIELDS[:-1]]


def to_json(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A JSON list, one record at a time, so a large result never sits in memory whole: the
    same text as `json.dumps(records, indent=2, ensure_ascii=False)` (a test checks), written
    with the C encoder value by value, as the indenting encoder is pure Python and slow.
    ensure_ascii=False keeps Arabic or Chinese titles readable; json still escapes C0 control
    characters, and the C1 controls and bidirectional overrides are escaped here (`\u202e`),
    so no reader of the file is shown text other than it reads."""
    separator = "[\n  "
    for record in records:
        yield separator + escape_invisible(_record(record))
        separator = ",\n  "
    yield "[]\n" if separator.startswith("[") else "\n]\n"


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def _record(record: dict[str, Any]) -> str:
    if not record:
        return "{}"
    members = (f"{_ENCODE(key)}: {_value(value)}" for key, value in record.items())
    return "{\n    " + ",\n    ".join(members) + "\n  }"


def _value(value: object) -> str:
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n      " + ",\n      ".join(_ENCODE(v) for v in value) + "\n    ]"
    return _ENCODE(value)


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
        "countdown": countdown(item),
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


def _due(deadline: Deadline | None, zone: ZoneInfo) -> str | None:
    """The instant with the offset of `zone`; only the day when no time is stated."""
    if deadline is None:
        return None
    return deadline.due.astimezone(zone).isoformat() if deadline.timed else deadline.day.isoformat()
