"""The table of places the ITU meets against tzdata: every zone is one that tzdata's zone.tab
lists for the place's country, a country named alone has a zone only when tzdata gives it one,
and names that are both a city and a country, or a city and a state, are read by what follows
them."""

import re
from pathlib import Path

import pytest
import tzdata
from hypothesis import given
from hypothesis import strategies as st

from itu_timeline.core import venues
from itu_timeline.core.venues import Venue, find_in_regions, find_venues

ZONE_TAB = Path(tzdata.__file__).parent / "zoneinfo" / "zone.tab"


def tzdata_zones() -> dict[str, set[str]]:
    zones: dict[str, set[str]] = {}
    for line in ZONE_TAB.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, _, zone = line.split("\t")[:3]
            zones.setdefault(code, set()).add(zone)
    return zones


ROWS = [("venue_places.txt", row[2], row[3]) for row in venues._rows("venue_places.txt")] + [
    ("venue_regions.txt", row[1], row[2]) for row in venues._rows("venue_regions.txt")
]


def test_every_zone_is_one_tzdata_gives_the_country() -> None:
    zones = tzdata_zones()
    wrong = [(f, c, z) for f, c, z in ROWS if z and z not in zones[c]]
    assert wrong == []
    assert len(venues.VENUES) > 300  # the cities, by all their names


def test_a_country_named_alone_has_a_zone_only_when_tzdata_gives_it_one() -> None:
    zones = tzdata_zones()
    for city, _country, code, zone, _ in venues._rows("venue_places.txt"):
        if not city:
            assert (zone or None) == (next(iter(zones[code])) if len(zones[code]) == 1 else None)


def where(text: str) -> list[tuple[str, str | None]]:
    found = find_venues(text) or find_in_regions(text)
    return [(v.location, v.zone) for _, _, v in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("held in Macao, China, from 16 to 27", [("Macao, China", "Asia/Macau")]),
        ("will meet in Manta, Ecuador from 24", [("Manta, Ecuador", "America/Guayaquil")]),
        ("in Armenia City, Colombia, 21-23", [("Armenia, Colombia", "America/Bogota")]),
        ("in Armenia, Colombia, 21-23", [("Armenia, Colombia", "America/Bogota")]),
        ("the GSR in Armenia next year", []),  # the country, read by find_countries
        ("in Denver, Colorado, USA", [("Denver, United States", "America/Denver")]),
        ("in Boulder, Colorado from 3", [("Boulder, United States", "America/Denver")]),
        ("in Austin, Texas from 3", [("Austin, United States", None)]),  # Texas: two zones
        ("in Pune, Maharashtra", [("Pune, India", "Asia/Kolkata")]),
        ("in Cordoba, Spain", [("Cordoba, Spain", None)]),  # not Córdoba, Argentina
        ("in San Jose, California", [("San Jose, United States", "America/Los_Angeles")]),
        ("in Niagara Falls, Ontario", [("Niagara Falls, Canada", "America/Toronto")]),
        ("in Kiev", [("Kyiv, Ukraine", "Europe/Kyiv")]),
        ("تعقد في القاهرة", [("Cairo, Egypt", "Africa/Cairo")]),
        ("состоится в Бишкек", [("Bishkek, Kyrgyzstan", "Asia/Bishkek")]),
        ("在中国南京举行", [("Nanjing, China", "Asia/Shanghai")]),
        ("تعقد بجنيف", [("Geneva, Switzerland", "Europe/Zurich")]),
        ("состоится в Санкт-Петербурге", [("St. Petersburg, Russian Federation", "Europe/Moscow")]),
        ("سلطنة عمان", []),  # Oman, not Amman (عمّان) once its shadda is folded away
    ],
)
def test_a_city_is_read_with_what_follows_it(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert where(text) == expected


def test_a_city_named_as_a_country_is_the_country_alone() -> None:
    assert venues.COUNTRIES["armenia"] == Venue("", "Armenia", "Asia/Yerevan")
    assert venues.COUNTRIES["china"].zone is None  # Beijing and Urumqi: the city decides


@given(
    st.lists(st.text(alphabet="abc é-", min_size=1, max_size=6), min_size=1, max_size=12),
    st.text(alphabet="abc é-x", max_size=40),
)
def test_the_tree_of_names_matches_as_the_longest_first_alternation(
    names: list[str], text: str
) -> None:
    """The names' tree finds what a flat alternation, longest name first, finds."""
    flat = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    tree = venues._alternation(names)
    assert [m.span() for m in re.finditer(f"(?:{tree})", text)] == [
        m.span() for m in re.finditer(f"(?:{flat})", text)
    ]
