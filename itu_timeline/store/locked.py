"""Changing calendar files safely: under an exclusive lock (a `.lock` file beside the real
file, symlinks followed), read, change, validate the whole result with the loader's own
validator, then write it atomically, or not at all when nothing changed. If anything fails,
the file is left exactly as it was."""

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from itu_timeline.base.atomic import real_target, write_atomically
from itu_timeline.base.errors import CalendarInvalid, WriteError
from itu_timeline.core.loader import read_document
from itu_timeline.core.schema import SCHEMA, parse_document
from itu_timeline.store import toml_text

T = TypeVar("T")
LOCK_TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class Update(Generic[T]):
    """What a change returned, and what became of the file."""

    value: T
    path: Path
    written: bool  # False: the result was the same bytes, or a dry run
    created: bool


def update_file(
    path: Path, change: Callable[[dict[str, Any]], T], create: bool = False, dry_run: bool = False
) -> Update[T]:
    """Apply `change` to the document in `path` and write it back if it changed. With
    `create`, a missing file (and its folders) is created, in schema 2."""
    from filelock import FileLock, Timeout

    target = real_target(path)
    if create:
        _make_folder(target.parent)
    lock = FileLock(f"{target}.lock", timeout=LOCK_TIMEOUT_SECONDS)
    try:
        with lock:
            exists = target.exists()
            old = target.read_bytes() if exists else None
            document = read_document(path) if exists or not create else {"schema": SCHEMA}
            result = change(document)
            text = toml_text.dumps(document).encode("utf-8")
            _, problems = parse_document(tomllib.loads(text.decode("utf-8")), path)
            if problems:
                raise CalendarInvalid(problems)
            write = not dry_run and text != old
            if write:
                write_atomically(path, text)
    except Timeout as err:
        raise WriteError(f"{path}: another itu-timeline holds its lock ({lock.lock_file})") from err
    except OSError as err:
        raise WriteError(f"{path}: cannot lock or write: {err.strerror or err}") from err
    return Update(result, path, write, write and not exists)


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise WriteError(f"cannot make the folder {folder}: {err.strerror or err}") from err
