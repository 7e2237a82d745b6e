"""An ITU letter's text into the meetings it announces, each with its official deadlines.

Nothing is made up: a date, a time or a place the letter does not print stays empty and is
named in `not_stated`. A meeting is a span of days (or a day that a workshop or meeting is
said to be held on) after the letter's date; its group is the one named just before it (or
the letter's group); its deadlines are the days the letter dates before it: those in its own
row of a table, or, in a table of key deadlines common to the letter, every meeting's."""

import re
from dataclasses import replace
from datetime import date, timedelta

from itu_timeline.base.errors import UsageError
from itu_timeline.core.letter_dates import Found, find_dates, resolve
from itu_timeline.core.letter_deadlines import DEADLINE_WORDS, attach_deadlines, attach_opening
from itu_timeline.core.letter_groups import GroupMention, find_groups
from itu_timeline.core.letter_head import bureau_body, find_reference, normalize, sector_body
from itu_timeline.core.letter_model import Meeting
from itu_timeline.core.letter_places import Places

_I = re.IGNORECASE
MEETING_WORDS = re.compile(
    r"workshop|forum|symposium|seminar|atelier|séminaire|taller|seminario|colloque|"
    r"meeting|réunion|reunión|session|held|meets?\b|se\s+reuni|will\s+take\s+place",
    _I,
)
EVENT_WORDS = re.compile(
    r"workshop|forum|symposium|seminar|atelier|séminaire|taller|seminario|colloque", _I
)
LONGEST_MEETING = 40  # days: a longer span is no meeting (a period of consultation)


class NotALetter(UsageError):
    """The text is no ITU letter announcing a meeting."""


def read_letter(raw: str, origin: str, today: date) -> list[Meeting]:
    """The meetings announced in a letter's text, in the order of their first days. A year
    the letter leaves out is taken near its date (else its first full date, else `today`).
    A text without reference (one that starts at 'Subject:') is a letter when it names a
    group and a sector."""
    text = normalize(raw)
    reference = find_reference(text)
    groups = find_groups(text)
    body = reference.body if reference else (bureau_body(text) or sector_body(text))
    if body is None or (reference is None and not groups):
        raise NotALetter(f"{origin}: not an ITU letter (no TSB, BR, BDT or DM reference found)")
    dates = find_dates(text)
    letter_date = _letter_date(text, reference.endpos if reference else -99, dates)
    dated = (resolve(d.start, today) for d in dates if d.start[0])
    near = letter_date or next(dated, today)
    printed, key = (reference.text, reference.key) if reference else (None, None)
    base = Meeting(printed, letter_date, body, None, "", date.min, date.min, key=key)
    found = merged(_without_umbrellas(_meetings(text, dates, groups, base, near)))
    if not found:
        raise NotALetter(f"{origin}: {printed or 'the letter'} announces no meeting with dates")
    places = Places(text, [d for d in dates if not d.is_span])
    for meeting in found:
        places.settle(meeting)
    attach_deadlines(text, dates, found, letter_date, near)
    attach_opening(text, found)
    return sorted(found, key=lambda m: (m.start, m.group or ""))


def _letter_date(text: str, after: int, dates: list[Found]) -> date | None:
    """The date beside 'Geneva,' in the head, or the date right after the reference."""
    head = re.search(r"(?:Geneva|Genève|Ginebra)\s*,\s*(?:le\s+)?", text[:3000], _I)
    for found in dates:
        if found.is_span or found.start[0] is None:
            continue
        right_after = after >= 0 and _DATED.fullmatch(text, after, found.pos)
        if (head and found.pos == head.end()) or right_after:
            return resolve(found.start, date(2000, 1, 1))
    dated = re.search(r"\b(?:Date|Fecha)\s*:\s*", text, _I)
    hit = next((f for f in dates if dated and f.pos == dated.end()), None)
    if hit is None:  # else the first full day above the subject, alone on its line
        subject = re.search(r"Subje[ct]t?\s*:|Objet\s*:|Asunto\s*:", text, _I)
        above = subject.start() if subject else 0
        hit = next((f for f in dates if f.pos < above and not f.is_span
                    and text[f.endpos : f.endpos + 1] in ("\n", "")
                    and text[max(0, f.pos - 1) : f.pos] in ("\n", "")), None)  # fmt: skip
    return resolve(hit.start, date(2000, 1, 1)) if hit and hit.start[0] else None


_DATED = re.compile(r"\W{0,4}(?:le|el|of|dated?)?\W{0,3}", _I)  # "CACE/560\nLe 20 février"


def _meetings(
    text: str, dates: list[Found], groups: list[GroupMention], base: Meeting, near: date
) -> list[Meeting]:
    """A meeting for each span of days after the letter's date (and each day a meeting is
    said to be held on), of the group named just before it, else of the letter's group."""
    letter_date = base.letter_date
    default = _main_group(text, groups)
    found: list[Meeting] = []
    spans = [(resolve(d.start, near), resolve(d.end, near)) for d in dates if d.is_span]
    previous_end = 0
    for found_date in dates:
        window = text[previous_end : found_date.pos]
        previous_end = found_date.endpos
        start, end = resolve(found_date.start, near), resolve(found_date.end, near)
        past = letter_date is not None and (
            start < letter_date or (start == letter_date and not found_date.is_span)
        )  # a day before the letter, or the letter's own date
        if end < start or past or (end - start).days > LONGEST_MEETING:
            continue
        after = text[found_date.endpos : found_date.endpos + 60]
        # The groups named before it in its own sentence (or row, or subject).
        sentences = list(_SENTENCE_END.finditer(window))
        window = window[sentences[-1].end() :] if sentences else window
        named = [g for g in groups if found_date.pos - len(window) <= g.pos < found_date.pos]
        event_after = EVENT_WORDS.search(after) and not DEADLINE_WORDS.search(after)
        if not found_date.is_span and (
            any(a <= start <= b for a, b in spans)  # a day of a meeting, not one of its own
            or not (event_after or _single_day_meeting(window, bool(named)))
        ):
            continue
        workshop = (EVENT_WORDS.search(window) or event_after) and not named
        chosen: tuple[str | None, ...] = _listed(named, text) if named else (
            (None,) if workshop else (default,))  # fmt: skip
        for group in chosen:
            title = _title(base.body, group, (after if event_after else window) if workshop else "")
            found.append(replace(base, group=group, title=title, start=start, end=end,
                                 pos=found_date.pos, deadlines=[], notes=[]))  # fmt: skip
    return found


_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])")
_AND = re.compile(
    r"\s*(?:\([^)]*\))?\s*,?\s*(?:and|et|y)\s+(?:(?:the\s+)?[\w-]+\s+meeting\s+of\s+)?"
    r"(?:the|la|le|el)?\s*",
    _I,
)


def _listed(named: list[GroupMention], text: str) -> tuple[str | None, ...]:
    """The groups of the last mention, and of those joined to it by 'and' ("the Working
    Group on Private Sector Issues (WGPS) and the Working Group on ...")."""
    chosen = [named[-1]]
    for mention in reversed(named[:-1]):
        if not _AND.fullmatch(text, mention.endpos, chosen[0].pos):
            break
        chosen.insert(0, mention)
    return tuple(dict.fromkeys(g for m in chosen for g in m.groups))


def _main_group(text: str, groups: list[GroupMention]) -> str | None:
    subject = re.search(r"Subje[ct]t?\s*:|Objet\s*:|Asunto\s*:", text, _I)
    after = subject.end() if subject else 0
    first = next((g for g in groups if g.pos >= after), groups[0] if groups else None)
    return first.groups[0] if first else None


def _single_day_meeting(window: str, named: bool) -> bool:
    """A day that a meeting is held on: said so, or a group's day ("(WGHRD) on 27 January")."""
    tail = window[-160:]
    held = MEETING_WORDS.search(tail) or (named and re.search(r"\b(?:on|le|el)\s*$", tail))
    return bool(held) and not DEADLINE_WORDS.search(tail)


def _title(body: str, group: str | None, window: str) -> str:
    if group is None:
        m = EVENT_WORDS.search(window)
        phrase = window[m.start() :] if m else "Meeting"
        words = " ".join(re.split(r"[.;(]| will |, (?:el|le|the|on)\b", phrase)[0].split())
        return words[:90].rstrip(" ,") or "Meeting"
    return f"{body} {group} meeting"


def _without_umbrellas(meetings: list[Meeting]) -> list[Meeting]:
    """Without a span that only sums up others: one that holds two or more other meetings,
    one of them of its own group ("Working Parties 5A, 5B and 5C, 6-17 July" over the rows
    "WP 5A 6-16 July", ...; a subject's "13-16 March" over a seminar on 13-14 and the
    group's meeting on 15-16)."""

    def inside(m: Meeting, n: Meeting) -> bool:
        return (n.start, n.end) != (m.start, m.end) and m.start <= n.start and n.end <= m.end

    def umbrella(m: Meeting) -> bool:
        held = {(n.start, n.end) for n in meetings if inside(m, n)}
        return len(held) >= 2 and any(n.group == m.group and inside(m, n) for n in meetings)

    return [m for m in meetings if not umbrella(m)]


def merged(meetings: list[Meeting]) -> list[Meeting]:
    """One meeting for each group: the same meeting named twice (subject and body) is one,
    and where the letter gives a group two spans that overlap or touch, the wider span is
    taken and the contradiction noted. A meeting of no group on the days of a group's
    meeting is that meeting."""
    kept: list[Meeting] = []
    for meeting in sorted(meetings, key=lambda m: (m.group is None, m.pos)):
        twin = next((k for k in kept if _same(k, meeting)), None)
        if twin is None:
            kept.append(meeting)
            continue
        if (twin.start, twin.end) != (meeting.start, meeting.end):
            twin.notes.append(
                f"the letter gives {twin.start}..{twin.end} and "
                f"{meeting.start}..{meeting.end}: the wider span is taken"
            )
            twin.start, twin.end = min(twin.start, meeting.start), max(twin.end, meeting.end)
        twin.mentions += (meeting.pos, *meeting.mentions)
    return kept


def _same(a: Meeting, b: Meeting) -> bool:
    if b.group is None:
        return (a.start, a.end) == (b.start, b.end)
    day = timedelta(days=1)
    return a.group == b.group and a.start - day <= b.end and b.start - day <= a.end
