"""The renderers, called directly: pure functions from events and items to text, tables and
records. (The CLI tests check which renderer a command picks.)"""

import csv
import io
import json
from datetime import date, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from itu_timeline.core.clock import Now
from itu_timeline.core.model import Body, Calendar, Event, Kind, Precision, Rule, Status
from itu_timeline.core.query import make_filter
from itu_timeline.core.text import escape_invisible
from itu_timeline.core.upcoming import upcoming
from itu_timeline.render.chart import ASCII, chart_lines
from itu_timeline.render.json_csv import EVENT_FIELDS, event_record, item_record, to_csv, to_json
from itu_timeline.render.plain import event_line, item_line, show_text
from itu_timeline.render.table import events_table, items_table

GVA = ZoneInfo("Europe/Zurich")
RULE = Rule(
    id="r",
    name="Contributions due",
    before="12 days",
    time=time(23, 59),
    match={"body": ("ITU-T",)},
)


def event(event_id: str, start: date, days: int = 1, **fields: object) -> Event:
    values: dict[str, object] = {"title": f"Meeting {event_id}", "body": Body.ITU_T}
    values.update(fields)
    return Event(
        id=event_id,
        kind=Kind.STUDY_GROUP,
        start=start,
        end=start + timedelta(days=days - 1),
        timezone="Europe/Zurich",
        **values,  # type: ignore[arg-type]
    )


SG = event("sg17", date(2027, 3, 15), 10, location="Geneva")
C27 = event(
    "c27",
    date(2027, 6, 1),
    61,
    body=Body.ITU,
    precision=Precision.MONTH,
    status=Status.TENTATIVE,
)


def items_on(day: date) -> list:  # type: ignore[type-arg]
    calendar = Calendar(events=(SG, C27), rules=(RULE,))
    return upcoming(calendar, make_filter(), Now.pinned_to(day, GVA), days=120)


def test_a_plain_event_line_has_stable_columns() -> None:
    assert event_line(SG, GVA) == (
        "2027-03-15..2027-03-24  ITU-T  study-group      sg17  Meeting sg17 @ Geneva"
    )
    assert event_line(C27, GVA).startswith("2027-06..2027-07        ITU    study-group      c27  ")
    assert event_line(C27, GVA).endswith("(June–July 2027, dates not announced) [tentative]")


def test_a_plain_item_line_says_when_in_the_display_zone() -> None:
    deadline = next(i for i in items_on(date(2027, 3, 1)) if i.deadline)
    line = item_line(deadline, ZoneInfo("Asia/Tokyo"))
    assert line.startswith("! 2027-03-04 07:59 JST")
    assert "deadline  ITU-T  sg17  Deadline: Contributions due — Meeting sg17" in line


def test_show_text_lists_the_deadlines_with_countdowns() -> None:
    items = [i for i in items_on(date(2027, 3, 1)) if i.deadline]
    text = show_text(SG, items, GVA)
    assert "Dates:     2027-03-15..2027-03-24 (10 days)" in text
    assert "Deadlines (times in Europe/Zurich):" in text
    assert "2027-03-03 23:59 CET   in 2 days     Contributions due" in text


def test_the_tables_hold_calendar_text_as_text_never_as_markup() -> None:
    hostile = event("x", date(2027, 3, 15), title="[bold red]not markup[/]")
    console = Console(width=120, record=True, file=io.StringIO())
    console.print(events_table([hostile], GVA))
    console.print(items_table(items_on(date(2027, 3, 1)), GVA))
    text = console.export_text()
    assert "[bold red]not markup[/]" in text
    assert "March 2027" in text
    assert "in 2 days" in text


def test_json_is_a_list_written_record_by_record() -> None:
    text = "".join(to_json(event_record(e, GVA) for e in (SG, C27)))
    records = json.loads(text)
    assert [r["id"] for r in records] == ["sg17", "c27"]
    assert tuple(records[0]) == EVENT_FIELDS
    assert records[1]["dates"] == "June–July 2027 (dates not announced)"
    assert "".join(to_json([])) == "[]\n"


def test_an_item_record_gives_deadlines_an_instant_with_its_offset() -> None:
    deadline = next(i for i in items_on(date(2027, 3, 1)) if i.deadline)
    record = item_record(deadline, ZoneInfo("America/New_York"))
    assert record["due"] == "2027-03-03T17:59:00-05:00"
    assert record["days_left"] == 2


def test_csv_joins_lists_and_makes_control_characters_visible() -> None:
    odd = event("odd", date(2027, 1, 1), tags=("a", "b"), notes="line\x1b[31m")
    text = to_csv([event_record(odd, GVA)], EVENT_FIELDS)
    assert text.splitlines()[0] == ",".join(EVENT_FIELDS)
    assert ",a;b," in text
    assert "\x1b" not in text


def test_csv_writes_booleans_as_json_does() -> None:
    deadline = next(i for i in items_on(date(2027, 3, 1)) if i.deadline)
    record = item_record(deadline, GVA)
    assert record["time_stated"] is True
    rows = list(csv.DictReader(io.StringIO(to_csv([record], tuple(record)))))
    assert rows[0]["time_stated"] == json.dumps(record["time_stated"]) == "true"


def test_the_chart_draws_bars_markers_and_today_in_ascii() -> None:
    lines = chart_lines(
        [SG],
        [],
        date(2027, 3, 1),
        date(2027, 3, 31),
        date(2027, 3, 10),
        80,
        GVA,
        glyphs=ASCII,
    )
    row = next(line.plain for line in lines if line.plain.startswith("Meeting sg17"))
    assert "=" in row
    assert "|" in row
    assert all(len(line.plain) <= 80 for line in lines)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.dictionaries(
            st.text(max_size=5),
            st.none() | st.integers() | st.text() | st.lists(st.text(), max_size=3),
            max_size=4,
        ),
        max_size=3,
    )
)
def test_json_is_the_same_text_as_dumping_the_list_at_once(records: list[dict[str, Any]]) -> None:
    """The same text but for the hidden characters escaped (tests/test_reader_safety.py)."""
    expected = escape_invisible(json.dumps(records, indent=2, ensure_ascii=False)) + "\n"
    assert "".join(to_json(records)) == expected
