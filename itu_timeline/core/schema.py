"""Calendar files, schema 2 (and schema 1, still read): turns a parsed TOML document into
models, collecting every problem (file, event, field) instead of stopping at the first.

Schema 1 and 2 have the same keys; they differ in what a missing value means. In schema 1 an
event without `end` lasts one day and a deadline without `time` falls due at 23:59. In schema 2
nothing is made up: an event without `end` has an end not announced, and a deadline without
`time` has no time, only its day. A file that names no schema is read as schema 1, as files
were written before schema 2; `fmt` upgrades a file by writing those defaults out.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from itu_timeline.base.errors import Problem
from itu_timeline.base.i18n import _
from itu_timeline.core.dates import parse_before, parse_time
from itu_timeline.core.model import (
    DEFAULT_DEADLINE_TIME,
    Basis,
    Body,
    DeadlineSpec,
    Event,
    Format,
    Kind,
    Precision,
    Rule,
    Status,
    file_keys,
)
from itu_timeline.core.tables import Table, not_one_of
from itu_timeline.core.titles import read_titles

SCHEMA = 2  # what this version writes
READS = (1, 2)
ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")

FILE_KEYS = ("schema", "name", "published", "timezone", "rules", "events")
EVENT_KEYS = file_keys(Event)
DEADLINE_KEYS = file_keys(DeadlineSpec)
RULE_KEYS = file_keys(Rule)
MATCH_KEYS = ("body", "kind", "tags", "id", "format")


@dataclass(frozen=True)
class Defaults:
    """What a file leaves unsaid means this."""

    timezone: str
    schema_1: bool  # an event without `end` lasts a day; a deadline without `time`, 23:59

    @property
    def time(self) -> time | None:
        return DEFAULT_DEADLINE_TIME if self.schema_1 else None


@dataclass(frozen=True)
class CalendarFile:
    """One file's content, validated."""

    path: Path
    events: tuple[Event, ...]
    rules: tuple[Rule, ...]
    name: str | None
    timezone: str | None
    published: datetime | None = None  # when a curated calendar was published (feeds compare)


def parse_document(data: dict[str, Any], path: Path) -> tuple[CalendarFile, list[Problem]]:
    """Validate a whole document; the returned file holds only the entries that were valid."""
    problems: list[Problem] = []
    top = Table(data, str(path), None, problems)
    top.check_keys(FILE_KEYS)
    schema = top.get("schema", int, _("an integer")) or 1
    if schema not in READS:
        top.problem("schema", _("this version reads schemas 1 and 2, not {n}").format(n=schema))
    name = top.text("name")
    file_zone = top.zone("timezone")
    defaults = Defaults(file_zone or "UTC", schema == 1)
    rules = tuple(
        rule
        for i, raw in enumerate(top.tables("rules"), 1)
        if (
            rule := _rule(
                Table(raw, str(path), _("rule #{n}").format(n=i), problems), path, defaults
            )
        )
    )
    events = _events(top.tables("events"), path, defaults, problems)
    wanted = _("a date-time with its offset (2026-11-29T00:00:00Z)")
    published = top.get("published", datetime, wanted)
    if published is not None and published.tzinfo is None:
        top.problem("published", _("give the offset too, like 2026-11-29T06:00:00Z"))
        published = None
    return CalendarFile(path, events, rules, name, file_zone, published), problems


def _events(
    raws: list[dict[str, Any]], path: Path, defaults: Defaults, problems: list[Problem]
) -> tuple[Event, ...]:
    events: list[Event] = []
    seen: dict[str, int] = {}
    for position, raw in enumerate(raws, 1):
        raw_id = raw.get("id")
        named = isinstance(raw_id, str)
        where = _("event '{id}'").format(id=raw_id) if named else _("event #{n}").format(n=position)
        table = Table(raw, str(path), where, problems)
        if isinstance(raw_id, str) and raw_id in seen:
            table.problem("id", _("duplicate id; event #{n} has it too").format(n=seen[raw_id]))
            continue
        if isinstance(raw_id, str):
            seen[raw_id] = position
        event = _event(table, path, defaults)
        if event is not None:
            events.append(event)
    return tuple(events)


def _event(t: Table, path: Path, defaults: Defaults) -> Event | None:
    before = len(t.problems)
    t.check_keys(EVENT_KEYS)
    event_id = t.text("id", required=True)
    if event_id is not None and not ID_PATTERN.match(event_id):
        t.problem("id", _("use lowercase letters, digits and '-' (like 'pp-26')"))
    title, titles = t.text("title", required=True), read_titles(t)
    body, kind = t.choice("body", Body, required=True), t.choice("kind", Kind, required=True)
    precision = t.choice("precision", Precision, Precision.DAY)
    start, end = _dates(t, precision, defaults)
    revision = t.get("revision", int, _("an integer")) or 0
    if revision < 0:
        t.problem("revision", _("must not be negative"))
    deadlines = tuple(
        spec
        for i, raw in enumerate(t.tables("deadlines"), 1)
        if (spec := _deadline(t.inner(raw, _("deadline #{n}").format(n=i)), defaults))
    )
    location, timezone = t.text("location"), t.zone("timezone") or defaults.timezone
    status, basis = t.choice("status", Status, Status.CONFIRMED), t.choice("basis", Basis)
    meeting_format = t.choice("format", Format)
    url, source, outcome = t.text("url"), t.text("source"), t.text("outcome")
    tags, notes, updated = t.strings("tags"), t.notes(), t.day("updated")
    uid, imported = t.text("uid"), t.fingerprints("imported")
    if (
        len(t.problems) > before
        or event_id is None
        or title is None
        or body is None
        or kind is None
        or start is None
        or precision is None
        or status is None
    ):
        return None
    return Event(
        id=event_id, title=title, titles=titles, body=body, kind=kind, start=start, end=end,
        precision=precision, location=location, timezone=timezone, format=meeting_format,
        status=status, basis=basis, url=url, source=source, outcome=outcome, tags=tags,
        notes=notes, revision=revision, updated=updated, uid=uid, imported=imported,
        deadlines=deadlines, origin=path,
    )  # fmt: skip


Moment = date | datetime


def _dates(
    t: Table, precision: Precision | None, defaults: Defaults
) -> tuple[Moment | None, Moment | None]:
    """Start and end: both days or both local date-times; a missing end is unknown (schema
    2), the first day (schema 1), or the end of the month or year that `precision` names."""
    start, end = t.moment("start", required=True), t.moment("end")
    if start is None:
        return None, None
    timed = isinstance(start, datetime)
    if end is not None and isinstance(end, datetime) != timed:
        t.problem(
            "end",
            _("must be a date-time, like 'start'") if timed else _("must be a date, like 'start'"),
        )
        return start, None
    if precision in (Precision.MONTH, Precision.YEAR):
        if timed:
            message = _("with precision '{precision}' give a date, not a date-time")
            t.problem("start", message.format(precision=precision))
            return start, None
        end = end or _period_end(start, precision)
        _check_precision(t, precision, start, end)
    elif end is None and defaults.schema_1 and not timed:
        end = start
    if end is not None and _order(start) >= _order(end) and (timed or end != start):
        message = (
            _("{end} is not after start {start}") if timed else _("{end} is before start {start}")
        )
        t.problem("end", message.format(end=end, start=start))
    return start, end


def _order(moment: Moment) -> tuple[date, time]:
    """A date and a date-time in one order (a datetime is also a date, but does not compare)."""
    if isinstance(moment, datetime):
        return moment.date(), moment.time()
    return moment, time(0)


def _period_end(start: date, precision: Precision) -> date:
    if precision is Precision.YEAR:
        return date(start.year, 12, 31)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _check_precision(t: Table, precision: Precision, start: date, end: date) -> None:
    if precision is Precision.MONTH:
        if start.day != 1:
            t.problem("start", _("with precision 'month' the start must be the 1st of a month"))
        if end != _period_end(end, precision):
            t.problem("end", _("with precision 'month' the end must be the last day of a month"))
    elif (start.month, start.day, end.month, end.day) != (1, 1, 12, 31):
        t.problem(
            "start", _("with precision 'year' the dates must run from 1 January to 31 December")
        )


def _deadline(t: Table, defaults: Defaults) -> DeadlineSpec | None:
    before = len(t.problems)
    t.check_keys(DEADLINE_KEYS)
    name = t.text("name", required=True)
    offset, at = t.text("before"), t.data.get("at")
    if (offset is None) == (at is None):
        t.problem("before", _("give exactly one of 'before' (like \"12 days\") or 'at' (a date)"))
    if offset is not None:
        t.parsed("before", parse_before)
    if at is not None and (not isinstance(at, date) or getattr(at, "tzinfo", None)):
        t.problem("at", _("must be a date (2027-03-01) or a local date-time (2027-03-01T16:00)"))
    elif at is not None:
        t.in_range("at", at)
    at_time = t.parsed("time", parse_time)
    if isinstance(at, datetime) and at_time is not None:
        t.problem("time", _("'at' already gives a time; leave 'time' out"))
    elif not isinstance(at, datetime) and "time" not in t.data:
        at_time = defaults.time
    zone, source, notes = t.zone("timezone"), t.text("source"), t.notes()
    if len(t.problems) > before or name is None:
        return None
    return DeadlineSpec(
        name=name, before=offset, at=at, time=at_time, timezone=zone, source=source, notes=notes
    )


def _rule(t: Table, path: Path, defaults: Defaults) -> Rule | None:
    before = len(t.problems)
    t.check_keys(RULE_KEYS)
    rule_id = t.text("id", required=True)
    if rule_id is not None:
        t.where = _("rule '{id}'").format(id=rule_id)
    name = t.text("name", required=True)
    offset = t.text("before", required=True)
    if offset is not None:
        t.parsed("before", parse_before)
    match = _match(Table(t.get("match", dict, _("a table")) or {}, t.file, t.where, t.problems))
    exclude = t.strings("exclude")
    at_time, zone = t.parsed("time", parse_time), t.zone("timezone")
    if "time" not in t.data:
        at_time = defaults.time
    source, notes = t.text("source"), t.notes()
    if len(t.problems) > before or rule_id is None or name is None or offset is None:
        return None
    return Rule(
        id=rule_id,
        name=name,
        before=offset,
        match=match,
        exclude=exclude,
        time=at_time,
        timezone=zone,
        source=source,
        notes=notes,
        origin=path,
    )


def _match(t: Table) -> dict[str, tuple[str, ...]]:
    t.check_keys(MATCH_KEYS)
    match = {key: t.strings(key) for key in MATCH_KEYS if key in t.data}
    for key, enum in (("body", Body), ("kind", Kind), ("format", Format)):
        for value in match.get(key, ()):
            if value not in enum._value2member_map_:
                t.problem(f"match.{key}", not_one_of(value, enum))
    return match
