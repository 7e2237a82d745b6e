"""Refreshing feeds, so that the calendar stays current without a new release (feeds.toml
itself is changed by store/subscribing.py). A feed is an .ics calendar or a calendar in our
own TOML format; its last good copy is kept as a calendar file (store/importer.py and
store/merging.py turn an .ics into one, so event ids stay the same from one refresh to the
next).

Refreshing is careful: a conditional GET (a 304 rewrites nothing); the new copy is parsed and
validated before it replaces the old one, atomically; a copy that cannot be read keeps the
last good one; a feed that suddenly holds fewer than half of its events is not applied (a
broken export upstream must not wipe a calendar) unless the user accepts it.
"""

import contextlib
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from itu_timeline.base.atomic import write_atomically
from itu_timeline.base.errors import CalendarInvalid, Problem, TimelineError
from itu_timeline.base.i18n import N_, _, current, in_every_language, kept, number, say
from itu_timeline.base.locks import LOCK_TIMEOUT_SECONDS, exclusive
from itu_timeline.core.feed_scope import FUTURE_FEED, from_the_future
from itu_timeline.core.loader import max_file_bytes, parse_toml
from itu_timeline.core.schema import SCHEMA, parse_document
from itu_timeline.core.subscriptions import (
    Subscription,
    copies_dir,
    copy_path,
)
from itu_timeline.core.text import events_count, slug
from itu_timeline.store import toml_text
from itu_timeline.store.feed_claims import claims, is_curated_copy
from itu_timeline.store.feed_state import State, state_path
from itu_timeline.store.fetch import fetch
from itu_timeline.store.fetch_reasons import FetchError
from itu_timeline.store.subscribing import unsubscribe

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SHRINK = 0.5  # fewer than half of the events it held: not applied without --accept-shrink


@dataclass(frozen=True)
class Outcome:
    name: str
    result: str  # updated | unchanged | failed | refused
    message: str
    state: State
    warnings: tuple[str, ...] = ()  # what it claims of others' ids; a stamp from the future


def name_from(url: str) -> str:
    """A feed name made from its URL: the host and the last part of the path."""
    parts = urlsplit(url)
    stem = Path(parts.path).stem if parts.path not in ("", "/") else ""
    return slug(f"{parts.hostname or 'feed'} {stem}", limit=60) or "feed"


def remove(name: str) -> None:
    """Unsubscribe, and drop the feed's copy and state."""
    unsubscribe(name)
    forget(name)


def forget(name: str) -> None:
    """Drop a feed's copy and state (a first fetch that failed leaves nothing behind)."""
    for path in (copy_path(name), state_path(name)):
        path.unlink(missing_ok=True)


def refresh(
    feed: Subscription,
    now: datetime,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    accept_shrink: bool = False,
) -> Outcome:
    """Fetch one feed and, if it can be read and is not a sudden shrink, replace its copy.
    Under the feed's lock (`NAME.toml.lock` beside its copy): two refreshes at once (cron's
    and one by hand) take turns, so a copy and its state (ETag, events) come from one fetch."""
    _make_copies_dir()
    with exclusive(copy_path(feed.name), timeout + LOCK_TIMEOUT_SECONDS):
        return _refresh(feed, now, timeout, max_bytes, accept_shrink)


def _refresh(
    feed: Subscription, now: datetime, timeout: float, max_bytes: int, accept_shrink: bool
) -> Outcome:
    state = State.of(feed.name)
    state.last_attempt = now
    max_bytes = min(max_bytes, max_file_bytes())  # what is fetched must be readable
    has_copy = copy_path(feed.name).is_file()
    try:
        # What goes wrong is kept in the feed's state in each language (English for JSON):
        # found once, each message keeping its words and values to be said in any of them.
        with kept():
            got = fetch(
                feed.url,
                timeout,
                max_bytes,
                *((state.etag, state.last_modified) if has_copy else (None, None)),
            )
            capped: list[str] = []  # recurring series of an .ics feed cut or skipped at a bound
            document = (
                {}
                if got.status == 304
                else _calendar(feed, got.body, got.content_type, now, capped)
            )
        if got.status == 304:
            return _done(feed, state, now, "unchanged", _("not modified since the last fetch"))
        warnings, state.claimed = claims(feed, document, state.claimed, first=not has_copy)
        warnings += [say(cut) for cut in capped]
    except TimelineError as err:  # fetching or reading it: said in each language
        return _failed(feed, state, "failed", partial(_reason, err))
    count = len(document.get("events", []))
    size, before = len(toml_text.dumps(document).encode()), state.events if has_copy else None
    if _refusal(count, size, before, accept_shrink):
        return _failed(feed, state, "refused", lambda: _refusal(count, size, before, accept_shrink))
    text = toml_text.dumps(document).encode()
    changed = not has_copy or copy_path(feed.name).read_bytes() != text
    if changed:
        _write_copy(copy_path(feed.name), text)
    state.etag, state.last_modified, state.events = got.etag, got.last_modified, count
    published = document.get("published")
    if is_curated_copy(document.get("name"), published) and from_the_future(
        copy_path(feed.name), published
    ):
        stamp = document["published"].isoformat()
        warnings.append(_(FUTURE_FEED).format(stamp=stamp))
    outcome = _done(feed, state, now, "updated" if changed else "unchanged", events_count(count))
    return replace(outcome, warnings=tuple(warnings))


def _failed(
    feed: Subscription, state: State, result: str, why: Callable[[], str | None]
) -> Outcome:
    """A fetch that failed, or a copy refused: why, kept in the feed's state in English and
    in each language, and said to the reader in theirs."""
    said = {lang: text or "" for lang, text in in_every_language(why).items()}
    state.last_error, state.last_error_in = said["en"], said
    state.save(feed.name)
    return Outcome(feed.name, result, said[current()], state)


def _reason(err: TimelineError) -> str:
    return " ".join(err.lines())[:500]


def _refusal(count: int, size: int, before: int | None, accept_shrink: bool) -> str | None:
    """Why a copy that was read is not kept: every reading command would refuse a copy over
    the read limit, and a sudden shrink is more likely a broken export than a calendar."""
    limit = max_file_bytes()
    if size > limit:
        message = _(
            "its copy would be {size} bytes, over the {limit} that reading accepts "
            "(ITU_TIMELINE_MAX_MIB): not kept"
        )
        return message.format(size=number(size), limit=number(limit))
    if before is not None and count < before * SHRINK and not accept_shrink:
        message = _("it now holds {events}, after {n}: not applied (--accept-shrink applies it)")
        return message.format(events=events_count(count), n=before)
    return None


def _write_copy(path: Path, data: bytes) -> None:
    write_atomically(path, data, make_folders=True)


def _make_copies_dir() -> None:
    """Feed copies live in the state folder, readable by their owner only (a feed's URL and
    events may be private): made 0700 when a feed is the first to need it, before its lock."""
    with contextlib.suppress(OSError):  # if it cannot be made, the write says why
        copies_dir().mkdir(mode=0o700, parents=True, exist_ok=True)


def _done(feed: Subscription, state: State, now: datetime, result: str, message: str) -> Outcome:
    state.last_success, state.last_error, state.last_error_in = now, None, None
    state.save(feed.name)
    return Outcome(feed.name, result, message, state)


def _calendar(
    feed: Subscription, body: bytes, content_type: str, now: datetime, capped: list[str]
) -> dict[str, Any]:
    """The fetched body as a calendar document in our format, validated whole. Its problems
    are named by the feed's URL: the last good copy, which is left as it was, is not at fault."""
    try:
        if _is_toml(body, content_type, feed.url):
            document = parse_toml(_text(body), copy_path(feed.name))
            _carry_revisions(_previous(feed.name), document)
        else:
            document = _from_ics(feed, body, now, capped)
        _, problems = parse_document(document, copy_path(feed.name))
        if problems:
            raise CalendarInvalid(problems)
    except CalendarInvalid as err:
        raise CalendarInvalid([_at_url(p, feed) for p in err.problems]) from err
    return document


def _at_url(problem: Problem, feed: Subscription) -> Problem:
    where = str(copy_path(feed.name))
    if problem.file.startswith(where):
        return replace(problem, file=feed.url + problem.file[len(where) :])
    return problem


def _carry_revisions(previous: dict[str, Any], document: dict[str, Any]) -> None:
    """An event of a feed in our format that changed gets a `revision` above the one its
    last copy had, whatever its publisher wrote, so that the SEQUENCE of its export rises
    and calendar apps take the change."""
    before = {e.get("id"): e for e in previous.get("events", []) if isinstance(e, dict)}
    for event in document.get("events", []):
        old = before.get(event.get("id")) if isinstance(event, dict) else None
        had, has = (old or {}).get("revision", 0), event.get("revision", 0)
        if old is None or not isinstance(had, int) or not isinstance(has, int):
            continue  # new, or a revision the validator refuses
        if has <= had and _content(event) != _content(old):
            event["revision"] = had + 1
        elif has < had:
            event["revision"] = had


def _content(event: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in event.items() if k not in ("revision", "updated")}


def _is_toml(body: bytes, content_type: str, url: str) -> bool:
    head = body.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].upper()
    if head.startswith(b"BEGIN:VCALENDAR"):
        return False
    return "toml" in content_type or urlsplit(url).path.endswith(".toml") or b"SCHEMA" in head


def _from_ics(feed: Subscription, body: bytes, now: datetime, capped: list[str]) -> dict[str, Any]:
    """An .ics feed as a calendar: merged into the previous copy, so ids stay the same, and
    without the events the feed no longer holds (a feed speaks for its own events)."""
    from itu_timeline.store.importer import ImportOptions, collect  # icalendar: .ics feeds only
    from itu_timeline.store.merging import merge

    options = ImportOptions(feed.body, feed.kind, feed.tags, "UTC")
    today = now.date()
    # Messages name what was fetched as the server's answer: the command names the feed, and a
    # URL made a Path loses a slash (http:/host).
    window = (today - timedelta(days=366), today + timedelta(days=3 * 366))
    batch = collect(_("the server's answer"), options, *window, body)
    capped += batch.reading.capped
    said = _("'{name}' skipped: {reason}")
    capped += [said.format(name=s.name, reason=s.reason) for s in batch.reading.skipped if s.capped]
    document = _previous(feed.name)
    merge(document, batch.events, feed.tags, today, prefix=f"{feed.name}-")
    keep = {e["uid"] for e in batch.events}
    document["events"] = [e for e in document.get("events", []) if e.get("uid") in keep]
    return document


def _previous(name: str) -> dict[str, Any]:
    try:
        document = tomllib.loads(copy_path(name).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        document = {}
    return {
        "schema": SCHEMA,
        "name": f"feed {name}",
        **{k: v for k, v in document.items() if k == "events"},
    }


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        said = N_("it is not UTF-8 text (bad byte at offset {offset})")
        raise FetchError(said, offset=str(err.start)) from err
