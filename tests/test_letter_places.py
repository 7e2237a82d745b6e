"""Where a letter's meeting is held: a place the table of ITU venues does not know is kept as
the letter writes it (its zone stays unknown); words that are no place are not taken for one.
And which group a title names, to find the letter's meeting in another calendar."""

from datetime import date

import pytest

from itu_timeline.core.letter import read_letter
from itu_timeline.store.letter_takeover import group_words

from .test_letter_cli import LETTER

SUBJECT = "Meeting of Study Group 3; Geneva, 9-18 April 2018"
BODY = "takes place at ITU headquarters in Geneva from 9 to 18\nApril 2018"


def place(subject: str, body: str) -> tuple[str | None, str | None]:
    text = LETTER.replace(SUBJECT, subject).replace(BODY, body)
    (meeting,) = read_letter(text, "letter.txt", date(2017, 12, 1))
    return meeting.location, meeting.timezone


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        (
            "Meeting of Study Group 3; Xanadu, Mongolia, 9-18 April 2018",
            "meets from 9 to 18\nApril 2018",
            "Xanadu, Mongolia",
        ),
        (
            "Meeting of Study Group 3 (Xanadu (Mongolia), 9-18 April 2018)",
            "meets from 9 to 18\nApril 2018",
            "Xanadu, Mongolia",
        ),
        (
            "Meeting of Study Group 3",
            "will be held in Port of Xanadu, Upper Mongolia, from 9 to 18\nApril 2018",
            "Port of Xanadu, Upper Mongolia",
        ),
        (
            "Meeting of Study Group 3",
            "se tiendra à Ulm (Allemagne) du 9 au 18 avril 2018",
            "Ulm, Allemagne",
        ),
        (
            "Meeting of Study Group 3",
            "se celebrará en Ulm (Alemania) del 9 al 18 de abril de 2018",
            "Ulm, Alemania",
        ),
    ],
)
def test_a_place_not_in_the_table_is_kept_as_written(
    subject: str, body: str, expected: str
) -> None:
    assert place(subject, body) == (expected, None)


@pytest.mark.parametrize(
    "body",
    [
        "takes place from 9 to 18\nApril 2018",
        "takes place in Room C2 from 9 to 18\nApril 2018",
        "will be held in the ITU Montbrillant building from 9 to 18\nApril 2018",
        # people named as cities are ("Lima", "Sofia", "Santiago")
        "takes place from 9 to 18\nApril 2018. Contact: Mr João Lima, tel. +41 22 730 5111",
        "takes place from 9 to 18\nApril 2018; ask Ms Sofia Petrova or Sr. Santiago Reyes",
        # a place only proposed (the WSIS Forum 2011 venue consultation, 2010)
        "takes place from 9 to 18\nApril 2018. Some proposed to hold it in New York. A meeting"
        " in New York would reach the missions in New York.",
    ],
)
def test_words_that_are_no_place_leave_it_unknown(body: str) -> None:
    assert place("Meeting of Study Group 3", body) == (None, None)


def test_a_place_in_the_table_gives_its_zone() -> None:
    assert place(SUBJECT, BODY) == ("Geneva, Switzerland", "Europe/Zurich")


GUAYAQUIL, DENVER, BOGOTA = "America/Guayaquil", "America/Denver", "America/Bogota"
CASABLANCA = "Africa/Casablanca"


@pytest.mark.parametrize(
    ("body", "expected"),
    [  # places of real letters the first table did not know (Circular Letters 7/LCCE/56 and
        # 8/LCCE/143, TSB Collective letter 2/16, BDT's GSR-11 letter)
        ("will meet in Manta, Ecuador from 9 to 18\nApril 2018", ("Manta, Ecuador", GUAYAQUIL)),
        ("holds its meeting in\nDenver, Colorado, USA April 9 - 18, 2018",
         ("Denver, United States", DENVER)),
        ("meets in Macao, China, from 9 to 18\nApril 2018", ("Macao, China", "Asia/Macau")),
        ("meets from 9 to 18\nApril 2018 in Armenia City, Colombia",
         ("Armenia, Colombia", BOGOTA)),
        ("meets in Armenia, Colombia, from 9 to 18\nApril 2018", ("Armenia, Colombia", BOGOTA)),
        ("meets in Armenia from 9 to 18\nApril 2018", ("Armenia", "Asia/Yerevan")),
        ("meets in Boulder, Colorado from 9 to 18\nApril 2018", ("Boulder, United States", DENVER)),
        ("meets in Austin, Texas from 9 to 18\nApril 2018", ("Austin, United States", None)),
        ("se tiendra à Ifrane (Maroc) du 9 au 18 avril 2018", ("Ifrane, Maroc", CASABLANCA)),
        ("se celebrará en Ifrane (Marruecos) del 9 al 18 de abril de 2018",
         ("Ifrane, Marruecos", CASABLANCA)),
        ("will be held in Lillestrøm, Norway, at the NOVA Spektrum centre, from 9 to 18\nApril"
         " 2018", ("Lillestrøm, Norway", "Europe/Oslo")),  # not in the table: its country's zone
    ],
)  # fmt: skip
def test_the_places_the_itu_meets_and_cities_with_their_state(
    body: str, expected: tuple[str, str | None]
) -> None:
    assert place("Meeting of Study Group 3", body) == expected


@pytest.mark.parametrize(
    ("group", "title", "same"),
    [
        ("SG17", "ITU-T Study Group 17 meeting (plenary)", True),
        ("SG1", "ITU-T Study Group 13 meeting", False),
        ("SG13", "ITU-T SG13 working-party meetings", True),
        ("WP 5D", "ITU-R Working Party 5D meeting", True),
        ("WP 5D", "ITU-R WP 5A meeting", False),
        ("TSAG", "Telecommunication Standardization Advisory Group (TSAG), 2027 meeting", True),
    ],
)
def test_a_group_is_told_in_titles_as_they_name_it(group: str, title: str, same: bool) -> None:
    assert bool(group_words(group).search(title)) is same
