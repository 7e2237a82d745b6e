"""Every page of the public site in each of the six languages: English at the top, each other
language in its folder (`fr/index.html`, `fr/2026.html`), the same files in each. The words
come from the catalogs of the language being built; calendar text stays as the calendar
gives it, marked as English (render/page_links.py)."""

from collections.abc import Iterator
from dataclasses import replace

from itu_timeline.base.i18n import _, speaking
from itu_timeline.render import page_words as words
from itu_timeline.render.html import Site
from itu_timeline.render.page_archive import year_page, year_records, years_events
from itu_timeline.render.page_front import front_page, near
from itu_timeline.render.page_languages import SITE_LANGUAGES, folder
from itu_timeline.render.page_links import year_file


def site_pages(site: Site) -> Iterator[tuple[str, Iterator[str]]]:
    """Each page, in pieces, and its path in the site ('index.html', 'fr/2026.html', …), one
    at a time: a caller that writes each piece as it comes holds a few hundred records of a
    year's page at most, never a page whole. The front pages (what they may show found once
    for all six), then each year's page in every language in turn: what its records say
    alike in every language (calendar text, links) is made once for all six
    (render/page_event.py)."""
    site = replace(site, by_event=site.deadlines_of())  # found once for every language
    site = replace(site, near=near(site))
    built = {}
    for language in SITE_LANGUAGES:
        with speaking(language):
            built[language] = replace(site, language=language, languages=SITE_LANGUAGES)
            if site.title == words.SITE_TITLE:  # the default title, not one the user gave
                built[language] = replace(built[language], title=_(words.SITE_TITLE))
            yield folder(language) + "index.html", front_page(built[language])
    for year, events in years_events(site).items():
        sections = year_records(site, events)
        for language in SITE_LANGUAGES:
            with speaking(language):
                yield (
                    folder(language) + year_file(year),
                    year_page(built[language], year, sections),
                )
