"""The published page in a real browser: Debian's headless Chromium, driven by its own
--dump-dom and --screenshot, loads the site from a web server on 127.0.0.1.

A probe page beside the site (in a copy, so the site itself has no script) frames
index.html at 375 and 1280 pixels and records whether the page scrolls sideways, how tall
it is, whether the chart or its list of months is shown, and the box of every text of the
chart as Chromium lays it out; Chromium's log shows any console message. Skipped, with the
reason, where no Chromium is installed; .ci/run installs it, so CI always runs this."""

import itertools
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import html5lib
import pytest

from itu_timeline.core.loader import bundled_path

from .conftest import Run, static_server

HTML = "{http://www.w3.org/1999/xhtml}"
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no chromium on this machine (.ci/run installs Debian's chromium)"
)
WIDTHS = (375, 1280)
PROBE = """<!DOCTYPE html><html lang="en"><head><title>probe</title></head><body>
%s
<script>
function box(element) {
  const r = element.getBoundingClientRect();
  return [r.left, r.top, r.right, r.bottom];
}
function shown(element) {
  return element !== null && getComputedStyle(element).display !== "none";
}
window.addEventListener("load", function () {
  const found = {};
  for (const frame of document.querySelectorAll("iframe")) {
    const doc = frame.contentDocument, page = doc.documentElement;
    const chart = doc.querySelector("svg.chart");
    found[frame.width] = {
      scroll: page.scrollWidth, client: page.clientWidth, height: page.scrollHeight,
      chart: shown(chart), months: shown(doc.querySelector(".months")),
      box: chart ? box(chart) : null,
      texts: shown(chart) ? Array.from(chart.querySelectorAll("text"),
                                       t => box(t).concat([t.textContent])) : [],
    };
  }
  document.body.setAttribute("data-found", JSON.stringify(found));
});
</script></body></html>
"""


def serve(run: Run, tmp_path: Path, today: str, *args: str) -> Iterator[tuple[str, Path]]:
    """The site for `today`, copied with a probe page, served on 127.0.0.1."""
    built = tmp_path / "site"
    result = run("publish", str(built), *args, calendars=[bundled_path()], today=today)
    assert result.exit_code == 0, result.output
    served = tmp_path / "served"
    shutil.copytree(built, served)
    frames = "".join(f'<iframe src="index.html" width="{w}" height="800"></iframe>' for w in WIDTHS)
    (served / "probe.html").write_text(PROBE % frames)
    with static_server(served) as url:
        yield url, tmp_path


@pytest.fixture
def site(run: Run, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The site for 2026-06-01 (200 days ahead, in UTC)."""
    yield from serve(run, tmp_path, "2026-06-01", "--tz", "UTC", "--days", "200")


@pytest.fixture
def december(run: Run, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The site for 2026-12-03, days as their sources state them."""
    yield from serve(run, tmp_path, "2026-12-03")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    return subprocess.run(
        [
            BROWSER, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
            "--virtual-time-budget=5000", *args,
        ],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip


def test_the_page_in_chromium(site: tuple[str, Path]) -> None:
    url, tmp_path = site
    shown = chromium(tmp_path, "--window-size=1280,900", "--dump-dom", f"{url}/index.html")
    assert "CONSOLE" not in shown.stderr, shown.stderr
    dom = html5lib.parse(shown.stdout)
    upcoming = dom.find(f".//{HTML}section[@id='upcoming']")
    assert upcoming is not None
    rows = [
        " | ".join("".join(cell.itertext()).strip() for cell in row)
        for row in upcoming.iter(f"{HTML}tr")
    ]
    wanted = [
        "Deadline | Candidatures for elected posts",
        "Meeting | ITU Council 2026, last meeting (before PP-26)",
        "Meeting | Plenipotentiary Conference 2026 (PP-26)",
    ]
    where = [next(i for i, row in enumerate(rows) if text in row) for text in wanted]
    assert where == sorted(where)
    served = tmp_path / "served"
    ids = {e.get("id") for e in dom.iter() if e.get("id")}
    for link in dom.iter(f"{HTML}a"):
        href = link.get("href") or ""
        if href.startswith("#"):
            assert href[1:] in ids, href
        elif not href.startswith(("http://", "https://", "webcal://")):
            assert (served / href.split("#")[0]).is_file(), href

    chart_is_readable(measured(url, tmp_path))

    for width in WIDTHS:
        shot = tmp_path / f"page-{width}.png"
        chromium(tmp_path, f"--window-size={width},1600", f"--screenshot={shot}", f"{url}/")
        assert shot.read_bytes().startswith(b"\x89PNG")


def measured(url: str, tmp_path: Path) -> dict[int, dict[str, Any]]:
    """What the probe found of the front page in a frame of each width."""
    probe = chromium(tmp_path, "--window-size=1700,1000", "--dump-dom", f"{url}/probe.html")
    body = html5lib.parse(probe.stdout).find(f".//{HTML}body")
    assert body is not None
    found = json.loads(body.get("data-found") or "{}")
    return {int(width): values for width, values in found.items()}


def overlap(one: list[float], two: list[float]) -> bool:
    """Whether two boxes share more than a hair (half a pixel) of area."""
    return (
        min(one[2], two[2]) - max(one[0], two[0]) > 0.5
        and min(one[3], two[3]) - max(one[1], two[1]) > 0.5
    )


def test_the_front_page_on_a_phone_and_a_desktop(december: tuple[str, Path]) -> None:
    """Built on 2026-12-03, the front page is under 6,000 px tall at 1280 px, and its chart
    is readable at both widths."""
    url, tmp_path = december
    found = measured(url, tmp_path)
    assert found[1280]["height"] < 6000, found[1280]["height"]
    chart_is_readable(found)


def chart_is_readable(found: dict[int, dict[str, Any]]) -> None:
    """No sideways scroll; at 1280 px the chart is drawn and no text of it overlaps another
    or leaves it or the page; at 375 px its list of months is shown instead."""
    wide, phone = found[1280], found[375]
    assert (wide["chart"], wide["months"]) == (True, False)
    assert (phone["chart"], phone["months"]) == (False, True)
    for width, values in found.items():
        assert values["scroll"] <= values["client"], f"the page scrolls sideways at {width} px"
    left, _, right, _ = wide["box"]
    texts = wide["texts"]
    assert len(texts) >= 8  # years, months, titles
    for text in texts:
        assert left - 0.5 <= text[0] <= text[2] <= right + 0.5, text
        assert 0 <= text[0] <= text[2] <= wide["client"], text
    for one, two in itertools.combinations(texts, 2):
        assert not overlap(one, two), (one, two)
