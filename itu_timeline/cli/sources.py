"""Which calendars `publish` puts on a public page (`--source bundled,feeds,mine`), and
their names as the command reports them: a page is public, so what goes into it is chosen
and said, never taken silently from the publisher's own files."""

from enum import StrEnum
from pathlib import Path

from itu_timeline.base.errors import UsageError
from itu_timeline.core import loader


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
            f"'{text}' is not a list of bundled, feeds and mine",
            hint="e.g. --source bundled,feeds",
        )
    return [s for s in Source if s.value in words]


def source_files(named: list[Path], sources: list[Source] | None) -> list[Path]:
    """The files to read: those named by --calendar, else the layers of `sources`."""
    if named:
        if sources is not None:
            raise UsageError(
                "--source chooses among the default calendars, and --calendar names the "
                "files to read instead",
                hint="give one of the two",
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
        return "the bundled calendar"
    if (feed := feed_of(path)) is not None:
        return f"feed '{feed}'"
    if path == loader.user_path():
        return f"your own file ({path})"
    return str(path)
