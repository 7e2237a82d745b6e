"""The names of the ITU's bodies and meetings in its six languages, as the ITU itself writes
them: each term with the ITU text it was read in (a page of itu.int in that language, a
provision of the ITU's Constitution or Convention, or an ITU document in that language, read
on a copy where itu.int's own was not found). A term not seen in an ITU text is not here, and
the reader gets the English name: nothing in this table is our own translation. A term read
only in another grammatical form (a plural, a genitive) is given in its dictionary form.

English is the language of the calendar's own fields, so its names need no source. The terms
and their sources are in core/glossary_terms.py; this module says which names what.
"""

from typing import NamedTuple

from itu_timeline.core.glossary_terms import ENGLISH, GLOSSARY
from itu_timeline.core.model import Body, Event, Kind


class Named(NamedTuple):
    """A term as shown: in the reader's language, or in English (`fallback`) where the ITU
    texts read gave none in it."""

    text: str
    lang: str
    fallback: bool


SECTORS = (Body.ITU_R, Body.ITU_T, Body.ITU_D)

# Which term names a body, and which names a kind of meeting of a body (None: any body).
BODY_TERMS = {Body.ITU: "itu", Body.ITU_R: "itu-r", Body.ITU_T: "itu-t", Body.ITU_D: "itu-d"}
KIND_TERMS: dict[tuple[Body | None, Kind], str] = {
    (None, Kind.PLENIPOTENTIARY): "plenipotentiary",
    (None, Kind.COUNCIL): "council",
    (Body.ITU, Kind.WORKING_GROUP): "cwg",  # the working groups of the ITU itself are the Council's
    (Body.ITU_R, Kind.CONFERENCE): "wrc",
    (Body.ITU_R, Kind.ASSEMBLY): "ra",
    (Body.ITU_T, Kind.ASSEMBLY): "wtsa",
    (Body.ITU_D, Kind.CONFERENCE): "wtdc",
    (Body.ITU_R, Kind.PREPARATORY): "cpm",
    (Body.ITU_D, Kind.ADVISORY_GROUP): "tdag",
    (Body.ITU_T, Kind.ADVISORY_GROUP): "tsag",
    (Body.ITU_R, Kind.ADVISORY_GROUP): "rag",
    (None, Kind.STUDY_GROUP): "study-group",
}
# Meetings of one series or part of a study group, told apart from the others of their body and
# kind by the words the calendar's English title names them with: (body, kind, words, term).
SERIES_TERMS: tuple[tuple[Body, Kind, str, str], ...] = (
    (Body.ITU, Kind.FORUM, "WSIS Forum", "wsis-forum"),
    (Body.ITU_D, Kind.FORUM, "Global Symposium for Regulators", "gsr"),
    *((body, Kind.STUDY_GROUP, "Working Party", "working-party") for body in SECTORS),
)


def term(key: str, lang: str) -> Named:
    """A term of the glossary in `lang`, else in English.

    >>> term("plenipotentiary", "ru")
    Named(text='Полномочная конференция', lang='ru', fallback=False)
    >>> term("cwg", "es")
    Named(text='Council Working Group', lang='en', fallback=True)
    """
    found = GLOSSARY[key].get(lang)
    if found is not None:
        return Named(found.text, lang, False)
    return Named(ENGLISH[key], "en", lang != "en")


def body_name(event: Event, lang: str) -> Named | None:
    """The name of the event's body in `lang`, where the glossary has the body."""
    key = BODY_TERMS.get(event.body)
    return term(key, lang) if key else None


def kind_name(event: Event, lang: str) -> Named | None:
    """The name of the kind of meeting the event is (a World Radiocommunication Conference is
    a conference of ITU-R; the WSIS Forum a forum of the ITU), where the glossary has it."""
    key = kind_term(event)
    return term(key, lang) if key else None


def kind_term(event: Event) -> str | None:
    """The glossary's term for the kind of meeting the event is, the same in every language."""
    key = _series(event) or KIND_TERMS.get((event.body, event.kind))
    return key or KIND_TERMS.get((None, event.kind))


def _series(event: Event) -> str | None:
    """The term of the series an event's English title names ('WSIS Forum 2026'), when the
    event is of that series' body and kind."""
    for body, kind, words, key in SERIES_TERMS:
        if event.body is body and event.kind is kind and words in event.title:
            return key
    return None
