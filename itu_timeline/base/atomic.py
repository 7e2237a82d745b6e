"""The one place that writes files: readers see the old content or the new, never a part, and
the write lands where the user meant, with the permissions they set.

- A regular file is replaced atomically: a temporary file in the target's own folder, flushed
  to disk, then renamed over it. If anything fails on the way, the temporary file is removed
  and the old file is left as it was.
- A symlink is followed: its target is replaced, the link stays a link (a dangling link gets
  its target created).
- A special file (a character device such as /dev/null, a FIFO, anything under /dev or /proc,
  such as /dev/stdout) is written directly, never replaced.
- An existing file keeps its mode, and its owner and group where the process may set them; a
  new file gets the mode the umask gives (or the `mode` asked for).
- After the rename the folder is fsynced too, so the new name survives a power cut.
- A temporary file of the same target left by a killed run (`.NAME.xxxxxxxx.tmp`) is removed
  by the next write of that target once it is an hour old; a younger one may belong to a run
  still writing.

A folder of files (a published site) is built beside its place and swapped in whole by
`base/folders.py`, with these functions. tests/test_writes.py checks that nothing but these two
modules opens a file for writing.
"""

import contextlib
import errno
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from itu_timeline.base.errors import WriteError
from itu_timeline.base.i18n import N_, _, system_words

_WRITTEN_IN_PLACE = ("/dev/", "/proc/")
# What tempfile adds to a name: 8 of these characters (mkstemp, mkdtemp).
RANDOM_PART = "[a-z0-9_]{8}"
CANNOT_WRITE = N_("{path}: cannot write: {reason}")
# A run writes for seconds; what is older than this was left by a run that was killed.
LEFTOVER_AGE_SECONDS = 3600


def real_target(path: Path) -> Path:
    """The file a write to `path` must change: symlinks (of the file or its folders) followed."""
    return Path(os.path.realpath(path))


@contextlib.contextmanager
def open_atomically(
    path: Path, mode: int | None = None, make_folders: bool = False
) -> Iterator[BinaryIO]:
    """A binary file to write `path`'s new content into; it replaces `path` on success.
    With `make_folders`, missing folders on the way are created."""
    if _in_place(path):
        yield from _write_in_place(path)
        return
    target = real_target(path)
    prepare_folder(target.parent, path, make_folders)
    old = _stat(target)
    try:
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as err:
        said = _("{path}: cannot write in {folder}: {reason}")
        raise WriteError(said.format(path=path, folder=target.parent, reason=why(err))) from err
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        _carry_over(temp, old, mode)
        os.replace(temp, target)
    except OSError as err:
        remove_file(temp)
        raise WriteError(_(CANNOT_WRITE).format(path=path, reason=why(err))) from err
    except BaseException:
        remove_file(temp)
        raise
    sync_folder(target.parent, path)
    remove_leftovers(target.parent, re.escape(f".{target.name}.") + RANDOM_PART + r"\.tmp")


def sync_folder(folder: Path, path: Path) -> None:
    """Flush `folder`'s list of names to disk: a file's own fsync does not cover the rename
    that gave it its name. A file system that cannot sync a folder (EINVAL) is left as it is."""
    try:
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return  # a folder we may write but not read (mode 0300): nothing to sync it through
    try:
        os.fsync(handle)
    except OSError as err:
        if err.errno not in (errno.EINVAL, errno.ENOTSUP):
            said = _("{path}: written, but {folder} could not be flushed to disk: {reason}")
            raise WriteError(said.format(path=path, folder=folder, reason=why(err))) from err
    finally:
        os.close(handle)


def remove_leftovers(folder: Path, pattern: str, keep: Path | None = None) -> None:
    """Remove what killed runs left in `folder`: entries whose whole name matches `pattern`,
    last changed over an hour ago, other than `keep`. Whatever cannot be removed stays."""
    cutoff = time.time() - LEFTOVER_AGE_SECONDS
    try:
        entries = [e for e in os.scandir(folder) if re.fullmatch(pattern, e.name)]
    except OSError:
        return
    for entry in entries:
        with contextlib.suppress(OSError):
            if entry.stat(follow_symlinks=False).st_mtime >= cutoff or Path(entry) == keep:
                continue
            if entry.is_dir(follow_symlinks=False):
                discard(Path(entry))
            else:
                os.unlink(entry)


def write_atomically(
    path: Path, data: bytes, mode: int | None = None, make_folders: bool = False
) -> None:
    with open_atomically(path, mode, make_folders) as out:
        out.write(data)


def discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _in_place(path: Path) -> bool:
    """Special files are written, never replaced: a device or FIFO, or a path under /dev or
    /proc (/dev/stdout is a link whose target may look like a regular file)."""
    if str(path.absolute()).startswith(_WRITTEN_IN_PLACE):
        return True
    info = _stat(real_target(path))
    return info is not None and not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode)


def _write_in_place(path: Path) -> Iterator[BinaryIO]:
    try:
        with path.open("wb") as out:
            yield out
    except OSError as err:
        raise WriteError(_(CANNOT_WRITE).format(path=path, reason=why(err))) from err


def prepare_folder(folder: Path, path: Path, make_folders: bool) -> None:
    if folder.is_dir():
        return
    if not make_folders:
        raise WriteError(
            _("{path}: the folder {folder} does not exist").format(path=path, folder=folder)
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        said = _("{path}: cannot make the folder {folder}: {reason}")
        raise WriteError(said.format(path=path, folder=folder, reason=why(err))) from err


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None


def _carry_over(temp: str, old: os.stat_result | None, mode: int | None) -> None:
    """The old file's mode, owner and group onto the new one; for a new file, the umask's."""
    if mode is None:
        mode = stat.S_IMODE(old.st_mode) if old else 0o666 & ~umask()
    os.chmod(temp, mode)
    if old is not None and (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(PermissionError):  # only root may give a file away
            os.chown(temp, old.st_uid, old.st_gid)


def umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it; it is put straight back
    os.umask(mask)
    return mask


def why(err: OSError) -> str:
    return system_words(err)


def remove_file(temp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp)
