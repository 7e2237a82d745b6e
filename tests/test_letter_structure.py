"""A letter read from its structure rather than from lists of names: a reference of no known
kind read by its shape after the head's 'Ref' label, and a meeting held where the letter does
not say still in person."""

from datetime import date, time

import pytest

from itu_timeline.core.letter import read_letter

TODAY = date(2026, 12, 3)
BODY = (
    "Subject: Meeting of ITU-T Study Group 3, Geneva, 10-14 May 2027\n"
    "Dear Sir/Madam,\nStudy Group 3 will meet in Geneva from 10 to 14 May 2027.\n"
)
# A BDT letter about sessions of the Council, which it does not place
COUNCIL = (
    "Telecommunication Development Bureau\n13 January 2027\nRef: MD-7\n"
    "Subject: Sector Members as observers at the sessions of Council 2027\n"
    "Dear Sir/Madam,\nThe sessions of the Council 2027, 19-28 April 2027, will admit "
    "observers. Please submit your candidacy to BDT by 28 February 2027 at the latest.\n"
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
    (meeting,) = read_letter(COUNCIL, "x.txt", TODAY)
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


@pytest.mark.parametrize(
    "annex",
    [
        "Annex 1\nDocument C26/82-E\n18 June 2026\n2026 SESSION - (9 - 18 JUNE)\n",
        "Annex 1\nDecision 519 (Council 2026 (9-18 June))\n",
        "Annex 1\nAdopted by the Council at its 2026 session: 9 - 18 June\n",
    ],
)
def test_a_year_printed_just_before_days_without_one_is_their_year(annex: str) -> None:
    (meeting,) = read_letter(COUNCIL + "Yours faithfully,\n" + annex, "x.txt", TODAY)
    assert (meeting.start, meeting.end) == (date(2027, 4, 19), date(2027, 4, 28))


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting comes just before a WP2/16 Plenary meeting (26 June).",
        "It ends the day before the TSAG meeting (26-30 June 2027).",
        "Experts may stay on after the plenary session (26 June 2027).",
    ],
)
def test_a_meeting_named_as_a_point_in_time_with_its_days_in_brackets_is_no_record(
    sentence: str,
) -> None:
    text = (
        "Subject: Notice of Rapporteur meeting in Geneva, Switzerland\nDate: 28 April 2027\n\n"
        "Dear experts,\nThis notice gives the details of the next meeting of ITU-T SG16 experts "
        f"at ITU Headquarters in Geneva, Switzerland. {sentence}\n1. Date\n"
        "24 (Wednesday) - 25 (Thursday) June 2027\nThe meeting starts at 9:00 on the first day.\n"
    )
    (meeting,) = read_letter(text, "x.txt", TODAY)
    assert (meeting.start, meeting.end) == (date(2027, 6, 24), date(2027, 6, 25))


@pytest.mark.parametrize(
    "named",
    [
        "Preparation for WP2/16 Questions Rapporteur Meeting",
        "WP 3/13 Rapporteur group meeting",
        "Working Party 1/17 Rapporteurs meeting",
    ],
)
def test_a_rapporteurs_meeting_named_by_its_working_party_is_its_study_groups(
    named: str,
) -> None:
    text = (
        f"Subject: {named}, 20-24 February 2027, Geneva, Switzerland\n\nDear experts,\n"
        "Here are the details of this joint ITU-T Rapporteur meeting at ITU Headquarters in "
        "Geneva. It starts at 9:00 on the first day.\n"
    )
    (meeting,) = read_letter(text, "x.txt", TODAY)
    assert meeting.group == "SG" + named.split("/")[1][:2]


@pytest.mark.parametrize("cells", ["\n", " | "])
@pytest.mark.parametrize(
    ("label", "group"), [("Study Group 6", "SG6"), ("Working Party 6C", "WP 6C"), ("TSAG", "TSAG")]
)
def test_a_table_rows_day_after_its_groups_label_is_that_groups_meeting(
    cells: str, label: str, group: str
) -> None:
    """The introduction's span sums up the meetings; the group's own row gives its day,
    outside that span, with its deadline and opening."""
    others = [g for g in ("Working Party 6A", "Working Party 6B") if g != label]
    text = (
        "Radiocommunication Bureau\n12 December 2026\nCircular Letter\n6/LCCE/99\n"
        "Subject: Meetings of Working Parties 6A and 6B and of " + label + "\n"
        "This Circular Letter announces that ITU-R Working Parties 6A and 6B and "
        f"{label} will meet at ITU Headquarters, Geneva, from 15 to 25 April 2027:\n"
        "Groups\nMeeting dates\nDeadline for contributions 1600 hours UTC\nOpening session\n"
        f"{others[0]}\n16 - 24 April 2027\nTuesday, 9 April 2027\n16 April at 0930 hours\n"
        f"{others[1]}\n22 - 25 April 2027\nMonday, 15 April 2027\n22 April at 0930 hours\n"
        f"{label}{cells}26 April 2027{cells}Friday, 19 April 2027{cells}26 April at 0930 hours\n"
    )
    meetings = read_letter(text, "x.txt", TODAY)
    (own,) = [m for m in meetings if m.group == group]
    assert (own.start, own.end, own.opening) == (date(2027, 4, 26), date(2027, 4, 26), time(9, 30))
    assert [d.due for d in own.deadlines] == ["2027-04-19T16:00+00:00"]


@pytest.mark.parametrize(
    ("subject", "named", "titles"),
    [
        (
            "Arab States Preparatory Meeting for WTSA-28 and Preparatory Meeting for PP-26",
            "these meetings",
            ["Arab States Preparatory Meeting for WTSA-28", "Preparatory Meeting for PP-26"],
        ),
        (
            "ITU Workshop on Smart Cities and Forum on the Internet of Things",
            "these events",
            ["ITU Workshop on Smart Cities", "Forum on the Internet of Things"],
        ),
        (
            "Regional Seminar on Spectrum Management and the Regional Forum on Broadband",
            "these events",
            ["Regional Seminar on Spectrum Management", "Regional Forum on Broadband"],
        ),
        (  # no subject: events of one kind named together in the body
            None,
            "the Regional Preparatory Meetings for WTSA-28 and for PP-26",
            ["Regional Preparatory Meeting for WTSA-28", "Regional Preparatory Meeting for PP-26"],
        ),
        (
            None,
            "the Workshops on Smart Cities and on Digital Health",
            ["Workshop on Smart Cities", "Workshop on Digital Health"],
        ),
    ],
)
def test_two_events_named_together_over_one_span_are_two_meetings(
    subject: str | None, named: str, titles: list[str]
) -> None:
    text = (
        "General Secretariat\nGeneva, 2 March 2027\nRef: DM-27/1001\n"
        + (f"Subject: {subject}, Cairo, Egypt, 3-6 May 2027\n\n" if subject else "")
        + f"Dear Sir/Madam,\nITU is pleased to invite you to {named}, which will take place "
        "in Cairo, Egypt, from 3 to 6 May 2027.\n"
    )
    meetings = read_letter(text, "x.txt", TODAY)
    assert sorted(m.title for m in meetings) == sorted(titles)
    assert {(m.start, m.end, m.location) for m in meetings} == {
        (date(2027, 5, 3), date(2027, 5, 6), "Cairo, Egypt")
    }


@pytest.mark.parametrize(
    "subject",
    [
        "ITU Workshop on Performance, QoS and QoE for Multimedia Services",
        "Regional Seminar for Europe and CIS",
        "Joint Meeting of Study Group 13 and Study Group 11",
    ],
)
def test_one_event_whose_name_holds_and_stays_one_meeting(subject: str) -> None:
    text = (
        "Telecommunication Standardization Bureau\nGeneva, 2 March 2027\nRef: TSB Circular 99\n"
        f"Subject: {subject}, Cairo, Egypt, 3-6 May 2027\n\nDear Sir/Madam,\nI invite you.\n"
    )
    meetings = read_letter(text, "x.txt", TODAY)
    assert len({m.title for m in meetings if m.group is None}) <= 1
    assert len(meetings) == (2 if "Study Group" in subject else 1)
