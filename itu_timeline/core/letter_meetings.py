"""The meetings a letter announces, before they are merged: a span of days after the letter's
date, or a day that a workshop or a group's meeting is said to be held on, of the groups named
just before it in its sentence (or just after it: "On 11 May, the Correspondence Groups on ...
(CGSP) and on ... (CGRP) will meet"), else of the letter's group."""

import re
from dataclasses import replace
from datetime import date

from itu_timeline.core.letter_convened import (
    GROUP_FIRST,
    find_subject,
    invited_apart,
    mentioned_only,
    opening_day,
    ours,
    subject_days,
)
from itu_timeline.core.letter_dates import Found, resolve
from itu_timeline.core.letter_deadline_names import DEADLINE_CUE, DEADLINE_WORDS
from itu_timeline.core.letter_groups import GroupMention
from itu_timeline.core.letter_head import SUBJECT
from itu_timeline.core.letter_model import Meeting
from itu_timeline.core.letter_titles import EVENT_WORDS, clean, event_title, subject_items

_I = re.IGNORECASE
MEETING_WORDS = re.compile(
    r"workshop|forum|symposium|seminar|atelier|séminaire|taller|seminario|colloque|"
    r"meeting|réunion|reunión|session|held|meets?\b|se\s+reuni|will\s+take\s+place",
    _I,
)
LONGEST_MEETING = 40  # days: a longer span is no meeting (a period of consultation)
_COMMA = re.compile(r"\s*(?:\([^)]*\))?\s*,\s*")  # "A (...), B (...) and C"
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])|\n[ \t]*\n(?=[ \t]*[A-Z])")  # or a paragraph
_AND = re.compile(
    r"\s*(?:\([^)]*\))?\s*,?\s*(?:and|et|y)\s+(?:(?:the\s+)?[\w-]+\s+meeting\s+of\s+)?"
    r"(?:the|la|le|el)?\s*",
    _I,
)
# What says a sentence's days are another meeting's, held alongside the one the letter convenes
_BESIDE = re.compile(
    r"rapporteur|\bjoint\b|together\s+with|in\s+conjunction|alongside|back-to-back|"
    r"co-?located|collocated|en\s+marge|conjointement|paralel|junto\s+con",
    _I,
)
# A group that names an event ("the Sixth SG13 Regional Workshop for Africa") does not meet
_NAMES_EVENT = re.compile(rf"\s+(?:(?-i:[A-Z])[\w-]*\s+){{0,3}}(?:{EVENT_WORDS.pattern})", _I)
# "On 11 May 2027, ... will meet", "The day before, 10 December 2013, ... meet"
_OPENS = re.compile(
    r"[\s-]*(?:On|Le|El|(?:the\s+|on\s+the\s+)?(?:day|morning|evening)\s+(?:before|after)|"
    r"(?:the\s+|on\s+the\s+)?(?:previous|following|next)\s+day|la\s+veille|el\s+d[ií]a\s+anterior)?"
    r"[\s,]*",
    _I,
)
_WILL_MEET = re.compile(
    r"will\s+(?:meet|be\s+held|take\s+place|convene)|\bmeets?\b|se\s+réuniront|se\s+réunira|"
    r"se\s+reunir[áa]n?|tendr[áa]n?\s+lugar|auront?\s+lieu",
    _I,
)
_PRIOR = re.compile(
    r"(?:prior\s+to|before|after|(?<!the\s)following|during|avant|après|pendant|antes\s+de|después\s+de|"
    r"durante|on\s+the\s+occasion\s+of|in\s+conjunction\s+with|on\s+the\s+margins?\s+of|"
    r"alongside|à\s+l'occasion\s+d[eu]|en\s+marge\s+d[eu]|con\s+ocasión\s+del?|paralelamente\s+a)"
    r"\s+(?:the\s+|la\s+|le\s+|el\s+|l')?(?:[\w-]+\s+)?$"
    r"|(?:chair\w*|président\w*|president\w*|rapporteur\w*|convener)\s+(?:of|du|de)\s+(?:the\s+|la\s+)?$"
    r"|\bgroup(?:e|o)?s\s+(?:de\s+\w+\s+|por\s+\w+\s+)?(?:of\s+the|du|del|de\s+la)\s+$",
    _I,
)  # a group named as a point in time, in a person's title ("Vice-Chairman of TDAG"), or as
#    the parent of the groups that meet ("Groupes de correspondance du GCDT"), or as the
#    occasion of another event ("On the occasion of the RPM-ARB, ITU organizes a Forum")


def find_meetings(
    text: str, dates: list[Found], groups: list[GroupMention], base: Meeting, near: date
) -> list[Meeting]:
    """A meeting for each span of days after the letter's date (and each day a meeting is
    said to be held on), of the groups its sentence names, else of the letter's group. A day
    inside another meeting's span is a meeting of its own only when its sentence gives it a
    group or calls it a workshop, a forum..."""
    letter_date = base.letter_date
    default = _main_group(text, groups)
    found: list[Meeting] = []
    spans = [(resolve(d.start, near), resolve(d.end, near)) for d in dates if d.is_span]
    subject_block = find_subject(text)
    subject = subject_days(text, subject_block, dates, near, letter_date)
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
        in_subject = subject_block[0] <= found_date.pos < subject_block[1]
        if mentioned_only(window, after, in_subject) or (
            not in_subject and invited_apart(text, found_date.endpos)
        ):
            continue  # a past meeting, a cited one, the day an e-mail was sent, one invited apart
        item = _row_item(text, found_date)
        if item is not None:  # "16 November 2012 First Physical Meeting": its row says
            if _row_meeting(item):
                title = clean(re.split(r"[(\[]", item)[0])  # not "(3 months prior to ...)"
                found.append(replace(base, title=title, start=start, end=end,
                                     pos=found_date.pos, deadlines=[], notes=[]))  # fmt: skip
            continue
        sentences = list(_SENTENCE_END.finditer(window))
        window = window[sentences[-1].end() :] if sentences else window
        named = [g for g in groups if found_date.pos - len(window) <= g.pos < found_date.pos
                 and not _PRIOR.search(text, max(0, g.pos - 40), g.pos)
                 and not _NAMES_EVENT.match(text, g.endpos)]  # fmt: skip
        said_after = not named and _OPENS.fullmatch(window) is not None
        if said_after:
            named = _named_after(text, found_date.endpos, groups)
        event_after = EVENT_WORDS.search(after) and not DEADLINE_WORDS.search(after)
        event = bool(event_after or EVENT_WORDS.search(window[-120:]))
        labelled = bool(named) and _row_label(text, named[-1], found_date.pos)
        if not (found_date.is_span or labelled) and not _own_day(
            window, named, event, said_after, any(a <= start <= b for a, b in spans)
        ):
            continue
        workshop = event and not named and not GROUP_FIRST.search(window[-240:])
        if not named and not workshop and not ours(window, start, end, subject):
            continue  # another body's meeting, or days outside the subject's
        chosen: tuple[str | None, ...] = _listed(named, text) if named else (
            (None,) if workshop else (default,))  # fmt: skip
        words = named[-1].name if named and not chosen else ""
        for group in chosen or (None,):
            told = [window, text[found_date.endpos : found_date.endpos + 240]]
            title = words or _title(base.body, group, told, text)
            found.append(replace(base, group=group, title=title, start=start, end=end,
                                 pos=found_date.pos, deadlines=[], notes=[],
                                 assumed=not named and not workshop,
                                 beside=bool(_BESIDE.search(window))))  # fmt: skip
    return found


def _row_item(text: str, found: Found) -> str | None:
    """What a single day that opens its line, in a list of dates and what happens on them,
    dates: the rest of its line ("16 November 2012 First Physical Meeting")."""
    opens = found.pos == 0 or text[found.pos - 1] == "\n"
    if found.is_span or not opens:
        return None
    line = text[found.endpos :].split("\n", 1)[0]
    return line if re.match(r"\s+[A-Z]", line) else None


def _row_label(text: str, group: GroupMention, pos: int) -> bool:
    """Whether a day is a table row's meeting day: its group's name alone in the cell before
    it ("Study Group 6\n26 April 2013\nFriday, 19 April 2013\n26 April at 0930 hours")."""
    line = text.rfind("\n", 0, group.pos) + 1
    alone = re.fullmatch(r"[ \t|]*", text[line : group.pos]) is not None
    return alone and re.fullmatch(r"[ \t]*[\n|][\s|]*", text[group.endpos : pos]) is not None


def _row_meeting(item: str) -> bool:
    """Whether a row's item names a meeting ("First Physical Meeting"), not a deadline or a
    thing about one ("Final Brief on the WSIS Forum 2013")."""
    word = MEETING_WORDS.search(item)
    about = word and re.search(r"\b(?:on|of|for|to|about|sur|sobre)\b", item[: word.start()], _I)
    return bool(word) and not about and not DEADLINE_WORDS.search(item)


def _own_day(
    window: str, named: list[GroupMention], event: bool, said_after: bool, inside: bool
) -> bool:
    """Whether a single day is a meeting of its own: one its sentence says is held (a group's
    or a workshop's), and, inside another meeting's span, one of a group or an event."""
    if DEADLINE_CUE.search(window) and not (said_after and named):
        return False  # "registration closes on 3 May", not "The day before, 10 May, X meets"
    if inside and opening_day(window):
        return False  # "The Seminar opens at 0930 hours on Monday 8 April": a first day's hour
    held = (said_after and bool(named)) or event or _single_day_meeting(window, bool(named))
    return held and (not inside or bool(named) or event)


def _named_after(text: str, pos: int, groups: list[GroupMention]) -> list[GroupMention]:
    """The groups that a sentence opening with a day says will meet on it, leaving out those
    it names as a point in time ("prior to the TDAG meeting", as groups named before a day
    are left out when they are "during TDAG")."""
    stop = _SENTENCE_END.search(text, pos)
    sentence_end = stop.start() if stop else min(len(text), pos + 400)
    verb = _WILL_MEET.search(text, pos, sentence_end)
    if verb is None:
        return []
    return [g for g in groups if pos <= g.pos < verb.start()
            and not _PRIOR.search(text, max(0, g.pos - 40), g.pos)]  # fmt: skip


def _listed(named: list[GroupMention], text: str) -> tuple[str | None, ...]:
    """The groups of the last mention, and of those joined to it by 'and' ("the Working
    Group on Private Sector Issues (WGPS) and the Working Group on ..."), and by commas
    before that 'and' ("WP1/13 (...), WP2/13 (...) and WP3/13 (...)")."""
    chosen = [named[-1]]
    for mention in reversed(named[:-1]):
        listed = len(chosen) > 1 and _COMMA.fullmatch(text, mention.endpos, chosen[0].pos)
        if not (listed or _AND.fullmatch(text, mention.endpos, chosen[0].pos)):
            break
        chosen.insert(0, mention)
    return tuple(dict.fromkeys(g for m in chosen for g in m.groups))


def _main_group(text: str, groups: list[GroupMention]) -> str | None:
    subject = SUBJECT.search(text)
    after = subject.end() if subject else 0
    named = [g for g in groups if g.groups]
    first = next((g for g in named if g.pos >= after), named[0] if named else None)
    return first.groups[0] if first else None


def _single_day_meeting(window: str, named: bool) -> bool:
    """A day that a meeting is held on: said so in its sentence, or a group's day ("(WGHRD)
    on 27 January")."""
    held = MEETING_WORDS.search(window) or (named and re.search(r"\b(?:on|le|el)\s*$", window))
    return bool(held) and not DEADLINE_WORDS.search(window[-160:])


def _title(body: str, group: str | None, phrases: list[str], text: str) -> str:
    """A group's meeting is titled by its group; a meeting of no group by the name its
    sentence gives it, as the subject writes that name when the subject names one event of
    that kind ("ITU Workshop on Performance, QoS and QoE ..."), else by the subject."""
    if group is not None:
        return f"{body} {group} meeting"
    named = event_title(phrases)
    items = subject_items(text)
    word = EVENT_WORDS.search(named or "")
    same = [i for i in items if word and re.search(rf"\b{word[0]}", i, _I)]
    in_subject = event_title(same) if len(same) == 1 else None
    return in_subject or named or next(iter(items), "") or "Meeting"
