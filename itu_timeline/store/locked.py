"""Changing calendar files safely: under an exclusive lock (a `.lock` file beside the calendar),
read, change, validate the whole result with the loader's own validator, then write it
atomically. If anything fails, the file is left exactly as it was."""

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from itu_timeline.base.atomic import write_atomically
from itu_timeline.base.errors import CalendarInvalid, WriteError
from itu_timeline.core.loader import read_document
from itu_timeline.core.schema import SCHEMA, parse_document

T = TypeVar("T")
LOCK_TIMEOUT_SECONDS = 60


def update_file(
    path: Path, change: Callable[[dict[str, Any]], T], create: bool = False, dry_run: bool = False
) -> T:
    """Apply `change` to the document in `path` and write it back; return what `change` returns.
    With `create`, a missing file (and its folder) is created."""
    import tomli_w
    from filelock import FileLock, Timeout

    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(f"{path}.lock", timeout=LOCK_TIMEOUT_SECONDS)
    try:
        with lock:
            exists = path.exists()
            document = read_document(path) if exists or not create else {"schema": SCHEMA}
            result = change(document)
            text = tomli_w.dumps(document)
            _, problems = parse_document(tomllib.loads(text), path)
            if problems:
                raise CalendarInvalid(problems)
            if not dry_run:
                write_atomically(path, text.encode("utf-8"))
    except Timeout as err:
        raise WriteError(f"{path}: another itu-timeline holds its lock ({lock.lock_file})") from err
    except OSError as err:
        raise WriteError(f"{path}: cannot lock or write: {err.strerror or err}") from err
    return result
