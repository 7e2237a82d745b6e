"""Which time opens a meeting: the opening session's after a registration time in the same
sentence, never a deadline's time printed after its day, even in a table whose heading says
"Opening session"; and a table's row that prints the meeting's day again keeps its deadline."""

from datetime import date, time

from itu_timeline.core.letter import read_letter

TODAY = date(2026, 12, 3)
REGISTRATION_FIRST = """\
Radiocommunication Bureau
Circular Letter
5/LCCE/140 / 2 March 2027
Subject: Meeting of Working Party 5A
The meeting of Working Party 5A will be held in Geneva, 10-19 May 2027.
Registration opens at 08:30 hours on the opening day, and the opening session starts at
10:00 hours.
"""


def test_the_opening_session_after_a_registration_time_in_one_sentence() -> None:
    (meeting,) = read_letter(REGISTRATION_FIRST, "cl.txt", TODAY)
    assert meeting.opening == time(10, 0)


TABLE = """\
Radiocommunication Bureau (BR)
Administrative Circular
CACE/990 / 1 February 2027
Subject: / Meeting of Radiocommunication Study Group 4, Geneva, 16 June 2027

ITU-R Study Group 4 will meet in Geneva on 16 June 2027.

Group / Meeting date / Deadline for contributions / Opening session
Study Group 4 / 16 June 2027 / Wednesday, 9 June 2027
at 1600 hours UTC / Wednesday, 16 June 2027
at 0930 hours (local time)
"""


def test_a_table_row_gives_its_deadline_and_opening_not_the_deadlines_time() -> None:
    (meeting,) = read_letter(TABLE, "cace.txt", TODAY)
    assert meeting.opening == time(9, 30)
    assert [d.due for d in meeting.deadlines] == ["2027-06-09T16:00+00:00"]
