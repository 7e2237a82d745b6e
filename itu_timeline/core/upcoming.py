"""The `upcoming` view: events starting or ongoing and deadlines due around now, with
countdowns and urgency."""

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from itu_timeline.base.i18n import _, ngettext
from itu_timeline.base.records import Choices, record, str_enum
from itu_timeline.core.clock import Now
from itu_timeline.core.dates import reach_days
from itu_timeline.core.deadlines import all_deadlines, event_deadlines
from itu_timeline.core.model import Calendar, Deadline, Event, Precision, Rule
from itu_timeline.core.query import Filter, select
from itu_timeline.core.zones import get_zone


@str_enum
class Urgency(Choices):
    """The same scale for events and deadlines, by whole days left in the reader's zone."""

    NOW = "now"  # today or tomorrow, or an event under way
    SOON = "soon"  # within 7 days
    LATER = "later"
    PAST = "past"  # an overdue deadline


@record
class Item:
    """One row of `upcoming`: an event, or one of its deadlines. An event whose days are not
    announced has no day, instant or days left: nothing is counted down to a made-up day."""

    event: Event
    deadline: Deadline | None
    day: date | None  # the day shown, in the display zone
    instant: datetime | None  # when it starts or falls due
    days_left: int | None  # whole days from today to `day`
    urgency: Urgency
    ongoing: bool = False
    # For an event whose days are not announced: whether its period (its month or year)
    # begins inside the window. Only then is it news; otherwise it was already news the day
    # its period began, and a daily cron run would repeat it every day of a year.
    begins_in_window: bool = True

    @property
    def type(self) -> str:
        return "deadline" if self.deadline else "event"

    @property
    def is_news(self) -> bool:
        """Whether a reader acting on the window should see it: every dated item, and an
        event without announced days only in the window its period begins in."""
        return self.day is not None or self.begins_in_window

    def sort_key(self) -> tuple[bool, date, datetime, str, str]:
        """By the day shown, then the instant; events without days after all the others."""
        return (
            self.day is None,
            self.day or self.event.first_day,
            self.instant or datetime.max.replace(tzinfo=UTC),
            self.event.id,
            self.deadline.name if self.deadline else "",
        )


def upcoming(
    calendar: Calendar,
    keep: Filter,
    now: Now,
    days: int = 30,
    overdue: bool = False,
) -> list[Item]:
    """Events starting within `days` of today or ongoing, and deadlines due within `days`,
    by the day they are shown on; then events whose days are not announced but whose months
    overlap the window. With `overdue`, also deadlines already past whose event has not ended."""
    today = now.today
    last = today + timedelta(days=days)
    events = select(calendar.events, keep)
    items = [_event_item(e, now, last) for e in events if _in_window(e, today, last)]
    reach = _longest_offset(calendar.rules)
    candidates = [e for e in events if _may_have_deadlines(e, today, last, reach, overdue)]
    for deadline in all_deadlines(calendar, candidates):
        item = _deadline_item(deadline, now)
        past = item.urgency is Urgency.PAST
        if item.days_left is None or item.days_left > days:
            continue
        if past and not (overdue and deadline.event.last_day >= today):
            continue
        items.append(item)
    return sorted(items, key=Item.sort_key)


def deadline_items(event: Event, rules: Iterable[Rule], now: Now) -> list[Item]:
    """All deadlines of one event as items, past ones included (for `show`)."""
    return [_deadline_item(d, now) for d in event_deadlines(event, rules)]


def _longest_offset(rules: Iterable[Rule]) -> int:
    return max((reach_days(rule.before) for rule in rules), default=0)


def _may_have_deadlines(event: Event, today: date, last: date, reach: int, overdue: bool) -> bool:
    """Whether any deadline of `event` can fall in today..last (or be overdue and wanted).

    A deadline given by an offset falls on or before the event's first day (plus a day, for
    time zones), so far-away events can be passed over without deriving anything; a deadline
    given with `at` can fall anywhere, so its event is always looked at."""
    if any(spec.at is not None for spec in event.deadlines):
        return True
    if overdue and event.last_day >= today:
        return True
    own = max((reach_days(spec.before) for spec in event.deadlines), default=0)
    horizon = last + timedelta(days=max(reach, own))
    return today - timedelta(days=1) <= event.first_day <= horizon


def _in_window(event: Event, today: date, last: date) -> bool:
    """Starting within the window, or ongoing. An event whose days are not announced, when
    its months overlap the window (it may be under way); one whose end is not announced, when
    it starts within the window (whether it still goes on is not known)."""
    if not event.end_known:
        return today <= event.first_day <= last
    return event.first_day <= last and event.last_day >= today


def news(items: Iterable[Item]) -> list[Item]:
    """The items a reader acts on (see `Item.is_news`): what plain lines, `--check`, the
    digest and the page show."""
    return [i for i in items if i.is_news]


def _event_item(event: Event, now: Now, last: date) -> Item:
    if event.is_approximate:  # no day to count down to, nor to be urgent about
        # Known months that have begun: it may be under way. A year alone says nothing of
        # the month, so it is never said to be under way (Council 2027 in June 2027).
        begun = event.precision is Precision.MONTH and event.first_day <= now.today
        begins = now.today <= event.first_day <= last
        return Item(event, None, None, None, None, Urgency.LATER, begun, begins)
    if isinstance(event.start, datetime):
        instant = event.start.replace(tzinfo=get_zone(event.timezone))
        day = instant.astimezone(now.zone).date()
        end = event.end.replace(tzinfo=instant.tzinfo) if isinstance(event.end, datetime) else None
        ongoing = instant <= now.instant < end if end else False
    else:
        instant = datetime.combine(event.first_day, time(0), get_zone(event.timezone))
        day, ongoing = event.first_day, event.first_day < now.today <= event.last_day
    days_left = (day - now.today).days
    return Item(event, None, day, instant, days_left, _urgency(days_left, ongoing), ongoing)


def _deadline_item(deadline: Deadline, now: Now) -> Item:
    """The deadline as a row. Its instant decides, in the reader's zone: for a deadline with
    no time stated, the end of its day in its own zone — still open east of it after the
    day has ended there. `day` stays the day the source states."""
    days_left = (deadline.due.astimezone(now.zone).date() - now.today).days
    urgency = Urgency.PAST if deadline.due < now.instant else _urgency(days_left, False)
    return Item(
        deadline.event, deadline, deadline.day_in(now.zone), deadline.due, days_left, urgency
    )


def _urgency(days_left: int, ongoing: bool) -> Urgency:
    if ongoing or days_left <= 1:
        return Urgency.NOW
    return Urgency.SOON if days_left <= 7 else Urgency.LATER


def countdown(item: Item) -> str:
    """'today', 'tomorrow', 'in 12 days', '3 days ago', 'ongoing: day 3 of 19', or for an
    event whose days are not announced, that (and whether it may be under way)."""
    if item.days_left is None:
        return (
            _("dates not announced — may be under way")
            if item.ongoing
            else _("dates not announced")
        )
    if item.ongoing and not item.event.is_timed:
        return _("ongoing: day {day} of {days}").format(
            day=1 - item.days_left, days=item.event.days
        )
    if item.ongoing:
        return _("under way")
    return days_text(item.days_left)


def days_text(days_left: int) -> str:
    if days_left == 0:
        return _("today")
    if days_left == 1:
        return _("tomorrow")
    if days_left == -1:
        return _("yesterday")
    if days_left > 0:
        return ngettext("in {n} day", "in {n} days", days_left).format(n=days_left)
    return ngettext("{n} day ago", "{n} days ago", -days_left).format(n=-days_left)
