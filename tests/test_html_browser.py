"""The HTML report in a real headless browser (Debian's chromium, driven by Playwright; .ci/run installs
both): it loads with no console errors, the matrix shows the statuses, a finding's link lands on the
highlighted words, the status filter hides findings, and a screenshot is taken."""

from __future__ import annotations

import shutil

import pytest

import tipcheck
from tipcheck.report import render

from conftest import EXAMPLES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (.ci/run installs Debian's)")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def test_report_in_a_browser(browser, tmp_path):
    report = tipcheck.check([EXAMPLES / "en" / "deficient-law" / "statute.txt"])
    page_file = tmp_path / "report.html"
    page_file.write_text(render(report, "html"), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page_file.as_uri())
    assert page.inner_text("#verdict") == report.verdict
    for r in report.results:
        if r.category in ("definition-acts", "definition-means", "definition-purpose"):
            cell = page.locator(f'#matrix td[data-id="{r.id}"]')
            assert cell.get_attribute("data-status") == r.status
            assert f"s-{r.status}" in cell.get_attribute("class")
    # A finding's evidence link lands on the highlighted words in the statute text.
    first = next(r for r in report.results if r.evidence)
    page.locator(f'[id="f-{first.id}"] blockquote a').first.click()
    target = page.evaluate("location.hash")
    assert target.startswith("#e-") and page.locator(f'[id="{target[1:]}"]').is_visible()
    # Unticking "met" hides the met findings and nothing else.
    page.locator('.status-filter[value="met"]').uncheck()
    hidden = page.locator('.finding[data-status="met"]')
    assert all(not hidden.nth(i).is_visible() for i in range(hidden.count()))
    assert page.locator('.finding[data-status="missing"]').first.is_visible()
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert errors == []
