"""The curated calendar keeps its name and its precedence whatever feeds are subscribed, with
real feeds served by a web server on 127.0.0.1: only a copy newer by `published` replaces the
bundled calendar, and every command that says which copy is in use says the same."""

import json
import tomllib
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import Result

from itu_timeline.core.loader import bundled_path

from .conftest import as_user, static_server

CURATED = "ITU meetings (itu-timeline)"  # the bundled calendar's name
STAMP = tomllib.loads(bundled_path().read_text(encoding="utf-8"))["published"]  # bumped by edits
NEWER = STAMP + timedelta(hours=1)  # not after the copy is fetched: a later stamp is refused
APT = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:test\r
X-WR-CALNAME:APT\r
BEGIN:VEVENT\r
UID:apg27-6@apt.int\r
DTSTART;VALUE=DATE:20270801\r
DTEND;VALUE=DATE:20270806\r
SUMMARY:6th meeting of the APT Conference Preparatory Group for WRC-27\r
END:VEVENT\r
END:VCALENDAR\r
"""


def curated(published: str, title: str) -> str:
    return f"""schema = 2
name = "{CURATED}"
published = {published}

[[events]]
id = "pp-26"
title = "{title}"
body = "ITU"
kind = "plenipotentiary"
start = 2026-11-09
end = 2026-11-27
source = "https://pp.itu.int/2026/"
"""


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "apt.ics").write_text(APT, newline="")
    (folder / "new.toml").write_text(curated(NEWER.isoformat(), "PP-26 (newer copy)"))
    (folder / "old.toml").write_text(curated("2020-01-01T00:00:00Z", "PP-26 (older copy)"))
    (folder / "same.toml").write_text(curated(STAMP.isoformat(), "PP-26 (same stamp)"))
    with static_server(folder) as url:
        yield url


def cli(home: dict[str, str], *args: str) -> Result:
    return as_user(home, "2027-01-01", *args)


def subscribe(home: dict[str, str], site: str, *names: str) -> None:
    for name in names:
        path = "apt.ics" if name == "apt" else f"{name}.toml"
        added = cli(home, "feeds", "add", f"{site}/{path}", "--name", name)
        assert added.exit_code == 0, added.stderr


@pytest.mark.parametrize(
    "feeds", [["apt"], ["apt", "new"], ["new", "apt"], ["apt", "old"], ["old", "new", "apt"]]
)
def test_publish_and_export_carry_the_curated_name_whatever_feeds_come_first(
    feeds: list[str], site: str, home: dict[str, str], tmp_path: Path
) -> None:
    subscribe(home, site, *feeds)
    exported = cli(home, "export")
    assert f"X-WR-CALNAME:{CURATED}" in exported.stdout.splitlines()
    assert cli(home, "publish", str(tmp_path / "out")).exit_code == 0
    published = tomllib.loads((tmp_path / "out" / "events.toml").read_text())
    assert published["name"] == CURATED
    assert (
        b"X-WR-CALNAME:ITU meetings (itu-timeline)\r\n" in (tmp_path / "out/all.ics").read_bytes()
    )


@pytest.mark.parametrize("stale", ["old", "same"])
def test_a_copy_not_newer_than_the_bundled_one_changes_no_event(
    stale: str, site: str, home: dict[str, str]
) -> None:
    before = cli(home, "list", "-f", "json").stdout
    subscribe(home, site, stale)
    assert cli(home, "list", "-f", "json").stdout == before
    older = "older than" if stale == "old" else "not newer than"
    note = f"feed '{stale}': {older} the bundled copy, not used"
    assert note in cli(home, "validate").stdout
    assert (
        f"The curated calendar: bundled (published {STAMP.isoformat()})"
        in cli(home, "validate").stdout
    )
    [row] = json.loads(cli(home, "feeds", "list", "-f", "json").stdout)
    assert row["curated"] == f"{older} the bundled copy, not used"
    assert "The curated calendar: bundled" in cli(home, "show", "pp-26").stdout


def test_the_newest_copy_is_used_and_every_command_names_it(
    site: str, home: dict[str, str]
) -> None:
    subscribe(home, site, "apt", "new", "old")
    [pp26] = json.loads(cli(home, "list", "-s", "pp-26", "-f", "json").stdout)
    assert pp26["title"] == "PP-26 (newer copy)"
    checked = cli(home, "validate").stdout
    assert f"The curated calendar: feed 'new' (published {NEWER.isoformat()})" in checked
    assert "feed 'old': older than the feed 'new' copy, not used" in checked
    assert "The curated calendar: feed 'new'" in cli(home, "show", "pp-26").stdout
    rows = {
        r["name"]: r["curated"] for r in json.loads(cli(home, "feeds", "list", "-f", "json").stdout)
    }
    assert rows == {
        "apt": None,
        "new": "the curated calendar in use",
        "old": "older than the feed 'new' copy, not used",
    }


@pytest.mark.parametrize("fmt", ["plain", "table", "csv", "json"])
def test_feeds_list_honours_every_format(fmt: str, site: str, home: dict[str, str]) -> None:
    subscribe(home, site, "apt", "old")
    out = cli(home, "feeds", "list", "--format", fmt).stdout
    match fmt:
        case "json":
            assert [r["name"] for r in json.loads(out)] == ["apt", "old"]
        case "csv":
            header, apt, old = out.splitlines()
            assert header == "name,url,events,last_success,age,last_error,curated"
            assert apt.startswith(f"apt,{site}/apt.ics,1,")
            assert old.endswith(',"older than the bundled copy, not used"')
        case "table":
            assert out.startswith("┏")
            assert "Name" in out
            assert "older" in out
        case "plain":
            assert out.splitlines()[0] == f"apt  {site}/apt.ics  1 event  fetched just now"
