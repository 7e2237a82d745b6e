"""The Arabic and Chinese pages in a real headless Chromium (as tests/test_browser.py does
for English): the Arabic page is laid out right to left with nothing scrolling sideways at
375 and 1280 px, and the letters of both show as glyphs, not as empty boxes.

A glyph no font has is drawn as the font's "missing glyph" box, the same width for every
character; a real font gives Arabic letters their own widths and Chinese characters theirs.
So each character of the page's heading is measured alone, in the page's own font, against
a character that no font has (U+10FFFD, private use): none may have the box's width."""

import json
import shutil
from pathlib import Path
from typing import Any

import html5lib
import pytest

from itu_timeline.core.loader import bundled_path

from .conftest import Run, static_server
from .test_browser import BROWSER, HTML, chart_is_readable, chromium
from .test_browser import PROBE as CHART_PROBE

pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no chromium on this machine (.ci/run installs Debian's chromium)"
)
WIDTHS = (375, 1280)
PROBE = """<!DOCTYPE html><html lang="en"><head><title>probe</title></head><body>
%s
<script>
function width(parent, text) {
  const span = parent.ownerDocument.createElement("span");
  span.textContent = text;
  parent.appendChild(span);
  const found = span.getBoundingClientRect().width;
  span.remove();
  return found;
}
window.addEventListener("load", function () {
  const found = [];
  for (const frame of document.querySelectorAll("iframe")) {
    const doc = frame.contentDocument, page = doc.documentElement;
    const heading = doc.querySelector("h1");
    const letters = Array.from(heading.textContent).filter(c => c.trim());
    found.push({
      page: frame.getAttribute("src"), width: frame.width,
      scroll: page.scrollWidth, client: page.clientWidth,
      dir: getComputedStyle(doc.body).direction,
      cell: getComputedStyle(doc.querySelector("th") || doc.body).textAlign,
      missing: width(heading, "\\u{10FFFD}"),
      letters: letters.map(c => [c, width(heading, c)]),
    });
  }
  document.body.setAttribute("data-found", JSON.stringify(found));
});
</script></body></html>
"""


def built(run: Run, tmp_path: Path) -> Path:
    site = tmp_path / "site"
    result = run("publish", str(site), calendars=[bundled_path()], today="2026-12-03")
    assert result.exit_code == 0, result.output
    served = tmp_path / "served"
    shutil.copytree(site, served)
    return served


def found_by(probe: str, tmp_path: Path) -> Any:
    page = chromium(tmp_path, "--window-size=1700,1000", "--dump-dom", probe)
    body = html5lib.parse(page.stdout).find(f".//{HTML}body")
    assert body is not None
    return json.loads(body.get("data-found") or "null")


@pytest.fixture
def measured(run: Run, tmp_path: Path) -> list[dict[str, Any]]:
    served = built(run, tmp_path)
    frames = "".join(
        f'<iframe src="{lang}/index.html" width="{w}" height="800"></iframe>'
        for lang in ("ar", "zh")
        for w in WIDTHS
    )
    (served / "probe.html").write_text(PROBE % frames, encoding="utf-8")
    with static_server(served) as url:
        found: list[dict[str, Any]] = found_by(f"{url}/probe.html", tmp_path)
    return found


def test_arabic_is_right_to_left_and_fits_a_phone_and_a_desktop(
    measured: list[dict[str, Any]],
) -> None:
    arabic = [m for m in measured if m["page"] == "ar/index.html"]
    assert sorted(m["width"] for m in arabic) == ["1280", "375"]
    for found in arabic:
        assert found["dir"] == "rtl"
        assert found["cell"] == "start"  # a table's cells begin on the right in Arabic
        assert found["scroll"] <= found["client"], f"sideways scroll at {found['width']} px"
    chinese = [m for m in measured if m["page"] == "zh/index.html"]
    assert {m["dir"] for m in chinese} == {"ltr"}


def test_arabic_and_chinese_letters_are_glyphs_not_empty_boxes(
    measured: list[dict[str, Any]],
) -> None:
    scripts = {"ar/index.html": (0x0600, 0x06FF), "zh/index.html": (0x4E00, 0x9FFF)}
    for found in measured:
        low, high = scripts[found["page"]]
        letters = [(c, w) for c, w in found["letters"] if low <= ord(c) <= high]
        assert len(letters) >= 5, found["letters"]  # the heading is in the page's script
        boxes = [c for c, w in letters if abs(w - found["missing"]) < 0.01]
        assert boxes == [], f"drawn as missing glyphs in {found['page']}: {boxes}"


def test_the_chart_is_readable_in_every_language(run: Run, tmp_path: Path) -> None:
    """Month names and titles of each language's chart: none overlaps another or the edge,
    at 1280 px; at 375 px the list of months instead; no sideways scroll (as in English)."""
    served = built(run, tmp_path)
    for lang in ("ar", "zh", "fr", "ru", "es"):
        frames = "".join(
            f'<iframe src="{lang}/index.html" width="{w}" height="800"></iframe>' for w in WIDTHS
        )
        (served / f"probe-{lang}.html").write_text(CHART_PROBE % frames, encoding="utf-8")
    with static_server(served) as url:
        for lang in ("ar", "zh", "fr", "ru", "es"):
            found = found_by(f"{url}/probe-{lang}.html", tmp_path)
            chart_is_readable({int(width): values for width, values in found.items()})
            wide = found["1280"]
            months = [t[4] for t in wide["texts"] if t[1] < wide["box"][1] + 44]  # the top rows
            # The two years and at least half the months are named (Arabic's month names are
            # whole words: where one would not fit, it is left out, never overlapping).
            assert len(months) >= 2 + 6, (lang, months)
