"""What a feed's events claim of other files' ids, settled when its copy is made: an event
with an id of the curated calendar is left out (and said), unless the user subscribed with
`--allow-override`; the user's own events always win, as their file is read last, and which of
the feed's ids they hold is said when the feed is added. A copy of the curated calendar claims
its ids by right: it replaces the bundled calendar whole, by its `published` stamp."""

from collections.abc import Iterable
from typing import Any

from itu_timeline.base.errors import TimelineError
from itu_timeline.base.i18n import _
from itu_timeline.core.loader import bundled_path, load_file, user_path
from itu_timeline.core.subscriptions import Subscription
from itu_timeline.core.text import events_count


def claims(
    feed: Subscription, document: dict[str, Any], before: list[str], first: bool
) -> tuple[list[str], list[str]]:
    """Warnings to give, and the ids of the curated calendar the feed holds (which `document`
    loses unless the feed may replace them). Said at the first fetch, and when they change
    from `before`, so a daily refresh does not repeat them."""
    events = document.get("events", [])
    if is_curated_copy(document.get("name"), document.get("published")):
        return [], []
    curated, mine = collisions(str(e.get("id")) for e in events)
    said = []
    if curated and (first or curated != before):
        message = (
            _("it replaces {events} with ids of the curated calendar ({ids}) (allow_override)")
            if feed.allow_override
            else _(
                "{events} with ids of the curated calendar ({ids}) left out; subscribe with "
                "--allow-override to let it replace them"
            )
        )
        said.append(message.format(events=events_count(len(curated)), ids=_few(curated)))
    if not feed.allow_override:
        document["events"] = [e for e in events if e.get("id") not in set(curated)]
    if mine and first:
        message = _("your own file keeps {events} of its ids ({ids})")
        said.append(message.format(events=events_count(len(mine)), ids=_few(mine)))
    return said, curated


def collisions(ids: Iterable[str]) -> tuple[list[str], list[str]]:
    """Of a feed's event ids, those of the bundled calendar's events and those of the user's
    own file's (unreadable, it claims none: its own commands say what is wrong)."""
    wanted = set(ids)
    bundled = {e.id for e in load_file(bundled_path()).events}
    try:
        mine = {e.id for e in load_file(user_path()).events} if user_path().is_file() else set()
    except TimelineError:
        mine = set()
    return sorted(wanted & bundled), sorted(wanted & mine)


def is_curated_copy(name: object, published: object) -> bool:
    """A feed that is a copy of the curated calendar (its name, and a `published` stamp)."""
    return published is not None and name == load_file(bundled_path()).name


def _few(ids: list[str], shown: int = 5) -> str:
    if len(ids) > shown:
        return _("{ids} and {n} more").format(ids=", ".join(ids[:shown]), n=len(ids) - shown)
    return ", ".join(ids)
