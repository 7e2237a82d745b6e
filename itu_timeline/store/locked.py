"""Changing calendar files safely: under an exclusive lock (a `.lock` file beside the real
file, symlinks followed), read and validate, change, validate the whole result with the
loader's own validator, then write it atomically, or not at all when nothing changed. If
anything fails, the file is left exactly as it was."""

import copy
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from itu_timeline.base.atomic import real_target, write_atomically
from itu_timeline.base.errors import CalendarInvalid, WriteError
from itu_timeline.base.i18n import _, ngettext, system_words
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
    lost: int = 0  # comments not kept: the change could only be written in canonical form

    def warnings(self) -> list[str]:
        if not self.lost:
            return []
        said = ngettext(
            "{path}: could not be changed in place; rewritten in canonical form, "
            "{n} comment not kept",
            "{path}: could not be changed in place; rewritten in canonical form, "
            "{n} comments not kept",
            self.lost,
        )
        return [said.format(path=self.path, n=self.lost)]


def update_file(
    path: Path,
    change: Callable[[dict[str, Any]], T],
    create: bool = False,
    dry_run: bool = False,
    canonical: bool = False,
) -> Update[T]:
    """Apply `change` to the document in `path` and write it back if it changed. The file is
    validated first: a file with problems is refused as it is, before anything is changed.
    Only what changed is rewritten (comments and form of the rest are kept), unless
    `canonical` asks for the whole file in canonical form (`fmt`). With `create`, a missing
    file (and its folders) is created, in schema 2."""
    from filelock import FileLock, Timeout

    target = real_target(path)
    if create:
        _make_folder(target.parent)
    lock = FileLock(f"{target}.lock", timeout=LOCK_TIMEOUT_SECONDS)
    try:
        with lock:
            exists = target.exists()
            document = read_valid(path) if exists or not create else {"schema": SCHEMA}
            old = target.read_bytes() if exists else None
            before = copy.deepcopy(document)
            result = change(document)
            text, kept = _text(old, before, document, canonical)
            lost = 0 if kept or canonical else toml_text.comment_count((old or b"").decode())
            _check(tomllib.loads(text.decode("utf-8")), path)
            write = not dry_run and text != old
            if write:
                write_atomically(path, text)
    except Timeout as err:
        message = _("{path}: another itu-timeline holds its lock ({lock})")
        raise WriteError(message.format(path=path, lock=lock.lock_file)) from err
    except OSError as err:
        message = _("{path}: cannot lock or write: {reason}")
        raise WriteError(message.format(path=path, reason=system_words(err))) from err
    return Update(result, path, write, write and not exists, lost if write else 0)


def read_valid(path: Path) -> dict[str, Any]:
    """The parsed document of a calendar file that has no problems; else `CalendarInvalid`."""
    document = read_document(path)
    _check(document, path)
    return document


def _check(document: dict[str, Any], path: Path) -> None:
    _, problems = parse_document(document, path)
    if problems:
        raise CalendarInvalid(problems)


def _text(
    old: bytes | None, before: dict[str, Any], after: dict[str, Any], canonical: bool
) -> tuple[bytes, bool]:
    """The new file: the old one with only the change made, else the canonical form (and
    whether the old file's form was kept)."""
    if old is not None and not canonical:
        kept = toml_text.patched(old.decode("utf-8"), before, after)
        if kept is not None:
            return kept.encode("utf-8"), True
    return toml_text.dumps(after).encode("utf-8"), old is None


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        message = _("cannot make the folder {folder}: {reason}")
        raise WriteError(message.format(folder=folder, reason=system_words(err))) from err
