"""The analysis API and the app's edges, through the ASGI app: POST /api/analyze gives what
`warta analyze --format json` gives; every error has the one shape; bodies are size-limited;
the page's assets are served with a strict Content-Security-Policy."""

from __future__ import annotations

import json
import warnings
from typing import Any

import pytest

import warta
from warta.web.app import CSP, create_app

with warnings.catch_warnings():  # Starlette's notice about httpx2, raised on import
    warnings.filterwarnings("ignore", message=".*httpx2")
    from fastapi.testclient import TestClient


ARTICLE = ("JAKARTA — Presiden Joko Widodo bertemu Perdana Menteri Australia Anthony Albanese "
           "di Istana Bogor, Senin (10/7/2023). \"Kami sepakat memperkuat kerja sama,\" kata "
           "Jokowi kepada wartawan.")


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(max_body=64 * 1024), raise_server_exceptions=False)


def assert_error(resp: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """The one error shape: {"error": {"status", "code", "message", "details"?}}."""
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) <= {"status", "code", "message", "details"}
    assert err["status"] == status
    assert isinstance(err["message"], str) and err["message"]
    if code:
        assert err["code"] == code, err
    return err


def test_analyze_text_is_the_cli_json(client: TestClient) -> None:
    resp = client.post("/api/analyze", json={"text": ARTICLE, "published": "2023-07-10",
                                             "id": "a1"})
    assert resp.status_code == 200
    got = resp.json()
    want = json.loads(json.dumps(warta.analyze(ARTICLE, published="2023-07-10"), default=str))
    want["id"] = "a1"
    got_core = {k: got[k] for k in ("text", "lang", "published", "entities", "quotes", "events",
                                    "dates", "flags")}
    assert got_core == {k: want[k] for k in got_core}
    assert any(e["actor_id"] == "joko_widodo" for e in got["entities"])


def test_analyze_html_extracts_the_page(client: TestClient) -> None:
    html = ("<html><head><title>Uji</title><script>alert(1)</script></head><body><nav>Menu</nav>"
            f"<article><p>{ARTICLE}</p><p>Pertemuan itu berlangsung selama dua jam dan membahas "
            "perdagangan serta energi.</p></article></body></html>")
    resp = client.post("/api/analyze", json={"html": html, "published": "2023-07-10"})
    assert resp.status_code == 200, resp.text
    out = resp.json()
    assert "Joko Widodo" in out["text"]
    assert "alert(1)" not in out["text"] and "Menu" not in out["text"]


@pytest.mark.parametrize("body, field", [
    ({}, None),
    ({"text": "a", "html": "<p>b</p>"}, None),
    ({"text": 5}, "text"),
    ({"text": ARTICLE, "published": "2023-13-01"}, None),
    ({"text": ARTICLE, "published": "yesterday"}, None),
])
def test_analyze_invalid_bodies_are_422(client: TestClient, body: dict, field: str | None) -> None:
    err = assert_error(client.post("/api/analyze", json=body), 422)
    if field:
        assert err["details"][0]["field"] == field


def test_analyze_unsupported_language_is_422(client: TestClient) -> None:
    err = assert_error(client.post("/api/analyze", json={"text": ARTICLE, "lang": "fr"}), 422,
                       "unsupported_language")
    assert "fr" in err["message"]


def test_analyze_empty_text_and_bodiless_html_are_bad_input(client: TestClient) -> None:
    assert_error(client.post("/api/analyze", json={"text": "   "}), 422)
    assert_error(client.post("/api/analyze", json={"html": "<html><body><p>hi</p></body></html>"}),
                 422, "bad_input")


def test_bad_json_is_400(client: TestClient) -> None:
    resp = client.post("/api/analyze", content=b'{"text": "unterminated',
                       headers={"content-type": "application/json"})
    assert_error(resp, 400, "bad_json")


def test_other_media_types_are_415(client: TestClient) -> None:
    resp = client.post("/api/analyze", content=b"text=hello",
                       headers={"content-type": "application/x-www-form-urlencoded"})
    assert_error(resp, 415, "unsupported_media_type")


def test_unknown_route_is_404_and_wrong_method_405(client: TestClient) -> None:
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.get("/api/analyze"), 405, "method_not_allowed")
    assert_error(client.delete("/api/health"), 405)


def test_body_over_the_limit_is_413_by_content_length(client: TestClient) -> None:
    big = json.dumps({"text": "kata " * 20_000}).encode()
    assert len(big) > 64 * 1024
    resp = client.post("/api/analyze", content=big, headers={"content-type": "application/json"})
    err = assert_error(resp, 413, "too_large")
    assert "limit" in err["message"]


def test_body_over_the_limit_is_413_when_streamed_without_length(client: TestClient) -> None:
    def chunks():  # no Content-Length: the limit is enforced on the bytes received
        for _ in range(40):
            yield b"x" * 4096

    resp = client.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in {k.lower() for k in resp.request.headers}
    assert_error(resp, 413, "too_large")


def test_the_page_and_its_assets_have_a_strict_csp(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert page.headers["content-security-policy"] == CSP
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["x-frame-options"] == "DENY"
    # No inline script or style, no remote asset: everything the page loads is ours.
    assert "<script>" not in page.text and "style=" not in page.text
    assert "http://" not in page.text and "https://" not in page.text
    for name, kind in (("app.js", "javascript"), ("style.css", "text/css"), ("favicon.svg", "svg")):
        resp = client.get(f"/static/{name}")
        assert resp.status_code == 200 and kind in resp.headers["content-type"]
    # Errors carry the headers too.
    assert assert_error(client.get("/api/nothing"), 404) and \
        client.get("/api/nothing").headers["content-security-policy"] == CSP


@pytest.mark.parametrize("path", ["/static/..%2Fapp.py", "/static/nothing.js",
                                  "/static/%2e%2e%2f%2e%2e%2fpyproject.toml"])
def test_static_files_stay_in_their_folder(client: TestClient, path: str) -> None:
    assert_error(client.get(path), 404)


def test_openapi_spec_lists_every_route_and_no_cdn_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/analyze", "/api/articles", "/api/articles/{article_id}", "/api/events",
                 "/api/actors/{actor_id}", "/api/quotes", "/api/clusters/{cluster_id}",
                 "/api/stats/timeline", "/api/stats/top", "/api/health"):
        assert path in spec["paths"], path
    assert client.get("/docs").status_code == 404  # Swagger UI would load a CDN's scripts


def test_health_without_a_database(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["database"] is False and "corpus" not in body
