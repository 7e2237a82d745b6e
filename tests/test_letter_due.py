"""Deadlines as letters and meeting notices date them: a time after the item, a weekday between
the time and the day, a label before a colon, a row that dates two actions."""

from datetime import date, time

from itu_timeline.core.letter import read_letter
from itu_timeline.core.letter_model import LetterDeadline, Meeting

TODAY = date(2026, 12, 3)
KEY_DEADLINES = """\
Telecommunication Standardization Bureau
Geneva, 10 January 2027
Ref: / TSB Collective letter 3/17
Subject: / Meeting of Study Group 17; Geneva, 12-21 April 2027
The next meeting of Study Group 17 takes place at ITU headquarters in Geneva from 12 to 21
April 2027. The opening session starts at 0930 hours on the first day.
Key deadlines:
12 February 2027 Submit contributions for which translation is requested
12 March 2027 Pre-registration; requests for visa support letters
31 March 2027 Submit contributions (by 23:59 UTC)
Yours faithfully,
"""
# A Rapporteur's notice: "Date:" gives the meeting's days, every deadline is at 23:59 UTC
NOTICE = """\
To Experts of ITU-T SG12 Question 9/12 Cc Chairman of SG12 From Rapporteur for Q9/12 \
------------------------------------------------ Subject: Notice of Q9/12 Rapporteur Meeting \
in Geneva, Switzerland Date: 14-16 June 2027 ------------------------------------------------ \
Dear Experts of Question 9/12, The experts of Q9/12 of ITU-T SG12 meet in Geneva. 1. Date \
^^^^^^^ 14-16 June 2027 The meeting starts at 9:30 on the first day. 2. Documents ^^^^^^^^^ \
/// Registration of the document: by 23:59 UTC, 4 Jun 2027 /// /// Distribution of the \
document: by 23:59 UTC, 7 Jun 2027 /// 1) If you plan to submit a document, tell the \
Rapporteur as early as you can and at the latest by 23:59 UTC, Friday 28 May 2027; he gives \
it a number.
"""


def meeting(text: str) -> Meeting:
    (found,) = read_letter(text, "letter.txt", TODAY)
    return found


def due(deadline: LetterDeadline) -> tuple[date, time | None, str | None]:
    return deadline.day, deadline.time, deadline.zone


def test_a_time_after_the_item_of_a_key_deadline_is_its_time() -> None:
    """'31 March 2027 Submit contributions (by 23:59 UTC)': 23:59 UTC on 31 March."""
    last = meeting(KEY_DEADLINES).deadlines[-1]
    assert due(last) == (date(2027, 3, 31), time(23, 59), "UTC")


def test_a_row_dating_two_actions_joined_by_a_semicolon_is_two_deadlines() -> None:
    """'Pre-registration; requests for visa support letters' dates two actions: two deadlines
    on that day, as the corpus writes such a row (tests/data/letters/INDEX.md), each named as
    the letter names it."""
    names = [d.name for d in meeting(KEY_DEADLINES).deadlines if d.day == date(2027, 3, 12)]
    assert names == ["Pre-registration", "requests for visa support letters"]


def test_a_rapporteurs_notice_dates_its_deadlines_at_their_time() -> None:
    """Three deadlines at 23:59 UTC, one with its weekday between the time and the day; the
    span after 'Date:' is the meeting's, not the notice's date (so none is dropped as past)."""
    found = meeting(NOTICE)
    assert (found.group, found.start, found.end) == ("SG12", date(2027, 6, 14), date(2027, 6, 16))
    assert found.letter_date is None
    assert [due(d) for d in found.deadlines] == [
        (date(2027, 5, 28), time(23, 59), "UTC"),
        (date(2027, 6, 4), time(23, 59), "UTC"),
        (date(2027, 6, 7), time(23, 59), "UTC"),
    ]


def test_a_label_before_a_colon_names_its_deadline() -> None:
    """'/// Registration of the document: by 23:59 UTC, 4 Jun 2027 ///' is named by its
    label, not by the banner or the heading before it."""
    names = [d.name for d in meeting(NOTICE).deadlines[1:]]
    assert names == ["Registration of the document", "Distribution of the document"]
