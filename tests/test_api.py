"""The library API: what the README's "Use as a library" example does, it does, and using it
costs the command line nothing (the package imports the API only when a name is asked for)."""

import contextlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import itu_timeline
from itu_timeline import Body, TimelineError, load_calendar, make_filter, now_in, upcoming

ROOT = Path(__file__).parent.parent


def readme_example() -> str:
    section = (ROOT / "README.md").read_text().split("## Use as a library", 1)[1]
    [code] = re.findall(r"```python\n(.*?)```", section.split("\n## ", 1)[0], re.S)
    return code


def test_the_readme_example_runs_and_writes_a_feed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "no-user-file"))
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(readme_example(), {})
    lines = out.getvalue().splitlines()
    assert "pp-26 event 161" in lines
    assert "pp-26 deadline: Candidatures for elected posts 133" in lines
    feed = (tmp_path / "itu-t.ics").read_bytes()
    assert feed.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"X-WR-CALNAME:ITU-T" in feed
    assert b"UID:sg17-2026-06@itu-timeline" in feed


def test_a_calendar_and_a_filter_give_the_same_items_as_the_cli(sample: Path) -> None:
    calendar = load_calendar([sample])
    items = upcoming(calendar, make_filter(bodies=[Body.ITU_T]), now_in("UTC", None), days=0)
    assert all(i.event.body is Body.ITU_T for i in items)
    ids = [e.id for e in calendar.events]
    assert ids == ["c26", "sg17-2026-06", "sg2-2026-09", "pp-26", "c27"]


def test_errors_are_timeline_errors_with_lines(tmp_path: Path) -> None:
    with pytest.raises(TimelineError) as caught:
        load_calendar([tmp_path / "missing.toml"])
    assert caught.value.lines() == [f"{tmp_path / 'missing.toml'}: no such calendar file"]


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = itu_timeline.nothing_here


def test_importing_the_package_loads_nothing_else() -> None:
    probe = "import sys, itu_timeline; print(sorted(m for m in sys.modules if 'itu' in m))"
    env = {**os.environ, "PYTHONPATH": ""}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
    )
    assert done.stdout.strip() == "['itu_timeline']"
