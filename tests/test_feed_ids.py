"""A feed event's identity comes from its source's UID, never from its title, with feeds
served by a web server on 127.0.0.1: a new title keeps the id, the exported UID and what
`remind` said; ids are short, and `show` finds an event by a unique start of its id or by the
UID it has in its feed."""

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import Result

from .conftest import as_user, static_server
from .test_feed_names import APT

SECOND = APT.replace("apg27-6@apt.int", "apg27-7@apt.int").replace("6th", "7th")


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "apt.ics").write_text(APT, newline="")
    with static_server(folder) as url:
        yield folder, url


def cli(home: dict[str, str], *args: str, today: str = "2027-07-01") -> Result:
    return as_user(home, today, *args)


def serve(folder: Path, text: str) -> None:
    (folder / "apt.ics").write_text(text, newline="")
    stamp = (folder / "apt.ics").stat().st_mtime + 10  # a later Last-Modified than before
    os.utime(folder / "apt.ics", (stamp, stamp))


def test_a_new_title_keeps_the_id_the_uid_and_the_reminders(
    site: tuple[Path, str], home: dict[str, str], tmp_path: Path
) -> None:
    folder, url = site
    assert cli(home, "feeds", "add", f"{url}/apt.ics", "--name", "apt").exit_code == 0
    [event] = json.loads(cli(home, "list", "--feed", "apt", "-f", "json").stdout)
    assert event["id"] == "apt-apg27-6"
    state = str(tmp_path / "remind.toml")
    first = cli(home, "remind", "--state", state, today="2027-07-02")
    assert "apt-apg27-6" in first.stdout  # 30 days before 2027-08-01
    serve(folder, APT.replace("SUMMARY:6th", "SUMMARY:Sixth"))
    assert cli(home, "feeds", "refresh").exit_code == 0
    [renamed] = json.loads(cli(home, "list", "--feed", "apt", "-f", "json").stdout)
    assert (renamed["id"], renamed["title"][:5]) == ("apt-apg27-6", "Sixth")
    exported = cli(home, "export", "--feed", "apt").stdout.splitlines()
    assert "UID:apt-apg27-6@itu-timeline" in exported
    assert cli(home, "remind", "--state", state, today="2027-07-03").stdout == ""


def test_show_finds_an_event_by_a_unique_start_of_its_id_or_by_its_uid(
    site: tuple[Path, str], home: dict[str, str]
) -> None:
    folder, url = site
    serve(folder, APT.replace("END:VCALENDAR", SECOND.split("X-WR-CALNAME:APT\r\n")[1]))
    assert cli(home, "feeds", "add", f"{url}/apt.ics", "--name", "apt").exit_code == 0
    assert "7th meeting" in cli(home, "show", "apt-apg27-7").stdout
    assert "6th meeting" in cli(home, "show", "apg27-6@apt.int").stdout
    assert "6th meeting" in cli(home, "show", "apt-apg27-6").stdout
    several = cli(home, "show", "apt-apg")
    assert several.exit_code == 2
    assert "'apt-apg' starts several ids: apt-apg27-6, apt-apg27-7" in several.stderr


def test_an_existing_copy_keeps_its_ids_so_nothing_is_duplicated_or_said_twice(
    site: tuple[Path, str], home: dict[str, str]
) -> None:
    """Ids that earlier versions made from titles stay: the exported UIDs, the reminders and
    the user's own overrides all hang on them."""
    folder, url = site
    assert cli(home, "feeds", "add", f"{url}/apt.ics", "--name", "apt").exit_code == 0
    copy = Path(home["XDG_STATE_HOME"]) / "itu-timeline" / "feeds" / "apt.toml"
    long_id = "apt-6th-meeting-of-the-apt-conference-preparatory-gr-2027"
    copy.write_text(copy.read_text().replace('"apt-apg27-6"', f'"{long_id}"'))
    serve(folder, APT.replace("SUMMARY:6th", "SUMMARY:Sixth"))
    assert cli(home, "feeds", "refresh").exit_code == 0
    [event] = json.loads(cli(home, "list", "--feed", "apt", "-f", "json").stdout)
    assert (event["id"], event["title"][:5]) == (long_id, "Sixth")
    assert "Sixth" in cli(home, "show", "apt-6th").stdout
