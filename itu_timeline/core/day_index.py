"""The day index of a calendar: the days each event matters on (its own days and the days its
deadlines fall on), so that `upcoming`, `remind` and `digest` unpickle only the events near
their window. Ten subscribed feeds of a thousand events each must not cost ten thousand
objects on every cron run.

It is built from the calendar that the files make together (after overrides, with every
deadline derived by the code `upcoming` uses), once after any of the files changes, and
stored in the cache (core/cache.py) with the events, each pickled on its own, in the order of
their first days: the events near a window are one read.
"""

import bisect
import dataclasses
import functools
import io
import itertools
import os
import pickle
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from itu_timeline.base.errors import CalendarUnreadable
from itu_timeline.base.records import record
from itu_timeline.core import model
from itu_timeline.core.cache import entry_path, file_stamp, read_entry, write_entry
from itu_timeline.core.deadlines import event_deadlines
from itu_timeline.core.model import Calendar, Deadline, Event

# A day in an event's own zone can be two days off in the display zone (UTC-12 to UTC+14).
MARGIN = 2
# Rows spanning more days (events known only to the month or year) are looked at one by one,
# so that they do not widen the search among the others.
LONG = 31


class EventIds(AbstractSet[str]):
    """A set of event ids kept as one text, made a set on the first question: how the day
    index stores a feed's rule's `within`. A run served from the index asks none (deadlines
    are stored there, derived), and unpickling ten feeds' sets of a thousand ids cost each
    such run 1.6 ms. Equal to, and hashed as, the frozenset of the same ids."""

    __slots__ = ("_ids", "_text")

    def __init__(self, ids: Iterable[str]) -> None:
        self._ids: frozenset[str] | None = frozenset(ids)
        self._text = "\0".join(sorted(self._ids))  # ids are names: never a NUL

    @classmethod
    def of_text(cls, text: str) -> "EventIds":
        made = cls.__new__(cls)
        made._ids, made._text = None, text
        return made

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return EventIds.of_text, (self._text,)

    def ids(self) -> frozenset[str]:
        if self._ids is None:
            self._ids = frozenset(self._text.split("\0")) if self._text else frozenset()
        return self._ids

    def __contains__(self, id: object) -> bool:
        return id in self.ids()

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids())

    def __len__(self) -> int:
        return len(self.ids())

    def __hash__(self) -> int:
        return hash(self.ids())

    def __repr__(self) -> str:
        return f"EventIds({sorted(self.ids())!r})"


@record
class DayIndex:
    """Rows of days (first and last day as ordinals, and the event they are of), and the
    events' places. Events are numbered in the order of their first days, as stored."""

    calendar: Calendar  # without its events
    low: array  # type: ignore[type-arg]  # the rows of at most LONG days, in the order of `low`
    high: array  # type: ignore[type-arg]
    row_event: array  # type: ignore[type-arg]
    long_rows: tuple[tuple[int, int, int], ...]  # (low, high, event)
    rank: array  # type: ignore[type-arg]  # each event's place in the calendar's own order
    origin: array  # type: ignore[type-arg]  # the file each came from, in `calendar.files`
    ends: array  # type: ignore[type-arg]  # where each event's pickle ends

    @classmethod
    def of(cls, calendar: Calendar) -> tuple["DayIndex", bytes]:
        """The index of `calendar`, and its events' pickles one after the other."""
        ranks = sorted(range(len(calendar.events)), key=lambda i: calendar.events[i].first_day)
        events = [calendar.events[i] for i in ranks]
        # Each event is stored with its deadlines, derived once here rather than at every
        # run that reads it (each event matched against every rule, ten feeds' too).
        bare = [dataclasses.replace(e, origin=None) for e in events]
        derived = [tuple(event_deadlines(e, calendar.rules)) for e in bare]
        rows = [row for n, event in enumerate(events) for row in _rows(n, event, derived[n])]
        short = sorted(row for row in rows if row[1] - row[0] <= LONG)
        files = {path: n for n, path in enumerate(calendar.files)}
        blobs = [_dumps(pair) for pair in zip(bare, derived, strict=True)]
        # A feed's rules reach its own events only: their ids stored as one text for each
        # feed, which all its rules share (one text pickled, not one a rule: 10 feeds'
        # index 1.18 -> 0.5 MB).
        texts: dict[int, EventIds] = {}
        rules = tuple(
            r
            if r.within is None
            else dataclasses.replace(r, within=texts.setdefault(id(r.within), EventIds(r.within)))
            for r in calendar.rules
        )
        index = cls(
            calendar=dataclasses.replace(calendar, events=(), rules=rules),
            low=array("i", (row[0] for row in short)),
            high=array("i", (row[1] for row in short)),
            row_event=array("i", (row[2] for row in short)),
            long_rows=tuple(row for row in rows if row[1] - row[0] > LONG),
            rank=array("i", ranks),
            origin=array("i", (files.get(e.origin, -1) if e.origin else -1 for e in events)),
            ends=array("q", itertools.accumulate(len(b) for b in blobs)),
        )
        return index, b"".join(blobs)

    def near(self, first: date, last: date) -> list[int]:
        """The events (numbers) with a row that touches first..last, give or take MARGIN."""
        low, high = first.toordinal() - MARGIN, last.toordinal() + MARGIN
        start = bisect.bisect_left(self.low, low - LONG)
        stop = bisect.bisect_right(self.low, high)
        found = {self.row_event[k] for k in range(start, stop) if self.high[k] >= low}
        found.update(n for a, b, n in self.long_rows if a <= high and b >= low)
        return sorted(found)


@functools.cache
def _shared() -> tuple[object, ...]:
    """What nearly every event's pickle names: classes and enum members, stored as their
    place here rather than by module and name, which unpickling looks up through the import
    system in each pickle anew (10 feeds: 6 M instructions for the 112 events of a window)."""
    classes = [Event, Deadline, model.DeadlineSpec, model.Title, date, datetime]
    enums = [model.Body, model.Kind, model.Status, model.Basis, model.Format, model.Precision]
    return (*classes, *enums, *(member for kind in enums for member in kind))


class _Pickler(pickle.Pickler):
    def persistent_id(self, obj: object) -> int | None:
        return _places().get(id(obj))  # by identity: a title "ITU-T" is no Body


@functools.cache
def _places() -> dict[int, int]:
    return {id(shared): n for n, shared in enumerate(_shared())}


def _dumps(pair: tuple[Event, tuple[Deadline, ...]]) -> bytes:
    out = io.BytesIO()
    _Pickler(out, pickle.HIGHEST_PROTOCOL).dump(pair)
    return out.getvalue()


def _rows(n: int, event: Event, deadlines: Sequence[Deadline]) -> list[tuple[int, int, int]]:
    rows = [(event.first_day.toordinal(), event.last_day.toordinal(), n)]
    days = {d.day.toordinal() for d in deadlines}
    return rows + [(day, day, n) for day in sorted(days)]


def near(
    paths: Sequence[Path], window: tuple[date, date], read_all: Callable[[], Calendar]
) -> Calendar:
    """The calendar of `paths` with only the events that matter in `window`: from the cached
    index while the files are unchanged, else from `read_all()` (and the index is saved)."""
    stamps = tuple(file_stamp(p) for p in paths)
    entry = entry_path("days-", paths)
    found = read_entry(entry, stamps) if all(stamps) else None
    if found is not None:
        saved, handle, offset = found
        try:
            if isinstance(saved, DayIndex) and _whole(saved, handle, offset):
                return _events_near(saved, window, _Reader(handle, offset))
        finally:
            handle.close()
    calendar = read_all()
    index, blobs = DayIndex.of(calendar)
    # Stamps taken before reading: a file changed meanwhile makes the entry a miss. An index
    # without a file that could not be read is not kept, so each run says it is left out.
    read = {*calendar.files, *(path for path, _ in calendar.left_out)}
    if all(stamps) and read.issuperset(paths):
        write_entry(entry, stamps, index, blobs)
    return _events_near(index, window, blobs.__getitem__)


def _whole(index: DayIndex, handle: BinaryIO, offset: int) -> bool:
    """Whether the entry holds all the events its index counts (a cut one is a miss)."""
    return os.fstat(handle.fileno()).st_size == offset + (index.ends[-1] if index.ends else 0)


class _Reader:
    """Reads byte ranges of the events stored after an entry's index."""

    def __init__(self, handle: BinaryIO, offset: int) -> None:
        self.handle, self.offset = handle, offset

    def __call__(self, span: slice) -> bytes:
        data = os.pread(self.handle.fileno(), span.stop - span.start, self.offset + span.start)
        if len(data) != span.stop - span.start:  # cut short while open: not by this program
            raise CalendarUnreadable(
                f"{self.handle.name}: this cache entry changed while it was read; run again"
            )
        return data


def _events_near(
    index: DayIndex, window: tuple[date, date], read: Callable[[slice], bytes]
) -> Calendar:
    numbers = index.near(*window)
    if not numbers:
        return index.calendar
    ends = index.ends
    base = ends[numbers[0] - 1] if numbers[0] else 0
    blobs = read(slice(base, ends[numbers[-1]]))  # side by side: one read
    files = index.calendar.files
    events, derived = [], {}
    for n in sorted(numbers, key=index.rank.__getitem__):
        start = ends[n - 1] if n else 0
        event: Event
        deadlines: tuple[Deadline, ...]
        reader = pickle.Unpickler(io.BytesIO(blobs[start - base : ends[n] - base]))
        reader.persistent_load = _shared().__getitem__  # type: ignore[method-assign]
        event, deadlines = reader.load()
        if index.origin[n] >= 0:  # frozen, and only just made; its deadlines hold it too
            object.__setattr__(event, "origin", files[index.origin[n]])
        events.append(event)
        derived[event.id] = (event, deadlines)
    return dataclasses.replace(index.calendar, events=tuple(events), derived=derived)
