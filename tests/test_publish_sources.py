"""`publish --source`: which calendars go on a public page, and the command saying so. The
user's own file holds private notes: it goes public only when asked for."""

from pathlib import Path

import pytest

from .conftest import as_user

MINE = """\
schema = 2
name = "Mine"
[[events]]
id = "dentist"
title = "Private: dentist"
body = "other"
kind = "other"
start = 2026-12-10
timezone = "UTC"
"""

FEED = """\
schema = 2
name = "Regional"
[[events]]
id = "apt-prep"
title = "APT preparatory meeting"
body = "APT"
kind = "preparatory"
start = 2026-12-14
timezone = "Asia/Bangkok"
source = "https://example.org/apt"
"""


@pytest.fixture
def machine(home: dict[str, str]) -> dict[str, str]:
    """A user with their own file and one subscribed feed with a copy."""
    mine = Path(home["XDG_DATA_HOME"]) / "itu-timeline" / "events.toml"
    mine.parent.mkdir(parents=True)
    mine.write_text(MINE)
    feeds = Path(home["XDG_CONFIG_HOME"]) / "itu-timeline" / "feeds.toml"
    feeds.parent.mkdir(parents=True)
    feeds.write_text('[[feeds]]\nname = "apt"\nurl = "https://example.org/apt.toml"\n')
    copy = Path(home["XDG_STATE_HOME"]) / "itu-timeline" / "feeds" / "apt.toml"
    copy.parent.mkdir(parents=True)
    copy.write_text(FEED)
    return home


def site_text(folder: Path) -> str:
    return "".join(p.read_text() for p in folder.iterdir() if p.is_file())


def test_by_default_the_bundled_calendar_and_feeds_go_in_and_the_command_says_so(
    machine: dict[str, str], tmp_path: Path
) -> None:
    result = as_user(machine, "2026-12-03", "publish", str(tmp_path / "site"))
    assert result.exit_code == 0, result.output
    assert "calendars on the page: the bundled calendar, feed 'apt'" in result.stderr
    assert "left out (--source chooses): your own file (" in result.stderr
    text = site_text(tmp_path / "site")
    assert "APT preparatory meeting" in text
    assert "dentist" not in text


def test_source_bundled_leaves_out_the_users_file_and_the_feeds(
    machine: dict[str, str], tmp_path: Path
) -> None:
    result = as_user(machine, "2026-12-03", "publish", str(tmp_path / "s"), "--source", "bundled")
    assert result.exit_code == 0, result.output
    assert "calendars on the page: the bundled calendar\n" in result.stderr
    assert "feed 'apt', your own file" in result.stderr
    text = site_text(tmp_path / "s")
    assert "dentist" not in text
    assert "APT preparatory meeting" not in text
    assert 'name = "ITU meetings (itu-timeline)"' in (tmp_path / "s" / "events.toml").read_text()


def test_mine_goes_public_when_asked_for(machine: dict[str, str], tmp_path: Path) -> None:
    site = tmp_path / "s"
    result = as_user(machine, "2026-12-03", "publish", str(site), "--source", "bundled,mine")
    assert result.exit_code == 0, result.output
    assert "your own file (" in result.stderr.split("\n")[0]
    assert "left out (--source chooses): feed 'apt'" in result.stderr
    assert "Private: dentist" in site_text(site)


@pytest.mark.parametrize("bad", ["", "bundled,everything", "Mine;feeds"])
def test_a_bad_source_list_is_one_line_naming_the_option(
    machine: dict[str, str], tmp_path: Path, bad: str
) -> None:
    result = as_user(machine, "2026-12-03", "publish", str(tmp_path / "s"), "--source", bad)
    assert result.exit_code == 2
    assert result.stderr.startswith("itu-timeline: error: --source: ")
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "s").exists()


def test_source_and_calendar_together_are_refused(machine: dict[str, str], tmp_path: Path) -> None:
    mine = Path(machine["XDG_DATA_HOME"]) / "itu-timeline" / "events.toml"
    result = as_user(
        machine, "2026-12-03", "-c", str(mine), "publish", str(tmp_path / "s"), "--source", "mine"
    )
    assert result.exit_code == 2
    assert "--source chooses among the default calendars" in result.stderr


def test_changes_made_in_the_users_own_file_stay_off_a_page_that_leaves_it_out(
    machine: dict[str, str], tmp_path: Path
) -> None:
    added = as_user(
        machine, "2026-12-03", "add", "--title", "Private: board retreat", "--start", "2027-02-10",
        "--body", "other", "--kind", "other",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    site = tmp_path / "s"
    assert as_user(machine, "2026-12-03", "publish", str(site)).exit_code == 0
    everything = "".join(p.read_text() for p in site.rglob("*") if p.is_file())
    assert "board retreat" not in everything
    assert machine["XDG_DATA_HOME"] not in everything
    mine = tmp_path / "m"
    assert as_user(machine, "2026-12-03", "publish", str(mine), "--source", "mine").exit_code == 0
    front = (mine / "index.html").read_text()
    assert "Private: board retreat: added" in front
