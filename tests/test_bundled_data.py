"""The bundled calendar: every verified fact-sheet row with exactly its dates, every event with
a source, nothing the loader or the quality checks object to, and canonical tomli-w form."""

import csv
import tomllib
from datetime import date
from pathlib import Path

import pytest

from itu_timeline.core.deadlines import all_deadlines, event_deadlines
from itu_timeline.core.loader import bundled_path, load
from itu_timeline.core.model import Basis, Calendar, Event, Precision, Status
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
    assert events["c27"].precision is Precision.MONTH
    assert (events["c27"].start, events["c27"].end) == (date(2027, 6, 1), date(2027, 7, 31))
    assert events["cpm27-2"].precision is Precision.MONTH
    assert events["un-gd-ai-2027"].precision is Precision.YEAR
    combined = events["ra27-wrc27"]
    assert (combined.start, combined.end) == (date(2027, 10, 11), date(2027, 11, 12))
    assert "ra-27" not in events
    assert "wrc-27" not in events
    assert events["pp26-terms-start"].start == date(2027, 1, 1)
    for event_id in ("igf-2026", "c27", "cpm27-2", "ra27-wrc27", "un-gd-ai-2027"):
        assert events[event_id].status is Status.TENTATIVE


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
