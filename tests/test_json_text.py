"""The JSON writer: the text `json.dumps(records, indent=2, ensure_ascii=False)` gives, with
the hidden characters escaped, whatever the records hold, however many there are."""

import json
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from itu_timeline.core.loader import load
from itu_timeline.core.text import escape_invisible
from itu_timeline.render.json_csv import event_records, events_json
from itu_timeline.render.json_text import to_json

from .conftest import SAMPLE, WriteCalendar

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=2)
    ),
    max_leaves=6,
)
KEYS = st.sampled_from(["id", "tags", "%s", "%", "a\nb", "\u202e", "title"]) | st.text(max_size=3)


def dumped(records: list[dict[str, Any]]) -> str:
    return escape_invisible(json.dumps(records, indent=2, ensure_ascii=False)) + "\n"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.dictionaries(KEYS, VALUES, max_size=5), max_size=5))
def test_any_records_are_written_as_json_dumps_writes_them(records: list[dict[str, Any]]) -> None:
    assert "".join(to_json(records)) == dumped(records)


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 2_500), st.lists(st.text(max_size=3), max_size=3))
def test_records_of_one_shape_in_several_batches_are_one_list(count: int, tags: list[str]) -> None:
    records = [{"id": f"e{n}", "tags": tags[: n % 4], "n": n} for n in range(count)]
    assert "".join(to_json(records)) == dumped(records)


def test_events_are_written_as_their_records_are(write_calendar: WriteCalendar) -> None:
    odd = SAMPLE.replace('title = "', 'title = "Réunion \u202e مؤتمر %s ', 1)
    events = load([write_calendar(odd)]).events
    zone = ZoneInfo("Asia/Tokyo")
    records = list(event_records(events, zone))
    assert {len(r["tags"]) for r in records} >= {0, 1}
    assert "".join(events_json(events, zone)) == dumped(records)
    assert "\\u202e" in "".join(events_json(events, zone))


def test_records_with_empty_and_filled_tables_of_one_shape_are_each_written_right() -> None:
    """An event's titles: `{}` goes through the fast layout, a filled table through the
    indenting encoder, in the same batch, whichever comes first."""
    filled = {"fr": {"title": "Conférence %s", "source": "https://www.itu.int/fr/"}}
    for first in ({}, filled):
        records = [{"id": "a", "titles": first}, {"id": "b", "titles": filled}, {"titles": {}}]
        records.append({"id": "c", "titles": {}})
        assert "".join(to_json(records)) == dumped(records)
