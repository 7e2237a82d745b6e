"""Shared fixtures: calendar files written into tmp_path, and a CLI runner that always pins
today and names its calendars, so no test depends on the wall clock or the user's files."""

import contextlib
import functools
import http.server
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from textwrap import dedent

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

from itu_timeline.base import i18n
from itu_timeline.cli.main import whole_app

app = whole_app()

# Property tests run a fixed, bounded set of examples in CI; ITU_TIMELINE_FUZZ=long runs many
# more, with fresh random examples each time (README, "Tests").
settings.register_profile("ci", max_examples=40, derandomize=True, deadline=None)
settings.register_profile("long", max_examples=3000, deadline=None)
settings.load_profile("long" if os.environ.get("ITU_TIMELINE_FUZZ") == "long" else "ci")

TODAY = "2026-06-01"

HEADER = """\
schema = 1
name = "Test calendar"
timezone = "Europe/Zurich"
"""

SAMPLE = (
    HEADER
    + """
[[events]]
id = "c26"
title = "ITU Council 2026"
body = "ITU"
kind = "council"
start = 2026-04-28
end = 2026-05-08
location = "Geneva"
source = "https://council.itu.int/2026/"

[[events]]
id = "sg17-2026-06"
title = "ITU-T SG17 meeting"
body = "ITU-T"
kind = "study-group"
start = 2026-06-01
end = 2026-06-10
location = "Geneva"
tags = ["cyber", "standards"]

[[events]]
id = "sg2-2026-09"
title = "ITU-T SG2 meeting"
body = "ITU-T"
kind = "study-group"
start = 2026-09-09
end = 2026-09-18

[[events]]
id = "pp-26"
title = "Plenipotentiary Conference 2026 (PP-26)"
body = "ITU"
kind = "plenipotentiary"
start = 2026-11-09
end = 2026-11-27
location = "Doha, Qatar"
timezone = "Asia/Qatar"
tags = ["elections"]

[[events]]
id = "c27"
title = "ITU Council 2027"
body = "ITU"
kind = "council"
start = 2027-06-01
end = 2027-07-31
precision = "month"
status = "tentative"
notes = "Res. 77: June-July; dates not announced."
"""
)

# A study-group meeting that gets its contribution deadline from a rule.
RULED = (
    HEADER
    + """
[[rules]]
id = "itut-contributions"
name = "Contributions due"
match = { body = "ITU-T", kind = "study-group" }
before = "12 days"

[[events]]
id = "sg17-2027-03"
title = "ITU-T SG17 meeting"
body = "ITU-T"
kind = "study-group"
start = 2027-03-15
end = 2027-03-24
location = "Geneva"
tags = ["cyber"]
revision = 2
updated = 2027-01-10
"""
)

WriteCalendar = Callable[..., Path]
Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test caches parsed calendars in its own folder, never in the user's home, and
    keeps its state (feed copies, the change log, reminders) in another."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
    return folder


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test reads English unless it asks for another language: the locale of the
    machine that runs the tests does not count."""
    for name in ("ITU_TIMELINE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    i18n.choose("en")  # as a run starts: a test run in another language leaves it chosen


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """A user's own config, cache, data and state folders, for commands run with `as_user`."""
    return {
        f"XDG_{kind}_HOME": str(tmp_path / kind.lower())
        for kind in ("CONFIG", "CACHE", "DATA", "STATE")
    }


def as_user(home: dict[str, str], today: str, *args: str) -> Result:
    """The CLI as that user runs it, on `today`, in UTC."""
    return CliRunner().invoke(app, ["--today", today, "--tz", "UTC", *args], env=home)


@pytest.fixture
def write_calendar(tmp_path: Path) -> WriteCalendar:
    def write(text: str = SAMPLE, name: str = "events.toml") -> Path:
        path = tmp_path / name
        path.write_text(dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def sample(write_calendar: WriteCalendar) -> Path:
    return write_calendar()


@pytest.fixture
def run(sample: Path) -> Run:
    """Invoke the CLI with --today pinned and the sample calendar, unless others are named."""
    runner = CliRunner()

    def invoke(
        *args: str,
        calendars: list[Path] | None = None,
        today: str = TODAY,
        env: dict[str, str] | None = None,
        input: str | None = None,
    ) -> Result:
        options = ["--today", today]
        for path in calendars if calendars is not None else [sample]:
            options += ["--calendar", str(path)]
        return runner.invoke(app, [*options, *args], env=env, input=input)

    return invoke


class _QuietFiles(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def static_server(folder: Path) -> Iterator[str]:
    """A static web server on 127.0.0.1 serving `folder`, as a host serves a site; its URL."""
    handler = functools.partial(_QuietFiles, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
