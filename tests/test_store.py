"""The store, called directly: a locked update validates the whole result and writes it
atomically or not at all; edits keep keys in schema order and bump the revision."""

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from itu_timeline.base.errors import CalendarInvalid, UnknownEventError, UsageError
from itu_timeline.store.edits import (
    add_event,
    edit_event,
    make_id,
    remove_event,
    unique_id,
    upsert_copy,
)
from itu_timeline.store.locked import update_file

EVENT: dict[str, Any] = {
    "id": "sg17-2027",
    "title": "SG17",
    "body": "ITU-T",
    "kind": "study-group",
    "start": date(2027, 3, 15),
}


def test_update_file_creates_a_file_and_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "events.toml"
    update_file(path, lambda doc: add_event(doc, dict(EVENT)), create=True)
    assert path.read_text().startswith("schema = 2\n")
    assert 'id = "sg17-2027"' in path.read_text()


def test_an_invalid_result_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    update_file(path, lambda doc: add_event(doc, dict(EVENT)), create=True)
    before = path.read_bytes()
    with pytest.raises(CalendarInvalid) as caught:
        update_file(path, lambda doc: add_event(doc, {**EVENT, "id": "b", "body": "ITU-X"}))
    assert "field 'body'" in caught.value.lines()[0]
    assert path.read_bytes() == before


def test_a_dry_run_returns_the_result_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "events.toml"
    update = update_file(path, lambda doc: "counted", create=True, dry_run=True)
    assert (update.value, update.written) == ("counted", False)
    assert not path.exists()


def test_edit_bumps_the_revision_and_keeps_keys_in_schema_order() -> None:
    table = {"start": date(2027, 3, 15), "id": "x", "title": "T", "body": "ITU", "kind": "other"}
    edit_event(table, {"location": "Geneva", "deadlines": [{"before": "5 days", "name": "D"}]},
               ["notes"], date(2027, 1, 2))  # fmt: skip
    assert list(table) == [
        "id", "title", "body", "kind", "start", "location", "revision", "updated", "deadlines",
    ]  # fmt: skip
    assert table["revision"] == 1
    assert list(table["deadlines"][0]) == ["name", "before"]


def test_edit_refuses_to_clear_a_required_field() -> None:
    with pytest.raises(UsageError, match="'title' cannot be cleared"):
        edit_event(dict(EVENT), {}, ["title"], date(2027, 1, 1))


def test_add_refuses_a_duplicate_and_remove_an_unknown_id() -> None:
    document: dict[str, Any] = {"schema": 1}
    add_event(document, dict(EVENT))
    with pytest.raises(UsageError, match="already in this file"):
        add_event(document, dict(EVENT))
    with pytest.raises(UnknownEventError):
        remove_event(document, "nothing")
    assert remove_event(document, "sg17-2027")["title"] == "SG17"
    assert document["events"] == []


def test_upsert_copy_copies_once_and_never_shares_the_original() -> None:
    document: dict[str, Any] = {"schema": 1}
    original = dict(EVENT, tags=["a"])
    copy = upsert_copy(document, original)
    copy["tags"].append("b")
    assert original["tags"] == ["a"]
    assert upsert_copy(document, original) is copy


def test_ids_are_made_from_titles_and_made_unique() -> None:
    assert make_id("WTSA-28 prep (Genève)", date(2028, 1, 1)) == "wtsa-28-prep-geneve-2028"
    assert make_id("اجتماع", date(2028, 1, 1)) == "jtm-2028"
    assert make_id("Council 2028", date(2028, 1, 1)) == "council-2028"
    assert make_id("*", date(2028, 1, 1)) == "event-2028-01-01"
    assert unique_id("a", {"a", "a-2"}) == "a-3"
