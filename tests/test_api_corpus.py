"""The corpus API through the ASGI app, over a database whose content is known exactly: six
analysis dicts written by hand (tests/fixtures/web_support.py), stored by the store's API.
Plus one database made by the real ingest loop from articles, to check the routes on what
the analysis really produces."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.fixtures.web_support import build_hand_corpus, shared_corpus
from warta.web.app import create_app
from warta.web.corpus import PLOVER_TYPES

with warnings.catch_warnings():  # Starlette's notice about httpx2, raised on import
    warnings.filterwarnings("ignore", message=".*httpx2")
    from fastapi.testclient import TestClient



@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_hand_corpus(tmp_path_factory.mktemp("corpus") / "hand.duckdb")


@pytest.fixture(scope="module")
def client(db: Path, tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    app = create_app(db=str(db), snapshot_dir=str(tmp_path_factory.mktemp("snapshots")))
    with TestClient(app, raise_server_exceptions=False) as c:  # runs the lifespan: clean close
        yield c


def get(client: TestClient, url: str) -> Any:
    resp = client.get(url)
    assert resp.status_code == 200, resp.text
    return resp.json()


def assert_error(resp: Any, status: int, code: str | None = None, field: str | None = None
                 ) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    assert set(body["error"]) <= {"status", "code", "message", "details"}
    if code:
        assert body["error"]["code"] == code
    if field:
        assert field in [d["field"] for d in body["error"]["details"]], body
    return body["error"]


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [it["id"] for it in items]


# ------------------------------------------------------------------------- articles
def test_articles_newest_first_with_counts(client: TestClient) -> None:
    out = get(client, "/api/articles")
    assert out["total"] == 6
    assert ids(out["items"]) == ["h-ambalat", "h-bogor-copy", "h-bogor", "wire/2020~05",
                                 "h-markup", "h-undated"]
    first = out["items"][0]
    assert set(first) >= {"id", "title", "published", "lang", "url", "stale_score", "n_events",
                          "n_quotes", "cluster_id"}
    assert (first["n_events"], first["n_quotes"], first["published"]) == (3, 1, "2024-02-05")
    markup = out["items"][4]
    assert markup["stale_score"] == pytest.approx(0.62)


def test_articles_paging(client: TestClient) -> None:
    pages = [get(client, f"/api/articles?limit=4&offset={o}") for o in (0, 4, 8)]
    assert [p["total"] for p in pages] == [6, 6, 6]
    assert [len(p["items"]) for p in pages] == [4, 2, 0]
    assert ids(pages[0]["items"] + pages[1]["items"]) == ids(get(client, "/api/articles")["items"])


@pytest.mark.parametrize("query, expected", [
    ("q=energi+bersih", {"h-bogor", "h-bogor-copy"}),
    ("q=ENERGI", {"h-bogor", "h-bogor-copy"}),
    ("q=100%25", {"h-markup"}),  # '%' is a literal, not a wildcard
    ("q=100_", set()),  # so is '_'
    ("q=%3Cscript%3E", {"h-markup"}),
    ("lang=en", {"h-markup", "wire/2020~05"}),
    ("from=2023-07-11", {"h-bogor-copy", "h-ambalat"}),
    ("from=2020-01-01&to=2023-07-10", {"wire/2020~05", "h-bogor"}),
    ("country=MYS", {"h-ambalat"}),
    ("country=aus", {"h-bogor", "h-bogor-copy"}),
    ("country=USA&lang=en", {"wire/2020~05"}),
])
def test_articles_filters(client: TestClient, query: str, expected: set[str]) -> None:
    out = get(client, "/api/articles?" + query)
    assert set(ids(out["items"])) == expected and out["total"] == len(expected)


def test_one_article_is_its_stored_analysis(client: TestClient) -> None:
    from tests.fixtures.web_support import hand_articles

    want = next(a for a in hand_articles() if a["id"] == "h-markup")
    got = get(client, "/api/articles/h-markup")
    assert {k: got[k] for k in want} == want  # every field of Article.as_dict(), unchanged
    assert got["title"].startswith("Minister <b>warns</b>")  # JSON carries it as it is
    assert got["cluster_id"] is not None


@pytest.mark.parametrize("path", ["/api/articles/wire/2020~05", "/api/articles/wire%2F2020~05"])
def test_article_ids_with_slash_and_tilde(client: TestClient, path: str) -> None:
    assert get(client, path)["id"] == "wire/2020~05"


def test_unknown_article_is_404(client: TestClient) -> None:
    err = assert_error(client.get("/api/articles/no-such-article"), 404, "not_found")
    assert "no-such-article" in err["message"]


# ------------------------------------------------------------------------- events
def test_events_are_merged_across_reports(client: TestClient) -> None:
    out = get(client, "/api/events")
    assert out["total"] == 8  # 9 reported events; the two reports of the Bogor meeting are one
    consult = next(e for e in out["items"] if e["id"] == "h-bogor-e1")
    assert consult["mentions"] == 2 and consult["articles"] == 2
    assert consult["sources"] == ["contoh-berita.example", "portal-lain.example"]
    assert consult["source"] == {"name": "Joko Widodo", "country": "IDN",
                                 "actor_id": "joko_widodo", "sector": "GOV"}
    assert consult["target"]["actor_id"] == "anthony_albanese"
    assert (consult["type"], consult["mode"], consult["date"]) == ("CONSULT", "meet", "2023-07-10")
    assert set(consult) >= {"id", "article_id", "type", "mode", "modality", "date", "source",
                            "target", "evidence", "mentions", "sources"}
    assert out["items"][-1]["article_id"] == "h-undated"  # undated last
    assert out["items"][-1]["date"] is None


@pytest.mark.parametrize("query, expected", [
    ("type=ACCUSE", {"h-ambalat-e1"}),
    ("type=accuse", {"h-ambalat-e1"}),
    ("modality=negated", {"h-ambalat-e3"}),
    ("modality=future", {"h-bogor-e2"}),
    ("actor=retno_marsudi", {"h-markup-e1", "wire/2020~05-e1"}),
    ("actor=mike_pompeo&type=CONSULT", {"wire/2020~05-e1"}),
    ("country=MYS", {"h-ambalat-e1", "h-ambalat-e2", "h-ambalat-e3"}),
    ("country=MYS&modality=asserted", {"h-ambalat-e1", "h-ambalat-e2"}),
    ("from=2023-01-01&to=2023-12-31", {"h-bogor-e1", "h-bogor-e2"}),
    ("to=2016-12-31", {"h-markup-e1"}),
    ("actor=nobody", set()),
])
def test_events_filters(client: TestClient, query: str, expected: set[str]) -> None:
    out = get(client, "/api/events?" + query)
    assert set(ids(out["items"])) == expected and out["total"] == len(expected)


def test_events_paging(client: TestClient) -> None:
    everything = ids(get(client, "/api/events")["items"])
    pages = [get(client, f"/api/events?limit=3&offset={o}") for o in (0, 3, 6, 9, 100)]
    assert [p["total"] for p in pages] == [8] * 5  # the total, even past the end
    assert sum((ids(p["items"]) for p in pages), []) == everything


# ------------------------------------------------------------------------- actors, quotes
def test_actor_from_the_knowledge_base_with_corpus_events(client: TestClient) -> None:
    out = get(client, "/api/actors/joko_widodo")
    actor = out["actor"]
    assert (actor["id"], actor["name"], actor["label"], actor["country"]) == \
        ("joko_widodo", "Joko Widodo", "PERSON", "IDN")
    assert "Jokowi" in actor["aliases"]
    roles = out["roles"]
    assert any(r["role"] == "president" and r["start"].startswith("2014") for r in roles)
    assert all(set(r) == {"role", "title", "country", "start", "end", "source"} for r in roles)
    assert ids(out["events_as_source"]) == ["h-bogor-e1"]
    assert out["events_as_source"][0]["mentions"] == 2
    assert out["events_as_target"] == []
    assert {q["article_id"] for q in out["quotes"]} == {"h-bogor", "h-bogor-copy"}
    assert out["counts"] == {"events_as_source": 1, "events_as_target": 0, "quotes": 2,
                             "mentions": 2, "articles": 2}


def test_actor_known_only_to_the_corpus(client: TestClient) -> None:
    out = get(client, "/api/actors/test_only_actor")
    assert out["actor"] == {"id": "test_only_actor", "name": "Kepala Desa Uji", "label": "PERSON",
                            "country": "IDN", "sector": "GOV", "aliases": []}
    assert out["roles"] == [] and ids(out["events_as_source"]) == ["h-undated-e1"]


def test_actor_as_target(client: TestClient) -> None:
    out = get(client, "/api/actors/retno_marsudi?limit=5")
    assert ids(out["events_as_source"]) == ["h-markup-e1"]
    assert ids(out["events_as_target"]) == ["wire/2020~05-e1"]


@pytest.mark.parametrize("actor_id", ["nobody_at_all", "x' OR '1'='1"])
def test_unknown_actor_is_404(client: TestClient, actor_id: str) -> None:
    assert_error(client.get("/api/actors/" + actor_id), 404, "not_found")


@pytest.mark.parametrize("query, expected", [
    ("", 5),
    ("speaker=retno", 1),
    ("speaker=retno_marsudi", 1),
    ("speaker=JOKO+WIDODO", 2),
    ("q=100%25+fake", 1),
    ("speaker=%25", 0),  # a literal '%' in no speaker's name
    ("q=energi&from=2023-07-11", 1),
])
def test_quotes_search(client: TestClient, query: str, expected: int) -> None:
    out = get(client, "/api/quotes?" + query)
    assert out["total"] == expected == len(out["items"])
    for q in out["items"]:
        assert set(q) >= {"article_id", "speaker", "speaker_id", "text", "kind", "published"}


# ------------------------------------------------------------------------- clusters, stats
def test_cluster_of_a_story_reported_twice(client: TestClient) -> None:
    cid = get(client, "/api/articles/h-bogor-copy")["cluster_id"]
    out = get(client, f"/api/clusters/{cid}")
    assert out["id"] == cid and out["n_articles"] == 2 and out["n_outlets"] == 2
    assert out["earliest"]["id"] == "h-bogor"
    assert ids(out["articles"]) == ["h-bogor", "h-bogor-copy"]
    assert out["links"][0]["method"] == "near_duplicate"
    merged = {e["id"]: e for e in out["events"]}
    assert set(merged) == {"h-bogor-e1", "h-bogor-e2"} and merged["h-bogor-e1"]["mentions"] == 2


def test_unknown_cluster_is_404_and_a_word_is_422(client: TestClient) -> None:
    assert_error(client.get("/api/clusters/999999"), 404, "not_found")
    assert_error(client.get("/api/clusters/abc"), 422, "invalid", "cluster_id")


def test_timeline_counts_asserted_events_once(client: TestClient) -> None:
    out = get(client, "/api/stats/timeline")
    assert out["bucket"] == "month" and out["modality"] == "asserted"
    assert out["types"] == ["CONSULT", "REQUEST", "ACCUSE"]  # in PLOVER's order
    months = [s["date"] for s in out["series"]]
    assert months[0] == "2016-11-01" and months[-1] == "2024-02-01"
    assert len(months) == 88  # empty months are there: the x axis is time
    assert sum(sum(s["counts"].values()) for s in out["series"]) == 5
    july = next(s for s in out["series"] if s["date"] == "2023-07-01")
    assert july["counts"] == {"CONSULT": 1}  # two reports, one event


def test_timeline_range_bucket_and_modality(client: TestClient) -> None:
    out = get(client, "/api/stats/timeline?from=2024-02-01&to=2024-02-10&bucket=day&modality=any")
    assert [s["date"] for s in out["series"]][:2] == ["2024-02-01", "2024-02-02"]
    assert len(out["series"]) == 10
    day = next(s for s in out["series"] if s["date"] == "2024-02-05")
    assert day["counts"] == {"ACCUSE": 1, "REQUEST": 1, "THREATEN": 1}
    empty = get(client, "/api/stats/timeline?country=NZL")
    assert empty["series"] == [] and empty["types"] == []
    assert_error(client.get("/api/stats/timeline?bucket=day&from=1900-01-01"), 422, field="bucket")


def test_top_actors_dyads_and_network(client: TestClient) -> None:
    out = get(client, "/api/stats/top?modality=any")
    top = out["actors"][0]
    assert top["events"] == 3 and top["actor_id"] in {"country_idn", "country_mys"}
    assert all(set(a) >= {"name", "actor_id", "country", "events"} for a in out["actors"])
    counts = [a["events"] for a in out["actors"]]
    assert counts == sorted(counts, reverse=True)
    assert all(d["events"] >= 1 and d["source"] and d["target"] for d in out["dyads"])
    net = out["network"]
    node_ids = {n["id"] for n in net["nodes"]}
    assert net["edges"] and all(e["source"] in node_ids and e["target"] in node_ids
                                for e in net["edges"])
    assert {"source", "target", "source_name", "target_name", "weight"} <= set(net["edges"][0])
    mys = get(client, "/api/stats/top?country=MYS")
    assert mys["actors"][0]["actor_id"] == "country_mys" and mys["actors"][0]["events"] == 2


# ------------------------------------------------------------------------- bad parameters
@pytest.mark.parametrize("url, field", [
    ("/api/articles?from=2016-13-01", "from"),
    ("/api/articles?from=21/11/2016", "from"),
    ("/api/articles?to=2016-02-30", "to"),
    ("/api/events?from=2020-01-02&to=2020-01-01", "to"),
    ("/api/events?country=ID", "country"),
    ("/api/events?country=I1N", "country"),
    ("/api/events?country=IDNX", "country"),
    ("/api/events?type=ACCUSE'%20OR%201=1", "type"),
    ("/api/events?type=FIGHT", "type"),
    ("/api/events?modality=maybe", "modality"),
    ("/api/events?limit=0", "limit"),
    ("/api/events?limit=501", "limit"),
    ("/api/events?limit=ten", "limit"),
    ("/api/articles?offset=-1", "offset"),
    ("/api/articles?lang=en'--", "lang"),
    ("/api/quotes?q=" + "x" * 201, "q"),
    ("/api/stats/timeline?bucket=hour", "bucket"),
    ("/api/stats/top?modality=bogus", "modality"),
    ("/api/stats/top?limit=1000", "limit"),
])
def test_bad_parameters_are_422_naming_the_field(client: TestClient, url: str, field: str) -> None:
    err = assert_error(client.get(url), 422, "invalid", field)
    assert err["message"].startswith(field)


def test_every_bad_parameter_is_reported_at_once(client: TestClient) -> None:
    err = assert_error(client.get("/api/events?from=x&to=y&country=12"), 422)
    assert [d["field"] for d in err["details"]] == ["from", "to", "country"]


@pytest.mark.parametrize("url", [
    "/api/articles?q=';%20DROP%20TABLE%20articles;%20--",
    "/api/articles?q=%22%20OR%201%3D1%20--",
    "/api/events?actor=x'%20OR%20'1'%3D'1",
    "/api/quotes?speaker=';%20DELETE%20FROM%20quotes;%20--",
    "/api/quotes?q=%5C%27%29%3B%20SELECT%201%3B%20--",
])
def test_sql_looking_parameters_are_only_data(client: TestClient, db: Path, url: str) -> None:
    out = get(client, url)
    assert out["total"] == 0 and out["items"] == []
    assert get(client, "/api/articles")["total"] == 6
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM quotes").fetchone()[0] == 5


def test_the_database_file_is_never_written(db: Path, client: TestClient) -> None:
    before = db.stat().st_mtime_ns, db.stat().st_size
    for url in ("/api/articles", "/api/events", "/api/stats/top", "/api/quotes?q=x"):
        get(client, url)
    assert (db.stat().st_mtime_ns, db.stat().st_size) == before


def test_health_reports_the_snapshot(client: TestClient) -> None:
    get(client, "/api/articles")
    health = get(client, "/api/health")
    assert health["database"] is True
    corpus = health["corpus"]
    assert corpus["snapshot_taken_at"] and corpus["refreshes"] >= 1
    assert corpus["changed_since_snapshot"] is False and corpus["error"] is None


def test_plover_types_match_the_event_extractor() -> None:
    from warta.events import PLOVER_TYPES as EXTRACTOR_TYPES

    assert tuple(PLOVER_TYPES) == tuple(EXTRACTOR_TYPES)


# ------------------------------------------------------------------------- no database
@pytest.fixture(scope="module")
def bare() -> TestClient:
    return TestClient(create_app(), raise_server_exceptions=False)


@pytest.mark.parametrize("url", ["/api/articles", "/api/articles/x", "/api/events",
                                 "/api/quotes", "/api/clusters/1", "/api/stats/timeline",
                                 "/api/stats/top"])
def test_without_a_database_corpus_routes_are_503(bare: TestClient, url: str) -> None:
    err = assert_error(bare.get(url), 503, "no_database")
    assert "--db" in err["message"]


def test_without_a_database_an_actor_is_its_kb_record(bare: TestClient) -> None:
    out = get(bare, "/api/actors/retno_marsudi")
    assert out["corpus"] is False and out["actor"]["name"] == "Retno Marsudi"
    assert any(r["role"] == "foreign_minister" for r in out["roles"])
    assert out["events_as_source"] == [] and out["quotes"] == []
    assert_error(bare.get("/api/actors/nobody_at_all"), 404)


# ------------------------------------------------------------------------- the real ingest
def test_routes_on_a_database_made_by_the_ingest_loop(tmp_path: Path) -> None:
    app = create_app(db=str(shared_corpus()), snapshot_dir=str(tmp_path))
    with TestClient(app, raise_server_exceptions=False) as c:
        arts = get(c, "/api/articles")
        assert arts["total"] == 4
        for a in arts["items"]:
            full = get(c, "/api/articles/" + a["id"])
            assert full["id"] == a["id"] and full["text"]
        events = get(c, "/api/events")
        assert events["total"] >= 1
        assert all(e["type"] in PLOVER_TYPES for e in events["items"])
        get(c, "/api/stats/timeline")
        get(c, "/api/stats/top")
        get(c, "/api/quotes?speaker=Retno")
        get(c, f"/api/clusters/{arts['items'][0]['cluster_id']}")
        get(c, "/api/actors/joko_widodo")
    assert list(tmp_path.iterdir()) == []  # the snapshots went with the app


def test_repeated_questions_are_answered_from_memory(client: TestClient) -> None:
    url = "/api/events?country=IDN&limit=2"
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert second.headers["content-type"] == "application/json"
    assert second.headers["content-security-policy"] == first.headers["content-security-policy"]
    corpus = client.app.state.corpus
    assert corpus.memo_get(corpus.generation(), url) == first.content
    assert corpus.memo_get(corpus.generation(), "/api/events?type=NOPE") is None
    assert client.get("/api/events?type=NOPE").status_code == 422  # errors are not kept
    assert corpus.memo_get(corpus.generation(), "/api/events?type=NOPE") is None
