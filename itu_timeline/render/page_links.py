"""Text and links on the public page: calendar text escaped in one place (control characters
made visible, then HTML-escaped), links only to http(s) addresses, web addresses inside a
text made links, and where each event's record lives (its year's page, its id the anchor)."""

import re
from html import escape

from itu_timeline.core.model import Event
from itu_timeline.core.text import is_web_address, safe

# An address inside free text ends at a space, a quote or an angle bracket; punctuation that
# closes the sentence around it is not part of it.
_ADDRESS = re.compile(r"https?://[^\s\"'<>]+", re.IGNORECASE)
_TRAILING = ".,;:!?"


def text(value: str) -> str:
    return escape(safe(value))


def link(url: str) -> str:
    """A link for an http(s) address; anything else (javascript:, data:, a file) as text."""
    if not is_web_address(url):
        return text(url)
    return f'<a href="{escape(url)}">{text(url)}</a>'


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


def year_file(year: int) -> str:
    return f"{year}.html"


def record_href(event: Event) -> str:
    """Where an event's full record is: the page of the year it begins in, for good."""
    return f"{year_file(event.first_day.year)}#{escape(event.id)}"
