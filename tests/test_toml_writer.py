"""The TOML of `publish` (events.toml) is written in one pass and is the text tomli-w writes:
on the bundled calendar, on hostile text, and on any table of the values our files hold."""

import tomllib
from dataclasses import replace
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from itu_timeline.core.loader import bundled_path, load
from itu_timeline.core.model import Basis, Event, Format, Precision, Rule, Status
from itu_timeline.core.text import escape_invisible
from itu_timeline.store import published
from itu_timeline.store.toml_text import dumps
from itu_timeline.store.toml_writer import table_text

from .test_ics_text import CORPUS, hostile_event

STAMP = datetime(2027, 1, 1, tzinfo=UTC)


def by_tomli_w(name: str, calendar_rules: list[Rule], events: list[Event]) -> str:
    """The file as it was written before: the whole document through tomli-w."""
    document = {
        "schema": 2,
        "name": name,
        "published": STAMP,
        "rules": [published._table(published._unscoped(rule)) for rule in calendar_rules],
        "events": [published._table(event) for event in events],
    }
    return escape_invisible(dumps(document))


def test_the_bundled_calendar_is_the_text_tomli_w_writes() -> None:
    calendar = load([bundled_path()])
    text = "".join(published.calendar_toml(calendar.name, STAMP, calendar.rules, calendar.events))
    assert text == by_tomli_w(calendar.name, list(calendar.rules), list(calendar.events))
    assert len(tomllib.loads(text)["events"]) == len(calendar.events)


def test_hostile_text_is_the_text_tomli_w_writes_and_reads_back() -> None:
    events = [hostile_event(text, i) for i, text in enumerate(CORPUS)]
    text = "".join(published.calendar_toml("\u202e\x00\"'", STAMP, [], events))
    assert text == by_tomli_w("\u202e\x00\"'", [], events)
    titles = [e["title"] for e in tomllib.loads(text)["events"]]
    assert titles == [e.title for e in events]


def test_events_without_tables_of_their_own_are_the_text_tomli_w_writes() -> None:
    """Most events of a large calendar have no titles or deadlines of their own, and are
    written key by key (store/published._event_text): hostile text in every field, a timed
    event, a revision, every choice set, no tags."""
    events = [replace(hostile_event(text, i), deadlines=()) for i, text in enumerate(CORPUS)]
    events.append(
        replace(
            events[0],
            id="timed",
            start=datetime(2027, 3, 1, 9, 30),  # noqa: DTZ001 (local, in its timezone)
            end=datetime(2027, 3, 1, 12, 0),  # noqa: DTZ001
            precision=Precision.DAY,
            revision=3,
            updated=date(2027, 1, 2),
            status=Status.CANCELLED,
            basis=Basis.EXPECTED,
            format=Format.HYBRID,
            tags=(),
        )
    )
    events.append(replace(events[0], id="no-end", end=None, revision=0, location=None, url=None))
    text = "".join(published.calendar_toml("n", STAMP, [], events))
    assert text == by_tomli_w("n", [], events)
    assert len(tomllib.loads(text)["events"]) == len(events)


keys = st.text(max_size=12)
scalars = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",))),
    st.integers(),
    st.booleans(),
    st.dates(),
    st.datetimes(timezones=st.just(UTC)),
    st.times(),
    st.lists(st.text(max_size=30), max_size=3),
)
tables = st.recursive(
    st.dictionaries(keys, scalars, max_size=5),
    lambda inner: st.dictionaries(
        keys, st.one_of(scalars, inner, st.lists(inner, min_size=1, max_size=3)), max_size=4
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(tables)
def test_any_table_is_the_text_tomli_w_writes(table: dict[str, Any]) -> None:
    ours = table_text(table, "")
    assert ours == tomli_w.dumps(table)
    assert tomllib.loads(ours) == tomllib.loads(tomli_w.dumps(table))


def test_a_time_with_an_offset_is_refused_as_tomli_w_refuses_it() -> None:
    with pytest.raises(ValueError, match="offset"):
        (table_text({"t": time(1, tzinfo=UTC)}, ""))
    assert (table_text({"d": date(999, 1, 2)}, "")) == "d = 0999-01-02\n"
