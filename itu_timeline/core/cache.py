"""A cache of parsed, validated calendar files: most runs are short cron jobs reading the same
unchanged files, and unpickling a validated file is faster than parsing and validating TOML
(measured: `upcoming` on the bundled calendar 1.22 -> 1.17 times the start-up floor; on
100,000 events 9.2 s -> 1.4 s).

Each event is pickled on its own, beside an index of its days (and how far before them its
deadlines can fall), so that `upcoming` materialises only the events near its window: ten
subscribed feeds of a thousand events each must not cost ten thousand objects on every cron
run.

An entry is used only when the file's resolved path, size and modification time (in
nanoseconds) are those it was made from, and when it was made by the same Python version and
the same code: a fingerprint of the source of the modules that define and validate the models
is part of the key, because an old pickle unpickled into changed classes can come back with
its fields silently shuffled. Anything else (a missing, stale, damaged or unreadable entry)
means reading the file, never an error; a cache that cannot be written is skipped. Entries
live in $XDG_CACHE_HOME/itu-timeline/ (~/.cache/itu-timeline/), readable by the owner only.
"""

import bisect
import contextlib
import dataclasses
import functools
import itertools
import os
import pickle
import sys
import zlib
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from itu_timeline.base.errors import WriteError
from itu_timeline.core.dates import reach_days
from itu_timeline.core.model import Event, Rule
from itu_timeline.core.schema import CalendarFile


@dataclass(frozen=True)
class Packed:
    """A file's events, one pickle each, and what is needed to pick those near a window."""

    header: CalendarFile  # the file without its events
    ids: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...]  # the (body, kind) pairs, which rules can match
    pair_of: array  # type: ignore[type-arg]  # each event's pair, as an index into `pairs`
    first: array  # type: ignore[type-arg]  # first days, as ordinals
    last: array  # type: ignore[type-arg]  # last days
    reach: array  # type: ignore[type-arg]  # days before its first day its own deadlines reach
    anywhere: bytes  # 1 where a deadline has a fixed date (it can fall anywhere)
    blobs: bytes  # the events, each pickled, one after the other
    ends: array  # type: ignore[type-arg]  # where each event's pickle ends in `blobs`
    by_first: array  # type: ignore[type-arg]  # the indices, in the order of their first days
    sorted_first: array  # type: ignore[type-arg]  # their first days, in that order
    longest: int  # the most days between an event's first and last day
    farthest: int  # the most days before its first day an event's own deadline falls

    @classmethod
    def of(cls, document: CalendarFile) -> "Packed":
        events = document.events
        order = sorted(range(len(events)), key=lambda i: events[i].first_day)
        pairs = sorted({(e.body.value, e.kind.value) for e in events})
        blobs = [pickle.dumps(_without_origin(e), pickle.HIGHEST_PROTOCOL) for e in events]
        return cls(
            header=dataclasses.replace(document, events=()),
            ids=tuple(e.id for e in events),
            pairs=tuple(pairs),
            pair_of=array("l", (pairs.index((e.body.value, e.kind.value)) for e in events)),
            first=array("l", (e.first_day.toordinal() for e in events)),
            last=array("l", (e.last_day.toordinal() for e in events)),
            reach=array(
                "l", (max((reach_days(d.before) for d in e.deadlines), default=0) for e in events)
            ),
            anywhere=bytes(any(d.at is not None for d in e.deadlines) for e in events),
            # One bytes object for all: reading a thousand small ones costs more than the events
            # `upcoming` needs. The file each came from is the header's, not pickled each time.
            blobs=b"".join(blobs),
            ends=array("l", itertools.accumulate(len(b) for b in blobs)),
            by_first=array("l", order),
            sorted_first=array("l", (events[i].first_day.toordinal() for i in order)),
            longest=max((e.days for e in events), default=0),
            farthest=max((reach_days(d.before) for e in events for d in e.deadlines), default=0),
        )

    def document(self) -> CalendarFile:
        events = tuple(self._event(i) for i in range(len(self.ids)))
        return dataclasses.replace(self.header, events=events)

    def _event(self, i: int) -> Event:
        start = self.ends[i - 1] if i else 0
        event: Event = pickle.loads(self.blobs[start : self.ends[i]])
        object.__setattr__(event, "origin", self.header.path)  # frozen, and only just made
        return event

    def near(
        self, first: int, last: int, rules: Sequence[Rule], reach: dict[Any, int]
    ) -> list[Event]:
        """The events that touch the days first..last (ordinals) or whose deadlines may: how
        far before an event its deadlines reach comes from its own and from the rules that
        can match its body and kind (`reach` remembers that per body and kind)."""
        widest = max([self.farthest, *(reach_days(r.before) for r in rules)])
        low = bisect.bisect_left(self.sorted_first, first - self.longest)
        high = bisect.bisect_right(self.sorted_first, last + widest)
        candidates = sorted(
            {*self.by_first[low:high], *(i for i, a in enumerate(self.anywhere) if a)}
        )
        found = []
        for i in candidates:
            pair = self.pairs[self.pair_of[i]]
            if pair not in reach:
                reach[pair] = _rules_reach(rules, *pair)
            early = self.first[i] - max(reach[pair], self.reach[i])
            if self.anywhere[i] or (self.last[i] >= first and early <= last):
                found.append(self._event(i))
        return found


def _rules_reach(rules: Sequence[Rule], body: str, kind: str) -> int:
    return max(
        (
            reach_days(r.before)
            for r in rules
            if body in r.match.get("body", (body,)) and kind in r.match.get("kind", (kind,))
        ),
        default=0,
    )


def _without_origin(event: Event) -> Event:
    return dataclasses.replace(event, origin=None)


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path:
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "itu-timeline"


@functools.cache
def code_fingerprint() -> str:
    from itu_timeline.core import model, schema, tables

    sources = [Path(str(f)).read_bytes() for f in (model.__file__, schema.__file__,
                                                     tables.__file__, __file__)]  # fmt: skip
    return "-".join(f"{zlib.crc32(s):08x}{len(s):x}" for s in sources)


def _stamp(path: Path) -> tuple[object, ...] | None:
    try:
        info = path.stat()
        resolved = str(path.resolve())
    except (OSError, RuntimeError):
        return None
    return (code_fingerprint(), sys.version_info[:2], resolved, info.st_size, info.st_mtime_ns)


def _entry(stamp: tuple[object, ...]) -> Path:
    # CRC-32 and Adler-32 rather than hashlib, whose import costs a cron run 2 ms: a clash
    # of two paths is only a miss, as the entry's stamp names its file.
    name = str(stamp[2]).encode()
    return cache_dir() / f"{zlib.crc32(name):08x}{zlib.adler32(name):08x}.pickle"


def get(path: Path) -> Packed | None:
    stamp = _stamp(path)
    if stamp is None:
        return None
    try:
        with _entry(stamp).open("rb") as handle:
            saved_stamp, packed = pickle.load(handle)
    except Exception:  # a damaged or foreign entry is as good as none
        return None
    if saved_stamp != stamp or not isinstance(packed, Packed):
        return None
    return packed


def put(path: Path, packed: Packed) -> None:
    stamp = _stamp(path)
    if stamp is None:
        return
    from itu_timeline.base.atomic import write_atomically  # only on a miss

    entry = _entry(stamp)
    with contextlib.suppress(OSError, WriteError):
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomically(entry, pickle.dumps((stamp, packed), pickle.HIGHEST_PROTOCOL), 0o600)
