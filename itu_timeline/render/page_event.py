"""One event on the public page: its short entry (on the front page, linking to its record),
and the words of one language that its full record (render/page_record.py) says."""

import functools
from collections.abc import Iterable, Sequence
from datetime import date
from zoneinfo import ZoneInfo

from itu_timeline.base.i18n import _, current
from itu_timeline.core.model import Basis, Body, Deadline, Event, Kind, Status
from itu_timeline.core.text import BASIS_WORDS
from itu_timeline.core.upcoming import days_text
from itu_timeline.render import page_words as words
from itu_timeline.render.page_links import (
    deadline_of,
    english,
    record_href,
    text,
    title_of,
)
from itu_timeline.render.page_times import (
    deadline_day,
    deadline_when,
    event_when,
    sentence,
)
from itu_timeline.render.plain import status_name

When = str | tuple[str, tuple[str, str, str]]  # a day (ISO), or a time: its zone, its clocks


class _Words:
    """What every record of a page says alike, in one language: its labels (`<dt>`), its
    words for bodies, statuses, kinds and countdowns, each worked out once per language, not
    for each of the thousands of records of a page (a year's page is built in six)."""

    def __init__(self, language: str) -> None:
        self.label = {key: f"<dt>{text(_(label))}</dt><dd>" for key, label in words.FACTS.items()}
        self.not_given = text(_(words.NOT_GIVEN))
        self.source_not_given = _(words.NOT_GIVEN)  # as the page has always written it
        self.head = text(_(words.DEADLINES))
        self.line = text(_(words.DEADLINE_LINE))
        self.body = {body: text(words.body_text(body)) for body in Body}
        self.status = {status: text(status_name(status)) for status in Status}
        self.basis = {basis: text(_basis(basis)) for basis in (*Basis, None)}
        self.types: dict[tuple[Kind, str | None], str] = {}
        self.countdowns: dict[int, str] = {}
        self.sentences: dict[tuple[str, ZoneInfo | None], str] = {}
        # Around an English text on another language's page (render/page_links.english).
        self.english: tuple[str, str] | None = None
        if language != "en":
            before, after = english("\0").split("\0")
            self.english = (before, after)

    def countdown(self, days: int) -> str:
        found = self.countdowns.get(days)
        if found is None:
            found = self.countdowns[days] = text(days_text(days))
        return found


@functools.cache
def words_in(language: str) -> _Words:
    return _Words(language)


def type_text(said: _Words, event: Event, term: str | None) -> str:
    """'Meeting (World Radiocommunication Conference)', in the page's language: the same for
    every event of a kind and glossary term (`term`, core/glossary.kind_term)."""
    key = (event.kind, term)
    found = said.types.get(key)
    if found is None:
        kind = words.kind_of(event)
        named = english(text(kind.text)) if kind.fallback else text(kind.text)
        kind_word = text(words.kind_word(event.kind))
        found = said.types[key] = text(_(words.TYPE_AND_KIND)).format(type=kind_word, kind=named)
    return found


def _basis(basis: Basis | None) -> str:
    return _(BASIS_WORDS[basis]) if basis else _(words.NOT_SAID)


def entry(event: Event, deadlines: Sequence[Deadline], today: date, zone: ZoneInfo | None) -> str:
    """The short form: title (a link to the record), dates, type, body, place, deadlines."""
    facts = [event_when(event), words.kind_word(event.kind), words.body_text(event.body)]
    facts += [event.location] if event.location else []
    facts += [status_name(event.status)] if event.status is not Status.CONFIRMED else []
    return (
        f'<li><a href="{record_href(event)}">{title_of(event)}</a>'
        f'<br><span class="facts">{text(" · ".join(facts))}</span>'
        + _deadlines(deadlines, today, zone)
        + "</li>\n"
    )


def _deadlines(deadlines: Sequence[Deadline], today: date, zone: ZoneInfo | None) -> str:
    """The list of an event's deadlines, soonest first."""
    if not deadlines:
        return ""
    listed = sorted(deadlines, key=lambda d: d.due) if len(deadlines) > 1 else deadlines
    days = ((d, (deadline_day(d, zone) - today).days, text(deadline_when(d, zone))) for d in listed)
    return _listed(days, zone)


def _listed(deadlines: Iterable[tuple[Deadline, int, When]], zone: ZoneInfo | None) -> str:
    lines = (f"<li>{deadline_line(d, days, when, zone)}</li>" for d, days, when in deadlines)
    return f"<ul>{''.join(lines)}</ul>\n"


def deadline_line(deadline: Deadline, days: int, when: When, zone: ZoneInfo | None) -> str:
    """A deadline's line in the page's language: its day (`when`, ISO) or its time (its
    zone's key and clocks), its name, its countdown (`days` from today)."""
    said = words_in(current())
    if not isinstance(when, str):  # a time: in words of the language, then the clocks
        (own, (local, utc, yours)) = when
        when = sentence_text(said, own, zone).format(local=local, utc=utc, yours=yours)
    name = deadline_of(deadline)
    return said.line.format(when=when, name=name, countdown=said.countdown(days))


def sentence_text(said: _Words, own: str, zone: ZoneInfo | None) -> str:
    """A time's sentence, escaped, with blanks for its clocks (digits: nothing to escape)."""
    found = said.sentences.get((own, zone))
    if found is None:
        found = said.sentences[(own, zone)] = text(sentence(own, zone))
    return found
