"""`itu-timeline feeds`: subscribe to remote calendars and keep them current. Only these
commands touch the network; every other command reads the last good copies."""

import re
import sys
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Annotated, Any

import typer

from itu_timeline.base.errors import TimelineError, UsageError
from itu_timeline.base.i18n import N_, _, current, english
from itu_timeline.cli.app import Settings, report
from itu_timeline.cli.event_options import choices_of
from itu_timeline.cli.options import FormatOption, for_option, one_of
from itu_timeline.cli.output import print_records
from itu_timeline.core.model import Body, Kind
from itu_timeline.core.text import ago, events_count, safe

if TYPE_CHECKING:
    from itu_timeline.core.model import Calendar
    from itu_timeline.core.subscriptions import Subscription

group = typer.Typer(
    name="feeds",
    help=_("Subscribe to .ics feeds or published itu-timeline calendars, and refresh them."),
    no_args_is_help=True,
)

TimeoutOption = Annotated[
    float, typer.Option(min=1, max=600, help=_("Seconds to wait for each feed."))
]
MaxMibOption = Annotated[int, typer.Option(min=1, max=1024, help=_("Largest feed, in MiB."))]


# TRANSLATORS: what a refresh did to a feed's copy, in `feeds refresh --verbose`
RESULTS = {"updated": N_("updated"), "unchanged": N_("unchanged"), "failed": N_("failed"),
           "refused": N_("refused")}  # fmt: skip


class NeverFetched(TimelineError):
    """A subscribed feed has no good copy yet: exit 2, for cron to mail."""


@group.command("add")
def add(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(help=_("An https, http or webcal URL of .ics or .toml."))],
    name: Annotated[
        str | None, typer.Option(help=_("A short name (default: from the URL)."))
    ] = None,
    body: Annotated[
        str | None,
        typer.Option(help=_("Body of events that do not say."), autocompletion=choices_of(Body)),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(help=_("Kind of events that do not say."), autocompletion=choices_of(Kind)),
    ] = None,
    tag: Annotated[list[str] | None, typer.Option(help=_("Tag its events (repeatable)."))] = None,
    allow_override: Annotated[
        bool, typer.Option(help=_("Let its events replace the curated calendar's of the same id."))
    ] = False,
    timeout: TimeoutOption = 20.0,
    max_mib: MaxMibOption = 20,
) -> None:
    """Subscribe to a feed, fetch it once, and say how many events it holds.

    \b
    Examples:
      itu-timeline feeds add https://example.org/itu/events.toml --name itu
      itu-timeline feeds add webcal://example.org/apt.ics --body APT --tag apt
    """
    from itu_timeline.core.subscriptions import Subscription
    from itu_timeline.store import feeds
    from itu_timeline.store.fetch import http_url
    from itu_timeline.store.subscribing import check_new, subscribe

    settings: Settings = ctx.obj
    for_option("URL", http_url, url)
    feed = Subscription(
        name=name or feeds.name_from(url),
        url=url.strip(),
        body=for_option("--body", lambda v: one_of(v, Body), body) if body else None,
        kind=for_option("--kind", lambda v: one_of(v, Kind), kind) if kind else None,
        tags=tuple(tag or ()),
        allow_override=allow_override,
    )
    check_new(feed)
    feeds.forget(feed.name)  # what an earlier subscription of that name may have left
    # Fetched before feeds.toml is touched: a feed that cannot be read leaves it as it was.
    outcome = feeds.refresh(feed, settings.now.instant, timeout, max_mib * 2**20)
    if outcome.result in ("failed", "refused"):  # refused: too big to read
        feeds.forget(feed.name)
        raise UsageError(
            _("{url}: {problem}; not subscribed").format(url=url, problem=outcome.message)
        )
    try:
        subscribe(feed)
    except TimelineError:
        feeds.forget(feed.name)
        raise
    _warn(feed.name, outcome.warnings)
    subscribed = _("subscribed to '{name}': {events}")
    report("note", [subscribed.format(name=feed.name, events=events_count(outcome.state.events))])


def _warn(name: str, warnings: tuple[str, ...]) -> None:
    said = _("feed '{name}': {warning}")
    report("warning", [said.format(name=name, warning=w) for w in warnings])


FEED_FIELDS = ("name", "url", "events", "last_success", "age", "last_error", "curated")


@group.command("list")
def list_feeds(ctx: typer.Context, fmt: FormatOption = None) -> None:
    """The subscribed feeds: name, URL, events, last success and its age, last error, and
    whether it is the copy of the curated calendar in use.

    \b
    Examples:
      itu-timeline feeds list
      itu-timeline feeds list --format json
    """
    from itu_timeline.core.subscriptions import subscriptions
    from itu_timeline.store.feed_state import State

    settings: Settings = ctx.obj
    said, curated = _curated_by_feed(settings)
    rows = []
    for feed in subscriptions():
        state = State.of(feed.name)
        with english():  # JSON and CSV: the same words in every language
            age = _age(state.last_success, settings)
        rows.append({
            "name": feed.name,
            "url": feed.url,
            "events": state.events,
            "last_success": state.last_success.isoformat() if state.last_success else None,
            "age": age,
            "last_error": state.last_error,
            "curated": curated.get(feed.name),
            "shown_age": _age(state.last_success, settings),  # the table's and lines' words
            "shown_error": (state.last_error_in or {}).get(current(), state.last_error),
            "shown_curated": said.get(feed.name),
        })  # fmt: skip
    columns = {"name": _("Name"), "url": _("URL"), "events": _("Events"),
               "last_success": _("Last success"), "shown_age": _("Age"),
               "shown_error": _("Last error"), "shown_curated": _("Curated")}  # fmt: skip
    print_records(settings, fmt, rows, FEED_FIELDS, _feed_line, columns)


def _feed_line(row: dict[str, Any]) -> str:
    count = events_count(int(row["events"] or 0))
    fetched = _("fetched {age}").format(age=row["shown_age"])
    line = f"{row['name']}  {safe(str(row['url']))}  {count}  {fetched}"
    if row["shown_error"]:
        line += "  " + _("last error: {error}").format(error=safe(row["shown_error"]))
    return line + (f"  {safe(row['shown_curated'])}" if row["shown_curated"] else "")


def _curated_by_feed(settings: Settings) -> tuple[dict[str, str], dict[str, str]]:
    """What `validate` says of each feed that carries a copy of the curated calendar: in
    the language of the run, and in English (for JSON and CSV)."""
    from itu_timeline.core import loader

    try:
        calendar = loader.load(loader.default_sources(settings.calendars))
    except TimelineError:
        return {}, {}  # `validate` says what is wrong; the list still lists
    with english():
        in_english = _curated(calendar)
    return _curated(calendar), in_english


def _curated(calendar: "Calendar") -> dict[str, str]:
    from itu_timeline.core import loader
    from itu_timeline.core.subscriptions import feed_of

    found = {}
    if calendar.curated and (name := feed_of(calendar.curated[0])):
        found[name] = _("the curated calendar in use")
    notes = loader.curated_notes(calendar)[1:]
    for (path, _stamp), note in zip(calendar.left_out, notes, strict=True):
        if name := feed_of(path):  # what follows the feed's name and a colon (Chinese: U+FF1A)
            found[name] = re.split(r"\s*[:\uff1a]\s*", note, maxsplit=1)[-1]
    return found


@group.command("remove")
def remove(name: Annotated[str, typer.Argument(help=_("The feed's name."))]) -> None:
    """Unsubscribe from a feed and drop its copy.

    \b
    Examples:
      itu-timeline feeds remove itu
    """
    from itu_timeline.store import feeds

    feeds.remove(name)
    report("note", [_("unsubscribed from '{name}'").format(name=name)])


@group.command("refresh")
def refresh(
    ctx: typer.Context,
    names: Annotated[
        list[str] | None, typer.Argument(help=_("Feeds to refresh (default: all)."))
    ] = None,
    timeout: TimeoutOption = 20.0,
    max_mib: MaxMibOption = 20,
    max_age: Annotated[
        int,
        typer.Option(min=0, help=_("Days a failing feed stays quiet while its copy is younger.")),
    ] = 7,
    accept_shrink: Annotated[
        bool, typer.Option(help=_("Apply a feed even if it lost more than half of its events."))
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help=_("Report every feed."))] = False,
) -> None:
    """Fetch the feeds again. For cron: one line when something changed (`changes` says
    what), silent otherwise; a failing feed is reported once its last good copy is older than
    --max-age days; exit 2 if a feed has never been fetched.

    \b
    Examples:
      itu-timeline feeds refresh && itu-timeline remind
      itu-timeline feeds refresh itu --verbose
    """
    from itu_timeline.cli.recording import recording, summary
    from itu_timeline.core.changes import Source
    from itu_timeline.core.subscriptions import subscriptions

    settings: Settings = ctx.obj
    limits = {"timeout": timeout, "max_bytes": max_mib * 2**20, "accept_shrink": accept_shrink}
    known = subscriptions()
    unknown = sorted(set(names or ()) - {f.name for f in known})
    if unknown:
        raise UsageError(_("no feed named {names}").format(names=", ".join(unknown)))
    chosen = [f for f in known if not names or f.name in names]
    with recording(settings, Source("feed", ", ".join(f.name for f in chosen))) as found:
        never = [f.name for f in chosen if not _refresh_one(f, settings, verbose, max_age, limits)]
    if found:  # for cron: a line to mail when something changed, nothing when nothing did
        sys.stdout.write(summary(found) + "\n")
    if never:
        message = _("never fetched: {names}; no copy of it can be read yet")
        raise NeverFetched(message.format(names=", ".join(never)))


def _refresh_one(
    feed: "Subscription", settings: Settings, verbose: bool, max_age: int, limits: dict[str, Any]
) -> bool:
    """Refresh one feed and say what `--verbose` and the rules for cron say to; whether it
    has a good copy."""
    from itu_timeline.store import feeds

    now = settings.now.instant.astimezone(UTC)
    outcome = feeds.refresh(feed, now, **limits)
    _warn(feed.name, outcome.warnings)
    stale = _stale(outcome.state.last_success, now, max_age)
    if outcome.result in ("failed", "refused") and (
        stale or verbose or outcome.result == "refused"
    ):
        age = _copy_age(outcome.state.last_success, settings)
        said = (
            _("feed '{name}': {problem}; {age}")
            if outcome.message.startswith(feed.url)  # the URL named once
            else _("feed '{name}' ({url}): {problem}; {age}")
        )
        report(
            "warning", [said.format(name=feed.name, url=feed.url, problem=outcome.message, age=age)]
        )
    elif verbose:
        said = _("feed '{name}': {result} ({message})")
        result = _(RESULTS[outcome.result])
        report("note", [said.format(name=feed.name, result=result, message=outcome.message)])
    return outcome.state.last_success is not None


def _stale(last: datetime | None, now: datetime, max_age: int) -> bool:
    return last is None or now - last > timedelta(days=max_age)


def _age(last: datetime | None, settings: Settings) -> str:
    """The age of a last good copy, as `feeds list` and the warnings of `refresh` say it."""
    return ago(None if last is None else settings.now.instant - last)


def _copy_age(last: datetime | None, settings: Settings) -> str:
    if last is None:
        return _("no good copy yet")
    return _("the last good copy was fetched {age}").format(age=_age(last, settings))
