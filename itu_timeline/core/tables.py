"""Reading the fields of one TOML table with a check for each: every bad value becomes a
`Problem` (file, event, field, what is wrong), and reading goes on, so that one pass finds
every problem in a file."""

from collections.abc import Callable
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any, TypeVar

from itu_timeline.base.errors import DateInputError, Problem
from itu_timeline.base.i18n import N_, _
from itu_timeline.core.dates import parse_time
from itu_timeline.core.zones import is_valid_zone, unknown_zone

# Dates outside these years are refused: the arithmetic around them (a day after the last day,
# "8 months before" the first) must never leave what Python's dates can hold.
FIRST_YEAR, LAST_YEAR = 1900, 2999
TITLE_LIMIT, TEXT_LIMIT = 1_000, 20_000  # characters

E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


def unknown_key(key: str, known: tuple[str, ...]) -> str:
    """What is wrong with a key no table has, and the known key it was probably meant to be."""
    from difflib import get_close_matches

    close = get_close_matches(key, known, n=1, cutoff=0.6)
    if close:
        return _("unknown key; did you mean '{key}'?").format(key=close[0])
    return _("unknown key")


# What a TOML value is, said in the words of a problem ("must be a date, not text").
TYPE_NAMES = {
    str: N_("text"),
    int: N_("an integer"),
    float: N_("a number"),
    date: N_("a date"),
    time: N_("a time"),
    list: N_("a list"),
    dict: N_("a table"),
}


def type_name(value: object) -> str:
    if isinstance(value, bool):
        return _("a boolean")
    if isinstance(value, datetime):
        return _("a date-time")
    name = TYPE_NAMES.get(type(value))
    return _(name) if name else type(value).__name__


def not_one_of(value: str, enum: type[StrEnum]) -> str:
    allowed = ", ".join(m.value for m in enum)
    return _("'{value}' is not one of: {allowed}").format(value=value, allowed=allowed)


class Table:
    """Reads the fields of one TOML table, recording a problem for each bad one."""

    def __init__(
        self,
        data: dict[str, Any],
        file: str,
        where: str | None,
        problems: list[Problem],
        prefix: str = "",
    ) -> None:
        self.data, self.file, self.where, self.problems = data, file, where, problems
        self.prefix = prefix  # of the fields named in problems: a table inside a field

    def problem(self, field: str | None, message: str) -> None:
        named = f"{self.prefix}{field}" if field else None
        self.problems.append(Problem(self.file, self.where, named, message))

    def check_keys(self, known: tuple[str, ...]) -> None:
        for key in self.data:
            if key not in known:
                self.problem(key, unknown_key(key, known))

    def get(self, key: str, kind: type[T], wanted: str, required: bool = False) -> T | None:
        value = self.data.get(key)
        if value is None:
            if required:
                self.problem(key, _("missing (required)"))
            return None
        bad_bool = isinstance(value, bool) and kind is not bool
        bad_datetime = isinstance(value, datetime) and kind is date
        if not isinstance(value, kind) or bad_bool or bad_datetime:
            message = (
                _("must be {wanted}, not {found} (write dates without quotes: 2027-03-15)")
                if kind is date
                else _("must be {wanted}, not {found}")
            )
            self.problem(key, message.format(wanted=wanted, found=type_name(value)))
            return None
        return value

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.get(key, str, _("text"), required)
        if value is not None and not value.strip():
            self.problem(key, _("must not be empty"))
            return None
        return value if value is None or self.short_enough(key, value) else None

    def short_enough(self, key: str, value: str) -> bool:
        limit = TITLE_LIMIT if key in ("title", "name", "id", "location") else TEXT_LIMIT
        if len(value) > limit:
            self.problem(
                key,
                _("{n} characters is over the limit of {limit}").format(n=len(value), limit=limit),
            )
            return False
        return True

    def day(self, key: str, required: bool = False) -> date | None:
        value = self.get(key, date, _("a date"), required)
        return value if value is None or self.in_range(key, value) else None

    def inner(self, data: dict[str, Any], where: str) -> "Table":
        """A table inside this one (a deadline of an event), reporting into the same list."""
        return Table(data, self.file, f"{self.where}, {where}", self.problems)

    def moment(self, key: str, required: bool = False) -> date | datetime | None:
        """A date, or a local date-time (no offset: the zone is the event's)."""
        value = self.data.get(key)
        if isinstance(value, datetime):
            if value.tzinfo is not None:
                self.problem(key, _("write a local date-time without an offset; set 'timezone'"))
                return None
            return value if self.in_range(key, value) else None
        return self.day(key, required)

    def in_range(self, key: str, value: date) -> bool:
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            self.problem(
                key,
                _("{day} is outside the years {first}-{last}").format(
                    day=value, first=FIRST_YEAR, last=LAST_YEAR
                ),
            )
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
            self.problem(key, not_one_of(value, enum))
            return None

    def notes(self) -> str | None:
        value = self.get("notes", str, _("text"))
        return value if value is None or self.short_enough("notes", value) else None

    def zone(self, key: str) -> str | None:
        value = self.text(key)
        if value is not None and not is_valid_zone(value):
            self.problem(key, unknown_zone(value))
            return None
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(
                key, _("must be a list of text, not {found}").format(found=type_name(value))
            )
            return ()
        if not all(self.short_enough(key, v) for v in value):
            return ()
        return tuple(value)

    def fingerprints(self, key: str) -> dict[str, str | tuple[str, ...]] | None:
        """A table of text, or lists of text (what an import remembers of its source)."""
        table = self.get(key, dict, _("a table"))
        if table is None:
            return None
        memory: dict[str, str | tuple[str, ...]] = {}
        for name, value in table.items():
            if isinstance(value, str):
                memory[name] = value
            elif isinstance(value, list) and all(isinstance(v, str) for v in value):
                memory[name] = tuple(value)
            else:
                self.problem(f"{key}.{name}", _("must be text or a list of text"))
        return memory

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
            message = _("must be an array of tables ([[{key}]]), not {found}")
            self.problem(key, message.format(key=key, found=type_name(value)))
            return []
        return value
