"""One event on the public page: its full record (on its year's page, where its id is the
anchor) and its short entry (on the front page, linking to the record)."""

import functools
from collections.abc import Iterable, Sequence
from datetime import date
from html import escape
from typing import NamedTuple
from zoneinfo import ZoneInfo

from itu_timeline.base.i18n import _, current
from itu_timeline.core.glossary import kind_term
from itu_timeline.core.model import Basis, Body, Deadline, Event, Kind, Status
from itu_timeline.core.text import BASIS_WORDS
from itu_timeline.core.upcoming import days_text
from itu_timeline.render import page_words as words
from itu_timeline.render.page_links import (
    deadline_of,
    english,
    link,
    linked_text,
    record_href,
    text,
    title_of,
)
from itu_timeline.render.page_times import (
    clocks_of,
    deadline_day,
    deadline_when,
    event_when,
    sentence,
)
from itu_timeline.render.plain import status_name


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


@functools.cache
def _words_in(language: str) -> _Words:
    return _Words(language)


class Shared(NamedTuple):
    """What an event's record says alike in every language, made once for the six pages of
    its year: the calendar's text escaped and linked, ISO days, each deadline's day count.
    None where the words depend on the language."""

    event: Event
    anchor: str  # '<article id="…">\n<h3>'
    term: str | None  # the glossary's for its kind of meeting
    title: str | None  # the English title, when the calendar gives it in no other language
    when: str | None
    where: str | None
    source: str | None
    outcome: str | None
    page: str | None
    notes: str | None
    # Soonest first: each deadline, its day count, and its day's ISO date where it has no
    # time, else its zone and clocks.
    deadlines: tuple[tuple[Deadline, int, str | tuple[str, tuple[str, str, str]]], ...]


def shared(
    event: Event, deadlines: Sequence[Deadline], today: date, zone: ZoneInfo | None
) -> Shared:
    """What `record` says of `event` in every language, worked out once."""
    listed = sorted(deadlines, key=lambda d: d.due) if len(deadlines) > 1 else deadlines
    return Shared(
        event,
        f'<article id="{escape(event.id)}">\n<h3>',
        kind_term(event),
        None if event.titles else text(event.title),
        None
        if event.is_timed or event.is_approximate or not event.end_known
        else event_when(event),
        text(event.location) if event.location else None,
        linked_text(event.source) if event.source else None,
        linked_text(event.outcome) if event.outcome else None,
        link(event.url) if event.url and event.url != event.source else None,
        linked_text(event.notes) if event.notes else None,
        tuple(
            (
                d,
                (deadline_day(d, zone) - today).days,
                clocks_of(d, zone) if d.timed else d.day.isoformat(),
            )
            for d in listed
        ),
    )


def record(facts: Shared, zone: ZoneInfo | None) -> str:
    """The event's article in the page's language: every fact known, each deadline, and its
    id as the anchor."""
    said = _words_in(current())
    label, event = said.label, facts.event
    title = facts.title
    if title is None:
        title = title_of(event)
    elif said.english is not None:  # the English title, marked as such
        title = f"{said.english[0]}{title}{said.english[1]}"
    when = facts.when if facts.when is not None else text(event_when(event))
    page = (
        f"{label['dates']}{when}</dd>{label['type']}{_type(said, event, facts.term)}</dd>"
        f"{label['where']}{said.not_given if facts.where is None else facts.where}</dd>"
        f"{label['body']}{said.body[event.body]}</dd>"
        f"{label['status']}{said.status[event.status]}</dd>"
        f"{label['basis']}{said.basis[event.basis]}</dd>"
        f"{label['source']}{said.source_not_given if facts.source is None else facts.source}</dd>"
    )
    if facts.outcome is not None:  # only where a source says it took place: silence is no news
        page += f"{label['outcome']}{facts.outcome}</dd>"
    if facts.page is not None:
        page += f"{label['page']}{facts.page}</dd>"
    if facts.notes is not None:
        page += f"{label['notes']}{english(facts.notes)}</dd>"
    head = f"{facts.anchor}{title}</h3>\n<dl>{page}</dl>\n"
    if not facts.deadlines:
        return f"{head}</article>\n"
    return f"{head}<p>{said.head}</p>{_listed(said, facts.deadlines, zone)}</article>\n"


def _type(said: _Words, event: Event, term: str | None) -> str:
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
    said = _words_in(current())
    days = ((d, (deadline_day(d, zone) - today).days, text(deadline_when(d, zone))) for d in listed)
    return _listed(said, days, zone)


def _listed(
    said: _Words,
    deadlines: Iterable[tuple[Deadline, int, str | tuple[str, tuple[str, str, str]]]],
    zone: ZoneInfo | None,
) -> str:
    line, countdowns, lines = said.line, said.countdowns, []
    for deadline, days, when in deadlines:
        countdown = countdowns.get(days)
        if countdown is None:
            countdown = countdowns[days] = text(days_text(days))
        if not isinstance(when, str):  # a time: in words of the language, then the clocks
            (own, (local, utc, yours)) = when
            when = _sentence(said, own, zone).format(local=local, utc=utc, yours=yours)
        name = deadline_of(deadline)
        lines.append(f"<li>{line.format(when=when, name=name, countdown=countdown)}</li>")
    return f"<ul>{''.join(lines)}</ul>\n"


def _sentence(said: _Words, own: str, zone: ZoneInfo | None) -> str:
    """A time's sentence, escaped, with blanks for its clocks (digits: nothing to escape)."""
    found = said.sentences.get((own, zone))
    if found is None:
        found = said.sentences[(own, zone)] = text(sentence(own, zone))
    return found
