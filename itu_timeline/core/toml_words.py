"""What Python's TOML reader says of a file it cannot read, in our words, which the catalogs
translate: its messages are English sentences, one for each kind of mistake, with the place
('(at line 3, column 5)') at the end. Imported only when a file is not valid TOML.

>>> said("Expected '=' after a key in a key/value pair (at line 2, column 5)")
("'=' is missing after a key", '2:5')
"""

import re
import tomllib

from itu_timeline.base.i18n import N_, _, system_words

_PLACE = re.compile(
    r"^(?P<msg>.*) \(at (?:line (?P<line>\d+), column (?P<col>\d+)|end of document)\)$", re.S
)
# tomllib's message, without its place -> ours ({value}: what the message quotes).
_WORDS = (
    ("Cannot overwrite a value", N_("a value is given twice")),
    (r"Cannot (?:mutate immutable|redefine) namespace (?P<value>.+)",
     N_("'{value}' is already defined whole; it cannot be defined again or added to")),
    (r"Cannot declare (?P<value>.+) twice", N_("'{value}' is declared twice")),
    (r"Duplicate inline table key (?P<value>.+)", N_("the key {value} is given twice")),
    (r"Unescaped '\\' in a string",
     N_("a backslash in a string escapes nothing (write '\\\\' for one backslash)")),
    (r"Illegal character '\\n'",  # a line ends inside a string
     N_("a string is not closed (its closing quote is missing)")),
    (r"(?:Illegal|Found invalid) character (?P<value>.+)",
     N_("a character that is not allowed here: {value}")),
    ("Unterminated string", N_("a string is not closed (its closing quote is missing)")),
    ("Unclosed inline table", N_("an inline table is not closed (its closing brace is missing)")),
    ("Unclosed array", N_("a list is not closed (its closing bracket is missing)")),
    ("Invalid value", N_("a value that cannot be read (text goes between quotes)")),
    ("Invalid statement", N_("a line that is neither 'key = value' nor a [table] heading")),
    ("Invalid initial character for a key part", N_("a key cannot start with this character")),
    ("Invalid hex value", N_("an escape (\\u or \\U) without its hexadecimal digits")),
    ("Invalid date or datetime", N_("a date or date-time that does not exist or is badly written")),
    (r"Expected '\]\]' at the end of an array declaration",
     N_("']]' is missing at the end of a [[table]] heading")),
    (r"Expected '\]' at the end of a table declaration",
     N_("']' is missing at the end of a [table] heading")),
    ("Expected '=' after a key in a key/value pair", N_("'=' is missing after a key")),
    ("Escaped character is not a Unicode scalar value", N_("an escape names no Unicode character")),
    (r"Expected (?P<value>.+)", N_("{value} is missing here")),
)  # fmt: skip


def said(message: str) -> tuple[str, str | None]:
    """What tomllib's `message` says is wrong, in our words (one we do not know, as it is),
    and where ('2:5', line and column), when it says so."""
    place = _PLACE.match(message)
    what = place["msg"] if place else message
    where = f"{place['line']}:{place['col']}" if place and place["line"] else None
    for pattern, ours in _WORDS:
        if found := re.fullmatch(pattern, what):
            values = found.groupdict()
            return (_(ours).format(**values) if values else _(ours)), where
    return what, where


def in_words(err: tomllib.TOMLDecodeError) -> str:
    """What is wrong and where, as one text for a sentence about the file."""
    what, where = said(str(err))
    if where is None:
        return what
    line, column = where.split(":")
    return _("{what} (line {line}, column {column})").format(what=what, line=line, column=column)


def why_unreadable(err: Exception) -> str:
    """Why a TOML file of ours (feeds, reminder state) could not be read, in our words."""
    if isinstance(err, tomllib.TOMLDecodeError):
        return in_words(err)
    if isinstance(err, UnicodeDecodeError):
        return _("not UTF-8 text (bad byte at offset {offset})").format(offset=err.start)
    return system_words(err) if isinstance(err, OSError) else str(err)
