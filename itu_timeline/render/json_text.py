"""The text of a JSON list of records, exactly as `json.dumps(records, indent=2,
ensure_ascii=False)` writes it (a test checks), made fast: the values of a batch of records
are encoded by one call of the C encoder, then put into the indented layout of their records.
The indenting encoder is pure Python, and an encoder call per value was half of what
`list --format json` cost.

ensure_ascii=False keeps Arabic or Chinese titles readable; json still escapes C0 control
characters, and the C1 controls and bidirectional overrides are escaped here (`\\u202e`), so
no reader of the file is shown text other than it reads.
"""

import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from itu_timeline.core.text import escape_invisible

Row = tuple[tuple[str, ...], list[Any]]  # a record as its keys and its values, in order

BATCH = 1_000  # records a batch: one encoder call, a few hundred kB of text
# The C encoder with a line feed between values: as it escapes every control character in a
# string, a line feed in its output is one of these separators and nothing else.
_VALUES = json.JSONEncoder(ensure_ascii=False, separators=("\n", ": ")).encode
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_SCALARS = (str, int, float, type(None))  # bool is an int


def to_json(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A JSON list, a batch of records at a time, so a large result never sits in memory
    whole."""
    return rows_json((tuple(r), list(r.values())) for r in records)


def rows_json(rows: Iterable[Row]) -> Iterator[str]:
    """`to_json` of records given as keys and values (which it may change)."""
    separator = "[\n  "
    layouts: dict[tuple[object, ...], _Layout] = {}
    remaining = iter(rows)
    while batch := list(itertools.islice(remaining, BATCH)):
        yield separator + escape_invisible(_batch_text(batch, layouts))
        separator = ",\n  "
    yield "[]\n" if separator.startswith("[") else "\n]\n"


def _batch_text(batch: list[Row], layouts: dict[tuple[object, ...], "_Layout"]) -> str:
    """The records of `batch`, indented, with the list's separators between them."""
    templates, values = [], []
    for keys, row in batch:
        shape = (keys, *map(type, row))
        layout = layouts.get(shape) or layouts.setdefault(shape, _Layout.of(keys, row))
        template = layout.template(row)
        if template is None:  # rare: the indenting encoder, its lines moved in by one level
            text = json.dumps(dict(zip(keys, row, strict=True)), indent=2, ensure_ascii=False)
            templates.append(text.replace("\n", "\n  ").replace("%", "%%"))
            continue
        templates.append(template)
        for at in reversed(layout.lists):  # the items of a list take its place
            row[at : at + 1] = row[at]
        values += row
    tokens = _VALUES(values)[1:-1].split("\n") if values else []
    return ",\n  ".join(templates) % tuple(tokens)


@dataclass
class _Layout:
    """The text of the records of one set of keys and types of values, with a `%s` where each
    scalar goes; `odd` when a value is neither a scalar nor a list of them."""

    keys: tuple[str, ...]  # encoded, ready for `%`
    lists: tuple[int, ...]  # where the values are lists
    odd: bool
    # where the values are tables (an event's titles): an empty one is one token, `{}`; a
    # record with a table that is not empty takes the indenting encoder
    tables: tuple[int, ...] = ()
    templates: dict[tuple[int, ...], str] = field(default_factory=dict)  # by lists' lengths

    @classmethod
    def of(cls, keys: tuple[str, ...], row: list[Any]) -> "_Layout":
        lists = tuple(at for at, value in enumerate(row) if isinstance(value, list | tuple))
        tables = tuple(at for at, value in enumerate(row) if isinstance(value, dict))
        odd = any(
            not isinstance(v, _SCALARS)
            for at, v in enumerate(row)
            if at not in lists and at not in tables
        )
        return cls(tuple(_ENCODE(key).replace("%", "%%") for key in keys), lists, odd, tables)

    def template(self, row: list[Any]) -> str | None:
        """The record's text with a `%s` for each scalar, or None when it is odd."""
        if self.odd or any(row[at] for at in self.tables):
            return None
        lengths = []
        for at in self.lists:
            if not all(map(isinstance, row[at], itertools.repeat(_SCALARS))):
                return None
            lengths.append(len(row[at]))
        key = tuple(lengths)
        if (found := self.templates.get(key)) is None:
            found = self.templates[key] = self._made(dict(zip(self.lists, lengths, strict=True)))
        return found

    def _made(self, lengths: dict[int, int]) -> str:
        members = [f"{key}: {_list_template(lengths.get(at))}" for at, key in enumerate(self.keys)]
        return "{\n    " + ",\n    ".join(members) + "\n  }" if members else "{}"


def _list_template(length: int | None) -> str:
    if length is None:
        return "%s"
    return "[\n      " + ",\n      ".join(["%s"] * length) + "\n    ]" if length else "[]"
