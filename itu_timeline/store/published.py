"""A calendar as the TOML file a site publishes for `feeds add`: our own format (schema 2),
with `published` so that a subscriber's copy is replaced only by a newer one. Every key comes
from the model's one field list, so what is read back equals what was written. The text is the
canonical form of `store/toml_text.py`, written in one pass, a rule or an event at a time."""

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import fields, replace
from datetime import date, datetime, time
from enum import Enum
from operator import attrgetter
from typing import Any

from itu_timeline.core.model import (
    Basis,
    Body,
    DeadlineSpec,
    Event,
    Format,
    Kind,
    Precision,
    Rule,
    Status,
    Title,
)
from itu_timeline.core.text import escape_invisible
from itu_timeline.store.toml_writer import SCALARS, literal, string, table_text

# The bookkeeping of one user's imports: what a source said at their last import is not a
# fact about the meeting, and would make a subscriber's merges compare with the wrong thing.
PRIVATE = ("imported",)
_PLAIN = {str, int, bool, date, datetime, time}


def calendar_toml(
    name: str, published: datetime, rules: Iterable[Rule], events: Iterable[Event]
) -> Iterator[str]:
    """The file in pieces: its head, then each rule and each event as a `[[table]]` of its
    own, after a blank line."""
    yield _text({"schema": 2, "name": name, "published": published}, "")
    for rule in rules:
        yield "\n" + _text(_table(_unscoped(rule)), "rules")
    for event in events:
        yield "\n" + _event_text(event)


def _text(table: dict[str, Any], name: str) -> str:
    # Basic strings escape the C0 controls; the C1 controls and bidirectional overrides are
    # escaped too (\u202e), so a subscriber or a reader of the file sees what it says.
    return escape_invisible(table_text(table, name, in_array=bool(name)))


def _event_text(event: Event) -> str:
    """An event's table: one with titles or deadlines of its own as any table, the others
    (most of a large calendar) written key by key from the event, as `_table` and
    `table_text` write them, without the table between (a third of the time of events.toml)."""
    if event.titles or event.deadlines:
        return _text(_table(event), "events")
    lines = ["[[events]]\n"]
    for key, value in zip(_KEYS[Event], _GETTERS[Event](event), strict=True):
        write = _WRITE.get(type(value))
        if write is not None:
            if value != 0 or key != "revision":
                lines.append(f"{key} = {write(value)}\n")
        elif value:  # None, and no titles, deadlines or tags, are left out; tags are text
            lines.append(f"{key} = {literal(list(value))}\n")
    return escape_invisible("".join(lines))


def _unscoped(rule: Rule) -> Rule:
    """A feed's rule, which reaches only its own events, with those events named in its
    `match`: published, it must not reach every event of a subscriber's calendar. Its id
    takes the feed's name, as another rule may have its id."""
    if rule.within is None:
        return rule
    ids = sorted(rule.within & set(rule.match.get("id", rule.within)))
    name = f"{rule.origin.stem}-{rule.id}" if rule.origin else rule.id
    return replace(rule, id=name, match={**rule.match, "id": tuple(ids)}, within=None)


def _table(item: Event | Rule | DeadlineSpec | Title) -> dict[str, Any]:
    table = {}
    names = _KEYS[type(item)]
    for name, value in zip(names, _GETTERS[type(item)](item), strict=True):
        if type(value) not in _PLAIN:  # most values are written as they are
            value = _value(value)
            if value in ([], {}):
                continue
        if value is not None and not (name == "revision" and value == 0):
            table[name] = value
    return table


# The keys of each kind of table, found once: a large calendar asks for every event.
_KEYS = {
    kind: tuple(
        f.name for f in fields(kind) if not f.metadata.get("internal") and f.name not in PRIVATE
    )
    for kind in (Event, Rule, DeadlineSpec, Title)
}
_GETTERS = {kind: attrgetter(*names) for kind, names in _KEYS.items()}  # all in one call
# A flat event's values by their type: the choices of the model by their value (each written
# once), a tuple (its tags, of text) as an array.
_CHOICES = {
    choice: string(choice.value)
    for kind in (Basis, Body, Format, Kind, Precision, Status)
    for choice in kind
}
_WRITE = {**SCALARS, **dict.fromkeys(map(type, _CHOICES), _CHOICES.__getitem__)}


def _value(value: object) -> Any:
    if type(value) in _PLAIN:
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_value(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _value(v) for k, v in value.items()}
    if isinstance(value, DeadlineSpec | Title):
        return _table(value)
    return value
