"""What changed: the differences between a calendar before and after a change that reached it
(a feed refresh, `import`, `edit`, a letter), as facts a person reads: an event added or
removed, its status, dates, place or format changed, a deadline added, moved or removed.

Only what is not over is told: a change to an event that had ended before today, and still
has, is no news (an .ics feed's window lets old meetings go as time passes). The log of
changes is kept by `store/changelog.py`; this module reads it, for `changes`, `remind`,
`digest` and the published page, without a lock, as it is only ever replaced whole.
"""

import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from itu_timeline.base.errors import StateError
from itu_timeline.base.i18n import N_, _, system_words
from itu_timeline.core.deadlines import event_deadlines
from itu_timeline.core.model import Body, Calendar, Deadline, Event, Kind, Rule, Status
from itu_timeline.core.subscriptions import copy_path, feed_of, state_dir
from itu_timeline.core.text import approximate_label, iso_span
from itu_timeline.core.zones import get_zone

REMIND_WITHIN_DAYS = 30  # `remind` keeps what it said for 30 days: older changes are not told
# How a change came, from where, and when: "(feed itu, refreshed 2027-03-02)".
HOW = {
    "feed": N_("feed {name}, refreshed {day}"),
    "import": N_("imported from {name}, {day}"),
    "edit": N_("edited in {name}, {day}"),
    "letter": N_("from the letter {name}, {day}"),
}


@dataclass(frozen=True)
class Source:
    """Where a change came from: a feed (by name), or a file that `import`, `edit` or a
    letter changed (by path)."""

    kind: str  # feed | import | edit | letter
    name: str

    def label(self) -> str:
        return f"{self.kind} {self.name}"


@dataclass(frozen=True)
class Change:
    """One change to one event, as recorded: the event as it now is (or was, when removed)."""

    recorded: datetime  # when it reached the calendar (aware, UTC)
    event_id: str
    title: str
    body: str
    kind: str
    status: str
    first_day: date
    last_day: date
    tags: tuple[str, ...]
    change: str  # added | removed | status | dates | place | format | deadline-added | ...
    deadline: str | None  # the deadline's name, for a deadline's change
    old: str | None
    new: str | None
    source: str  # feed | import | edit | letter
    source_name: str  # the feed's name or the file's path
    day: date  # the day it matters on: the deadline's, else the event's first day

    def text(self) -> str:
        """'ITU Council 2027: dates 2027-06-10..2027-06-18 → 2027-06-17..2027-06-25 (feed
        itu, refreshed 2027-03-02)', in the language of the run; what the calendar says
        (title, dates, place, names) as the log recorded it."""
        given = {"old": self.old or _("not given"), "new": self.new or _("not given")}
        what = _(_WORDS[self.change]).format(name=self.deadline, **given)
        how = _(HOW[self.source]) if self.source in HOW else "{name}, {day}"
        day = self.recorded.date().isoformat()
        how = how.format(name=self.source_name, day=day)
        # TRANSLATORS: a change: the event's title, what changed, and where it came from
        return _("{title}: {what} ({how})").format(title=self.title, what=what, how=how)

    def origin(self) -> Path:
        """The file the change was made in: a feed's copy, or the calendar file itself."""
        return copy_path(self.source_name) if self.source == "feed" else Path(self.source_name)

    def as_event(self) -> Event:
        """The event as far as the filters of every command need it."""
        origin = copy_path(self.source_name) if self.source == "feed" else None
        return Event(
            id=self.event_id, title=self.title, body=Body(self.body), kind=Kind(self.kind),
            start=self.first_day, end=self.last_day, timezone="UTC",
            status=Status(self.status), tags=self.tags, origin=origin,
        )  # fmt: skip


# What changed, by the kind of change; `old` and `new` are what the log recorded ("not
# given" where a place or format was not), `name` a deadline's.
_WORDS = {
    "added": N_("added, {new}"),
    "removed": N_("removed (was {old})"),
    "status": N_("status {old} → {new}"),
    "dates": N_("dates {old} → {new}"),
    "place": N_("place {old} → {new}"),
    "format": N_("format {old} → {new}"),
    "deadline-added": N_("deadline added: {name}, {new}"),
    "deadline-moved": N_("deadline {name} {old} → {new}"),
    "deadline-removed": N_("deadline removed: {name} (was {old})"),
}


def differences(
    before: Calendar,
    after: Calendar,
    today: date,
    source_of: Callable[[Event], Source],
    now: datetime,
) -> list[Change]:
    """The changes from `before` to `after` to events not over by `today`, in the order of the
    events in `after` (removed ones last)."""
    old = {e.id: e for e in before.events}
    new = {e.id: e for e in after.events}
    same_rules = before.rules == after.rules
    found: list[Change] = []
    for event_id in [*new, *(i for i in old if i not in new)]:
        was, now_is = old.get(event_id), new.get(event_id)
        if same_rules and was == now_is:
            continue
        latest = now_is or was
        assert latest is not None  # the id is in one of them
        if max(e.last_day for e in (was, now_is) if e) < today:
            continue
        facts = _facts(was, now_is, before.rules, after.rules)
        stamp = _stamp(latest, source_of(latest), now)
        found += [replace(stamp, **fact) for fact in facts]
    return found


def _facts(
    was: Event | None, now_is: Event | None, old_rules: Iterable[Rule], new_rules: Iterable[Rule]
) -> list[dict[str, Any]]:
    if was is None or now_is is None:
        event = now_is or was
        assert event is not None
        key = "new" if now_is else "old"
        return [{"change": "added" if now_is else "removed", key: _dates(event)}]
    facts = [
        {"change": change, "old": before, "new": after}
        for change, before, after in (
            ("status", was.status.value, now_is.status.value),
            ("dates", _dates(was), _dates(now_is)),
            ("place", was.location, now_is.location),
            ("format", _value(was.format), _value(now_is.format)),
        )
        if before != after
    ]
    if now_is.status is not Status.CANCELLED:  # a cancelled meeting's deadlines go with it
        facts += _deadline_facts(
            event_deadlines(was, old_rules), event_deadlines(now_is, new_rules)
        )
    return facts


def _deadline_facts(before: list[Deadline], after: list[Deadline]) -> list[dict[str, Any]]:
    old = {d.name: d for d in before}
    new = {d.name: d for d in after}
    facts: list[dict[str, Any]] = []
    for name, d in new.items():
        if name not in old:
            facts.append({"change": "deadline-added", "new": _due(d)})
        elif _due(d) != _due(old[name]):
            facts.append({"change": "deadline-moved", "old": _due(old[name]), "new": _due(d)})
        else:
            continue
        facts[-1] |= {"deadline": name, "day": d.day}
    facts += [
        {"change": "deadline-removed", "deadline": name, "old": _due(d), "day": d.day}
        for name, d in old.items()
        if name not in new
    ]
    return facts


def _stamp(event: Event, source: Source, now: datetime) -> Change:
    return Change(
        recorded=now, event_id=event.id, title=event.title, body=event.body.value,
        kind=event.kind.value, status=event.status.value, first_day=event.first_day,
        last_day=event.last_day, tags=event.tags, change="", deadline=None, old=None,
        new=None, source=source.kind, source_name=source.name, day=event.first_day,
    )  # fmt: skip


def _dates(event: Event) -> str:
    if event.is_approximate:
        return approximate_label(event)
    return iso_span(event, get_zone(event.timezone))


def _due(deadline: Deadline) -> str:
    if not deadline.timed:
        return deadline.day.isoformat()
    return deadline.due.strftime("%Y-%m-%d %H:%M %Z")


def _value(value: Any) -> str | None:
    return None if value is None else str(getattr(value, "value", value))


def recent(
    log: Iterable[Change],
    first: date,
    today: date,
    zone: tzinfo,
    keep: Callable[[Event], bool] = lambda _: True,
    only_to_come: bool = False,
) -> list[Change]:
    """The changes recorded from `first` to `today` (days in `zone`) to events `keep` takes
    (and, `only_to_come`, that are not over), newest first."""
    found = [
        c
        for c in log
        if first <= c.recorded.astimezone(zone).date() <= today
        and (not only_to_come or c.last_day >= today)
        and keep(c.as_event())
    ]
    return sorted(found, key=lambda c: c.recorded, reverse=True)


def to_remind(log: Iterable[Change], today: date, horizon: int) -> list[tuple[str, date, Change]]:
    """The changes `remind` tells: recorded in the last 30 days, to an event or deadline
    within `horizon` days (or an event under way); each with its key in the reminder state
    and the day after which that key may be forgotten."""
    last = today + timedelta(days=horizon)
    found = []
    for change in log:
        recorded = change.recorded.date()
        if recorded < today - timedelta(days=REMIND_WITHIN_DAYS):
            continue
        under_way = not change.deadline and change.first_day <= today <= change.last_day
        if under_way or today <= change.day <= last:
            key = f"change:{change.recorded.isoformat()}:{change.event_id}:{change.change}"
            key += f":{change.deadline}" if change.deadline else ""
            found.append((key, max(recorded, change.day), change))
    return found


def feed_or(source: Source) -> Callable[[Event], Source]:
    """Changes from a refresh come from the feed each event is in; others from `source`."""

    def source_of(event: Event) -> Source:
        feed = feed_of(event.origin)
        return Source("feed", feed) if feed else source

    return source_of


def log_path(environ: Mapping[str, str] = os.environ) -> Path:
    return state_dir(environ) / "changes.json"


def read_log(path: Path | None = None) -> list[Change]:
    """Every change recorded, oldest first; none when there is no log yet."""
    path = path or log_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as err:
        raise StateError(
            _("{path}: cannot read the change log: {reason}").format(
                path=path, reason=system_words(err)
            )
        ) from err
    try:
        return [_change(entry) for entry in json.loads(raw)["changes"]]
    except (ValueError, KeyError, TypeError) as err:
        raise StateError(
            _("{path}: the change log is damaged ({reason}); it was left as it is").format(
                path=path, reason=err
            )
        ) from err


def to_json(change: Change) -> dict[str, Any]:
    record = asdict(change)
    for key in ("recorded", "first_day", "last_day", "day"):
        record[key] = record[key].isoformat()
    record["tags"] = list(change.tags)
    return record


def _change(entry: dict[str, Any]) -> Change:
    values = dict(entry)
    values["recorded"] = datetime.fromisoformat(values["recorded"])
    for key in ("first_day", "last_day", "day"):
        values[key] = date.fromisoformat(values[key])
    values["tags"] = tuple(values["tags"])
    return Change(**values)
