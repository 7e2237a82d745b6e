"""The errors the core raises: every one a `TimelineError`, each carrying lines that read well
after ``error:``. The CLI turns them into messages on stderr and exit code 2 in one place."""

from dataclasses import dataclass


class TimelineError(Exception):
    """Base of every error the core raises on purpose."""

    def lines(self) -> list[str]:
        return [str(self)]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a calendar file, located as precisely as we know."""

    file: str
    where: str | None  # "event 'pp-26'", "event #3", "rule 'itut-contrib'", or None (file level)
    field: str | None
    message: str

    def __str__(self) -> str:
        parts = [self.file]
        if self.where:
            parts.append(self.where)
        if self.field:
            parts.append(f"field '{self.field}'")
        return ": ".join(parts) + f": {self.message}"


class CalendarInvalid(TimelineError):
    """A calendar file has problems; all of them are listed so they can be fixed in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in calendar data")
        self.problems = problems

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class CalendarUnreadable(TimelineError):
    """A calendar file could not be read at all (missing, a directory, not UTF-8, ...)."""


class DateInputError(TimelineError):
    """A date, time, duration or time zone typed by the user could not be understood."""


class UsageError(TimelineError):
    """Options that do not go together, or a value no option accepts."""


class UnknownEventError(TimelineError):
    """An event id named on the command line is in no calendar."""


class StateError(TimelineError):
    """The reminder state file cannot be read or written."""


class WriteError(TimelineError):
    """An output or calendar file could not be written; the old file is left as it was."""
