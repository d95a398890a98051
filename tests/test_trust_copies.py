"""copy_of_earlier against a real corpus database built by `warta ingest`."""

from __future__ import annotations

import json

STORY = (
    "Jakarta - Pemerintah kota mengumumkan rencana pembangunan tiga jembatan baru di atas sungai "
    "yang membelah kota itu. Wali kota mengatakan pembangunan akan dimulai pada awal tahun depan "
    "dan dibiayai dari anggaran daerah serta bantuan pemerintah pusat. Warga di sekitar sungai "
    "menyambut baik rencana itu karena jembatan lama sudah rusak dan sering macet pada jam sibuk. "
    "Dinas pekerjaan umum akan menggelar konsultasi publik dengan warga sebelum pembangunan dimulai."
)


def test_an_earlier_near_duplicate_in_the_corpus_is_flagged(run_warta, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "first", "text": STORY, "published": "2020-03-02",
                                  "title": "Tiga jembatan baru"}) + "\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    code, _, err = run_warta("ingest", str(corpus), "--db", str(db), "-q")
    assert code == 0, err
    copy = STORY.replace("tiga jembatan baru", "tiga jembatan baru yang megah")
    code, out, err = run_warta("check", "--format", "json", "--db", str(db), "--published", "2024-05-06",
                               "-", stdin=copy.encode())
    assert code == 0, err
    doc = json.loads(out)
    (flag,) = [f for f in doc["flags"] if f["kind"] == "copy_of_earlier"]
    assert flag["evidence"]["earlier_id"] == "first" and flag["evidence"]["earlier_date"] == "2020-03-02"
    assert flag["evidence"]["gap_days"] == 1526 and flag["evidence"]["similarity"] >= 0.5
    assert doc["trust"]["stale_score"] > 0.5
    # published before the stored one: it is the original, not a copy
    code, out, _ = run_warta("check", "--format", "json", "--db", str(db), "--published", "2019-01-01",
                             "-", stdin=copy.encode())
    assert [f for f in json.loads(out)["flags"] if f["kind"] == "copy_of_earlier"] == []
    # a missing database is one line, not a traceback
    code, _, err = run_warta("check", "--db", str(tmp_path / "nope.duckdb"), "-", stdin=copy.encode())
    assert code == 2 and err.strip().endswith("no such database (create it with: warta ingest PATH --db "
                                              f"{tmp_path / 'nope.duckdb'})")
