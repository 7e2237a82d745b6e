from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from itu_timeline.core.model import Body, Event, Kind, Status
from itu_timeline.core.query import make_filter, select

DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


def event(event_id: str, start: date, days: int = 1, **fields: object) -> Event:
    defaults: dict[str, object] = {"title": event_id, "body": Body.ITU, "kind": Kind.COUNCIL}
    defaults.update(fields)
    return Event(
        id=event_id, start=start, end=start + timedelta(days=days - 1), timezone="UTC", **defaults
    )  # type: ignore[arg-type]


@st.composite
def events(draw: st.DrawFn) -> list[Event]:
    spans = draw(st.lists(st.tuples(DAYS, st.integers(1, 60)), max_size=25))
    return [event(f"e{i}", start, days) for i, (start, days) in enumerate(spans)]


@settings(max_examples=200, deadline=None)
@given(events(), DAYS, DAYS)
def test_date_filter_keeps_exactly_the_events_overlapping_the_range(
    evs: list[Event], a: date, b: date
) -> None:
    start, end = min(a, b), max(a, b)
    kept = select(evs, make_filter(start=start, end=end))
    overlapping = {e.id for e in evs if e.start <= end and e.end >= start}
    assert {e.id for e in kept} == overlapping


@settings(max_examples=100, deadline=None)
@given(events())
def test_results_are_sorted_by_start_then_id(evs: list[Event]) -> None:
    kept = select(evs, make_filter())
    assert [(e.start, e.id) for e in kept] == sorted((e.start, e.id) for e in evs)


def test_filters_combine_with_and_and_values_of_one_filter_with_or() -> None:
    day = date(2026, 6, 1)
    evs = [
        event("a", day, body=Body.ITU_T, kind=Kind.STUDY_GROUP, tags=("Cyber",)),
        event("b", day, body=Body.ITU_R, kind=Kind.STUDY_GROUP),
        event("c", day, body=Body.ITU_T, kind=Kind.WORKSHOP, status=Status.TENTATIVE),
    ]
    ids = lambda **kw: [e.id for e in select(evs, make_filter(**kw))]  # noqa: E731
    assert ids(bodies=[Body.ITU_T]) == ["a", "c"]
    assert ids(bodies=[Body.ITU_T, Body.ITU_R], kinds=[Kind.STUDY_GROUP]) == ["a", "b"]
    assert ids(tags=["cyber"]) == ["a"]  # tags match case-insensitively
    assert ids(statuses=[Status.TENTATIVE]) == ["c"]
    assert ids(search="CYB") == ["a"]  # search covers tags, case-insensitively
