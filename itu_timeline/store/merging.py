"""Re-importing is a merge, not an overwrite.

Each imported event remembers what the source said at its last import: a short fingerprint
of each field the source gives (`imported`; for tags, the source's own categories). On the
next import a field changes only where the source changed it since then: what the user
edited and the source did not change stays; where both changed, the source wins and the
event is reported as a conflict. Options of an earlier import (`--body`, `--kind`, `--tag`)
are not undone by a later import without them. An unchanged source changes nothing.
"""

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from itu_timeline.core.text import slug
from itu_timeline.store.edits import events_of, make_id, normalize, unique_id
from itu_timeline.store.ics_reading import CONTENT_UID
from itu_timeline.store.importer import OUR_UID

# The fields a source gives and a re-import may change; body, kind and the option tags are
# set once, when an event is first imported.
FROM_SOURCE = ("title", "start", "end", "location", "timezone", "format", "status", "basis",
               "url", "source", "outcome", "notes")  # fmt: skip
TAGS = "tags"
SHORT_UID = 20  # a UID's local part longer than this is named by a hash: it is no word


@dataclass
class Merged:
    counts: Counter[str] = field(default_factory=Counter)
    conflicts: list[str] = field(default_factory=list)  # "id: field, field"


def merge(
    document: dict[str, Any],
    incoming: list[dict[str, Any]],
    option_tags: tuple[str, ...],
    today: date,
    prefix: str = "",
    fields: tuple[str, ...] = FROM_SOURCE,
) -> Merged:
    """Merge `incoming` event tables into `document`. New events get the id in a UID that
    `export` wrote; else, with a `prefix` (a feed's name, so the events of two feeds never take
    each other's ids), one from their UID, which stays when the title changes; else one from
    their title (an import into the user's own file). An event already there keeps its id.
    `fields` are those the source gives (a letter gives deadlines)."""
    merged = Merged()
    events = events_of(document)
    by_uid = {e.get("uid"): e for e in events if e.get("uid")}
    taken = {e.get("id") for e in events}
    for source in incoming:
        existing = by_uid.get(source["uid"])
        if existing is None:
            added = _new_event(source, option_tags, taken, today, prefix, fields)
            events.append(added)
            by_uid[source["uid"]] = added
            merged.counts["added"] += 1
        else:
            _merge_event(existing, source, today, merged, fields)
    return merged


def uid_slug(uid: str) -> str:
    """A short, readable name for a source's UID, the same every time: the part before '@'
    when it is short, else 8 hex digits of a hash (a UUID, a content UID, Google's 26
    letters), and the day of an occurrence of a recurring event.

    >>> uid_slug("apg27-6@apt.int"), uid_slug("weekly@x.org#2027-01-15")
    ('apg27-6', 'weekly-2027-01-15')
    >>> uid_slug("550e8400-e29b-41d4-a716-446655440000@example.org")
    'b822fc3e'
    >>> uid_slug("hourly@x.org#2027-01-15T05:00:00Z")
    'hourly-2027-01-15t05-00-00z'
    """
    base, _, day = uid.partition("#")
    local = base.partition("@")[0]
    words = slug(local, limit=len(local) * 4)
    if not words or len(words) > SHORT_UID or base.endswith(CONTENT_UID):
        words = hashlib.sha256(base.encode()).hexdigest()[:8]
    # an occurrence's day, or its instant where its series has several a day (T05:00:00Z)
    return f"{words}-{slug(day)}" if day else words


def fingerprint(value: Any) -> str:
    text = (
        "" if value is None else repr(value.isoformat() if hasattr(value, "isoformat") else value)
    )
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def _new_event(
    source: dict[str, Any],
    option_tags: tuple[str, ...],
    taken: set[Any],
    today: date,
    prefix: str,
    fields: tuple[str, ...],
) -> dict[str, Any]:
    m = OUR_UID.match(source["uid"])
    if m:
        wanted = m.group(1)
    elif prefix:  # a feed's event: named by what stays when its title changes
        wanted = prefix + uid_slug(source["uid"])
    else:
        wanted = make_id(source["title"], source["start"])
    event_id = unique_id(wanted, taken)
    taken.add(event_id)
    tags = list(dict.fromkeys([*option_tags, *source.get(TAGS, [])]))
    table = {"id": event_id, **source, "updated": today, "imported": _remember(source, fields)}
    table[TAGS] = tags
    return normalize({k: v for k, v in table.items() if v not in (None, [])})


def _remember(source: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    memory: dict[str, Any] = {key: fingerprint(source.get(key)) for key in fields}
    memory[TAGS] = list(source.get(TAGS, []))
    return memory


def _merge_event(
    existing: dict[str, Any],
    source: dict[str, Any],
    today: date,
    merged: Merged,
    fields: tuple[str, ...],
) -> None:
    memory = existing.get("imported") or _remember({}, fields)
    changed, conflicts = [], []
    for key in fields:
        # A field an older import did not remember: that import gave nothing for it.
        theirs, before = fingerprint(source.get(key)), memory.get(key, fingerprint(None))
        if theirs == before:
            continue  # the source did not change it: the user's value stays
        if fingerprint(existing.get(key)) not in (before, theirs):
            conflicts.append(key)
        if existing.get(key) != source.get(key):
            changed.append(key)
            _set(existing, key, source.get(key))
    tags = _merged_tags(existing.get(TAGS, []), memory.get(TAGS, []), source.get(TAGS, []))
    if tags != existing.get(TAGS, []):
        changed.append(TAGS)
        _set(existing, TAGS, tags)
    remembered = _remember(source, fields)
    if not changed and remembered == memory:
        merged.counts["unchanged"] += 1
        return
    existing["imported"] = remembered
    if changed:
        existing["revision"] = int(existing.get("revision", 0)) + 1
        existing["updated"] = today
        merged.counts["updated"] += 1
    else:
        merged.counts["unchanged"] += 1
    if conflicts:
        merged.conflicts.append(f"{existing.get('id')}: {', '.join(conflicts)}")
    replacement = normalize(existing)
    existing.clear()
    existing.update(replacement)


def _merged_tags(current: list[str], before: list[str], theirs: list[str]) -> list[str]:
    """The user's tags, less those the source dropped, plus those it added since last time."""
    dropped, added = set(before) - set(theirs), [t for t in theirs if t not in before]
    return list(dict.fromkeys([*(t for t in current if t not in dropped), *added]))


def _set(table: dict[str, Any], key: str, value: Any) -> None:
    if value in (None, []):
        table.pop(key, None)
    else:
        table[key] = value
