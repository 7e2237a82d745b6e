"""Every writing command reads and validates the file before changing it: whatever shape TOML
can parse, a file with problems gives one line per problem naming file, event and field,
exit 2, never a traceback, and the file is left byte for byte as it was."""

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from .conftest import HEADER, app

GOOD_EVENT = (
    '[[events]]\nid = "ok-2027"\ntitle = "OK"\nbody = "ITU"\nkind = "other"\nstart = 2027-01-05\n'
)
SHAPES = {
    "rules as a table": HEADER + '[rules]\nid = "r"\n\n' + GOOD_EVENT,
    "events as numbers": HEADER + "events = [1, 2]\n",
    "a title that is a number": HEADER + GOOD_EVENT.replace('"OK"', "3"),
    "a date as a string": HEADER + GOOD_EVENT.replace("2027-01-05", '"2027-01-05"'),
    "events as a table": HEADER + '[events]\nid = "x"\n',
    "deadlines as a string": HEADER + GOOD_EVENT + 'deadlines = "soon"\n',
}
COMMANDS = [
    ("add", "--id", "new-2027", "--title", "N", "--start", "2027-02-01", "--body", "ITU",
     "--kind", "other"),
    ("add", "--title", "N", "--start", "2027-02-01", "--body", "ITU", "--kind", "other"),
    ("edit", "ok-2027", "--title", "Changed"),
    ("remove", "ok-2027", "--yes"),
    ("fmt",),
]  # fmt: skip


def run_on(path: Path, command: tuple[str, ...]) -> Any:
    target = [str(path)] if command[0] == "fmt" else ["--calendar", str(path)]
    args = ["--today", "2026-06-01", "--tz", "UTC", "-c", str(path), *command, *target]
    return CliRunner().invoke(app, args)


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_malformed_file_is_refused_in_one_line_and_left_as_it_was(
    tmp_path: Path, shape: str, command: tuple[str, ...]
) -> None:
    path = tmp_path / "events.toml"
    path.write_text(SHAPES[shape], encoding="utf-8")
    before = path.read_bytes()
    result = run_on(path, command)
    assert result.exit_code == 2, (result.stderr, result.exception)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"itu-timeline: error: {path}")
    assert path.read_bytes() == before


SCALARS = st.one_of(
    st.integers(-3, 3),
    st.booleans(),
    st.sampled_from(["", "ITU", "other", "x", "2027-01-05", "12 days", "UTC", "ok-2027"]),
    st.dates(date(2026, 1, 1), date(2028, 12, 31)),
    st.just(datetime(2027, 1, 5, 9, 30)),  # noqa: DTZ001 (TOML local date-times are naive)
    st.just(time(23, 59)),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["id", "name", "body", "x"]), inner, max_size=3),
    ),
    max_leaves=6,
)
EVENT_KEYS = ["id", "title", "body", "kind", "start", "end", "timezone", "deadlines", "tags"]


@st.composite
def events(draw: st.DrawFn) -> dict[str, Any]:
    event: dict[str, Any] = {
        "id": "ok-2027", "title": "OK", "body": "ITU", "kind": "other", "start": date(2027, 1, 5)
    }  # fmt: skip
    for key in draw(st.lists(st.sampled_from(EVENT_KEYS), max_size=3)):
        event[key] = draw(VALUES)
    return event


DOCUMENTS = st.fixed_dictionaries(
    {},
    optional={
        "schema": st.one_of(st.sampled_from([1, 2]), VALUES),
        "timezone": st.one_of(st.just("Europe/Zurich"), VALUES),
        "rules": VALUES,
        "events": st.one_of(st.lists(events(), max_size=2), VALUES),
        "other": VALUES,
    },
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(document=DOCUMENTS, command=st.sampled_from(COMMANDS))
def test_any_toml_document_through_any_editing_command_exits_0_or_2(
    tmp_path: Path, document: dict[str, Any], command: tuple[str, ...]
) -> None:
    path = tmp_path / "events.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    before = path.read_bytes()
    result = run_on(path, command)
    assert result.exit_code in (0, 2), (result.stderr, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr
    if result.exit_code == 2:
        assert path.read_bytes() == before
        assert result.stderr.startswith("itu-timeline: error: ")
