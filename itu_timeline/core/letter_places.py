"""Where a meeting of a letter is held, and so its format and time zone: the known place
named nearest to its dates (else the letter's first), none for a virtual meeting. Places
that only date the letter ("Geneva, 11 September 2017"), sit in its letterhead ("CH-1211
Geneva 20"), name a zone ("Geneva time") or cite a text ("Rev. Hammamet, 2016") are not
venues."""

import re
from dataclasses import replace

from itu_timeline.core.letter_dates import MONTH_PATTERN, Found, find_times
from itu_timeline.core.letter_head import SUBJECT
from itu_timeline.core.letter_model import Meeting
from itu_timeline.core.venues import (
    VENUES,
    Venue,
    find_countries,
    find_in_regions,
    find_venues,
    names_its_country,
    zone_of_country,
)

_I = re.IGNORECASE
VIRTUAL = re.compile(
    r"virtual|by\s+electronic\s+means|e-meeting|fully\s+online|online\s+meeting|virtuel|"
    r"por\s+medios\s+electr|voie\s+électronique",  # not "online": registration is online too
    _I,
)
REMOTE = re.compile(
    r"remote\s+participation|hybrid|participation\s+à\s+distance|participation\s+distante|"
    r"participaci[oó]n\s+(?:a\s+distancia|remota)|hybride|h[ií]brid|participate\s+remotely",
    _I,
)
HELD = re.compile(
    r"held|\bhold\b|take[sn]?\s+place|meets?\b|will\s+meet|host|lugar|celebrar|reunir|tiendr|aura\s+lieu|"
    r"auront\s+lieu|réunira|at\s+ITU|à\s+l'UIT|en\s+la\s+sede|au\s+siège",
    _I,
)
HEADQUARTERS = re.compile(r"ITU\s+headquarters|siège\s+de\s+l'UIT|sede\s+de\s+la\s+UIT", _I)
_NOT_A_VENUE_AFTER = re.compile(
    r"\s*(?:,?\s*(?:19|20)\d\d\s*\)|\d\d\b|\(?\s*time)"
    r"|\s+(?:Action\s+Plan|Plan\s+of\s+Action|Declaration|Agenda|Commitment)",  # "Doha Action Plan"
    _I,
)
_NOT_A_VENUE_BEFORE = re.compile(r"(?:Rev\.?|CH-\d{4}|heure\s+de|hora\s+de)\s*$", _I)
# A person's name that is also a city's ("Ms Sofia Petrova", "Mr João Lima", "Sr. Santiago")
_PERSON_BEFORE = re.compile(
    r"\b(?:Mr|Ms|Mrs|Miss|Dr|Prof|Mme|Mlle|M|Sr|Sra|Srta|Dra)\.?\s+"
    r"(?:(?-i:[A-ZÀ-Þ])[^\W\d_]+\.?\s+){0,2}$"
)
# An ITU office the letter is copied to or mentions ("To the ITU Regional Office for the Africa
# Region, Addis Ababa", "the Area Office in Harare") is where the office is, not the meeting.
_OFFICE_BEFORE = re.compile(
    r"\b(?:Office|Bureau\s+r[ée]gional|Oficina\s+Regional)\b[^.;\n]{0,60}$", _I
)
_ZONE_WORDS = (
    (re.compile(r"Geneva\s+time|heure\s+de\s+Genève|hora\s+de\s+Ginebra", _I), "Europe/Zurich"),
    (re.compile(r"\bUTC\b|\bGMT\b"), "UTC"),
)
NEAR_BEFORE, NEAR_AFTER = 220, 80
# A place the table does not know, as the letter writes it: capitalised words ("Dar es Salaam"),
# with its country after a comma or in brackets; right before the dates in a subject ("SG3;
# Xanadu, Mongolia, 9-18 April") or after "held in", "se tiendra à", "se celebrará en".
_WORD = r"(?-i:[A-ZÀ-ÖØ-Þ])[^\W\d_]*(?:['-][^\W\d_]+)*"  # a capital first
_NAME = rf"{_WORD}(?:\s+(?:(?:de|del|la|es|el|al|of|do|da)\s+)?{_WORD}){{0,3}}"
_PLACE = rf"(?P<city>{_NAME})(?:\s*(?:,|\()\s*(?P<country>{_NAME})\)?)?"
_CITY_BEFORE = re.compile(rf"(?<![\w-])(?P<city>{_NAME})(?P<country>(?!))?\s*,\s*$")
_BEFORE_DATES = re.compile(rf"[;(]\s*{_PLACE}\s*,?\s*(?:from|du|del|on|le|el)?\s*$")
_HELD_IN = re.compile(rf"(?:{HELD.pattern})[^.;]{{0,60}}?\b(?:in|à|en)\s+{_PLACE}", _I)
_NO_PLACE = re.compile(
    rf"^(?:{MONTH_PATTERN}|the|la|le|el|meeting|réunion|reunión|study|group|working|party|"
    r"room|hall|centre|center|conference|session|workshop|subject|objet|asunto|member|states?|"
    r"person|virtual|electronic|ITU|UIT)$",
    _I,
)


_URL = re.compile(r"(?:https?://|file:/+|www\.)[^\s<>\"')]+", re.IGNORECASE)


class Places:
    """The venues a letter names, read once, for settling each of its meetings."""

    def __init__(self, text: str, days: list[Found]) -> None:
        # a web address names no venue (".../2010/forum/geneva/"); blanked, places keep their
        # positions in the text
        self.text = _URL.sub(lambda m: " " * len(m[0]), text)
        text = self.text
        head_dates = {d.pos for d in days}
        cities = [*find_venues(text), *self._headquarters()]
        known = {pos for pos, _, _ in cities}
        cities += [c for c in find_in_regions(text) if c[0] not in known]
        named = {pos for pos, _, _ in cities}
        countries = [  # not "in Singapore" (a city), nor the country of "Abidjan, Côte
            # d'Ivoire" or of "Denver, Colorado, USA"
            (pos, end, self._with_city(pos, venue)) for pos, end, venue in find_countries(text)
            if pos not in named and not any(
                0 <= pos - e <= 40 and names_its_country(text[e:pos]) for _, e, _ in cities)
        ]  # fmt: skip
        venues = sorted(
            (pos, venue)
            for pos, end, venue in [*cities, *countries]
            if self._is_venue(pos, end, head_dates)
        )
        self.venues = [(p, v) for p, v in venues if v not in _only_proposed(text, venues)]
        self.virtual = bool(VIRTUAL.search(text))
        self.remote = bool(REMOTE.search(text))

    def _with_city(self, pos: int, country: Venue) -> Venue:
        """A country with the place the letter names before it, not in the table: "Hastings,
        Barbados" (its zone the country's, when it has one), "Xanadu, Mongolia"."""
        before = _CITY_BEFORE.search(self.text, max(0, pos - 60), pos)
        place = _place(before) if before else None
        return replace(country, city=place) if place else country

    def _headquarters(self) -> list[tuple[int, int, Venue]]:
        return [(m.start(), m.end(), VENUES["geneva"]) for m in HEADQUARTERS.finditer(self.text)]

    def _is_venue(self, pos: int, after_name: int, days: set[int]) -> bool:
        after = self.text[after_name : after_name + 20]
        dated = re.match(r"\s*,\s*(?:le\s+)?", self.text[after_name:])
        if dated and after_name + dated.end() in days:
            return False  # "Geneva, 11 September 2017": where the letter was written
        return not (
            _NOT_A_VENUE_AFTER.match(after)
            or _NOT_A_VENUE_BEFORE.search(self.text[:pos][-12:])
            or _PERSON_BEFORE.search(self.text[max(0, pos - 40) : pos])
            or self._an_office(pos)
        )

    def _an_office(self, pos: int) -> bool:
        """A place named as where an ITU office is, not as where the meeting is held ("held
        at the ITU Regional Office for Asia and the Pacific, Bangkok" is a venue)."""
        office = _OFFICE_BEFORE.search(self.text, max(0, pos - 80), pos)
        line = self.text.rfind("\n", 0, office.start()) + 1 if office else 0
        return office is not None and not HELD.search(self.text, max(line, pos - 160), pos)

    def settle(self, meeting: Meeting, meetings: list[Meeting]) -> None:
        """Give `meeting` (one of the letter's `meetings`) its location, format and zone, from
        what the letter says."""
        remote = self._remote_for(meeting, meetings)
        low, high = meeting.pos - NEAR_BEFORE, meeting.pos + NEAR_AFTER
        near = [v for p, v in self.venues if low <= p <= high]
        cities = [v for v in near if v.city]  # a city named near wins over a country
        venue = (cities or near)[-1] if near else self._letters_venue()
        virtual_near = VIRTUAL.search(self.text, max(0, low - 100), high + 300)
        if venue is not None and not virtual_near and not (self.virtual and not near):
            meeting.location, meeting.timezone = venue.location, venue.zone
            meeting.format = "hybrid" if remote else "in-person"
        elif self.virtual:
            meeting.format = "online"
            meeting.timezone = self._named_zone()
        elif stated := self._stated_place(meeting):
            # its zone is its country's when tzdata gives the country one ("Lillestrøm,
            # Norway"), else unknown here: `letter` asks for --timezone
            meeting.location, meeting.timezone = stated, zone_of_country(stated)
            meeting.format = "hybrid" if remote else "in-person"
        else:  # held somewhere the letter does not say (not virtual): its place stays unknown
            meeting.format = "hybrid" if remote else "in-person"

    def _remote_for(self, meeting: Meeting, meetings: list[Meeting]) -> bool:
        """Whether remote participation is offered for a meeting: where the letter offers it
        in a sentence that names some of its meetings (by group or acronym: "WTSA-20 is a
        physical meeting, with remote participation", beside GSS-20), for those; else for
        every meeting."""
        names = {id(m): _names_of(self.text, m, meetings) for m in meetings}
        for offer in REMOTE.finditer(self.text):
            starts = [e.end() for e in _SENTENCE.finditer(self.text, 0, offer.start())]
            stop = _SENTENCE.search(self.text, offer.end())
            sentence = self.text[starts[-1] if starts else 0 : stop.end() if stop else None]
            named = [m for m in meetings if _names_in(sentence, names[id(m)])]
            if not named or meeting in named:
                return True
        return False

    def _stated_place(self, meeting: Meeting) -> str | None:
        """A place not in the table, as the letter writes it ("Xanadu, Mongolia"), where it
        announces the meeting (its subject or its body)."""
        for pos in (meeting.pos, *meeting.mentions):
            before = self.text[max(0, pos - 120) : pos]
            found = _BEFORE_DATES.search(before) or _last(_HELD_IN, before)
            if found and (place := _place(found)):
                return place
        return None

    def _letters_venue(self) -> Venue | None:
        """The place its subject names, else the one the letter says its meetings are held
        in, else the first it names."""
        subject = SUBJECT.search(self.text)
        end = self.text.find("\n\n", subject.end()) if subject else -1
        titled = [v for p, v in self.venues if subject and subject.end() <= p < end]
        held = [v for p, v in self.venues if HELD.search(self.text[max(0, p - 90) : p])]
        named = titled or held or [v for _, v in self.venues]
        return named[0] if named else None

    def _named_zone(self) -> str | None:
        """The zone a virtual meeting's letter names: with a time it prints, or in words."""
        if _ZONE_WORDS[0][0].search(self.text):
            return "Europe/Zurich"  # its hours in Geneva time (deadlines are often in UTC)
        zoned = [c.zone for c in find_times(self.text) if c.zone and c.zone[0] not in "+-"]
        if zoned:
            return zoned[0]
        return "UTC" if _ZONE_WORDS[1][0].search(self.text) else None


# A place put forward, not decided: "several stakeholders proposed to hold the Forum in New
# York", "a bid to host it in ...", "could be held in ..."
_PROPOSED = re.compile(
    r"\b(?:propos(?:ed|es?|als?)|suggest(?:ed|s|ions?)|bids?|candidate|offer(?:ed|s)?\s+to\s+"
    r"host|(?:could|might)\s+be\s+held|propon\w*|propos\w+)\b[^.;]{0,80}$",
    _I,
)


def _only_proposed(text: str, venues: list[tuple[int, Venue]]) -> set[Venue]:
    """The places a letter first names as proposed: their later mentions discuss the
    proposal ("A Forum in New York was seen as a chance…"), they are not the venue."""
    first: dict[Venue, int] = {}
    for pos, venue in venues:
        first.setdefault(venue, pos)
    return {v for v, pos in first.items() if _PROPOSED.search(text, max(0, pos - 120), pos)}


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = list(pattern.finditer(text))
    return found[-1] if found else None


def _place(found: re.Match[str]) -> str | None:
    """'City, Country' of a match, when its words are capitalised names and no other words."""
    parts = [p for p in (found["city"], found["country"]) if p]
    words = [w for part in parts for w in part.split() if w[0].isupper()]
    if any(_NO_PLACE.match(w) or w.isupper() for w in words):
        return None
    return ", ".join(parts)


_SENTENCE = re.compile(r"[.!?]\s|\n\n")
_ACRONYM = re.compile(r"\b(?-i:[A-Z]{3,}[A-Z0-9]*)(?=[-\s)(,]|$)")
_NO_NAME = {"ITU", "UIT", "TSB", "BDT", "UTC", "GMT", "CET", "ICT", "TIC", "RPM"}


def _names_of(text: str, meeting: Meeting, meetings: list[Meeting]) -> set[str]:
    """What names a meeting in the letter's sentences: its group, and the acronym written
    last before its days ("WTSA will meet from 1 to 9 March", "(GSS-20) on 28 February")."""
    before = max([m.pos for m in meetings if m.pos < meeting.pos] + [meeting.pos - 80, 0])
    acronyms = [a[0] for a in _ACRONYM.finditer(text, before, meeting.pos) if a[0] not in _NO_NAME]
    return {n for n in (meeting.group, acronyms[-1] if acronyms else None) if n}


def _names_in(sentence: str, names: set[str]) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(n)}(?![A-Za-z])", sentence) for n in names)
