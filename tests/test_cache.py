"""The parsed-calendar cache is never served stale, and a bad entry is never an error."""

import os
import pickle
from pathlib import Path

import pytest

from itu_timeline.core import cache
from itu_timeline.core.loader import load

from .conftest import HEADER, WriteCalendar

ONE = (
    HEADER
    + '[[events]]\nid = "a"\ntitle = "First title"\nbody = "ITU"\nkind = "other"\n'
    + "start = 2027-01-01\n"
)


def test_a_second_read_is_served_from_the_cache(
    write_calendar: WriteCalendar, private_cache: Path
) -> None:
    path = write_calendar(ONE)
    assert load([path]).events[0].title == "First title"
    assert len(list((private_cache / "itu-timeline").glob("*.pickle"))) == 1
    assert cache.get(path) is not None


def test_an_edited_file_is_never_served_stale_even_at_the_same_size(
    write_calendar: WriteCalendar,
) -> None:
    path = write_calendar(ONE)
    load([path])
    info = path.stat()
    path.write_text(ONE.replace("First title", "Other title"))
    assert path.stat().st_size == info.st_size
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1))  # the next nanosecond
    assert load([path]).events[0].title == "Other title"


def test_a_file_restored_with_its_old_mtime_but_new_size_is_read_again(
    write_calendar: WriteCalendar,
) -> None:
    path = write_calendar(ONE)
    load([path])
    info = path.stat()
    path.write_text(ONE.replace("First title", "A longer title"))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert load([path]).events[0].title == "A longer title"


@pytest.mark.parametrize(
    "content", [b"", b"not a pickle", pickle.dumps(("stamp", "not a calendar"))]
)
def test_a_damaged_or_foreign_entry_is_ignored(
    write_calendar: WriteCalendar, private_cache: Path, content: bytes
) -> None:
    path = write_calendar(ONE)
    load([path])
    [entry] = (private_cache / "itu-timeline").glob("*.pickle")
    entry.write_bytes(content)
    assert load([path]).events[0].title == "First title"


def test_entries_made_by_other_code_are_not_used(
    write_calendar: WriteCalendar, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_calendar(ONE)
    load([path])
    assert cache.get(path) is not None
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "changed-models")
    assert cache.get(path) is None


def test_an_unwritable_cache_folder_only_skips_caching(
    write_calendar: WriteCalendar, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    path = write_calendar(ONE)
    assert load([path]).events[0].title == "First title"
    assert cache.get(path) is None
