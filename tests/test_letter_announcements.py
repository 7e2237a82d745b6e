"""Texts without reference that a delegate calls letters: a TSB meeting announcement that names
its sector only by its assembly, an e-mail of the ITU announcing a forum's dates; and what they
must still not be read to say (a place from a web address)."""

from datetime import date

import pytest

from itu_timeline.core.letter import NotALetter, read_letter
from itu_timeline.core.letter_model import Meeting

TODAY = date(2026, 12, 3)
ANNOUNCEMENT = """\
MEETING ANNOUNCEMENT Joint Rapporteurs' meetings for Q3, 4 and 8/11 Nairobi, Kenya, \
4-8 October 2027 1 Meeting venue and registration As the last SG11 meeting agreed, the host \
kindly receives the following SG11 Rapporteur meetings in Nairobi, to prepare WTSA-28. Please \
register with the on-line form not later than Monday 6 September 2027 at \
https://www.itu.int/net4/CRM/xreg/web/Registration.aspx?Event=C-00009999
"""
FORUM = """\
[Delegates] Forum 2028 - dates
Dear Stakeholder,
The Forum 2027 webpage http://www.itu.int/forum/2027/geneva/ has the outcomes.
ITU, UNESCO and UNDP are glad to announce that the Forum 2028 will take place from 15^th to
19^th of May 2028. Several stakeholders proposed to hold it in a new venue, and we ask for
your views on where.
"""


def meetings(text: str) -> list[Meeting]:
    return read_letter(text, "letter.txt", TODAY)


def test_a_meeting_announcement_of_rapporteurs_is_read() -> None:
    """A head that calls the text a meeting announcement, a group (SG11) and its sector named
    only by its assembly (WTSA): a letter of ITU-T, with its registration deadline."""
    (found,) = meetings(ANNOUNCEMENT)
    assert (found.body, found.group, found.location) == ("ITU-T", "SG11", "Nairobi, Kenya")
    assert (found.start, found.end) == (date(2027, 10, 4), date(2027, 10, 8))
    assert [d.day for d in found.deadlines] == [date(2027, 9, 6)]


def test_without_its_head_the_same_text_is_still_refused() -> None:
    """No salutation, no invitation, no head naming an announcement: no letter."""
    with pytest.raises(NotALetter):
        meetings(ANNOUNCEMENT.replace("MEETING ANNOUNCEMENT ", ""))


def test_an_e_mail_of_the_itu_announcing_a_forums_dates_is_read_without_a_place() -> None:
    """'... are glad to announce that the Forum 2028 will take place from 15^th to 19^th of
    May 2028': the ITU's, those days; its venue is put to consultation, and 'geneva' in a web
    address is no venue."""
    (found,) = meetings(FORUM)
    assert (found.body, found.start, found.end) == ("ITU", date(2028, 5, 15), date(2028, 5, 19))
    assert found.location is None
