"""framing view in a real browser (headless Chromium): highlights, scripts, console, screenshots.

Skipped with a reason where no Chromium is installed; under CI (CI=true) a missing browser is a
failure, since .ci/run installs Debian's chromium.
"""
import json
import os
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from framing.cli import cli
from framing.corpus import read_corpus
from framing.view import file_name

from .conftest import EXAMPLES
from .domtext import Page

BROWSER = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
if BROWSER is None and os.environ.get("CI"):
    raise RuntimeError("CI must have a browser for the view tests: .ci/run installs Debian's chromium")
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium on this machine (apt-get install chromium)")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0"]


def chromium(tmp_path, page, *args):
    """Run headless Chromium on a page: (stdout, console messages)."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    done = subprocess.run([BROWSER, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console


def dom(tmp_path, page):
    out, console = chromium(tmp_path, page, "--dump-dom")
    assert out.strip().startswith("<!DOCTYPE html>") or out.strip().startswith("<html"), out[:200]
    return out, console


def screenshot(tmp_path, page, name, height=1400):
    target = tmp_path / f"{name}.png"
    _, console = chromium(tmp_path, page, f"--screenshot={target}", f"--window-size=1280,{height}")
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    keep = os.environ.get("FRAMING_SCREENSHOTS")
    if keep:
        os.makedirs(keep, exist_ok=True)
        shutil.copy(target, os.path.join(keep, target.name))
    return console


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    runner = CliRunner()
    for name, extra in (("view", ()), ("exercise", ("--exercise",))):
        result = runner.invoke(cli, ["-q", "view", str(EXAMPLES), "-o", str(root / name), "--tier", "builtin",
                                     "--no-cache", *extra])
        assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["-q", "quotes", str(EXAMPLES), "--tier", "builtin", "--no-cache", "--format", "jsonl"])
    quotes = [json.loads(line) for line in result.stdout.splitlines()]
    return root, quotes


def test_the_console_check_catches_a_script_error(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text("<!DOCTYPE html><html><body><script>undefinedFunction();</script></body></html>")
    _, console = dom(tmp_path, page)
    assert any("undefinedFunction" in line for line in console)


def test_highlights_land_on_the_quoted_text_in_the_browser(site, tmp_path):
    root, quotes = site
    for article in read_corpus(EXAMPLES):
        html, console = dom(tmp_path, root / "view" / "articles" / file_name("article", article.id))
        assert console == []
        page = Page(html)
        assert page.text == article.text
        mine = sorted((q for q in quotes if q["doc"] == article.id), key=lambda q: (q["start"], q["end"]))
        assert page.quote_texts() == {str(n): " \u2026 ".join(article.text[a:b] for a, b in q["fragments"] or
                                                               [(q["start"], q["end"])])
                                      for n, q in enumerate(mine, 1)}


def test_index_sorts_and_filters_with_its_script(site, tmp_path):
    root, _ = site
    probe = root / "view" / "index-probe.html"
    html = (root / "view" / "index.html").read_text()
    probe.write_text(html.replace("</body>", """<script>
document.querySelector('button[data-col="3"]').click();
document.querySelector('button[data-col="3"]').click();
var outlet = document.getElementById('f-outlet'); outlet.value = 'Meridian Wire';
outlet.dispatchEvent(new Event('change'));
</script></body>"""))
    out, console = dom(tmp_path, probe)
    assert console == []
    page = Page(out)
    sorted_header = [a for tag, a in page.elements if tag == "th" and a.get("aria-sort") == "descending"]
    assert len(sorted_header) == 1
    rows = [a for tag, a in page.elements if tag == "tr" and "data-outlet" in a]
    counts = [int(c) for c in _quote_counts(out)]
    assert counts == sorted(counts, reverse=True)
    assert [r["data-outlet"] for r in rows if "hidden" not in r] == ["Meridian Wire"]
    assert "1 shown" in out


def _quote_counts(html):
    import re

    body = html.split("<tbody>", 1)[1]
    return [row[3] for row in (re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S) for tr in body.split("</tr>")) if len(row) > 3]


def test_screenshots_of_every_kind_of_page_without_console_errors(site, tmp_path):
    root, _ = site
    article = file_name("article", "02_meridian-wire")
    speaker = file_name("speaker", "Dmitry Peskov")
    for name, page, height in (("index", root / "view" / "index.html", 900),
                               ("article", root / "view" / "articles" / article, 1600),
                               ("speaker", root / "view" / "speakers" / speaker, 900),
                               ("exercise", root / "exercise" / "articles" / article, 1600)):
        assert screenshot(tmp_path, page, name, height) == [], name
