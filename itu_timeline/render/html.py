"""The frame of every page of the public site (the front page, what is next, in
`render/page_front.py`; one page per year with every meeting's full record, in
`render/page_archive.py`) and what they are made from. Static HTML5 with no script; calendar text
and links go through `render/page_links.py`, the page's words come from
`render/page_words.py`, times and days from `render/page_times.py`."""

import functools
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from zoneinfo import ZoneInfo

from itu_timeline.base.i18n import _
from itu_timeline.core.model import Deadline, Event
from itu_timeline.render import page_words as words
from itu_timeline.render.page_css import CSS
from itu_timeline.render.page_languages import alternates, switcher
from itu_timeline.render.page_links import text

RIGHT_TO_LEFT = {"ar"}


@dataclass(frozen=True)
class Feed:
    file: str  # its name in the site's folder
    label: str  # a message of page_words, put in the page's language; {body} is `body`
    calendar: bool  # an iCalendar feed, which a calendar app can subscribe to
    body: str = ""


@dataclass(frozen=True)
class Site:
    title: str
    today: date
    zone: ZoneInfo | None  # --tz; None: every day as its source states it
    days: int  # ahead, for "Coming up"
    events: Sequence[Event]  # sorted
    deadlines: Sequence[Deadline]
    feeds: Sequence[Feed]
    base_url: str | None
    # What changed recently, newest first: each says its sentence in the language being built.
    changed: Sequence[Callable[[], str]] = ()
    language: str = "en"  # of this build of the pages
    languages: Sequence[str] = ("en",)  # every language the site is built in
    # Each event's deadlines by its id, where they were found already: site_pages finds them
    # once for the six languages' builds, which would otherwise each hold their own.
    by_event: Mapping[str, Sequence[Deadline]] | None = None
    # What the front page may show of `events` and `deadlines`, where found already: once
    # for the six languages' front pages (render/page_front.near).
    near: tuple[Sequence[Event], Sequence[Deadline]] | None = None

    def years(self) -> list[int]:
        """The years that have a page: those the events begin in."""
        return self._years

    def deadlines_of(self) -> Mapping[str, Sequence[Deadline]]:
        return self._deadlines_of if self.by_event is None else self.by_event

    # Each found once for a language's pages, not again for each of them (at 100,000 events,
    # a year's page of every language asked for all of them again).
    @functools.cached_property
    def _years(self) -> list[int]:
        return sorted({e.first_day.year for e in self.events})

    @functools.cached_property
    def _deadlines_of(self) -> dict[str, list[Deadline]]:
        found: dict[str, list[Deadline]] = {}
        for deadline in self.deadlines:
            found.setdefault(deadline.event.id, []).append(deadline)
        return found


def frame(
    site: Site, page: tuple[str, str], nav: Sequence[tuple[str, str]], main: Iterable[str]
) -> Iterator[str]:
    """A whole page (`page`: its file and its title) in pieces: head with the same page's
    address in every language, header with the build day (and zone, when one is given), the
    languages, the navigation, `main` (as it comes: a large page is never held whole), the
    footer."""
    file, title = page
    here = (site.language, file)
    day = site.today.isoformat()
    built = (
        _(words.BUILT).format(day=f'<time datetime="{day}">{day}</time>')
        if site.zone is None
        else _(words.BUILT_IN_ZONE).format(
            day=f'<time datetime="{day}">{day}</time>', zone=escape(site.zone.key)
        )
    )
    direction = ' dir="rtl"' if site.language in RIGHT_TO_LEFT else ""
    links = "".join(f'<li><a href="{escape(href)}">{text(label)}</a></li>' for href, label in nav)
    head = "".join(
        [
            f'<!DOCTYPE html>\n<html lang="{site.language}"{direction}>\n<head>\n',
            '<meta charset="utf-8">\n',
            alternates(here, site.languages, site.base_url),
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="color-scheme" content="light dark">\n<link rel="icon" href="data:,">\n',
            f"<title>{text(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
            f"<header>\n{switcher(here, site.languages, site.base_url)}<h1>{text(title)}</h1>\n",
            f"<p>{built} {text(_(words.TIMES_NOTE))}</p>\n",
            f'<nav aria-label="{text(_(words.NAV_LABEL))}"><ul>{links}</ul></nav>\n</header>\n',
            "<main>\n",
        ]
    )
    foot = f"</main>\n<footer><p>{text(_(words.FOOTER))}</p></footer>\n</body>\n</html>\n"
    return itertools.chain((head,), main, (foot,))
