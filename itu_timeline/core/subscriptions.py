"""Which feeds are subscribed, and where their last good copies live. Read here, by every
reading command (without touching the network); written by `store/feeds.py`.

Subscriptions are in `$XDG_CONFIG_HOME/itu-timeline/feeds.toml`, in the order they were added:

    [[feeds]]
    name = "itu"
    url = "https://example.org/itu/events.toml"
    body = "ITU-T"          # defaults for events of an .ics feed that do not say
    kind = "study-group"
    tags = ["standards"]
    allow_override = true   # its events may replace the curated calendar's of the same ids

The last good copy of each feed is a calendar file in our own format (an .ics feed is
imported into one), `$XDG_STATE_HOME/itu-timeline/feeds/NAME.toml`, beside what the server
said of it (`NAME.state.toml`: validators, last success, last error, event count). They are
state, not cache: the cache folder may be deleted at any time, and a feed's copy must outlive
that (it holds the ids its events were given, and the shrink guard's count). Copies that
earlier versions kept in `$XDG_CACHE_HOME/itu-timeline/feeds/` are moved on first use.
"""

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

from itu_timeline.base.errors import CalendarUnreadable
from itu_timeline.base.i18n import _
from itu_timeline.base.records import record

# A feed's name: 1 to 64 of these, '-' neither first nor last. Checked without a pattern,
# whose compiling cost each run with feeds 0.26 ms.
NAME_ENDS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
NAME_LETTERS = NAME_ENDS | {"-"}


@record
class Subscription:
    """A subscribed feed, as feeds.toml names it."""

    name: str
    url: str
    body: str | None = None
    kind: str | None = None
    tags: tuple[str, ...] = ()
    allow_override: bool = False  # its events may replace the curated calendar's of the same id


def bad_name(name: str) -> str | None:
    """Why `name` cannot name a feed (it names the files of its copy), or None if it can."""
    if 0 < len(name) <= 64 and {name[0], name[-1]} <= NAME_ENDS and set(name) <= NAME_LETTERS:
        return None
    return _("'{name}' cannot name a feed; use lowercase letters, digits and '-'").format(name=name)


def unreadable(path: Path, err: Exception) -> str:
    from itu_timeline.core.toml_words import why_unreadable  # only when it cannot be read

    said = _("{path}: the feed subscriptions cannot be read: {reason}")
    return said.format(path=path, reason=why_unreadable(err))


def config_path(environ: Mapping[str, str] = os.environ) -> Path:
    base = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "itu-timeline" / "feeds.toml"


def state_dir(environ: Mapping[str, str] = os.environ) -> Path:
    """`$XDG_STATE_HOME/itu-timeline`: what the program keeps for the user (feed copies, the
    change log, what `remind` said), which no cleaning of caches may lose."""
    base = environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "itu-timeline"


def copies_dir(environ: Mapping[str, str] = os.environ) -> Path:
    return state_dir(environ) / "feeds"


def _earlier_copies_dir(environ: Mapping[str, str]) -> Path:
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "itu-timeline" / "feeds"


def move_earlier_copies(environ: Mapping[str, str] = os.environ) -> None:
    """Move the copies and states that earlier versions kept in the cache folder to the state
    folder, once; a file already in the state folder wins. What cannot be moved stays where
    it is, to be tried again next time."""
    earlier = _earlier_copies_dir(environ)
    try:
        if not earlier.is_dir():
            return
    except OSError:  # a cache folder not ours to look into (SECURITY.md): nothing to move
        return
    import shutil

    target = copies_dir(environ)
    try:
        target.mkdir(mode=0o700, parents=True, exist_ok=True)
        for path in earlier.glob("*.toml"):
            if not (target / path.name).exists():
                shutil.move(path, target / path.name)
        shutil.rmtree(earlier)
    except OSError:
        return  # a read-only cache, or a race with another run: reading goes on either way


def copy_path(name: str, environ: Mapping[str, str] = os.environ) -> Path:
    return copies_dir(environ) / f"{name}.toml"


def subscriptions(environ: Mapping[str, str] = os.environ) -> list[Subscription]:
    """The subscribed feeds, in the order they were added; none when there is no file."""
    path = config_path(environ)
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise CalendarUnreadable(unreadable(path, err)) from err
    found = []
    for i, raw in enumerate(document.get("feeds", []), 1):
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            raise CalendarUnreadable(_("{path}: feed #{n} has no name").format(path=path, n=i))
        if why := bad_name(raw["name"]):  # hand-edited to '../../x', it would write outside
            raise CalendarUnreadable(_("{path}: feed #{n}: {why}").format(path=path, n=i, why=why))
        tags = raw.get("tags", [])
        found.append(
            Subscription(
                name=raw["name"],
                url=str(raw.get("url", "")),
                body=raw.get("body"),
                kind=raw.get("kind"),
                tags=tuple(str(t) for t in tags) if isinstance(tags, list) else (),
                allow_override=raw.get("allow_override") is True,
            )
        )
    return found


def feed_copies(environ: Mapping[str, str] = os.environ) -> list[Path]:
    """The last good copy of each subscribed feed that has one, in the order added."""
    move_earlier_copies(environ)
    return [p for s in subscriptions(environ) if _present(p := copy_path(s.name, environ))]


def _present(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # there, maybe, but not to be looked at: reading it says why, once
        return True


def feed_of(path: Path | None, environ: Mapping[str, str] = os.environ) -> str | None:
    """The name of the feed whose copy `path` is, or None."""
    if path is None or path.parent != copies_dir(environ) or path.suffix != ".toml":
        return None
    return path.stem
