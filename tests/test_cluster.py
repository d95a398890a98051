"""Story clustering on hand-written articles (tests/fixtures/corpus/stories.jsonl): near
duplicates, translations between Indonesian and English, the earliest article of a
cluster, clusters merging, and results that do not depend on how the input is batched."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash

from warta.cluster import minhash
from warta.cluster.anchors import anchor_words
from warta.store import open_store
from warta.store.ingest import ingest

STORIES = Path(__file__).parent / "fixtures" / "corpus" / "stories.jsonl"


def stories() -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, STORIES.read_text(encoding="utf-8").splitlines())}


def write(path: Path, records: list[dict]) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return str(path)


def shingles(text: str) -> set[tuple[str, ...]]:
    w = re.findall(r"\w+", text.lower())
    return {tuple(w[i : i + 3]) for i in range(len(w) - 2)}


def cluster_map(db) -> dict[str, int]:
    with open_store(db, read_only=True) as store:
        return dict(store.query("SELECT id, cluster_id FROM articles").rows)


def test_minhash_estimates_jaccard_like_datasketch():
    s = stories()
    a, b = s["quake-id"]["text"], s["quake-id-copy"]["text"]
    true = len(shingles(a) & shingles(b)) / len(shingles(a) | shingles(b))
    ours = minhash.jaccard(minhash.signature(a), minhash.signature(b))
    ref_a, ref_b = MinHash(num_perm=128), MinHash(num_perm=128)
    for ref, text in ((ref_a, a), (ref_b, b)):
        w = re.findall(r"\w+", text.lower())
        ref.update_batch([" ".join(w[i : i + 3]).encode() for i in range(len(w) - 2)])
    assert abs(ours - true) < 0.12 and abs(ref_a.jaccard(ref_b) - true) < 0.12
    unrelated = minhash.jaccard(minhash.signature(a), minhash.signature(s["match-id"]["text"]))
    assert unrelated < 0.1
    # signatures are stable across processes: CRC-32, not the salted hash()
    assert minhash.signature("satu dua tiga empat")[:3].tolist() == \
        minhash.signature("Satu, dua; tiga empat.")[:3].tolist()
    # identical texts share every band
    keys = minhash.band_keys(minhash.signature(a))
    assert len(keys) == minhash.BANDS and len(set(keys.tolist())) == minhash.BANDS


def test_anchors_agree_across_languages():
    id_words = anchor_words("Banjir Rendam 1.200 Rumah di Samarinda",
                            "Wali Kota Samarinda, Andi Harun, mengatakan 1.200 rumah terendam.")
    en_words = anchor_words("Floods Submerge 1,200 Houses in Samarinda",
                            "Samarinda Mayor Andi Harun said 1,200 houses were flooded.")
    assert {"samarinda", "andi", "harun", "#1200"} <= set(id_words) & set(en_words)


@pytest.fixture(scope="module")
def clustered(tmp_path_factory):
    """The stories ingested once, the English quake report first (it is published last)."""
    s = stories()
    order = ["quake-en", "quake-id", "quake-id-copy", "quake-other-id", "flood-id", "flood-en",
             "match-id", "tech-en"]
    tmp = tmp_path_factory.mktemp("cluster")
    path = write(tmp / "stories.jsonl", [s[k] for k in order])
    db = tmp / "c.duckdb"
    with open_store(db) as store:
        report = ingest([path], store, batch=3)
    assert report.ingested == 8 and report.errors == 0
    return db, path


def test_near_duplicates_and_translations_share_a_cluster(clustered):
    db, _ = clustered
    c = cluster_map(db)
    assert c["quake-id"] == c["quake-id-copy"] == c["quake-en"]
    assert c["flood-id"] == c["flood-en"]
    # same kind of news, same day, other place: not the same story
    assert c["quake-other-id"] != c["quake-id"]
    singles = {c["quake-other-id"], c["match-id"], c["tech-en"], c["flood-id"], c["quake-id"]}
    assert len(singles) == 5
    with open_store(db, read_only=True) as store:
        links = {(a, b): m for a, b, m in store.query(
            "SELECT article_id, linked_article_id, method FROM cluster_links").rows}
    assert links[("quake-id-copy", "quake-id")] == "near_duplicate"
    assert links[("quake-id", "quake-en")] == "translation"
    assert links[("flood-en", "flood-id")] == "translation"


def test_a_cluster_knows_its_earliest_article(clustered):
    db, _ = clustered
    with open_store(db, read_only=True) as store:
        rows = list(store.query(
            "SELECT c.cluster_id, n_articles, n_outlets, langs, earliest_article_id, "
            "earliest_published::VARCHAR, a.id FROM clusters c JOIN articles a "
            "ON a.seq = c.cluster_id WHERE n_articles = 3").rows)
    (cid, n, outlets, langs, earliest, day, first_ingested), = rows
    assert (n, outlets, langs) == (3, 3, ["en", "id"])
    # ingested first, published last: the cluster is named after the first ingested,
    # but knows the earliest published article
    assert first_ingested == "quake-en" and earliest == "quake-id" and day == "2024-03-05"


def test_clusters_do_not_depend_on_batching(clustered, tmp_path):
    db, path = clustered
    one_by_one = tmp_path / "one.duckdb"
    with open_store(one_by_one) as store:
        ingest([path], store, batch=1)
    assert cluster_map(one_by_one) == cluster_map(db)


def test_an_article_linking_two_clusters_merges_them(tmp_path):
    s = stories()
    # a copy of the Indonesian flood report published four days later: too far from the
    # English report to be matched with it as a translation
    late_copy = dict(s["flood-id"], id="flood-id-late", published="2024-03-12",
                     url="https://lain.example.id/banjir",
                     text=s["flood-id"]["text"].replace("Kamis malam", "Kamis petang"))
    db = tmp_path / "m.duckdb"
    with open_store(db) as store:
        ingest([write(tmp_path / "a.jsonl", [s["flood-en"], late_copy])], store, batch=1)
        before = cluster_map_store(store)
        assert before["flood-en"] != before["flood-id-late"]
        # the original bridges them: translation of one, near-duplicate of the other
        ingest([write(tmp_path / "b.jsonl", [s["flood-id"]])], store, batch=1)
        after = cluster_map_store(store)
        clusters = list(store.query("SELECT cluster_id, n_articles FROM clusters").rows)
    assert after["flood-en"] == after["flood-id-late"] == after["flood-id"] == before["flood-en"]
    assert clusters == [(before["flood-en"], 3)]


def cluster_map_store(store) -> dict[str, int]:
    return dict(store.query("SELECT id, cluster_id FROM articles").rows)


def test_one_language_corpus_embeds_nothing(tmp_path):
    s = stories()
    path = write(tmp_path / "id.jsonl", [s[k] for k in ("quake-id", "quake-id-copy", "flood-id")])
    db = tmp_path / "id.duckdb"
    with open_store(db) as store:
        report = ingest([path], store)
        assert report.embedded == 0
        assert list(store.query("SELECT count(*) FROM embeddings").rows) == [(0,)]
        c = cluster_map_store(store)
    assert c["quake-id"] == c["quake-id-copy"] != c["flood-id"]


def test_translation_vectors_are_cached(clustered):
    db, _ = clustered
    with open_store(db, read_only=True) as store:
        (n,) = list(store.query("SELECT count(*) FROM embeddings").rows)[0]
        vec = list(store.query("SELECT vec FROM embeddings LIMIT 1").rows)[0][0]
    # only cross-language candidates were embedded, each once
    assert 2 <= n <= 6
    assert abs(np.linalg.norm(np.asarray(vec)) - 1.0) < 1e-3
