"""Writing a file so that readers see the old content or the new, never a part: a temporary
file in the same folder, flushed to disk, then renamed over the target."""

import contextlib
import os
import tempfile
from pathlib import Path

from itu_timeline.errors import WriteError


def write_atomically(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replace `path` with `data`. Keeps the old file's permissions unless `mode` is given."""
    folder = path.parent
    if not folder.is_dir():
        raise WriteError(f"{path}: the folder {folder} does not exist")
    if mode is None:
        with contextlib.suppress(FileNotFoundError):
            mode = path.stat().st_mode & 0o7777
    try:
        handle, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise WriteError(f"{path}: cannot write in {folder}: {err.strerror or err}") from err
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode if mode is not None else 0o644)
        os.replace(temp, path)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise WriteError(f"{path}: cannot write: {err.strerror or err}") from err
