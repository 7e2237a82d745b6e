"""feeds.toml is the user's file: a subscription is added or removed with tomlkit, which keeps
the user's comments, blank lines, order and keys unknown to us; under a lock (`feeds.toml.lock`
beside it), so two `feeds add` at once both land; atomically, and only once the change is
known to be good, so a failed command leaves the file byte for byte as it was."""

from collections.abc import Callable
from typing import Any

from itu_timeline.base.atomic import write_atomically
from itu_timeline.base.errors import CalendarUnreadable, UsageError, WriteError
from itu_timeline.base.i18n import _
from itu_timeline.base.locks import exclusive
from itu_timeline.core.subscriptions import (
    Subscription,
    bad_name,
    config_path,
    subscriptions,
    unreadable,
)


def check_new(subscription: Subscription) -> None:
    """Refuse a name that cannot name a feed, or a name or URL already subscribed."""
    if why := bad_name(subscription.name):
        raise UsageError(why)
    known = subscriptions()
    if any(s.name == subscription.name for s in known):
        message = _("a feed named '{name}' is already subscribed")
        raise UsageError(message.format(name=subscription.name))
    if any(s.url == subscription.url for s in known):
        raise UsageError(_("{url} is already subscribed").format(url=subscription.url))


def subscribe(subscription: Subscription) -> None:
    """Append the subscription as a `[[feeds]]` table of its own."""
    import tomlkit

    def append(document: Any) -> None:
        check_new(subscription)  # again, under the lock: another run may have added it
        table = tomlkit.table()
        table.update({"name": subscription.name, "url": subscription.url})
        table.update(
            {k: v for k, v in (("body", subscription.body), ("kind", subscription.kind)) if v}
        )
        if subscription.tags:
            table["tags"] = list(subscription.tags)
        if subscription.allow_override:
            table["allow_override"] = True
        feeds = document.get("feeds")
        if isinstance(feeds, tomlkit.items.Array) and len(feeds):  # inline tables, by hand
            inline = tomlkit.inline_table()
            inline.update(table)
            feeds.append(inline)
            return
        if feeds is not None and not len(feeds):  # `feeds = []`: no table can follow it
            del document["feeds"]
        if "feeds" not in document:
            document.append("feeds", tomlkit.aot())
        document["feeds"].append(table)

    _change(append)


def unsubscribe(name: str) -> None:
    """Remove the feed's table; every other line of the file stays as it was."""

    def drop(document: Any) -> None:
        known = subscriptions()
        if not any(s.name == name for s in known):
            if not known:
                raise UsageError(_("no feed named '{name}' (subscribed: none)").format(name=name))
            names = ", ".join(s.name for s in known)
            message = _("no feed named '{name}' (subscribed: {names})")
            raise UsageError(message.format(name=name, names=names))
        tables = document["feeds"]
        index = next(i for i, t in enumerate(tables) if t.get("name") == name)
        del tables[index]
        if not len(tables):  # an empty array of tables is written `feeds = []`: none at all
            del document["feeds"]

    _change(drop)


def _change(change: Callable[[Any], None]) -> None:
    import tomlkit

    path = config_path()
    with exclusive(path):  # ten `feeds add` at once: ten subscriptions
        try:
            old = path.read_text(encoding="utf-8") if path.exists() else ""
        except (OSError, UnicodeDecodeError) as err:
            raise WriteError(
                _("{path}: cannot read it: {reason}").format(path=path, reason=err)
            ) from err
        try:
            document = tomlkit.parse(old)
        except tomlkit.exceptions.TOMLKitError as err:
            raise CalendarUnreadable(unreadable(path, err)) from err
        change(document)
        write_atomically(path, tomlkit.dumps(document).encode("utf-8"))
