"""A meeting's full record on its year's page, made once for the six languages: its text with
a blank (`%s`) wherever a language says something its own way (labels, kinds, countdowns,
the words around a time), and what goes into each blank, by key. Each language fills the
blanks of a few hundred records with one lookup per blank and one `%`, both in C: a record
said anew in each language was most of the cost of the pages (render/page_archive.py).

A message with blanks of its own (a deadline's line, a time's sentence) is cut at its blanks
when every language of the site puts them in the same order, its pieces being words of each
language; where one does not, the whole line is said in each language in turn."""

import functools
import operator
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from itu_timeline.base.i18n import current, speaking
from itu_timeline.core.glossary import kind_term
from itu_timeline.core.model import Basis, Body, Deadline, Event, Status
from itu_timeline.render import page_words as words
from itu_timeline.render.page_event import When, deadline_line, sentence_text, type_text, words_in
from itu_timeline.render.page_languages import SITE_LANGUAGES
from itu_timeline.render.page_links import deadline_of, link, linked_text, text, title_of
from itu_timeline.render.page_times import clocks_of, deadline_day, event_when

Key = tuple[Any, ...]


class Lazy:
    """A blank one record fills alone in each language (a title the ITU gives in some of
    them, a timed meeting's span): said at each language's page, never kept."""

    __slots__ = ("say",)

    def __init__(self, say: Callable[[], str]) -> None:
        self.say = say


@dataclass(frozen=True)
class Blanks:
    """Records as text with a `%s` in each blank; what goes in them, as the numbers of their
    keys (one call in C takes them all from a language's words); the blanks that records fill
    alone, by their place."""

    template: str
    words: Callable[[list[str]], tuple[str, ...]]
    alone: tuple[tuple[int, Lazy], ...]


def filled(blanks: Blanks) -> str:
    """The text of `blanks` in the page's language."""
    said = _said_in(current())
    for key in _KEYS[len(said) :]:  # words not said yet in this language
        said.append(_word(key))
    values = blanks.words(said)
    if blanks.alone:
        in_place = list(values)
        for at, lazy in blanks.alone:
            in_place[at] = lazy.say()
        values = tuple(in_place)
    return blanks.template % values


def blanks_of(
    records: Sequence[tuple[Event, Sequence[Deadline]]], today: date, zone: ZoneInfo | None
) -> Blanks:
    """The articles of `records` (each event with its deadlines) as one text with blanks."""
    parts: list[object] = []
    for event, deadlines in records:
        _record(parts, event, deadlines, today, zone)
    template = "".join([part if type(part) is str else "%s" for part in parts])
    numbers = [part if type(part) is int else LAZY for part in parts if type(part) is not str]
    alone: tuple[tuple[int, Lazy], ...] = ()
    if LAZY in numbers:
        blanks = (part for part in parts if type(part) is not str)
        alone = tuple((at, part) for at, part in enumerate(blanks) if isinstance(part, Lazy))
    # A batch has a record, and a record ten labels: more than one number, so a tuple.
    return Blanks(template, operator.itemgetter(*numbers), alone)


# Every key said in a page, by its number; each language's words, in the same order.
_KEYS: list[Key] = []
_NUMBERS: dict[Key, int] = {}


@functools.cache
def _said_in(language: str) -> list[str]:
    return []


def _number(key: Key) -> int:
    """The number of `key`, given the first time it is asked."""
    number = _NUMBERS.get(key)
    if number is None:
        number = _NUMBERS[key] = len(_KEYS)
        _KEYS.append(key)
    return number


# The keys of what every record says: each fact's label; the words for a fact not given; the
# words around an English text on another language's page (render/page_links.english).
LABEL = {name: _number(("label", name)) for name in words.FACTS}
NOT_GIVEN, SOURCE_NOT_GIVEN, HEAD = map(_number, [("not-given",), ("source-not-given",), ("head",)])
ENGLISH, END_ENGLISH = _number(("english", 0)), _number(("english", 1))
LAZY = _number(("lazy",))  # in the place of a blank filled alone
BODY = {body: _number(("body", body)) for body in Body}
STATUS = {status: _number(("status", status)) for status in Status}
BASIS = {basis: _number(("basis", basis)) for basis in (*Basis, None)}


def _record(
    parts: list[object],
    event: Event,
    deadlines: Sequence[Deadline],
    today: date,
    zone: ZoneInfo | None,
) -> None:
    """The event's article: every fact known, each deadline, and its id as the anchor."""
    parts.append(f'<article id="{_kept(escape(event.id))}">\n<h3>')
    if event.titles:  # the ITU's name in some languages
        parts.append(Lazy(functools.partial(title_of, event)))
    else:  # the English title, marked as such on another language's page
        parts += [ENGLISH, _kept(text(event.title)), END_ENGLISH]
    parts += ["</h3>\n<dl>", LABEL["dates"]]
    if event.is_timed or event.is_approximate or not event.end_known:
        parts.append(Lazy(functools.partial(_when, event)))
    else:
        parts.append(event_when(event))  # its days: digits
    kind = ("type", event.kind, kind_term(event))
    _TYPES.setdefault(kind, event)
    parts += ["</dd>", LABEL["type"], _number(kind), "</dd>", LABEL["where"]]
    parts += [_kept(text(event.location)) if event.location else NOT_GIVEN, "</dd>"]
    parts += [LABEL["body"], BODY[event.body], "</dd>", LABEL["status"], STATUS[event.status]]
    parts += ["</dd>", LABEL["basis"], BASIS[event.basis], "</dd>"]
    source = SOURCE_NOT_GIVEN if not event.source else _kept(linked_text(event.source))
    parts += [LABEL["source"], source, "</dd>"]
    if event.outcome:  # only where a source says it took place: silence is no news
        parts += [LABEL["outcome"], _kept(linked_text(event.outcome)), "</dd>"]
    if event.url and event.url != event.source:
        parts += [LABEL["page"], _kept(link(event.url)), "</dd>"]
    if event.notes:
        parts += [LABEL["notes"], ENGLISH, _kept(linked_text(event.notes)), END_ENGLISH, "</dd>"]
    parts.append("</dl>\n")
    if not deadlines:
        parts.append("</article>\n")
        return
    parts += ["<p>", HEAD, "</p><ul>"]
    listed = sorted(deadlines, key=lambda d: d.due) if len(deadlines) > 1 else deadlines
    for deadline in listed:
        days = (deadline_day(deadline, zone) - today).days
        when = clocks_of(deadline, zone) if deadline.timed else deadline.day.isoformat()
        parts.append("<li>")
        _line(parts, deadline, days, when, zone)
        parts.append("</li>")
    parts.append("</ul>\n</article>\n")


def _line(
    parts: list[object], deadline: Deadline, days: int, when: When, zone: ZoneInfo | None
) -> None:
    """A deadline's line: its day or time, its name and its countdown, in the order of each
    language."""
    line = _order(("line",))
    sentence = () if isinstance(when, str) else _order(("sentence", when[0], zone))
    if line is None or sentence is None:  # the languages differ: each says the whole line
        parts.append(Lazy(functools.partial(deadline_line, deadline, days, when, zone)))
        return
    name = ("name", deadline.name, deadline.rule_id is None, deadline.notes)
    _NAMES.setdefault(name, deadline)
    said_when: list[object] = []
    if isinstance(when, str):  # a day
        said_when.append(when)
    else:  # a time: its clocks (digits) in the sentence of its zone
        clocks = dict(zip(("local", "utc", "yours"), when[1], strict=True))
        _message(said_when, ("sentence", when[0], zone), sentence, clocks)
    countdown = _number(("countdown", days))
    values = {"when": said_when, "name": [_number(name)], "countdown": [countdown]}
    _message(parts, ("line",), line, values)


def _message(
    parts: list[object], form: Key, order: tuple[str, ...], values: dict[str, Any]
) -> None:
    """A message cut at its blanks: each language's pieces of it, and between them the
    parts of each blank, in `order`."""
    pieces = _numbered_pieces(form, len(order))
    for piece, field in zip(pieces, order, strict=False):
        parts.append(piece)
        value = values[field]
        if isinstance(value, str):
            parts.append(value)
        else:
            parts += value
    parts.append(pieces[-1])


@functools.cache
def _numbered_pieces(form: Key, blanks: int) -> tuple[int, ...]:
    return tuple(_number(("piece", form, at)) for at in range(blanks + 1))


def _when(event: Event) -> str:
    return text(event_when(event))


def _kept(html: str) -> str:
    """Text that is the same in every language, which `%` is to keep as it is."""
    return html.replace("%", "%%")


# A record's kind of meeting and a deadline's name are said from the first event or deadline
# that has them (their words depend on nothing else).
_TYPES: dict[Key, Event] = {}
_NAMES: dict[Key, Deadline] = {}


def _word(key: Key) -> str:
    """The words of `key` in the language being built."""
    said, kind = words_in(current()), key[0]
    if kind == "lazy":
        return ""
    if kind == "label":
        return said.label[key[1]]
    if kind == "piece":
        return _pieces(key[1])[1][key[2]]
    if kind == "name":
        return deadline_of(_NAMES[key])
    if kind == "countdown":
        return said.countdown(key[1])
    if kind == "type":
        return type_text(said, _TYPES[key], key[2])
    if kind == "english":
        return said.english[key[1]] if said.english else ""
    if kind == "body":
        return said.body[key[1]]
    if kind == "status":
        return said.status[key[1]]
    if kind == "basis":
        return said.basis[key[1]]
    if kind == "not-given":
        return said.not_given
    return said.source_not_given if kind == "source-not-given" else said.head


def _pieces(form: Key) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The blanks of a message, in order, and its text before, between and after them, in
    the language being built."""
    said = words_in(current())
    return _cut(said.line if form[0] == "line" else sentence_text(said, form[1], form[2]))


@functools.cache
def _cut(message: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    fields, pieces = [], [""]
    for literal, field, spec, conversion in string.Formatter().parse(message):
        pieces[-1] += literal
        if field is not None:  # one with a format of its own is not cut
            fields.append("" if spec or conversion else field)
            pieces.append("")
    return tuple(fields), tuple(pieces)


@functools.cache
def _order(form: Key) -> tuple[str, ...] | None:
    """The order of a message's blanks, where every language of the site has the same."""
    found = set()
    for language in SITE_LANGUAGES:
        with speaking(language):
            found.add(_pieces(form)[0])
    order = found.pop()
    return None if found or "" in order else order
