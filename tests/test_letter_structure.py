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


@pytest.mark.parametrize(
    ("words", "group"),
    [
        ("the second meeting of the ITU-T Study Group 2 Arab Regional Group", "SG2RG-ARB"),
        ("the Arab Regional Group of ITU-T Study Group 5", "SG5RG-ARB"),
        ("the ITU-T SG13 African Regional Group", "SG13RG-AFR"),
        ("the Regional Group of Study Group 3 for Latin America and the Caribbean", "SG3RG-LAC"),
        ("the Study Group 3 Regional Group for Asia and Oceania", "SG3RG-AO"),
    ],
)
def test_a_regional_group_named_with_its_region_in_words_is_that_group(
    words: str, group: str
) -> None:
    text = (
        "Telecommunication Standardization Bureau\nGeneva, 2 March 2027\n"
        f"Ref: TSB Collective letter 1/99\nDear Sir/Madam,\nI am pleased to invite you to {words}, "
        "which will be held in Cairo, Egypt, from 10 to 12 May 2027.\n"
    )
    (meeting,) = read_letter(text, "x.txt", TODAY)
    assert meeting.group == group


@pytest.mark.parametrize(
    ("days", "start", "end"),
    [
        ("from 20 to 22 (a.m.) July 2027", "2027-07-20", "2027-07-22"),
        ("from 22 p.m.-24 July 2027", "2027-07-22", "2027-07-24"),
        ("on 22 (p.m.) - 24 July 2027", "2027-07-22", "2027-07-24"),
    ],
)
def test_a_half_day_at_either_end_of_a_span_is_its_day(days: str, start: str, end: str) -> None:
    text = (
        "Telecommunication Development Bureau\nGeneva, 2 March 2027\nRef.: BDT/IP/RDF-9\n"
        f"Dear Sir/Madam,\nThe Regional Development Forum will be held in Cairo, Egypt, {days}.\n"
    )
    (meeting,) = read_letter(text, "x.txt", TODAY)
    assert (meeting.start.isoformat(), meeting.end.isoformat()) == (start, end)


@pytest.mark.parametrize(
    "said",
    [
        "the Technical Secretariat of the League will send its own invitation for it",
        "a separate invitation will be sent by the host",
        "its participants are invited separately by the Regional Commonwealth",
    ],
)
def test_a_meeting_that_has_an_invitation_of_its_own_is_not_convened(said: str) -> None:
    text = (
        "Telecommunication Standardization Bureau\nGeneva, 2 March 2027\n"
        "Ref: TSB Collective letter 1/99\nSubject: Meeting of Study Group 2, Cairo, Egypt, "
        "19 July 2027\n\nDear Sir/Madam,\nStudy Group 2 will meet in Cairo, Egypt, on 19 July "
        f"2027. Straight after it, a regional forum (22-24 July 2027) will be held; {said}.\n"
    )
    (meeting,) = read_letter(text, "x.txt", TODAY)
    assert (meeting.group, meeting.start.isoformat()) == ("SG2", "2027-07-19")
