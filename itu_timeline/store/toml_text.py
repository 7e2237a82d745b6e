"""Calendar files as the editing commands write them.

`dumps` is the canonical form (`fmt`, new files): tomli-w's TOML, except that rules and events
are always tables of their own (`[[events]]`), never an inline array. tomli-w writes an array
of short tables inline, which for a file of a few short events reads badly and would make one
edit rewrite every event's line.

`patched` is how an edit keeps a file the user wrote: only the events that changed are
touched, so comments (full-line and trailing), blank lines, key order and formatting of
everything else stay byte for byte. An event still in canonical form is rewritten in that
form, so a canonical file stays canonical; a hand-written one is changed key by key with
tomlkit, which keeps what it does not change. A comment block just above an `[[events]]`
header belongs to that event: removing the event before it keeps the block.
"""

import re
import tomllib
from typing import Any

SECTIONS = ("rules", "events", "feeds")
_HEADER = re.compile(r"^(\[\[?)(?=[^\[\]])", re.M)


def dumps(document: dict[str, Any]) -> str:
    import tomli_w

    head = {k: v for k, v in document.items() if k not in SECTIONS}
    parts = [tomli_w.dumps(head)] if head else []
    for key in SECTIONS:
        for table in document.get(key, []):
            body = _HEADER.sub(rf"\g<1>{key}.", tomli_w.dumps(table))
            parts.append(f"[[{key}]]\n{body}")
    return "\n".join(parts)


def patched(text: str, before: dict[str, Any], after: dict[str, Any]) -> str | None:
    """`text` (which reads as `before`) changed so that it reads as `after`, touching only what
    changed; None when that cannot be done here (the caller writes the canonical form)."""
    if any(before.get(k) != after.get(k) for k in SECTIONS if k != "events"):
        return None  # rules and feeds are changed only by fmt, which writes the canonical form
    old, new = before.get("events", []), after.get("events", [])
    new_ids = [e.get("id") for e in new]
    kept = [e for e in old if e.get("id") in new_ids]
    if [e.get("id") for e in kept] != new_ids[: len(kept)]:
        return None  # reordered: not something an edit does
    try:
        result = _patch(text, before, after, new[len(kept) :])
    except (ValueError, TypeError, KeyError):  # a shape tomlkit cannot change in place
        return None
    return result if result is not None and tomllib.loads(result) == after else None


def _patch(
    text: str, before: dict[str, Any], after: dict[str, Any], added: list[dict[str, Any]]
) -> str | None:
    import tomlkit
    from tomlkit.items import AoT

    events = tomlkit.parse(text).get("events")
    if events is not None and not isinstance(events, AoT):
        return _patch_array(text, before, after)
    current = {e.get("id"): e for e in after.get("events", [])}
    old_events = before.get("events", [])
    lines = text.splitlines(keepends=True)
    spans = _event_spans(lines)
    if len(spans) != len(old_events):
        return None  # a header-like line inside a string, or tables out of order
    in_place = []
    for (first, last), old in reversed(list(zip(spans, old_events, strict=True))):
        new = current.get(old.get("id"))
        cut = _trailing_start(lines, first, last)
        if new is None:
            lines[first:last] = _without(lines, first, cut, last)
        elif new != old and "".join(lines[first:cut]) == _event_text(old):
            lines[first:cut] = [_event_text(new)]  # canonical: it stays canonical
        elif new != old:
            in_place.append((old, new))
    result = "".join(lines)
    if (
        in_place
        or before.keys() - SECTIONS != after.keys() - SECTIONS
        or any(before[k] != after[k] for k in before.keys() - SECTIONS if k in after)
    ):
        result = _patch_keys(result, before, after, in_place)
    return _appended(result, added)


def _patch_keys(
    text: str,
    before: dict[str, Any],
    after: dict[str, Any],
    in_place: list[tuple[dict[str, Any], dict[str, Any]]],
) -> str:
    """Top-level keys and the events changed key by key, with tomlkit."""
    import tomlkit

    document = tomlkit.parse(text)
    for key in [k for k in {**before, **after} if k not in SECTIONS]:
        if key not in after:
            del document[key]
        elif before.get(key) != after[key]:
            _set(document, key, after[key])
    tables = {t.get("id"): t for t in document.get("events", [])}
    for old, new in in_place:
        _patch_table(tables[old.get("id")], old, new)
    return tomlkit.dumps(document)


_EVENT_HEADER = re.compile(r"[ \t]*\[\[[ \t]*events[ \t]*\]\][ \t]*(#.*)?$")
_TABLE_HEADER = re.compile(r"[ \t]*\[\[?[ \t]*([^\]\s]+)")


def _event_spans(lines: list[str]) -> list[tuple[int, int]]:
    """Where each `[[events]]` table stands: from its header to the next header that is not
    one of its own sub-tables (`[[events.deadlines]]`), as line numbers."""
    starts = [i for i, line in enumerate(lines) if _EVENT_HEADER.match(line)]
    spans = []
    for first in starts:
        last = first + 1
        while last < len(lines):
            header = _TABLE_HEADER.match(lines[last])
            if header and not header.group(1).startswith("events."):
                break
            last += 1
        spans.append((first, last))
    return spans


def _trailing_start(lines: list[str], first: int, last: int) -> int:
    """Where the blank and comment lines at a table's end begin: they stand above the next
    header and speak of what follows."""
    cut = last
    while cut > first + 1 and (not lines[cut - 1].strip() or lines[cut - 1].lstrip()[:1] == "#"):
        cut -= 1
    return cut


def _without(lines: list[str], first: int, cut: int, last: int) -> list[str]:
    """What stays of a removed event's lines: the comments below it, which speak of what
    follows, without a second blank line."""
    trailing = lines[cut:last]
    if not any(line.lstrip()[:1] == "#" for line in trailing):
        if last == len(lines):  # the last table went: no blank line left at the end
            while first > 0 and not lines[first - 1].strip():
                del lines[first - 1]
                first -= 1
        return []
    while trailing and not trailing[0].strip() and (first == 0 or not lines[first - 1].strip()):
        trailing = trailing[1:]
    return trailing


def _patch_array(text: str, before: dict[str, Any], after: dict[str, Any]) -> str:
    """Events written as an array of inline tables: changed in place, item by item."""
    import tomlkit

    old_events = before.get("events", [])
    current = {e.get("id"): e for e in after.get("events", [])}
    changed = [(e, current[e.get("id")]) for e in old_events if current.get(e.get("id"), e) != e]
    document = tomlkit.parse(_patch_keys(text, before, after, changed))
    array = document["events"]
    for index in reversed(range(len(old_events))):
        if old_events[index].get("id") not in current:
            del array[index]
    old_ids = {e.get("id") for e in old_events}
    for event in after.get("events", []):
        if event.get("id") not in old_ids:
            table = tomlkit.inline_table()
            table.update(event)
            array.append(table)
    return tomlkit.dumps(document)


def _patch_table(table: Any, old: dict[str, Any], new: dict[str, Any]) -> None:
    """One table changed key by key: removed keys go, changed ones are replaced where they
    are (with their trailing comment), new ones come after the others."""
    for key in [k for k in old if k not in new]:
        del table[key]
    for key, value in new.items():
        if key not in old:
            table[key] = value
        elif old[key] != value:
            _set(table, key, value)


def _set(container: Any, key: str, value: Any) -> None:
    """Replace a value where it stands, keeping the comment at the end of its line."""
    import tomlkit
    from tomlkit.items import Table

    old = container.item(key) if hasattr(container, "item") else container[key]
    replacement = tomlkit.item(value)
    if hasattr(old, "trivia") and old.trivia.comment and not isinstance(replacement, Table):
        replacement.trivia.comment_ws = old.trivia.comment_ws
        replacement.trivia.comment = old.trivia.comment
    container[key] = replacement


def _event_text(event: dict[str, Any]) -> str:
    return dumps({"events": [event]})


def _appended(text: str, added: list[dict[str, Any]]) -> str:
    """New events at the end of the file, each after one blank line."""
    for event in added:
        if text and not text.endswith("\n"):
            text += "\n"
        if text and not text.endswith("\n\n"):
            text += "\n"
        text += _event_text(event)
    return text


# Strings (which may hold '#') and comments, in the order they start.
_STRING_OR_COMMENT = re.compile(
    r'"""(?:\\.|[^\\])*?"""|\'\'\'.*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'[^\'\n]*\'|#[^\n]*', re.S
)


def comment_count(text: str) -> int:
    """The comments in TOML text, full-line and trailing (`# ...` outside strings)."""
    return sum(1 for m in _STRING_OR_COMMENT.finditer(text) if m.group().startswith("#"))
