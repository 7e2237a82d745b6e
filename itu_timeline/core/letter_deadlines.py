"""The deadlines a letter dates.

A day is a deadline when it stands in the letter's key-deadlines table, or beside words of
deadlines ("contributions", "registration", "no later than", "date limite", "plazo"). It
belongs to the meeting whose table row it ends ("WP 5A 3-14 May 2021 26 April 2021"), else to
every meeting it comes before. A row that dates several things ("- Fellowship requests
- Interpretation requests") gives one deadline each. The time printed beside it, with its
zone, is kept; a time with no zone named is Geneva time."""

import re
from datetime import date, time

from itu_timeline.core.letter_dates import Clock, Found, find_times, resolve
from itu_timeline.core.letter_deadline_names import (
    DEADLINE_CUE,
    DEADLINE_WORDS,
    HEADER,
    NAME_WORDS,
    TIME_BEFORE,
    WEEKDAYS,
    deadline_names,
    is_deadline_name,
)
from itu_timeline.core.letter_model import LetterDeadline, Meeting

_I = re.IGNORECASE
KEY_DEADLINES = re.compile(
    r"key\s+deadlines|principales\s+échéances|dates\s+limites|plazos\s+(?:clave|importantes)|"
    r"fechas\s+l[ií]mite|important\s+deadlines",
    _I,
)
KEY_REACH = 1500  # how far after its heading a key-deadlines table can run, in characters
ROW_GAP = 40  # at most this much text between a meeting's span and the deadline of its row
_AT = re.compile(r"[\s(,;:]*(?:at|à|a\s+las|by)?\s*", _I)  # "26 April 2021 (at 1600 hours"
_ON = re.compile(r"[\s,)]*(?:on|le|el|del?)?\s*", _I)  # "1600 hours UTC on 26 April"
# "by 23:59 UTC, Friday 25 Feb": a weekday between, when a cue says the time is a limit (a
# row's "1600 hours UTC Thursday 6 June" gives the deadline's time, not the meeting's day's)
_BY_ON_WEEKDAY = re.compile(rf"[\s,)]*(?:on\s+)?(?:{WEEKDAYS})\s*,?\s*", _I)
_BY = re.compile(r"\b(?:by|before|until|later\s+than)\s*$", _I)


def attach_deadlines(
    text: str, dates: list[Found], meetings: list[Meeting], letter_date: date | None, near: date
) -> None:
    """Give each meeting the deadlines the letter dates for it."""
    clocks = find_times(text)
    key = KEY_DEADLINES.search(text)
    at = {p: [n for n in meetings if p in (n.pos, *n.mentions)]
          for m in meetings for p in (m.pos, *m.mentions)}  # fmt: skip
    first_start = min(m.start for m in meetings)
    # A letter's key deadlines are its groups' (a workshop the day before has none of them).
    common = [m for m in meetings if m.group is not None] or meetings
    owners: dict[int, list[Meeting]] = {}  # a date's position -> the meetings of its row
    for i, found in enumerate(dates):
        if found.is_span or found.pos in at:
            continue
        previous = dates[i - 1] if i else None
        gap = text[previous.endpos : found.pos] if previous else ""
        row = None
        heads = _heads_row(text, found)  # dates what is due for the meetings after it
        if previous and len(_without_times(gap)) <= ROW_GAP and _in_row(gap) and not heads:
            row = at.get(previous.pos) or owners.get(previous.pos)
        day = resolve(found.start, near)
        in_table = bool(key and key.start() < found.pos <= key.end() + KEY_REACH)
        after = text[found.endpos : dates[i + 1].pos if i + 1 < len(dates) else len(text)]
        if row is None and not in_table and not _tied(gap, after) and not heads:
            continue
        if (letter_date and day < letter_date) or (
            row is None and day >= first_start and not heads
        ):
            continue  # before the letter, or a day of the letter's meetings themselves
        if row is not None:
            owners[found.pos] = row
        clock = (
            _clock_of(found, clocks, text)
            or (_header_clock(text, found, clocks) if row else None)
            or (None if row else _item_clock(found, clocks, text))
        )
        if row is not None and clock is not None and day == row[0].start:
            _row_opening(row, clock)  # "Monday 6 July 2015 at 1100 hours" in the row
            continue
        names = deadline_names(text, found, gap, after, row is not None, in_table)
        if not names:
            continue  # nothing the letter says is due that day
        targets = row if row is not None else common
        for meeting in targets:
            if day < meeting.start:
                meeting.deadlines += [_deadline(n, day, clock) for n in names]
    for meeting in meetings:
        meeting.deadlines = _distinct(meeting.deadlines)


_ITEM_LEAD = re.compile(r"\s*(?:\([^)]*\))?\s*[-:/\u2013]\s*")


def _tied(gap: str, after: str) -> bool:
    """A day outside the tables is a deadline only when the words right before it say so
    ("by", "no later than", "deadline", "jusqu'au"; a time between them is passed over), or
    the item right after it is something due ("15 May - contributions")."""
    before = TIME_BEFORE.sub("", gap[-120:])
    if DEADLINE_CUE.search(before):
        return True
    lead = _ITEM_LEAD.match(after)
    return lead is not None and bool(NAME_WORDS.search(after[lead.end() : lead.end() + 80]))


def _heads_row(text: str, found: Found) -> bool:
    """A day that opens its line, followed there by what is due ("21 January 2013 Deadline
    for Submission of the Official Contributions"), in a list of dates and what they date."""
    opens = found.pos == 0 or text[found.pos - 1] == "\n"
    line = text[found.endpos :].split("\n", 1)[0]
    return opens and re.match(r"\s+[A-Z]", line) is not None and is_deadline_name(line.strip())


def _in_row(gap: str) -> bool:
    """Whether the text between a meeting's days and a date keeps them in one table row: no
    words of deadlines, or only a row's own label of them ("WP 5D 17-28 May 2027 Deadline for
    contributions: 10 May 2027"), with no sentence or line ended between."""
    return not DEADLINE_WORDS.search(gap) or not re.search(r"[.;]\s|\n", gap)


def _without_times(gap: str) -> str:
    return re.sub(r"[\d:.()\s/,-]|hours|hrs|heures|horas|UTC|CET|Geneva|time", "", gap)


def _deadline(name: str, day: date, clock: Clock | None) -> LetterDeadline:
    if clock is None:
        return LetterDeadline(name, day)
    return LetterDeadline(name, day, time(clock.hour, clock.minute), clock.zone)


def _clock_of(found: Found, clocks: list[Clock], text: str) -> Clock | None:
    """The time printed right after the day ("26 April 2021 (1600 hours UTC)") or right
    before it ("by 1600 hours UTC on 26 April 2021")."""
    for clock in clocks:
        between_after = text[found.endpos : clock.pos]
        between_before = text[clock.endpos : found.pos]
        if clock.pos >= found.endpos and _AT.fullmatch(between_after):
            return clock
        if clock.endpos <= found.pos and (
            _ON.fullmatch(between_before)
            or (_BY_ON_WEEKDAY.fullmatch(between_before) and _BY.search(text, 0, clock.pos))
        ):
            return clock
    return None


_BY_CLOCK = re.compile(r"(?:\(|\b)(?:by|at|before|until|avant|à|antes\s+de|a\s+las)\s*$", _I)


def _item_clock(found: Found, clocks: list[Clock], text: str) -> Clock | None:
    """The time the item after a day, on its line, gives as the limit ("31 March 2027 Submit
    contributions (by 23:59 UTC)")."""
    line_end = text.find("\n", found.endpos)
    line_end = len(text) if line_end < 0 else line_end
    return next((c for c in clocks if found.endpos < c.pos < line_end
                 and _BY_CLOCK.search(text, max(0, c.pos - 12), c.pos)), None)  # fmt: skip


def _header_clock(text: str, found: Found, clocks: list[Clock]) -> Clock | None:
    """The time a table's heading gives its deadline column ("Deadline for contributions
    1600 hours UTC")."""
    headers = list(HEADER.finditer(text, 0, found.pos))
    if not headers:
        return None
    end = headers[-1].end()
    return next((c for c in clocks if end <= c.pos <= end + 40), None)


def _row_opening(row: list[Meeting], clock: Clock) -> None:
    for meeting in row:
        if meeting.opening is None:
            meeting.opening = time(clock.hour, clock.minute)


def _distinct(deadlines: list[LetterDeadline]) -> list[LetterDeadline]:
    """Each (name, due) once; a day given without a time where the letter also gives that day
    with a time is the same deadline."""
    timed = {(d.name, d.day) for d in deadlines if d.time is not None}
    seen: dict[tuple[str, str], LetterDeadline] = {}
    for d in deadlines:
        if d.time is None and (d.name, d.day) in timed:
            continue
        seen.setdefault((d.name.casefold(), d.due), d)
    return sorted(seen.values(), key=lambda d: (d.due, d.name))
