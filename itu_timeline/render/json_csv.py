"""JSON and CSV: the stable machine formats. Keys never change meaning; unset fields are null
in JSON and empty in CSV; dates are ISO 8601 strings."""

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from itu_timeline.core.model import Event
from itu_timeline.core.schema import EVENT_KEYS
from itu_timeline.core.text import dates_label, safe
from itu_timeline.core.upcoming import Item, countdown

# A file's keys, less what is bookkeeping of a file (the UID an event was imported from, its
# deadline specifications, which become items of their own), plus `dates`, the dates in words.
LEFT_OUT = ("uid", "deadlines")
EVENT_FIELDS = tuple(
    name
    for key in EVENT_KEYS
    if key not in LEFT_OUT
    for name in ((key, "dates") if key == "precision" else (key,))
)


def event_record(event: Event) -> dict[str, Any]:
    return {
        name: dates_label(event) if name == "dates" else plain(getattr(event, name))
        for name in EVENT_FIELDS
    }


def plain(value: object) -> object:
    """A field's value as JSON has it: dates as ISO strings, choices as their names."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    return value


def to_json(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A JSON list, one record at a time (the same text as dumping the list at once), so a
    large result never sits in memory whole. ensure_ascii=False keeps Arabic or Chinese
    titles readable; json still escapes control characters."""
    separator = "[\n  "
    for record in records:
        yield separator + json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        separator = ",\n  "
    yield "[]\n" if separator.startswith("[") else "\n]\n"


def to_csv(records: Iterable[dict[str, Any]], fields: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow(_cell(record[f]) for f in fields)
    return out.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(safe(str(v)) for v in value)
    return safe(str(value), keep_newlines=True)


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
        "date": (deadline.due.astimezone(zone).date() if deadline else event.start).isoformat(),
        "end": None if deadline else event.end.isoformat(),
        "due": deadline.due.astimezone(zone).isoformat() if deadline else None,
        "days_left": item.days_left,
        "countdown": countdown(item),
        "urgency": item.urgency.value,
        "location": event.location,
        "source": deadline.source if deadline else event.source,
    }
