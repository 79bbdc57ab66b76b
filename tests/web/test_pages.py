"""Server-rendered pages: layout essentials, JSON twins, escaping, forms without JavaScript."""

from __future__ import annotations

import re
import time

from fastapi.testclient import TestClient

from tests.web.conftest import needs_engine


def test_ask_page_has_labelled_form_and_recent_answers(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert '<label class="field-label" for="question">' in html and 'id="question"' in html
    assert "<legend>Which best describes you?</legend>" in html
    assert 'value="clinician"' in html and 'value="patient"' in html
    assert 'method="post" action="/ask"' in html
    assert "Recent answers" in html and "/answers/ans-fixture-1" in html
    assert 'lang="en"' in html and 'class="skip-link"' in html and 'name="viewport"' in html


def test_every_page_has_a_json_twin(client: TestClient) -> None:
    pairs = {
        "/index.json": "/", "/answers.json": "/answers", "/answers/ans-fixture-1.json": "/answers/ans-fixture-1",
        "/documents/pmid:111.json": "/documents/pmid:111", "/policy.json": "/policy",
        "/search.json?query=salt": "/search?query=salt",
    }
    for twin, page in pairs.items():
        by_suffix = client.get(twin)
        by_accept = client.get(page, headers={"accept": "application/json"})
        assert by_suffix.status_code == by_accept.status_code == 200, twin
        assert by_suffix.headers["content-type"] == "application/json", twin
        assert by_suffix.json() == by_accept.json(), twin
    # the twins are the API's objects
    assert client.get("/answers/ans-fixture-1.json").json() == client.get("/api/v1/answers/ans-fixture-1").json()
    assert client.get("/documents/pmid:111.json").json() == client.get("/api/v1/documents/pmid:111").json()
    home = client.get("/index.json").json()
    assert {a["id"] for a in home["recent"]} == {"ans-fixture-1", "ans-evil"}
    assert client.get("/policy.json").json()["title"] == "Editorial policy"
    # a browser's usual Accept header gets HTML
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert client.get("/answers", headers={"accept": browser}).headers["content-type"].startswith("text/html")


def test_answer_page_layout(client: TestClient) -> None:
    html = client.get("/answers/ans-fixture-1").text
    assert '<h1 id="answer-title">First-line treatment for hypertension in adults?</h1>' in html
    steps = re.findall(r'<li class="step ?([a-z]*)"', html)
    assert steps == ["current", "", ""]
    assert "Educational purpose only • pending review" in html
    assert 'Last updated <time datetime="2025-01-02T03:04:05+00:00">2 Jan 2025</time>' in html
    assert "Bottom line" in html and "Drug treatment" in html
    assert 'class="callout pitfalls"' in html and 'class="callout escalation"' in html
    assert "For educational purposes; not a substitute for clinical judgement." in html
    assert "Have a follow-up question?" in html and 'name="follow_up_of" value="ans-fixture-1"' in html
    assert 'href="/answers/ans-fixture-1.md" download' in html
    # references: kind badge, issuer, year, link
    assert '<span class="badge kind-guideline">Guideline</span>' in html
    assert '<span class="badge kind-systematic-review">Systematic review</span>' in html
    assert "National Guideline Group · 2023" in html
    assert 'href="https://example.org/guidelines/hypertension"' in html
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/111/"' in html


def test_citations_link_to_the_cited_passage_and_show_it_on_hover(client: TestClient) -> None:
    html = client.get("/answers/ans-fixture-1").text
    cites = re.findall(r'<a class="cite" href="([^"]+)" title="([^"]*)" aria-label="([^"]+)"', html)
    assert cites, "no citation links"
    hrefs = {h for h, _t, _l in cites}
    assert "/documents/ngc:hypertension-2023?passage=ngc%3Ahypertension-2023%230#passage-0" in hrefs
    assert "/documents/ngc:hypertension-2023?passage=ngc%3Ahypertension-2023%231#passage-1" in hrefs  # pitfall
    assert "/documents/pmid:111?passage=pmid%3A111%230#passage-0" in hrefs
    tips = {t for _h, t, _l in cites}
    assert any(t.startswith("Offer lifestyle advice to all adults") for t in tips)
    # following a citation opens the document with that passage highlighted
    doc = client.get("/documents/ngc:hypertension-2023?passage=ngc%3Ahypertension-2023%231").text
    assert 'class="passage cited" id="passage-1"' in doc and "Cited passage" in doc
    assert 'class="passage" id="passage-0"' in doc


def test_approved_answer_drops_the_pending_label(client: TestClient) -> None:
    url = "/api/v1/answers/ans-fixture-1/review"
    client.post(url, json={"to": "under_review"})
    html = client.get("/answers/ans-fixture-1").text
    assert re.findall(r'<li class="step ?([a-z]*)"', html) == ["done", "current", ""]
    client.post(url, json={"to": "approved", "note": "ok"})
    html = client.get("/answers/ans-fixture-1").text
    assert "pending review" not in html and "Reviewed and approved" in html
    assert re.findall(r'<li class="step ?([a-z]*)"', html) == ["done", "done", "current"]


def test_source_and_user_text_is_escaped_everywhere(client: TestClient) -> None:
    pages = ["/answers/ans-evil", "/documents/evil:1", "/documents/evil:1?passage=evil%3A1%230",
             "/search?query=aspirin", "/", "/answers", "/answers?query=%3Cscript%3E"]
    for url in pages:
        r = client.get(url)
        assert r.status_code == 200, url
        html = r.text
        assert "<script>alert" not in html, url
        assert "<img src=x" not in html and "<b><script" not in html, url
        assert 'href="javascript:' not in html.lower(), url
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Aspirin" in client.get("/documents/evil:1").text
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in client.get("/documents/evil:1").text
    # a search echoing the query, and an error page echoing a path, escape too
    assert "<script>" not in client.get("/search", params={"query": "<script>alert(1)</script>"}).text
    assert "<script>alert" not in client.get("/answers/%3Cscript%3Ealert(1)%3C%2Fscript%3E").text


def test_security_headers(client: TestClient) -> None:
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in r.text.replace('<script src="/static/app.js', "")  # no inline scripts (CSP)


def test_document_page(client: TestClient) -> None:
    html = client.get("/documents/doi:10.1000/xyz.123").text
    assert "Intensive versus standard blood pressure control" in html
    assert '<span class="badge kind-rct">Trial</span>' in html
    assert 'href="https://doi.org/10.1000/xyz.123"' in html
    r = client.get("/documents/nope")
    assert r.status_code == 404 and "Not found" in r.text and r.headers["content-type"].startswith("text/html")
    r = client.get("/documents/nope.json")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_search_page(client: TestClient) -> None:
    html = client.get("/search", params={"query": "thiazide"}).text
    assert "Thiazide diuretics for first-line treatment" in html
    assert "/documents/pmid:111?passage=pmid%3A111%230#passage-0" in html
    assert client.get("/search").status_code == 200  # empty form
    assert client.get("/search", params={"query": "x", "kind": "nope"}).status_code == 422
    assert client.get("/search", params={"query": "x", "since": "20x0"}).status_code == 422


def test_answers_list_page_filters(client: TestClient) -> None:
    html = client.get("/answers", params={"status": "submitted"}).text
    assert "/answers/ans-fixture-1" in html
    html = client.get("/answers", params={"status": "approved"}).text
    assert "No answers match." in html
    assert client.get("/answers", params={"status": "bogus"}).status_code == 422


def test_policy_page(client: TestClient) -> None:
    html = client.get("/policy").text
    assert "<h1>Editorial policy</h1>" in html and "Changes requested" in html


def test_review_form_without_javascript(client: TestClient) -> None:
    r = client.post("/answers/ans-fixture-1/review", data={"to": "under_review", "actor": "Dr Ed", "note": ""},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/answers/ans-fixture-1#review"
    html = client.get("/answers/ans-fixture-1").text
    assert "by Dr Ed" in html
    r = client.post("/answers/ans-fixture-1/review", data={"to": "submitted"})
    assert r.status_code == 409 and 'role="alert" id="review-error"' in r.text and "cannot move to submitted" in r.text
    r = client.post("/answers/ans-fixture-1/review", data={"to": "changes_requested", "note": "<script>x</script>"})
    assert r.status_code == 200  # followed the redirect
    assert "&lt;script&gt;x&lt;/script&gt;" in r.text


def test_markdown_export(client: TestClient) -> None:
    r = client.get("/answers/ans-fixture-1.md")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/markdown")
    assert "First-line treatment for hypertension in adults?" in r.text and "Bottom line" in r.text
    assert client.get("/api/v1/answers/ans-fixture-1.md").text == r.text
    assert client.get("/answers/nope.md").status_code == 404


def test_print_stylesheet_and_static_files(client: TestClient) -> None:
    css = client.get("/static/style.css")
    assert css.status_code == 200 and "@media print" in css.text and "@media (max-width: 640px)" in css.text
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/favicon.svg").status_code == 200


def test_stored_answer_first_byte_is_fast(client: TestClient) -> None:
    client.get("/answers/ans-fixture-1")  # warm the template cache and the pool
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        r = client.get("/answers/ans-fixture-1")
        timings.append(time.perf_counter() - start)
        assert r.status_code == 200
    assert sorted(timings)[2] < 0.2, timings


def test_ask_form_empty_question_shows_the_error_and_keeps_the_choice(client: TestClient) -> None:
    r = client.post("/ask", data={"question": "   ", "audience": "patient"})
    assert r.status_code == 422
    assert 'role="alert" id="ask-error"' in r.text and "the question is empty" in r.text
    assert 'value="patient" id="aud-patient" checked' in r.text
    r = client.post("/ask", data={"question": "x" * 2500, "audience": "clinician"})
    assert r.status_code == 422 and "too long" in r.text
    assert client.post("/ask", data={"question": "ok?", "audience": "martian"}).status_code == 422
    r = client.post("/ask", content=b"<xml/>", headers={"content-type": "application/xml"})
    assert r.status_code == 415


@needs_engine
def test_ask_form_answers_and_redirects(client: TestClient) -> None:
    r = client.post("/ask", data={"question": "What is the first-line treatment for hypertension in adults?",
                                  "audience": "clinician"}, follow_redirects=False)
    assert r.status_code == 303
    url = r.headers["location"]
    assert url.startswith("/answers/")
    page = client.get(url).text
    assert "What is the first-line treatment for hypertension in adults?" in page
    assert 'class="cite"' in page and "Educational purpose only • pending review" in page
    answer_id = url.rsplit("/", 1)[-1]
    # follow-up from the answer page's box
    r = client.post("/ask", data={"question": "And in people with diabetes?", "audience": "clinician",
                                  "follow_up_of": answer_id}, follow_redirects=False)
    assert r.status_code == 303
    follow = client.get(r.headers["location"] + ".json").json()
    assert follow["follow_up_of"] == answer_id
    assert "follow-up to" in client.get(r.headers["location"]).text
    # switch audience: the same question for patients
    r = client.post("/ask", data={"question": "How can I lower my blood pressure?", "audience": "patient"})
    assert r.status_code == 200 and "Answer for patients" in r.text
    recent = client.get("/index.json").json()["recent"]
    audiences = {a["question"]: a["audience"] for a in recent}
    assert audiences["How can I lower my blood pressure?"] == "patient"
