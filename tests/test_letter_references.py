"""Whose reference a text carries, and saved pages: a BDT circular named by its meeting
("Circular C14/TDAG/CEO"), the General Secretariat's numbered circular letters, letters that a
text only cites, and an ITU page (English or Chinese) that announces a meeting to come."""

from datetime import date, time

import pytest

from itu_timeline.core.letter import NotALetter, read_letter
from itu_timeline.core.letter_head import find_reference, normalize

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("head", "printed", "body"),
    [
        (
            "TELECOMMUNICATION DEVELOPMENT BUREAU Ref.\nCircular C21/TDAG/CEO\nGeneva",
            "Circular C21/TDAG/CEO",
            "ITU-D",
        ),
        (
            "General Secretariat Ref: 3 March 2027 Circular letter 131 Contact: A. B.",
            "Circular letter 131",
            "ITU",
        ),
    ],
)
def test_circulars_named_by_meeting_or_number_are_read(head: str, printed: str, body: str) -> None:
    found = find_reference(normalize(head))
    assert found is not None
    assert (found.text, found.body) == (printed, body)


@pytest.mark.parametrize(
    "text",
    [
        "ITU Circular Letter 21/39\ntells that the assembly meets in Geneva.",
        "Under\nTSB Circular 203\n, the assembly is a physical meeting.",
        "TSB Circular 204\ninvites all delegates to the symposium.",
        "The working parties met before (see Circular Letter 1/LCCE/102).",
    ],
)
def test_a_letter_cited_in_a_sentence_is_not_the_texts_own(text: str) -> None:
    assert find_reference(normalize(text)) is None


def test_a_cited_letter_does_not_hide_the_own_one_after_ref() -> None:
    text = "Ref: / TSB Collective letter 4/5\nThe last meeting (see TSB Collective letter 2/5) ..."
    found = find_reference(normalize(text))
    assert found is not None
    assert found.text == "TSB Collective letter 4/5"


PAGE = """\
Advanced Search
General Secretariat
About ITU-T
Study Groups
Frequently Asked Questions
Updated: 04 March 2027
ITU Circular Letter 27/12
tells that the Assembly will meet from 8 to 16 October 2027 in Geneva, Switzerland.
Under
TSB Circular 311
, the Assembly is a physical meeting.
"""


def test_a_page_announcing_a_meeting_is_read_without_reference_or_date() -> None:
    (meeting,) = read_letter(PAGE, "faq.html", TODAY)
    assert (meeting.reference, meeting.letter_date, meeting.body) == (None, None, "ITU-T")
    assert (meeting.start, meeting.end) == (date(2027, 10, 8), date(2027, 10, 16))
    assert meeting.location == "Geneva, Switzerland"


CHINESE_PAGE = """\
无线电通信顾问组 (RAG)

无线电通信顾问组就有关事项向无线电通信局主任提出意见。ITU-R第52号决议列出了交给顾问组的事项。

即将召开的会议

{days}
ITU Headquarters, Geneva, Switzerland

Status: Confirmed

提交文稿的截止日期:{due}
"""


@pytest.mark.parametrize(
    ("days", "due"),
    [("12-14 April 2027", "29 March 2027"), ("2027年4月12日至14日", "2027年3月29日")],
)
def test_a_chinese_itu_r_page_gives_its_meeting_and_its_deadline(days: str, due: str) -> None:
    (meeting,) = read_letter(CHINESE_PAGE.format(days=days, due=due), "rag.html", TODAY)
    assert (meeting.body, meeting.group) == ("ITU-R", "RAG")
    assert (meeting.start, meeting.end) == (date(2027, 4, 12), date(2027, 4, 14))
    assert [(d.day, d.stated) for d in meeting.deadlines] == [(date(2027, 3, 29), True)]


def test_a_page_that_only_tells_of_past_meetings_is_no_letter() -> None:
    past = PAGE.replace("will meet", "met")
    with pytest.raises(NotALetter):
        read_letter(past, "faq.html", TODAY)


FINREGS = (
    "I NTERNATIONAL T ELECOMMUNICATION U NION General Secretariat Ref: 2 December 2026 Circular "
    "letter 131 Contact: A. B. To: ITU Member States Subject: Invitation to the twentieth meeting "
    "of the Council Group on the Financial Regulations (Group FINREGS) to be held on 8 and 9 "
    "February am 2027 Dear Colleagues, 1 Following Document C26/13 to the 2026 session of the "
    "Council, the twentieth meeting of the Group FINREGS will be held in Geneva (Room B1) on 8 and "
    "9 February 2027; it starts at 09h.30 on the first day and ends at 12h.30 on the second day."
)


def test_a_general_secretariat_letter_gives_its_group_by_acronym_and_its_opening() -> None:
    (meeting,) = read_letter(FINREGS, "cl.txt", TODAY)
    assert (meeting.reference, meeting.body, meeting.group) == (
        "Circular letter 131",
        "ITU",
        "FINREGS",
    )
    assert (meeting.start, meeting.end) == (date(2027, 2, 8), date(2027, 2, 9))
    assert meeting.opening == time(9, 30)


def test_remote_participation_offered_for_one_of_two_meetings_is_that_ones() -> None:
    page = PAGE.replace(
        "from 8 to 16 October 2027 in Geneva, Switzerland.",
        "from 8 to 16 October 2027, after the Global Standards Symposium (GSS-27) on 7 October "
        "2027; both in Geneva, Switzerland.",
    ).replace("the Assembly is a physical meeting.", "WTSA-27 is a physical meeting, and "
              "delegates are given interactive remote participation facilities.")  # fmt: skip
    page = page.replace("tells that the Assembly", "tells that WTSA")
    gss, wtsa = read_letter(page, "faq.html", TODAY)
    assert (gss.start, gss.format) == (date(2027, 10, 7), "in-person")
    assert (wtsa.start, wtsa.format) == (date(2027, 10, 8), "hybrid")


def test_a_chinese_itu_t_page_with_chinese_dates_and_deadline() -> None:
    page = "国际电联电信标准化部门\n第13研究组 (SG13)\n即将召开的会议\n2027年5月10日至21日\n" \
        "Geneva, Switzerland\n文稿截止日期为2027年4月28日\n"  # fmt: skip
    (meeting,) = read_letter(page, "sg13.html", TODAY)
    assert (meeting.body, meeting.group) == ("ITU-T", "SG13")
    assert (meeting.start, meeting.end) == (date(2027, 5, 10), date(2027, 5, 21))
    assert [d.day for d in meeting.deadlines] == [date(2027, 4, 28)]


def test_a_general_secretariat_circular_letter_numbered_by_year() -> None:
    found = find_reference(normalize("General Secretariat\nRef: Circular Letter 24/12\n"))
    assert found is not None
    assert (found.text, found.body) == ("Circular Letter 24/12", "ITU")


BR_HEAD = """\
INTERNATIONAL TELECOMMUNICATION UNION |[pic] | |
|Radiocommunication Bureau |
|{label} |{day} |
|{number} | |
To Administrations of Member States of the ITU
Subject: Meeting of Working Party 5D
Dear Sir/Madam,
I have the honour to invite you to the meeting of Working Party 5D, which will take place
in Seoul from 8 to 15 October 2008.
"""


@pytest.mark.parametrize(
    ("label", "day", "number", "printed", "dated"),
    [  # as Circular Letters 8/LCCE/143 (2005) and 5/LCCE/8 (2008) print their heads
        ("Circular Letter", "9 December 2005", "8/LCCE/143", "Circular Letter 8/LCCE/143",
         date(2005, 12, 9)),
        ("Circular letter", "19 August 2008", "5/LCCE/8", "Circular letter 5/LCCE/8",
         date(2008, 8, 19)),
        ("Administrative Circular", "August 4, 2008", "CACE/456",
         "Administrative Circular CACE/456", date(2008, 8, 4)),
        ("Administrative Circular", "4 August 2008", "CA/180", "Administrative Circular CA/180",
         date(2008, 8, 4)),
        ("Circular Letter", "4 August 2008", "CR/290", "Circular Letter CR/290",
         date(2008, 8, 4)),
        ("Lettre circulaire", "4 août 2008", "5/LCCE/8", "Lettre circulaire 5/LCCE/8",
         date(2008, 8, 4)),
    ],
)  # fmt: skip
def test_a_br_letters_kind_in_the_cell_before_its_number_and_its_date_between(
    label: str, day: str, number: str, printed: str, dated: date
) -> None:
    text = BR_HEAD.format(label=label, day=day, number=number)
    (meeting,) = read_letter(text, "letter.txt", TODAY)
    assert (meeting.reference, meeting.letter_date, meeting.body) == (printed, dated, "ITU-R")
    assert str(meeting.key).endswith(number)


def test_a_span_after_date_is_the_meetings_days_not_the_letters_date() -> None:
    """A Rapporteur's notice heads with "Date:" and the meeting's days (Q13/16, 2011)."""
    text = (
        "Ref: TSB Collective letter 9/16\nDate: 10-11 March 2011\nSubject: Meeting of "
        "Study Group 16\nDear Sir/Madam,\nI invite you to the meeting of Study Group 16, "
        "which will be held in Geneva from 10 to 11 March 2011.\n"
    )
    (meeting,) = read_letter(text, "letter.txt", TODAY)
    assert (meeting.start, meeting.letter_date) == (date(2011, 3, 10), None)
