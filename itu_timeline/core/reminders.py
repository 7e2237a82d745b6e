"""Reminders for a daily cron job: each item is reported once as its days left fall to or
below each threshold, and only the tightest threshold crossed since the last report is said.

The state file remembers, per item, the thresholds already reported. An item's key carries its
date, so a meeting that moves is reminded of again. Entries for items long past are pruned.
"""

import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from itu_timeline.base.atomic import write_atomically
from itu_timeline.base.errors import DateInputError, StateError
from itu_timeline.core.upcoming import Item

DEFAULT_THRESHOLDS = (30, 7, 1, 0)
KEEP_PAST_DAYS = 30


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
            f"cannot read the thresholds '{text}': give whole numbers of days, like 30,7,1,0"
        ) from err
    if not values or values[-1] < 0:
        raise DateInputError(f"the thresholds '{text}' must be days of zero or more, like 30,7,1,0")
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
            raise StateError(f"{path}: cannot read the reminder state: {err.strerror}") from err
        try:
            document = tomllib.loads(raw.decode("utf-8"))
            return cls({e["key"]: (e["day"], set(e["thresholds"])) for e in document["reported"]})
        except (UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError) as err:
            raise StateError(
                f"{path}: the reminder state is damaged ({err}); it was left as it is"
            ) from err

    def write(self, path: Path) -> None:
        import tomli_w

        entries = [
            {"key": key, "day": day, "thresholds": sorted(done, reverse=True)}
            for key, (day, done) in sorted(self.reported.items())
        ]
        document = tomli_w.dumps({"schema": 1, "reported": entries}).encode()
        write_atomically(path, document, make_folders=True)

    def prune(self, today: date) -> None:
        oldest = today - timedelta(days=KEEP_PAST_DAYS)
        self.reported = {k: v for k, v in self.reported.items() if v[0] >= oldest}


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
