"""The page in a real browser: Debian's Chromium, headless, driven by Playwright, against a
real server on loopback. Screenshots go to artifacts/screenshots/ (git-ignored)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.fixtures.web_support import CHROMIUM, CHROMIUM_ARGS, ROOT, build_hand_corpus, live_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHOTS = ROOT / "artifacts" / "screenshots"
HOSTILE = ROOT / "examples" / "hostile.html"
ARTICLE = (
    "JAKARTA — Presiden Joko Widodo menerima kunjungan Perdana Menteri Australia Anthony "
    "Albanese di Istana Bogor, Senin (10/7/2023). Kedua pemimpin membahas kerja sama energi "
    "bersih dan kendaraan listrik.\n\n\"Kami sepakat memperkuat kerja sama di bidang energi "
    "bersih,\" kata Jokowi kepada wartawan seusai pertemuan.\n\nMenteri Luar Negeri Retno "
    "Marsudi mengatakan pertemuan berikutnya akan digelar di Canberra tahun depan."
)

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing in CI (.ci/run installs Debian's chromium)",
                    pytrace=False)
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); the browser tests "
                "need Debian's Chromium", allow_module_level=True)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from warta.web.app import create_app

    folder = tmp_path_factory.mktemp("browser")
    db = build_hand_corpus(folder / "corpus.duckdb")
    with live_server(create_app(db=str(db), snapshot_dir=str(folder))) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page that records what must never happen: dialogs (alert), CSP violations, page
    errors, and requests to anywhere but our server (which are aborted)."""

    def __init__(self, browser: Any, base_url: str) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.base = base_url
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.add_init_script(
            "window.__violations = [];"
            "document.addEventListener('securitypolicyviolation',"
            " (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")
        self.page.route("**/*", self._route)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        if route.request.url.startswith(self.base + "/"):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def goto(self, fragment: str) -> None:
        self.page.goto(f"{self.base}/{fragment}")

    def shot(self, name: str) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def assert_nothing_ran(self) -> None:
        assert self.dialogs == [], f"a dialog opened: {self.dialogs}"
        assert self.errors == [], self.errors
        assert self.outside == [], f"requests left the server: {self.outside}"
        assert self.page.evaluate("window.__violations") == []
        assert self.page.evaluate("document.scripts.length") == 1  # app.js alone
        assert self.page.evaluate(
            "document.querySelectorAll('[onerror],[onload],[onclick],[onmouseover],[onfocus],"
            "iframe,object,embed,[href^=\"javascript:\"],[src^=\"javascript:\"]').length") == 0

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser: Any, base_url: str) -> Iterator[Watched]:
    w = Watched(browser, base_url)
    yield w
    w.close()


def test_paste_an_article_and_see_the_highlights_then_click_an_actor(watched: Watched) -> None:
    page = watched.page
    watched.goto("#/check")
    page.fill("#check-text", ARTICLE)
    page.fill("#check-published", "2023-07-10")
    page.click("#check-submit")
    page.wait_for_selector("#marked", timeout=90_000)
    people = page.locator("#marked a.ent.PERSON")
    assert "Joko Widodo" in people.all_inner_texts()
    assert page.locator("#marked .date").count() >= 1
    assert page.locator("#marked .quote").count() >= 1
    assert page.locator("#flags h3").inner_text().startswith("Trust: stale-news score")
    assert page.locator("#events li .badge").count() >= 1
    assert re.search(r"\d{4}-\d{2}-\d{2}", page.locator("#timeline").inner_text())
    watched.shot("check-article")

    page.locator("#marked a.ent.PERSON", has_text="Joko Widodo").first.click()
    page.wait_for_url(re.compile(r"#/actor/joko_widodo$"))
    expect(page.locator("#actor-name")).to_have_text("Joko Widodo")
    assert page.locator("#actor-roles svg rect").count() >= 3  # mayor, governor, president
    assert "Presiden" in page.locator("#actor-roles").inner_text()
    page.wait_for_selector("#actor-source li.event")
    assert "Anthony Albanese" in page.locator("#actor-source").inner_text()
    watched.shot("actor-page")
    watched.assert_nothing_ran()


def test_filter_the_corpus_view(watched: Watched) -> None:
    page = watched.page
    watched.goto("#/corpus")
    page.wait_for_selector("#top-actors li")
    expect(page.locator("#event-total")).to_have_text("(6)")
    assert page.locator("#chart svg rect").count() >= 3
    assert page.locator("#network svg circle").count() >= 4
    watched.shot("corpus")

    page.fill("#f-country", "mys")
    page.click("#f-apply")
    expect(page.locator("#event-total")).to_have_text("(2)")
    assert page.locator("#top-actors li").first.inner_text().startswith("Malaysia")
    expect(page.locator("#article-total")).to_have_text("(1)")
    assert page.locator("#article-list li").inner_text().startswith("Indonesia protes Malaysia")

    page.select_option("#f-modality", "any")
    page.click("#f-apply")
    expect(page.locator("#event-total")).to_have_text("(3)")
    assert "did not threaten" in page.locator("#event-list").inner_text()

    page.fill("#q-speaker", "retno")
    page.click("#quote-search button")
    expect(page.locator("#quote-total")).to_have_text("(1)")
    assert "100% of them are fake" in page.locator("#quote-results").inner_text()
    watched.shot("corpus-filtered")
    watched.assert_nothing_ran()


def test_upload_the_hostile_page_and_nothing_runs(watched: Watched) -> None:
    page = watched.page
    watched.goto("#/check")
    page.set_input_files("#check-file", str(HOSTILE))
    page.click("#check-submit")
    page.wait_for_selector("#marked", timeout=90_000)
    text = page.locator("#marked").inner_text()
    assert "Budi Penguji" in text
    # Markup that was text in the page is shown as text, never parsed.
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert page.locator("#marked script, #marked img").count() == 0
    page.wait_for_timeout(300)  # give anything that might fire a moment to do so
    watched.shot("hostile-upload")
    watched.assert_nothing_ran()


def test_stored_markup_is_shown_as_text_and_a_story_links_its_reports(watched: Watched) -> None:
    page = watched.page
    watched.goto("#/article/h-markup")
    page.wait_for_selector("#article-body h1")
    assert page.locator("#article-body h1").inner_text() == \
        "Minister <b>warns</b> about <img src=x onerror=alert(1)> notices"
    assert "<script>alert(1)</script>" in page.locator("#flags").inner_text()
    assert "<script>alert(1)</script>" in page.locator("#marked").inner_text()
    assert page.locator("#flags .score").inner_text() == "0.62"
    watched.assert_nothing_ran()

    watched.goto("#/article/h-bogor-copy")
    page.click("text=This story: 2 articles from 2 outlets")
    page.wait_for_selector("#cluster-body .tag.good")
    assert "earliest report" in page.locator("#cluster-body").inner_text()
    assert "2 reports in 2 outlets" in page.locator("#cluster-body ul.events").inner_text()
    watched.shot("story")
    watched.assert_nothing_ran()
