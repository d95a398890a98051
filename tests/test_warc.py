"""WARC input: real WARC files written with warcio (plain and gzip), pages among records that
are not articles, a malformed record, a truncated file — read directly and ingested."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warta.doc import Article
from warta.errors import InputError
from warta.io.warc import HtmlRecord, iter_warc, iter_warc_records
from warta.store import open_store
from warta.store.ingest import ingest

TOPICS = [
    ("Harga beras naik di pasar tradisional", "Pedagang di pasar tradisional mengeluhkan harga "
     "beras medium yang naik dua kali dalam sepekan, sementara pembeli mengurangi belanja."),
    ("Kereta cepat tambah jadwal perjalanan", "Operator kereta cepat menambah enam jadwal "
     "perjalanan setiap akhir pekan karena jumlah penumpang terus meningkat sejak bulan lalu."),
    ("Sekolah rusak diperbaiki sebelum tahun ajaran baru", "Dinas pendidikan kabupaten "
     "memperbaiki atap belasan sekolah dasar yang bocor agar murid dapat belajar dengan aman."),
]


def page(title: str, body: str) -> bytes:
    paras = "".join(f"<p>{body} Paragraf {k} menambah rincian laporan ini untuk pembaca.</p>"
                    for k in range(4))
    return (f"<html><head><title>{title}</title></head><body><nav>Beranda | Nasional</nav>"
            f"<article><h1>{title}</h1>{paras}</article><footer>Hak cipta</footer></body></html>"
            ).encode()


def write_warc(path: Path, *, gzip: bool) -> None:
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gzip)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "test"}))
        for k, (title, body) in enumerate(TOPICS):
            url = f"https://news.example.id/{k}"
            w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(page(title, body)),
                                                http_headers=http))
            img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url + ".png", "response",
                                                payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(64)),
                                                http_headers=img))
        moved = StatusAndHeaders("301 Moved", [("Location", "/0")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://news.example.id/old", "response",
                                            payload=io.BytesIO(b""), http_headers=moved))


@pytest.fixture
def warcs(tmp_path):
    plain, packed = tmp_path / "crawl.warc", tmp_path / "crawl.warc.gz"
    write_warc(plain, gzip=False)
    write_warc(packed, gzip=True)
    return plain, packed


def test_pages_become_articles_with_url_id_and_offset(warcs):
    for path in warcs:
        out = list(iter_warc(path))
        assert all(isinstance(a, Article) for a in out), out
        assert [a.url for a in out] == [f"https://news.example.id/{k}" for k in range(3)]
        assert [a.title for a in out] == [t for t, _ in TOPICS]
        assert all(a.id.startswith("urn:uuid:") for a in out)
        assert "Pedagang di pasar" in out[0].text and "Beranda" not in out[0].text
        offsets = [a.extras["offset"] for a in out]
        assert offsets == sorted(offsets) and offsets[0] > 0  # the warcinfo record is first
        # the offset points at the record: reading from there gives that page first
        with path.open("rb") as fh:
            fh.seek(offsets[1])
            rest = fh.read()
        again = next(r for r in iter_warc_records(_tmp_copy(path, rest)) if isinstance(r, HtmlRecord))
        assert again.url == out[1].url


def _tmp_copy(path: Path, data: bytes) -> Path:
    copy = path.with_name("tail-" + path.name)
    copy.write_bytes(data)
    return copy


def test_a_malformed_record_is_an_error_and_reading_goes_on(warcs, tmp_path):
    plain, _ = warcs
    data = plain.read_bytes()
    second = data.find(b"https://news.example.id/1")
    start = data.rfind(b"WARC/1.", 0, second)
    broken = tmp_path / "broken.warc"
    broken.write_bytes(data[:start] + b"WARC/9.9 GARBAGE\r\nnot: a header\r\n\r\n" + data[start + 8:])
    out = list(iter_warc(broken))
    errors = [x for x in out if isinstance(x, InputError)]
    arts = [x for x in out if isinstance(x, Article)]
    assert len(errors) == 1 and f"record at offset {start}" in str(errors[0])
    assert errors[0].offset == start and errors[0].source == str(broken)
    # the pages before and after the broken record are still read
    assert arts[0].url.endswith("/0") and arts[-1].url.endswith("/2")


def test_truncated_or_foreign_files(warcs, tmp_path):
    _, packed = warcs
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(packed.read_bytes()[:-300])
    out = list(iter_warc(cut))
    assert isinstance(out[-1], InputError) and "record at offset" in str(out[-1])
    assert sum(isinstance(x, Article) for x in out) >= 2
    not_warc = tmp_path / "fake.warc"
    not_warc.write_text("hello, I am not a WARC file")
    (err,) = list(iter_warc(not_warc))
    assert isinstance(err, InputError) and "not a WARC file" in str(err)
    (err,) = list(iter_warc(tmp_path / "missing.warc.gz"))
    assert "cannot read" in str(err)


def test_ingest_a_folder_of_warcs(warcs, tmp_path):
    plain, packed = warcs
    broken = plain.with_name("zz-broken.warc")
    broken.write_bytes(plain.read_bytes()[:-200])
    db = tmp_path / "w.duckdb"
    with open_store(db) as store:
        report = ingest([str(plain.parent)], store)
        rows = list(store.query("SELECT source, position, url, title FROM articles ORDER BY seq").rows)
        errors = list(store.query("SELECT source, position, kind FROM errors").rows)
    # the same pages in the plain and the gzip file are the same content: stored once
    assert report.ingested == 3 and report.duplicates >= 3
    assert [r[2] for r in rows] == [f"https://news.example.id/{k}" for k in range(3)]
    assert all(r[0].endswith("crawl.warc") and r[1] > 0 for r in rows)
    assert errors and errors[0][0].endswith("zz-broken.warc") and errors[0][1] > 0
