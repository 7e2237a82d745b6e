"""A letter's meeting that another calendar in use already holds (the bundled calendar's
"TSAG, 2027 meeting (dates not announced)", a feed's "Study Group 17 meeting"): `letter --add`
writes it under that event's id, so that in the user's file, a later layer, it replaces that
event instead of standing beside it as a second one."""

import re
from pathlib import Path

from itu_timeline.core.letter_model import Meeting
from itu_timeline.core.model import Event


def group_words(group: str) -> re.Pattern[str]:
    """How titles name a group: 'SG17' as 'Study Group 17' or 'SG17', 'WP 5D' as 'Working
    Party 5D' or 'WP5D', 'TSAG' as itself."""
    sg = re.fullmatch(r"SG(\d+)", group)
    if sg:
        return re.compile(rf"\b(?:Study\s+Group|SG)\s*{sg[1]}\b(?!/)", re.I)
    wp = re.fullmatch(r"WP\s*(\S+)", group)
    if wp:
        return re.compile(rf"\b(?:Working\s+Party|WP)\s*{re.escape(wp[1])}\b", re.I)
    return re.compile(rf"\b{re.escape(group)}\b")


def held_by(meeting: Meeting, events: tuple[Event, ...], target: Path) -> Event | None:
    """The one event of the other calendars that is this meeting: of its body and group, on
    days that overlap its own (or whose announced months or year hold them), not dated by a
    letter already. None when there is none, or more than one."""
    if meeting.group is None:
        return None
    words = group_words(meeting.group)
    found = [
        e
        for e in events
        if e.body == meeting.body
        and words.search(e.title)
        and e.first_day <= meeting.end
        and meeting.start <= e.last_day
        and not (e.uid or "").startswith("letter:")
        and (e.origin is None or e.origin.resolve() != target.resolve())
    ]
    return found[0] if len(found) == 1 else None
