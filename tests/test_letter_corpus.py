"""The letter corpus (tests/data/letters): every fixture's text read by `letter` gives its
truth. Run as a script on another folder of fixtures to measure accuracy without asserting:
    python tests/test_letter_corpus.py /work/letters-heldout
"""

import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from itu_timeline.core.letter import NotALetter, read_letter

TODAY = date(2026, 12, 3)
LETTERS = Path(__file__).parent / "data" / "letters"
EXACT = ("reference", "letter_date", "body", "group", "start", "end", "location", "format",
         "opening", "timezone")  # fmt: skip


def read(path: Path) -> Any:
    """The records `letter --format json` gives for a fixture, or {"error": true}."""
    try:
        text = path.read_text(encoding="utf-8")
        return [m.record() for m in read_letter(text, path.name, TODAY)]
    except NotALetter:
        return {"error": True}


def printed(due: str, text: str) -> bool:
    """Whether a deadline's day (and time) appear in the letter, in any of its forms."""
    from itu_timeline.core.letter_dates import find_dates, find_times, resolve
    from itu_timeline.core.letter_head import normalize

    flat = normalize(text)
    day = due[:10]
    days = {resolve(f.start, _year(due)).isoformat()
            for f in find_dates(flat) if not f.is_span}  # fmt: skip
    if day not in days:
        return False
    if len(due) == 10:
        return True
    clock = due[11:16]
    return any(f"{c.hour:02}:{c.minute:02}" == clock for c in find_times(flat))


def _year(due: str) -> date:
    return date.fromisoformat(due[:10])


def score(got: Any, truth: Any) -> tuple[int, int, list[str]]:
    """(fields exact, fields stated, what differs) for one letter."""
    if isinstance(truth, dict) or isinstance(got, dict):
        same = isinstance(truth, dict) and isinstance(got, dict)
        return int(same), 1, [] if same else [f"error: got {got!r}"]
    right, total, wrong = 0, 0, []
    for i, (want, have) in enumerate(paired(got, truth)):
        for key in EXACT:
            total += 1
            if have.get(key) == want[key]:
                right += 1
            else:
                wrong.append(f"meeting {i + 1} {key}: {have.get(key)!r} != {want[key]!r}")
        theirs = Counter((d["due"], d["stated"]) for d in want["deadlines"])
        ours = Counter((d["due"], d["stated"]) for d in have.get("deadlines", []))
        total += max(sum(theirs.values()), sum(ours.values()))
        right += sum((theirs & ours).values())
        if theirs != ours:
            wrong.append(f"meeting {i + 1} deadlines: missing {sorted((theirs - ours).elements())}"
                         f", extra {sorted((ours - theirs).elements())}")  # fmt: skip
    if len(got) > len(truth):
        total += len(EXACT) * (len(got) - len(truth))
        wrong.append(f"{len(got) - len(truth)} meeting(s) too many")
    return right, total, wrong


def paired(got: list[Any], truth: list[Any]) -> list[tuple[Any, Any]]:
    """Each meeting of the truth with the one read for it: same group and first day, else
    same group, else same first day, else the next one left ({} when none is)."""
    left = list(got)
    pairs = []
    for want in truth:
        keys = (("group", "start"), ("group",), ("start",), ())
        tests = [lambda m, k=k, w=want: all(m[x] == w[x] for x in k) for k in keys]
        have = next((m for test in tests for m in left if test(m)), {})
        if have:
            left.remove(have)
        pairs.append((want, have))
    return pairs


def invented(got: Any, text: str) -> list[str]:
    """Deadlines marked stated whose date or time the letter does not print."""
    if isinstance(got, dict):
        return []
    stated = [d["due"] for m in got for d in m["deadlines"] if d["stated"]]
    return [due for due in stated if not printed(due, text)]


# A stated deadline names what is due: a word of deadlines, never a salutation ("Dear
# Sir/Madam") or a bare heading ("Deadline"), which only a date near them would give.
DUE_WORDS = re.compile(
    r"contribu|regist|inscri|fellowship|bourse|beca|visa|interpr|translation|traduc|"
    r"request|demande|solicitud|submi|soumettre|presentar|deadline\s+for|date\s+limite\s+d|"
    r"plazo\s+para|later\s+than|jusqu|hasta|\bdue\b|attendance|distribution\s+of\s+(?:the\s+)?doc|موعد|مساهم|تسجيل|截止|文稿|注册|提交",
    re.IGNORECASE,
)
NOT_A_NAME = re.compile(
    r"\s*(?:(?:Dear|Madame|Monsieur|Estimad[oa]s?|Muy\s+señor)\b.*|"
    r"(?:key\s+)?(?:deadlines?|dates?|date\s+limite|plazos?|fechas?)\s*:?)\s*",
    re.IGNORECASE | re.DOTALL,
)


def badly_named(got: Any) -> list[str]:
    """Stated deadlines whose name is no name of something due."""
    if isinstance(got, dict):
        return []
    names = [d["name"] for m in got for d in m["deadlines"] if d["stated"]]
    return [n for n in names if NOT_A_NAME.fullmatch(n) or not DUE_WORDS.search(n)]


def fixtures(folder: Path) -> list[Path]:
    return sorted(t for t in folder.glob("*.txt") if t.with_suffix(".json").exists())


def test_the_corpus_reads_at_least_95_percent_exact() -> None:
    """The acceptance bar of the issue, over every fixture: a fixture the parser reads less
    well lowers the share, and the share must stay at 95 % or more."""
    right = total = 0
    for text in fixtures(LETTERS):
        truth = json.loads(text.with_suffix(".json").read_text(encoding="utf-8"))
        r, t, _ = score(read(text), truth)
        right, total = right + r, total + t
    assert total > 0
    assert right / total >= 0.95


@pytest.mark.parametrize("text", fixtures(LETTERS), ids=lambda p: p.stem)
def test_a_text_that_is_no_letter_is_refused(text: Path) -> None:
    truth = json.loads(text.with_suffix(".json").read_text(encoding="utf-8"))
    assert isinstance(read(text), dict) == isinstance(truth, dict)


@pytest.mark.parametrize("text", fixtures(LETTERS), ids=lambda p: p.stem)
def test_no_deadline_is_invented(text: Path) -> None:
    got = read(text)
    assert invented(got, text.read_text(encoding="utf-8")) == []
    assert badly_named(got) == []
    for meeting in [] if isinstance(got, dict) else got:
        assert all(d["name"] for d in meeting["deadlines"])
        assert ("deadlines" in meeting["not_stated"]) == (not meeting["deadlines"])


def measure(folder: Path) -> None:
    right = total = 0
    made_up: list[str] = []
    for text in fixtures(folder):
        truth = json.loads(text.with_suffix(".json").read_text(encoding="utf-8"))
        got = read(text)
        r, t, wrong = score(got, truth)
        right, total = right + r, total + t
        made_up += [f"{text.name}: {d}" for d in invented(got, text.read_text(encoding="utf-8"))]
        made_up += [f"{text.name}: named {n!r}" for n in badly_named(got)]
        print(f"{text.stem}: {r}/{t}", *(f"\n    {w}" for w in wrong))
    print(f"fields exact: {right}/{total} = {100 * right / max(total, 1):.1f} %")
    print(f"stated deadlines not printed or badly named: {len(made_up)}", *made_up, sep="\n    ")


if __name__ == "__main__":
    measure(Path(sys.argv[1]) if len(sys.argv) > 1 else LETTERS)
