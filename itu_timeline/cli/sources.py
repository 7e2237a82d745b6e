"""Which calendars `publish` puts on a public page (`--source bundled,feeds,mine`), and
their names as the command reports them: a page is public, so what goes into it is chosen
and said, never taken silently from the publisher's own files."""

from enum import StrEnum
from pathlib import Path

from itu_timeline.base.errors import CalendarUnreadable, UsageError
from itu_timeline.base.i18n import _
from itu_timeline.cli.app import Settings, report
from itu_timeline.cli.options import for_option
from itu_timeline.core import loader
from itu_timeline.core.model import Calendar


class Source(StrEnum):
    BUNDLED = "bundled"  # the curated calendar shipped with the program
    FEEDS = "feeds"  # the last good copy of every subscribed feed
    MINE = "mine"  # the user's own file, where private notes live: only when asked for


# Feeds are calendars their publishers made for others (the README's cron line refreshes them
# before each build); the user's own file is not, so it goes public only when asked for.
DEFAULT = "bundled,feeds"


def chosen(text: str) -> list[Source]:
    """`bundled,feeds` as the sources it names, in the order of the layers."""
    words = [w.strip() for w in text.split(",") if w.strip()]
    known = {s.value for s in Source}
    if not words or any(w not in known for w in words):
        raise UsageError(
            _("'{text}' is not a list of bundled, feeds and mine").format(text=text),
            hint=_("e.g. --source bundled,feeds"),
        )
    return [s for s in Source if s.value in words]


def source_files(named: list[Path], sources: list[Source] | None) -> list[Path]:
    """The files to read: those named by --calendar, else the layers of `sources`."""
    if named:
        if sources is not None:
            raise UsageError(
                _(
                    "--source chooses among the default calendars, and --calendar names the "
                    "files to read instead"
                ),
                hint=_("give one of the two"),
            )
        return named
    return [path for source in sources or chosen(DEFAULT) for path in _layer(source)]


def _layer(source: Source) -> list[Path]:
    from itu_timeline.core.subscriptions import feed_copies

    if source is Source.BUNDLED:
        return [loader.bundled_path()]
    if source is Source.FEEDS:
        return feed_copies()
    user = loader.user_path()
    return [user] if user.is_file() else []


def left_out(sources: list[Source] | None, named: list[Path]) -> list[Path]:
    """The default calendars present on this machine that `sources` leaves out."""
    if named:
        return []
    wanted = sources or chosen(DEFAULT)
    return [path for source in Source if source not in wanted for path in _layer(source)]


def described(path: Path) -> str:
    """'the bundled calendar', "feed 'itu-t'", 'your own file (PATH)', or the path."""
    from itu_timeline.core.subscriptions import feed_of

    if path == loader.bundled_path():
        return _("the bundled calendar")
    if (feed := feed_of(path)) is not None:
        return _("feed '{name}'").format(name=feed)
    if path == loader.user_path():
        return _("your own file ({path})").format(path=path)
    return str(path)


def public_calendar(settings: Settings, source: str | None) -> Calendar:
    """The calendars chosen for the page, read, and named on stderr (with those left out)."""
    named = loader.named_sources(settings.calendars)
    wanted = None if source is None else for_option("--source", chosen, source)
    paths = source_files(named, wanted)
    try:
        calendar = loader.load(paths)
    except CalendarUnreadable as err:
        raise err.with_hint(_("check --calendar and ITU_TIMELINE_CALENDAR")) from err
    used = ", ".join(described(p) for p in calendar.files)
    notes = [
        _("calendars on the page: {names}").format(names=used)
        if used
        else _("calendars on the page: none")
    ]
    if omitted := left_out(wanted, named):
        listed = ", ".join(described(p) for p in omitted)
        notes.append(_("left out (--source chooses): {names}").format(names=listed))
    report("note", notes)
    return calendar
