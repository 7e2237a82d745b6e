"""The title of a meeting of no group, as the letter names it: the name of the workshop,
forum or conference in its subject or its sentence ("ITU Workshop on Performance, QoS and
QoE for Multimedia Services", "the Sixth SG13 Regional Workshop for Africa"), cut where the
name ends (before "held", "which", a date or a place), never mid-word."""

import re

from itu_timeline.core.letter_dates import find_dates
from itu_timeline.core.letter_head import SUBJECT
from itu_timeline.core.venues import find_venues

_I = re.IGNORECASE
EVENT_WORDS = re.compile(
    r"workshop|forum|symposium|seminar|atelier|séminaire|taller|seminario|colloque", _I
)
# What names an event in a title (beside the words that make a day a meeting of its own)
_NAMING = re.compile(
    EVENT_WORDS.pattern + r"|conference|conférence|conferencia|summit|sommet|cumbre|assembly", _I
)
LONGEST = 120  # characters: a longer name is cut at a word
# Where a name ends: a sentence's end, a bracket, a clause ("held", "which", "will"), a day
_ENDS = re.compile(
    r"[.;(]|\n\s*\n|:\s|,\s+(?![A-Z\"“])|\s(?:held|which|that|will|is|are|takes?|to\s+be|organi[sz]ed|"
    r"from|on\s+\d|in\s+(?-i:[A-Z])|at\s+the|qui|que|se\s|el\s+\d|le\s+\d)\b|\s\d{1,2}\s",
    _I,
)
# Words before the event's word that are part of its name ("ITU", "Sixth", "SG13 Regional")
_LEAD = re.compile(r"(?:(?:\d+(?:st|nd|rd|th)|(?-i:[A-Z])[\w-]*|of|on|and|for)\s+)*$")
_INVITATION = re.compile(
    r"^(?:(?:FW|TR|RE|Fwd)\s*:\s*)*(?:Invitation\s+(?:to|by)\s+(?:participate\s+in\s+)?"
    r"(?:the\s+)?)?",
    _I,
)


def event_title(phrases: list[str]) -> str | None:
    """The name of the event the first of `phrases` that names one gives (a capitalised
    name first: "Workshop on X" before "a two-day workshop")."""
    found = [(p, m) for p in phrases for m in _NAMING.finditer(p)]
    found.sort(key=lambda f: not f[1][0][0].isupper())
    for phrase, m in found:
        lead = _LEAD.search(phrase[: m.start()])
        start = lead.start() if lead else m.start()
        named = lead is not None and lead.start() < m.start()  # "Sixth SG13 Regional Workshop"
        name = clean(_through_quote(phrase[start:], m.end() - start, not named))
        if name:
            return name
    return None


def _through_quote(phrase: str, after_word: int, quoted: bool) -> str:
    """The name up to where it ends; a quoted title kept whole when it is all that names the
    event ('Workshop on "Standardization of future networks"'), else left out ('Sixth SG13
    Regional Workshop for Africa')."""
    quote = _QUOTE.match(phrase, after_word)
    if quote and quoted:
        return phrase[: quote.end()]
    if quote:
        phrase = re.sub(r"\s+(?:on|sur|sobre|about)\s*$", "", phrase[: quote.start("open")])
    end = _ENDS.search(phrase, after_word)
    return phrase[: end.start() if end else len(phrase)]


_QUOTE = re.compile(r"[^\"“]{0,40}?(?P<open>[\"“])[^\"”]{1,150}[\"”]")


def clean(name: str) -> str:
    """White space made single, an e-mail's 'FW:' and 'Invitation to the' left out, cut at a
    word when long."""
    words = " ".join(_INVITATION.sub("", " ".join(name.split())).split())
    if len(words) > LONGEST:
        words = words[:LONGEST].rsplit(" ", 1)[0]
    words = re.sub(r"\s+(?:on|of|for|in|at|to|by|du|de|del|le|la|el|the)$", "", words, flags=_I)
    return words.strip(" ,-/").removeprefix("the ").removeprefix("The ")


def subject_items(text: str) -> list[str]:
    """The items the subject names, each up to its place or dates ("Meeting of ... (QSDG)",
    "ITU Workshop on Performance, QoS and QoE for Multimedia Services")."""
    subject = SUBJECT.search(text)
    if subject is None:
        return []
    block = re.split(r"\n\s*\n|Dear|Madame|Estimad|Уважаем|尊敬|حضرات", text[subject.end() :])[0]
    items = []
    for part in re.split(r";|\n(?=\s*-)|\s-\s-\s", block):
        places = [p for p, _, _ in find_venues(part)] + [d.pos for d in find_dates(part)]
        cut = min([*places, len(part)])
        items.append(clean(part[:cut]).strip(" ,;-/"))
    return [i for i in items if i]


# Two events named over one span: "Arab States Preparatory Meeting for WTSA-12 and Preparatory
# Meeting for WCIT-12, Cairo, 28 April-1 May 2012", "Workshop on X and Forum on Y": 'and'
# before a name whose own words (up to three capitalised ones) end in an event's word
_EVENT = (
    r"(?:meeting|workshop|forum|symposium|seminar|conference|summit|assembly|réunion|atelier|"
    r"séminaire|colloque|conférence|reunión|taller|seminario|conferencia)"
)
_AND_EVENT = re.compile(
    rf"\s+(?:and|et|y)\s+(?=(?:the\s+|la\s+|le\s+|el\s+)?(?:(?-i:[A-Z])[\w-]*\s+){{0,3}}{_EVENT}\b)",
    _I,
)
_HAS_EVENT = re.compile(rf"\b{_EVENT}\b", _I)
# Events of one kind named together: "the Preparatory Meetings for WTSA-12 and for WCIT-12"
_PLURAL = re.compile(
    rf"(?P<kind>(?:(?-i:[A-Z])[\w-]*\s+){{0,3}}{_EVENT}s)\s+(?P<a>(?:for|on)\s+[^;]+?)"
    r"\s+and\s+(?P<b>(?:for|on)\s+[^;]+)$",
    _I,
)
_PHRASE_START = re.compile(r"[.;!?]\s|\n\s*\n|(?:Subject|Objet|Asunto)\s*:")
PHRASE_REACH = 300  # characters before a meeting's days where its name can be


def events_named(text: str, pos: int) -> list[str]:
    """The names of the events the phrase before a meeting's days (at `pos`) gives it, when
    it names two or more joined by 'and', each with its own event's word; else none."""
    low = max(0, pos - PHRASE_REACH)
    starts = [m.end() for m in _PHRASE_START.finditer(text, low, pos)]
    phrase = text[starts[-1] if starts else low : pos]
    first = _HAS_EVENT.search(phrase)
    named_from = first.start() if first else len(phrase)
    cut = min([p for p, _, _ in find_venues(phrase) if p > named_from] + [len(phrase)])
    parts = [clean(p).strip(" ,;-/") for p in _AND_EVENT.split(phrase[:cut])]
    named = [p for p in parts if _HAS_EVENT.search(p)]
    if len(named) >= 2 and len(named) == len(parts):
        return named
    plural = _PLURAL.search(phrase[:cut])  # "the Preparatory Meetings for WTSA-12 and for WCIT-12"
    if plural is None:
        return []
    end = _ENDS.search(plural["b"])
    kind = plural["kind"][:-1]  # "Preparatory Meeting"
    return [
        clean(f"{kind} {plural['a']}"),
        clean(f"{kind} {plural['b'][: end.start() if end else None]}"),
    ]
