"""The published page in a real browser: Debian's headless Chromium, driven by its own
--dump-dom and --screenshot, loads the site from a web server on 127.0.0.1.

A probe page beside the site (in a copy, so the site itself has no script) frames
index.html at 375 and 1280 pixels and records whether the page scrolls sideways; Chromium's
log shows any console message. Skipped, with the reason, where no Chromium is installed;
.ci/run installs it, so CI always runs this."""

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

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
window.addEventListener("load", function () {
  for (const frame of document.querySelectorAll("iframe")) {
    const page = frame.contentDocument.documentElement;
    document.body.setAttribute("data-w" + frame.width, page.scrollWidth + "/" + page.clientWidth);
  }
  document.body.setAttribute("data-done", "yes");
});
</script></body></html>
"""


@pytest.fixture
def site(run: Run, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The site for 2026-06-01, copied with a probe page, served on 127.0.0.1."""
    built = tmp_path / "site"
    result = run(
        "--tz", "UTC", "publish", str(built), "--days", "200",
        calendars=[bundled_path()], today="2026-06-01",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    served = tmp_path / "served"
    shutil.copytree(built, served)
    frames = "".join(f'<iframe src="index.html" width="{w}" height="800"></iframe>' for w in WIDTHS)
    (served / "probe.html").write_text(PROBE % frames)
    with static_server(served) as url:
        yield url, tmp_path


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
            assert (served / href).is_file(), href

    probe = chromium(tmp_path, "--window-size=1700,1000", "--dump-dom", f"{url}/probe.html")
    body = html5lib.parse(probe.stdout).find(f".//{HTML}body")
    assert body is not None
    assert body.get("data-done") == "yes"
    for width in WIDTHS:
        scroll, client = (int(n) for n in (body.get(f"data-w{width}") or "").split("/"))
        assert scroll <= client, f"the page scrolls sideways at {width} px"

    for width in WIDTHS:
        shot = tmp_path / f"page-{width}.png"
        chromium(tmp_path, f"--window-size={width},1600", f"--screenshot={shot}", f"{url}/")
        assert shot.read_bytes().startswith(b"\x89PNG")
