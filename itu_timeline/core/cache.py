"""A cache of what reading calendar files gives: most runs are short cron jobs reading the same
unchanged files, and unpickling is faster than parsing and validating TOML (measured: a file
of 100,000 events 9.4 s -> 1.0 s).

Two kinds of entries: each file, validated (`get`, `put`); and the day index of the calendar
that a list of files makes (core/day_index.py), which `upcoming` reads.

An entry is used only when it was made from the files as they are now (their paths, devices,
inodes, sizes and modification times in nanoseconds), by the same Python version and the same
code: the entries' format number and a fingerprint of every module of `core` and `base` (the
classes pickled, and the code whose results are stored: reading, validating, merging) are
part of the key, because an old pickle unpickled into changed classes can come back with its
fields silently shuffled. Anything else (a missing, stale, damaged or unreadable entry) means
reading the files, never an error; a cache that cannot be written is skipped.

Unpickling runs code, so an entry is opened only when its folder and the file itself belong
to the user running the program and are writable by no one else: an entry planted by another
user (in a folder made beforehand, or a shared $XDG_CACHE_HOME) is never unpickled, and said
once with --debug. Entries live in $XDG_CACHE_HOME/itu-timeline/ (~/.cache/itu-timeline/),
readable by the owner only. An entry is a pickle of its key and content, then, for the day
index, the events.
"""

import contextlib
import functools
import os
import pickle
import stat
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from itu_timeline.base.errors import WriteError

if TYPE_CHECKING:  # `upcoming` reads only the day index: no schema to import
    from itu_timeline.core.schema import CalendarFile

_LENGTH = 8  # bytes, at the start of an entry, that give the length of its pickle

Stamp = tuple[object, ...]


def cache_dir(environ: Mapping[str, str] = os.environ) -> Path:
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "itu-timeline"


# Bumped when the layout of an entry changes; the fingerprint below covers the code.
FORMAT = 3
_FINGERPRINTED = ("core", "base")  # every module whose classes are pickled or results kept


@functools.cache
def code_fingerprint() -> str | None:
    return fingerprint_of(Path(__file__).parents[1])


def fingerprint_of(package: Path) -> str | None:
    """The entries' format and the size and modification time of every module of
    `_FINGERPRINTED` in `package` as installed: its source, or its compiled file where only
    that was installed. None (no cache) when there is neither, as then nothing tells this
    code from another. Size and time are what Python itself trusts to tell whether a
    module's compiled code is still its source's; reading and summing every module instead
    cost each cron run 1-5 ms."""
    parts = [f"v{FORMAT}"]
    for folder in _FINGERPRINTED:
        try:  # a module's source where there is one (sorted after its .pyc), else the .pyc
            entries = sorted(os.scandir(package / folder), key=lambda e: e.name, reverse=True)
            modules = {
                e.name.rsplit(".", 1)[0]: e for e in entries if e.name.endswith((".py", ".pyc"))
            }
            stamps = sorted((name, entry.stat()) for name, entry in modules.items())
        except OSError:
            return None
        parts += (f"{name}:{info.st_size:x}.{info.st_mtime_ns:x}" for name, info in stamps)
    return "-".join(parts) if len(parts) > 1 else None


# Who hears what reading passes over (the CLI's `report`), and whether --debug asks for more.
_listeners: list[tuple[Callable[[str, list[str]], None], bool]] = []
_said: set[str] = set()


def listen(report: Callable[[str, list[str]], None], debug: bool) -> None:
    _listeners[:] = [(report, debug)]
    _said.clear()


def say(level: str, line: str) -> None:
    """A warning, to whoever listens; a debug line only with --debug, and only the first."""
    for report, debug in _listeners:
        if level != "debug" or (debug and not _said):
            _said.add(line)
            report(level, [line])


def _owned(info: os.stat_result) -> bool:
    """Whether what `info` describes belongs to this user and no one else may write to it."""
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _distrust(path: Path, why: str) -> None:
    say("debug", f"{path}: {why}; the cache there is not used")


def trusted_folder(folder: Path) -> bool:
    """Whether entries in `folder` may be read: a folder of this user's, writable by no one
    else. A folder that cannot be looked at is not one."""
    try:
        info = folder.stat()
    except OSError:
        return False
    if stat.S_ISDIR(info.st_mode) and _owned(info):
        return True
    _distrust(folder, "not a folder of yours, or writable by others")
    return False


def file_stamp(path: Path) -> Stamp | None:
    """What says that `path` is unchanged; None when it cannot be looked at."""
    try:
        info = path.stat()
    except OSError:
        return None
    # The device and inode say which file this is, as the resolved path would, without the
    # look-up of every folder on the way (measured: 45 µs a file).
    return (os.path.abspath(path), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def entry_path(kind: str, paths: Iterable[Path]) -> Path:
    # CRC-32 and Adler-32 rather than hashlib, whose import costs a cron run 2 ms: a clash
    # of two names is only a miss, as the entry's key names its files.
    name = "\n".join(os.path.abspath(p) for p in paths).encode()
    return cache_dir() / f"{kind}{zlib.crc32(name):08x}{zlib.adler32(name):08x}.pickle"


def read_entry(entry: Path, stamps: Stamp) -> tuple[object, BinaryIO, int] | None:
    """The content of `entry` if it was made from files with these `stamps`, the entry still
    open (a newer one written meanwhile does not mix in), and where in it the content ends."""
    fingerprint = code_fingerprint()
    if fingerprint is None or not trusted_folder(entry.parent):
        return None
    try:  # no symlink followed, no FIFO waited on; then the open file is the one checked
        # the handle outlives this function (the day index reads on from it): no `with`
        handle = open(os.open(entry, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK), "rb")  # noqa: SIM115
    except OSError:
        return None
    try:
        info = os.fstat(handle.fileno())
    except OSError:
        info = None
    if info is None or not stat.S_ISREG(info.st_mode) or not _owned(info):
        handle.close()
        _distrust(entry, "not a file of yours, or writable by others")
        return None
    try:
        length = int.from_bytes(handle.read(_LENGTH), "little")
        key, content = pickle.loads(handle.read(length))
    except Exception:  # a damaged or foreign entry is as good as none
        handle.close()
        return None
    if key != (fingerprint, sys.version_info[:2], stamps):
        handle.close()
        return None
    return content, handle, _LENGTH + length


def write_entry(entry: Path, stamps: Stamp, content: object, tail: bytes = b"") -> None:
    from itu_timeline.base.atomic import write_atomically  # only on a miss

    fingerprint = code_fingerprint()
    if fingerprint is None:
        return
    key = (fingerprint, sys.version_info[:2], stamps)
    data = pickle.dumps((key, content), pickle.HIGHEST_PROTOCOL)
    with contextlib.suppress(OSError, WriteError):
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not trusted_folder(entry.parent):  # another's folder: nothing of ours goes there
            return
        write_atomically(entry, len(data).to_bytes(_LENGTH, "little") + data + tail, 0o600)
        _prune(entry.parent)


# Entries named as earlier versions named them, and day indexes and list's rows
# (render/json_rows.py) not made for 30 days (that of the default files is made again at each
# feed refresh; an index of files named with --calendar is made again when next used), would
# otherwise stay for ever. Looked for only when an entry is written, which is a miss.
KINDS = ("file-", "days-", "rows-")
UNUSED_DAYS = 30


def _prune(folder: Path) -> None:
    cutoff = time.time() - UNUSED_DAYS * 86400
    for old in folder.glob("*.pickle"):
        with contextlib.suppress(OSError):
            if not old.name.startswith(KINDS) or (
                old.name.startswith(KINDS[1:]) and old.stat().st_mtime < cutoff
            ):
                old.unlink()


def get(path: Path, stamp: Stamp) -> "CalendarFile | None":
    """The file as it was validated, if it is still as `stamp` says."""
    found = read_entry(entry_path("file-", [path]), (stamp,))
    if found is None:
        return None
    from itu_timeline.core.schema import CalendarFile

    content, handle, _ = found
    handle.close()
    return content if isinstance(content, CalendarFile) else None


def put(path: Path, stamp: Stamp, document: "CalendarFile") -> None:
    """Saves `document`, read from `path` when it was as `stamp` says."""
    write_entry(entry_path("file-", [path]), (stamp,), document)
