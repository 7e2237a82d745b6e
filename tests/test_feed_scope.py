"""What a feed may change, with feeds served on 127.0.0.1: it adds events; its rules reach
only its own events; a copy of the curated calendar stamped in the future replaces nothing; an
event id of the curated calendar is left out unless the user lets the feed replace it."""

import json
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itu_timeline.core import loader
from itu_timeline.core.day_index import DayIndex, EventIds

from .conftest import static_server
from .test_feeds import cli, home

__all__ = ["home"]  # the fixture, shared with test_feeds.py

RULES = """schema = 2
name = "Rules only"

[[rules]]
id = "pp-candidatures"  # the bundled rule's own id
name = "Candidatures for elected posts"
match = { kind = "plenipotentiary" }
before = "1 day"

[[rules]]
id = "feed-rule"
name = "A deadline of the feed"
match = { kind = "plenipotentiary" }
before = "2 days"
"""

EVENT = """
[[events]]
id = "{id}"
title = "{title}"
body = "ITU"
kind = "plenipotentiary"
start = 2027-03-01
"""


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "site"
    folder.mkdir()
    with static_server(folder) as url:
        folder.joinpath("url").write_text(url)
        yield folder


def add(home: dict[str, str], site: Path, file: str, text: str, *options: str) -> str:
    site.joinpath(file).write_text(text)
    url = site.joinpath("url").read_text()
    added = cli(home, "feeds", "add", f"{url}/{file}", "--name", file.split(".")[0], *options)
    assert added.exit_code == 0, added.stderr
    return added.stderr


def shown(home: dict[str, str], event_id: str) -> str:
    return cli(home, "show", event_id, today="2026-06-01").stdout


def test_a_feed_of_rules_changes_no_deadline_but_its_own_events(
    home: dict[str, str], site: Path
) -> None:
    """The acceptance: a feed holding only a rule for kind = "plenipotentiary" (one of them
    with the id of the bundled rule) changes no bundled deadline."""
    before = shown(home, "pp-26")
    assert "2026-10-12 21:59 UTC" in before  # candidatures, from the bundled rule
    add(home, site, "rules.toml", RULES)
    assert shown(home, "pp-26") == before
    add(
        home,
        site,
        "own.toml",
        RULES.replace("Rules only", "Own") + EVENT.format(id="own-pp", title="Own"),
    )
    assert shown(home, "pp-26") == before
    own = shown(home, "own-pp")
    assert "A deadline of the feed" in own
    assert "2027-02-28" in own  # its own candidatures rule, one day before


def curated_copy(published: str) -> str:
    return f'schema = 2\nname = "ITU meetings (itu-timeline)"\npublished = {published}\n' + (
        EVENT.format(id="pp-26", title="PP-26 from the future")
    )


def test_a_curated_copy_from_the_future_replaces_nothing(home: dict[str, str], site: Path) -> None:
    said = add(home, site, "future.toml", curated_copy("2999-01-01T00:00:00Z"))
    assert "says it was published 2999-01-01T00:00:00+00:00" in said
    assert "it replaces nothing" in said
    assert "PP-26 from the future" not in shown(home, "pp-26")
    assert len(json.loads(cli(home, "list", "-f", "json").stdout)) > 100
    checked = cli(home, "validate").stdout
    assert "The curated calendar: bundled" in checked
    assert "feed 'future': says it was published 2999-01-01T00:00:00+00:00" in checked


def test_an_id_of_the_curated_calendar_is_left_out_unless_allowed(
    home: dict[str, str], site: Path
) -> None:
    feed = "schema = 2\nname = 'Team'\n" + EVENT.format(id="pp-26", title="PP-26 (team)")
    feed += EVENT.format(id="team-1", title="Team meeting")
    said = add(home, site, "team.toml", feed)
    assert "1 event with ids of the curated calendar (pp-26) left out" in said
    assert "--allow-override" in said
    assert "Plenipotentiary Conference 2026" in shown(home, "pp-26")
    assert "Team meeting" in shown(home, "team-1")
    quiet = cli(home, "feeds", "refresh")
    assert (quiet.exit_code, quiet.stderr) == (0, "")  # said once, not at every cron run
    assert cli(home, "feeds", "remove", "team").exit_code == 0
    said = add(home, site, "team.toml", feed, "--allow-override")
    assert "it replaces 1 event with ids of the curated calendar (pp-26)" in said
    assert "PP-26 (team)" in shown(home, "pp-26")
    config = Path(home["XDG_CONFIG_HOME"]) / "itu-timeline" / "feeds.toml"
    assert "allow_override = true" in config.read_text()


def test_your_own_events_keep_their_ids_and_it_is_said(home: dict[str, str], site: Path) -> None:
    mine = Path(home["XDG_DATA_HOME"]) / "itu-timeline" / "events.toml"
    mine.parent.mkdir(parents=True)
    mine.write_text("schema = 2\n" + EVENT.format(id="team-1", title="My meeting"))
    feed = "schema = 2\nname = 'Team'\n" + EVENT.format(id="team-1", title="Team meeting")
    said = add(home, site, "team.toml", feed)
    assert "your own file keeps 1 event of its ids (team-1)" in said
    assert "My meeting" in shown(home, "team-1")


def test_a_published_calendar_keeps_a_feeds_rules_to_its_own_events(
    home: dict[str, str], site: Path, tmp_path: Path
) -> None:
    add(home, site, "rules.toml", RULES)
    add(home, site, "own.toml", RULES + EVENT.format(id="own-pp", title="Own"))
    published = tmp_path / "published.toml"
    assert cli(home, "publish", str(tmp_path / "out")).exit_code == 0
    published.write_bytes((tmp_path / "out" / "events.toml").read_bytes())
    before = shown(home, "pp-26")
    again = cli(home, "--calendar", str(published), "show", "pp-26", today="2026-06-01").stdout

    def deadlines(text: str) -> str:
        return text.split("Deadlines")[1].split("The curated calendar")[0]

    assert deadlines(again) == deadlines(before)
    assert "2026-10-12 21:59 UTC" in deadlines(again)
    own = cli(home, "--calendar", str(published), "show", "own-pp", today="2026-06-01").stdout
    assert "A deadline of the feed" in own


IDS = st.frozensets(st.text("abc-19é", min_size=1, max_size=6), max_size=20)


@given(IDS, IDS)
def test_the_ids_a_day_index_keeps_answer_as_the_frozenset(
    ids: frozenset[str], other: frozenset[str]
) -> None:
    """A feed's rule's reach, as the day index stores it (one text, a set on first use):
    equal to and hashed as the frozenset, through pickling too, whichever side compares."""
    kept = pickle.loads(pickle.dumps(EventIds(ids)))
    assert kept == ids
    assert ids == kept
    assert hash(kept) == hash(ids)
    assert (kept == other) == (ids == other)
    assert (other == kept) == (other == ids)
    assert set(kept) == ids
    assert len(kept) == len(ids)
    assert all(i in kept for i in ids)
    assert all((i in kept) == (i in ids) for i in other)
    assert kept & other == ids & other


def test_a_day_index_keeps_every_rule_as_it_was(
    home: dict[str, str], site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rules of a calendar with a feed, read back from its day index, are its rules."""
    add(home, site, "own.toml", RULES + EVENT.format(id="own-pp", title="Own"))
    for name, value in home.items():
        monkeypatch.setenv(name, value)
    calendar = loader.load(loader.default_sources())
    index, _ = DayIndex.of(calendar)
    rules = pickle.loads(pickle.dumps(index)).calendar.rules
    assert any(isinstance(r.within, EventIds) for r in rules)
    assert rules == calendar.rules
