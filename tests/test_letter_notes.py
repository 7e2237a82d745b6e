"""The letter reader's own notes (a letter that contradicts itself, a meeting held alongside)
are data: the JSON and the TOML keep them in English, byte for byte in every language, and
`letter` tells them on stderr in the reader's language."""

import json
from pathlib import Path

import pytest

from itu_timeline.base import i18n

from .conftest import Run
from .test_letter import LETTER  # SG9 given 22-30 November and 1-2 December 2005

WIDER = (
    "the letter gives 2005-11-22..2005-11-30 and 2005-12-01..2005-12-02: the wider span is taken"
)
SAID = {
    "en": "note: Circular Letter 9/LCCE/89: ITU-R SG9 meeting (2005-11-22): " + WIDER,
    "fr": "ITU-R SG9 meeting (2005-11-22) : la lettre donne "
    "2005-11-22..2005-11-30 et 2005-12-01..2005-12-02 : la période la plus large est retenue",
    "zh": "信函给出了 2005-11-22..2005-11-30 和 2005-12-01..2005-12-02\uff1a采用范围较大者",
    "ru": "принят более широкий",
    "es": "se toma el período más amplio",
    "ar": "أُخذت الفترة الأوسع",
}


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "9-LCCE-89.txt"
    path.write_text(LETTER, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", sorted(SAID))
def test_a_note_is_told_in_the_readers_language(run: Run, letter: Path, lang: str) -> None:
    said = run("--lang", lang, "letter", str(letter), "--format", "json")
    assert said.exit_code == 0
    assert SAID[lang] in said.stderr
    (sg9,) = [m for m in json.loads(said.stdout) if m["group"] == "SG9"]
    assert sg9["notes"] == [WIDER]  # data: English in every language


def test_the_json_and_toml_with_notes_are_the_same_bytes_in_every_language(
    run: Run, letter: Path
) -> None:
    for fmt in ("json", "toml"):
        english = run("letter", str(letter), "--format", fmt).stdout
        assert "the wider span is taken" in english
        for lang in i18n.LANGUAGES:
            assert run("--lang", lang, "letter", str(letter), "--format", fmt).stdout == english
