"""Selecting and ordering events: the filters every reading command shares, and finding one
event by what a user typed."""

import unicodedata
from collections.abc import Iterable
from datetime import date

from itu_timeline.base.errors import UnknownEventError
from itu_timeline.base.i18n import _
from itu_timeline.base.records import record
from itu_timeline.core.model import Basis, Body, Calendar, Event, Kind, Precision, Status
from itu_timeline.core.subscriptions import feed_of


@record
class Filter:
    """What to keep. Empty sets keep everything; several values of one option are alternatives."""

    bodies: frozenset[Body] = frozenset()
    kinds: frozenset[Kind] = frozenset()
    tags: frozenset[str] = frozenset()
    statuses: frozenset[Status] = frozenset()
    bases: frozenset[Basis] = frozenset()
    feeds: frozenset[str] = frozenset()
    precisions: frozenset[Precision] = frozenset()
    search: str | None = None
    start: date | None = None  # keep events whose span overlaps [start, end]
    end: date | None = None

    def matches(self, event: Event) -> bool:
        return (
            (not self.bodies or event.body in self.bodies)
            and (not self.kinds or event.kind in self.kinds)
            and (not self.statuses or event.status in self.statuses)
            and (not self.bases or event.basis in self.bases)
            and (not self.feeds or feed_of(event.origin) in self.feeds)
            and (not self.precisions or event.precision in self.precisions)
            and (not self.tags or not self.tags.isdisjoint(t.casefold() for t in event.tags))
            and (self.start is None or event.last_day >= self.start)
            and (self.end is None or event.first_day <= self.end)
            and (not self.search or self.search in searchable(event))
        )


def searchable(event: Event) -> str:
    parts = (event.id, event.title, event.location or "", event.notes or "", *event.tags)
    return folded("\n".join(parts))


# Letters that Unicode does not decompose into a base letter and an accent (\u0131: dotless i).
_LETTERS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "þ": "th", "\u0131": "i"}
)


def folded(text: str) -> str:
    """`text` for searching: any case, and without accents (`lillestrom` finds Lillestrøm)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def make_filter(
    bodies: Iterable[Body] = (),
    kinds: Iterable[Kind] = (),
    tags: Iterable[str] = (),
    statuses: Iterable[Status] = (),
    bases: Iterable[Basis] = (),
    feeds: Iterable[str] = (),
    precisions: Iterable[Precision] = (),
    search: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> Filter:
    return Filter(
        bodies=frozenset(bodies),
        kinds=frozenset(kinds),
        tags=frozenset(t.casefold() for t in tags),
        statuses=frozenset(statuses),
        bases=frozenset(bases),
        feeds=frozenset(feeds),
        precisions=frozenset(precisions),
        search=folded(search) if search else None,
        start=start,
        end=end,
    )


def by_start(event: Event) -> tuple[date, str]:
    return event.first_day, event.id


def select(events: Iterable[Event], keep: Filter) -> list[Event]:
    """The events `keep` matches, sorted by first day then id."""
    return sorted((e for e in events if keep.matches(e)), key=by_start)


def find_event(calendar: Calendar, event_id: str, loose: bool = False) -> Event:
    """The event of this id; `loose` (for reading, never for changing) also takes a unique
    start of an id (`apt-apg27`) or the UID the event had in its source (`apg27-6@apt.int`)."""
    event = calendar.event(event_id) or calendar.event(event_id.strip().casefold())
    if event is None and loose:
        event = _by_uid_or_prefix(calendar, event_id.strip())
    if event is None:
        from difflib import get_close_matches

        close = get_close_matches(event_id, [e.id for e in calendar.events], n=3, cutoff=0.5)
        names = ", ".join(repr(c) for c in close)
        hint = _("did you mean {names}?").format(names=names) if close else None
        raise UnknownEventError(_("no event with id '{id}'").format(id=event_id), hint)
    return event


def _by_uid_or_prefix(calendar: Calendar, text: str) -> Event | None:
    by_uid = [e for e in calendar.events if e.uid == text]
    if len(by_uid) == 1:
        return by_uid[0]
    starting = [e for e in calendar.events if e.id.startswith(text.casefold())]
    if len(starting) > 1:
        names = ", ".join(e.id for e in starting[:5]) + (", ..." if len(starting) > 5 else "")
        raise UnknownEventError(
            _("'{text}' starts several ids: {names}").format(text=text, names=names),
            _("give more of it"),
        )
    return starting[0] if starting else None
