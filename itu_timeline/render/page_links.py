"""Text and links on the public page: calendar text escaped in one place (control characters
made visible, then HTML-escaped), links only to http(s) addresses, web addresses inside a
text made links, and where each event's record lives (its year's page, its id the anchor)."""

import functools
import re
from html import escape

from itu_timeline.base.i18n import _, current
from itu_timeline.core.deadline_names import deadline_name
from itu_timeline.core.model import Deadline, Event
from itu_timeline.core.text import is_web_address, safe
from itu_timeline.core.titles import title_in
from itu_timeline.render import page_words as words

# An address inside free text ends at a space, a quote or an angle bracket; punctuation that
# closes the sentence around it is not part of it.
_ADDRESS = re.compile(r"https?://[^\s\"'<>]+", re.IGNORECASE)
_TRAILING = ".,;:!?"


# Pure functions of calendar text, kept for the last few thousand texts: places and sources
# repeat from event to event, and a front page says the same titles in six languages. (The
# records of a year's page escape and link their text once for all six: render/page_event.py.
# Each entry costs memory: 65,536 take 5 MB per cache, besides the text they keep.)
_SEEN = 1 << 12


@functools.lru_cache(maxsize=_SEEN)
def text(value: str) -> str:
    return escape(safe(value))


@functools.lru_cache(maxsize=_SEEN)
def link(url: str) -> str:
    """A link for an http(s) address; anything else (javascript:, data:, a file) as text."""
    if not is_web_address(url):
        return text(url)
    return f'<a href="{escape(url)}">{text(url)}</a>'


@functools.lru_cache(maxsize=_SEEN)
def linked_text(value: str) -> str:
    """`value` as text with each web address in it a link: 'https://x.org/a ("quote"); a
    press release' links the address and keeps the rest as text."""
    parts, done = [], 0
    for match in _ADDRESS.finditer(value):
        address = _trimmed(match.group())
        parts += [text(value[done : match.start()]), link(address)]
        done = match.start() + len(address)
    return "".join(parts) + text(value[done:])


def _trimmed(address: str) -> str:
    """Without the punctuation after it, nor a ')' that closes a bracket opened before it."""
    while address and (
        address[-1] in _TRAILING or (address[-1] == ")" and address.count("(") < address.count(")"))
    ):
        address = address[:-1]
    return address


def english(html: str) -> str:
    """Calendar text, which is English, as it is on a page in another language: marked as
    English (a screen reader reads it so, a browser hyphenates it so) and followed by a small
    "(in English)", so a reader knows the page has no name for it in their language."""
    language = current()
    if language == "en":
        return html
    return f'<span lang="en">{html}</span> <small class="fallback">({_marker(language)})</small>'


@functools.cache  # said after every English text of a page, the same in each language
def _marker(language: str) -> str:
    return text(_(words.IN_ENGLISH))


def title_of(event: Event) -> str:
    """An event's title on the page: the ITU's name in the page's language where the
    calendar has it (core/titles.py), else the English title, marked as such."""
    shown = title_in(event, current())
    return english(text(shown.text)) if shown.fallback else text(shown.text)


def deadline_of(deadline: Deadline) -> str:
    """A deadline's name on the page: a rule's in the page's language where the catalogs have
    it (core/deadline_names.py), else as the calendar writes it, marked as English."""
    key = (current(), deadline.name, deadline.rule_id is None, deadline.notes)
    found = _NAMES.get(key)
    if found is None:
        if len(_NAMES) >= _SEEN:
            _NAMES.clear()
        shown = deadline_name(deadline)
        named = text(shown) if shown != deadline.name else english(text(deadline.name))
        found = _NAMES[key] = named
    return found


# A page's deadlines have few names, each said in many records: the name on the page depends
# on nothing but the language, the name, whether a rule gave it and its notes (a narrowed
# rule's say so).
_NAMES: dict[tuple[str, str, bool, str | None], str] = {}


def year_file(year: int) -> str:
    return f"{year}.html"


def record_href(event: Event) -> str:
    """Where an event's full record is: the page of the year it begins in, for good."""
    return f"{year_file(event.first_day.year)}#{escape(event.id)}"
