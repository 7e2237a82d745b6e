"""The letter parser on the shapes the issue names: dates in five languages (and Chinese),
glued words, times and their zones, a letter that contradicts itself; and, as a property,
that a span written as letters write it reads back as itself."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itu_timeline.core.letter import NotALetter, read_letter
from itu_timeline.core.letter_dates import find_dates, resolve
from itu_timeline.core.letter_head import find_reference, normalize

TODAY = date(2026, 12, 3)
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
}
MONTHS["ru"] = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
MONTHS["ar"] = "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"
SPANS = {
    "en": "from {d1} {m1} {y1} to {d2} {m2} {y2}",
    "fr": "du {d1} {m1} {y1} au {d2} {m2} {y2}",
    "es": "del {d1} de {m1} de {y1} al {d2} de {m2} de {y2}",
    "ru": "с {d1} {m1} {y1} г. по {d2} {m2} {y2} г.",
    "ar": "من {d1} {m1} {y1} إلى {d2} {m2} {y2}",
}


def written(day: date, language: str) -> tuple[str, str, str]:
    return str(day.day), MONTHS[language].split()[day.month - 1], str(day.year)


@given(
    st.dates(min_value=date(2005, 1, 1), max_value=date(2035, 12, 31)),
    st.integers(min_value=0, max_value=30),
    st.sampled_from(sorted(SPANS)),
)
def test_a_span_written_in_any_of_five_languages_reads_back(
    start: date, length: int, language: str
) -> None:
    end = start + timedelta(days=length)
    d1, m1, y1 = written(start, language)
    d2, m2, y2 = written(end, language)
    text = SPANS[language].format(d1=d1, m1=m1, y1=y1, d2=d2, m2=m2, y2=y2)
    (found,) = find_dates(normalize(f"Subject: meeting, {text}."))
    assert (resolve(found.start, start), resolve(found.end, start)) == (start, end)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Geneva, 9-18 avril 2018", ("2018-04-09", "2018-04-18")),
        ("Ginebra, del 9 al 18 de abril de 2018", ("2018-04-09", "2018-04-18")),
        ("Geneva, 26 February - 2 March 2018", ("2018-02-26", "2018-03-02")),
        ("Geneva, 27 (afternoon) - 30 November 2017", ("2017-11-27", "2017-11-30")),
        ("Genève, les 8 et 9 mai 2012", ("2012-05-08", "2012-05-09")),
        ("held on 31 December 2017 - 2 January 2018", ("2017-12-31", "2018-01-02")),
        ("Geneva, 6-17\nNovember\n2017", ("2017-11-06", "2017-11-17")),
        ("Geneva, 67 June 2017", ("2017-06-06", "2017-06-07")),
        ("held on 1213 May 2017", ("2017-05-12", "2017-05-13")),
        ("Женева, 6-17 ноября 2017 года", ("2017-11-06", "2017-11-17")),
        ("جنيف، من ٦ إلى ١٧ نوفمبر ٢٠١٧", ("2017-11-06", "2017-11-17")),
        ("日内瓦，2017年11月30日至12月1日", ("2017-11-30", "2017-12-01")),
    ],
)
def test_spans_as_letters_print_them(text: str, span: tuple[str, str]) -> None:
    (found,) = [f for f in find_dates(normalize(text)) if f.is_span]
    near = date(2017, 1, 1)
    assert (resolve(found.start, near).isoformat(), resolve(found.end, near).isoformat()) == span


def test_two_days_joined_by_and_that_do_not_follow_are_no_span() -> None:
    assert not any(f.is_span for f in find_dates("on 3 and 10 May 2027"))


def test_a_reference_glued_to_the_letters_date_is_taken_apart() -> None:
    text = normalize("Circular Letter 5/LCCE/676 March 2017")
    reference = find_reference(text)
    assert reference is not None
    assert reference.text == "Circular Letter 5/LCCE/67"
    (found,) = find_dates(text)
    assert resolve(found.start, TODAY) == date(2017, 3, 6)


LETTER = """\
Radiocommunication Bureau
Circular Letter 9/LCCE/89 / 23 August 2005
Subject: Meetings of Working Parties 9A and 9D
The meetings will be held at ITU Headquarters in Geneva as shown below.
Groups / Meeting dates / Deadline for contributions
Working Party 9A / 23-30 November 2005 / 18 November 2005 at 08:00 hours Geneva time
Working Party 9D / 22-30 November 2005 / 17 November 2005 at 23:59 CET
Study Group 9 / 22-30 November 2005
Study Group 9 / 1-2 December 2005
"""


def meetings(text: str) -> dict[str, dict[str, object]]:
    return {str(m.group): m.record() for m in read_letter(text, "letter.txt", TODAY)}


def test_each_row_is_a_meeting_with_its_own_deadline_in_its_zone() -> None:
    found = meetings(LETTER)
    assert [d["due"] for d in found["WP 9A"]["deadlines"]] == ["2005-11-18T08:00+01:00"]
    assert [d["due"] for d in found["WP 9D"]["deadlines"]] == ["2005-11-17T23:59+01:00"]
    assert found["WP 9A"]["location"] == "Geneva, Switzerland"


def test_a_row_that_labels_its_own_deadline_keeps_it_from_the_other_rows() -> None:
    letter = (
        "Circular Letter 5/LCCE/120 3 March 2027\n"
        "Subject: Meetings of Working Parties 5A and 5D (virtual meetings)\n"
        "Dear Sir/Madam, the following meetings will be held as virtual meetings.\n"
        "Group Dates Deadline for contributions\n"
        "WP 5A 3-14 May 2027 Deadline for contributions: 26 April 2027 1600 hours UTC\n"
        "WP 5D 17-28 May 2027 Deadline for contributions: 10 May 2027 1600 hours UTC\n"
    )
    found = meetings(letter)
    assert [d["due"] for d in found["WP 5A"]["deadlines"]] == ["2027-04-26T16:00+00:00"]
    assert [d["due"] for d in found["WP 5D"]["deadlines"]] == ["2027-05-10T16:00+00:00"]


def test_a_group_given_two_spans_gets_the_wider_and_a_note() -> None:
    sg9 = meetings(LETTER)["SG9"]
    assert (sg9["start"], sg9["end"]) == ("2005-11-22", "2005-12-02")
    assert sg9["notes"] == [
        "the letter gives 2005-11-22..2005-11-30 and 2005-12-01..2005-12-02: "
        "the wider span is taken"
    ]


def test_a_time_with_no_zone_is_geneva_time_and_summer_counts() -> None:
    text = LETTER.replace(
        "18 November 2005 at 08:00 hours Geneva time", "18 June 2005 at 1600 hours"
    )
    text = text.replace("23 August 2005", "23 May 2005")
    (due,) = meetings(text)["WP 9A"]["deadlines"]
    assert due["due"] == "2005-06-18T16:00+02:00"


def test_a_virtual_meeting_is_online_with_the_zone_the_letter_names() -> None:
    text = (
        "Circular Letter 5/LCCE/91 / 29 January 2021\n"
        "Subject: Working Party 5B (virtual meeting), 10-21 May 2021\n"
        "Deadline for contributions: 3 May 2021 (1600 hours UTC).\n"
    )
    (meeting,) = meetings(text).values()
    assert (meeting["format"], meeting["location"], meeting["timezone"]) == ("online", None, "UTC")
    assert [d["due"] for d in meeting["deadlines"]] == ["2021-05-03T16:00+00:00"]


@pytest.mark.parametrize(
    "text",
    [
        "Minutes of the staff party, 12 May 2027.",
        "TSB Collective letter 3/13\nThank you for your contributions.",
    ],
)
def test_no_letter_or_no_meeting_is_refused(text: str) -> None:
    with pytest.raises(NotALetter):
        read_letter(text, "x.txt", TODAY)


def test_the_closing_formula_is_no_part_of_the_last_deadline() -> None:
    """'Yours faithfully,' after a key-deadlines table is the letter ending, not an item."""
    from datetime import date

    from itu_timeline.core.letter import read_letter

    text = (
        "Geneva, 1 March 2027\nRef: TSB Collective letter 4/11\n"
        "Subject: Meeting of Study Group 11; Geneva, 12-21 May 2027\nDear Sir/Madam,\n"
        "Key deadlines:\n29 April 2027 / - Submit ITU-T Member contributions\n"
        "Yours faithfully,\nSeizo Onoe\n"
    )
    [meeting] = read_letter(text, "4-11.txt", date(2027, 3, 1))
    assert [d.name for d in meeting.deadlines] == ["Submit ITU-T Member contributions"]


TDAG = """\
Telecommunication Development Bureau (BDT)
Ref. BDT/CIRCULAR/099 Geneva, 2 February 2027
Subject: - - 31st meeting of the Telecommunication Development Advisory Group, 12-14 May 2027
- - Meetings of the TDAG Correspondence Groups on the ITU-D contribution to the Strategic
Plan and on Rules of Procedure, 11 May 2027
Dear Sir/Madam,
I have pleasure in inviting you to the meetings of TDAG and its Correspondence Groups.
The TDAG will meet from 12 to 14 May 2027.
On 11 May 2027, prior to the TDAG meeting, the Correspondence Groups on the ITU-D contribution
to the Strategic Plan (CGSP) and on Rules of Procedure (CGRP) will meet.
"""


def test_two_groups_on_the_day_before_tdag_are_two_meetings_and_no_deadline() -> None:
    """Named after their day ("On 11 May, ... will meet"), joined by 'and on', the groups
    meet on their own day; that day, near a salutation, is no deadline of TDAG."""
    found = meetings(TDAG)
    assert sorted(found) == ["CGRP", "CGSP", "TDAG"]
    assert [found[g]["start"] for g in ("CGSP", "CGRP", "TDAG")] == [
        "2027-05-11",
        "2027-05-11",
        "2027-05-12",
    ]
    assert all(m["deadlines"] == [] for m in found.values())


def test_a_headless_dm_letter_gives_each_working_group_its_days_and_opening() -> None:
    text = (
        "General Secretariat Ref: 15 March 2027 Contact: DM -XX\nSubject: Invitation to the "
        "meetings of the Council Working Groups on Resolutions 140 and 149, 7-10 June 2027\n"
        "Dear Sir/Madam,\nIt is proposed to hold a meeting of "
        "the WG on Resolution 200 (WGDef) on 7-8 June 2027, starting at 10.00 on 7 June. "
        "The 5th meeting of the Working Group on Languages (WG-Lang) would be held on 8-9 "
        "June, starting at 14h30 on 8 June. Finally, the Working Group on the budget study "
        "(WG-Bud) would be held on 10 June 2027, sta"
    )
    found = meetings(text)
    assert {g: (m["start"], m["end"], m["opening"]) for g, m in found.items()} == {
        "WGDef": ("2027-06-07", "2027-06-08", "10:00"),
        "WG-Lang": ("2027-06-08", "2027-06-09", "14:30"),
        "WG-Bud": ("2027-06-10", "2027-06-10", None),
    }
    assert {(m["reference"], m["letter_date"]) for m in found.values()} == {(None, "2027-03-15")}


@pytest.mark.parametrize(
    "text",
    [
        "ITU-D Telecommunication Development Advisory Group (TDAG)\nDocument TDAG-31/019-E\n"
        "12 June 2027\nOriginal: English\nSource: Chairman\nTitle: Summary of conclusions\n"
        "TDAG met in Geneva from 12 to 14 May 2027 and agreed to meet again, 3-5 May 2028.",
        "Subject: Results of ITU-D Study Group 1\nThe group met from 10 to 19 January 2028 "
        "and will meet from 10 to 19 January 2029.",
    ],
)
def test_a_document_or_a_text_that_invites_no_one_is_no_letter(text: str) -> None:
    with pytest.raises(NotALetter):
        read_letter(text, "doc.txt", TODAY)


ITUD = """\
Telecommunication Development Bureau (BDT)
Ref.: BDT/IP/CSTG-99 Geneva, 4 October 2027
Subject: 2028 ITU-D Study Group 1 and 2 Rapporteur Group Meetings
Dear Sir/Madam,
Study Group 1 Rapporteur Groups will meet from 10 to 19 January 2028 and Study Group 2
Rapporteur Groups for all Questions and Working Party 1/2 from 19 to 28 January 2028.
The groups work on Questions 1/2, 3/2 and 5/1. In conjunction with these meetings, an
associated Workshop on spectrum will take place on 27 January 2028. The TDAG Correspondence
Group on streamlining resolutions will meet on 25 January 2028.
"""


def test_itu_d_reads_study_groups_and_keeps_a_workshop_inside_a_span() -> None:
    """'1/2' in ITU-D is of Study Group 2; a workshop on a day of SG2's span is a meeting of
    its own, and SG1 and SG2 sharing 19 January stay two. A group named in words without
    an acronym is a meeting of no group, called by those words (not TDAG's)."""
    found = {(m.group, m.start.isoformat(), m.end.isoformat(), m.title) for m in
             read_letter(ITUD, "itud.txt", TODAY)}  # fmt: skip
    assert found == {
        ("SG1", "2028-01-10", "2028-01-19", "ITU-D SG1 meeting"),
        ("SG2", "2028-01-19", "2028-01-28", "ITU-D SG2 meeting"),
        (None, "2028-01-25", "2028-01-25", "TDAG Correspondence Group on streamlining resolutions"),
        (None, "2028-01-27", "2028-01-27", "Workshop on spectrum"),
    }


def test_a_span_of_all_the_meetings_is_no_span_of_the_group_with_its_own_row() -> None:
    """'WPs 9A and 9D, together with SG 9, 22-30 November' sums up the rows: SG 9's own row
    (1-2 December) is its meeting."""
    text = LETTER.replace("Study Group 9 / 22-30 November 2005\n", "").replace(
        "as shown below.", "together with Study Group 9 from 22 to 30 November 2005."
    )
    text = text.replace("Working Party 9D / 22-30", "Working Party 9D / 24-29")
    sg9 = meetings(text)["SG9"]
    assert (sg9["start"], sg9["end"]) == ("2005-12-01", "2005-12-02")
    assert "2005-11-22..2005-11-30" in " ".join(map(str, sg9["notes"]))


def test_groups_of_hyphenated_acronyms_on_one_day_each_open_at_their_own_time() -> None:
    """'TDAG-WG-Prep opens at 09:30 and TDAG-CG-SOP at 14:30': each group its time, TDAG none;
    the subject's 'meetings of its groups, 24 May' are those groups' meetings, not TDAG's."""
    text = (
        "Telecommunication Development Bureau (BDT)\n"
        "Ref.: Circular BDT/DDR/077 Geneva, 3 March 2027\n"
        "Subject: 32nd TDAG meeting, 25-28 May 2027, and meetings of its groups, 24 May 2027\n"
        "Dear Sir/Madam,\nI invite you to the 32nd meeting of TDAG, from 25 to 28 May 2027 in "
        "Geneva. The TDAG Working Group on WTDC Preparations (TDAG-WG-Prep) and the TDAG "
        "Correspondence Group on the Operational Plan (TDAG-CG-SOP) will meet on 24 May 2027. "
        "TDAG-WG-Prep opens at 09:30 and TDAG-CG-SOP at 14:30.\n"
    )
    found = meetings(text)
    assert {g: (m["start"], m["end"], m["opening"]) for g, m in found.items()} == {
        "TDAG-WG-Prep": ("2027-05-24", "2027-05-24", "09:30"),
        "TDAG-CG-SOP": ("2027-05-24", "2027-05-24", "14:30"),
        "TDAG": ("2027-05-25", "2027-05-28", None),
    }


def test_french_correspondence_groups_of_the_gcdt_meet_on_their_own_day() -> None:
    """'Groupes de correspondance sur ... (WGSP) et sur ... (WGRR)' are two groups; 'du GCDT'
    names their parent, so the subject's day is theirs and not a day added to TDAG's."""
    text = (
        "Bureau de développement des télécommunications (BDT)\n"
        "Réf.: BDT/CIRCULAR/099 Genève, le 2 février 2027\n"
        "Objet: - - 31ème réunion du GCDT, 12-14 mai 2027\n"
        "- - Réunions des Groupes de correspondance du GCDT, 11 mai 2027\n"
        "Madame, Monsieur,\nLe GCDT se réunira du 12 au 14 mai 2027.\n"
        "Le 11 mai 2027, avant la réunion du GCDT, les Groupes de correspondance sur le Plan "
        "stratégique (WGSP) et sur les Résolutions (WGRR) se réuniront.\n"
    )
    found = meetings(text)
    assert {g: (m["start"], m["end"]) for g, m in found.items()} == {
        "WGSP": ("2027-05-11", "2027-05-11"),
        "WGRR": ("2027-05-11", "2027-05-11"),
        "TDAG": ("2027-05-12", "2027-05-14"),
    }
