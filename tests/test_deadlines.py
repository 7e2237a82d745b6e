"""Deadline derivation and the `upcoming` view, tested on the core without the CLI."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from itu_timeline.core.clock import Now
from itu_timeline.core.deadlines import event_deadlines
from itu_timeline.core.model import (
    Body,
    Calendar,
    DeadlineSpec,
    Event,
    Kind,
    Precision,
    Rule,
    Status,
)
from itu_timeline.core.query import make_filter
from itu_timeline.core.text import safe
from itu_timeline.core.upcoming import Urgency, countdown, upcoming

GVA = ZoneInfo("Europe/Zurich")
UTC = ZoneInfo("UTC")
CONTRIB = Rule(
    id="c",
    name="Contributions due",
    before="12 days",
    time=time(23, 59),
    match={"body": ("ITU-T",), "kind": ("study-group",)},
)


def event(
    event_id: str = "sg17", start: date = date(2027, 3, 15), days: int = 5, **fields: object
) -> Event:
    values: dict[str, object] = {
        "title": event_id,
        "body": Body.ITU_T,
        "kind": Kind.STUDY_GROUP,
        "timezone": "Europe/Zurich",
    }
    values.update(fields)
    return Event(id=event_id, start=start, end=start + timedelta(days=days - 1), **values)  # type: ignore[arg-type]


def test_a_rule_gives_a_deadline_at_its_time_in_the_event_zone() -> None:
    [deadline] = event_deadlines(event(), [CONTRIB])
    assert deadline.due == datetime(2027, 3, 3, 23, 59, tzinfo=GVA)
    assert (deadline.day, deadline.timed, deadline.rule_id) == (date(2027, 3, 3), True, "c")


def test_a_deadline_with_no_time_has_its_day_and_falls_due_at_the_end_of_it() -> None:
    """No time is made up: the countdown runs to the end of the day in the deadline's zone."""
    rule = Rule(id="d", name="Proposals", before="8 months", timezone="Europe/Zurich")
    [deadline] = event_deadlines(event(start=date(2026, 11, 9)), [rule])
    assert (deadline.day, deadline.timed) == (date(2026, 3, 9), False)
    assert deadline.due == datetime(2026, 3, 10, 0, 0, tzinfo=GVA)
    assert deadline.day_in(ZoneInfo("Asia/Tokyo")) == date(2026, 3, 9)


def test_rules_match_on_every_key_and_any_value_of_a_key() -> None:
    by_tag = Rule(id="t", name="T", before="1 week", match={"tags": ("cyber", "ai")})
    by_id = Rule(id="i", name="I", before="1 week", match={"id": ("other",)})
    rules = [CONTRIB, by_tag, by_id]
    assert [d.name for d in event_deadlines(event(tags=("ai",)), rules)] == [
        "Contributions due",
        "T",
    ]
    assert event_deadlines(event(body=Body.ITU_R), rules) == []


def test_at_a_date_or_a_local_datetime_and_an_own_deadline_replaces_the_rules() -> None:
    specs = (
        DeadlineSpec(name="Contributions due", at=date(2027, 3, 2)),
        DeadlineSpec(
            name="Register", at=datetime.fromisoformat("2027-03-01T16:00"), timezone="UTC"
        ),
    )
    deadlines = event_deadlines(event(deadlines=specs), [CONTRIB])
    assert [(d.name, d.day, d.timed) for d in deadlines] == [
        ("Register", date(2027, 3, 1), True),
        ("Contributions due", date(2027, 3, 2), False),
    ]
    assert deadlines[0].due == datetime(2027, 3, 1, 16, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"status": Status.CANCELLED}, 0),
        ({"status": Status.POSTPONED}, 1),
        ({"precision": Precision.MONTH, "start": date(2027, 3, 1), "days": 31}, 0),
    ],
)
def test_cancelled_and_undated_events_get_no_deadlines(
    fields: dict[str, object], expected: int
) -> None:
    assert len(event_deadlines(event(**fields), [CONTRIB])) == expected  # type: ignore[arg-type]


def test_months_before_a_leap_day_and_a_month_end_clamp_like_relativedelta() -> None:
    rule = Rule(id="m", name="M", before="1 month", match={})
    assert event_deadlines(event(start=date(2028, 3, 29)), [rule])[0].day == date(2028, 2, 29)
    assert event_deadlines(event(start=date(2027, 3, 31)), [rule])[0].day == date(2027, 2, 28)


def test_a_time_skipped_by_daylight_saving_is_read_as_the_real_time_after_the_jump() -> None:
    spec = DeadlineSpec(
        name="Early", at=datetime.fromisoformat("2027-03-28T02:30")
    )  # 02:00 jumps to 03:00
    [deadline] = event_deadlines(event(deadlines=(spec,)), [])
    assert deadline.due.utcoffset() == timedelta(hours=2)
    assert (deadline.due.hour, deadline.due.minute) == (3, 30)


def calendar(*events: Event) -> Calendar:
    return Calendar(events=events, rules=(CONTRIB,))


def at_midnight(day: date, zone: ZoneInfo = GVA) -> Now:
    return Now.pinned_to(day, zone)


def test_upcoming_orders_events_and_deadlines_by_instant_and_reports_days_left() -> None:
    cal = calendar(event("sg17", date(2027, 3, 15)), event("sg2", date(2027, 3, 1), days=10))
    items = upcoming(cal, make_filter(), at_midnight(date(2027, 3, 2)), days=30)
    assert [(i.type, i.event.id, i.days_left, countdown(i)) for i in items] == [
        ("event", "sg2", -1, "ongoing: day 2 of 10"),
        ("deadline", "sg17", 1, "tomorrow"),
        ("event", "sg17", 13, "in 13 days"),
    ]
    # due tomorrow (at 23:59, 48 hours away): as urgent as a meeting that starts tomorrow
    assert [i.urgency for i in items] == [Urgency.NOW, Urgency.NOW, Urgency.LATER]


def test_past_deadlines_only_with_overdue_and_only_while_the_event_has_not_ended() -> None:
    cal = calendar(event("sg17", date(2027, 3, 15)))
    now = at_midnight(date(2027, 3, 10))
    assert [i.type for i in upcoming(cal, make_filter(), now, days=1)] == []
    overdue = upcoming(cal, make_filter(), now, days=1, overdue=True)
    assert [(i.type, i.urgency, countdown(i)) for i in overdue] == [
        ("deadline", Urgency.PAST, "7 days ago")
    ]
    later = at_midnight(date(2027, 3, 20))
    assert upcoming(cal, make_filter(), later, days=0, overdue=True) == []


@pytest.mark.parametrize(
    ("zone", "due_day", "days_left"),
    [("America/New_York", date(2027, 3, 3), 2), ("Asia/Tokyo", date(2027, 3, 4), 3)],
)
def test_a_geneva_deadline_is_the_same_instant_seen_from_other_zones(
    zone: str, due_day: date, days_left: int
) -> None:
    display = ZoneInfo(zone)
    cal = calendar(event("sg17", date(2027, 3, 15)))
    [item] = [
        i
        for i in upcoming(cal, make_filter(), at_midnight(date(2027, 3, 1), display), days=5)
        if i.deadline
    ]
    assert item.deadline is not None
    assert item.deadline.due == datetime(2027, 3, 3, 23, 59, tzinfo=GVA)
    assert item.deadline.due.astimezone(display).date() == due_day
    assert item.days_left == days_left


def test_days_left_across_a_daylight_saving_change_counts_calendar_days() -> None:
    # Europe/Zurich moves to summer time on 2027-03-28; the deadline is on 2027-03-29.
    cal = calendar(event("sg17", date(2027, 4, 10)))
    items = upcoming(cal, make_filter(), at_midnight(date(2027, 3, 27)), days=3)
    assert [(i.type, i.days_left) for i in items] == [("deadline", 2)]


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=0, max_value=400),
    st.sampled_from(["UTC", "Europe/Zurich", "America/New_York", "Pacific/Apia", "Asia/Tokyo"]),
)
def test_every_listed_deadline_is_due_within_the_window_and_not_past(
    today: date, days: int, zone_name: str
) -> None:
    zone = ZoneInfo(zone_name)
    cal = calendar(*(event(f"e{i}", today + timedelta(days=i * 17)) for i in range(6)))
    now = at_midnight(today, zone)
    for item in upcoming(cal, make_filter(), now, days=days):
        assert 0 <= item.days_left <= days or (item.type == "event" and item.ongoing)
        if item.deadline:
            assert item.deadline.due >= now.instant


def test_safe_text_has_no_control_characters_left() -> None:
    assert safe("a\x1b[31mb\x07\r\n") == "a␛[31mb␇␍␊"
    assert "\x9b" not in safe("x\x9by")


KINDS = ("fellowship requests", "interpretation requests", "registration",
         "visa support letter requests", "contributions to be translated", "captioning requests",
         "candidatures")  # fmt: skip


@given(
    st.lists(st.sampled_from(KINDS), min_size=1, max_size=3, unique=True),
    st.lists(st.sampled_from(KINDS), max_size=3, unique=True),
)
def test_a_rule_keeps_exactly_the_kinds_the_events_own_deadlines_leave(
    ruled: list[str], dated: list[str]
) -> None:
    """A rule over several kinds of deadline, beside an event's own deadlines for some of
    them: the rule's deadline is gone when they date all its kinds, and else is kept, named
    for the kinds left, in the order the rule names them."""
    rule = Rule(id="r", name=" and ".join(ruled).capitalize(), before="6 weeks")
    own = tuple(DeadlineSpec(name=f"Submit {k}", at=date(2027, 2, 1)) for k in dated)
    names = [d.name for d in event_deadlines(event(deadlines=own), [rule]) if d.rule_id]
    left = [k for k in ruled if k not in dated]
    if not left:
        assert names == []
    elif left == ruled:
        assert names == [rule.name]
    else:
        assert names == [" and ".join(left).capitalize()]
