"""`list --format json` of every event from cached rows (render/json_rows.py): the same text
as the records of the events, on the run that makes the rows and on those that read them,
whatever zone, feed or change of file."""

import json
import os
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from itu_timeline.core.loader import load
from itu_timeline.core.query import Filter, select
from itu_timeline.core.subscriptions import copies_dir
from itu_timeline.render.json_csv import events_json

from .conftest import RULED, SAMPLE, Run

TIMED = """
[[events]]
id = "webinar"
title = "Timed webinar"
body = "ITU-T"
kind = "workshop"
start = 2027-01-31T23:30:00
end = 2027-02-01T01:00:00
timezone = "Europe/Zurich"

[[events]]
id = "named"
title = "Named in French"
titles = { fr = { title = "Réunion %s", source = "https://www.itu.int/fr/" } }
body = "ITU"
kind = "other"
start = 2027-05-01
"""


def expected(paths: list[Path], zone: str) -> str:
    events = select(load(paths).events, Filter())
    return "".join(events_json(events, ZoneInfo(zone)))


def rows_entries(cache: Path) -> list[Path]:
    return sorted((cache / "itu-timeline").glob("rows-*.pickle"))


@pytest.fixture
def calendars(tmp_path: Path) -> list[Path]:
    """The user's own file, and a feed's copy (whose records name the feed)."""
    mine = tmp_path / "mine.toml"
    mine.write_text(SAMPLE + TIMED, encoding="utf-8")
    copies_dir().mkdir(parents=True)
    feed = copies_dir() / "apt.toml"
    feed.write_text(RULED.replace('"sg17-2027-03"', '"apt-sg17"'), encoding="utf-8")
    return [mine, feed]


@pytest.mark.parametrize("zone", ["UTC", "Asia/Tokyo"])
def test_every_event_is_written_as_its_record_when_rows_are_made_and_when_read(
    run: Run, calendars: list[Path], private_cache: Path, zone: str
) -> None:
    made = run("--tz", zone, "list", "--format", "json", calendars=calendars)
    assert len(rows_entries(private_cache)) == 1
    read = run("--tz", zone, "list", "--format", "json", calendars=calendars)
    assert made.exit_code == read.exit_code == 0
    assert made.stdout == read.stdout == expected(calendars, zone)
    feeds = {r["id"]: r["feed"] for r in json.loads(read.stdout)}
    assert feeds["apt-sg17"] == "apt"
    assert feeds["pp-26"] is None


def test_rows_of_one_zone_are_never_served_for_another(
    run: Run, calendars: list[Path], private_cache: Path
) -> None:
    texts = [
        run("--tz", z, "list", "-f", "json", calendars=calendars).stdout
        for z in ("UTC", "Asia/Tokyo", "UTC")
    ]
    assert texts[0] == texts[2] == expected(calendars, "UTC")
    assert texts[1] == expected(calendars, "Asia/Tokyo") != texts[0]  # the webinar's dates
    assert len(rows_entries(private_cache)) == 2


def test_rows_are_made_again_when_a_file_changes_even_at_the_same_size(
    run: Run, calendars: list[Path]
) -> None:
    run("list", "--format", "json", calendars=calendars)
    mine = calendars[0]
    info = mine.stat()
    mine.write_text(mine.read_text().replace("Timed webinar", "Timed seminar"))
    os.utime(mine, ns=(info.st_atime_ns, info.st_mtime_ns + 1))
    again = run("--tz", "UTC", "list", "--format", "json", calendars=calendars).stdout
    assert "Timed seminar" in again
    assert again == expected(calendars, "UTC")


@pytest.mark.parametrize("damage", ["empty", "garbage", "cut short", "longer"])
def test_damaged_rows_are_made_again(
    run: Run, calendars: list[Path], private_cache: Path, damage: str
) -> None:
    run("--tz", "UTC", "list", "--format", "json", calendars=calendars)
    [entry] = rows_entries(private_cache)
    data = entry.read_bytes()
    damaged = {"empty": b"", "garbage": b"\x00" * len(data), "cut short": data[:-5]}
    entry.write_bytes(damaged.get(damage, data + b"more"))
    for _ in range(2):  # made again, then read
        again = run("--tz", "UTC", "list", "--format", "json", calendars=calendars)
        assert again.exit_code == 0
        assert again.stdout == expected(calendars, "UTC")


def test_a_filtered_list_or_another_format_does_not_make_rows(
    run: Run, calendars: list[Path], private_cache: Path
) -> None:
    run("list", "--format", "json", "--body", "ITU", calendars=calendars)
    run("list", "--format", "csv", calendars=calendars)
    assert rows_entries(private_cache) == []


def test_rows_unused_for_a_month_are_removed_when_an_entry_is_written(
    run: Run, calendars: list[Path], private_cache: Path
) -> None:
    folder = private_cache / "itu-timeline"
    folder.mkdir()
    stale, recent = folder / "rows-00000000-01.pickle", folder / "rows-00000000-02.pickle"
    for path in (stale, recent):
        path.write_bytes(b"x")
    month_ago = time.time() - 31 * 86400
    os.utime(stale, (month_ago, month_ago))
    run("list", "--format", "json", calendars=calendars)  # a miss: writes entries
    left = {p.name for p in folder.iterdir()}
    assert stale.name not in left
    assert recent.name in left


def test_publish_writes_events_json_from_the_rows_of_list_and_list_from_those_of_publish(
    run: Run, calendars: list[Path], private_cache: Path, tmp_path: Path
) -> None:
    """events.json of a whole calendar is `list --format json` of the same files: from the
    rows that `list` made, and a `publish` before any `list` makes them for it."""
    listed = run("--tz", "Asia/Tokyo", "list", "--format", "json", calendars=calendars)
    made = rows_entries(private_cache)
    assert (
        run("--tz", "Asia/Tokyo", "publish", str(tmp_path / "a"), calendars=calendars).exit_code
        == 0
    )
    assert rows_entries(private_cache) == made  # read, not made again
    assert (tmp_path / "a" / "events.json").read_text(encoding="utf-8") == listed.stdout
    for entry in made:
        entry.unlink()
    assert (
        run("--tz", "Asia/Tokyo", "publish", str(tmp_path / "b"), calendars=calendars).exit_code
        == 0
    )
    assert len(rows_entries(private_cache)) == 1
    assert (tmp_path / "b" / "events.json").read_text(encoding="utf-8") == listed.stdout
    again = run("--tz", "Asia/Tokyo", "list", "--format", "json", calendars=calendars)
    assert again.stdout == listed.stdout
