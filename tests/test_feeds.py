"""Feeds against a real HTTP server on 127.0.0.1 that the tests start: the cases a calendar
on the Internet really produces, each ending with nothing lost, the user's own file untouched,
no traceback, and a message a person can act on."""

import gzip
import http.server
import json
import threading
import time
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from itu_timeline.cli.main import whole_app
from itu_timeline.core.loader import bundled_path

app = whole_app()

Respond = Callable[[http.server.BaseHTTPRequestHandler], None]
TODAY = "2027-01-01"


def ics(*events: str, head: str = "") -> bytes:
    body = "".join(events)
    return (
        f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n{head}{body}END:VCALENDAR\r\n".encode()
    )


def vevent(
    uid: str,
    start: str = "DTSTART;VALUE=DATE:20270115",
    summary: str = "Meeting",
    end: str = "DTEND;VALUE=DATE:20270116",
    extra: str = "",
) -> str:
    lines = f"UID:{uid}\r\n{start}\r\n{end}\r\nSUMMARY:{summary}\r\n{extra}"
    return f"BEGIN:VEVENT\r\n{lines}END:VEVENT\r\n"


FEED = ics(*(vevent(f"e{i}@example.org", summary=f"Feed meeting {i}") for i in range(4)))


@dataclass
class Server:
    url: str
    routes: dict[str, Respond] = field(default_factory=dict)
    requests: list[dict[str, str]] = field(default_factory=list)
    stop: Callable[[], None] = lambda: None


def send(body: bytes, status: int = 200, **headers: str) -> Respond:
    def respond(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        for name, value in {"Content-Length": str(len(body)), **headers}.items():
            handler.send_header(name.replace("_", "-"), value)
        handler.end_headers()
        handler.wfile.write(body)

    return respond


@pytest.fixture
def server() -> Iterator[Server]:
    state = Server("")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append(dict(self.headers))
            state.routes.get(self.path, send(b"not here", 404))(self)

        def log_message(self, format: str, *args: object) -> None:
            pass

    class Quiet(http.server.ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            pass  # a client that stops reading (a size limit, a time-out) is expected here

    httpd = Quiet(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    stopped = threading.Event()

    def stop() -> None:
        if not stopped.is_set():
            stopped.set()
            httpd.shutdown()
            httpd.server_close()

    state.stop = stop
    yield state
    stop()


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """A user with no calendar of their own yet, and their own config and cache folders."""
    return {
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }


def cli(home: dict[str, str], *args: str, today: str = TODAY) -> Result:
    return CliRunner().invoke(app, ["--today", today, "--tz", "UTC", *args], env=home)


def subscribe(server: Server, home: dict[str, str], path: str = "/feed.ics", *extra: str) -> Result:
    server.routes.setdefault(path, send(FEED))
    return cli(home, "feeds", "add", server.url + path, "--name", "team", *extra)


def copy(home: dict[str, str]) -> Path:
    return Path(home["XDG_STATE_HOME"]) / "itu-timeline" / "feeds" / "team.toml"


def last_error_in_json(home: dict[str, str]) -> str:
    """The `last_error` of the one feed in `feeds list --format json`, which must be the same
    bytes in each of the six languages."""
    shown = {
        lang: cli(home, "--lang", lang, "feeds", "list", "--format", "json").stdout
        for lang in ("en", "fr", "es", "ru", "ar", "zh")
    }
    assert len(set(shown.values())) == 1, shown
    [row] = json.loads(shown["en"])
    return str(row["last_error"])


def test_a_feed_is_subscribed_fetched_and_read_without_the_network(
    server: Server, home: dict[str, str]
) -> None:
    added = subscribe(server, home, "/feed.ics", "--body", "itu-t", "--tag", "team")
    assert added.exit_code == 0, added.stderr
    assert "subscribed to 'team': 4 events" in added.stderr
    listed = cli(home, "feeds", "list", "--format", "json")
    [row] = json.loads(listed.stdout)
    assert (row["name"], row["events"], row["last_error"]) == ("team", 4, None)
    records = json.loads(cli(home, "list", "--feed", "team", "--format", "json").stdout)
    assert [(r["body"], r["feed"], r["tags"]) for r in records] == [("ITU-T", "team", ["team"])] * 4
    assert "Feed:      team" in cli(home, "show", records[0]["id"]).stdout
    bundled = json.loads(cli(home, "list", "-s", "pp-26", "--format", "json").stdout)
    assert bundled[0]["feed"] is None  # the bundled calendar is read beside the feed
    cache = Path(home["XDG_CACHE_HOME"]) / "itu-timeline"  # holds pickles: the owner's only
    assert cache.stat().st_mode & 0o777 == 0o700


def test_the_feeds_events_stay_when_the_server_is_gone(
    server: Server, home: dict[str, str]
) -> None:
    assert subscribe(server, home).exit_code == 0
    server.stop()
    soon = cli(home, "upcoming", "--days", "30")
    assert "Feed meeting 0" in soon.stdout
    records = json.loads(
        cli(home, "upcoming", "--days", "30", "--feed", "team", "-f", "json").stdout
    )
    assert {(r["title"], r["feed"]) for r in records} >= {("Feed meeting 0", "team")}
    failing = cli(home, "feeds", "refresh")
    assert (failing.exit_code, failing.stderr) == (0, "")  # quiet: the copy is fresh


def test_a_304_with_etag_or_last_modified_rewrites_nothing(
    server: Server, home: dict[str, str]
) -> None:
    def conditional(handler: http.server.BaseHTTPRequestHandler) -> None:
        if handler.headers.get("If-None-Match") == '"v1"':
            send(b"", 304)(handler)
        else:
            send(FEED, ETag='"v1"')(handler)

    server.routes["/feed.ics"] = conditional
    assert subscribe(server, home).exit_code == 0
    before = copy(home).stat().st_mtime_ns
    refreshed = cli(home, "feeds", "refresh", "--verbose")
    assert "feed 'team': unchanged (not modified since the last fetch)" in refreshed.stderr
    assert copy(home).stat().st_mtime_ns == before
    assert server.requests[-1]["If-None-Match"] == '"v1"'
    stamp = "Tue, 01 Dec 2026 10:00:00 GMT"
    server.routes["/feed.ics"] = lambda h: (
        send(b"", 304)(h)
        if h.headers.get("If-Modified-Since") == stamp
        else send(FEED, Last_Modified=stamp)(h)
    )
    assert cli(home, "feeds", "refresh").exit_code == 0  # a 200 with Last-Modified
    assert cli(home, "feeds", "refresh").exit_code == 0  # now a 304
    assert server.requests[-1]["If-Modified-Since"] == stamp


@pytest.mark.parametrize("status", [404, 500])
def test_an_error_keeps_the_copy_and_is_quiet_until_max_age(
    server: Server, home: dict[str, str], status: int
) -> None:
    assert subscribe(server, home).exit_code == 0
    kept = copy(home).read_bytes()
    server.routes["/feed.ics"] = send(b"oops", status)
    quiet = cli(home, "feeds", "refresh")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")
    late = cli(home, "feeds", "refresh", today="2027-01-20")  # the copy is 19 days old
    assert late.exit_code == 0
    assert f"feed 'team' ({server.url}/feed.ics): the server answered {status}" in late.stderr
    assert "the last good copy was fetched 19 days ago" in late.stderr
    assert copy(home).read_bytes() == kept
    assert json.loads(cli(home, "feeds", "list", "-f", "json").stdout)[0]["last_error"]


def failure(server: Server, home: dict[str, str], respond: Respond, *options: str) -> Result:
    server.routes["/bad.ics"] = respond
    result = cli(home, "feeds", "add", server.url + "/bad.ics", "--name", "bad", *options)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "not subscribed" in result.stderr
    assert json.loads(cli(home, "feeds", "list", "-f", "json").stdout) == []
    return result


def test_a_slow_server_times_out(server: Server, home: dict[str, str]) -> None:
    def slow(handler: http.server.BaseHTTPRequestHandler) -> None:
        time.sleep(3)
        send(FEED)(handler)

    assert "no answer within 1 s" in failure(server, home, slow, "--timeout", "1").stderr


def test_redirect_loops_and_redirects_to_file_are_refused(
    server: Server, home: dict[str, str]
) -> None:
    loop = send(b"", 302, Location="/bad.ics")
    assert "redirect loop" in failure(server, home, loop).stderr
    to_file = send(b"", 302, Location="file:///etc/passwd")
    assert (
        "redirected to 'file:///etc/passwd', which is not http or https"
        in failure(server, home, to_file).stderr
    )


def test_size_limits_hold_for_the_body_and_for_what_it_inflates_to(
    server: Server, home: dict[str, str]
) -> None:
    big = send(b"x" * (2 * 2**20))
    assert "over the limit of 1,048,576" in failure(server, home, big, "--max-mib", "1").stderr
    bomb = send(gzip.compress(b"\0" * (8 * 2**20)), Content_Encoding="gzip")
    assert "inflates past the limit" in failure(server, home, bomb, "--max-mib", "1").stderr


def test_a_body_cut_off_half_way_keeps_the_last_good_copy(
    server: Server, home: dict[str, str]
) -> None:
    assert subscribe(server, home).exit_code == 0
    kept = copy(home).read_bytes()

    def cut(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(FEED)))
        handler.end_headers()
        handler.wfile.write(FEED[: len(FEED) // 2])
        handler.close_connection = True

    server.routes["/feed.ics"] = cut
    result = cli(home, "feeds", "refresh", "--verbose")
    assert "/feed.ics): the body was cut short" in result.stderr
    assert copy(home).read_bytes() == kept


def test_hostile_text_stays_text(server: Server, home: dict[str, str]) -> None:
    hostile = ics(
        vevent(
            "h@example.org",
            summary="[bold]x[/] <script>alert(1)</script> \x1b[2J",
            extra="LOCATION:a\\nEND:VEVENT\\nBEGIN:VEVENT\r\nURL:javascript:alert(1)\r\n",
        )
    )
    server.routes["/feed.ics"] = send(hostile)
    assert subscribe(server, home).exit_code == 0
    listed = cli(home, "list", "--feed", "team")
    assert "\x1b" not in listed.stdout
    assert "[bold]x[/] <script>alert(1)</script> [2J" in listed.stdout  # ESC removed on import
    exported = cli(home, "export", "--feed", "team").stdout
    assert exported.splitlines().count("BEGIN:VEVENT") == 1  # the text stayed in its property


def test_a_feed_that_shrinks_to_nothing_is_not_applied_unless_accepted(
    server: Server, home: dict[str, str], tmp_path: Path
) -> None:
    assert subscribe(server, home).exit_code == 0
    server.routes["/feed.ics"] = send(ics())
    refused = cli(home, "feeds", "refresh")
    assert refused.exit_code == 0
    assert (
        "it now holds 0 events, after 4: not applied (--accept-shrink applies it)" in refused.stderr
    )
    assert len(json.loads(cli(home, "list", "--feed", "team", "-f", "json").stdout)) == 4
    assert cli(home, "feeds", "refresh", "--accept-shrink").exit_code == 0
    assert json.loads(cli(home, "list", "--feed", "team", "-f", "json").stdout) == []


def test_wordpress_and_google_shaped_feeds(server: Server, home: dict[str, str]) -> None:
    server.routes["/wp.ics"] = send(
        ics(
            vevent(
                "wp@example.org",
                "DTSTART;TZID=UTC+5:20270115T180000",
                end="DTEND;TZID=UTC+5:20270115T200000",
            )
        )
    )
    assert cli(home, "feeds", "add", server.url + "/wp.ics", "--name", "wp").exit_code == 0
    google = ics(
        vevent("g@google.com", "DTSTART:20270116T100000", end="DTEND:20270116T110000"),
        head="X-WR-CALNAME:Team\r\nX-WR-TIMEZONE:Asia/Tokyo\r\n",
    )
    server.routes["/g.ics"] = send(google)
    assert cli(home, "feeds", "add", server.url + "/g.ics", "--name", "google").exit_code == 0
    records = {
        r["feed"]: r
        for r in json.loads(
            cli(home, "list", "--from", "2027-01-15", "--to", "2027-01-16", "-f", "json").stdout
        )
        if r["feed"]
    }
    assert (records["wp"]["timezone"], records["wp"]["start"]) == (
        "Etc/GMT-5",
        "2027-01-15T18:00:00",
    )
    assert (records["google"]["timezone"], records["google"]["start"]) == (
        "Asia/Tokyo",
        "2027-01-16T10:00:00",
    )


def curated(published: str, title: str) -> bytes:
    return f"""schema = 2
name = "ITU meetings (itu-timeline)"
published = {published}
timezone = "Europe/Zurich"

[[events]]
id = "pp-26"
title = "{title}"
body = "ITU"
kind = "plenipotentiary"
start = 2026-11-09
end = 2026-11-27
source = "https://pp.itu.int/2026/"
""".encode()


NEWER = tomllib.loads(bundled_path().read_text(encoding="utf-8"))["published"] + timedelta(hours=1)


def test_a_newer_curated_calendar_replaces_the_bundled_one_and_an_older_never(
    server: Server, home: dict[str, str]
) -> None:
    server.routes["/events.toml"] = send(curated(NEWER.isoformat(), "PP-26 (from the feed)"))
    assert cli(home, "feeds", "add", server.url + "/events.toml", "--name", "itu").exit_code == 0
    events = json.loads(cli(home, "list", "-f", "json").stdout)
    assert [e["title"] for e in events] == ["PP-26 (from the feed)"]  # the bundled one is replaced
    assert "The curated calendar: feed 'itu'" in cli(home, "validate").stdout
    server.routes["/events.toml"] = send(curated("2020-01-01T00:00:00Z", "PP-26 (old copy)"))
    assert cli(home, "feeds", "refresh").exit_code == 0
    events = json.loads(cli(home, "list", "-f", "json").stdout)
    assert len(events) > 100  # the bundled calendar is back, and the older copy changes nothing
    assert "PP-26 (old copy)" not in {e["title"] for e in events}
    assert "The curated calendar: bundled" in cli(home, "validate").stdout


def test_a_feed_never_fetched_is_exit_2_for_cron(home: dict[str, str]) -> None:
    config = Path(home["XDG_CONFIG_HOME"]) / "itu-timeline" / "feeds.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[[feeds]]\nname = "nowhere"\nurl = "http://127.0.0.1:9/x.ics"\n')
    result = cli(home, "feeds", "refresh", "--timeout", "2")
    assert result.exit_code == 2
    assert "never fetched: nowhere" in result.stderr


def test_an_edit_of_a_feed_event_goes_into_your_file_and_survives_refreshes(
    server: Server, home: dict[str, str]
) -> None:
    assert subscribe(server, home).exit_code == 0
    [first, *_] = json.loads(cli(home, "list", "--feed", "team", "-f", "json").stdout)
    edited = cli(home, "edit", first["id"], "--location", "Geneva, CICG")
    assert edited.exit_code == 0, edited.stderr
    mine = Path(home["XDG_DATA_HOME"]) / "itu-timeline" / "events.toml"
    assert f"changed '{first['id']}' in {mine}" in edited.stderr
    server.routes["/feed.ics"] = send(FEED.replace(b"Feed meeting 0", b"Renamed meeting 0"))
    assert cli(home, "feeds", "refresh").exit_code == 0
    shown = cli(home, "show", first["id"]).stdout
    assert "Geneva, CICG" in shown  # your copy overrides the feed's
    removed = cli(
        home,
        "remove",
        json.loads(cli(home, "list", "--feed", "team", "-f", "json").stdout)[0]["id"],
        "--yes",
    )
    assert removed.exit_code == 2
    assert "is in feed 'team'" in removed.stderr


def test_a_web_page_instead_of_a_feed_is_one_line_naming_the_url_once(
    server: Server, home: dict[str, str]
) -> None:
    server.routes["/page.ics"] = send(b"<html><body>Moved</body></html>", Content_Type="text/html")
    added = subscribe(server, home, "/page.ics")
    assert added.exit_code == 2
    [line] = added.stderr.splitlines()
    assert "not an iCalendar file" in line
    assert line.count("/page.ics") == 1  # not again as a path, which would read http:/127…
    assert "not subscribed" in line


def test_a_feed_of_one_event_says_one_event(server: Server, home: dict[str, str]) -> None:
    server.routes["/one.ics"] = send(ics(vevent("only@example.org", summary="Only meeting")))
    assert "subscribed to 'team': 1 event\n" in subscribe(server, home, "/one.ics").stderr
    assert "  1 event  fetched" in cli(home, "feeds", "list").stdout


def test_the_feed_commands_speak_the_language_and_keep_the_state_in_english(
    server: Server, home: dict[str, str]
) -> None:
    """Notes, warnings and refusals in French and Russian; what the feed's state keeps (its
    last error, read by `feeds list --format json`) in English whatever the language."""
    added = cli(home, "--lang", "fr", "feeds", "add", server.url + "/x.ics", "--name", "team")
    assert added.exit_code == 2  # nothing served there yet
    assert added.stderr.startswith(f"itu-timeline: error: {server.url}/x.ics : ")
    assert added.stderr.endswith(" ; abonnement non fait\n")
    server.routes["/feed.ics"] = send(FEED)
    subscribed = cli(
        home, "--lang", "fr", "feeds", "add", server.url + "/feed.ics", "--name", "team"
    )
    assert "itu-timeline: note: abonné à « team » : 4 événements" in subscribed.stderr
    again = cli(home, "--lang", "ru", "feeds", "add", server.url + "/feed.ics", "--name", "team")
    assert again.stderr == "itu-timeline: error: подписка с именем «team» уже есть\n"
    server.routes["/feed.ics"] = send(ics())
    refused = cli(home, "--lang", "ru", "feeds", "refresh")
    assert (
        f"подписка «team» ({server.url}/feed.ics): теперь в ней 0 мероприятий, а было 4: "
        "не применено (--accept-shrink применит); последняя исправная копия получена только что"
        in refused.stderr
    )
    [row] = json.loads(cli(home, "--lang", "ru", "feeds", "list", "--format", "json").stdout)
    assert row["last_error"] == (
        "it now holds 0 events, after 4: not applied (--accept-shrink applies it)"
    )
    gone = cli(home, "--lang", "zh", "feeds", "remove", "nothing")
    assert gone.stderr == "itu-timeline: error: 没有名为“nothing”的订阅源（已订阅：team）\n"
    assert "désabonné de « team »" in cli(home, "--lang", "fr", "feeds", "remove", "team").stderr


def test_a_broken_feed_is_said_in_the_language_and_kept_in_its_state_in_english(
    server: Server, home: dict[str, str]
) -> None:
    """The problems of a calendar the server sent, found once, are said in the reader's
    language where they are shown (the warning of `refresh`, the table of `feeds list`);
    the state's `last_error`, which JSON gives, is English, the same bytes in every language."""
    assert subscribe(server, home).exit_code == 0
    broken = b'schema = 2\n[[events]]\nid = "x"\ntitle = "X"\nbody = "ITU"\nkind = "other"\n'
    server.routes["/feed.ics"] = send(broken, **{"Content-Type": "application/toml"})
    refreshed = cli(home, "--lang", "fr", "feeds", "refresh", "--verbose")
    assert refreshed.stderr.startswith("itu-timeline: warning: flux « team » : ")
    assert (  # the problem's words and the warning's: one language
        ": événement « x »: champ « start »: manquant (obligatoire) ; la dernière bonne copie"
        in refreshed.stderr
    )
    arabic = cli(home, "--lang", "ar", "feeds", "list", "--format", "plain").stdout
    assert "آخر خطأ: " in arabic
    assert "/feed.ics: الحدث «x»: الحقل «start»: مفقود (مطلوب)" in arabic
    said = "event 'x': field 'start': missing (required)"
    assert last_error_in_json(home) == f"{server.url}/feed.ics: {said}"
