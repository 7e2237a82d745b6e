"""What a letter convenes, and only that: meetings of its own groups or events, each once; a
meeting of another body that the letter mentions, a first day's hour of opening, a past
meeting give no record."""

from datetime import date, time

from itu_timeline.core.letter import read_letter
from itu_timeline.core.letter_groups import find_groups
from itu_timeline.core.letter_model import Meeting

TODAY = date(2026, 12, 3)
HEAD = """\
Telecommunication Standardization Bureau
Geneva, 10 March 2027
Ref: / TSB Collective letter 4/11
"""


def meetings(text: str) -> list[Meeting]:
    return read_letter(text, "letter.txt", TODAY)


def spans(text: str) -> set[tuple[str | None, str, str]]:
    return {(m.group, m.start.isoformat(), m.end.isoformat()) for m in meetings(text)}


def test_working_parties_listed_with_the_study_group_once_are_each_a_group() -> None:
    """'Working Parties 1, 2 and 3/11' are WP 1/11, WP 2/11 and WP 3/11, not Study Group 11
    named later as the one whose chairman asks for the meetings."""
    text = (
        HEAD
        + """\
Subject: / Meetings of Working Parties 1, 2 and 3/11 (Geneva, 9 June 2027)

Dear Sir/Madam,

At the request of the Chairman of Study Group 11, I invite you to the meetings of the three
working parties, to be held in Geneva on 9 June 2027.

Yours faithfully,
"""
    )
    assert spans(text) == {(f"WP {n}/11", "2027-06-09", "2027-06-09") for n in (1, 2, 3)}


def test_groups_listed_with_commas_before_and_each_meet() -> None:
    """'WP1/11 (...), WP2/11 (...) and WP3/11 (...)' names three groups in one list."""
    text = (
        HEAD
        + """\
Subject: / Working party meetings of Study Group 11

Dear Sir/Madam,

I invite you to the meetings of WP1/11 (Signalling), WP2/11 (Protocols) and WP3/11
(Testing), to be held at ITU headquarters, Geneva, on 9 June 2027.

Yours faithfully,
"""
    )
    assert {g for g, _, _ in spans(text)} == {"WP 1/11", "WP 2/11", "WP 3/11"}


REGIONAL = (
    HEAD.replace("4/11", "2/SG5RG-ARB")
    + """\
Subject: / Meeting of the Study Group 5 Regional Group for the Arab Region (SG5RG-ARB),
Muscat, Oman, {days} May 2027

Dear Sir/Madam,

"""
)


def test_a_regional_group_written_with_a_space_is_that_group() -> None:
    """'(SG5 RG-ARB)' in the body is the subject's SG5RG-ARB, not a meeting of SG5."""
    text = (
        REGIONAL.format(days="3-4")
        + """\
The Study Group 5 Regional Group for the Arab Region (SG5 RG-ARB) meets in Muscat, Oman,
on 3 and 4 May 2027.

Yours faithfully,
"""
    )
    assert spans(text) == {("SG5RG-ARB", "2027-05-03", "2027-05-04")}


def test_the_day_a_meeting_opens_on_is_no_meeting_of_its_own() -> None:
    """'The Forum opens at 1000 hours on Monday 3 May' gives the forum's hour, not a second
    forum on its first day, which would swallow the two days as their sum."""
    text = (
        REGIONAL.format(days="4-5")
        + """\
The Study Group 5 Regional Group for the Arab Region (SG5RG-ARB) meets in Muscat on 4 (afternoon)
and 5 May 2027. Before it, BDT holds a Forum on e-waste on 3 and 4 (morning) May 2027.

The Forum opens at 1000 hours on Monday 3 May 2027. The SG5RG-ARB meeting opens at 1430 hours
on Tuesday 4 May.

Yours faithfully,
"""
    )
    found = {(m.group, m.start.day, m.end.day, m.opening) for m in meetings(text)}
    assert found == {(None, 3, 4, time(10)), ("SG5RG-ARB", 4, 5, time(14, 30))}


def test_another_bodys_meeting_called_by_its_acronym_gives_no_record() -> None:
    """A workshop 'just before the meeting of the Joint Coordination Group on Quantum (JCG-Q)'
    convenes the workshop; the JCG's day, and a JCA that 'holds its meeting', are theirs
    (the subject gives no days to tell them by)."""
    text = (
        HEAD.replace("Collective letter 4/11", "Circular 77")
        + """\
Subject: / ITU Workshop on quantum networks

Dear Sir/Madam,

1 An ITU Workshop on quantum networks takes place in Ottawa, Canada, on 20 May 2027. It comes
just before the third meeting of the Joint Coordination Group on Quantum (JCG-Q), at the same
venue on 21 May 2027.

2 The Joint Coordination Activity on Networks (JCA-NET) holds its meeting on 19 May 2027.

Yours faithfully,
"""
    )
    assert spans(text) == {(None, "2027-05-20", "2027-05-20")}


def test_a_paragraph_ends_the_sentence_that_names_a_meetings_group() -> None:
    """A list of a working party's items, then a paragraph about another body's meeting: the
    working party named above the list does not meet on that body's day."""
    text = (
        HEAD
        + """\
Subject: / Meeting of Working Party 2/11 (Geneva, 9 June 2027)

Dear Sir/Madam,

I invite you to the meeting of WP2/11, to be held in Geneva on 9 June 2027. It considers:

WP2/11:

  • Q.new-sig, signalling requirements

The coordination activity on testing holds its regular meeting on 2 June 2027.

Yours faithfully,
"""
    )
    assert spans(text) == {("WP 2/11", "2027-06-09", "2027-06-09")}


def test_days_of_no_group_outside_the_subjects_days_are_not_convened() -> None:
    """The subject convenes WP 2/11 on 9 June; a regular meeting of a body the letter does
    not name as a group, on 2 June, is no meeting of WP 2/11."""
    text = (
        HEAD
        + """\
Subject: / Meeting of Working Party 2/11 (Geneva, 9 June 2027)

Dear Sir/Madam,

I invite you to the meeting of WP2/11, to be held in Geneva on 9 June 2027. The coordination
activity on testing holds its regular meeting on 2 June 2027.

Yours faithfully,
"""
    )
    assert spans(text) == {("WP 2/11", "2027-06-09", "2027-06-09")}


ANNOUNCEMENT = """\
Meeting Announcement Third Meeting FG QuantumNet and SG11 Rapporteurs' meetings Seoul, \
Korea (Rep. of), 6-12 October 2027 1. Meetings in Seoul The FG QuantumNet holds its third \
meeting on 6-7 October 2027 in Seoul, at the kind invitation of ETRI. In line with the \
results of the last ITU-T Study Group 11 meeting (12-21 April 2027), the following SG11 \
Rapporteurs meetings are also held at the same venue on 10-12 October 2027: Q1/11, Q2/11. \
The venue is the ETRI conference centre in Daejeon and the host asks that, so that it can \
organize both the Focus Group meeting and the Rapporteurs meetings, you please register \
with the on-line form as soon as you can, and not later than 6 September 2027. \
Pre-registration is carried out online only.
"""


def test_a_focus_group_and_rapporteurs_announced_together_are_two_meetings() -> None:
    """A Focus Group ('FG QuantumNet') and its study group's Rapporteurs, each on its own
    days; the subject's span over both is their sum; the last study group meeting is past."""
    assert spans(ANNOUNCEMENT) == {
        ("FG QuantumNet", "2027-10-06", "2027-10-07"),
        ("SG11", "2027-10-10", "2027-10-12"),
    }


def test_a_deadline_in_a_long_sentence_is_named_by_the_clauses_nearest_it() -> None:
    """'..., you please register ..., and not later than 6 September': both meetings' deadline,
    named from the clause that says what is due."""
    for meeting in meetings(ANNOUNCEMENT):
        (deadline,) = meeting.deadlines
        assert deadline.day == date(2027, 9, 6)
        assert deadline.name.startswith("you please register")


def test_sessions_listed_with_their_own_hours_on_one_day_are_two_meetings() -> None:
    """An e-mail of the ITU forwarding an invitation to two consultations on one day, each on
    its own line with its label and hours: two meetings, each opening at its hours; daily
    hours of one meeting ('from 09:30 to 12:30 and 14:30 to 17:30') split nothing."""
    text = """\
Subject: FW: Invitation to two Action Line meetings on 9 June

Dear Sir/Madam

I am forwarding to you, on behalf of the ITU, the invitation below: the ITU invites all
stakeholders to the meetings it facilitates on Action Lines C3 and C7 on 9 June 2027.
The meetings take place at ITU headquarters in Geneva:
Action line C3: Access to information. ITU, Tower building, Room H,
09h30 - 12h30. Open to all.
Action line C7: E-business. ITU, Tower building, Room H,
14h30 - 17h30. Open to all.
"""
    found = meetings(text)
    assert [(m.title, m.start, m.opening) for m in found] == [
        ("Action line C3: Access to information", date(2027, 6, 9), time(9, 30)),
        ("Action line C7: E-business", date(2027, 6, 9), time(14, 30)),
    ]
    daily = text.replace("Action line C3: Access to information. ", "").replace(
        "Action line C7: E-business. ", ""
    )
    assert len(meetings(daily)) == 1


def test_an_e_mails_date_and_a_meeting_cited_in_brackets_are_no_meetings() -> None:
    """A Rapporteur's convocation forwarded as an e-mail: its 'Date:' header is when it was
    sent; 'the meeting of SG 13 (Geneva, 6-10 September 2027)' in an agenda item is cited, not
    convened. The convocation's own days are its one meeting."""
    text = """\
Subject: Convocation of the Rapporteur meeting on Q2/11
Date: Mon, 5 Jul 2027 10:12:01 +0200

Dear Colleagues,

A Rapporteur meeting of ITU-T Study Group 11 on Q2/11 is held in Geneva from 1 to 3 September
2027. Agenda: 1. Opening 2. Preparation of the meeting of SG 13 (Geneva, 6-10 September 2027)
3. Closing
"""
    assert spans(text) == {("SG11", "2027-09-01", "2027-09-03")}


def test_a_subject_in_table_rows_gives_its_days_from_the_next_row() -> None:
    """'|Subject: |ITU-T Workshop ... |' then, after an empty line, '| |Ottawa, Canada, 20 May
    2027 |': the subject's days are the workshop's, so a meeting of no group of ours on the
    next day (named without an acronym) is not the letter's."""
    text = """\
|Ref: |TSB Circular 77 |- To Administrations of Member States of the Union; |

|Subject: |ITU-T Workshop on quantum networks |

| |Ottawa, Canada, 20 May 2027 |

Dear Sir/Madam,

1 An ITU-T Workshop on quantum networks takes place in Ottawa, Canada, on 20 May 2027. It
comes just before the third meeting of the coordination group on quantum matters, at the
same venue on 21 May 2027.

Yours faithfully,
"""
    assert spans(text) == {(None, "2027-05-20", "2027-05-20")}


def test_the_last_meeting_of_a_study_period_still_to_come_is_convened() -> None:
    """'The last meeting of Study Group 11 in this period will be held from ...' is the
    meeting the letter convenes, not a past one."""
    text = (
        HEAD
        + """\
Subject: / Meeting of Study Group 11

Dear Sir/Madam,

The last meeting of SG11 will be held in Geneva from 4 to 13 October 2027.

Yours faithfully,
"""
    )
    assert spans(text) == {("SG11", "2027-10-04", "2027-10-13")}


def test_a_meeting_the_letter_invites_to_with_its_place_and_days_in_brackets_is_convened() -> None:
    """'I invite you to the meeting of WP 5D (Geneva, 8-15 October 2027)': the brackets give
    the convened meeting's place and days (the subject gives none)."""
    text = """\
Radiocommunication Bureau
Circular Letter 5/LCCE/99
1 March 2027
Subject: Meeting of Working Party 5D

Dear Sir/Madam,

I have the honour to invite you to the meeting of WP 5D (Geneva, 8-15 October 2027).

Yours faithfully,
"""
    assert spans(text) == {("WP 5D", "2027-10-08", "2027-10-15")}


def test_a_notices_date_line_with_hours_is_its_meetings_day() -> None:
    """'Date: 14 June 2027 14:00-16:00' in a Rapporteur's notice is the meeting's day and
    hours, not an e-mail's header (which has seconds or a zone: '15:18:37 +0200')."""
    text = """\
Subject: Notice of the Q2/11 Rapporteur meeting in Geneva
Date: 14 June 2027 14:00-16:00

Dear experts of ITU-T Study Group 11, the Rapporteur meeting on Q2/11 is held in Geneva.
"""
    assert spans(text) == {("SG11", "2027-06-14", "2027-06-14")}


def test_a_one_day_workshops_programme_is_one_meeting() -> None:
    """A workshop's programme by the hour ('Session 1: ... 10:00 - 12:30', 'Session 2: ...
    14:00 - 17:30') gives the parts of one workshop, not a meeting each."""
    text = (
        HEAD.replace("Collective letter 4/11", "Circular 78")
        + """\
Subject: / ITU Workshop on network testing, Geneva, 9 June 2027

Dear Sir/Madam,

An ITU Workshop on network testing will be held in Geneva on 9 June 2027. Programme:
Session 1: Test methods. Room H,
10:00 - 12:30.
Session 2: Interoperability events. Room H,
14:00 - 17:30.

Yours faithfully,
"""
    )
    assert len(meetings(text)) == 1


def test_a_focus_groups_meeting_word_is_no_focus_group() -> None:
    """'the FG Meeting' names no Focus Group 'FG Meeting'; 'FG-QN' is one."""
    found = [g for m in find_groups("the FG Meeting of FG-QN and the fg chair") for g in m.groups]
    assert found == ["FG-QN"]


def test_a_host_named_by_its_acronym_leaves_the_meeting_the_letters() -> None:
    """'The second meeting of the group, hosted by the Ministry of Communications (MOC), will
    be held on 5-7 May': the acronym is the host's, the meeting the letter's group's."""
    text = (
        HEAD
        + """\
Subject: / Second meeting of Study Group 11 Regional Group

Dear Sir/Madam,

The second meeting of the group, hosted by the Ministry of Communications (MOC), will be held
in Muscat, Oman, on 5-7 May 2027.

Yours faithfully,
"""
    )
    assert spans(text) == {("SG11", "2027-05-05", "2027-05-07")}


def test_the_letters_date_in_a_shuffled_subject_cell_convenes_nothing() -> None:
    """'Subject: 4 August 2027 To: ...' (the head's cells shuffled) holds the letter's date,
    not the days of what it convenes: the meeting in the body stays."""
    text = """\
General Secretariat
Ref: DM-27/1052 Subject: 4 August 2027 To: ITU Member States
Invitation to the next meeting of the Council Working Group on WSIS (WG-WSIS)

Dear Colleagues,

The next meeting will be held in Geneva on 10 and 11 September 2027.

Yours faithfully,
"""
    assert spans(text) == {("WG-WSIS", "2027-09-10", "2027-09-11")}


def test_rapporteurs_meetings_announced_with_a_workshop_over_one_span_are_the_groups() -> None:
    """'Joint Rapporteurs' meetings for Q3, 4 and 8 as well as the Workshop on ..., 4-8
    October' over one span: the group's meetings, named first; 'the Rapporteur meetings are
    followed by a Workshop on 9 October' gives the workshop its own day, of no group."""
    head = "MEETING ANNOUNCEMENT Joint Rapporteurs' meetings for Q3, 4 and 8 as well as the "
    text = (
        head
        + """\
Workshop on testing Nairobi, Kenya, 4-8 October 2027 1 Venue The host kindly receives the \
following ITU-T SG11 Rapporteur meetings in Nairobi.
"""
    )
    assert spans(text) == {("SG11", "2027-10-04", "2027-10-08")}
    after = (
        text + "The Rapporteur meetings are followed by a Workshop on testing on 9 October 2027."
    )
    assert (None, "2027-10-09", "2027-10-09") in spans(after)


def test_a_deadline_in_the_subject_is_no_day_it_convenes() -> None:
    """'Subject: ... contributions by 5 May 2027': the meeting in the body, of no group named
    beside its days, is still the letter's."""
    text = (
        HEAD
        + """\
Subject: / Study Group 11: call for contributions by 5 May 2027

Dear Sir/Madam,

The meeting will be held in Geneva from 7 to 16 June 2027.

Yours faithfully,
"""
    )
    assert spans(text) == {("SG11", "2027-06-07", "2027-06-16")}
