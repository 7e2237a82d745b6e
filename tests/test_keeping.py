"""Edits keep the file a person wrote: add, edit, remove and import change only what they
change. Hand-written files (tests/data/hand/: comments everywhere, an inline table, dotted keys,
aligned and tab-indented keys, a multi-line string holding a '#') are edited by each command
and diffed: the diff holds the change and nothing else."""

import difflib
import shutil
import tomllib
from pathlib import Path

import pytest

from itu_timeline.store.toml_text import comment_count

from .conftest import Run

HAND = Path(__file__).parent / "data" / "hand"
ICS = Path(__file__).parent / "data" / "ics" / "google-allday.ics"


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines a diff removes and the lines it adds."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    removed: list[str] = []
    added: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag != "equal":
            removed += old[i1:i2]
            added += new[j1:j2]
    return removed, added


def edited(run: Run, tmp_path: Path, name: str, *command: str) -> tuple[str, str]:
    path = tmp_path / name
    shutil.copyfile(HAND / name, path)
    result = run(*command, "--calendar", str(path), calendars=[path])
    assert result.exit_code == 0, result.stderr
    assert "comment" not in result.stderr
    return (HAND / name).read_text(encoding="utf-8"), path.read_text(encoding="utf-8")


def test_the_corpus_is_hand_written_with_many_comments() -> None:
    text = (HAND / "tables.toml").read_text(encoding="utf-8")
    assert comment_count(text) == 11  # the '#' inside the notes string is none
    assert all(shape in text for shape in ("match.body", "match = {", "\tid", '"""'))


def test_add_appends_the_event_and_changes_nothing_else(run: Run, tmp_path: Path) -> None:
    before, after = edited(
        run, tmp_path, "tables.toml", "add", "--id", "new-2027", "--title", "New",
        "--start", "2027-09-01", "--body", "ITU", "--kind", "other",
    )  # fmt: skip
    assert after.startswith(before)
    assert after[len(before) :] == (
        '\n[[events]]\nid = "new-2027"\ntitle = "New"\nbody = "ITU"\nkind = "other"\n'
        "start = 2027-09-01\nend = 2027-09-01\nupdated = 2026-06-01\n"
    )


def test_edit_changes_the_keys_it_changes_where_they_stand(run: Run, tmp_path: Path) -> None:
    before, after = edited(
        run, tmp_path, "tables.toml", "edit", "sg17-2027", "--title", "SG17, Geneva",
        "--location", "Geneva", "--clear", "notes",
    )  # fmt: skip
    removed, added = changed_lines(before, after)
    assert removed == [
        "title = 'ITU-T SG17 meeting'       # a literal string\n",
        'notes = """\n', "Multi-line notes.\n", "# not a comment: inside the string\n", '"""\n',
    ]  # fmt: skip
    assert added == [
        'title = "SG17, Geneva"       # a literal string\n',
        'location = "Geneva"\n', "revision = 1\n", "updated = 2026-06-01\n",
    ]  # fmt: skip


def test_edit_of_an_event_with_deadlines_keeps_them_as_written(run: Run, tmp_path: Path) -> None:
    before, after = edited(
        run, tmp_path, "tables.toml", "edit", "c27", "--start", "2027-06-16", "--clear", "tags"
    )
    removed, added = changed_lines(before, after)
    assert removed == [
        "start = 2027-06-15\n",
        'tags = [ "governance",   "elections" ]   # odd spacing kept\n',
    ]
    assert added == ["start = 2027-06-16\n", "revision = 1\n", "updated = 2026-06-01\n"]


REMOVED = {
    "c27": ('[[events]]\nid    = "c27"', 'before = "30 days"   # as the circular says\n'),
    "sg17-2027": ('[[events]]\nid = "sg17-2027"', '"""\n\n'),
    "wsis-2027": ('[[events]]\n\tid = "wsis-2027"', "end = 2027-07-10\n"),
}


@pytest.mark.parametrize("event_id", sorted(REMOVED))
def test_remove_takes_out_the_events_lines_and_keeps_every_comment_around_them(
    run: Run, tmp_path: Path, event_id: str
) -> None:
    """The comments above its header and below its last line stay: they may speak of the
    file or of the next event; the event's own lines go."""
    before, after = edited(run, tmp_path, "tables.toml", "remove", event_id, "--yes")
    first, last = REMOVED[event_id]
    start = before.index(first)
    block = before[start : before.index(last, start) + len(last)]
    assert after == before.replace(block, "", 1)


def test_import_appends_and_changes_nothing_else(run: Run, tmp_path: Path) -> None:
    before, after = edited(run, tmp_path, "tables.toml", "import", str(ICS))
    assert after.startswith(before + "\n[[events]]\n")
    assert tomllib.loads(after)["events"][-1]["title"] == "Offsite"


def test_an_import_again_changes_nothing_at_all(run: Run, tmp_path: Path) -> None:
    _, once = edited(run, tmp_path, "tables.toml", "import", str(ICS))
    path = tmp_path / "tables.toml"
    again = run("import", str(ICS), "--calendar", str(path), calendars=[path])
    assert again.exit_code == 0
    assert path.read_text(encoding="utf-8") == once


@pytest.mark.parametrize(
    "command",
    [
        ("add", "--id", "c-2027", "--title", "C", "--start", "2027-03-01", "--body", "ITU",
         "--kind", "other"),
        ("edit", "b-2027", "--title", "Bee"),
        ("remove", "a-2027", "--yes"),
    ],
)  # fmt: skip
def test_events_written_as_an_array_keep_every_comment(
    run: Run, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """An array of inline tables is changed by tomlkit, which may respace the braces of its
    items but keeps every comment and value."""
    before, after = edited(run, tmp_path, "array.toml", *command)
    assert comment_count(after) == comment_count(before) - (command[0] == "remove")
    assert after.startswith("# Events as one array of inline tables.\nschema = 1\n")
    assert after.endswith("]  # the array ends\n# the end\n")


def test_fmt_counts_trailing_comments_too(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "tables.toml"
    shutil.copyfile(HAND / "tables.toml", path)
    result = run("fmt", str(path), calendars=[path])
    assert result.exit_code == 0, result.stderr
    assert f"{path}: 11 comments dropped" in result.stderr
    assert comment_count(path.read_text(encoding="utf-8")) == 0
