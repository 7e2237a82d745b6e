"""Schema 1 of calendar files: turns a parsed TOML document into models, collecting every
problem (file, event, field) instead of stopping at the first."""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from itu_timeline.base.errors import Problem
from itu_timeline.core.dates import parse_before, parse_time
from itu_timeline.core.model import (
    Body,
    DeadlineSpec,
    Event,
    Kind,
    Precision,
    Rule,
    Status,
    file_keys,
)
from itu_timeline.core.tables import Table

SCHEMA = 1
ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")

FILE_KEYS = ("schema", "name", "timezone", "rules", "events")
EVENT_KEYS = file_keys(Event)
DEADLINE_KEYS = file_keys(DeadlineSpec)
RULE_KEYS = file_keys(Rule)
MATCH_KEYS = ("body", "kind", "tags", "id")


@dataclass(frozen=True)
class CalendarFile:
    """One file's content, validated."""

    path: Path
    events: tuple[Event, ...]
    rules: tuple[Rule, ...]
    name: str | None
    timezone: str | None


def parse_document(data: dict[str, Any], path: Path) -> tuple[CalendarFile, list[Problem]]:
    """Validate a whole document; the returned file holds only the entries that were valid."""
    problems: list[Problem] = []
    top = Table(data, str(path), None, problems)
    top.check_keys(FILE_KEYS)
    schema = top.get("schema", int, "an integer")
    if schema is not None and schema != SCHEMA:
        top.problem("schema", f"this version reads schema {SCHEMA}, not {schema}")
    name = top.text("name")
    file_zone = top.zone("timezone")
    rules = tuple(
        rule
        for i, raw in enumerate(top.tables("rules"), 1)
        if (rule := _rule(Table(raw, str(path), f"rule #{i}", problems), path)) is not None
    )
    events = _events(top.tables("events"), path, file_zone or "UTC", problems)
    return CalendarFile(path, events, rules, name, file_zone), problems


def _events(
    raws: list[dict[str, Any]], path: Path, file_zone: str, problems: list[Problem]
) -> tuple[Event, ...]:
    events: list[Event] = []
    seen: dict[str, int] = {}
    for position, raw in enumerate(raws, 1):
        raw_id = raw.get("id")
        where = f"event '{raw_id}'" if isinstance(raw_id, str) else f"event #{position}"
        table = Table(raw, str(path), where, problems)
        if isinstance(raw_id, str) and raw_id in seen:
            table.problem("id", f"duplicate id; event #{seen[raw_id]} has it too")
            continue
        if isinstance(raw_id, str):
            seen[raw_id] = position
        event = _event(table, path, file_zone)
        if event is not None:
            events.append(event)
    return tuple(events)


def _event(t: Table, path: Path, file_zone: str) -> Event | None:
    before = len(t.problems)
    t.check_keys(EVENT_KEYS)
    event_id = t.text("id", required=True)
    if event_id is not None and not ID_PATTERN.match(event_id):
        t.problem("id", "use lowercase letters, digits and '-' (like 'pp-26')")
    title = t.text("title", required=True)
    body = t.choice("body", Body, required=True)
    kind = t.choice("kind", Kind, required=True)
    start = t.day("start", required=True)
    end = t.day("end") or start
    precision = t.choice("precision", Precision, Precision.DAY)
    if start and end and end < start:
        t.problem("end", f"{end} is before start {start}")
    elif start and end and precision:
        _check_precision(t, precision, start, end)
    revision = t.get("revision", int, "an integer") or 0
    if revision < 0:
        t.problem("revision", "must not be negative")
    deadlines = tuple(
        spec
        for i, raw in enumerate(t.tables("deadlines"), 1)
        if (spec := _deadline(Table(raw, t.file, f"{t.where}, deadline #{i}", t.problems)))
    )
    location, timezone = t.text("location"), t.zone("timezone") or file_zone
    status = t.choice("status", Status, Status.CONFIRMED)
    url, source, tags, notes = t.text("url"), t.text("source"), t.strings("tags"), t.notes()
    updated, uid = t.day("updated"), t.text("uid")
    if (
        len(t.problems) > before
        or event_id is None
        or title is None
        or body is None
        or kind is None
        or start is None
        or end is None
        or precision is None
        or status is None
    ):
        return None
    return Event(
        id=event_id,
        title=title,
        body=body,
        kind=kind,
        start=start,
        end=end,
        timezone=timezone,
        precision=precision,
        location=location,
        status=status,
        url=url,
        source=source,
        tags=tags,
        notes=notes,
        revision=revision,
        updated=updated,
        uid=uid,
        deadlines=deadlines,
        origin=path,
    )


def _check_precision(t: Table, precision: Precision, start: date, end: date) -> None:
    if precision is Precision.MONTH:
        last_of_month = (end.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(1)
        if start.day != 1:
            t.problem("start", "with precision 'month' the start must be the 1st of a month")
        if end != last_of_month:
            t.problem("end", "with precision 'month' the end must be the last day of a month")
    elif precision is Precision.YEAR and (start.timetuple()[1:3], end.timetuple()[1:3]) != (
        (1, 1),
        (12, 31),
    ):
        t.problem("start", "with precision 'year' the dates must run from 1 January to 31 December")


def _deadline(t: Table) -> DeadlineSpec | None:
    before = len(t.problems)
    t.check_keys(DEADLINE_KEYS)
    name = t.text("name", required=True)
    offset, at = t.text("before"), t.data.get("at")
    if (offset is None) == (at is None):
        t.problem("before", "give exactly one of 'before' (like \"12 days\") or 'at' (a date)")
    if offset is not None:
        t.parsed("before", parse_before)
    if at is not None and (not isinstance(at, date) or getattr(at, "tzinfo", None)):
        t.problem("at", "must be a date (2027-03-01) or a local date-time (2027-03-01T16:00)")
    elif at is not None:
        t.in_range("at", at)
    at_time = t.parsed("time", parse_time)
    if isinstance(at, datetime) and at_time is not None:
        t.problem("time", "'at' already gives a time; leave 'time' out")
    zone, source, notes = t.zone("timezone"), t.text("source"), t.notes()
    if len(t.problems) > before or name is None:
        return None
    return DeadlineSpec(
        name=name, before=offset, at=at, time=at_time, timezone=zone, source=source, notes=notes
    )


def _rule(t: Table, path: Path) -> Rule | None:
    before = len(t.problems)
    t.check_keys(RULE_KEYS)
    rule_id = t.text("id", required=True)
    if rule_id is not None:
        t.where = f"rule '{rule_id}'"
    name = t.text("name", required=True)
    offset = t.text("before", required=True)
    if offset is not None:
        t.parsed("before", parse_before)
    match = _match(Table(t.get("match", dict, "a table") or {}, t.file, t.where, t.problems))
    at_time, zone = t.parsed("time", parse_time), t.zone("timezone")
    source, notes = t.text("source"), t.notes()
    if len(t.problems) > before or rule_id is None or name is None or offset is None:
        return None
    return Rule(
        id=rule_id,
        name=name,
        before=offset,
        match=match,
        time=at_time,
        timezone=zone,
        source=source,
        notes=notes,
        origin=path,
    )


def _match(t: Table) -> dict[str, tuple[str, ...]]:
    t.check_keys(MATCH_KEYS)
    match = {key: t.strings(key) for key in MATCH_KEYS if key in t.data}
    for key, enum in (("body", Body), ("kind", Kind)):
        for value in match.get(key, ()):
            if value not in enum._value2member_map_:
                allowed = ", ".join(m.value for m in enum)
                t.problem(f"match.{key}", f"'{value}' is not one of: {allowed}")
    return match
