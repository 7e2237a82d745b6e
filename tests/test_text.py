"""core/text.py: the one slug for ids, feed names and UIDs keeps every script's letters."""

import doctest
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itu_timeline.core import text
from itu_timeline.store import edits

from .conftest import Run


@pytest.mark.parametrize("module", [text, edits])
def test_the_docstring_examples_hold(module: object) -> None:
    """The slug and id examples in the docstrings are run, so they cannot go stale."""
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted > 0
    assert result.failed == 0


@given(st.text())
def test_a_slug_is_lowercase_ascii_words_within_its_limit(value: str) -> None:
    made = text.slug(value, limit=20)
    assert len(made) <= 20
    assert made == made.strip("-")
    assert all(c in "abcdefghijklmnopqrstuvwxyz0123456789-" for c in made)
    assert "--" not in made


@pytest.mark.parametrize(
    ("title", "wanted"),
    [
        ("Москва 2027", "moskva-2027"),
        ("اجتماع المجلس", "jtm-lmjls-2027"),
        ("Straße der Nationen", "strasse-der-nationen-2027"),
        ("Lillestrøm meeting", "lillestrom-meeting-2027"),
        ("Αθήνα workshop", "athina-workshop-2027"),
        ("世界电信发展大会", "shijiedianxinfazhandahui-2027"),
    ],
)
def test_add_makes_an_id_with_a_readable_form_of_every_word(
    run: Run, tmp_path: Path, title: str, wanted: str
) -> None:
    path = tmp_path / "mine.toml"
    args = ("add", "--title", title, "--start", "2027-03-01", "--body", "other")
    result = run(*args, "--kind", "other", "--calendar", str(path), calendars=[path])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{wanted}\n"
    shown = json.loads(run("list", "-f", "json", calendars=[path]).stdout)
    assert [e["title"] for e in shown] == [title]


def test_feed_names_and_deadline_uids_come_from_the_same_slug() -> None:
    from datetime import UTC, date, datetime

    from itu_timeline.core.model import Body, Deadline, Event, Kind
    from itu_timeline.render.ics import deadline_uid
    from itu_timeline.store.feeds import name_from

    assert name_from("https://example.org/кален/Събития.ics") == "example-org-s-bitiya"
    day = date(2027, 1, 1)
    event = Event(
        id="e", title="E", body=Body.OTHER, kind=Kind.OTHER, start=day, end=day, timezone="UTC"
    )
    due = datetime(2026, 12, 1, tzinfo=UTC)
    deadline = Deadline(event=event, name="Предложения", day=due.date(), due=due)
    assert deadline_uid(deadline).startswith("e.deadline.predlozheniya-")


UNSAFE = [
    chr(c)
    for c in [*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
]


@given(st.lists(st.one_of(st.characters(), st.sampled_from(UNSAFE))).map("".join), st.booleans())
def test_safe_replaces_every_control_and_override_and_nothing_else(value: str, keep: bool) -> None:
    """Text with none of them comes back as it is, without a pattern being run; each one is
    replaced by its stand-in (a newline kept when asked)."""
    shown = text.safe(value, keep_newlines=keep)
    kept = {"\n"} if keep else set()
    assert not any(c in shown for c in UNSAFE if c not in kept)
    expected = "".join(c if c not in UNSAFE or c in kept else text.safe(c) for c in value)
    assert shown == expected
    assert text.safe("\x1b") == "\u241b"
