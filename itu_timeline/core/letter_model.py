"""What `letter` reads from a letter: meetings and their deadlines, as the records of
`letter --format json` (keys documented in the README)."""

import datetime as dt
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo

from itu_timeline.core.zones import get_zone

HEADQUARTERS_ZONE = "Europe/Zurich"  # a time printed with no zone is Geneva time


@dataclass(frozen=True)
class LetterDeadline:
    name: str
    day: date
    time: dt.time | None = None
    zone: str | None = None  # an IANA zone, "UTC" or an offset "+01:00"; with `time` only
    stated: bool = True

    def record(self) -> dict[str, object]:
        return {"name": self.name, "due": self.due, "time_stated": self.time is not None,
                "stated": self.stated}  # fmt: skip

    @property
    def due(self) -> str:
        """The day, or the date-time with the offset the letter's zone has on that day."""
        if self.time is None:
            return self.day.isoformat()
        moment = datetime.combine(self.day, self.time, zone_of(self.zone))
        return moment.isoformat(timespec="minutes")


def zone_of(zone: str | None) -> tzinfo:
    """An IANA zone, or a fixed offset such as '+01:00' (what 'CET' means in a letter)."""
    if zone and zone[0] in "+-":
        hours, minutes = zone[1:].split(":")
        offset = timedelta(hours=int(hours), minutes=int(minutes))
        return timezone(-offset if zone[0] == "-" else offset)
    return get_zone(zone or HEADQUARTERS_ZONE)


@dataclass(frozen=True)
class Note:
    """A remark on what a letter says of a meeting, kept as data: its sentence in English
    (marked for the catalogs) and the values put into it. The JSON and the calendar file keep
    the English text (`str`); `letter` shows it in the reader's language on stderr."""

    message: str
    values: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return self.message.format(**dict(self.values))


def note(message: str, **values: object) -> Note:
    return Note(message, tuple((k, str(v)) for k, v in values.items()))


@dataclass
class Meeting:
    """One meeting a letter announces."""

    reference: str | None
    letter_date: date | None
    body: str
    group: str | None
    title: str
    start: date
    end: date
    location: str | None = None
    format: str | None = None
    opening: dt.time | None = None
    timezone: str | None = None
    deadlines: list[LetterDeadline] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    pos: int = 0  # where in the letter's text it is announced
    mentions: tuple[int, ...] = ()  # where else (the same meeting in the subject and the body)
    key: str | None = None  # the reference in English: one letter in any language
    assumed: bool = False  # its group is the letter's, for want of one named beside it
    beside: bool = False  # its sentence names a meeting held alongside ("joint Rapporteurs'")

    @property
    def not_stated(self) -> list[str]:
        keys = ("reference", "letter_date", "group", "location", "opening", "timezone")
        missing = [k for k in keys if getattr(self, k) is None]
        return [*missing, *(["deadlines"] if not self.deadlines else [])]

    def record(self) -> dict[str, object]:
        """The JSON record: dates as ISO text, unknowns as null."""
        return {
            "reference": self.reference,
            "letter_date": self.letter_date.isoformat() if self.letter_date else None,
            "body": self.body,
            "group": self.group,
            "title": self.title,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "location": self.location,
            "format": self.format,
            "opening": self.opening.strftime("%H:%M") if self.opening else None,
            "timezone": self.timezone,
            "deadlines": [d.record() for d in self.deadlines],
            "not_stated": self.not_stated,
            "notes": [str(n) for n in self.notes],
        }
