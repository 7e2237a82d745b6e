"""A calendar as the TOML file a site publishes for `feeds add`: our own format (schema 2),
with `published` so that a subscriber's copy is replaced only by a newer one. Every key comes
from the model's one field list, so what is read back equals what was written."""

from collections.abc import Iterable, Mapping
from dataclasses import fields, replace
from datetime import datetime
from enum import Enum
from typing import Any

from itu_timeline.core.model import DeadlineSpec, Event, Rule
from itu_timeline.core.text import escape_invisible
from itu_timeline.store.toml_text import dumps

# The bookkeeping of one user's imports: what a source said at their last import is not a
# fact about the meeting, and would make a subscriber's merges compare with the wrong thing.
PRIVATE = ("imported",)


def calendar_toml(
    name: str, published: datetime, rules: Iterable[Rule], events: Iterable[Event]
) -> str:
    document = {
        "schema": 2,
        "name": name,
        "published": published,
        "rules": [_table(_unscoped(rule)) for rule in rules],
        "events": [_table(event) for event in events],
    }
    # tomli-w escapes the C0 controls; the C1 controls and bidirectional overrides are
    # escaped too (\u202e), so a subscriber or a reader of the file sees what it says.
    return escape_invisible(dumps(document))


def _unscoped(rule: Rule) -> Rule:
    """A feed's rule, which reaches only its own events, with those events named in its
    `match`: published, it must not reach every event of a subscriber's calendar. Its id
    takes the feed's name, as another rule may have its id."""
    if rule.within is None:
        return rule
    ids = sorted(rule.within & set(rule.match.get("id", rule.within)))
    name = f"{rule.origin.stem}-{rule.id}" if rule.origin else rule.id
    return replace(rule, id=name, match={**rule.match, "id": tuple(ids)}, within=None)


def _table(item: Event | Rule | DeadlineSpec) -> dict[str, Any]:
    table = {}
    for field in fields(item):
        if field.metadata.get("internal") or field.name in PRIVATE:
            continue
        value = _value(getattr(item, field.name))
        if value not in (None, (), [], {}) and not (field.name == "revision" and value == 0):
            table[field.name] = value
    return table


def _value(value: object) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_value(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _value(v) for k, v in value.items()}
    if isinstance(value, DeadlineSpec):
        return _table(value)
    return value
