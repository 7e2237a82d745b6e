"""Reading calendar files into a merged `Calendar`.

Sources, in order: the bundled calendar, the last good copy of each subscribed feed (in the
order added), then the user's own file if it exists; or, when `--calendar` or
`ITU_TIMELINE_CALENDAR` names files, exactly those. A later file's event replaces an earlier
file's event with the same id; rules with the same id are replaced the same way.
"""

import os
import stat
import tomllib
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from itu_timeline.base.errors import CalendarInvalid, CalendarUnreadable, Problem
from itu_timeline.base.i18n import _, system_words
from itu_timeline.core.model import Calendar, Event, Rule

if TYPE_CHECKING:  # a run served from the day index validates nothing and merges nothing
    from itu_timeline.core.schema import CalendarFile

DEFAULT_MAX_MIB = 50


def max_file_bytes(environ: Mapping[str, str] = os.environ) -> int:
    """The largest calendar file read: ITU_TIMELINE_MAX_MIB mebibytes, default 50."""
    value = environ.get("ITU_TIMELINE_MAX_MIB", "")
    mebibytes = int(value) if value.isdigit() and int(value) > 0 else DEFAULT_MAX_MIB
    return mebibytes * 1024 * 1024


def bundled_path() -> Path:
    """The curated calendar: inside the installed package, or at the top of a source checkout."""
    package = Path(__file__).parents[1]
    packaged = package / "data" / "events.toml"
    if packaged.is_file():
        return packaged
    return package.parent / "data" / "events.toml"


def user_path(environ: Mapping[str, str] = os.environ) -> Path:
    base = environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "itu-timeline" / "events.toml"


def named_sources(given: Iterable[str] = (), environ: Mapping[str, str] = os.environ) -> list[Path]:
    """The files named: those given, else those in ITU_TIMELINE_CALENDAR (':'-separated)."""
    paths = [Path(p) for p in given]
    if not paths:
        paths = [Path(p) for p in environ.get("ITU_TIMELINE_CALENDAR", "").split(":") if p]
    return paths


def default_sources(
    given: Iterable[str] = (), environ: Mapping[str, str] = os.environ
) -> list[Path]:
    """The files to read: those named, else the bundled calendar, the last good copy of each
    subscribed feed (in the order added), and the user's own file: a later file's event
    replaces an earlier one with the same id."""
    paths = named_sources(given, environ)
    if paths:
        return paths
    from itu_timeline.core.subscriptions import feed_copies

    user = user_path(environ)
    return [bundled_path(), *feed_copies(environ), *([user] if user.is_file() else [])]


def read_document(path: Path, max_bytes: int | None = None) -> dict[str, Any]:
    """The parsed TOML of one file; every way of failing becomes a one-line `CalendarUnreadable`."""
    max_bytes = max_bytes or max_file_bytes()
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise CalendarUnreadable(
                _("{path}: is a directory, not a calendar file").format(path=path)
            )
        if not stat.S_ISREG(info.st_mode):
            raise CalendarUnreadable(_("{path}: is not a regular file").format(path=path))
        if info.st_size > max_bytes:
            raise CalendarUnreadable(
                _(
                    "{path}: {size} bytes is over the limit of {limit} bytes "
                    "(set ITU_TIMELINE_MAX_MIB to allow more)"
                ).format(path=path, size=info.st_size, limit=max_bytes)
            )
        raw = path.read_bytes()
    except FileNotFoundError as err:
        raise CalendarUnreadable(_("{path}: no such calendar file").format(path=path)) from err
    except PermissionError as err:
        raise CalendarUnreadable(_("{path}: permission denied").format(path=path)) from err
    except OSError as err:
        raise CalendarUnreadable(
            _("{path}: cannot read: {reason}").format(path=path, reason=system_words(err))
        ) from err
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise CalendarUnreadable(
            _("{path}: not UTF-8 text (bad byte at offset {offset}); save it as UTF-8").format(
                path=path, offset=err.start
            )
        ) from err
    return parse_toml(text, path)


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        from itu_timeline.core.toml_words import said  # only for a file that is not TOML

        what, place = said(str(err))
        where = f"{path}:{place}" if place else str(path)
        invalid = _("invalid TOML: {reason}").format(reason=what)
        raise CalendarInvalid([Problem(where, None, None, invalid)]) from err
    except RecursionError as err:
        raise CalendarInvalid([Problem(str(path), None, None, _("nested too deeply"))]) from err


def load_file(path: Path) -> "CalendarFile":
    """One file, validated; raises `CalendarInvalid` listing every problem in it. Served from
    the cache while the file is unchanged."""
    from itu_timeline.core import cache

    stamp = cache.file_stamp(path)  # before reading: a change meanwhile makes the entry stale
    if stamp and (cached := cache.get(path, stamp)):
        return cached
    from itu_timeline.core.schema import parse_document

    document, problems = parse_document(read_document(path), path)
    if problems:
        raise CalendarInvalid(problems)
    if stamp:
        cache.put(path, stamp, document)
    return document


def load(paths: Iterable[Path], window: tuple[date, date] | None = None) -> Calendar:
    """Read and merge files; problems in all files are reported together. With a `window`
    (for `upcoming`, `remind`, `digest`), only the events whose own days or deadlines are near
    it are read, from the day index (core/day_index.py)."""
    paths = list(paths)
    if window is None:
        return _load_all(paths)
    from itu_timeline.core.day_index import near

    return near(paths, window, lambda: _load_all(paths))


def listen(report: Callable[[str, list[str]], None], debug: bool) -> None:
    """`report(level, lines)` hears, from now on, of a feed copy left out (a warning) and,
    with `debug`, the first cache folder or entry not trusted."""
    from itu_timeline.core import cache

    cache.listen(report, debug)


def _load_all(paths: list[Path]) -> Calendar:
    from itu_timeline.core.feed_scope import with_scoped_rules

    files: list[CalendarFile] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            files.append(load_file(path))
        except (CalendarInvalid, CalendarUnreadable) as err:
            if not _skip_copy(path, err):
                if isinstance(err, CalendarUnreadable):
                    raise
                problems.extend(err.problems)
    if problems:
        raise CalendarInvalid(problems)
    kept, curated, left_out = curated_copy(files)
    return merge(with_scoped_rules(kept, curated), curated, left_out)


def _skip_copy(path: Path, err: CalendarInvalid | CalendarUnreadable) -> bool:
    """A feed's copy that cannot be read is left out with a warning, not an error: it is ours,
    not the user's, and every reading command would stop on it until the feed is refreshed."""
    from itu_timeline.core.subscriptions import feed_of

    feed = feed_of(path)
    if feed is None:
        return False
    lines = err.lines()
    why = lines[0] if lines else "damaged"
    from itu_timeline.core.cache import say

    say(
        "warning",
        f"the copy of feed '{feed}' is left out ({why}); run `itu-timeline feeds refresh`",
    )
    return True


def curated_copy(
    files: list["CalendarFile"],
) -> tuple[list["CalendarFile"], "CalendarFile | None", tuple[tuple[Path, datetime | None], ...]]:
    """The files to merge, the copy of the curated calendar in use, and the copies left out.

    A copy of the curated calendar is a file of the bundled calendar's name with a
    `published` stamp (a feed of a site that `publish` wrote). Only the newest copy is used,
    and only when it is newer than the bundled one, which it then replaces; every other copy
    is left out whole: an older copy must not bring back what the bundled one has corrected.
    """
    bundled = next((f for f in files if f.path == bundled_path()), None)
    if bundled is None:  # files named by --calendar: a published one among them, if any
        first = next((f.name for f in files if f.name), None)
        return files, next((f for f in files if f.published and f.name == first), None), ()
    stamp = bundled.published
    if stamp is None:
        return files, bundled, ()
    copies = [
        f for f in files
        if f.name == bundled.name and f.published is not None and f is not bundled
    ]  # fmt: skip
    from itu_timeline.core.feed_scope import from_the_future

    trusted = [f for f in copies if not from_the_future(f.path, f.published)]
    newest = max(trusted, key=lambda f: f.published or stamp, default=bundled)
    in_use = newest if newest.published and newest.published > stamp else bundled
    left_out = {id(f) for f in [bundled, *copies] if f is not in_use}
    kept = [f for f in files if id(f) not in left_out]
    return kept, in_use, tuple((f.path, f.published) for f in copies if id(f) in left_out)


def merge(
    files: list["CalendarFile"],
    curated: "CalendarFile | None" = None,
    left_out: tuple[tuple[Path, datetime | None], ...] = (),
) -> Calendar:
    """The events and rules of `files`, a later file's winning; named after the curated
    calendar when it is read (whatever feeds come before it), else after the first file."""
    events: dict[str, Event] = {}
    rules: dict[object, Rule] = {}
    for document in files:
        for event in document.events:
            events.pop(event.id, None)  # an override takes the later file's place in the order
            events[event.id] = event
        for rule in document.rules:
            # A feed's rule reaches only its own events: it replaces no rule of the calendar.
            key = rule.id if rule.within is None else (document.path, rule.id)
            rules.pop(key, None)
            rules[key] = rule
    name = (curated and curated.name) or next((f.name for f in files if f.name), "ITU meetings")
    return Calendar(
        events=tuple(events.values()),
        rules=tuple(rules.values()),
        name=name,
        files=tuple(f.path for f in files),
        curated=(curated.path, curated.published) if curated else None,
        left_out=left_out,
    )


def curated_notes(calendar: Calendar) -> list[str]:
    """Which copy of the curated calendar is in use (the bundled one, or a feed's newer one),
    and why each other copy is not: what `validate`, `show` and `feeds list` say."""
    if calendar.curated is None:
        return []
    from itu_timeline.core.feed_scope import FUTURE
    from itu_timeline.core.subscriptions import feed_of

    def which(path: Path) -> str:
        feed = feed_of(path)
        if feed:
            return _("feed '{name}'").format(name=feed)
        return _("bundled") if path == bundled_path() else str(path)

    path, published = calendar.curated
    when = " " + _("(published {date})").format(date=published.isoformat()) if published else ""
    notes = [_("The curated calendar: {which}").format(which=which(path)) + when]
    for other, stamp in calendar.left_out:
        if published and stamp and stamp > published:  # left out although newer: a false stamp
            notes.append(f"{which(other)}: {_(FUTURE).format(stamp=stamp.isoformat())}")
            continue
        older = (
            _("{which}: older than the {used} copy, not used")
            if published and stamp and stamp < published
            else _("{which}: not newer than the {used} copy, not used")
        )
        notes.append(older.format(which=which(other), used=which(path)))
    return notes
