"""Tables as TOML text, byte for byte as tomli-w writes them (a test compares), at the speed
of a few calls into C per value: tomli-w looks at every character of every string in Python,
which made events.toml of a large calendar the slow part of `publish`.

The layout is tomli-w's: a table's plain values first (`key = value`), then its tables
(`[name.key]`) and its arrays of tables (`[[name.key]]`), each after a blank line; arrays one
item a line, indented; an array of tables written inline (`[{ ... }]`) when every one of them
fits in 100 columns on one line.
"""

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any

INDENT = "    "
MAX_LINE_LENGTH = 100
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
# What a basic string escapes: quote, backslash and the ASCII controls but tab.
_ILLEGAL = re.compile('["\\\\\x00-\x08\x0a-\x1f\x7f]')
_COMPACT = {"\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def table_text(table: Mapping[str, Any], name: str, in_array: bool = False) -> str:
    """`table` under the header `name` (`[[name]]` as an item of an array of tables)."""
    out: list[str] = []
    _write(table, name, in_array, out)
    return "".join(out)


def _write(table: Mapping[str, Any], name: str, in_array: bool, out: list[str]) -> None:
    plain: list[str] = []
    tables: list[tuple[str, Mapping[str, Any], bool]] = []
    for key, value in table.items():
        if type(value) in SCALARS:  # most values: no look at what kind of object it is
            plain.append(f"{_key(key)} = {SCALARS[type(value)](value)}\n")
        elif isinstance(value, Mapping):
            tables.append((key, value, False))
        elif _is_array_of_tables(value) and not all(map(_fits_inline, value)):
            tables += [(key, item, True) for item in value]
        else:
            plain.append(f"{_key(key)} = {literal(value)}\n")
    written = in_array or bool(name and (plain or not tables))
    if written:
        out.append(f"[[{name}]]\n" if in_array else f"[{name}]\n")
    out += plain
    written = written or bool(plain)
    for key, value, item in tables:
        if written:
            out.append("\n")
        written = True
        _write(value, f"{name}.{_key(key)}" if name else _key(key), item, out)


def literal(value: object, level: int = 0) -> str:
    if type(value) in SCALARS:
        return SCALARS[type(value)](value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | date):  # a datetime is a date
        return str(value)
    if isinstance(value, time):
        return _time(value)
    if isinstance(value, str):
        return string(value)
    if isinstance(value, list | tuple):
        return _array(value, level)
    if isinstance(value, Mapping):
        return _inline(value)
    raise TypeError(f"no TOML for a value of type {type(value).__qualname__}")


def string(value: str) -> str:
    """A basic string: quote, backslash and controls (but tab) escaped."""
    if _ILLEGAL.search(value) is None:
        return f'"{value}"'
    return '"' + _ILLEGAL.sub(_escaped, value) + '"'


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    return _COMPACT.get(char) or f"\\u{ord(char):04x}"


def _array(items: list[Any] | tuple[Any, ...], level: int) -> str:
    if not items:
        return "[]"
    indent = INDENT * (level + 1)
    lines = "".join(f"{indent}{literal(item, level + 1)},\n" for item in items)
    return f"[\n{lines}{INDENT * level}]"


def _inline(table: Mapping[str, Any]) -> str:
    if not table:
        return "{}"
    return "{ " + ", ".join(f"{_key(k)} = {literal(v)}" for k, v in table.items()) + " }"


@lru_cache(maxsize=4096)  # the same few keys in every table
def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else string(key)


def _is_array_of_tables(value: object) -> bool:
    return (
        isinstance(value, list | tuple)
        and bool(value)
        and all(isinstance(item, Mapping) for item in value)
    )


def _fits_inline(table: Mapping[str, Any]) -> bool:
    line = f"{INDENT}{_inline(table)},"
    return len(line) <= MAX_LINE_LENGTH and "\n" not in line


def _time(value: time) -> str:
    if value.tzinfo:
        raise ValueError("TOML has no times with an offset")
    return str(value)


# The values written without a look at nesting, by their exact type (a bool is an int too).
SCALARS: dict[type, Callable[[Any], str]] = {
    str: string,
    bool: lambda value: "true" if value else "false",
    int: str,
    float: str,
    date: str,
    datetime: str,
    time: _time,
}
