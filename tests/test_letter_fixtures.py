"""The letter corpus is well formed (tests/data/letters and its incoming/ folder): every text
has its truth, every truth has the keys and forms README.md there gives. What a fixture says
is checked by test_letter_corpus.py; this checks that a truth can be read at all."""

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

LETTERS = Path(__file__).parent / "data" / "letters"
KEYS = ["reference", "letter_date", "body", "group", "title", "start", "end", "location",
        "format", "opening", "timezone", "deadlines", "not_stated"]  # fmt: skip
TEXTS = sorted(LETTERS.glob("*.txt")) + sorted((LETTERS / "incoming").glob("*.txt"))


def truth_of(text: Path) -> Any:
    return json.loads(text.with_suffix(".json").read_text(encoding="utf-8"))


def check_deadline(deadline: dict[str, Any], start: str) -> None:
    assert sorted(deadline) == ["due", "name", "stated", "time_stated"]
    assert deadline["name"]
    assert deadline["stated"] is True
    due = deadline["due"]
    if deadline["time_stated"]:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d[+-]\d\d:\d\d", due), due
        datetime.fromisoformat(due)
    else:
        date.fromisoformat(due)
    assert due[:10] <= start, f"{due} is after the first day {start}"


def check_meeting(meeting: dict[str, Any]) -> None:
    assert list(meeting) == KEYS
    assert meeting["body"] in ("ITU-T", "ITU-R", "ITU-D", "ITU")
    assert meeting["format"] in ("in-person", "hybrid", "online")
    assert date.fromisoformat(meeting["start"]) <= date.fromisoformat(meeting["end"])
    if meeting["letter_date"] is not None:
        assert meeting["letter_date"] <= meeting["start"]
    if meeting["opening"] is not None:
        assert re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", meeting["opening"])
    if meeting["timezone"] is not None:
        ZoneInfo(meeting["timezone"])
    assert (meeting["location"] is None) == (meeting["format"] == "online") or (
        "location" in meeting["not_stated"]
    )
    for deadline in meeting["deadlines"]:
        check_deadline(deadline, meeting["start"])
    assert ("deadlines" in meeting["not_stated"]) == (not meeting["deadlines"])
    for key in ("reference", "letter_date", "group", "opening"):
        assert (meeting[key] is None) == (key in meeting["not_stated"]), key


@pytest.mark.parametrize("text", TEXTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_truth_has_the_keys_and_forms_of_the_readme(text: Path) -> None:
    truth = truth_of(text)
    if isinstance(truth, dict):
        assert truth == {"error": True}
        return
    assert truth, "a letter gives at least one meeting"
    for meeting in truth:
        check_meeting(meeting)
    order = [(m["start"], m["group"] or "") for m in truth]
    assert order == sorted(order), "meetings in order of start, then group"


def test_every_truth_has_its_text_and_its_line_in_the_index() -> None:
    index = (LETTERS / "INDEX.md").read_text(encoding="utf-8")
    for folder in (LETTERS, LETTERS / "incoming"):
        truths = {p.stem for p in folder.glob("*.json")}
        assert truths == {p.stem for p in folder.glob("*.txt")}
    for text in TEXTS:
        if not text.stem.startswith("own-"):
            assert f"| `{text.stem}` |" in index, text.stem
