"""Which days are meetings: a street named after a day is an address, a week that only sums
up the workshops it is made of is no meeting of its own, and days listed before a year are of
that year (past meetings, not next year's)."""

from datetime import date

from itu_timeline.core.letter import read_letter
from itu_timeline.core.letter_dates import find_dates
from itu_timeline.core.letter_head import normalize

TODAY = date(2026, 12, 3)
ADDRESS = """\
Radiocommunication Bureau (Direct Fax N°. +41 22 730 57 85)
Circular Letter 4/LCCE/77 / 9 November 2026
To Administrations of Member States of the ITU
Subject: Meeting of Working Party 4A
The meeting of Working Party 4A will be held in Yaoundé, Cameroon, 18-26 January 2027.
The meeting venue is the:
Hilton Hotel / Tel.: +237 222 23 36 46
Boulevard du 20 mai / Fax: +237 222 22 32 10
Contributions must reach the Bureau by 11 January 2027, 16:00 hours UTC.
"""


def test_a_street_named_after_a_day_is_no_meeting() -> None:
    (meeting,) = read_letter(ADDRESS, "cl.txt", TODAY)
    assert (meeting.start, meeting.end) == (date(2027, 1, 18), date(2027, 1, 26))


WEEK = """\
INTERNATIONAL TELECOMMUNICATION UNION General Secretariat Ref: Geneva, 22 March 2027 Contact: \
DM-27/1004 TSB/CB Subject: To: - ITU Standards Week Lisbon, Portugal, 6-10 September 2027 \
Dear Madam/Sir, 1 ITU holds its Standards Week from 6 to 10 September 2027 in Lisbon, Portugal. \
2 The Week is organized as follows: Workshop on Energy Metrics, on 6 September 2027, organized \
by ITU. Workshop on Circular Economy, from 7 to 9 September 2027, organized by ITU. Workshop on \
Climate Monitoring, from 9 (afternoon) to 10 September 2027, organized by ITU."""


def test_a_week_made_of_its_workshops_is_no_meeting_of_its_own() -> None:
    found = read_letter(WEEK, "dm.txt", TODAY)
    assert [(m.start.day, m.end.day) for m in found] == [(6, 6), (7, 9), (9, 10)]


def test_days_listed_before_a_day_with_its_year_take_that_year() -> None:
    text = normalize("the meetings of 14 February, 3-4 April and 17-18 July 1997")
    years = [(f.start, f.end) for f in find_dates(text)]
    assert years == [((1997, 2, 14), (1997, 2, 14)), ((1997, 4, 3), (1997, 4, 4)),
                     ((1997, 7, 17), (1997, 7, 18))]  # fmt: skip


GMPCS = """\
General Secretariat
Date:16 September 1997 Ref:SPU
To:- Participants of the MoU Meetings of 14 February,
3-4 April and 17-18 July 1997
Fax:+Circular-Letter No. 58
Subject:Third meeting of Signatories of the MoU (6-7 October 1997)
Dear Sir/Madam,
At their second meeting (Geneva, 17 and 18 July 1997), the Signatories agreed to meet again on 6
and 7 October 1997. Please fax the registration form by 29 September 1997.
"""


def test_a_past_meetings_days_and_place_are_no_meeting_and_no_venue() -> None:
    (meeting,) = read_letter(GMPCS, "cl.txt", TODAY)
    assert (meeting.reference, meeting.body) == ("Circular-Letter No. 58", "ITU")
    assert (meeting.start, meeting.end) == (date(1997, 10, 6), date(1997, 10, 7))
    assert (meeting.location, meeting.timezone) == (None, None)
    assert [d.day for d in meeting.deadlines] == [date(1997, 9, 29)]


TDAG = """\
Telecommunication Development Bureau (BDT)
Ref. BDT/CIRCULAR/031 Geneva, 20 September 2027
Subject: 32nd meeting of the Telecommunication Development Advisory Group, 8-10 December 2027
Dear Sir/Madam,
You are invited to the meetings of TDAG and of its Correspondence Groups at ITU Headquarters in
Geneva. Besides reviewing the Kigali Action Plan, TDAG will prepare WTDC-29.
TDAG meets from 8 to 10 December 2027. The day before, 7 December 2027, the Correspondence
Group on the Strategic Plan (CGSP) and the Correspondence Group on Resolutions and
Recommendations (CGRR) meet to prepare their inputs to TDAG.
"""


def test_groups_said_to_meet_the_day_before_after_that_day_are_its_meetings() -> None:
    found = read_letter(TDAG, "bdt.txt", TODAY)
    assert [(m.group, m.start.day, m.end.day) for m in found] == [
        ("CGRR", 7, 7), ("CGSP", 7, 7), ("TDAG", 8, 10)]  # fmt: skip
    assert {m.location for m in found} == {"Geneva, Switzerland"}  # not the Kigali Action Plan's


def test_a_headless_letter_of_council_groups_is_the_general_secretariats() -> None:
    text = (
        "Subject: Invitation to the meetings of the Council Working Groups, 14-17 June 2027, "
        "at ITU Headquarters, Geneva\nDear Sir/Madam,\nThe first meeting of the WG on "
        "Resolution 149 (WGDef) is proposed for 14-15 June 2027."
    )
    (meeting,) = read_letter(text, "dm.txt", TODAY)
    assert (meeting.body, meeting.group) == ("ITU", "WGDef")


def test_a_day_followed_by_its_sentences_past_verb_is_no_meeting() -> None:
    text = (
        "Subject: Invitation to the meetings of the Council Working Groups, 14-17 June 2027\n"
        "Dear Sir/Madam,\nThe session of Council held after the Conference on 24 November\n"
        "asked two chairmen to lead the groups. The first meeting of the WG on Resolution 149 "
        "(WGDef) is proposed for 14-15 June 2027."
    )
    found = read_letter(text, "dm.txt", TODAY)
    assert date(2027, 11, 24) not in {m.start for m in found}
    assert ("WGDef", date(2027, 6, 14)) in {(m.group, m.start) for m in found}
