"""A letter read from its structure rather than from lists of names: a reference of no known
kind read by its shape after the head's 'Ref' label, and a meeting held where the letter does
not say still in person."""

from datetime import date

import pytest

from itu_timeline.core.letter import read_letter

TODAY = date(2026, 12, 3)
BODY = (
    "Subject: Meeting of ITU-T Study Group 3, Geneva, 10-14 May 2027\n"
    "Dear Sir/Madam,\nStudy Group 3 will meet in Geneva from 10 to 14 May 2027.\n"
)


@pytest.mark.parametrize(
    ("head", "printed"),
    [
        (
            "Telecommunication Development Bureau\n13 January 2027\nRef: MD-102\nFor your reply:\n",
            "MD-102",
        ),
        (
            "Telecommunication Standardization Bureau Geneva, 2 March 2027 Ref: Contact: "
            "Invitation letter/RDF-EUR TSB events/P.R. Contact: Tel: +41 22 730 5235\n",
            "Invitation letter/RDF-EUR",
        ),  # a head laid out cell by cell
        (
            "General Secretariat\nDate: 16 March 2027 Page 1/2 Ref:SPU\\EA\\KB\\ml\n",
            "SPU\\EA\\KB\\ml",
        ),
        (
            "Telecommunication Standardization Bureau\nGeneva, 2 March 2027\n"
            "Our ref.: TSB/EVENTS/RG3\n",
            "TSB/EVENTS/RG3",
        ),
    ],
)
def test_a_reference_of_no_known_kind_is_read_by_its_shape_after_ref(
    head: str, printed: str
) -> None:
    (meeting,) = read_letter(head + BODY, "x.txt", TODAY)
    assert meeting.reference == printed


@pytest.mark.parametrize(
    "head",
    [
        "Telecommunication Standardization Bureau\nRef: 2 March 2027 Contact: A. B.\n",
        "Telecommunication Standardization Bureau\nRef: Contact: +41 22 730-5235 a@itu.int\n",
        "Telecommunication Standardization Bureau\nRef: http://www.itu.int/ITU-T/sg3\n",
    ],
)
def test_a_day_a_telephone_or_an_address_after_ref_is_no_reference(head: str) -> None:
    (meeting,) = read_letter(head + BODY, "x.txt", TODAY)
    assert meeting.reference is None


def test_a_meeting_held_where_the_letter_does_not_say_is_in_person() -> None:
    text = (
        "Telecommunication Development Bureau\n13 January 2027\nRef: MD-7\n"
        "Subject: Sector Members as observers at the sessions of Council 2027\n"
        "Dear Sir/Madam,\nThe sessions of the Council 2027, 19-28 April 2027, will admit "
        "observers. Please submit your candidacy to BDT by 28 February 2027 at the latest.\n"
    )
    (meeting,) = read_letter(text, "x.txt", TODAY)
    assert (meeting.location, meeting.format) == (None, "in-person")
