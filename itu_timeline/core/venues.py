"""The places the ITU meets: a city as letters name it (in English, French or Spanish) to its
English name, its country and its IANA zone; a country named alone ("in Bahrain"), whose zone
is known when tzdata gives it only one; and the states and provinces letters write after a
city ("Denver, Colorado"). The tables are the data files beside this module
(`venue_places.txt`, `venue_regions.txt`, which say where their lists come from). A place not
in them has no zone here: the `letter` command then asks for `--timezone`."""

import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path


@dataclass(frozen=True)
class Venue:
    city: str  # "" for a country named alone ("in Bahrain")
    country: str
    zone: str | None  # None for a country named alone that has several zones

    @property
    def location(self) -> str:
        return f"{self.city}, {self.country}" if self.city else self.country


def _fold(text: str) -> str:
    """Lower case without accents, so 'Genève' and 'geneve' meet (other scripts kept)."""
    marks = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in marks if not unicodedata.combining(c))
    return re.sub(r"[\s.-]+", " ", plain).strip()


def _fold_each(text: str) -> str:
    """`text` folded one character for one, so that positions stay those of `text`."""
    return "".join((_fold(c) or " ")[:1] for c in text)


def _rows(name: str) -> list[list[str]]:
    lines = (Path(__file__).with_name(name).read_text(encoding="utf-8")).splitlines()
    return [line.split("|") for line in lines if line.strip() and not line.startswith("#")]


_ARABIC = re.compile(r"[\u0600-\u06ff]")


def _tables() -> tuple[dict[str, Venue], dict[str, Venue], dict[str, Venue]]:
    """Cities, countries named alone and regions, each by every folded name it has."""
    cities: dict[str, Venue] = {}
    countries: dict[str, Venue] = {}
    codes: dict[str, str] = {}  # ISO code -> the country's name, for the regions
    for city, country, code, zone, others in _rows("venue_places.txt"):
        codes.setdefault(code, country)
        table = cities if city else countries
        for name in [city or country, *filter(None, others.split("/"))]:
            table[_fold(name)] = Venue(city, country, zone or None)
            if _ARABIC.match(name):  # "بجنيف": "in Geneva", the preposition joined to it
                table[_fold("ب" + name)] = Venue(city, country, zone or None)
    regions = {
        _fold(name): Venue("", codes[code], zone or None)
        for region, code, zone, others in _rows("venue_regions.txt")
        for name in [region, *filter(None, others.split("/"))]
    }
    return cities, countries, regions


VENUES, _COUNTRIES, REGIONS = _tables()

# Other names letters give the countries of the table (the location keeps the ITU's name)
_COUNTRY_ALIASES = {
    "Republic of Korea": "Korea (Rep. of)", "Korea": "Korea (Rep. of)",
    "Kingdom of Bahrain": "Bahrain", "Kingdom of Saudi Arabia": "Saudi Arabia",
    "State of Qatar": "Qatar", "Sultanate of Oman": "Oman", "Vietnam": "Viet Nam",
    "Russia": "Russian Federation", "Turkey": "Türkiye", "Czechia": "Czech Republic",
    "Iran": "Iran (Islamic Republic of)", "Islamic Republic of Iran": "Iran (Islamic Republic of)",
    "Syria": "Syrian Arab Republic", "United Republic of Tanzania": "Tanzania",
    "United States of America": "United States", "USA": "United States",
    "Republic of Rwanda": "Rwanda", "Kingdom of Thailand": "Thailand", "Laos": "Lao P.D.R.",
    "Kyrgyz Republic": "Kyrgyzstan", "Republic of Moldova": "Moldova", "UK": "United Kingdom",
    "Swaziland": "Eswatini", "Ivory Coast": "Côte d'Ivoire", "Cape Verde": "Cabo Verde",
}  # fmt: skip
COUNTRIES = {
    **_COUNTRIES,
    **{_fold(a): _COUNTRIES[_fold(c)] for a, c in _COUNTRY_ALIASES.items()},
}


_Tree = dict[str, "_Tree"]


def _alternation(names: list[str]) -> str:
    """A pattern matching any of `names`, the longest where several start alike, written as
    a tree of their letters: with some 900 names, a flat alternation is tried name by name
    at every position of a letter (ten times slower)."""
    tree: _Tree = {}
    for name in names:
        node = tree
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here

    def pattern(node: _Tree) -> str:
        branches = [re.escape(c) + pattern(rest) for c, rest in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer name first

    return pattern(tree)


_CJK = re.compile(r"[\u4e00-\u9fff]")
# A name in Chinese has no spaces around it ("中国北京"): it is found anywhere
_VENUE_RE = re.compile(
    rf"\b({_alternation([n for n in VENUES if not _CJK.search(n)])})\b"
    rf"|({_alternation([n for n in VENUES if _CJK.search(n)])})"
)
# What follows a city's name and says where it is: ", Colombia", " (Spain)", ", Colorado"
_FOLLOWER = re.compile(
    rf"\s*[,(]\s*(?:({_alternation(list(REGIONS))})|({_alternation(list(COUNTRIES))}))(?!\w)"
)


def find_venues(text: str) -> list[tuple[int, int, Venue]]:
    """Where in `text` a known place is named (start, end), and which. A city named with
    another country or state than the table's is that place ("Cordoba, Spain"); a city
    whose name is also a country's ("Armenia") is the city only with its country after it."""
    folded = _fold_each(text)
    found = []
    for m in _VENUE_RE.finditer(folded):
        venue = VENUES[m[1] or m[2]]
        after = _FOLLOWER.match(folded, m.end())
        where = (REGIONS[after[1]] if after[1] else COUNTRIES[after[2]]) if after else None
        if where is not None and where.country != venue.country:
            venue = replace(where, city=text[m.start() : m.end()])
        elif where is None and COUNTRIES.get(m[1] or "", venue).country != venue.country:
            continue  # "in Armenia": the country
        found.append((m.start(), m.end(), venue))
    return found


_REGION_NAMES = sorted({name for row in _rows("venue_regions.txt")
                        for name in [row[0], *filter(None, row[3].split("/"))]})  # fmt: skip
# A city the table does not know, with its state after it ("Boulder, Colorado")
_CITY_IN_REGION = re.compile(
    r"(?<![\w-])((?-i:[A-ZÀ-Þ])[^\W\d_]+(?:[' -](?-i:[A-ZÀ-Þ])[^\W\d_]+){0,3})\s*,\s*"
    rf"({_alternation(_REGION_NAMES)})(?!\w)"
)


def find_in_regions(text: str) -> list[tuple[int, int, Venue]]:
    """Cities the table does not know, named with their state or province: the country's
    name, and the state's zone when the whole state keeps one ("Boulder, Colorado")."""
    found = []
    for m in _CITY_IN_REGION.finditer(text):
        if _fold(m[1]) not in VENUES and _fold(m[1]) not in COUNTRIES:
            found.append((m.start(), m.end(1), replace(REGIONS[_fold(m[2])], city=m[1])))
    return found


_COUNTRY = "(" + _alternation(list(COUNTRIES)) + r")(?!\w)"
# a country as the place: after "in", or right before the days ("..., Barbados, 8 February
# 2012", "Hastings, Barbados on Wednesday, 8 February 2012")
_COUNTRY_RE = re.compile(
    rf"\bin\s+(?:the\s+)?{_COUNTRY}|(?:^|(?<=[,;(\n])\s*){_COUNTRY}(?=\s*,?\s*(?:on\s+)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s*,?\s*)?(?:from\s+)?\d{1,2}\b)"
)


def find_countries(text: str) -> list[tuple[int, int, Venue]]:
    """Where `text` names a country alone as the place ("to be held ... in Bahrain")."""
    found = []
    for m in _COUNTRY_RE.finditer(_fold_each(text)):
        group = 1 if m[1] else 2
        found.append((m.start(group), m.end(group), COUNTRIES[m[group]]))
    return found


_TRAIL = re.compile(rf"\s*[,(]\s*(?:(?:{_alternation(_REGION_NAMES)})\s*[,(]?\s*)?$")


def names_its_country(between: str) -> bool:
    """Whether the text between a city and a country only names where the city is (", ",
    ", Colorado, "): the country is then the city's, not a place of its own."""
    return _TRAIL.match(between) is not None


def zone_of_country(place: str) -> str | None:
    """The zone of the country a place the table does not know is named with ("Lillestrøm,
    Norway"), when tzdata gives that country one zone."""
    country = COUNTRIES.get(_fold(place.rpartition(",")[2]))
    return country.zone if country and "," in place else None
