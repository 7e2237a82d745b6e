"""The parsed-calendar cache is never served stale, and a bad entry is never an error."""

import os
import pickle
import time
from datetime import date
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


def served_from_cache(path: Path) -> bool:
    stamp = cache.file_stamp(path)
    return stamp is not None and cache.get(path, stamp) is not None


def test_a_second_read_is_served_from_the_cache(
    write_calendar: WriteCalendar, private_cache: Path
) -> None:
    path = write_calendar(ONE)
    assert load([path]).events[0].title == "First title"
    assert len(list((private_cache / "itu-timeline").glob("*.pickle"))) == 1
    assert served_from_cache(path)


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
    assert served_from_cache(path)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "changed-models")
    assert not served_from_cache(path)


def test_an_unwritable_cache_folder_only_skips_caching(
    write_calendar: WriteCalendar, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    path = write_calendar(ONE)
    assert load([path]).events[0].title == "First title"
    assert not served_from_cache(path)


TWO = ONE.replace('id = "a"', 'id = "b"').replace("First title", "Other event")
WINDOW = (date(2026, 12, 30), date(2027, 1, 5))


def test_the_day_index_is_made_again_when_one_of_its_files_changes(
    write_calendar: WriteCalendar,
) -> None:
    first, second = write_calendar(ONE, "one.toml"), write_calendar(TWO, "two.toml")
    assert [e.title for e in load([first, second], WINDOW).events] == ["First title", "Other event"]
    info = second.stat()
    second.write_text(TWO.replace("Other event", "Renamed one"))
    assert second.stat().st_size == info.st_size
    os.utime(second, ns=(info.st_atime_ns, info.st_mtime_ns + 1))
    assert [e.title for e in load([first, second], WINDOW).events] == ["First title", "Renamed one"]


@pytest.mark.parametrize("damage", ["empty", "garbage", "cut short", "longer"])
def test_a_damaged_day_index_is_ignored(
    write_calendar: WriteCalendar, private_cache: Path, damage: str
) -> None:
    path = write_calendar(ONE)
    load([path], WINDOW)
    [entry] = (private_cache / "itu-timeline").glob("days-*.pickle")
    data = entry.read_bytes()
    entry.write_bytes(
        {
            "empty": b"",
            "garbage": b"\x00" * len(data),
            "cut short": data[:-5],
            "longer": data + b"more",
        }[damage]
    )
    assert [e.title for e in load([path], WINDOW).events] == ["First title"]
    assert [e.title for e in load([path], WINDOW).events] == ["First title"]  # made again


def test_the_day_index_holds_events_only_near_the_window_it_is_asked_for(
    write_calendar: WriteCalendar,
) -> None:
    far = ONE.replace("2027-01-01", "2029-06-01")
    path = write_calendar(ONE + far.split(HEADER)[1].replace('id = "a"', 'id = "far"'))
    assert [e.id for e in load([path], WINDOW).events] == ["a"]
    assert [e.id for e in load([path]).events] == ["a", "far"]


def test_writing_an_entry_removes_old_names_and_day_indexes_unused_for_a_month(
    write_calendar: WriteCalendar, private_cache: Path
) -> None:
    folder = private_cache / "itu-timeline"
    folder.mkdir()
    earlier_scheme, stale_index, recent_index, other = (
        folder / "92ab7ea58bfe0a3e.pickle",
        folder / "days-0000000000000001.pickle",
        folder / "days-0000000000000002.pickle",
        folder / "notes.txt",
    )
    for path in (earlier_scheme, stale_index, recent_index, other):
        path.write_bytes(b"x")
    month_ago = time.time() - 31 * 86400
    os.utime(stale_index, (month_ago, month_ago))
    load([write_calendar(ONE)], WINDOW)  # a miss: writes two entries
    left = sorted(p.name for p in folder.iterdir())
    assert earlier_scheme.name not in left
    assert stale_index.name not in left
    assert recent_index.name in left
    assert other.name in left
    assert len([n for n in left if n.startswith(("file-", "days-"))]) == 3
