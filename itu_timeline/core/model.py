"""What a calendar is made of: events, their deadline specifications, rules, and the deadlines
derived from them. Plain frozen dataclasses; this module imports nothing of ours."""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path


class Body(StrEnum):
    ITU = "ITU"  # General Secretariat and governing bodies (PP, Council, CWGs)
    ITU_T = "ITU-T"
    ITU_R = "ITU-R"
    ITU_D = "ITU-D"
    UN = "UN"
    APT = "APT"
    ATU = "ATU"
    ASMG = "ASMG"
    CEPT = "CEPT"
    CITEL = "CITEL"
    RCC = "RCC"
    OTHER = "other"


class Kind(StrEnum):
    PLENIPOTENTIARY = "plenipotentiary"
    COUNCIL = "council"
    WORKING_GROUP = "working-group"
    EXPERT_GROUP = "expert-group"
    ASSEMBLY = "assembly"
    CONFERENCE = "conference"
    STUDY_GROUP = "study-group"
    ADVISORY_GROUP = "advisory-group"
    PREPARATORY = "preparatory"
    FORUM = "forum"
    SUMMIT = "summit"
    WORKSHOP = "workshop"
    MILESTONE = "milestone"
    OTHER = "other"


class Status(StrEnum):
    CONFIRMED = "confirmed"
    TENTATIVE = "tentative"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class Precision(StrEnum):
    """How much of an event's dates is announced."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


DEFAULT_DEADLINE_TIME = dt.time(23, 59)

# The one list of fields: a dataclass's fields in order are the keys of its TOML table, in
# the order files are written, except those marked internal (what the program adds, such as
# the file an event was read from). Schema, JSON/CSV, `--clear` and the editing options are
# derived from them (tests/test_fields.py checks the places that cannot be derived).
INTERNAL = {"internal": True}


def file_keys(cls: type) -> tuple[str, ...]:
    """The keys a file may give for `cls`, in the order they are written."""
    return tuple(f.name for f in fields(cls) if not f.metadata.get("internal"))


@dataclass(frozen=True, slots=True, kw_only=True)
class DeadlineSpec:
    """A deadline as written in a file: relative to the event's first day, or at a fixed date."""

    name: str
    before: str | None = None  # "12 days", "8 months": a relativedelta before the first day
    at: date | datetime | None = None  # a date, or a local datetime in `timezone`
    time: dt.time | None = None
    timezone: str | None = None
    source: str | None = None
    notes: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """Deadlines that every event matching `match` gets (keys: body, kind, tags, id)."""

    id: str
    name: str
    match: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    before: str
    time: dt.time | None = None
    timezone: str | None = None
    source: str | None = None
    notes: str | None = None
    origin: Path | None = field(default=None, metadata=INTERNAL)


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    id: str
    title: str
    body: Body
    kind: Kind
    start: date
    end: date  # inclusive, as people write meeting dates
    precision: Precision = Precision.DAY
    location: str | None = None
    timezone: str
    status: Status = Status.CONFIRMED
    url: str | None = None
    source: str | None = None
    tags: tuple[str, ...] = ()
    notes: str | None = None
    revision: int = 0
    updated: date | None = None
    uid: str | None = None  # the UID of the .ics event it was imported from
    deadlines: tuple[DeadlineSpec, ...] = ()
    origin: Path | None = field(default=None, metadata=INTERNAL)  # the file it was read from

    @property
    def is_approximate(self) -> bool:
        return self.precision is not Precision.DAY

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline derived for one event: a due instant, aware of its time zone."""

    event: Event
    name: str
    due: datetime
    rule_id: str | None = None
    source: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Calendar:
    """Events and rules merged from one or more files, in the order the files were given."""

    events: tuple[Event, ...]
    rules: tuple[Rule, ...] = ()
    name: str = "ITU meetings"
    files: tuple[Path, ...] = ()

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)
