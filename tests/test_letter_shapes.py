"""Shapes of real letters that the parser once misread: the meeting's place beside an ITU
office's, a group named by its acronym, meetings held alongside that the letter does not
convene, references read whole, times written the French way."""

from datetime import date

from itu_timeline.core.letter import read_letter
from itu_timeline.core.letter_model import Meeting

TODAY = date(2026, 12, 3)
REGIONAL = """\
Telecommunication Standardization Bureau
Geneva, 8 May 2027
Ref: / TSB Collective letter 1/SG12RG-AFR
- To the ITU Regional Office for the Africa Region, Addis Ababa;
- To the ITU Area Office, Harare, Zimbabwe
Subject: / Meeting of ITU-T Study Group 12 Regional Group for Africa (SG12RG-AFR);
Meeting of the Quality of Service Development Group (QSDG);
Johannesburg, South Africa, 26-28 July 2027

Dear Sir/Madam,

The ITU-T Study Group 12 Regional Group on Quality of Service (QoS) for the Africa Region
(SG12RG-AFR) will hold its next meeting at a conference centre in Fourways, from 27 July
(afternoon) to 28 July 2027 (full day).

It is preceded by the 40th Meeting of the Quality of Service Development Group (QSDG) on 26 and
27 July (morning), and by the Sixth SG12 Regional Workshop for Africa on 25 July 2027.
Yours faithfully,
"""


def meetings(text: str) -> list[Meeting]:
    return read_letter(text, "letter.txt", TODAY)


def test_the_place_of_an_itu_office_the_letter_is_sent_to_is_not_the_meetings() -> None:
    """The subject names Johannesburg; the regional office in Addis Ababa and the area office
    in Harare are where those offices are."""
    assert {m.location for m in meetings(REGIONAL)} == {"Johannesburg, South Africa"}


def test_a_group_named_in_words_with_its_acronym_is_that_group() -> None:
    """'Study Group 12 Regional Group ... (SG12RG-AFR)' is no meeting of SG12, and the
    'Quality of Service Development Group (QSDG)' is QSDG; a workshop named after SG12 is a
    workshop, of no group."""
    spans = {(m.group, m.start.isoformat(), m.end.isoformat()) for m in meetings(REGIONAL)}
    assert spans == {
        (None, "2027-07-25", "2027-07-25"),
        ("QSDG", "2027-07-26", "2027-07-27"),
        ("SG12RG-AFR", "2027-07-27", "2027-07-28"),
    }
