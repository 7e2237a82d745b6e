"""Reminders, called directly: thresholds, the tightest one crossed, and the state file."""

from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from itu_timeline.base.errors import DateInputError, StateError
from itu_timeline.core.clock import Now
from itu_timeline.core.model import Body, Calendar, Event, Kind
from itu_timeline.core.query import make_filter
from itu_timeline.core.reminders import State, due_reminders, parse_thresholds
from itu_timeline.core.upcoming import upcoming

GVA = ZoneInfo("Europe/Zurich")
MEETING = Event(
    id="m",
    title="M",
    body=Body.ITU,
    kind=Kind.COUNCIL,
    start=date(2027, 3, 31),
    end=date(2027, 3, 31),
    timezone="Europe/Zurich",
)


def reminders_on(day: date, state: State) -> list[int]:
    items = upcoming(Calendar(events=(MEETING,)), make_filter(), Now.pinned_to(day, GVA), 30)
    return [r.threshold for r in due_reminders(items, (30, 7, 1, 0), state)]


def test_each_threshold_once_and_only_the_tightest_after_a_gap() -> None:
    state = State({})
    assert reminders_on(date(2027, 3, 1), state) == [30]
    assert reminders_on(date(2027, 3, 2), state) == []
    assert reminders_on(date(2027, 3, 30), state) == [1]  # the machine was off on the 24th
    assert reminders_on(date(2027, 3, 31), state) == [0]


def test_the_state_survives_a_write_and_a_read(tmp_path: Path) -> None:
    state = State({})
    reminders_on(date(2027, 3, 24), state)
    state.write(tmp_path / "s.toml")
    assert reminders_on(date(2027, 3, 25), State.read(tmp_path / "s.toml")) == []
    state.prune(date(2027, 3, 31) + timedelta(days=31))
    assert state.reported == {}


def test_thresholds_are_whole_days_of_zero_or_more() -> None:
    assert parse_thresholds("1, 30,7,7") == (30, 7, 1)
    for bad in ("7,soon", "-1", ""):
        with pytest.raises(DateInputError):
            parse_thresholds(bad)


def test_a_damaged_state_is_an_error_that_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text("reported = 3")
    with pytest.raises(StateError, match=r"s\.toml: the reminder state is damaged"):
        State.read(path)
