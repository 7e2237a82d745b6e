"""A text without reference: the body it is of (its bureau's, the sector it speaks of, or
the Union's for a text of its Council), and whether it is a letter all the same: one that
speaks as a letter, an invitation the ITU sends or forwards, or a saved page that announces
a meeting to come, which `letter` reads as a letter of no reference and no date."""

import re
from collections import Counter

from itu_timeline.core.letter_head import SALUTATION, SUBJECT, bureau_body, governing_body

_I = re.IGNORECASE

_SECTORS = re.compile(r"\b(?:ITU|UIT)-([TRD])(?![A-Za-z0-9])")  # "ITU-R第52号决议" too


def sector_body(text: str) -> str | None:
    """The body a text without reference or bureau speaks of most ('ITU-T Member
    contributions')."""
    counts = Counter(_SECTORS.findall(text))
    counts.update(letter for name, letter in _SECTOR_NAMES_ZH for _ in re.finditer(name, text))
    if not counts:  # a sector's own assembly, bureau or advisory group named instead
        counts.update(_SECTOR_WORDS[m[0].upper()] for m in _SECTOR_WORD.finditer(text))
    return f"ITU-{counts.most_common(1)[0][0]}" if counts else None


# What belongs to one sector alone: its assembly, its bureau, its advisory group
_SECTOR_WORDS = {"WTSA": "T", "TSB": "T", "TSAG": "T", "WTDC": "D", "BDT": "D", "TDAG": "D",
                 "WRC": "R", "RAG": "R"}  # fmt: skip
_SECTOR_WORD = re.compile(r"\b(?:WTSA|TSB|TSAG|WTDC|BDT|TDAG|WRC|RAG)\b")
# The sectors as Chinese pages name them (国际电联电信标准化部门 is ITU-T)
_SECTOR_NAMES_ZH = (("电信标准化部门", "T"), ("无线电通信部门", "R"), ("电信发展部门", "D"))


def unreferenced_body(text: str) -> str | None:
    """The body of a text without reference: its bureau's (a letter names it in its head);
    a page without salutation is the sector's it speaks of, its menu naming every bureau; a
    text of the Council with neither is the ITU's."""
    if SALUTATION.search(text):
        return bureau_body(text) or sector_body(text) or governing_body(text)
    return sector_body(text) or bureau_body(text) or governing_body(text)


# A saved page that announces a meeting to come ("WTSA will meet ... from 1 to 9 March",
# the RAG page's "即将召开的会议", upcoming meetings); a report tells of meetings held.
_ANNOUNCES = re.compile(
    r"will\s+(?:meet|be\s+held|take\s+place|convene)|\b(?:upcoming|forthcoming)\s+meetings?|"
    r"se\s+réunira|aura\s+lieu|se\s+celebrará|tendrá\s+lugar|состоится|пройд[её]т|即将召开|将于",
    _I,
)


def announces_meeting(text: str) -> bool:
    """Whether a saved page (no subject, no salutation: a text in a letter's shape that
    invites no one is no letter) tells of a meeting to come: such a page is read as a letter
    of no reference and no date."""
    page = not SALUTATION.search(text) and not SUBJECT.search(text)
    return page and _ANNOUNCES.search(text) is not None


_INVITES = re.compile(
    r"\binvit(?:e|es|ation)\b|\bconvenes?\b|\binvitons\b|\binvitamos\b|"
    r"\b(?:glad|pleased|happy|delighted)\s+to\s+announce\b",  # "... that the Forum will take place"
    _I,
)
_ITU = re.compile(r"\b(?-i:ITU|UIT)\b|International\s+Telecommunication\s+Union|itu\.int", _I)


def forwarded_invitation(text: str) -> bool:
    """An invitation addressed to the reader (a salutation, then 'invites you', 'the
    invitation below'), sent or forwarded by the ITU (an e-mail to the missions, a list's
    copy): a delegate wants its meetings in the calendar, though it has no reference."""
    return all(p.search(text) for p in (SALUTATION, _INVITES, _ITU))


# What only a letter carries: a salutation, an invitation, its closing formula, or a head
# that calls it a meeting's announcement ("MEETING ANNOUNCEMENT", "Notice of Q13/16 meeting").
_LETTER_SIGNS = re.compile(
    r"\bDear\b|Madame,?\s+Monsieur|Muy\s+señor|Estimad[oa]s?\b|Señora|Уважаем|"
    r"I\s+have\s+the\s+honour|J'ai\s+l'honneur|Tengo\s+el\s+honor|"
    r"\binvit(?:e|es|ing|ation|er|ons|amos|arle)\b|pleasure\s+in\s+inviting|"
    r"Yours\s+(?:faithfully|sincerely)|Veuillez\s+agr|Atentamente|"
    r"\A\W*meeting\s+announcement\b|\bnotice\s+of\s+[^.\n]{0,40}\bmeeting\b",
    re.IGNORECASE,
)


def speaks_as_letter(text: str) -> bool:
    """A salutation, an invitation or a closing formula: a text without reference is a letter
    only with one of them."""
    return _LETTER_SIGNS.search(text) is not None
