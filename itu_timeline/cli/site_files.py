"""The data files of a site, streamed into their folder: the .ics feeds (`all` and one per
body, each event serialised once for both), events.json and events.toml. Used by `publish`,
and for the feeds of `export --split-by body`."""

import contextlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import BinaryIO
from zoneinfo import ZoneInfo

from itu_timeline.base.atomic import open_atomically
from itu_timeline.core.model import Calendar, Event, Rule
from itu_timeline.render.ics import END, ExportOptions, Known, Serialiser, head


def feed_names(events: Iterable[Event]) -> list[str]:
    """`all`, then the body of each feed, in the order `write_feeds` writes them."""
    return ["all", *dict.fromkeys(event.body.value for event in events)]


def write_feeds(
    folder: Path,
    events: Iterable[Event],
    rules: Iterable[Rule],
    options: ExportOptions,
    name_of: Callable[[str], str] = lambda feed: f"{feed}.ics",
    make_folders: bool = False,
    known: Known = None,
) -> list[str]:
    """`all.ics` and one .ics per body present into `folder` (each file atomically), every
    event serialised once and written to both of its feeds as it comes; the names written.
    `known`: each event's deadlines, where the caller has them already (`publish`)."""
    with contextlib.ExitStack() as stack:
        files: dict[str, BinaryIO] = {}
        for feeds, piece in feed_chunks(events, Serialiser(rules, options, known), options.name):
            for feed in feeds:
                if feed not in files:
                    file = open_atomically(folder / name_of(feed), make_folders=make_folders)
                    files[feed] = stack.enter_context(file)
                files[feed].write(piece)
        return [name_of(feed) for feed in files]


def feed_chunks(
    events: Iterable[Event], serialised: Serialiser, name: str
) -> Iterator[tuple[tuple[str, ...], bytes]]:
    """`all`, then one feed per body present (named "NAME: BODY"), as pieces with the feeds
    they belong to: each event is serialised once, for `all` and its body's feed alike (the
    feeds of `export --split-by body` and of `publish`). A feed's head comes before its first
    event; every feed ends after the last."""
    yield ("all",), head(name)
    bodies: list[str] = []
    for event in events:
        body = event.body.value
        if body not in bodies:
            bodies.append(body)
            yield (body,), head(f"{name}: {body}")
        yield ("all", body), serialised(event)
    yield ("all", *bodies), END


def write_in_pieces(path: Path, pieces: Iterable[str], piece: int = 1 << 20) -> None:
    """`pieces` of text into `path` (atomically), each encoded as it comes, a large one a
    part at a time: a large page is not held whole, nor twice, as text and as bytes."""
    with open_atomically(path) as out:
        for text in pieces:
            for start in range(0, len(text), piece):
                out.write(text[start : start + piece].encode())


def write_events_json(
    path: Path, events: Sequence[Event], zone: ZoneInfo, whole: Calendar | None = None
) -> None:
    """The text of `list --format json` of `events`; of every event of `whole`, from the
    rows `list` keeps in the cache for it (render/json_rows.py), when it has them."""
    from itu_timeline.render.json_csv import events_json
    from itu_timeline.render.json_rows import calendar_json

    if whole is not None:
        pieces = calendar_json(whole.files, zone, lambda: whole)
    else:
        pieces = events_json(events, zone)
    with open_atomically(path) as out:
        for piece in pieces:
            out.write(piece.encode())


def write_events_toml(
    path: Path, name: str, published: datetime, rules: Iterable[Rule], events: Iterable[Event]
) -> None:
    from itu_timeline.store.published import calendar_toml

    with open_atomically(path) as out:
        for piece in calendar_toml(name, published, rules, events):
            out.write(piece.encode())
