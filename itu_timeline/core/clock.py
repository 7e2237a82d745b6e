""" "Now", as one value: the instant a command runs for and the zone its dates are shown in.

Only the CLI reads the wall clock; with `--today` it pins the instant to midnight of that day
in the display zone, and says so (`pinned`), so every command is reproducible."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from itu_timeline.base.records import record


@record
class Now:
    """The instant a command runs for, and the zone it shows dates in."""

    instant: datetime  # aware
    zone: ZoneInfo  # the display zone: what "today" means, and how times are shown
    pinned: bool = False  # a pretended day (--today), not the wall clock

    @classmethod
    def pinned_to(cls, day: date, zone: ZoneInfo) -> "Now":
        return cls(datetime.combine(day, time(0), zone), zone, pinned=True)

    @property
    def today(self) -> date:
        return self.instant.astimezone(self.zone).date()

    def utc(self) -> datetime:
        """The instant in UTC to the second: midnight UTC of the day when pinned, so that
        anything stamped with it (an .ics DTSTAMP) is the same on every run."""
        if self.pinned:
            return datetime.combine(self.today, time(0), UTC)
        return self.instant.astimezone(UTC).replace(microsecond=0)
