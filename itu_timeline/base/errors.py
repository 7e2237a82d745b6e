"""The errors raised on purpose: every one a `TimelineError` carrying the lines that read well
after ``error:`` and the exit code the command ends with. The CLI turns them into messages on
stderr and that exit code in one place; nothing else decides an exit code.

Messages speak of the data (file, event id, field). A `hint` says what to do about it; the
CLI adds hints that name its options, so the core stays usable as a library."""

from typing import ClassVar, Self

from itu_timeline.base.i18n import _, say
from itu_timeline.base.records import record

EXIT_NEGATIVE = 1  # a check came out negative: validate found problems, nothing is due
EXIT_ERROR = 2  # a usage or data error


class TimelineError(Exception):
    """Base of every error raised on purpose."""

    exit_code: ClassVar[int] = EXIT_ERROR
    level: ClassVar[str] = "error"  # the word after "itu-timeline:" on each line

    def __init__(self, message: str = "", hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint

    def __str__(self) -> str:
        """Its message in the run's language, also when it was made inside `kept()`."""
        return say(self.args[0]) if len(self.args) == 1 and isinstance(self.args[0], str) else ""

    def lines(self) -> list[str]:
        return [str(self)] if str(self) else []

    def with_hint(self, hint: str) -> Self:
        self.hint = hint
        return self


@record
class Problem:
    """One thing wrong in a calendar file, located as precisely as we know. Shown in the
    run's language, also when it was found inside `kept()` (a feed's, in its state)."""

    file: str
    where: str | None  # "event 'pp-26'", "event #3", "rule 'itut-contrib'", or None (file level)
    field: str | None
    message: str

    def __str__(self) -> str:
        parts = [self.file]
        if self.where:
            parts.append(say(self.where))
        if self.field:
            parts.append(_("field '{field}'").format(field=self.field))
        return ": ".join(parts) + f": {say(self.message)}"


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


class UsageErrors(UsageError):
    """Several values no option accepts: all of them, one line each."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__(f"{len(lines)} problem(s)")
        self.problem_lines = lines

    def lines(self) -> list[str]:
        return self.problem_lines


class UnknownEventError(TimelineError):
    """An event id named on the command line is in no calendar."""


class StateError(TimelineError):
    """The reminder state file cannot be read or written."""


class WriteError(TimelineError):
    """An output or calendar file could not be written; the old file is left as it was."""


class NegativeCheck(TimelineError):
    """A check that came out negative (nothing is due; the user declined): exit 1, with a
    note when there is something to say."""

    exit_code = EXIT_NEGATIVE
    level = "note"


class ValidationFailed(NegativeCheck):
    """`validate` found errors (or, when strict, warnings): each listed, exit 1."""

    level = "error"

    def __init__(self, lines: list[str]) -> None:
        super().__init__(f"{len(lines)} problem(s)")
        self.problem_lines = lines

    def lines(self) -> list[str]:
        return self.problem_lines
