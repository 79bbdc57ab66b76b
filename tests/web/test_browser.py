"""The web app in real headless Chromium (Debian ``chromium``, driven by Playwright).

Screenshots land in ``artifacts/screenshots/`` (desktop 1280 px and phone 390 px).
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import fill_kb, needs_engine
from tests.web.helpers import free_port, start_server, stop_server

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
QUESTION = "What is the first-line treatment for hypertension in adults?"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing (apt-get install chromium)"),
    pytest.mark.skipif(importlib.util.find_spec("playwright") is None,
                       reason="the playwright Python package is missing (pip install playwright)"),
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    kb = tmp_path_factory.mktemp("browser") / "kb.sqlite"
    fill_kb(kb)
    port = free_port()
    proc = start_server(kb, port, "--ask-rate-limit", "0", "--rate-limit", "0", cwd=kb.parent)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_server(proc)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not dialogs, f"a script ran: {dialogs}"
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)
    yield context.new_page()
    context.close()


def shot(pg: Any, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def ask(pg: Any, base_url: str, question: str, audience: str = "clinician") -> None:
    pg.goto(base_url + "/")
    pg.get_by_label("Your question").fill(question)
    pg.locator(f"input[name=audience][value={audience}]").check()
    pg.get_by_role("button", name="Get answer").click()
    pg.wait_for_url(re.compile(r".*/answers/[0-9a-z-]+$"), timeout=30_000)


@needs_engine
def test_ask_see_answer_follow_citation_switch_audience_follow_up(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    shot(page, "ask-desktop")
    ask(page, base_url, QUESTION)
    assert page.locator("h1").inner_text() == QUESTION
    assert page.get_by_text("Educational purpose only • pending review").is_visible()
    assert page.locator(".review-steps .step.current").inner_text().strip() == "Submitted"
    assert page.locator(".bottom-line-text").inner_text().strip()
    assert page.locator(".references li").count() >= 1
    shot(page, "answer-desktop")

    # hovering a citation shows the cited passage; clicking opens it highlighted
    cite = page.locator("a.cite").first
    cite.hover()
    pop = page.locator(".cite-pop")
    pop.wait_for(state="visible")
    assert len(pop.inner_text()) > 20
    shot(page, "citation-popover-desktop", full_page=False)
    answer_url = page.url
    cite.click()
    page.wait_for_url(re.compile(r".*/documents/.*passage=.*#passage-\d+$"))
    cited = page.locator(".passage.cited")
    assert cited.is_visible() and "cited passage" in cited.inner_text().lower()
    shot(page, "document-cited-desktop")

    # switch audience: the same question in plain language for patients
    page.goto(answer_url)
    page.get_by_role("button", name=re.compile("Rewrite in plain language")).click()
    page.wait_for_url(lambda url: url != answer_url and "/answers/" in url, timeout=30_000)
    assert "Answer for patients" in page.locator(".eyebrow").first.inner_text()
    shot(page, "answer-patient-desktop")

    # a follow-up question from the answer page
    patient_url = page.url
    page.get_by_role("textbox", name="Follow-up question").fill("Does eating less salt help?")
    page.locator(".follow-up").get_by_role("button", name="Ask").click()
    page.wait_for_url(lambda url: url != patient_url and "/answers/" in url, timeout=30_000)
    assert "follow-up to" in page.locator(".eyebrow").first.inner_text()
    assert page.locator("h1").inner_text() == "Does eating less salt help?"
    shot(page, "answer-follow-up-desktop")


@needs_engine
def test_progress_is_streamed_while_answering(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    # remember (across the navigation) that the progress box was shown
    page.evaluate("""() => {
        const box = document.querySelector('[data-progress]');
        new MutationObserver(() => { if (!box.hidden) sessionStorage.setItem('progress-shown', '1'); })
            .observe(box, {attributes: true});
    }""")
    page.get_by_label("Your question").fill("Do thiazide diuretics reduce stroke?")
    with page.expect_request(re.compile(r".*/api/v1/ask/stream\?question=Do\+thiazide.*")):
        page.get_by_role("button", name="Get answer").click()
    page.wait_for_url(re.compile(r".*/answers/.+"), timeout=30_000)
    assert page.evaluate("sessionStorage.getItem('progress-shown')") == "1"


@needs_engine
def test_works_without_javascript(browser: Any, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    try:
        ask(pg, base_url, "How can I lower my blood pressure?", audience="patient")
        assert "Answer for patients" in pg.content()
        assert pg.locator("a.cite").count() >= 1
        assert pg.locator("a.cite").first.get_attribute("title")  # the passage, as a native tooltip
    finally:
        context.close()


def test_stored_answer_layout_and_escaping(page: Any, base_url: str) -> None:
    page.goto(base_url + "/answers/ans-evil")
    assert '<script>alert("x")</script>' in page.locator("h1").inner_text()  # shown as text, never run
    page.goto(base_url + "/documents/evil:1?passage=evil%3A1%230#passage-0")
    assert "<img src=x" in page.locator(".passage.cited").inner_text()
    assert page.locator("img").count() == 0


def test_keyboard_reaches_skip_link_and_citations(page: Any, base_url: str) -> None:
    page.goto(base_url + "/answers/ans-fixture-1")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.locator("a.cite").first.focus()
    page.locator(".cite-pop").wait_for(state="visible")
    page.keyboard.press("Escape")
    assert page.locator(".cite-pop").count() == 0


def test_phone_width_has_no_sideways_scroll(phone: Any, base_url: str) -> None:
    for name, path in (("ask", "/"), ("answer", "/answers/ans-fixture-1"),
                       ("document", "/documents/ngc:hypertension-2023?passage=ngc%3Ahypertension-2023%231"),
                       ("search", "/search?query=hypertension"), ("answers", "/answers"), ("policy", "/policy")):
        phone.goto(base_url + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (path, width)
        shot(phone, f"{name}-phone")


def test_print_stylesheet_hides_the_chrome(page: Any, base_url: str) -> None:
    page.goto(base_url + "/answers/ans-fixture-1")
    page.emulate_media(media="print")
    assert not page.locator(".site-header nav").is_visible()
    assert not page.locator(".follow-up").is_visible()
    assert page.locator(".references").is_visible()
    shot(page, "answer-print")
    page.pdf(path=str(SHOTS / "answer-print.pdf"))
