"""export then import loses nothing: each event comes back with its deadlines (its own and
its rules', as specifications, still relative to its first day), and an unchanged round trip
changes nothing."""

import itertools
import re
from datetime import date
from pathlib import Path
from typing import Any

from itu_timeline.core.deadlines import all_deadlines
from itu_timeline.core.loader import bundled_path, load
from itu_timeline.store.merging import FROM_SOURCE, fingerprint, merge

from .conftest import Run


def exported_and_imported(run: Run, tmp_path: Path) -> tuple[Path, Path]:
    ics, copy = tmp_path / "all.ics", tmp_path / "copy.toml"
    assert run("export", "-o", str(ics), calendars=[bundled_path()]).exit_code == 0
    result = run("import", str(ics), "--calendar", str(copy), calendars=[bundled_path()])
    assert result.exit_code == 0, result.stderr
    # The copies override the bundled events where the copy is read: said, with how many.
    assert "itu-timeline: note: 97 imported events have the ids of bundled events" in (
        result.stderr
    )
    return ics, copy


def deadlines_shown(run: Run, calendar: Path, event_id: str) -> str:
    text = run("show", event_id, calendars=[calendar], today="2026-01-01").stdout
    heading, *rest = text[text.index("Deadlines") :].splitlines()
    items = itertools.takewhile(lambda line: line.startswith("  "), rest)
    return "\n".join([heading, *items])


def test_show_c26_from_the_imported_copy_alone_has_the_bundled_deadlines(
    run: Run, tmp_path: Path
) -> None:
    _, copy = exported_and_imported(run, tmp_path)
    shown = deadlines_shown(run, copy, "c26")
    assert shown == deadlines_shown(run, bundled_path(), "c26")
    assert shown.count("\n") >= 4  # its own deadlines and its rule's


def test_every_deadline_of_the_bundled_calendar_comes_back(run: Run, tmp_path: Path) -> None:
    _, copy = exported_and_imported(run, tmp_path)

    def deadlines(files: list[Path]) -> list[tuple[str, str, object, bool]]:
        return sorted((d.event.id, d.name, d.due, d.timed) for d in all_deadlines(load(files)))

    bundled = deadlines([bundled_path()])
    assert len(bundled) > 100
    assert deadlines([copy]) == bundled
    assert deadlines([bundled_path(), copy]) == bundled  # over the rules: none twice


def test_an_unchanged_round_trip_changes_nothing(run: Run, tmp_path: Path) -> None:
    ics, copy = exported_and_imported(run, tmp_path)
    once = copy.read_bytes()
    again = run("import", str(ics), "--calendar", str(copy), calendars=[bundled_path()])
    assert again.stdout.startswith("0 added, 0 updated, ")
    assert "(unchanged " in again.stdout
    assert copy.read_bytes() == once
    second = tmp_path / "second.ics"
    assert run("export", "-o", str(second), calendars=[copy]).exit_code == 0
    stamp = re.compile(rb"^(DTSTAMP|X-WR-CALNAME|LAST-MODIFIED)[:;].*\r\n", re.M)
    events = stamp.sub(b"", ics.read_bytes())
    assert stamp.sub(b"", second.read_bytes()) == events


def test_a_field_an_older_import_did_not_remember_keeps_the_users_value() -> None:
    """Imports before deadlines came back did not remember them: a re-import of a source that
    gives none must not take away the deadlines the user added since."""
    mine = [{"name": "Comments", "at": date(2027, 1, 20)}]
    source = {"uid": "x@example.org", "title": "X", "start": date(2027, 2, 1)}
    memory = {key: fingerprint(source.get(key)) for key in FROM_SOURCE} | {"tags": []}
    event: dict[str, Any] = {"id": "x", **source, "deadlines": mine, "imported": memory}
    document = {"schema": 2, "events": [event]}
    merged = merge(document, [source], (), date(2026, 6, 1), fields=(*FROM_SOURCE, "deadlines"))
    assert event["deadlines"] == mine
    assert merged.conflicts == []
