"""The system's zone: read from TZ, the /etc/localtime link or copy, /etc/timezone; UTC only
with a note. The end-to-end cases run the real program in a private mount namespace whose /etc
is a folder of the test's (root and unshare(1) needed; the machine's own /etc is never
touched)."""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from zoneinfo import TZPATH

import pytest

from itu_timeline.core.zones import zone_of_copy

DATABASE = next((Path(p) for p in TZPATH if (Path(p) / "Europe" / "Zurich").is_file()), None)
needs_database = pytest.mark.skipif(DATABASE is None, reason="no system tz database")


@needs_database
def test_a_copy_of_a_zone_file_is_named_by_the_database(tmp_path: Path) -> None:
    assert DATABASE is not None
    copy = tmp_path / "localtime"
    shutil.copyfile(DATABASE / "Europe" / "Zurich", copy)
    assert zone_of_copy(copy) == "Europe/Zurich"
    shutil.copyfile(DATABASE / "Asia" / "Kolkata", copy)
    assert zone_of_copy(copy) == "Asia/Kolkata"
    copy.write_bytes(b"TZif but not a zone of the database")
    assert zone_of_copy(copy) is None
    assert zone_of_copy(tmp_path / "missing") is None


def zone_with_tz(tz: str) -> str:
    """The system zone as a fresh interpreter sees it (tzlocal keeps what it read per process)."""
    probe = "from itu_timeline.core.zones import system_zone_name; print(system_zone_name())"
    env = {**os.environ, "TZ": tz}
    return subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_tz_naming_a_zone_or_a_zone_file_wins() -> None:
    assert zone_with_tz("America/Bogota") == "America/Bogota"
    assert zone_with_tz(":Asia/Tokyo") == "Asia/Tokyo"
    if DATABASE is not None:
        assert zone_with_tz(str(DATABASE / "Pacific" / "Apia")) == "Pacific/Apia"


def add_in_a_private_etc(tmp_path: Path, etc: Path) -> subprocess.CompletedProcess[str]:
    """`add` of an event without a zone into a new file, TZ unset, with `etc` as /etc."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("a private mount namespace needs root and unshare(1)")
    env = {k: v for k, v in os.environ.items() if k != "TZ"}
    env |= {"XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    target = tmp_path / "mine.toml"
    add = [sys.executable, "-m", "itu_timeline", "--today", "2026-06-01", "add", "--title", "T"]
    add += ["--start", "2027-01-05", "--body", "other", "--kind", "other", "-c", str(target)]
    script = 'mount --bind "$0" /etc && exec "$@"'
    command = ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, str(etc)]
    done = subprocess.run([*command, *add], env=env, capture_output=True, text=True)
    if "mount" in done.stderr and done.returncode != 0 and not target.exists():
        pytest.skip(f"no private mount namespace here: {done.stderr.strip()}")
    return done


@needs_database
def test_an_etc_localtime_copied_from_europe_zurich_gives_europe_zurich(tmp_path: Path) -> None:
    assert DATABASE is not None
    etc = tmp_path / "etc"
    etc.mkdir()
    shutil.copyfile(DATABASE / "Europe" / "Zurich", etc / "localtime")
    done = add_in_a_private_etc(tmp_path, etc)
    assert done.returncode == 0, done.stderr
    assert "time zone could not be found" not in done.stderr
    event = tomllib.loads((tmp_path / "mine.toml").read_text())["events"][0]
    assert event["timezone"] == "Europe/Zurich"


def test_an_etc_timezone_alone_names_the_zone(tmp_path: Path) -> None:
    etc = tmp_path / "etc"
    etc.mkdir()
    (etc / "timezone").write_text("Asia/Qatar\n")
    done = add_in_a_private_etc(tmp_path, etc)
    assert done.returncode == 0, done.stderr
    assert tomllib.loads((tmp_path / "mine.toml").read_text())["events"][0]["timezone"] == (
        "Asia/Qatar"
    )


def test_with_nothing_to_name_a_zone_utc_is_used_and_said(tmp_path: Path) -> None:
    etc = tmp_path / "etc"
    etc.mkdir()
    done = add_in_a_private_etc(tmp_path, etc)
    assert done.returncode == 0, done.stderr
    assert "itu-timeline: note: the system's time zone could not be found" in done.stderr
    assert tomllib.loads((tmp_path / "mine.toml").read_text())["events"][0]["timezone"] == "UTC"
