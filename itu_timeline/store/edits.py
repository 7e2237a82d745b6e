"""Changes to a calendar document (the parsed TOML, as plain dicts): adding, editing and
removing events. Keys are kept in the schema's order, so tomli-w writes an edited event the
way it writes a new one and an edit touches only that event's lines."""

import copy
from datetime import date, datetime
from typing import Any

from itu_timeline.base.errors import UnknownEventError, UsageError
from itu_timeline.base.i18n import _
from itu_timeline.core.model import DEFAULT_DEADLINE_TIME, LANGUAGES
from itu_timeline.core.schema import DEADLINE_KEYS, EVENT_KEYS, RULE_KEYS, SCHEMA
from itu_timeline.core.text import slug

CLEARABLE = tuple(k for k in EVENT_KEYS if k not in ("id", "title", "body", "kind", "start"))


def make_id(title: str, start: date) -> str:
    """An id from a title and a first day: its words, then the year unless a word already
    is the year; 'event-' and the day for a title with no letters, never the date alone.

    >>> make_id("WTSA-28 prep (Geneva)", date(2028, 1, 1))
    'wtsa-28-prep-geneva-2028'
    >>> make_id("Москва 2027", date(2027, 5, 1))
    'moskva-2027'
    >>> make_id("!!!", date(2027, 5, 1))
    'event-2027-05-01'
    """
    words = slug(title)
    day = start.date() if isinstance(start, datetime) else start
    if not words:
        return f"event-{day.isoformat()}"
    return words if str(day.year) in words.split("-") else f"{words}-{day.year}"


def unique_id(wanted: str, taken: set[str]) -> str:
    if wanted not in taken:
        return wanted
    n = 2
    while f"{wanted}-{n}" in taken:
        n += 1
    return f"{wanted}-{n}"


def ordered(table: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """The table with known keys in schema order, unknown ones after (the validator names them)."""
    known = {k: table[k] for k in keys if k in table}
    return known | {k: v for k, v in table.items() if k not in known}


def events_of(document: dict[str, Any]) -> list[dict[str, Any]]:
    events = document.setdefault("events", [])
    if not isinstance(events, list):
        raise UsageError(_("the file's 'events' is not an array of tables"))
    return events


def find(document: dict[str, Any], event_id: str) -> dict[str, Any] | None:
    return next((e for e in events_of(document) if e.get("id") == event_id), None)


def add_event(document: dict[str, Any], fields: dict[str, Any]) -> None:
    """Add an event; a field whose value is None is left out (an end not announced)."""
    if find(document, fields["id"]) is not None:
        message = _("an event with id '{id}' is already in this file; use edit")
        raise UsageError(message.format(id=fields["id"]))
    events_of(document).append(normalize({k: v for k, v in fields.items() if v is not None}))


def remove_deadline(table: dict[str, Any], name: str) -> None:
    """Remove the event's own deadline called `name` (in any case)."""
    own = table.get("deadlines", [])
    kept = [d for d in own if str(d.get("name", "")).casefold() != name.casefold()]
    if len(kept) == len(own):
        names = ", ".join(repr(d.get("name")) for d in own)
        message = (
            _("the event has no deadline of its own called '{name}' (it has: {names})")
            if own
            else _("the event has no deadline of its own called '{name}' (it has: none)")
        )
        raise UsageError(message.format(name=name, names=names))
    if kept:
        table["deadlines"] = kept
    else:
        table.pop("deadlines")


def same_event(document: dict[str, Any], fields: dict[str, Any]) -> str | None:
    """The id of an event in `document` with the same title and start as `fields`."""
    for event in events_of(document):
        same_title = str(event.get("title", "")).casefold() == str(fields["title"]).casefold()
        if same_title and event.get("start") == fields["start"]:
            return str(event.get("id"))
    return None


def require_schema_2(document: dict[str, Any], fields: dict[str, Any], path: object) -> None:
    """An unknown end can only be said in schema 2: in schema 1 a missing end means one day."""
    if document.get("schema", 1) == 1 and "end" in fields and fields["end"] is None:
        raise UsageError(
            _(
                "{path} is in schema 1, where an event without an end lasts one day; "
                "upgrade it first with: itu-timeline fmt {path}"
            ).format(path=path)
        )


def upgrade(document: dict[str, Any]) -> bool:
    """Rewrite a schema 1 document as schema 2, with what schema 1 left unsaid written out
    (an event without an end lasts one day; a deadline without a time is due at 23:59), so
    it means the same. True if it was schema 1."""
    if document.get("schema", 1) == SCHEMA:
        return False
    for event in events_of(document):
        one_day = event.get("precision", "day") == "day" and not isinstance(
            event.get("start"), datetime
        )
        if "end" not in event and "start" in event and one_day:
            event["end"] = event["start"]
        for spec in event.get("deadlines", []):
            _timed(spec)
        _replace(event, normalize(event))
    for rule in document.get("rules", []):
        _timed(rule)
        _replace(rule, ordered(rule, RULE_KEYS))
    document["schema"] = SCHEMA
    return True


def _replace(table: dict[str, Any], replacement: dict[str, Any]) -> None:
    table.clear()
    table.update(replacement)


def _timed(spec: dict[str, Any]) -> None:
    if "time" not in spec and not isinstance(spec.get("at"), datetime):
        spec["time"] = DEFAULT_DEADLINE_TIME


def clearable(name: str) -> str:
    """`name`, if it is a field an edit may remove."""
    if name not in CLEARABLE:
        message = _("'{name}' cannot be cleared; fields that can: {fields}")
        raise UsageError(message.format(name=name, fields=", ".join(CLEARABLE)))
    return name


def edit_event(
    table: dict[str, Any], changes: dict[str, Any], clear: list[str], today: date
) -> None:
    """Apply `changes` and `clear` to one event's table in place; bump revision, set updated."""
    for name in clear:
        table.pop(clearable(name), None)
    for name in [k for k, v in changes.items() if v is None]:  # --end unknown
        table.pop(name, None)
        del changes[name]
    if "deadlines" in changes:  # a deadline of the same name is replaced, others are kept
        given = changes.pop("deadlines")
        names = {d["name"].casefold() for d in given}
        kept = [
            d for d in table.get("deadlines", []) if str(d.get("name", "")).casefold() not in names
        ]
        table["deadlines"] = [*kept, *given]
    if "titles" in changes:  # a name in the same language is replaced, others are kept
        table["titles"] = {**table.get("titles", {}), **changes.pop("titles")}
    table.update(changes)
    table["revision"] = int(table.get("revision", 0)) + 1
    table["updated"] = today
    _replace(table, normalize(table))


def normalize(table: dict[str, Any]) -> dict[str, Any]:
    event = ordered(table, EVENT_KEYS)
    if isinstance(event.get("titles"), dict):
        event["titles"] = ordered(event["titles"], LANGUAGES)
    if "deadlines" in event:
        event["deadlines"] = [ordered(d, DEADLINE_KEYS) for d in event["deadlines"]]
    return event


def upsert_copy(document: dict[str, Any], original: dict[str, Any]) -> dict[str, Any]:
    """Put a copy of an event from another file into this one (an override), or return the
    one already here."""
    existing = find(document, original["id"])
    if existing is not None:
        return existing
    duplicate = copy.deepcopy(original)
    events_of(document).append(duplicate)
    return duplicate


def remove_event(document: dict[str, Any], event_id: str) -> dict[str, Any]:
    table = find(document, event_id)
    if table is None:
        raise UnknownEventError(_("no event with id '{id}' in this file").format(id=event_id))
    events_of(document).remove(table)
    return table
