"""A year's page: every meeting that begins in that year, by month, each with its full
record and its id as the anchor (`2026.html#pp-26`), which stays the same from build to
build. Meetings known only to the year come last, under their own heading, not under
January."""

from collections.abc import Iterator
from itertools import groupby

from itu_timeline.base.i18n import _, speaking
from itu_timeline.core.model import Event, Precision
from itu_timeline.core.text import MONTHS
from itu_timeline.render import page_words as words
from itu_timeline.render.html import Site, frame
from itu_timeline.render.page_links import text, year_file
from itu_timeline.render.page_record import Blanks, blanks_of, filled


def years_events(site: Site) -> dict[int, list[Event]]:
    """The events of each year's page (2022.html, …), in their order there: by day as given,
    the year-only ones last. Found once for all years, from one pass over the events."""
    found: dict[int, list[Event]] = {}
    for event in site.events:
        found.setdefault(event.first_day.year, []).append(event)
    by_year = {year: found[year] for year in sorted(found)}
    return {y: sorted(e, key=lambda e: e.precision is Precision.YEAR) for y, e in by_year.items()}


def year_records(site: Site, events: list[Event]) -> list[tuple[Event, list[Blanks]]]:
    """The sections of a year's page, each with its first event (which names the month) and
    its records with blanks for the words of each language, a batch at a time: made once for
    the six languages' pages."""
    deadlines = site.deadlines_of()
    sections = []
    for _key, group in groupby(events, key=_month):
        records = [(e, deadlines.get(e.id, [])) for e in group]
        batches = [
            blanks_of(records[start : start + _BATCH], site.today, site.zone)
            for start in range(0, len(records), _BATCH)
        ]
        sections.append((records[0][0], batches))
    return sections


def year_page(site: Site, year: int, sections: list[tuple[Event, list[Blanks]]]) -> Iterator[str]:
    """The page of `year` in pieces, with the sections of `year_records` for it."""
    nav = [("index.html", _(words.BACK)), *((year_file(y), str(y)) for y in site.years())]
    title = _(words.YEAR_TITLE).format(title=site.title, year=year)
    return frame(site, (year_file(year), title), nav, _sections(site, year, sections))


# Records are written this many at a time: a year's page of a large calendar is never held
# whole (at 100,000 events, some 4 million characters in each of six languages).
_BATCH = 256


def _sections(site: Site, year: int, sections: list[tuple[Event, list[Blanks]]]) -> Iterator[str]:
    """The sections of the page, in the page's language whenever they are taken."""
    if not sections:
        with speaking(site.language):
            empty = f"<p>{text(_(words.YEAR_NONE).format(year=year))}</p>\n"
        yield empty
    for first, records in sections:
        with speaking(site.language):
            heading = f"<section>\n<h2>{text(_heading(first))}</h2>\n"
        yield heading
        for batch in records:
            with speaking(site.language):
                text_of_batch = filled(batch)
            yield text_of_batch
        yield "</section>\n"


def _month(event: Event) -> tuple[int, int] | int:
    """What a section of the page holds alike: a month, or a year's undated meetings."""
    day = event.first_day
    return day.year if event.precision is Precision.YEAR else (day.year, day.month)


def _heading(event: Event) -> str:
    if event.precision is Precision.YEAR:
        return _(words.YEAR_UNDATED).format(year=event.first_day.year)
    return f"{MONTHS[event.first_day.month - 1]} {event.first_day.year}"
