"""`list --format json` of a whole calendar from cached rows: the values of every event's
record, made once after the files change and stored in the cache (core/cache.py) in the
order `list` prints them, a pickle per batch of records. A repeated `list --format json`
unpickles strings and lists, not events, and sorts nothing: unpickling the events alone
cost as much as `json.dumps` of the records they make (1.4 s of CPU for 100,000).

An entry is made from the calendar the files make together, for one display zone (the
`dates` of a timed event are in it), by this code: the size and modification time of this
module and of the one that makes the values are in its key beside the files' stamps (the
cache's own fingerprint covers core and base only). A record's feed is looked up at each run
from the file the event came from: where feeds' copies live is the environment's.
"""

import itertools
import os
import pickle
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from itu_timeline.base.errors import CalendarUnreadable
from itu_timeline.core.cache import entry_path, file_stamp, read_entry, write_entry
from itu_timeline.core.loader import default_sources
from itu_timeline.core.model import Calendar
from itu_timeline.core.query import Filter, select
from itu_timeline.core.subscriptions import feed_of
from itu_timeline.render import json_csv
from itu_timeline.render.json_csv import EVENT_FIELDS, record_values
from itu_timeline.render.json_text import BATCH, Row, rows_json

KIND = "rows-"  # of the entries' names (core/cache.py prunes unused ones after 30 days)


@dataclass(frozen=True)
class Rows:
    """What an entry holds before its batches: the files the events came from, and where
    each batch's pickle ends."""

    files: tuple[Path, ...]
    ends: tuple[int, ...]


def whole_json(
    named: Sequence[str], zone: ZoneInfo, read_all: Callable[[], Calendar]
) -> Iterator[str]:
    """The text of `list --format json` of every event of the calendars in use (`named` with
    --calendar, else the default ones)."""
    return calendar_json(default_sources(named), zone, read_all)


def calendar_json(
    paths: Sequence[Path], zone: ZoneInfo, read_all: Callable[[], Calendar]
) -> Iterator[str]:
    """The text of `list --format json` of every event of the calendar that the files `paths`
    make together (also `publish`'s events.json): from the cached rows while the files are
    unchanged, else from `read_all()` (and the rows are saved)."""
    stamps = (*(file_stamp(p) for p in paths), *map(file_stamp, _CODE), zone.key)
    name = zone.key or ""
    entry = entry_path(f"{KIND}{zlib.crc32(name.encode()):08x}-", paths)
    usable = all(stamps)
    found = read_entry(entry, stamps) if usable else None
    if found is not None:
        saved, handle, offset = found
        with handle:
            if isinstance(saved, Rows) and _whole(saved, handle.fileno(), offset):
                yield from rows_json(_stored(saved, handle.fileno(), offset, entry))
                return
    calendar = read_all()
    numbers: dict[Path | None, int] = {path: n for n, path in enumerate(calendar.files)}
    events = select(calendar.events, Filter())
    rows = (record_values(e, zone, lambda path: numbers.get(path, -1)) for e in events)
    blobs = [pickle.dumps(batch, pickle.HIGHEST_PROTOCOL) for batch in _batched(rows)]
    # As the day index: an entry without a file that could not be read is not kept.
    read = {*calendar.files, *(path for path, _ in calendar.left_out)}
    if usable and read.issuperset(paths):
        saved = Rows(tuple(calendar.files), tuple(itertools.accumulate(map(len, blobs))))
        write_entry(entry, stamps, saved, b"".join(blobs))
    yield from rows_json(_with_feeds(map(pickle.loads, blobs), calendar.files))


# The code whose results are stored, beside core and base.
_CODE = (Path(json_csv.__file__ or ""), Path(__file__))


def _batched(rows: Iterable[list[Any]]) -> Iterator[list[list[Any]]]:
    remaining = iter(rows)
    while batch := list(itertools.islice(remaining, BATCH)):
        yield batch


def _whole(saved: Rows, handle: int, offset: int) -> bool:
    """Whether the entry holds every batch its head counts (a cut one is a miss)."""
    return os.fstat(handle).st_size == offset + (saved.ends[-1] if saved.ends else 0)


def _stored(saved: Rows, handle: int, offset: int, entry: Path) -> Iterator[Row]:
    """The rows stored after the entry's head, read in one go."""
    size = saved.ends[-1] if saved.ends else 0
    data = memoryview(os.pread(handle, size, offset))
    if len(data) != size:  # cut short while open: not by this program
        raise CalendarUnreadable(f"{entry}: this cache entry changed while it was read; run again")
    starts = (0, *saved.ends)
    batches = (pickle.loads(data[a:b]) for a, b in zip(starts, saved.ends, strict=False))
    return _with_feeds(batches, saved.files)


def _with_feeds(batches: Iterable[list[list[Any]]], files: Sequence[Path]) -> Iterator[Row]:
    """The rows of `batches`, each with its feed in place of the number of its file."""
    feeds = [*map(feed_of, files), None]  # [-1]: no file
    for batch in batches:
        for values in batch:
            values[-1] = feeds[values[-1]]
            yield EVENT_FIELDS, values
