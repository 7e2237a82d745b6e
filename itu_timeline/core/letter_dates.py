"""Dates and times as ITU letters print them, in English, French and Spanish (and Russian,
Arabic and Chinese dates): single days
("6 November 2017", "1er mars 2018", "9 de abril de 2018"), spans ("6-17 November 2017",
"from 26 February to 2 March 2018", "du 9 au 18 avril 2018", "del 9 al 18 de abril de 2018",
"27 (afternoon) - 30 November") and times of day ("0930 hours", "16:00 UTC", "9 h 30",
"09h.30").
A year left out is resolved later, from the letter around it."""

import re
from dataclasses import dataclass, replace
from datetime import date

MONTHS = {  # English, French, Spanish; then Russian (genitive, as dates use it) and Arabic
    1: "january jan janvier janv enero ene января يناير",
    2: "february feb février fevrier févr febrero февраля فبراير",
    3: "march mar mars marzo марта مارس",
    4: "april apr avril abril abr апреля أبريل ابريل",
    5: "may mai mayo мая مايو",
    6: "june jun juin junio июня يونيو يونيه",
    7: "july jul juillet julio июля يوليو يوليه",
    8: "august aug août aout agosto ago августа أغسطس",
    9: "september sept sep septembre septiembre setiembre сентября سبتمبر",
    10: "october oct octobre octubre октября أكتوبر",
    11: "november nov novembre noviembre ноября نوفمبر",
    12: "december dec décembre decembre déc diciembre dic декабря ديسمبر",
}
MONTH_OF = {name: n for n, names in MONTHS.items() for name in names.split()}
MONTH_PATTERN = "(?:" + "|".join(sorted(MONTH_OF, key=len, reverse=True)) + r")\.?(?![^\W\d_])"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|º|°)?(?!\d)"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_DE = r"(?:\s*de|(?<=st|nd|rd|th)\s+of)?"  # Spanish: "9 de abril de 2018"; "20th of May"
_G = r"(?:\s*(?:г\.|года))?"  # Russian: "17 ноября 2017 г."
# a half day: "27 (afternoon)", "22 (a.m.)", "22 p.m.-24 July"
_NOTE = r"(?:\s*\([a-zé. ]{1,20}\)|\s*[ap]\.\s?m\.(?=\s*-))?"
_SEP = (
    r"(?:\s*-\s*|\s+(?:to|until|au|al|a|through|по|إلى)\s+|\s+(?P<conj>y|et|and|и)\s+)"
    r"(?:el\s+|le\s+)?"
)

# One day: day, month, optional year.
ONE = rf"(?P<d>{_DAY}){_NOTE}{_DE}\s*(?P<m>{MONTH_PATTERN}){_DE}(?:\s*,?\s*(?P<y>{_YEAR}))?"
SPAN = (
    rf"(?:from\s+|du\s+|del\s+|de\s+|los\s+días\s+|les\s+|с\s+|من\s+)?(?P<d1>{_DAY}){_NOTE}"
    rf"(?:{_DE}\s*(?P<m1>{MONTH_PATTERN}){_DE}(?:\s*(?P<y1>{_YEAR}){_G})?{_NOTE})?"
    rf"{_SEP}(?P<d2>{_DAY}){_NOTE}{_DE}\s*(?P<m2>{MONTH_PATTERN}){_DE}(?:\s*,?\s*(?P<y2>{_YEAR}))?"
)
# "November 6-17, 2017", "February 26 - March 2, 2018", "November 6, 2017"
US = (
    rf"(?P<m1>{MONTH_PATTERN})\s*(?P<d1>{_DAY})(?:{_SEP}(?:(?P<m2>{MONTH_PATTERN})\s*)?(?P<d2>{_DAY}))?"
    rf",?\s*(?P<y2>{_YEAR})"
)
ISO = r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"
# "2017年11月6日至17日", "2017年11月30日至12月1日", "2015 年 6 月 10-17 日"
CHINESE_RE = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*(?:日|(?=\s*-))"
    r"(?:\s*(?:至|到|-)\s*(?:(?P<m2>\d{1,2})\s*月\s*)?(?P<d2>\d{1,2})\s*日)?"
)
_FLAGS = re.IGNORECASE
SPAN_RE = re.compile(rf"(?<![\d/]){SPAN}", _FLAGS)
ONE_RE = re.compile(rf"(?<![\d/.]){ONE}", _FLAGS)
US_RE = re.compile(rf"(?<![\w/]){US}", _FLAGS)
ISO_RE = re.compile(ISO)


@dataclass(frozen=True)
class Found:
    """A day or a span of days found at [pos, endpos) of the text; years may be missing."""

    pos: int
    endpos: int
    start: tuple[int | None, int, int]  # (year, month, day)
    end: tuple[int | None, int, int]
    text: str

    @property
    def is_span(self) -> bool:
        return self.start != self.end


def _num(text: str | None) -> int | None:
    return int(re.sub(r"\D", "", text)) if text else None


def _month(text: str) -> int:
    return MONTH_OF[text.rstrip(".").casefold()]


def find_dates(text: str) -> list[Found]:
    """Every day and span in `text`, left to right, spans winning over the days inside them."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    for m in SPAN_RE.finditer(text):
        m2, y2 = _month(m["m2"]), _num(m["y2"])
        m1 = _month(m["m1"]) if m["m1"] else m2
        y1 = _num(m["y1"]) or (None if y2 is None else y2 - (m1 > m2))
        first, last = (y1, m1, _num(m["d1"]) or 0), (y2, m2, _num(m["d2"]) or 0)
        if m["conj"] and not _next_day(first, last):
            continue  # "3 and 10 May" are two days, not a span
        found.append(Found(m.start(), m.end(), first, last, m[0]))
        taken.append((m.start(), m.end()))
    for m in US_RE.finditer(text):
        if not free(m):
            continue
        y, m1 = _num(m["y2"]), _month(m["m1"])
        end = (y, _month(m["m2"]) if m["m2"] else m1, _num(m["d2"] or m["d1"]) or 0)
        found.append(Found(m.start(), m.end(), (y, m1, _num(m["d1"]) or 0), end, m[0]))
        taken.append((m.start(), m.end()))
    for m in CHINESE_RE.finditer(text):
        y, m1 = int(m["y"]), int(m["m1"])
        m2 = int(m["m2"] or m1)
        end = (y + (m2 < m1), m2, int(m["d2"] or m["d1"]))
        found.append(Found(m.start(), m.end(), (y, m1, int(m["d1"])), end, m[0]))
        taken.append((m.start(), m.end()))
    for m in [*ONE_RE.finditer(text), *ISO_RE.finditer(text)]:
        if not free(m):
            continue
        month = _month(m["m"]) if not m["m"].isdigit() else int(m["m"])
        day = (_num(m["y"]), month, _num(m["d"]) or 0)
        found.append(Found(m.start(), m.end(), day, day, m[0]))
        taken.append((m.start(), m.end()))
    kept = sorted((f for f in found if _valid(f) and not _street(text, f)), key=lambda f: f.pos)
    return [_year_before(text, f) for f in _listed_years(text, kept)]


# A year printed just before a day without one, on its line and in the same phrase ("2004
# SESSION - (9 - 18 JUNE)", "Council 2004 (9-18 June)"), is that day's year
_YEAR_BEFORE = re.compile(
    r"(?<![\d/.-])((?:19|20)\d\d)(?:[^\S\n]+[^\W\d_]+){0,2}[^\S\n]*[-:,(]*[^\S\n]*\(?[^\S\n]*$"
)


def _year_before(text: str, found: Found) -> Found:
    year = _YEAR_BEFORE.search(text, max(0, found.pos - 30), found.pos)
    if found.start[0] is not None or found.end[0] is not None or year is None:
        return found
    first = int(year[1])
    last = first + (found.end[1] < found.start[1])
    return replace(found, start=(first, *found.start[1:]), end=(last, *found.end[1:]))


_LIST_JOIN = re.compile(r"\s*(?:,|;|and|et|y|и)\s*(?:(?:and|et|y|и)\s+)?", _FLAGS)


def _listed_years(text: str, found: list[Found]) -> list[Found]:
    """Days listed before a day with its year take that year ("14 February, 3-4 April and
    17-18 July 1997" are all of 1997; a later month than the year's day is of the year before)."""
    result = list(found)
    for i in range(len(result) - 2, -1, -1):
        this, after = result[i], result[i + 1]
        year = after.start[0]
        if this.end[0] is None and year and _LIST_JOIN.fullmatch(text, this.endpos, after.pos):
            first = year - (this.start[1] > after.start[1])
            last = year - (this.end[1] > after.start[1])
            result[i] = replace(this, start=(first, *this.start[1:]), end=(last, *this.end[1:]))
    return result


# A street named after a day ("Boulevard du 20 mai", "Avenida 5 de Mayo") is an address.
_STREET = re.compile(
    r"\b(?:boulevard|bd|blvd|avenue|av|avenida|rue|street|st|calle|route|plaza|place|square)\.?"
    r"\s+(?:du\s+|de\s+|del\s+|of\s+(?:the\s+)?)?$",
    _FLAGS,
)


def _street(text: str, found: Found) -> bool:
    return found.start[0] is None and bool(_STREET.search(text, max(0, found.pos - 16), found.pos))


def _next_day(first: tuple[int | None, int, int], last: tuple[int | None, int, int]) -> bool:
    try:
        one = date(first[0] or 2001, first[1], first[2])
        return (date(last[0] or 2001, last[1], last[2]) - one).days == 1
    except ValueError:
        return False


def _valid(found: Found) -> bool:
    try:
        for year, month, day in (found.start, found.end):
            date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def resolve(day: tuple[int | None, int, int], near: date) -> date:
    """The day, its missing year taken so that it falls within a year after two months
    before `near`."""
    year, month, number = day
    if year is not None:
        return date(year, month, number)
    for candidate in (near.year - 1, near.year, near.year + 1):
        try:
            resolved = date(candidate, month, number)
        except ValueError:
            continue
        if (resolved - near).days >= -62:
            return resolved
    return date(near.year, month, number)


_CLOCK = (
    r"(?<![\d/.:])(?:(?P<h>[01]?\d|2[0-3])\s*(?:[:.]|h\.?|\s?h\s?|时)\s*(?P<min>[0-5]\d)(?:\s*分)?"
    r"|(?P<hhmm>[01]\d[0-5]\d|2[0-3][0-5]\d)(?=\s*(?:hours|hrs|horas|heures|h\b|UTC|CET"
    r"|(?:-|to|until|à|a)\s*[012]\d[0-5]\d\s*(?:hours|hrs|horas|heures|h\b)))"  # "1200 to 1500"
    r"|(?:(?<=à )|(?<=at )|(?<=as ))(?P<hour>[01]?\d|2[0-3])"
    r"(?=\s*(?:heures|horas|hours|h)\b(?!\s*\d)))"
    r"(?!\d)\s*(?:hours|hrs|horas|heures|h(?![a-z]))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)?"
)
CLOCK_RE = re.compile(_CLOCK, _FLAGS)
ZONES = {
    "utc": "UTC",
    "gmt": "UTC",
    "cet": "+01:00",
    "cest": "+02:00",
    "geneva time": "Europe/Zurich",
    "heure de genève": "Europe/Zurich",
    "heure de geneve": "Europe/Zurich",
    "hora de ginebra": "Europe/Zurich",
    "swiss time": "Europe/Zurich",
}
ZONE_RE = re.compile(
    r"\s*\(?\s*(?:hours\s*)?(" + "|".join(sorted(ZONES, key=len, reverse=True)) + r")\b", _FLAGS
)


@dataclass(frozen=True)
class Clock:
    """A time of day found in the text, with the zone printed right after it, if any."""

    pos: int
    endpos: int
    hour: int
    minute: int
    zone: str | None  # an IANA zone, "UTC", or a fixed offset "+01:00"


def find_times(text: str) -> list[Clock]:
    found = []
    for m in CLOCK_RE.finditer(text):
        if m["hour"]:  # "à 16 heures UTC": a whole hour
            hour, minute = int(m["hour"]), 0
        elif m["hhmm"]:
            hour, minute = int(m["hhmm"][:2]), int(m["hhmm"][2:])
        else:
            hour, minute = int(m["h"]), int(m["min"])
        if m["ampm"] and m["ampm"].lower().startswith("p") and hour < 12:
            hour += 12
        zone = ZONE_RE.match(text, m.end())
        end = zone.end() if zone else m.end()
        found.append(Clock(m.start(), end, hour, minute, ZONES[zone[1].lower()] if zone else None))
    return found
