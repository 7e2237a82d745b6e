"""The data-quality warnings of `validate`, called directly."""

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from itu_timeline.core.deadlines import all_deadlines
from itu_timeline.core.model import Basis, Body, Calendar, DeadlineSpec, Event, Kind, Rule
from itu_timeline.core.quality import same_thing, summarize, warnings

BASE = Event(
    id="sg17",
    title="ITU-T Study Group 17 meeting",
    body=Body.ITU_T,
    kind=Kind.STUDY_GROUP,
    start=date(2027, 3, 15),
    end=date(2027, 3, 19),
    timezone="Europe/Zurich",
    source="https://www.itu.int/sg17",
    origin=Path("cal.toml"),
)


def found(*events: Event) -> list[str]:
    calendar = Calendar(events=events)
    return [str(w) for w in warnings(calendar, all_deadlines(calendar))]


def test_a_sourced_official_event_has_no_warning() -> None:
    assert found(BASE) == []


def test_each_warning_names_file_event_and_field() -> None:
    assert found(replace(BASE, source=None)) == [
        "cal.toml: event 'sg17': field 'source': no source: say where the dates were read"
    ]
    assert found(replace(BASE, source="https://news.example/x", basis=Basis.OFFICIAL)) == [
        "cal.toml: event 'sg17': field 'basis': official, but the source is not an official "
        "page or an ITU letter's reference"
    ]
    assert found(replace(BASE, source="https://news.example/x", basis=Basis.REPORTED)) == []
    assert "lasts 61 days" in found(replace(BASE, end=BASE.start + timedelta(days=60)))[0]
    assert "control characters" in found(replace(BASE, title="a\x1b[2Jb"))[0]


def test_a_deadline_after_the_start_is_a_warning() -> None:
    late = DeadlineSpec(name="Late", at=date(2027, 3, 20))
    assert found(replace(BASE, deadlines=(late,))) == [
        "cal.toml: event 'sg17': field 'deadlines': 'Late' falls after the event starts"
    ]


def test_duplicates_need_similar_titles_and_the_same_numbers() -> None:
    twin = replace(BASE, id="sg17-b", title="ITU-T Study Group 17 meetings")
    other = replace(BASE, id="sg12", title="ITU-T Study Group 12 meeting")
    assert found(BASE, twin) == [
        "cal.toml: event 'sg17-b': field 'id': looks like a duplicate of 'sg17'"
    ]
    assert found(BASE, other) == []


def test_the_summary_counts_by_body_and_kind() -> None:
    calendar = Calendar(events=(BASE, replace(BASE, id="c", body=Body.ITU, kind=Kind.COUNCIL)))
    summary = summarize(calendar, [])
    assert (summary.events, summary.by_body) == (2, {"ITU-T": 1, "ITU": 1})


def test_two_deadline_names_say_the_same_thing_by_spelling_or_two_shared_words() -> None:
    rule_20 = "Preparatory documents published (Rule 20)"
    assert same_thing(rule_20, "All secretariat documents published")
    assert same_thing("Register", "Registration")
    assert same_thing("Contributions to be translated", "Contributions for action to be translated")
    assert not same_thing("Contributions due", "Contributions to be translated")
    assert not same_thing("Member State contributions", "Documents posted (Decision 556)")
    assert not same_thing("Draft biennial budget published", "All secretariat documents published")


def test_a_rule_deadline_two_days_from_the_events_own_of_the_same_meaning_is_a_twin() -> None:
    own = DeadlineSpec(name="All secretariat documents published", at=date(2027, 2, 13))
    rule = Rule(id="r20", name="Preparatory documents published (Rule 20)", before="28 days")
    council = replace(BASE, id="c27", body=Body.ITU, kind=Kind.COUNCIL, deadlines=(own,))
    calendar = Calendar(events=(council,), rules=(rule,))
    [twin] = [str(w) for w in warnings(calendar, all_deadlines(calendar))]
    assert twin.startswith("cal.toml: event 'c27': field 'deadlines': 'Preparatory documents")
    far = replace(rule, before="5 weeks")  # a week apart: two deadlines, whatever their names
    calendar = Calendar(events=(council,), rules=(far,))
    assert warnings(calendar, all_deadlines(calendar)) == []


@pytest.mark.parametrize(
    "source",
    [
        "TSB Collective letter 3/13, 12 March 2027",
        "TSB Collective letter 2/3 of 2017-12-11",
        "Corrigendum 1 to TSB Collective letter 2/3 of 2017-12-11",
        "Circular Letter 5/LCCE/67 of 2017-03-06",
        "Administrative Circular CACE/560",
        "BDT/IP/CSTG-13",
        "DM-05/1171 of 2005-06-01",
        "Carta Colectiva TSB 8/5",
    ],
)
def test_an_itu_letter_is_an_official_source(source: str) -> None:
    assert found(replace(BASE, source=source, basis=Basis.OFFICIAL)) == []


@pytest.mark.parametrize(
    "source",
    [
        "a blog",
        "ITU letter (no reference in the text) of 2017-12-11",
        "see TSB Collective letter 2/3",
    ],
)
def test_other_text_is_no_official_source(source: str) -> None:
    assert len(found(replace(BASE, source=source, basis=Basis.OFFICIAL))) == 1


def test_names_of_different_kinds_of_deadline_are_not_the_same_thing() -> None:
    """A TSB letter's key deadlines of one day: fellowships and interpretation are two."""
    assert not same_thing("Submit requests for fellowships", "Submit requests for interpretation")
    assert same_thing("Submit requests for fellowships", "Submit fellowship requests")
