"""The time a letter says each meeting opens: a time printed after a word of opening (not one
of registration), right after the meeting's day ("held on 10 May 2017 at 9.30 a.m."), or in
a sentence that names the group ("TDAG-WG-Prep opens at 09:30 and TDAG-CG-SOP at 14:30")."""

import itertools
import re
from dataclasses import replace
from datetime import time

from itu_timeline.core.letter_dates import Clock, find_dates, find_times
from itu_timeline.core.letter_groups import GroupMention
from itu_timeline.core.letter_model import Meeting

_I = re.IGNORECASE
OPEN_WORDS = re.compile(
    r"open|ouvr|ouvert|inaugur|apertura|commence|débute|comenz|empez|abrir|abrirá|start|открыт|"
    r"开幕|افتتاح",
    _I,
)
NOT_OPENING = re.compile(
    r"registration|inscription|inscripci|registro|badge|регистрац|注册|登记|التسجيل", _I
)
_AT_CLOCK = re.compile(r"\b(?:at|à|a\s+las?|from|dès|в)\s*$", _I)  # "opens at 0930 hours"
_SENTENCE = re.compile(r"[.;!?]\s|\n\n")


def attach_opening(text: str, meetings: list[Meeting], groups: list[GroupMention]) -> None:
    """The opening time: one its group is given by name; else the first printed after the
    meeting and before the next meeting is announced; else one printed after every meeting
    (the meetings open at...), which is every meeting's."""
    clocks = _not_of_other_days(text, find_times(text), meetings)
    openings = _openings(text, clocks)
    by_group = _group_openings(text, clocks, groups)
    claimed = {c.pos for c in by_group.values()}
    openings = [(p, c) for p, c in openings if c.pos not in claimed]
    starts = sorted({m.pos for m in meetings})
    for meeting in meetings:
        after = [p for p in starts if p > meeting.pos]
        until = after[0] if after else len(text)
        at_day = [c for p in (meeting.pos, *meeting.mentions) for c in _at_its_day(text, p, clocks)]
        named = [by_group[meeting.group]] if meeting.group in by_group else []
        own = named + at_day + [c for p, c in openings if meeting.pos < p < until]
        common = [c for p, c in openings if p > starts[-1]]
        clock = own[0] if own else (common[0] if common else None)
        if clock is None or meeting.opening is not None:
            continue
        meeting.opening = time(clock.hour, clock.minute)
        if meeting.timezone is None and clock.zone and clock.zone[0] not in "+-":
            meeting.timezone = clock.zone


def _group_openings(
    text: str, clocks: list[Clock], groups: list[GroupMention]
) -> dict[str | None, Clock]:
    """The times a sentence of opening gives groups by name: each time is the group's named
    last before it in that sentence ("WG-Prep opens at 09:30 and CG-SOP at 14:30")."""
    found: dict[str | None, Clock] = {}
    for clock in clocks:
        ends = [m.end() for m in _SENTENCE.finditer(text, 0, clock.pos)]
        start = ends[-1] if ends else 0
        opening = OPEN_WORDS.search(text, start, clock.pos)
        named = [g for g in groups if start <= g.pos < clock.pos]
        if opening is None or not named or NOT_OPENING.search(text, start, clock.pos):
            continue
        if len(named[-1].groups) == 1 and _AT_CLOCK.search(text, 0, clock.pos):
            found.setdefault(named[-1].groups[0], clock)
    return found


_DAY_AT = re.compile(r"[^.;\n]{0,40}?(?:19|20)\d\d\s*,?\s*(?:at|à|a\s+las)\s*", _I)


def _at_its_day(text: str, pos: int, clocks: list[Clock]) -> list[Clock]:
    """The time printed right after a meeting's days ("held on 10 May 2017 at 9.30 a.m.")."""
    day = _DAY_AT.match(text, pos)
    return [c for c in clocks if day is not None and c.pos == day.end()]


_DAY_THEN_TIME = re.compile(r"\s*,?\s*\(?\s*(?:at|à|a\s+las)?\s*", _I)


def _not_of_other_days(text: str, clocks: list[Clock], meetings: list[Meeting]) -> list[Clock]:
    """The times that are not printed right after a day that is no meeting's first day: the
    time of "Wednesday, 6 June 2018 at 1600 hours UTC" is the deadline's, even in a table
    whose heading says "Opening session"."""
    firsts = {(m.start.month, m.start.day) for m in meetings}
    others = [d for d in find_dates(text) if not d.is_span and d.start[1:] not in firsts]
    return [
        c
        for c in clocks
        if not any(_DAY_THEN_TIME.fullmatch(text, d.endpos, c.pos) for d in others)
    ]


# "The meetings will run from 1200 to 1500 hours Geneva time": its sessions' hours, the first
# of which opens it
_HOURS = re.compile(
    r"\b(?:run|held|sit|sessions?|meet(?:s|ings?)?|work|séances?|sesiones|réunions?|"
    r"reuniones|tiendr\w*|celebrar\w*)\b[^.;\n]{0,40}?\b(?:from|de|del?)\s*$",
    _I,
)
_OPENS_AFTER = re.compile(r"\s*(?:开幕|开会)")
_UNTIL = re.compile(r"\s*(?:-|to|until|à|au|a)\s*", _I)


def _openings(text: str, clocks: list[Clock]) -> list[tuple[int, Clock]]:
    openings: list[tuple[int, Clock]] = [  # "会议将于第一天9时30分开幕": the time, then the word
        (c.pos, c)
        for c in clocks
        if _OPENS_AFTER.match(text, c.endpos)
        and not NOT_OPENING.search(text, max(0, c.pos - 30), c.pos)
    ]
    openings += [
        (first.pos, replace(first, zone=first.zone or second.zone))  # zone after the hours
        for first, second in itertools.pairwise(clocks)
        if _UNTIL.fullmatch(text, first.endpos, second.pos)
        and (hours := _HOURS.search(text, max(0, first.pos - 80), first.pos))
        and not NOT_OPENING.search(text, hours.start(), first.pos)
    ]
    for m in OPEN_WORDS.finditer(text):
        # the clause of its word: after the sentence's start and after a time printed before
        # it ("Registration opens at 08:30 ..., and the opening session starts at 10:00")
        since = max([c.endpos for c in clocks if c.endpos <= m.start()] + [m.start() - 80, 0])
        before = re.split(r"[.;:]\s", text[since : m.start()])[-1]
        if NOT_OPENING.search(before):
            continue
        clock = next((c for c in clocks if m.end() <= c.pos <= m.end() + 60), None)
        if clock is None or not _AT_CLOCK.search(text, 0, clock.pos):
            continue  # "Opening session 1600 hours UTC": a table's headings, not an opening
        if not NOT_OPENING.search(text, m.end(), clock.pos):
            openings.append((m.start(), clock))
    return sorted(openings, key=lambda o: o[0])
