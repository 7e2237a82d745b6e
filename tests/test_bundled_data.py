"""The bundled calendar: every verified fact-sheet row with exactly its dates, every event with
a source, nothing the loader or the quality checks object to, and canonical tomli-w form."""

import csv
import tomllib
from datetime import date
from pathlib import Path

import pytest

from itu_timeline.core.deadlines import all_deadlines, event_deadlines
from itu_timeline.core.loader import bundled_path, load
from itu_timeline.core.model import Basis, Calendar, Event, Format, Precision, Status
from itu_timeline.core.quality import warnings
from itu_timeline.store import toml_text

from .conftest import Run

DATA = Path(__file__).parent / "data"


@pytest.fixture
def calendar() -> Calendar:
    """Loaded inside each test, so it goes through the test's private cache folder."""
    return load([bundled_path()])


@pytest.fixture
def events(calendar: Calendar) -> dict[str, Event]:
    return {e.id: e for e in calendar.events}


def rows(name: str) -> list[dict[str, str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(line for line in lines if not line.startswith("#")))


@pytest.mark.parametrize("row", rows("verified-events.csv"), ids=lambda r: r["id"])
def test_every_verified_row_is_present_with_exactly_its_dates(
    row: dict[str, str], events: dict[str, Event]
) -> None:
    """Read on an official page: basis official, and the days as the sheet gives them (a
    meeting with a time of day or an end not announced still touches those days)."""
    event = events[row["id"]]
    assert (event.first_day.isoformat(), event.last_day.isoformat()) == (row["start"], row["end"])
    assert event.basis is Basis.OFFICIAL


@pytest.mark.parametrize("row", rows("verified-deadlines.csv"), ids=lambda r: r["event_id"])
def test_every_verified_deadline_row_is_a_deadline_of_its_event(
    row: dict[str, str], calendar: Calendar, events: dict[str, Event]
) -> None:
    event = events[row["event_id"]]
    days = {d.day for d in event_deadlines(event, calendar.rules)}
    assert date.fromisoformat(row["due"]) in days


def test_every_event_has_a_source_and_unconfirmed_ones_say_why(calendar: Calendar) -> None:
    for event in calendar.events:
        assert event.source, event.id
        if event.status is not Status.CONFIRMED:
            assert event.notes, f"{event.id} is {event.status} without a note"


def test_the_quality_checks_find_nothing(calendar: Calendar) -> None:
    assert warnings(calendar, all_deadlines(calendar)) == []


def test_validate_strict_passes(run: Run, calendar: Calendar) -> None:
    result = run("validate", "--strict", calendars=[bundled_path()])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert f"{len(calendar.events)} events" in result.stdout


def test_the_file_is_in_canonical_tomli_w_form() -> None:
    text = bundled_path().read_text(encoding="utf-8")
    assert toml_text.dumps(tomllib.loads(text)) == text


def test_what_is_known_after_pp26_is_carried_at_its_precision(events: dict[str, Event]) -> None:
    for council, year in (("c27", 2027), ("c28", 2028)):  # Res. 77's June-July did not hold
        assert events[council].precision is Precision.YEAR
        assert (events[council].start, events[council].end) == (
            date(year, 1, 1),
            date(year, 12, 31),
        )
        assert events[council].basis is Basis.EXPECTED
        assert "28 April - 8 May 2026" in (events[council].notes or "")
    assert events["cpm27-2"].precision is Precision.MONTH
    assert events["un-gd-ai-2027"].precision is Precision.YEAR
    combined = events["ra27-wrc27"]
    assert (combined.start, combined.end) == (date(2027, 10, 11), date(2027, 11, 12))
    assert "ra-27" not in events
    assert "wrc-27" not in events
    assert events["pp26-terms-start"].start == date(2027, 1, 1)
    for event_id in ("igf-2026", "c27", "cpm27-2", "ra27-wrc27"):
        assert events[event_id].status is Status.TENTATIVE
    assert events["un-gd-ai-2027"].status is Status.CONFIRMED  # year and city are official


def test_status_follows_the_basis_without_exception(calendar: Calendar) -> None:
    """One meaning: `confirmed` when the organiser announced it (and nothing says otherwise),
    `tentative` when it is only reported, derived or expected (TBC counts as expected)."""
    for event in calendar.events:
        if event.status in (Status.POSTPONED, Status.CANCELLED):
            continue
        official = event.basis is Basis.OFFICIAL
        assert event.status is (Status.CONFIRMED if official else Status.TENTATIVE), event.id


def test_the_2027_calendar_has_every_cycle_the_fact_sheets_give(events: dict[str, Event]) -> None:
    known = ("c27", "cwg-2027", "tsag-2027", "tdag-2027", "rag-2027", "cpm27-2", "ra27-wrc27")
    for event_id in known:
        assert events[event_id].first_day.year == 2027, event_id
        assert events[event_id].source, event_id
        assert events[event_id].basis in (Basis.EXPECTED, Basis.REPORTED), event_id
    assert events["ai-summit-2028"].precision is Precision.YEAR
    assert (events["wtdc-29"].first_day, events["wtdc-29"].basis) == (
        date(2029, 1, 1),
        Basis.EXPECTED,
    )


def test_remote_participation_said_by_a_source_is_hybrid(events: dict[str, Event]) -> None:
    """The six of issue 26, and those found since, each with the words of its source."""
    said = {
        "sg2-2026-02": "mixing virtual and physical",
        "sg17-cw-2026-03": "177 of them remote",
        "x509-day-2026": "physical + remote",
        "iris-wrc27-1": "possibility of remote participation",
        "tdag-31": "virtual and physical",
        "cwg-2023-10": "remote participation will be possible",
        "sg13-2024-07": "204 remote only",
        "c26": "onsite or remote participation",
        "cwg-2026-01": "onsite or remote participation",
    }
    for event_id, words in said.items():
        assert events[event_id].format is Format.HYBRID, event_id
        assert words in (events[event_id].notes or ""), event_id


def test_the_working_party_rule_gives_the_dates_of_its_letters(
    calendar: Calendar, events: dict[str, Event]
) -> None:
    for event_id, due in (("itur-wp7a-2021-04", "2021-04-12"), ("itur-wp5b-2021-05", "2021-05-03")):
        [deadline] = event_deadlines(events[event_id], calendar.rules)
        assert deadline.rule_id == "itur-working-party"
        assert deadline.due.isoformat() == f"{due}T16:00:00+00:00"


def test_council_deadlines_are_the_key_dates_with_no_twin(
    calendar: Calendar, events: dict[str, Event]
) -> None:
    """The ITU's key dates (30 days; 8 and 7 weeks) come from the rules where no page gave
    them, and Rule 20's four weeks is not a second deadline two days later."""
    for council, opening in (("c24", date(2024, 6, 4)), ("c25", date(2025, 6, 17))):
        days = {
            d.name: (opening - d.day).days for d in event_deadlines(events[council], calendar.rules)
        }
        assert days["All secretariat documents published"] == 30
        assert days["Secretariat documents with serious financial implications"] == 56
        assert "Preparatory documents published (Rule 20)" not in days
    budget = {d.name for d in event_deadlines(events["c25"], calendar.rules)}
    assert "Draft biennial budget published" in budget
    assert "Draft biennial budget published" not in {
        d.name for d in event_deadlines(events["c24"], calendar.rules)
    }


def test_pp26_deadlines_come_from_the_rules(calendar: Calendar, events: dict[str, Event]) -> None:
    deadlines = {d.name: d for d in event_deadlines(events["pp-26"], calendar.rules)}
    candidatures = deadlines["Candidatures for elected posts"]
    assert candidatures.rule_id == "pp-candidatures"
    assert candidatures.due.isoformat() == "2026-10-12T23:59:00+02:00"  # 21:59 UTC, CEST
    proposals = deadlines["Proposals to amend the Constitution or Convention"]
    assert (proposals.day, proposals.timed) == (date(2026, 3, 9), False)  # no time is given
    assert (deadlines["Other proposals"].day, deadlines["Other proposals"].timed) == (
        date(2026, 7, 9),
        False,
    )


def test_the_pp26_run_up_is_what_upcoming_shows(run: Run) -> None:
    result = run("upcoming", "--days", "200", calendars=[bundled_path()])
    lines = result.stdout.splitlines()
    order = [
        next(i for i, line in enumerate(lines) if needle in line)
        for needle in (
            "Candidatures for elected posts",
            "c26-final  ITU Council 2026, last",
            "pp-26  Plenipotentiary Conference 2026",
        )
    ]
    assert order == sorted(order)
    assert "2026-10-12 21:59 UTC   in 133 days" in lines[order[0]]
    assert "in 159 days" in lines[order[1]]
    assert "in 161 days" in lines[order[2]]
