"""One event on the public page: its full record (on its year's page, where its id is the
anchor) and its short entry (on the front page, linking to the record)."""

import functools
from collections.abc import Callable, Sequence
from datetime import date
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from itu_timeline.base.i18n import _, current
from itu_timeline.core.model import Basis, Deadline, Event, Status
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
from itu_timeline.render.page_times import deadline_day, deadline_when, event_when
from itu_timeline.render.plain import status_name


def record(event: Event, deadlines: Sequence[Deadline], today: date, zone: ZoneInfo | None) -> str:
    """The event's article: every fact known, each deadline, and its id as the anchor."""
    language = current()
    rows = [
        ("dates", text(event_when(event))),
        ("type", _type(event)),
        ("where", text(event.location) if event.location else _said(language, _, words.NOT_GIVEN)),
        ("body", _said(language, words.body_text, event.body)),
        ("status", _said(language, status_name, event.status)),
        ("basis", _said(language, _basis, event.basis)),
        ("source", linked_text(event.source) if event.source else _(words.NOT_GIVEN)),
    ]
    if event.outcome:  # only where a source says it took place: silence is no news
        rows.append(("outcome", linked_text(event.outcome)))
    if event.url and event.url != event.source:
        rows.append(("page", link(event.url)))
    if event.notes:
        rows.append(("notes", english(linked_text(event.notes))))
    facts = "".join(
        f"<dt>{_said(language, _label, key)}</dt><dd>{value}</dd>" for key, value in rows
    )
    return (
        f'<article id="{escape(event.id)}">\n<h3>{title_of(event)}</h3>\n<dl>{facts}</dl>\n'
        + _deadlines(deadlines, today, zone, _(words.DEADLINES))
        + "</article>\n"
    )


def _type(event: Event) -> str:
    """'Meeting (World Radiocommunication Conference)', in the page's language."""
    kind = words.kind_of(event)
    named = english(text(kind.text)) if kind.fallback else text(kind.text)
    return text(_(words.TYPE_AND_KIND)).format(type=text(words.kind_word(event.kind)), kind=named)


@functools.cache
def _said(language: str, say: Callable[[Any], str], what: Any) -> str:
    """`say(what)`, escaped, in `language` (the one being written): worked out once per
    language, not for each of the thousands of records of a page."""
    return text(say(what))


def _label(key: str) -> str:
    return _(words.FACTS[key])


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
        + _deadlines(deadlines, today, zone, "")
        + "</li>\n"
    )


def _deadlines(deadlines: Sequence[Deadline], today: date, zone: ZoneInfo | None, head: str) -> str:
    if not deadlines:
        return ""
    listed = "".join(
        "<li>"
        + _said(current(), _, words.DEADLINE_LINE).format(
            when=text(deadline_when(d, zone)),
            name=deadline_of(d),
            countdown=_said(current(), days_text, (deadline_day(d, zone) - today).days),
        )
        + "</li>"
        for d in sorted(deadlines, key=lambda d: d.due)
    )
    return (f"<p>{text(head)}</p>" if head else "") + f"<ul>{listed}</ul>\n"
