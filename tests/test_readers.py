"""Inputs, and every kind of bad input the issue names: each gets a one-line error naming the
file and line, and the good articles around it are still read."""

from __future__ import annotations

import gzip
import io
import json

from warta.doc import Article
from warta.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    NoArticleBodyError,
    RecordError,
    TooLargeError,
)
from warta.io.readers import iter_articles, iter_stdin

PAGE = """<!doctype html><html><head><title>Menlu bertemu mitra</title>
<meta property="article:published_time" content="2019-04-02T10:00:00+07:00"></head>
<body><nav><a href="/">Beranda</a> <a href="/politik">Politik</a></nav>
<article><h1>Menlu bertemu mitra</h1>
<p>Menteri Luar Negeri bertemu dengan mitranya dari negara tetangga di Jakarta pada Selasa untuk
membahas kerja sama perdagangan dan keamanan laut di kawasan.</p>
<p>"Kami sepakat memperkuat kerja sama," kata menteri itu kepada wartawan seusai pertemuan yang
berlangsung lebih dari dua jam di gedung kementerian.</p>
<p>Kedua pihak juga membahas rencana latihan bersama dan pertukaran pelajar pada tahun depan.</p>
</article><footer>Hak cipta dilindungi undang-undang. Kebijakan privasi.</footer></body></html>"""


def one(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_plain_text_file(tmp_path):
    p = tmp_path / "berita.txt"
    p.write_text("Presiden tiba di Jakarta.", encoding="utf-8")
    art = one(iter_articles([str(p)]))
    assert isinstance(art, Article) and art.id == "berita" and art.text == "Presiden tiba di Jakarta."


def test_html_page_main_text_title_and_date(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    art = one(iter_articles([str(p)]))
    assert isinstance(art, Article)
    assert "kerja sama perdagangan" in art.text
    assert "Beranda" not in art.text and "Kebijakan privasi" not in art.text
    assert art.title == "Menlu bertemu mitra"
    assert art.published == "2019-04-02" and art.published_source == "html"


def test_html_without_body(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><head><title>x</title></head><body><nav>Menu</nav></body></html>", encoding="utf-8")
    err = one(iter_articles([str(p)]))
    assert isinstance(err, NoArticleBodyError)
    assert str(err).startswith(str(p)) and "no article body" in str(err)


def test_jsonl_good_and_bad_lines_in_order(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_bytes(
        b'{"id": "a", "text": "Satu.", "published": "2020-01-05", "lang": "id"}\n'
        b"not json\n"
        b'{"id": "c"}\n'
        b"\n"
        b'{"id": "d", "text": "Dua.", "published": "5 Jan 2020"}\n'
        b'[1, 2]\n'
        b'{"id": "f", "text": "Ti\xff"}\n'
        b'{"id": "g", "text": "Tiga.", "url": "https://x.test/3"}\n'
    )
    out = list(iter_articles([str(p)]))
    kinds = [type(o).__name__ for o in out]
    assert kinds == ["Article", "RecordError", "RecordError", "RecordError", "RecordError",
                     "EncodingError", "Article"]
    assert out[0].published == "2020-01-05" and out[0].lang == "id"
    assert str(out[1]) == f"{p}:2: not valid JSON (Expecting value at column 1)"
    assert str(out[2]) == f"{p}:3, article c: missing field 'text'"
    assert "published" in str(out[3]) and f"{p}:5" in str(out[3])
    assert f"{p}:6" in str(out[4]) and "JSON object" in str(out[4])
    assert f"{p}:7" in str(out[5]) and "UTF-8" in str(out[5])
    assert out[6].id == "g" and out[6].url == "https://x.test/3"


def test_jsonl_gz_and_missing_id(tmp_path):
    p = tmp_path / "in.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": "Presiden tiba."}) + "\n")
    art = one(iter_articles([str(p)]))
    assert art.id == "in.jsonl.gz:1"


def test_truncated_gzip_reports_and_keeps_what_came_before(tmp_path):
    p = tmp_path / "cut.jsonl.gz"
    lines = "".join(json.dumps({"id": str(i), "text": f"Berita {i}." * 50}) + "\n" for i in range(200))
    data = gzip.compress(lines.encode())
    p.write_bytes(data[: len(data) // 2])
    out = list(iter_articles([str(p)]))
    assert isinstance(out[-1], InputError) and "cannot read further" in str(out[-1])
    assert sum(isinstance(o, Article) for o in out) > 10


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    err = one(iter_articles([str(p)]))
    assert isinstance(err, EmptyInputError) and str(err) == f"{p}: the input is empty"


def test_binary_file(tmp_path):
    p = tmp_path / "scan.txt"
    p.write_bytes(b"%PDF-1.7\n\x00\x01\x02 binary")
    err = one(iter_articles([str(p)]))
    assert isinstance(err, BinaryInputError) and "PDF" in str(err)
    q = tmp_path / "blob"
    q.write_bytes(bytes(range(256)) * 10)
    assert isinstance(one(iter_articles([str(q)])), BinaryInputError)


def test_invalid_utf8_and_the_encoding_option(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Pr\u00e9sident tiba di Jakarta.".encode("cp1252"))
    err = one(iter_articles([str(p)]))
    assert isinstance(err, EncodingError)
    assert "not valid UTF-8 (byte 0xe9 at offset 2)" in str(err) and "--encoding" in str(err)
    art = one(iter_articles([str(p)], encoding="cp1252"))
    assert art.text.startswith("Pr\u00e9sident")


def test_file_over_the_size_limit_is_refused_without_reading_it(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:  # 100 MB, sparse: the reader must refuse it by size alone
        fh.truncate(100 * 1024 * 1024)
    err = one(iter_articles([str(p)]))
    assert isinstance(err, TooLargeError) and "104.9 MB" in str(err) and ".jsonl" in str(err)


def test_large_jsonl_streams_and_one_oversized_record_is_refused(tmp_path):
    p = tmp_path / "big.jsonl"
    with open(p, "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "ok1", "text": "Presiden tiba."}) + "\n")
        fh.write(json.dumps({"id": "big", "text": "x" * 2_000_000}) + "\n")
        fh.write(json.dumps({"id": "ok2", "text": "Menteri pulang."}) + "\n")
    out = list(iter_articles([str(p)], max_bytes=1_000_000))
    assert [type(o).__name__ for o in out] == ["Article", "TooLargeError", "Article"]
    assert f"{p}:2" in str(out[1])


def test_missing_file_and_folder(tmp_path):
    err = one(iter_articles([str(tmp_path / "nope.txt")]))
    assert isinstance(err, InputError) and "no such file" in str(err)
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Satu.", encoding="utf-8")
    (tmp_path / "a" / "b").mkdir()
    (tmp_path / "a" / "b" / "y.txt").write_text("Dua.", encoding="utf-8")
    (tmp_path / "a" / "ignored.png").write_bytes(b"\x89PNG")
    arts = list(iter_articles([str(tmp_path / "a")]))
    assert sorted(a.id for a in arts) == ["x", "y"]


def test_stdin_text_and_jsonl():
    art = one(iter_stdin(stream=io.BytesIO(b"Presiden tiba di Jakarta.")))
    assert art.id == "stdin" and art.source == "<stdin>"
    out = list(iter_stdin(stream=io.BytesIO(b'{"id":"s1","text":"Satu."}\n{"id":"s2"}\n')))
    assert isinstance(out[0], Article) and isinstance(out[1], RecordError)
    assert str(out[1]) == "<stdin>:2, article s2: missing field 'text'"
