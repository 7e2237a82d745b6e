"""A reference of no known kind, read by its shape after the head's 'Ref' label: an ITU-D
"MD-102", a joint invitation's "Invitation letter/RDF-ARB", a file code "SPU\\EA\\KB".
A head laid out as cells gives its labels first and their values after ("Ref: Contact:
Invitation letter/RDF-ARB TSB workshops/P.R. Contact: Tel:"): the labels are passed over and
the first value that has a reference's shape (letters or digits joined by '/', '-' or '\\',
with a letter in it) is the reference."""

import re

from itu_timeline.core.letter_head import Reference

_I = re.IGNORECASE
# "Ref:", "Ref.:", "Our ref.:", "Réf.", "N/Réf.:", "Referencia:"
_LABEL = re.compile(
    r"(?:\b(?:Our|Your|Notre|N/)\s*)?\bR[eé]f(?:erence|erencia|érence)?\b\.?\s*:?", _I
)
# Another label of the head's cells, passed over: "Contact:", "For your reply:", "Tel.:"
_OTHER_LABEL = re.compile(r"\s*(?:(?-i:[A-Z])[\w.]*(?:\s+[\w.]+){0,2}\s*:|[/|])", _I)
# A reference's shape: at most two words of its kind before a code joined by '/', '-' or '\'
# ("Invitation letter/RDF-ARB", "MD-102"), with a letter in the code; never an e-mail, a web
# address, a telephone number nor a day
_SHAPE = re.compile(
    r"(?P<ref>(?:(?-i:[A-Z])[a-z]+[ \t]+){0,2}"
    r"(?=[\w\\/-]*[A-Za-z])[A-Za-z0-9]+(?:[/\\-][A-Za-z0-9]+)+(?:\.(?-i:[A-Z])\.?)?)(?![\w@/\\-])"
)
_NOT_A_REFERENCE = re.compile(r"https?|www|\d{1,2}-\d{1,2}(?:\s|$)", _I)
HEAD = 1500  # characters: a letter's reference is in its head
LABELS_BEFORE = 4  # labels a cell-wise head can print before the reference's value


def labelled_reference(text: str, body: str | None) -> Reference | None:
    """The value of the head's 'Ref' label when it has a reference's shape, for a letter
    whose reference is of no kind known by name; `body` is the letter's (its bureau's)."""
    if body is None:
        return None
    for label in _LABEL.finditer(text, 0, HEAD):
        pos = label.end()
        for _ in range(LABELS_BEFORE + 1):  # "Ref: Contact: <value>"
            pos += len(text[pos : pos + 200]) - len(text[pos : pos + 200].lstrip())
            shaped = _SHAPE.match(text, pos)
            if shaped and not _NOT_A_REFERENCE.match(shaped["ref"]):
                printed = " ".join(shaped["ref"].split())
                return Reference(printed, printed, body, shaped.start(), shaped.end())
            other = _OTHER_LABEL.match(text, pos)
            if other is None:
                break
            pos = other.end()
    return None
