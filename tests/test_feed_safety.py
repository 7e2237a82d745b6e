"""What a feed may cost: feeds.toml changed under a lock (ten `feeds add` at once lose
nothing), feed names from feeds.toml checked like --name, and copies that reading accepts."""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from itu_timeline.core.subscriptions import bad_name

from .test_feeds import cli, copy, home
from .test_fetch_hostile import answer, head, raw_server, trickle

__all__ = ["home"]  # the fixture, shared with test_feeds.py


ADD = [sys.executable, "-m", "itu_timeline", "--today", "2027-01-01", "feeds", "add"]


def served(body: bytes) -> bytes:
    return head(f"Content-Length: {len(body)}") + body


def config(home: dict[str, str]) -> Path:
    return Path(home["XDG_CONFIG_HOME"]) / "itu-timeline" / "feeds.toml"


def test_ten_feeds_added_at_once_are_ten_subscriptions(home: dict[str, str]) -> None:
    """Real processes: each reads feeds.toml, adds its feed and writes it back, under its lock."""
    with raw_server(answer(served(b"schema = 2\n"))) as url:  # TOML: no icalendar to import
        adding = [
            subprocess.Popen(
                [*ADD, f"{url}/f{n}.toml", "--name", f"f{n}", "--timeout", "20"],
                env=os.environ | home,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            for n in range(10)
        ]
        errors = [p.communicate(timeout=120)[1] for p in adding]
    assert [p.returncode for p in adding] == [0] * 10, errors
    listed = json.loads(cli(home, "feeds", "list", "-f", "json").stdout)
    assert sorted(row["name"] for row in listed) == sorted(f"f{n}" for n in range(10))


def test_a_feed_name_edited_into_a_path_is_one_error_and_writes_nothing(
    home: dict[str, str], tmp_path: Path
) -> None:
    config(home).parent.mkdir(parents=True)
    config(home).write_text('[[feeds]]\nname = "../../../x"\nurl = "http://127.0.0.1:9/x.ics"\n')
    before = sorted(p for p in tmp_path.rglob("*") if p.suffix != ".lock")
    for command in (("feeds", "refresh"), ("feeds", "remove", "../../../x"), ("list",)):
        result = cli(home, *command)
        assert result.exit_code == 2
        [line] = result.stderr.splitlines()
        assert "feed #1: '../../../x' cannot name a feed" in line
    assert sorted(p for p in tmp_path.rglob("*") if p.suffix != ".lock") == before


def newlines(events: int) -> bytes:
    """A TOML feed whose copy is twice its size: notes of 19,000 line breaks, one byte each
    here in a literal string, two (`\\n`) as the copy writes them."""
    notes = "\n" * 19_000
    tables = (
        f"[[events]]\nid = 'e{i}'\ntitle = 'E'\nbody = 'ITU'\nkind = 'other'\n"
        f"start = 2027-01-{i + 1:02}\nnotes = '''{notes}'''\n"
        for i in range(events)
    )
    return ("schema = 2\nname = 'big'\n" + "".join(tables)).encode()


def test_a_copy_that_reading_would_refuse_is_not_kept(home: dict[str, str]) -> None:
    """With a read limit of 1 MiB: a 0.6 MiB feed whose copy would be 1.1 MiB is refused at
    `feeds add`, and at `feeds refresh` the good copy stays; every reading command works."""
    small = {**home, "ITU_TIMELINE_MAX_MIB": "1"}
    with raw_server(answer(served(newlines(30)))) as url:
        added = cli(small, "feeds", "add", url + "/big.toml", "--name", "team")
    assert added.exit_code == 2
    assert "over the 1,048,576 that reading accepts (ITU_TIMELINE_MAX_MIB)" in added.stderr
    assert "not subscribed" in added.stderr
    with raw_server(answer(served(newlines(10)))) as url:
        assert cli(small, "feeds", "add", url + "/big.toml", "--name", "team").exit_code == 0
        kept = copy(home).read_bytes()
    with raw_server(answer(served(newlines(30)))) as url:
        config(home).write_text(f'[[feeds]]\nname = "team"\nurl = "{url}/big.toml"\n')
        refreshed = cli(small, "feeds", "refresh")
    assert "that reading accepts (ITU_TIMELINE_MAX_MIB): not kept" in refreshed.stderr
    assert copy(home).read_bytes() == kept
    assert len(json.loads(cli(small, "list", "--feed", "team", "-f", "json").stdout)) == 10


def test_the_fetch_limit_is_never_over_the_read_limit(home: dict[str, str]) -> None:
    small = {**home, "ITU_TIMELINE_MAX_MIB": "1"}
    with raw_server(answer(served(b"x" * (3 * 2**19)))) as url:
        added = cli(small, "feeds", "add", url + "/f.ics", "--max-mib", "20")
    assert added.exit_code == 2
    assert "1,572,864 bytes, over the limit of 1,048,576" in added.stderr


def test_an_add_interrupted_while_it_waits_leaves_no_subscription(home: dict[str, str]) -> None:
    asked = threading.Event()
    slow = trickle(head("Content-Length: 1000"), b"x")

    def respond(conn: socket.socket, stop: threading.Event) -> None:
        asked.set()
        slow(conn, stop)

    with raw_server(respond) as url:
        adding = subprocess.Popen(
            [*ADD, f"{url}/slow.ics", "--name", "slow"],
            env=os.environ | home,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        assert asked.wait(60)
        time.sleep(0.3)  # reading the body, one byte a second
        adding.send_signal(signal.SIGINT)
        adding.communicate(timeout=30)
    assert adding.returncode != 0
    assert json.loads(cli(home, "feeds", "list", "-f", "json").stdout) == []


@given(st.text("abz09-_.A/\n é", max_size=70) | st.sampled_from(["a" * 64, "a" * 65, "x\n"]))
def test_a_feed_name_is_1_to_64_lowercase_letters_digits_and_inner_dashes(name: str) -> None:
    """It names the files of the feed's copy: nothing else gets through (nor a newline after
    a good name, which a `$` pattern let through)."""
    wanted = re.fullmatch(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?", name) is not None
    assert (bad_name(name) is None) == wanted
