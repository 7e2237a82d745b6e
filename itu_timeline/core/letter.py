"""An ITU letter's text into the meetings it announces, each with its official deadlines.

Nothing is made up: a date, a time or a place the letter does not print stays empty and is
named in `not_stated`. A meeting is a span of days (or a day that a workshop or meeting is
said to be held on) after the letter's date; its group is the one named just before it (or
the letter's group); its deadlines are the days the letter dates before it: those in its own
row of a table, or, in a table of key deadlines common to the letter, every meeting's."""

import re
from datetime import date

from itu_timeline.base.errors import UsageError
from itu_timeline.base.i18n import _
from itu_timeline.core.letter_dates import Found, find_dates, resolve
from itu_timeline.core.letter_deadlines import attach_deadlines
from itu_timeline.core.letter_groups import find_groups
from itu_timeline.core.letter_head import (
    SUBJECT,
    find_reference,
    is_document,
    normalize,
)
from itu_timeline.core.letter_labelled import labelled_reference
from itu_timeline.core.letter_meetings import find_meetings
from itu_timeline.core.letter_merge import in_events, in_sessions, merged, without_umbrellas
from itu_timeline.core.letter_model import Meeting
from itu_timeline.core.letter_openings import attach_opening
from itu_timeline.core.letter_pages import (
    announces_meeting,
    forwarded_invitation,
    speaks_as_letter,
    unreferenced_body,
)
from itu_timeline.core.letter_places import Places

_I = re.IGNORECASE


class NotALetter(UsageError):
    """The text is no ITU letter announcing a meeting."""


def read_letter(raw: str, origin: str, today: date) -> list[Meeting]:
    """The meetings announced in a letter's text, in the order of their first days. A year
    the letter leaves out is taken near its date (else its first full date, else `today`).
    A text without reference (one that starts at 'Subject:') is a letter when it names a
    group and a sector and speaks as a letter (a salutation, an invitation), or when it is an
    invitation the ITU sends or forwards, or a saved page that announces a meeting to come; a
    meeting document (a report, conclusions, a contribution) is none."""
    text = normalize(raw)
    if is_document(text):
        raise NotALetter(
            _("{origin}: a meeting document (a report, conclusions), not a letter").format(
                origin=origin
            )
        )
    reference = find_reference(text) or labelled_reference(text, unreferenced_body(text))
    invitation = reference is None and forwarded_invitation(text)
    body = reference.body if reference else (
        unreferenced_body(text) or ("ITU" if invitation else None))  # fmt: skip
    groups = find_groups(text, body)
    said = ((groups or invitation) and speaks_as_letter(text)) or announces_meeting(text)
    if body is None or (reference is None and not said):
        raise NotALetter(
            _("{origin}: not an ITU letter (no TSB, BR, BDT or DM reference found)").format(
                origin=origin
            )
        )
    dates = find_dates(text)
    span = (reference.pos, reference.endpos) if reference else (-99, -99)
    letter_date = _letter_date(text, span, dates)
    dated = (resolve(d.start, today) for d in dates if d.start[0])
    near = letter_date or next(dated, today)
    printed, key = (reference.text, reference.key) if reference else (None, None)
    base = Meeting(printed, letter_date, body, None, "", date.min, date.min, key=key)
    found = merged(without_umbrellas(find_meetings(text, dates, groups, base, near)))
    found = in_events(text, in_sessions(text, found, dates))
    if not found:
        raise NotALetter(_no_meeting(origin, printed))
    _named_again(found, dates, near)
    # the days a place names as a date, not a venue: "Geneva, 11 September 2017" (the letter's
    # date) and a past meeting's "(Geneva, 17 and 18 July 1997)"
    past = [d for d in dates if letter_date and resolve(d.end, near) < letter_date]
    places = Places(text, [d for d in dates if not d.is_span] + past)
    for meeting in found:
        places.settle(meeting, found)
    attach_deadlines(text, dates, found, letter_date, near)
    attach_opening(text, found, groups)
    return sorted(found, key=lambda m: (m.start, m.group or ""))


def _letter_date(text: str, reference: tuple[int, int], dates: list[Found]) -> date | None:
    """The date beside 'Geneva,' in the head, the date right after the reference, or the one
    in the cell between a BR letter's kind and its number ("|Circular Letter |9 December 2005
    |\n|8/LCCE/143 |")."""
    within, after = reference
    head = re.search(
        r"(?:Geneva|Genève|Ginebra|Женева|جنيف)\s*[,،]\s*(?:le\s+|في\s+)?", text[:3000], _I
    )
    for found in dates:
        if found.is_span or found.start[0] is None:
            continue
        right_after = bool(after >= 0 and _DATED.fullmatch(text, after, found.pos))
        right_after = right_after or within <= found.pos < after
        geneva_after = _GENEVA_AFTER.match(text, found.endpos)  # "2015年3月11日,日内瓦"
        if (head and found.pos == head.end()) or right_after or geneva_after:
            return resolve(found.start, date(2000, 1, 1))
    # "Date: ...", and the head's cells shuffled: "Subject: 4 August 2003 To:", "Ref: 15 March"
    dated = re.search(
        r"\b(?:Date|Fecha)\s*:\s*|Subject\s*:\s*(?=[^:\n]{6,22}\bTo\s*:)|\bRef\s*[.:]\s*(?=\d)",
        text,
        _I,
    )
    # a span after "Date:" is a meeting's days (a Rapporteur's notice), not the letter's day,
    # and so is a day with its hours ("Date: 14 June 2027 14:00-16:00")
    hit = next((f for f in dates if dated and f.pos == dated.end() and not f.is_span
                and not _HOURS_AFTER.match(text, f.endpos)), None)  # fmt: skip
    if hit is None:  # else the first full day above the subject, alone on its line
        subject = SUBJECT.search(text)
        above = subject.start() if subject else 0
        hit = next((f for f in dates if f.pos < above and not f.is_span
                    and text[f.endpos : f.endpos + 1] in ("\n", "")
                    and text[max(0, f.pos - 1) : f.pos] in ("\n", "")), None)  # fmt: skip
    return resolve(hit.start, date(2000, 1, 1)) if hit and hit.start[0] else None


def _named_again(meetings: list[Meeting], dates: list[Found], near: date) -> None:
    """A meeting's days printed again where no meeting was read (a table's row: "Study
    Group 1 / 13 June 2018 / Wednesday, 6 June 2018 at 1600 hours UTC / ...") are a mention
    of it: its row's deadline and opening are its own."""
    read = {p for m in meetings for p in (m.pos, *m.mentions)}
    for found in (d for d in dates if d.pos not in read):
        days = (resolve(found.start, near), resolve(found.end, near))
        for meeting in meetings:
            if (meeting.start, meeting.end) == days:
                meeting.mentions = tuple(sorted({*meeting.mentions, found.pos}))


_HOURS_AFTER = re.compile(r"\s*,?\s*\d{1,2}[:.h]\d\d\s*-\s*\d")
_GENEVA_AFTER = re.compile(r"\s*[,،]?\s*(?:日内瓦|جنيف)")
_DATED = re.compile(r"\W{0,4}(?:le|el|of|dated?)?\W{0,3}", _I)  # "CACE/560\nLe 20 février"


def _no_meeting(origin: str, printed: str | None) -> str:
    if printed is None:
        return _("{origin}: the letter announces no meeting with dates").format(origin=origin)
    return _("{origin}: {reference} announces no meeting with dates").format(
        origin=origin, reference=printed
    )
