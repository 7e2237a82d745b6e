"""One record for each meeting a letter convenes, from the mentions of it: the same meeting
named twice (subject and body) is one; a span that only sums up others is none; days of a
meeting held alongside go into a note; a day's meeting held as sessions is one record a
session."""

import re
from dataclasses import replace
from datetime import time as dt_time
from datetime import timedelta

from itu_timeline.base.i18n import N_
from itu_timeline.core.letter_dates import Found
from itu_timeline.core.letter_groups import find_groups
from itu_timeline.core.letter_model import Meeting, note
from itu_timeline.core.letter_titles import clean, events_named


def merged(meetings: list[Meeting]) -> list[Meeting]:
    """One meeting for each group: the same meeting named twice (subject and body) is one,
    and where the letter gives a group two spans that overlap or touch, the wider span is
    taken and the contradiction noted. A meeting of no group on the days of a group's
    meeting is that meeting; a day of no group inside a workshop's span is its day; and days
    given to the letter's group only for want of a group named beside them, when they are
    the days of a meeting named elsewhere, are that meeting's."""
    kept: list[Meeting] = []
    for meeting in sorted(meetings, key=lambda m: (m.assumed, m.group is None, m.pos)):
        days = [
            k for k in kept if meeting.assumed and (k.start, k.end) == (meeting.start, meeting.end)
        ]
        twin = next(iter(days), None) or next((k for k in kept if _same(k, meeting)), None)
        alongside = meeting.assumed and meeting.beside and not days
        if twin is not None and alongside and not twin.assumed:
            # days beside the group's own, in a sentence that names no group: a meeting held
            # alongside (a Rapporteurs' group, another event), not the one the letter convenes
            said = N_(
                "the letter also gives {start}..{end}, for a meeting it names beside this one"
            )
            twin.notes.append(note(said, start=meeting.start, end=meeting.end))
            continue
        if twin is None:
            kept.append(meeting)
            continue
        inside = twin.start <= meeting.start and meeting.end <= twin.end
        overlaps = twin.start <= meeting.start <= twin.end
        if not inside and (meeting.group is not None or not overlaps):
            said = N_(
                "the letter gives {first}..{last} and {start}..{end}: the wider span is taken"
            )
            twin.notes.append(note(said, first=twin.start, last=twin.end, start=meeting.start,
                                   end=meeting.end))  # fmt: skip
            twin.start, twin.end = min(twin.start, meeting.start), max(twin.end, meeting.end)
        twin.mentions += (meeting.pos, *meeting.mentions)
    return kept


def _same(a: Meeting, b: Meeting) -> bool:
    if b.group is None:
        held = a.group is None and a.start <= b.start and b.end <= a.end
        return held or (a.start, a.end) == (b.start, b.end)
    day = timedelta(days=1)
    return a.group == b.group and a.start - day <= b.end and b.start - day <= a.end


def without_umbrellas(meetings: list[Meeting]) -> list[Meeting]:
    """Without a span that only sums up others: one that holds two or more other meetings,
    one of them of its own group ("Working Parties 5A, 5B and 5C, 6-17 July" over the rows
    "WP 5A 6-16 July", ...; a subject's "13-16 March" over a seminar on 13-14 and the
    group's meeting on 15-16), or one of a group that has a row of its own elsewhere ("WPs
    9A-9D, together with SG 9, 22-30 November" over the WPs' rows, when SG 9's own row says
    1-2 December: the row is kept, the summing-up span noted); a span of no group that holds
    two groups' meetings ("the Council Working Groups, 12-15 June") is one too, and so is
    one made of the meetings inside it ("Green Standards Week, 5-9 September" over its
    workshops of 5, 6-8 and 8-9 September)."""

    def inside(m: Meeting, n: Meeting) -> bool:
        one_of_its_days = n.group == m.group and n.start == n.end
        span = (n.start, n.end) != (m.start, m.end) and m.start <= n.start and n.end <= m.end
        return span and not one_of_its_days  # a day of its own group is a day of it

    def umbrella(m: Meeting) -> bool:
        held = {(n.start, n.end) for n in meetings if inside(m, n)}
        own = [n for n in meetings if n.group == m.group and (n.start, n.end) != (m.start, m.end)
               and not (n.start == n.end and m.start <= n.start <= m.end)]  # fmt: skip
        grouped = {(n.start, n.end) for n in meetings if inside(m, n) and n.group is not None}
        if m.group is None:  # "the Council Working Groups, 12-15 June" over each group's days
            return len(grouped) >= 2 or _made_of(m, meetings)
        return len(held) >= 2 and (any(inside(m, n) for n in own) or bool(own))

    kept = [m for m in meetings if not umbrella(m)]
    for m in meetings:
        if m not in kept and not any(inside(m, k) for k in kept if k.group == m.group):
            for n in (k for k in kept if k.group == m.group and m.group is not None):
                said = N_("the letter also gives {start}..{end} for the meetings together; "
                          "{own_start}..{own_end} is this group's own")  # fmt: skip
                n.notes.append(note(said, start=m.start, end=m.end, own_start=n.start,
                                    own_end=n.end))  # fmt: skip
    return kept


def _made_of(m: Meeting, meetings: list[Meeting]) -> bool:
    """Whether two or more other meetings lie inside a span and fill its first and last day."""
    parts = [n for n in meetings if (n.start, n.end) != (m.start, m.end)
             and m.start <= n.start and n.end <= m.end]  # fmt: skip
    spans = {(n.start, n.end) for n in parts}
    return len(spans) >= 2 and min(spans)[0] == m.start and max(e for _, e in spans) == m.end


# Hours of a session: "10h00 - 13h00", "14:30-17:30"
_HOURS = re.compile(
    r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])\s*[h:.]\s*(?P<m>[0-5]\d)\s*[-\u2013]\s*"
    r"(?:[01]?\d|2[0-3])\s*[h:.]\s*[0-5]\d(?!\d)"
)
_SESSION = re.compile(r"^[ \t]*(?P<label>(?-i:[A-Z])[^:\n]{2,60}:[^.\n]{0,60})", re.MULTILINE)
# A programme's parts are sessions of one meeting, not meetings ("Session 1: 10:00-12:30")
_PART = re.compile(
    r"(?:session|opening|closing|registration|lunch|coffee|break|keynote|panel|welcome|"
    r"séance|ouverture|clôture|sesión|apertura|clausura)\b",
    re.IGNORECASE,
)
# What says the letter convenes several meetings on that day ("The meetings take place ...")
_MEETINGS = re.compile(r"\b(?:meetings|consultations|réunions|reuniones|consultas)\b", re.I)
SESSIONS_REACH = 1500  # characters after a day where its sessions can be listed


def in_sessions(text: str, meetings: list[Meeting], dates: list[Found]) -> list[Meeting]:
    """A day's meeting held as sessions the letter lists on lines of their own, each with a
    label and its own hours ("Action line C4: Capacity building ... 10h00 - 13h00", "Action
    line C6: ... 15h00 - 18h00"), after saying that meetings are held, is one meeting a
    session, opening at its hours; a programme's parts ("Session 1: 10:00-12:30") are not."""
    result: list[Meeting] = []
    for meeting in meetings:
        said = max((meeting.pos, *meeting.mentions))
        day = (meeting.start.month, meeting.start.day)
        after = [d.pos for d in dates if d.pos > said and (d.start[1:], d.end[1:]) != (day, day)]
        until = min([*after, said + SESSIONS_REACH])
        found = _sessions(text, said, until) if meeting.start == meeting.end else []
        result += [replace(meeting, title=label, opening=opening, notes=list(meeting.notes),
                           deadlines=[]) for label, opening in found] or [meeting]  # fmt: skip
    return result


def _sessions(text: str, start: int, until: int) -> list[tuple[str, dt_time]]:
    found: list[tuple[str, dt_time]] = []
    previous = start
    for hours in _HOURS.finditer(text, start, until):
        labels = list(_SESSION.finditer(text, previous, hours.start()))
        if not labels or _PART.match(labels[-1]["label"]):
            return []  # hours of no session of its own ("from 09:30 to 12:30 and 14:30")
        if not found and not _MEETINGS.search(text, start, labels[-1].start()):
            return []  # a programme of one meeting, not meetings the letter lists
        found.append((clean(labels[-1]["label"]), dt_time(int(hours["h"]), int(hours["m"]))))
        previous = hours.end()
    return found if len(found) >= 2 else []


def in_events(text: str, meetings: list[Meeting]) -> list[Meeting]:
    """A meeting of no group whose days the letter gives two events named together ("Arab
    States Preparatory Meeting for WTSA-12 and Preparatory Meeting for WCIT-12, Cairo, 28
    April-1 May 2012") is one meeting each, over the same days; an event that names a group
    is that group's meeting, read as such."""
    result: list[Meeting] = []
    for meeting in meetings:
        names: list[str] = []
        if meeting.group is None:
            for pos in sorted((meeting.pos, *meeting.mentions)):
                names = [n for n in events_named(text, pos) if not find_groups(n)]
                if len(names) >= 2:
                    break
        result += [replace(meeting, title=name, notes=list(meeting.notes), deadlines=[])
                   for name in names if len(names) >= 2] or [meeting]  # fmt: skip
    return result
