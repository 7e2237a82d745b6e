"""A subscriber's files, with feeds served by a web server on 127.0.0.1: feeds.toml is the
user's (comments and unknown keys survive every change, a failed `feeds add` leaves it byte for
byte as it was), feed copies are state that survives deleting the cache, and a broken feed is
blamed on its URL, never on the intact last good copy."""

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import Result

from .conftest import as_user, static_server
from .test_feed_names import APT

MINE = """# My subscriptions: the ITU's own calendar first.
[[feeds]]
name = "apt"   # the APT's preparatory meetings
url = "{url}/apt.ics"
colour = "teal"  # a key another tool of mine reads
"""


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "apt.ics").write_text(APT, newline="")
    (folder / "team.ics").write_text(APT.replace("apg27-6@apt.int", "t@x.org"), newline="")
    (folder / "broken.toml").write_text('schema = 2\nname = "x"\n[[events]\n')
    with static_server(folder) as url:
        yield folder, url


def cli(home: dict[str, str], *args: str) -> Result:
    return as_user(home, "2027-01-01", *args)


def config(home: dict[str, str]) -> Path:
    return Path(home["XDG_CONFIG_HOME"]) / "itu-timeline" / "feeds.toml"


def own_file(home: dict[str, str], url: str) -> str:
    """feeds.toml as the user wrote it, with the feed's copy fetched."""
    config(home).parent.mkdir(parents=True)
    config(home).write_text(MINE.format(url=url))
    assert cli(home, "feeds", "refresh").exit_code == 0
    return config(home).read_text()


def test_comments_and_unknown_keys_survive_add_and_remove(
    site: tuple[Path, str], home: dict[str, str]
) -> None:
    _, url = site
    mine = own_file(home, url)
    added = cli(home, "feeds", "add", f"{url}/team.ics", "--name", "team", "--tag", "t")
    assert added.exit_code == 0, added.stderr
    text = config(home).read_text()
    assert text.startswith(mine)  # every line of the user's kept, the new feed after them
    assert 'name = "team"' in text
    assert cli(home, "feeds", "remove", "team").exit_code == 0
    assert config(home).read_text().rstrip() == mine.rstrip()


@pytest.mark.parametrize(
    "by_hand", ["", "feeds = []\n", 'feeds = [{name = "x", url = "{url}/x"}]\n']
)
def test_the_last_feed_removed_and_another_added_leave_a_file_that_reads(
    by_hand: str, site: tuple[Path, str], home: dict[str, str]
) -> None:
    _, url = site
    mine = "# mine\n" + by_hand.replace("{url}", url)
    config(home).parent.mkdir(parents=True)
    config(home).write_text(mine)
    for name in ("apt", "team"):
        assert cli(home, "feeds", "add", f"{url}/{name}.ics", "--name", name).exit_code == 0
    for name in ("apt", "team", "x"):
        cli(home, "feeds", "remove", name)
    assert config(home).read_text().startswith("# mine\n")
    again = cli(home, "feeds", "add", f"{url}/apt.ics", "--name", "apt")
    assert again.exit_code == 0, again.stderr
    [row] = json.loads(cli(home, "feeds", "list", "-f", "json").stdout)
    assert row["name"] == "apt"


@pytest.mark.parametrize("path", ["/broken.toml", "/missing.ics"])
def test_a_failed_add_leaves_feeds_toml_byte_identical(
    path: str, site: tuple[Path, str], home: dict[str, str]
) -> None:
    _, url = site
    mine = own_file(home, url).encode()
    failed = cli(home, "feeds", "add", url + path, "--name", "bad")
    assert failed.exit_code == 2
    assert "not subscribed" in failed.stderr
    assert config(home).read_bytes() == mine
    assert not (Path(home["XDG_STATE_HOME"]) / "itu-timeline" / "feeds" / "bad.toml").exists()


def test_a_broken_feed_is_blamed_on_its_url_not_on_the_last_good_copy(
    site: tuple[Path, str], home: dict[str, str]
) -> None:
    folder, url = site
    (folder / "cal.toml").write_text('schema = 2\nname = "Team"\n')
    assert cli(home, "feeds", "add", f"{url}/cal.toml", "--name", "cal").exit_code == 0
    (folder / "cal.toml").write_text('schema = 2\nname = "Team"\n[[events]\nid = 1\n')
    os.utime(folder / "cal.toml", (2e9, 2e9))  # a later Last-Modified than the first fetch's
    failed = cli(home, "feeds", "refresh", "--verbose")
    [line] = failed.stderr.splitlines()
    assert f"feed 'cal': {url}/cal.toml:3:" in line
    assert "/state/" not in line
    [row] = json.loads(cli(home, "feeds", "list", "-f", "json").stdout)
    assert row["last_error"].startswith(f"{url}/cal.toml:3:")


@pytest.fixture
def apt_events(site: tuple[Path, str], home: dict[str, str]) -> str:
    """Subscribed to the APT's feed: its events, as `list` gives them."""
    assert cli(home, "feeds", "add", f"{site[1]}/apt.ics", "--name", "apt").exit_code == 0
    return cli(home, "list", "--feed", "apt", "-f", "json").stdout


def test_deleting_the_cache_folder_loses_no_feed_event(
    apt_events: str, home: dict[str, str]
) -> None:
    before = apt_events
    assert json.loads(before)
    shutil.rmtree(Path(home["XDG_CACHE_HOME"]))
    assert cli(home, "list", "--feed", "apt", "-f", "json").stdout == before
    [row] = json.loads(cli(home, "feeds", "list", "-f", "json").stdout)
    assert row["events"] == 1  # the shrink guard's count is kept too


def test_copies_kept_in_the_cache_by_earlier_versions_are_moved_to_the_state_folder(
    apt_events: str, home: dict[str, str]
) -> None:
    before = apt_events
    state = Path(home["XDG_STATE_HOME"]) / "itu-timeline" / "feeds"
    earlier = Path(home["XDG_CACHE_HOME"]) / "itu-timeline" / "feeds"
    shutil.rmtree(earlier.parent)
    shutil.move(state, earlier)  # as an earlier version left them
    assert cli(home, "list", "--feed", "apt", "-f", "json").stdout == before
    assert sorted(p.name for p in state.iterdir()) == ["apt.state.toml", "apt.toml"]
    assert not earlier.exists()
