"""Reminders for a daily cron job: each item is reported once as its days left fall to or
below each threshold, and only the tightest threshold crossed since the last report is said.

The state file remembers, per item, the thresholds already reported. An item's key carries its
date, so a meeting that moves is reminded of again. Entries for items long past are pruned.
The state is checked value by value when it is read, and a run holds its lock from reading it
to writing it back, so two overlapping runs never report the same threshold twice.
"""

import contextlib
import os
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from types import UnionType
from typing import Any

from itu_timeline.base.atomic import write_atomically
from itu_timeline.base.errors import DateInputError, StateError
from itu_timeline.base.i18n import N_, _, system_words
from itu_timeline.base.locks import exclusive
from itu_timeline.core.upcoming import Item

DEFAULT_THRESHOLDS = (30, 7, 1, 0)
KEEP_PAST_DAYS = 30
STATE_SCHEMA = 1


@dataclass(frozen=True)
class Reminder:
    item: Item
    threshold: int  # the tightest threshold newly crossed


def default_state_path(environ: Mapping[str, str] = os.environ) -> Path:
    base = environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "itu-timeline" / "remind.toml"


def parse_thresholds(text: str) -> tuple[int, ...]:
    try:
        values = sorted({int(part) for part in text.split(",") if part.strip()}, reverse=True)
    except ValueError as err:
        raise DateInputError(
            _(
                "cannot read the thresholds '{text}': give whole numbers of days, like 30,7,1,0"
            ).format(text=text)
        ) from err
    if not values or values[-1] < 0:
        message = _("the thresholds '{text}' must be days of zero or more, like 30,7,1,0")
        raise DateInputError(message.format(text=text))
    return tuple(values)


def item_key(item: Item) -> str:
    if item.deadline is None:
        return f"event:{item.event.id}@{item.event.start.isoformat()}"
    return f"deadline:{item.event.id}:{item.deadline.name}@{item.deadline.due.isoformat()}"


@dataclass
class State:
    """What has been reported: key -> (the item's day, thresholds reported)."""

    reported: dict[str, tuple[date, set[int]]]

    @classmethod
    def read(cls, path: Path) -> "State":
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return cls({})
        except OSError as err:
            message = _("{path}: cannot read the reminder state: {reason}")
            raise StateError(message.format(path=path, reason=system_words(err))) from err
        try:
            document = tomllib.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
            from itu_timeline.core.toml_words import why_unreadable  # only for a damaged file

            raise _damaged(path, why_unreadable(err)) from err
        if document.get("schema", STATE_SCHEMA) != STATE_SCHEMA:
            said = _("'schema' is {value}, not {schema}")
            raise _damaged(path, said.format(value=repr(document["schema"]), schema=STATE_SCHEMA))
        entries = document.get("reported", [])
        if not isinstance(entries, list):
            said = _("'reported' is {kind}, not a list of tables")
            raise _damaged(path, said.format(kind=_kind(entries)))
        return cls(dict(_entry(path, n, entry) for n, entry in enumerate(entries, 1)))

    def write(self, path: Path) -> None:
        import tomli_w

        entries = [
            {"key": key, "day": day, "thresholds": sorted(done, reverse=True)}
            for key, (day, done) in sorted(self.reported.items())
        ]
        document = tomli_w.dumps({"schema": STATE_SCHEMA, "reported": entries}).encode()
        write_atomically(path, document, make_folders=True)

    def prune(self, today: date) -> None:
        oldest = today - timedelta(days=KEEP_PAST_DAYS)
        self.reported = {k: v for k, v in self.reported.items() if v[0] >= oldest}


@contextlib.contextmanager
def remembered(path: Path, dry_run: bool = False) -> Iterator[State]:
    """The state in `path`, to record this run's reminders in; written back when the block
    ends without an error, unless `dry_run`. The state's lock is held from the read to the
    write, so an overlapping run waits and then sees what this one reported."""
    with contextlib.nullcontext() if dry_run else exclusive(path):
        state = State.read(path)
        yield state
        if not dry_run:
            state.write(path)


def _entry(path: Path, number: int, entry: Any) -> tuple[str, tuple[date, set[int]]]:
    """One entry of `reported`, its types checked: a wrong one is an error, never a crash later."""
    if not isinstance(entry, dict):
        said = _("entry {number} of 'reported' is {kind}, not a table")
        raise _damaged(path, said.format(number=number, kind=_kind(entry)))
    key, day, done = entry.get("key"), entry.get("day"), entry.get("thresholds")
    if not isinstance(key, str):
        said = _("entry {number} of 'reported': 'key' is {kind}, not text")
        raise _damaged(path, said.format(number=number, kind=_kind(key)))
    if not isinstance(day, date) or isinstance(day, datetime):
        said = _("entry '{key}': 'day' is {kind}, not a date like 2027-03-08")
        raise _damaged(path, said.format(key=key, kind=_kind(day)))
    if not isinstance(done, list) or not all(_is_days(t) for t in done):
        said = _("entry '{key}': 'thresholds' is {kind}, not a list of days")
        raise _damaged(path, said.format(key=key, kind=_kind(done)))
    return key, (day, set(done))


def _is_days(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


# In this order: a bool is an int, a datetime is a date.
_TOML_KINDS: tuple[tuple[type | UnionType, str], ...] = (
    (bool, N_("true/false")),
    (str, N_("text")),
    (int | float, N_("a number")),
    (datetime, N_("a date-time")),
    (date, N_("a date")),
    (list, N_("a list")),
    (dict, N_("a table")),
)


def _kind(value: object) -> str:
    """A TOML value's type as its writer would name it."""
    if value is None:
        # TRANSLATORS: what a field of the reminder state is when the file leaves it out
        return _("missing")
    name = _(next((n for t, n in _TOML_KINDS if isinstance(value, t)), N_("a time")))
    return f"{name} ({value!r:.40})" if isinstance(value, str | int | float) else name


def _damaged(path: Path, why: str) -> StateError:
    message = _("{path}: the reminder state is damaged: {reason}; it was left as it is")
    return StateError(message.format(path=path, reason=why))  # the reason in the file's terms


def due_reminders(
    items: Iterable[Item], thresholds: tuple[int, ...], state: State
) -> list[Reminder]:
    """The reminders to print now; records them in `state`."""
    found = []
    for item in items:
        if item.days_left is None or item.day is None or item.days_left < 0:
            continue  # with no day to count down to, started, or past
        key, day = item_key(item), item.day
        _, done = state.reported.get(key, (day, set()))
        crossed = {t for t in thresholds if item.days_left <= t}
        new = crossed - done
        if new:
            found.append(Reminder(item, min(new)))
            state.reported[key] = (day, done | crossed)
    return found
