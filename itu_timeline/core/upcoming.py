"""The `upcoming` view: events starting or ongoing and deadlines due around now, with
countdowns and urgency."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from itu_timeline.core.clock import Now
from itu_timeline.core.dates import parse_before
from itu_timeline.core.deadlines import all_deadlines, event_deadlines
from itu_timeline.core.model import Calendar, Deadline, Event, Rule
from itu_timeline.core.query import Filter, select
from itu_timeline.core.zones import get_zone


class Urgency(StrEnum):
    NOW = "now"  # due within 24 hours, or an event starting today or tomorrow, or ongoing
    SOON = "soon"  # within 7 days
    LATER = "later"
    PAST = "past"  # an overdue deadline


@dataclass(frozen=True)
class Item:
    """One row of `upcoming`: an event, or one of its deadlines."""

    event: Event
    deadline: Deadline | None
    instant: datetime  # what rows are ordered by
    days_left: int  # whole days from today to the item's day, in the display zone
    urgency: Urgency

    @property
    def type(self) -> str:
        return "deadline" if self.deadline else "event"

    @property
    def ongoing(self) -> bool:
        return self.deadline is None and self.days_left < 0

    def sort_key(self) -> tuple[datetime, str, str]:
        return self.instant, self.event.id, self.deadline.name if self.deadline else ""


def upcoming(
    calendar: Calendar,
    keep: Filter,
    now: Now,
    days: int = 30,
    overdue: bool = False,
) -> list[Item]:
    """Events starting within `days` of today or ongoing, and deadlines due within `days`,
    soonest first. With `overdue`, also deadlines already past whose event has not ended."""
    today = now.today
    last = today + timedelta(days=days)
    events = select(calendar.events, keep)
    items = [_event_item(e, today) for e in events if _in_window(e, today, last)]
    reach = _longest_offset(calendar.rules)
    candidates = [e for e in events if _may_have_deadlines(e, today, last, reach, overdue)]
    for deadline in all_deadlines(calendar, candidates):
        item = _deadline_item(deadline, now)
        past = item.urgency is Urgency.PAST
        if item.days_left > days or (past and not (overdue and deadline.event.end >= today)):
            continue
        items.append(item)
    return sorted(items, key=Item.sort_key)


def deadline_items(event: Event, rules: Iterable[Rule], now: Now) -> list[Item]:
    """All deadlines of one event as items, past ones included (for `show`)."""
    return [_deadline_item(d, now) for d in event_deadlines(event, rules)]


def _offset_days(before: str | None) -> int:
    """An upper bound, in days, of how long before an event a `before` offset falls."""
    delta = parse_before(before or "0 days")
    return delta.years * 366 + delta.months * 31 + delta.days + 1


def _longest_offset(rules: Iterable[Rule]) -> int:
    return max((_offset_days(rule.before) for rule in rules), default=0)


def _may_have_deadlines(event: Event, today: date, last: date, reach: int, overdue: bool) -> bool:
    """Whether any deadline of `event` can fall in today..last (or be overdue and wanted).

    A deadline given by an offset falls on or before the event's first day (plus a day, for
    time zones), so far-away events can be passed over without deriving anything; a deadline
    given with `at` can fall anywhere, so its event is always looked at."""
    if any(spec.at is not None for spec in event.deadlines):
        return True
    if overdue and event.end >= today:
        return True
    own = max((_offset_days(spec.before) for spec in event.deadlines), default=0)
    return today - timedelta(days=1) <= event.start <= last + timedelta(days=max(reach, own))


def _in_window(event: Event, today: date, last: date) -> bool:
    """Starting within the window, or ongoing; an event whose days are not announced only
    when its months or year begin within the window (it is never known to be "ongoing")."""
    if event.is_approximate:
        return today <= event.start <= last
    return event.start <= last and event.end >= today


def _event_item(event: Event, today: date) -> Item:
    instant = datetime.combine(event.start, time(0), tzinfo=get_zone(event.timezone))
    days_left = (event.start - today).days
    urgency = Urgency.NOW if days_left <= 1 else Urgency.SOON if days_left <= 7 else Urgency.LATER
    if event.is_approximate:
        urgency = Urgency.LATER  # no day to be urgent about
    return Item(event, None, instant, days_left, urgency)


def _deadline_item(deadline: Deadline, now: Now) -> Item:
    """The deadline as a row; days left are counted between calendar days in the display zone."""
    days_left = (deadline.due.astimezone(now.zone).date() - now.today).days
    remaining = deadline.due - now.instant
    if remaining < timedelta(0):
        urgency = Urgency.PAST
    elif remaining <= timedelta(hours=24):
        urgency = Urgency.NOW
    elif remaining <= timedelta(days=7):
        urgency = Urgency.SOON
    else:
        urgency = Urgency.LATER
    return Item(deadline.event, deadline, deadline.due, days_left, urgency)


def countdown(item: Item) -> str:
    """'today', 'tomorrow', 'in 12 days', '3 days ago', 'ongoing: day 3 of 19'."""
    if item.event.is_approximate and item.deadline is None:
        return "dates not announced"
    if item.ongoing:
        return f"ongoing: day {1 - item.days_left} of {item.event.days}"
    return days_text(item.days_left)


def days_text(days_left: int) -> str:
    if days_left == 0:
        return "today"
    if days_left == 1:
        return "tomorrow"
    if days_left == -1:
        return "yesterday"
    return f"in {days_left} days" if days_left > 0 else f"{-days_left} days ago"
