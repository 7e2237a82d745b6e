"""Writing a file so that readers see the old content or the new, never a part: a temporary
file in the same folder, flushed to disk, then renamed over the target. If anything fails on
the way, the temporary file is removed and the old file is left as it was."""

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from itu_timeline.base.errors import WriteError


@contextlib.contextmanager
def open_atomically(path: Path, mode: int | None = None) -> Iterator[BinaryIO]:
    """A binary file to write `path`'s new content into; it replaces `path` on success.
    Keeps the old file's permissions unless `mode` is given."""
    folder = path.parent
    if not folder.is_dir():
        raise WriteError(f"{path}: the folder {folder} does not exist")
    if mode is None:
        with contextlib.suppress(OSError):
            mode = path.stat().st_mode & 0o7777
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise WriteError(f"{path}: cannot write in {folder}: {err.strerror or err}") from err
    try:
        with os.fdopen(handle, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode if mode is not None else 0o644)
        os.replace(temp, path)
    except OSError as err:
        _remove(temp)
        raise WriteError(f"{path}: cannot write: {err.strerror or err}") from err
    except BaseException:
        _remove(temp)
        raise


def write_atomically(path: Path, data: bytes, mode: int | None = None) -> None:
    with open_atomically(path, mode) as out:
        out.write(data)


def _remove(temp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp)
