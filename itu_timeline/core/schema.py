"""Schema 1 of calendar files: turns a parsed TOML document into models, collecting every
problem (file, event, field) instead of stopping at the first."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from itu_timeline.base.errors import DateInputError, Problem
from itu_timeline.core.dates import parse_before, parse_time
from itu_timeline.core.model import Body, DeadlineSpec, Event, Kind, Precision, Rule, Status
from itu_timeline.core.zones import is_valid_zone

SCHEMA = 1
# Dates outside these years are refused: the arithmetic around them (a day after the last day,
# "8 months before" the first) must never leave what Python's dates can hold.
FIRST_YEAR, LAST_YEAR = 1900, 2999
TITLE_LIMIT, TEXT_LIMIT = 1_000, 20_000  # characters
ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")

FILE_KEYS = ("schema", "name", "timezone", "rules", "events")
EVENT_KEYS = (
    "id",
    "title",
    "body",
    "kind",
    "start",
    "end",
    "precision",
    "location",
    "timezone",
    "status",
    "url",
    "source",
    "tags",
    "notes",
    "revision",
    "updated",
    "uid",
    "deadlines",
)
DEADLINE_KEYS = ("name", "before", "at", "time", "timezone", "source", "notes")
RULE_KEYS = ("id", "name", "match", "before", "time", "timezone", "source", "notes")
MATCH_KEYS = ("body", "kind", "tags", "id")

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


@dataclass(frozen=True)
class CalendarFile:
    """One file's content, validated."""

    path: Path
    events: tuple[Event, ...]
    rules: tuple[Rule, ...]
    name: str | None
    timezone: str | None


def suggest(key: str, known: tuple[str, ...]) -> str:
    from difflib import get_close_matches

    close = get_close_matches(key, known, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def type_name(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, datetime):
        return "a date-time"
    names = {
        str: "text",
        int: "an integer",
        float: "a number",
        date: "a date",
        time: "a time",
        list: "a list",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)


class Table:
    """Reads the fields of one TOML table, recording a problem for each bad one."""

    def __init__(
        self, data: dict[str, Any], file: str, where: str | None, problems: list[Problem]
    ) -> None:
        self.data, self.file, self.where, self.problems = data, file, where, problems

    def problem(self, field: str | None, message: str) -> None:
        self.problems.append(Problem(self.file, self.where, field, message))

    def check_keys(self, known: tuple[str, ...]) -> None:
        for key in self.data:
            if key not in known:
                self.problem(key, f"unknown key{suggest(key, known)}")

    def get(self, key: str, kind: type[T], wanted: str, required: bool = False) -> T | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem(key, "missing (required)")
            return None
        bad_bool = isinstance(value, bool) and kind is not bool
        bad_datetime = isinstance(value, datetime) and kind is date
        if not isinstance(value, kind) or bad_bool or bad_datetime:
            hint = " (write dates without quotes: 2027-03-15)" if kind is date else ""
            self.problem(key, f"must be {wanted}, not {type_name(value)}{hint}")
            return None
        return value

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.get(key, str, "text", required)
        if value is not None and not value.strip():
            self.problem(key, "must not be empty")
            return None
        return value if value is None or self.short_enough(key, value) else None

    def short_enough(self, key: str, value: str) -> bool:
        limit = TITLE_LIMIT if key in ("title", "name", "id", "location") else TEXT_LIMIT
        if len(value) > limit:
            self.problem(key, f"{len(value)} characters is over the limit of {limit}")
            return False
        return True

    def day(self, key: str, required: bool = False) -> date | None:
        value = self.get(key, date, "a date", required)
        return value if value is None or self.in_range(key, value) else None

    def in_range(self, key: str, value: date) -> bool:
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            self.problem(key, f"{value} is outside the years {FIRST_YEAR}-{LAST_YEAR}")
            return False
        return True

    def choice(
        self, key: str, enum: type[E], default: E | None = None, required: bool = False
    ) -> E | None:
        value = self.text(key, required)
        if value is None:
            return default
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(m.value for m in enum)
            self.problem(key, f"'{value}' is not one of: {allowed}")
            return None

    def notes(self) -> str | None:
        value = self.get("notes", str, "text")
        return value if value is None or self.short_enough("notes", value) else None

    def zone(self, key: str) -> str | None:
        value = self.text(key)
        if value is not None and not is_valid_zone(value):
            self.problem(key, f"unknown time zone '{value}'; use an IANA name like Europe/Zurich")
            return None
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(key, f"must be a list of text, not {type_name(value)}")
            return ()
        if not all(self.short_enough(key, v) for v in value):
            return ()
        return tuple(value)

    def parsed(self, key: str, parse: Callable[[str], T]) -> T | None:
        value = self.data.get(key)
        if isinstance(value, time) and parse is parse_time:
            return value  # type: ignore[return-value]  # a TOML local time is already parsed
        text = self.text(key)
        if text is None:
            return None
        try:
            return parse(text)
        except DateInputError as err:
            self.problem(key, str(err))
            return None

    def tables(self, key: str) -> list[dict[str, Any]]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem(key, f"must be an array of tables ([[{key}]]), not {type_name(value)}")
            return []
        return value


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
