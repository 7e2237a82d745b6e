"""The commands for readers who never open a terminal: publish (a static site with its
feeds) and digest ("This week at the ITU", for newsletters and cron mail)."""

import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from itu_timeline.base.errors import UsageError
from itu_timeline.base.i18n import _, english, ngettext, system_words
from itu_timeline.cli.app import Settings, report
from itu_timeline.cli.options import BaseUrlOption, with_filters
from itu_timeline.cli.recording import recently_changed
from itu_timeline.cli.sources import public_calendar
from itu_timeline.core.model import Body, Calendar, Event
from itu_timeline.core.query import Filter, select
from itu_timeline.core.text import is_web_address, safe

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from itu_timeline.render.html import Feed, Site

commands = typer.Typer()  # put on the app by cli.main

# In every build: a folder that holds it is a site of ours, which `publish` may replace. It
# lists the files the build wrote; the next build writes those again and keeps every other.
MARKER = ".itu-timeline-site"
MARKER_HEAD = "A site written by itu-timeline publish; the next build replaces the files below:"
# The marker of builds before the list: what they wrote is every name a build can write.
OLD_MARKER_HEAD = "A site written by itu-timeline publish; the next build replaces it."
DATA_FILES = ("events.json", "events.toml")


class DigestFormat(StrEnum):
    MARKDOWN = "markdown"
    HTML = "html"
    TEXT = "text"


@commands.command()
@with_filters
def publish(
    ctx: typer.Context,
    filters: Filter,
    folder: Annotated[Path, typer.Argument(metavar="DIR", help=_("The site's folder."))],
    title: Annotated[
        str, typer.Option(help=_("The page's title (by default, in each page's language)."))
    ] = "ITU meetings and deadlines",  # page_words.SITE_TITLE, which each page translates
    base_url: BaseUrlOption = None,
    days: Annotated[
        int, typer.Option(min=0, max=3660, help=_("Days ahead for the 'coming up' section."))
    ] = 90,
    source: Annotated[
        str | None,
        typer.Option(
            metavar="LIST",
            help=_(
                "The calendars that go public, of bundled, feeds and mine (your own file); "
                "default: bundled,feeds."
            ),
            show_default=False,
        ),
    ] = None,
) -> None:
    """A static site of the filtered events: pages, .ics feeds, events.json, events.toml.

    index.html is what is next: what is coming up (countdowns as of the build day), what is
    expected without dates, a chart and the timeline of the next twelve months. Each year
    has a page with every meeting's full record, its id the anchor (2026.html#pp-26). Times
    read as their sources state them, UTC beside; with --tz, days are as seen in that zone.
    No page needs a script. all.ics and one
    .ics per body (itu-t.ics, …) are for calendar apps, events.toml for `feeds add`, and
    events.json has the keys of `list --format json`. The site is built beside DIR and
    swapped in whole (DIR becomes a symlink to it), so a server never serves half a build.
    Files in DIR that publish did not write (CNAME, robots.txt) are kept.
    With --today pinned, two builds are byte-identical. It says which calendars went in:
    the bundled one and the feeds' copies unless --source says otherwise (your own file
    only with --source bundled,feeds,mine); --calendar FILE publishes exactly FILE.

    \b
    Examples:
      itu-timeline publish /var/www/itu --base-url https://example.org/itu
      itu-timeline publish site --source bundled
      itu-timeline publish public --body ITU --title "ITU governance dates"
      itu-timeline publish site --today 2026-06-01 --days 200
    """
    from itu_timeline.base.atomic import write_atomically
    from itu_timeline.base.folders import building, copy_entries
    from itu_timeline.cli.site_files import feed_names, write_in_pieces
    from itu_timeline.render.page_languages import SITE_LANGUAGES
    from itu_timeline.render.page_links import year_file
    from itu_timeline.render.site_pages import site_pages

    settings: Settings = ctx.obj
    if base_url is not None:
        _check_base_url(base_url)
    calendar = public_calendar(settings, source)
    events = select(calendar.events, filters)
    dated = (e for e in events if not e.is_approximate)
    feeds = [f"{feed.lower()}.ics" for feed in feed_names(dated)]
    pages = [year_file(year) for year in {e.first_day.year for e in events}]
    folders = [lang for lang in SITE_LANGUAGES if lang != "en"]  # English is at the top
    names = sorted({*feeds, *DATA_FILES, "index.html", *pages, *folders, MARKER})
    # Days as their sources state them, unless --tz (or ITU_TIMELINE_TZ) names a zone.
    zone = settings.now.zone if ctx.find_root().params.get("tz") else None
    with building(folder, MARKER) as build:
        theirs = _not_written_by_publish(folder, names)
        copy_entries(folder, theirs, build)
        # Each event's deadlines derived once, for its feeds and its pages.
        site = _site(settings, calendar, events, filters, (title, base_url, days), feeds, zone)
        with english():  # the data files once, for every language: programs read them
            _write_data_files(build, settings, calendar, site, filters == Filter(), title)
        for path, page in site_pages(site):  # one page at a time, each language in its folder
            (build / path).parent.mkdir(exist_ok=True)
            write_in_pieces(build / path, page)
        marker = "".join(f"{line}\n" for line in (MARKER_HEAD, *names))
        write_atomically(build / MARKER, marker.encode())
    published = ngettext(
        "published {n} file into {folder}", "published {n} files into {folder}", len(names)
    )
    report("note", [published.format(n=len(names), folder=folder)])
    if theirs:
        kept = _("kept what publish did not write, as it was: {names}")
        report("note", [kept.format(names=", ".join(theirs))])


def _not_written_by_publish(folder: Path, files: list[str]) -> list[str]:
    """The entries of the site in `folder` that no build wrote (a CNAME, a robots.txt): the
    new build keeps them. One of the new build's own names among them is refused."""
    try:
        listed = (folder / MARKER).read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return []  # nothing there, or an empty folder: nothing to keep
    except OSError as err:
        message = _("{path}: cannot read it: {reason}")
        raise UsageError(message.format(path=folder / MARKER, reason=system_words(err))) from err
    ours = {MARKER, *listed[1:]}
    if listed[:1] == [OLD_MARKER_HEAD]:
        ours |= {*files, *(f"{body.value.lower()}.ics" for body in Body)}
    theirs = sorted(entry.name for entry in folder.iterdir() if entry.name not in ours)
    for name in theirs:
        if name in files:
            message = _(
                "{path}: publish did not write it, and this build writes a file of that name; "
                "move it away (or rename it), then publish again"
            )
            raise UsageError(message.format(path=folder / name))
    return theirs


def _write_data_files(
    build: Path,
    settings: Settings,
    calendar: Calendar,
    site: "Site",
    whole: bool,
    title: str,
) -> None:
    """The .ics feeds, events.json and events.toml of the site's events, streamed into the
    build."""
    from itu_timeline.cli.site_files import write_events_json, write_events_toml, write_feeds
    from itu_timeline.render.ics import ExportOptions

    options = ExportOptions(name=calendar.name, stamp=settings.now.utc())
    events, by_event = site.events, site.deadlines_of()
    dated = (e for e in events if not e.is_approximate)
    write_feeds(
        build,
        dated,
        calendar.rules,
        options,
        name_of=lambda feed: f"{feed.lower()}.ics",
        known=lambda event: list(by_event.get(event.id, ())),
    )
    write_events_json(build / "events.json", events, settings.now.zone, calendar if whole else None)
    # Under the curated calendar's name, a newer copy replaces a subscriber's bundled one
    # (core/loader.py): only the whole calendar may; a filtered part is a calendar of its own.
    name = calendar.name if whole else title
    write_events_toml(build / "events.toml", name, settings.now.utc(), calendar.rules, events)


def _site(
    settings: Settings,
    calendar: Calendar,
    events: list[Event],
    filters: Filter,
    page: tuple[str, str | None, int],  # the title, the base URL, the days of Coming up
    feeds: list[str],
    zone: "ZoneInfo | None",
) -> "Site":
    from itu_timeline.core.deadlines import all_deadlines
    from itu_timeline.render import page_words as words
    from itu_timeline.render.html import Feed, Site

    title, base_url, days = page
    return Site(
        title=title,
        today=settings.today,
        zone=zone,
        days=days,
        events=events,
        deadlines=all_deadlines(calendar, events),
        feeds=[
            *(_feed(name) for name in feeds),
            Feed("events.toml", words.FEED_TOML, False),
            Feed("events.json", words.FEED_JSON, False),
        ],
        base_url=base_url,
        changed=_public_changes(settings, filters, calendar, events),
    )


def _public_changes(
    settings: Settings, filters: Filter, calendar: Calendar, events: list[Event]
) -> list[Callable[[], str]]:
    """The recent changes the page may tell: to its own events, made in a file it publishes
    (an edit of a bundled event in the user's own file stays private unless `mine` goes in)."""
    shown = {path.resolve() for path in calendar.files}
    ids = {event.id for event in events}
    changes = recently_changed(settings, filters, days=30)
    return [c.text for c in changes if c.event_id in ids and c.origin().resolve() in shown]


def _feed(file: str) -> "Feed":
    from itu_timeline.render import page_words as words
    from itu_timeline.render.html import Feed

    stem = file.removesuffix(".ics")
    if stem == "all":
        return Feed(file, words.FEED_ALL, True)
    return Feed(file, words.FEED_BODY, True, body=stem.upper())


def _check_base_url(url: str) -> None:
    if not is_web_address(url):
        raise UsageError(
            _("--base-url '{url}' is not an http(s) address").format(url=url),
            hint=_("give the address the site is served at, like https://example.org/itu"),
        )


@commands.command()
@with_filters
def digest(
    ctx: typer.Context,
    filters: Filter,
    days: Annotated[int, typer.Option(min=1, max=366, help=_("How many days ahead."))] = 7,
    fmt: Annotated[
        DigestFormat, typer.Option("--format", "-f", help=_("markdown, html or text."))
    ] = DigestFormat.MARKDOWN,
    base_url: BaseUrlOption = None,
) -> None:
    """ "This week at the ITU": the deadlines and meetings of the next --days, by day.

    For newsletters and cron mail: prints nothing when nothing is due, as `upcoming` does.
    Each entry links to the event on the published page (with --base-url), else to its own
    page or source.

    \b
    Examples:
      itu-timeline digest
      itu-timeline digest --days 14 --format html --base-url https://example.org
      itu-timeline digest --format text | mail -E -s "At the ITU" team@example.org
    """
    from itu_timeline.core.upcoming import upcoming as find_upcoming
    from itu_timeline.render import digest as rendering

    settings: Settings = ctx.obj
    if base_url is not None:
        _check_base_url(base_url)
    # --days 7 is today and the six days after it: upcoming's reach counts the days after.
    items = find_upcoming(settings.calendar(days - 1), filters, settings.now, days - 1)
    changed = recently_changed(settings, filters, days=7)
    sys.stdout.write(
        rendering.digest(
            items,
            settings.today,
            days,
            settings.now.zone,
            fmt.value,
            base_url,
            [safe(c.text()) for c in changed],
        )
    )
