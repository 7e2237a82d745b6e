"""A text without reference: the body it is of (its bureau's, the sector it speaks of, or
the Union's for a text of its Council), and whether it is a saved page that announces a
meeting to come, which `letter` reads as a letter of no reference and no date."""

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
    return f"ITU-{counts.most_common(1)[0][0]}" if counts else None


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
