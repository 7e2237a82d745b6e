"""Which days are meetings: a street named after a day is an address, and a week that only
sums up the workshops it is made of is no meeting of its own."""

from datetime import date

from itu_timeline.core.letter import read_letter

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
