"""Fetching against hostile servers on 127.0.0.1 that the tests start, speaking raw bytes on a
socket: servers that trickle, lie about lengths, break HTTP or reset the connection. Each
fetch ends within its one deadline, as one line naming the URL, with exit 2 and nothing
subscribed, and the good copy of a feed kept."""

import contextlib
import gzip
import json
import socket
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .test_feeds import cli, copy, home

__all__ = ["home"]  # the fixture, shared with test_feeds.py: the same user's folders
Respond = Callable[[socket.socket, threading.Event], None]

FEED = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n"
    + "".join(
        f"BEGIN:VEVENT\r\nUID:e{i}@example.org\r\nDTSTART;VALUE=DATE:20270115\r\n"
        f"SUMMARY:Feed meeting {i}\r\nEND:VEVENT\r\n"
        for i in range(4)
    )
    + "END:VCALENDAR\r\n"
).encode()


@contextmanager
def raw_server(respond: Respond, read_head: bool = True) -> Iterator[str]:
    """A server that reads each request's head (unless told not to) and answers with `respond`
    on the bare socket."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    stop = threading.Event()

    def answer(conn: socket.socket) -> None:
        with conn:
            head = b""
            while read_head and b"\r\n\r\n" not in head and (data := conn.recv(4096)):
                head += data
            with contextlib.suppress(OSError):  # the client gave up, as it should
                respond(conn, stop)

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=answer, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        listener.close()


def head(*headers: str, status: str = "HTTP/1.1 200 OK") -> bytes:
    return ("\r\n".join([status, *headers]) + "\r\n\r\n").encode()


def answer(data: bytes) -> Respond:
    return lambda conn, stop: conn.sendall(data)


def trickle(start: bytes, byte: bytes) -> Respond:
    """`start`, then `byte` once a second until the test ends."""

    def respond(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(start)
        while not stop.wait(1):
            conn.sendall(byte)

    return respond


def reset(conn: socket.socket, stop: threading.Event) -> None:
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def refused(home: dict[str, str], url: str, *options: str) -> str:
    """`feeds add` fails: exit 2, one line naming the URL, nothing subscribed."""
    result = cli(home, "feeds", "add", url, "--name", "bad", *options)
    assert result.exit_code == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert url in line
    assert line.endswith("not subscribed")
    assert json.loads(cli(home, "feeds", "list", "-f", "json").stdout) == []
    return line


@pytest.mark.parametrize(
    "respond",
    [
        trickle(head("Content-Type: text/calendar")[:-2], b"X-Slow: 1\r\n"),  # never ends them
        trickle(head("Content-Length: 1000"), b"x"),
    ],
    ids=["headers", "body"],
)
def test_a_server_that_trickles_is_cut_off_at_the_time_out(
    home: dict[str, str], respond: Respond
) -> None:
    """The acceptance numbers: --timeout 3 against one header line, or one byte of the body, a
    second: exit 2 within 6 s, the URL named."""
    with raw_server(respond) as url:
        began = time.monotonic()
        assert "no answer within 3 s" in refused(home, url + "/slow.ics", "--timeout", "3")
        assert time.monotonic() - began < 6


@pytest.mark.parametrize(
    ("respond", "said"),
    [
        (answer(b"HELLO THERE\r\n\r\n"), "not HTTP (a bad status line)"),
        (answer(head("X-Long: " + "a" * 100_000)), "not valid HTTP (a line is too long)"),
        (answer(head(*(f"X-{i}: y" for i in range(1000)))), "too many header lines"),
        (
            answer(head("Transfer-Encoding: chunked") + b"100\r\n" + b"x" * 10),
            "the body was cut short (a chunk ended early)",
        ),
        (answer(head(f"Content-Length: {len(FEED)}") + FEED[:-40]), "the body was cut short"),
        (answer(b""), "closed the connection without an answer"),
        (reset, "the server reset the connection"),
        (answer(head("Content-Encoding: br") + b"x"), "Content-Encoding 'br' is not gzip"),
    ],
    ids=["status", "long-header", "headers", "chunked", "short", "closed", "reset", "br"],
)
def test_every_failure_of_http_is_one_line(
    home: dict[str, str], respond: Respond, said: str
) -> None:
    with raw_server(respond) as url:
        assert said in refused(home, url + "/feed.ics", "--timeout", "2")


def test_a_tls_failure_is_one_line(home: dict[str, str]) -> None:
    with raw_server(answer(head("Content-Length: 0")), read_head=False) as url:
        line = refused(home, url.replace("http:", "https:") + "/feed.ics", "--timeout", "2")
    assert "the secure connection failed" in line
    with raw_server(lambda conn, stop: stop.wait(5), read_head=False) as url:  # says nothing
        began = time.monotonic()
        line = refused(home, url.replace("http:", "https:") + "/feed.ics", "--timeout", "1")
    assert "no answer within 1 s" in line
    assert time.monotonic() - began < 2.5


def cut(data: bytes) -> bytes:
    return data[: len(data) * 7 // 10]


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [("gzip", gzip.compress), ("deflate", zlib.compress)],
)
def test_a_compressed_stream_without_its_end_is_a_failure(
    home: dict[str, str], encoding: str, compress: Callable[[bytes], bytes]
) -> None:
    """Whole, it is read; cut at 70 % (with a Content-Length that says so), it is refused."""
    whole = compress(FEED * 20)
    with raw_server(answer(head(f"Content-Encoding: {encoding}") + whole)) as url:
        added = cli(home, "feeds", "add", url + "/feed.ics", "--name", "whole")
        assert "subscribed to 'whole': 4 events" in added.stderr
        assert cli(home, "feeds", "remove", "whole").exit_code == 0
    sent = head(f"Content-Encoding: {encoding}", f"Content-Length: {len(cut(whole))}")
    with raw_server(answer(sent + cut(whole))) as url:
        assert "body was cut short (the stream has no end)" in refused(home, url + "/cut.ics")


def test_a_cut_feed_keeps_the_good_copy_and_a_cut_ics_subscribes_nothing(
    home: dict[str, str],
) -> None:
    short = head(f"Content-Length: {len(FEED)}") + cut(FEED)
    with raw_server(answer(short)) as url:
        assert "the body was cut short" in refused(home, url + "/feed.ics")
    with raw_server(answer(head(f"Content-Length: {len(FEED)}") + FEED)) as url:
        assert cli(home, "feeds", "add", url + "/feed.ics", "--name", "team").exit_code == 0
    kept = copy(home).read_bytes()
    with raw_server(answer(short)) as url:
        config = Path(home["XDG_CONFIG_HOME"]) / "itu-timeline" / "feeds.toml"
        config.write_text(f'[[feeds]]\nname = "team"\nurl = "{url}/feed.ics"\n')
        refreshed = cli(home, "feeds", "refresh", "--verbose")
    assert "the body was cut short" in refreshed.stderr
    assert copy(home).read_bytes() == kept


def test_a_slow_feed_does_not_hold_up_the_feeds_after_it(home: dict[str, str]) -> None:
    slow = trickle(head("Content-Length: 1000"), b"x")
    good = answer(head(f"Content-Length: {len(FEED)}") + FEED)
    with raw_server(slow) as slow_url, raw_server(good) as good_url:
        config = Path(home["XDG_CONFIG_HOME"]) / "itu-timeline" / "feeds.toml"
        config.parent.mkdir(parents=True)
        config.write_text(
            f'[[feeds]]\nname = "slow"\nurl = "{slow_url}/a.ics"\n\n'
            f'[[feeds]]\nname = "good"\nurl = "{good_url}/b.ics"\n'
        )
        began = time.monotonic()
        result = cli(home, "feeds", "refresh", "--timeout", "1", "--verbose")
        took = time.monotonic() - began
    assert took < 2.5
    assert result.exit_code == 2  # the slow one was never fetched
    assert f"feed 'slow' ({slow_url}/a.ics): no answer within 1 s" in result.stderr
    assert "feed 'good': updated (4 events)" in result.stderr
