"""What a letter convenes, and what it only mentions: a past meeting ("the last Study Group 9
meeting (14-18 January 2013)"), one cited in brackets, the day an e-mail was sent, the day a
meeting opens on, another body's meeting, and days of no group of ours outside the days its
subject gives."""

import re
from datetime import date

from itu_timeline.core.letter_dates import Found, resolve
from itu_timeline.core.letter_deadline_names import DEADLINE_CUE
from itu_timeline.core.letter_head import SUBJECT
from itu_timeline.core.letter_openings import OPEN_WORDS
from itu_timeline.core.letter_titles import EVENT_WORDS

_I = re.IGNORECASE
# What a meeting did, said right after its day: it was held before the letter
_DID = re.compile(
    r"\s*(?:asked|decided|agreed|adopted|approved|requested|instructed|established|resolved|"
    r"concluded|recommended|elected|appointed|endorsed|a\s+décidé|a\s+adopté|decidió|aprobó)\b",
    _I,
)
# An e-mail's header: "Date: Thu, 1 Jul 1999 15:18:37", "Envoyé : mercredi, 3. mai 2006 09:19"
_SENT = re.compile(r"^(?P<label>Date|Sent|Envoy[ée]|Enviado)\s*:[^\n\d]*$", re.I | re.M)
_CLOCK_AFTER = re.compile(r"\s*,?\s*\d{1,2}:\d\d(?P<stamp>:\d\d|\s*[AP]M|\s*[+-]\d{4})?", re.I)
# A meeting cited by its place and days in brackets, in a sentence about something else
_CITED = re.compile(r"\(\s*(?-i:[A-Z])[\w .'-]{1,40},\s*$")
_CONVENES = re.compile(
    r"invit|honou?r|convene|will\s+be\s+held|is\s+held|take\s+place|will\s+meet|se\s+réuni|"
    r"aura\s+lieu|se\s+celebrar|tendr[áa]\s+lugar",
    _I,
)
# "Joint Rapporteurs' meetings for Q1, 2, 5 ... as well as the Workshop on ...": a group's
# meetings named first, with a workshop joined to them, are the group's
GROUP_FIRST = re.compile(
    rf"rapporteur\w*'?\s+(?:group\s+)?meetings?\b(?:(?!{EVENT_WORDS.pattern}|\b(?:are|is|will)\b)[^.])*"
    rf"\b(?:and|as\s+well\s+as)\s+(?:an?\s+|the\s+)?(?:{EVENT_WORDS.pattern})",
    _I,
)
# A meeting named as the last one before the letter: "the last Study Group 9 meeting (14-18
# January 2013)", "la dernière réunion de la Commission d'études 9 (...)"; not the last of a
# study period, still to come ("the last meeting of SG3 will be held from ...")
_LAST = re.compile(
    r"\b(?:last|previous|past|dernière|précédente|última|anterior)\s+(?:[\w/-]+\s+){0,6}?"
    r"(?:meeting|session|réunion|reunión)\b(?:(?!will|shall|to\s+be|takes?\s+place)[^.;]){0,40}$",
    _I,
)
# Another body's meeting, called by the acronym of no group of ours: "the meeting of the
# Intersector Coordination Group on Satellite Matters (ICG-SAT)", "The JCA on ... (JCA-SDN) holds"
_OTHER_BODY = re.compile(
    r"\bmeeting\s+of\s+the\s+(?-i:[A-Z])[^.;,()]{0,120}?\((?-i:[A-Z][A-Za-z]+(?:-[A-Za-z0-9]+)*)\)"
    r"|\((?-i:[A-Z][A-Za-z]+(?:-[A-Za-z0-9]+)*)\)\s*(?:holds|meets|will\s+meet)\b",
    _I,
)
# a time of opening right before a day: "opens at 1400 hours on Tuesday 9 April"
_OPENS_AT = re.compile(
    rf"(?:{OPEN_WORDS.pattern})\w*\s+(?:at\s+|à\s+|a\s+las\s+)?\d{{1,2}}[:.h]?\d\d\b[^.;\n]{{0,40}}$",
    _I,
)


# A meeting named as a point in time, with its days in brackets: "The meeting comes just
# before a WP2/16 Plenary meeting (26 June)", "prior to the TSAG meeting (10-14 May)"
_POINT_IN_TIME = re.compile(
    r"\b(?:before|after|prior\s+to|following|preceding|avant|après|antes\s+de|después\s+de)"
    r"\s+(?:the\s+|a\s+|an\s+|la\s+|le\s+|l'|el\s+)?[^.;()]{0,60}?"
    r"\b(?:meeting|plenary|session|assembly|réunion|reunión|plénière|plenaria)\s*\(\s*$",
    _I,
)


def mentioned_only(window: str, after: str, in_subject: bool) -> bool:
    """Whether a day (`window` the text before it, `after` the text after) is of a meeting
    the letter only mentions: one held before it ("the session ... held on 24 November
    asked", "the last ... meeting (...)"), the day an e-mail was sent, a meeting cited in
    brackets in a sentence that invites to nothing."""
    if _DID.match(after) or _LAST.search(window[-160:]) or _sent(window[-40:], after):
        return True
    if _POINT_IN_TIME.search(window[-120:]) and after.lstrip().startswith(")"):
        return not in_subject  # another meeting's days, given as a point in time
    cited = _CITED.search(window[-50:]) and after.lstrip().startswith(")")
    return bool(cited) and not _CONVENES.search(window) and not in_subject


# What says a meeting is convened by an invitation of its own, not by this letter ("the Arab
# States preparatory meeting (22-24 July) will be held; the Technical Secretariat will send
# its own invitation for it", "a separate invitation will be sent", "convoquée séparément")
_INVITED_APART = re.compile(
    r"\b(?:its\s+own|a\s+separate|separate)\s+(?:invitation|letter|circular|convocation)|"
    r"\b(?:invited|convened|announced)\s+separately|invitation\s+séparée|convoqu\w+\s+séparément|"
    r"invitaci[oó]n\s+(?:por\s+)?separad|convoca\w*\s+por\s+separado",
    _I,
)
_SENTENCE_END = re.compile(r"[.!?](?:\s+(?=[A-Z])|\s*$)|\n[ \t]*\n")


def invited_apart(text: str, pos: int) -> bool:
    """Whether the rest of the sentence after a day (at `pos`) says its meeting has an
    invitation of its own: this letter only mentions it."""
    stop = _SENTENCE_END.search(text, pos)
    return _INVITED_APART.search(text, pos, stop.start() if stop else len(text)) is not None


def opening_day(window: str) -> bool:
    """Whether the words before a day give the time a meeting opens on it."""
    return _OPENS_AT.search(window[-90:]) is not None


def ours(window: str, start: date, end: date, subject: list[tuple[date, date]]) -> bool:
    """Whether days of no group named beside them are the letter's: not another body's
    meeting, and within the days the subject convenes when it gives some."""
    if _OTHER_BODY.search(window):
        return False
    return not subject or any(a <= end and start <= b for a, b in subject)


def _sent(before: str, after: str) -> bool:
    """Whether a day is when an e-mail was sent: on its header's line, with the clock after it
    ("Sent: ... 9:19 AM"; after "Date:" a stamp's seconds or zone, "15:18:37 +0200", as a
    meeting's "Date: 14 June 2027 14:00-16:00" has none)."""
    header, clock = _SENT.search(before), _CLOCK_AFTER.match(after)
    if header is None or clock is None:
        return False
    return header["label"].casefold() != "date" or clock["stamp"] is not None


def find_subject(text: str) -> tuple[int, int]:
    """Where the letter's subject is: from 'Subject:' to its first empty line (but for a
    table's next row) or salutation."""
    subject = SUBJECT.search(text)
    if subject is None:
        return (0, 0)
    # a table's subject goes on in its next rows ("| |Montreal, Canada, 13 July 2007 |")
    block = re.split(r"\n\s*\n(?![ \t]*\|)|Dear|Madame|Estimad", text[subject.end() :])[0]
    return (subject.end(), subject.end() + len(block))


def subject_days(
    text: str, block: tuple[int, int], dates: list[Found], near: date, letter_date: date | None
) -> list[tuple[date, date]]:
    """The days the letter's subject gives the meetings it convenes: not a deadline it dates
    ("Call for contributions by 5 May 2027"), nor the letter's own date in a shuffled head
    ("Subject: 4 August 2003 To:")."""
    days = [(resolve(d.start, near), resolve(d.end, near)) for d in dates
            if block[0] <= d.pos < block[1]
            and not DEADLINE_CUE.search(text, block[0], d.pos)]  # fmt: skip
    return [(a, b) for a, b in days if letter_date is None or a > letter_date]
