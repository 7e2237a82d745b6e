"""What a feed may change. A feed adds events; it does not change the calendar it joins:

- its rules give deadlines to its own events only (the ids it holds), never to the bundled
  calendar's or the user's, and a rule of the same id elsewhere is not replaced;
- a copy of the curated calendar replaces the bundled one only if its `published` stamp is
  not after the moment its copy was written (a feed claiming 2999 replaces nothing).

The copy of the curated calendar that is in use is the curated calendar: its rules reach every
event, as the bundled calendar's do. Feed event ids that collide with the bundled calendar's
are dealt with when the copy is made (store/feed_claims.py).
"""

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path

from itu_timeline.base.i18n import N_
from itu_timeline.core.schema import CalendarFile

# A publisher's clock may run ahead of ours; a stamp later than that is not a clock's error.
CLOCK_SKEW = timedelta(days=1)
FUTURE = N_("says it was published {stamp}, after its copy was fetched: it replaces nothing")
FUTURE_FEED = N_(
    "says it was published {stamp}, after its copy was fetched: it replaces nothing "
    "(it is read as a feed of its own)"
)


def with_scoped_rules(
    files: list[CalendarFile], curated: CalendarFile | None
) -> list[CalendarFile]:
    """`files` with the rules of every feed's copy (but the curated copy in use) made to reach
    only that copy's own events."""
    from itu_timeline.core.subscriptions import feed_of

    return [
        _scoped(f) if f is not curated and feed_of(f.path) is not None and f.rules else f
        for f in files
    ]


def _scoped(copy: CalendarFile) -> CalendarFile:
    own = frozenset(event.id for event in copy.events)
    rules = tuple(dataclasses.replace(rule, within=own) for rule in copy.rules)
    return dataclasses.replace(copy, rules=rules)


def from_the_future(path: Path, published: datetime | None) -> bool:
    """Whether a copy says it was published after it was written here (or cannot say when it
    was written): such a stamp is a claim, not a date, and the copy replaces nothing."""
    if published is None:
        return False
    try:
        written = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        return True
    return published > written + CLOCK_SKEW
