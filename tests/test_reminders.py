"""Reminders, called directly: thresholds, the tightest one crossed, and the state file."""

import tempfile
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

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


GOOD = 'key = "event:m@2027-03-31"\nday = 2027-03-31\nthresholds = [30, 7]\n'


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        (GOOD.replace("2027-03-31\n", '"x"\n'), "'day' is text ('x'), not a date"),
        (GOOD.replace("2027-03-31\n", "2027-03-31T10:00:00\n"), "'day' is a date-time"),
        (GOOD.replace("day = 2027-03-31\n", ""), "'day' is missing"),
        (GOOD.replace("[30, 7]", "7"), "'thresholds' is a number (7), not a list of days"),
        (GOOD.replace("[30, 7]", "[true]"), "'thresholds' is a list, not a list of days"),
        (GOOD.replace("[30, 7]", "[-1]"), "not a list of days"),
        (GOOD.replace('"event:m@2027-03-31"', "3"), "entry 2 of 'reported': 'key' is a number"),
    ],
)
def test_a_value_of_the_wrong_type_is_an_error_naming_the_file_and_the_entry(
    tmp_path: Path, entry: str, said: str
) -> None:
    path = tmp_path / "remind.toml"
    path.write_text(f"schema = 1\n\n[[reported]]\n{GOOD}\n[[reported]]\n{entry}")
    with pytest.raises(StateError) as raised:
        State.read(path)
    assert str(raised.value).startswith(f"{path}: the reminder state is damaged: ")
    assert said in str(raised.value)


def test_a_state_of_another_schema_or_shape_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "remind.toml"
    for text, said in (("schema = 2\n", "'schema' is 2, not 1"), ("reported = [1]\n", "a table")):
        path.write_text(text)
        with pytest.raises(StateError, match=said):
            State.read(path)


SCALARS = (
    st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(max_size=5)
    | st.dates()
    | st.datetimes()
    | st.times()
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=8,
)
# Entries near a good one, each value sometimes of any other type.
ENTRIES = st.fixed_dictionaries(
    {
        "key": st.text(max_size=5) | VALUES,
        "day": st.dates() | VALUES,
        "thresholds": st.lists(st.integers(0, 40), max_size=3) | VALUES,
    }
) | st.dictionaries(st.sampled_from(["key", "day", "thresholds"]), VALUES)


@given(
    st.fixed_dictionaries(
        {}, optional={"schema": VALUES | st.just(1), "reported": VALUES | st.lists(ENTRIES)}
    )
)
def test_any_toml_document_is_a_state_that_works_or_one_state_error(
    document: dict[str, object],
) -> None:
    """Whatever TOML the file holds, reading gives a state that prunes and writes back, or a
    StateError: never another exception later, as `day = "x"` once gave in prune."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "remind.toml"
        path.write_text(tomli_w.dumps(document))
        try:
            state = State.read(path)
        except StateError:
            return
        state.prune(date(2027, 1, 1))
        state.write(path)
        assert State.read(path) == state
