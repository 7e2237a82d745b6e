# ruff: noqa: RUF001 -- Arabic-Indic digits and full-width punctuation are what those letters print
"""Shapes of real letters that the parser once misread: the meeting's place beside an ITU
office's, a group named by its acronym, meetings held alongside that the letter does not
convene, references read whole, times written the French way."""

import json
from datetime import date, time

import pytest

from itu_timeline.core.letter import read_letter
from itu_timeline.core.letter_dates import find_dates
from itu_timeline.core.letter_head import find_reference, normalize
from itu_timeline.core.letter_model import Meeting
from itu_timeline.core.letter_titles import event_title, subject_items

from .test_letter_cli import LETTER
from .test_letter_corpus import LETTERS, read, score

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


ALONGSIDE = """\
Telecommunication Standardization Bureau
Geneva, 17 June 2027
Ref: TSB Collective letter 4/12
Subject: Meeting of Working Party 2/12 Berlin, 17 September 2027
Dear Sir/Madam,
I am pleased to inform you that Working Party 2/12 will meet in Berlin on 17 September 2027.
Before it, the Rapporteurs of Questions 9 and 14/12 hold their joint Rapporteurs' Group
meeting (15-17 September 2027). The meeting is organized together with the 9th World
Indicators Meeting, held in Berlin, 14-17 September 2027.
Yours faithfully,
"""


def test_meetings_held_alongside_do_not_widen_the_one_the_letter_convenes() -> None:
    """The letter convenes WP 2/12 on 17 September; the Rapporteurs' days and an event held
    alongside, dated in sentences that name no group, are neither its days nor meetings of
    the letter; the note keeps what the letter said."""
    (meeting,) = meetings(ALONGSIDE)
    assert (meeting.group, meeting.start, meeting.end) == (
        "WP 2/12", date(2027, 9, 17), date(2027, 9, 17))  # fmt: skip
    assert any("2027-09-15..2027-09-17" in str(note) for note in meeting.notes)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Ref.: DM-251/BDT/CEO/WTDC-10 Geneva, 18 December 2009", "DM-251/BDT/CEO/WTDC-10"),
        ("Ref: DM-05/1171", "DM-05/1171"),
        (
            "Circular Letter 5/LCCE/86 Corrigendum 1 and its Attachments",
            "Corrigendum 1 to Circular Letter 5/LCCE/86",
        ),
        (
            "Ref: Addendum 2 to TSB Collective letter 4/13",
            "Addendum 2 to TSB Collective letter 4/13",
        ),
    ],
)
def test_a_reference_is_read_whole_and_a_corrigendum_names_itself(
    printed: str, expected: str
) -> None:
    reference = find_reference(normalize(printed))
    assert reference is not None
    assert (reference.text, reference.key) == (expected, expected)


OPENS = "The opening session starts at 0930 hours on the first day."


@pytest.mark.parametrize(
    ("sentence", "opening"),
    [
        ("La séance d'ouverture aura lieu le premier jour à 9 h 30.", time(9, 30)),
        ("La séance d'ouverture aura lieu le premier jour à 9h30.", time(9, 30)),
        ("La séance d'ouverture aura lieu le premier jour à 09 h 30.", time(9, 30)),
        ("The meetings will run from 1200 to 1500 hours Geneva time.", time(12, 0)),
        ("Les séances se tiendront de 12 h 00 à 15 h 00 (heure de Genève).", time(12, 0)),
        ("Las sesiones se celebrarán de 12.00 a 15.00 horas.", time(12, 0)),
    ],
)
def test_an_opening_written_the_french_way_or_as_the_days_hours(
    sentence: str, opening: time
) -> None:
    (meeting,) = meetings(LETTER.replace(OPENS, sentence))
    assert meeting.opening == opening


def test_the_hours_of_a_virtual_meeting_give_its_opening_and_zone() -> None:
    text = LETTER.replace(OPENS, "The meetings will run from 1200 to 1500 hours Geneva time.")
    text = text.replace("takes place at ITU headquarters in Geneva", "is a virtual meeting")
    (meeting,) = meetings(text.replace("; Geneva, 9-18", "; 9-18"))
    assert (meeting.format, meeting.opening, meeting.timezone) == (
        "online", time(12, 0), "Europe/Zurich")  # fmt: skip


def test_a_deadlines_time_in_brackets_after_by_is_its_time() -> None:
    text = LETTER.replace("27 March 2018 / -", "27 March 2018 (by 23:59 hours Geneva time) / -")
    (meeting,) = meetings(text)
    dues = {d.due for d in meeting.deadlines}
    assert "2018-03-27T23:59+02:00" in dues


def test_a_year_glued_to_the_next_days_date_is_taken_apart() -> None:
    """'Working Party 5D3-11 October 201726 September 2017': the table's meeting cell, then
    its deadline cell."""
    flat = normalize("Working Party 5D3-11 October 201726 September 2017Tuesday")
    days = [(f.start, f.end) for f in find_dates(flat)]
    assert days == [((2017, 10, 3), (2017, 10, 11)), ((2017, 9, 26), (2017, 9, 26))]


DAY_BEFORE = """\
Telecommunication Development Bureau (BDT)
Ref. BDT/CIRCULAR/017 Geneva, 23 September 2027
Subject: 30th meeting of the Telecommunication Development Advisory Group, 15-17 December 2027
Dear Sir/Madam,
TDAG meets from 15 to 17 December 2027. The day before, 14 December 2027, the Correspondence
Group on the Strategic Plan 2028-2031 (WGSP) and the Correspondence Group on Resolutions and
Recommendations (WGRR) meet to prepare their inputs to TDAG.
Yours faithfully,
"""


def test_groups_that_meet_the_day_before_are_meetings_of_their_own() -> None:
    """'The day before, 14 December 2027, ... (WGSP) and ... on Resolutions and
    Recommendations (WGRR) meet': two meetings beside TDAG's, each by its acronym."""
    spans = {(m.group, m.start.isoformat(), m.end.isoformat()) for m in meetings(DAY_BEFORE)}
    assert spans == {
        ("WGSP", "2027-12-14", "2027-12-14"),
        ("WGRR", "2027-12-14", "2027-12-14"),
        ("TDAG", "2027-12-15", "2027-12-17"),
    }


HEADLESS_COUNCIL = """\
Subject: Invitation to the meetings of the Council Working Groups on Resolutions 140 and 149,
12-15 June 2027, at ITU Headquarters, Geneva

Dear Sir/Madam,

The session of Council held after the Conference on 24 November asked two chairmen to lead
these groups. The first meeting of the WG on Resolution 149 (WGDef) is proposed for 12-13 June
2027, starting at 10.00 on 12 June. The Working Group on the participation study (WG-Study)
meets on 15 June 2027.
"""


def test_a_headless_letter_of_council_groups_is_the_itus_and_a_past_session_no_meeting() -> None:
    """No reference, no bureau, no sector: the Council's working groups are the ITU's; the
    Council session that 'asked' something on 24 November was held before the letter."""
    found = meetings(HEADLESS_COUNCIL)
    assert {m.body for m in found} == {"ITU"}
    assert [(m.group, m.start.isoformat()) for m in found] == [
        ("WGDef", "2027-06-12"), ("WG-Study", "2027-06-15")]  # fmt: skip


FORWARDED = """\
[governance] Forum 2027: Invitation to the Open Consultation
someone at example.org
Wed Oct 10 11:01:29 EDT 2026

Dear Sir/Madam,

The organizers of the WSIS Forum (ITU, UNESCO, UNCTAD and UNDP) invite you to the consultation
on the WSIS Forum 2027, which is planned from 10 to 14 May at the International
Telecommunication Union (ITU) in Geneva.

The consultation runs in phases:
Phase I :
16 November 2026 First Physical Meeting
Phase II :
21 January 2027 Deadline for Submission of the Official Contributions and binding requests for
Workshops
Phase III :
16 April 2027 Final Brief on the WSIS Forum 2027
"""


def test_an_invitation_the_itu_forwards_gives_its_meetings_and_dated_rows() -> None:
    """No reference, no bureau: an invitation addressed to the reader that names the ITU is
    read; a list of dates, each with what happens on it, gives the meetings it names and the
    deadline it dates (a 'Final Brief on the Forum' is no meeting)."""
    found = meetings(FORWARDED)
    assert [(m.body, m.group, m.start.isoformat(), m.end.isoformat()) for m in found] == [
        ("ITU", None, "2026-11-16", "2026-11-16"),
        ("ITU", None, "2027-05-10", "2027-05-14"),
    ]
    assert found[0].title == "First Physical Meeting"
    (forum,) = [m for m in found if m.start.month == 5]
    assert [(d.due, d.name) for d in forum.deadlines] == [
        ("2027-01-21", "Deadline for Submission of the Official Contributions"),
        ("2027-01-21", "binding requests for Workshops")]  # fmt: skip


@pytest.mark.parametrize("name", ["tsb-2018-sg13rgafr-abidjan", "tsb-2015-sg9-zh"])
def test_the_fixtures_of_these_shapes_read_exactly_as_their_truth(name: str) -> None:
    """Each field of the fixture modelled on a real letter of the shape (the corpus test
    only asks for 95 % over all of them)."""
    text = LETTERS / f"{name}.txt"
    truth = json.loads(text.with_suffix(".json").read_text(encoding="utf-8"))
    right, total, wrong = score(read(text), truth)
    assert (right, wrong) == (total, [])


ARABIC = """\
الاتحاد الدولي للاتصالات
مكتب تقييس الاتصالات
جنيف، ١٥ يناير ٢٠٢٧
المرجع: الرسالة الجماعية 4/13 لمكتب تقييس الاتصالات
الموضوع: اجتماع لجنة الدراسات 13، جنيف، من ١٥ إلى ٢٤ مارس ٢٠٢٧
حضرات السادة والسيدات،
يسرني أن أدعوكم إلى اجتماع لجنة الدراسات 13 الذي سيعقد في جنيف من ١٥ إلى ٢٤ مارس ٢٠٢٧.
يرجى تقديم المساهمات في موعد أقصاه ٢ مارس ٢٠٢٧.
"""
CHINESE = """\
国际电信联盟
电信标准化局
2027年1月15日，日内瓦
电信标准化局第 4/13 号通函
事由：第 13 研究组会议，2027年3月15日至24日，日内瓦
尊敬的先生/女士：
第 13 研究组会议将于2027年3月15日至24日在日内瓦召开。会议将于第一天9时30分开幕。
提交文稿的截止日期为2027年3月2日。
"""


@pytest.mark.parametrize("text", [ARABIC, CHINESE], ids=["ar", "zh"])
def test_an_arabic_or_chinese_letter_gives_its_meeting_place_and_deadline(text: str) -> None:
    (meeting,) = meetings(text)
    assert (meeting.reference is not None, meeting.letter_date, meeting.body, meeting.group) == (
        True, date(2027, 1, 15), "ITU-T", "SG13")  # fmt: skip
    assert (meeting.start, meeting.end) == (date(2027, 3, 15), date(2027, 3, 24))
    assert (meeting.location, meeting.timezone) == ("Geneva, Switzerland", "Europe/Zurich")
    assert [d.due for d in meeting.deadlines] == ["2027-03-02"]


ITU_WORKSHOP = (
    "by an ITU Workshop on Performance, Quality of Service and Quality of Experience for "
    "Multimedia Services, held over two days on "
)
SIXTH = (
    "Before it, TSB organizes a two-day workshop, the Sixth SG13 Regional Workshop for Africa "
    'on "Standardization of future networks", which takes place from '
)
QUOTED = 'a workshop on "Standardization of future networks" takes place from '
WRAPPED = " a one-day workshop on Security Aspects of Intelligent\nTransport Systems will gather"
CMDT = (
    "Me complace invitar a la Conferencia Mundial de Desarrollo de las Telecomunicaciones "
    "(CMDT-06), que se celebrará en Doha "
)
TITLES = [
    ([ITU_WORKSHOP], ITU_WORKSHOP[6:-24]),
    ([SIXTH], "Sixth SG13 Regional Workshop for Africa"),
    ([QUOTED], 'workshop on "Standardization of future networks"'),
    (["", WRAPPED], "workshop on Security Aspects of Intelligent Transport Systems"),
    ([CMDT], "Conferencia Mundial de Desarrollo de las Telecomunicaciones"),
]


@pytest.mark.parametrize(("phrases", "title"), TITLES)
def test_a_meeting_of_no_group_is_titled_by_its_name_cut_where_the_name_ends(
    phrases: list[str], title: str
) -> None:
    assert event_title(phrases) == title


def test_a_subject_names_the_workshop_and_an_e_mails_prefix_is_no_part_of_a_title() -> None:
    text = "Subject: FW: Invitation to the 2010 World Telecommunication Development Conference"
    assert subject_items(text + ", Hyderabad, 24 May - 4 June 2010\n\nDear") == [
        "2010 World Telecommunication Development Conference"]  # fmt: skip
    (workshop, *_) = meetings(REGIONAL)
    assert workshop.title == "Sixth SG12 Regional Workshop for Africa"


def test_a_meeting_held_at_an_itu_office_is_where_the_office_is() -> None:
    text = LETTER.replace(
        "takes place at ITU headquarters in Geneva from",
        "will be held at the ITU Regional Office for Asia and the Pacific, Bangkok, from",
    ).replace("; Geneva, 9-18", "; 9-18")
    (meeting,) = meetings(text)
    assert meeting.location == "Bangkok, Thailand"


def test_the_convened_meeting_given_other_days_in_a_sentence_naming_no_group_is_widened() -> None:
    """'The meeting will take place from 9 to 19 April' after a subject of 9-18 April is the
    letter contradicting itself, not a meeting held alongside: the wider span, and a note."""
    text = LETTER.replace(
        "The opening session", "The meeting will take place from 9 to 19 April 2018. The opening"
    )
    (meeting,) = meetings(text)
    assert (meeting.start, meeting.end) == (date(2018, 4, 9), date(2018, 4, 19))
    assert any("wider span" in str(note) for note in meeting.notes)
