"""What a calendar is made of: events, their deadline specifications, rules, and the deadlines
derived from them. Frozen dataclasses (records, cheap to define at start-up); this module
imports nothing of ours but `record` and `str_enum`."""

import datetime as dt
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import field, fields
from datetime import date, datetime, tzinfo
from pathlib import Path

from itu_timeline.base.records import Choices, record, str_enum


@str_enum
class Body(Choices):
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


@str_enum
class Kind(Choices):
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


@str_enum
class Status(Choices):
    CONFIRMED = "confirmed"
    TENTATIVE = "tentative"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


@str_enum
class Basis(Choices):
    """How an event's dates are known (beside `status`: does it take place as announced)."""

    OFFICIAL = "official"  # read on an official page of the organiser
    REPORTED = "reported"  # read in a secondary source
    DERIVED = "derived"  # computed from a rule
    EXPECTED = "expected"  # from the usual cycle, or marked provisional (TBC) by the organiser


@str_enum
class Format(Choices):
    """How people take part: rules for visas, fellowships and translation fit only some."""

    IN_PERSON = "in-person"
    HYBRID = "hybrid"
    ONLINE = "online"


@str_enum
class Precision(Choices):
    """How much of an event's dates is announced."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


DEFAULT_DEADLINE_TIME = dt.time(23, 59)


# The ITU's official languages besides English (whose title is `title`), in the order the ITU
# lists them: Arabic, Chinese, French, Russian, Spanish.
LANGUAGES = ("ar", "zh", "fr", "ru", "es")

# The one list of fields: a dataclass's fields in order are the keys of its TOML table, in
# the order files are written, except those marked internal (what the program adds, such as
# the file an event was read from). Schema, JSON/CSV, `--clear` and the editing options are
# derived from them (tests/test_fields.py checks the places that cannot be derived).
INTERNAL = {"internal": True}


def file_keys(cls: type) -> tuple[str, ...]:
    """The keys a file may give for `cls`, in the order they are written."""
    return tuple(f.name for f in fields(cls) if not f.metadata.get("internal"))


@record(slots=True, kw_only=True)
class DeadlineSpec:
    """A deadline as written in a file: relative to the event's first day, or at a fixed date.
    Without a `time` (and with `at` a date) only the day is known: no time is made up."""

    name: str
    before: str | None = None  # "12 days", "8 months": a relativedelta before the first day
    at: date | datetime | None = None  # a date, or a local datetime in `timezone`
    time: dt.time | None = None
    timezone: str | None = None
    source: str | None = None
    notes: str | None = None


@record(slots=True, kw_only=True)
class Title:
    """An event's name in one more language, as the organiser publishes it, and where it was
    read: a name no source gives is left out, never translated by us."""

    title: str
    source: str


@record(slots=True, kw_only=True)
class Rule:
    """Deadlines that every event matching `match` gets (keys: body, kind, tags, id, format),
    except the events whose ids are in `exclude`."""

    id: str
    name: str
    match: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    before: str
    time: dt.time | None = None
    timezone: str | None = None
    source: str | None = None
    notes: str | None = None
    origin: Path | None = field(default=None, metadata=INTERNAL)
    # The only event ids it reaches, for a feed's rule: its own events (core/feed_scope.py);
    # as the day index keeps them, `day_index.EventIds`.
    within: AbstractSet[str] | None = field(default=None, metadata=INTERNAL)


@record(slots=True, kw_only=True)
class Event:
    """A meeting. Its dates are days (`end` the last day, inclusive, as people write meeting
    dates) or local date-times in `timezone` (`end` the instant it ends); `end` is None when
    it is not announced."""

    id: str
    title: str
    titles: Mapping[str, Title] = field(default_factory=dict)  # by language, in LANGUAGES order
    body: Body
    kind: Kind
    start: date | datetime
    end: date | datetime | None
    precision: Precision = Precision.DAY
    location: str | None = None
    timezone: str
    format: Format | None = None
    status: Status = Status.CONFIRMED
    basis: Basis | None = None
    url: str | None = None
    source: str | None = None
    # Where the meeting was seen to take place (a summary, a report): a fact apart from
    # `status`, which says only whether it takes place as its organiser announced it.
    outcome: str | None = None
    tags: tuple[str, ...] = ()
    notes: str | None = None
    revision: int = 0
    updated: date | None = None
    uid: str | None = None  # the UID of the .ics event it was imported from
    # What the source said at the last import: a fingerprint per field, and the source's own
    # tags, so that a re-import changes only what the source changed (store/merging.py).
    imported: Mapping[str, str | tuple[str, ...]] | None = None
    deadlines: tuple[DeadlineSpec, ...] = ()
    origin: Path | None = field(default=None, metadata=INTERNAL)  # the file it was read from
    # The days it is known to touch, in its own zone: kept, as filters ask for them often.
    first_day: date = field(init=False, repr=False, compare=False, metadata=INTERNAL)
    last_day: date = field(init=False, repr=False, compare=False, metadata=INTERNAL)

    def __post_init__(self) -> None:
        first, last = days_of(self.start, self.end)
        object.__setattr__(self, "first_day", first)
        object.__setattr__(self, "last_day", last)

    @property
    def is_approximate(self) -> bool:
        return self.precision is not Precision.DAY

    @property
    def is_timed(self) -> bool:
        return isinstance(self.start, datetime)

    @property
    def end_known(self) -> bool:
        return self.end is not None

    @property
    def days(self) -> int:
        """How many days it is known to touch (1 when its end is not announced)."""
        return (self.last_day - self.first_day).days + 1


def days_of(start: date | datetime, end: date | datetime | None) -> tuple[date, date]:
    """The first and last day that a start and end touch; the first day alone when the end
    is unknown. A timed end is an instant: a meeting ending at 00:00 ends the day before."""
    first = start.date() if isinstance(start, datetime) else start
    if end is None:
        return first, first
    if isinstance(end, datetime):
        last = (end - dt.timedelta(microseconds=1)).date()
        return first, max(first, last)
    return first, end


@record(slots=True)
class Deadline:
    """A deadline derived for one event. `day` is its date in its own zone; `due` the instant
    it falls due, aware of that zone: the stated time, or, when no time is stated
    (`timed` false), the end of `day`, so a countdown never runs out early."""

    event: Event
    name: str
    day: date
    due: datetime
    timed: bool = True
    rule_id: str | None = None
    source: str | None = None
    notes: str | None = None

    def day_in(self, zone: tzinfo) -> date:
        """The day it falls due as seen in `zone` (its own day when no time is stated)."""
        return self.due.astimezone(zone).date() if self.timed else self.day


@record
class Calendar:
    """Events and rules merged from one or more files, in the order the files were given."""

    events: tuple[Event, ...]
    rules: tuple[Rule, ...] = ()
    name: str = "ITU meetings"
    files: tuple[Path, ...] = ()
    curated: tuple[Path, datetime | None] | None = None  # the copy of the curated calendar used
    # feeds' copies of the curated calendar not newer than the one used, and their stamps
    left_out: tuple[tuple[Path, datetime | None], ...] = ()
    # The deadlines of its events as the day index stored them, derived when it was made
    # (core/day_index.py): by event id, with the event they were derived for. None when
    # read from the files: derive them.
    derived: Mapping[str, tuple[Event, tuple[Deadline, ...]]] | None = field(
        default=None, repr=False, compare=False
    )

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)
