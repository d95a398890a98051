"""Turn inputs into Article records — or into errors that say exactly what is wrong and where.

Every reader yields ``Article | InputError`` so that one bad record never hides the good
ones around it: the caller analyses the articles and reports the errors, in input order.

Formats: plain text (one article per file), HTML (main text, title and date extracted by
trafilatura; boilerplate dropped), JSON Lines (``id``, ``text`` and optional ``published``,
``url``, ``title``, ``lang``; or ``html`` instead of ``text``), each possibly gzip-compressed,
from a path, a folder (recursively) or standard input.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..doc import Article
from ..errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    NoArticleBodyError,
    RecordError,
    TooLargeError,
)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Fewer words than this after boilerplate removal is a menu or a stub, not an article.
MIN_BODY_WORDS = 8
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?$")
# File signatures of common binary formats, to name them in the error message.
MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x7fELF": "an executable",
    b"\x1f\x8b": "gzip-compressed data",
    b"BZh": "bzip2-compressed data",
}


def _looks_binary(head: bytes) -> str | None:
    """A description of the binary format if ``head`` is not text, else None."""
    for sig, what in MAGIC.items():
        if head.startswith(sig):
            return what
    if b"\x00" in head:
        return "binary data (it contains NUL bytes)"
    if head:
        controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
        if controls / len(head) > 0.1:
            return "binary data"
    return None


# Control bytes that do not occur in text (tab, newlines, form feed and carriage return do).
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or b > 13)


def read_text_bytes(data: bytes, source: str, *, encoding: str | None = None, line: int | None = None) -> str:
    """Decode ``data`` as text, or raise a precise InputError."""
    what = _looks_binary(data[:8192])
    if what:
        raise BinaryInputError(f"not a text file: {what}", source=source, line=line)
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as err:
            raise EncodingError(f"cannot decode as {encoding}: {err}", source=source, line=line) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        raise EncodingError(
            f"not valid UTF-8 (byte 0x{bad} at offset {err.start}); "
            "give --encoding (e.g. cp1252) if the file uses a legacy encoding",
            source=source,
            line=line,
        ) from None


def check_date(value: Any, source: str, line: int | None, field: str = "published") -> str | None:
    """Accept ISO dates (a time part is dropped); anything else is a RecordError."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise RecordError(f"field {field!r} must be an ISO date string, got {type(value).__name__}",
                          source=source, line=line)
    m = _ISO_DATE.match(value.strip())
    if not m:
        raise RecordError(f"field {field!r} is not an ISO date (YYYY-MM-DD): {value[:40]!r}",
                          source=source, line=line)
    from datetime import date

    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        raise RecordError(f"field {field!r} is not a real date: {value[:40]!r}",
                          source=source, line=line) from None


def read_html(html: str, *, id: str, source: str, url: str | None = None, line: int | None = None) -> Article:
    """Main text, title and publication date of an HTML page (boilerplate dropped)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True,
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < MIN_BODY_WORDS:
        raise NoArticleBodyError("the HTML page has no article body to analyse", source=source, line=line)
    published = getattr(doc, "date", None)
    art = Article(
        id=id,
        text=text,
        title=getattr(doc, "title", None),
        url=url or getattr(doc, "url", None),
        source=source,
        line=line,
    )
    if published:
        try:
            art.published = check_date(published, source, line)
            art.published_source = "html"
        except RecordError:
            pass  # an unreadable page date is no reason to refuse the page
    return art


def _sniff(text_head: str) -> str:
    head = text_head.lstrip()[:512].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("<!doctype html") or head.startswith("<html") or (
        head.startswith("<") and ("<body" in head or "<head" in head or "<p" in head or "<div" in head)
    ):
        return "html"
    return "text"


def _format_of(path: Path, head: bytes) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    suffix = suffixes[-1] if suffixes else ""
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return _sniff(head.decode("utf-8", "replace"))


def _open(path: Path) -> BinaryIO:
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def iter_jsonl(stream: BinaryIO, source: str, *, encoding: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputError]:
    """One Article (or error) per non-blank line; streams, so any file size works."""
    lineno = 0
    try:
        for raw in stream:
            lineno += 1
            if not raw.strip():
                continue
            try:
                yield record_to_article(raw, source, lineno, encoding=encoding, max_bytes=max_bytes)
            except InputError as err:
                yield err
    except (OSError, EOFError, gzip.BadGzipFile) as err:  # truncated or corrupt compression
        yield InputError(f"cannot read further: {err}", source=source, line=lineno + 1)


def record_to_article(raw: bytes | str, source: str, lineno: int, *, encoding: str | None = None,
                      max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    if len(raw) > max_bytes:
        raise TooLargeError(f"record is {len(raw) / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit",
                            source=source, line=lineno)
    text = raw if isinstance(raw, str) else read_text_bytes(raw, source, encoding=encoding, line=lineno)
    try:
        rec = json.loads(text)
    except json.JSONDecodeError as err:
        raise RecordError(f"not valid JSON ({err.msg} at column {err.colno})", source=source, line=lineno) from None
    if not isinstance(rec, dict):
        raise RecordError(f"a record must be a JSON object, got {type(rec).__name__}", source=source, line=lineno)
    rid = rec.get("id")
    rid = str(rid) if rid not in (None, "") else f"{Path(source).name}:{lineno}"
    for field in ("title", "url", "lang"):
        if rec.get(field) is not None and not isinstance(rec[field], str):
            raise RecordError(f"field {field!r} must be a string", source=source, line=lineno, article_id=rid)
    published = check_date(rec.get("published"), source, lineno)
    body = rec.get("text")
    if body is None and isinstance(rec.get("html"), str):
        art = read_html(rec["html"], id=rid, source=source, url=rec.get("url"), line=lineno)
        if published:
            art.published, art.published_source = published, "input"
        art.lang = rec.get("lang") or None
        art.title = rec.get("title") or art.title
        return art
    if body is None:
        raise RecordError("missing field 'text'", source=source, line=lineno, article_id=rid)
    if not isinstance(body, str):
        raise RecordError(f"field 'text' must be a string, got {type(body).__name__}",
                          source=source, line=lineno, article_id=rid)
    if not body.strip():
        raise EmptyInputError("field 'text' is empty", source=source, line=lineno, article_id=rid)
    return Article(
        id=rid, text=body, published=published, published_source="input" if published else None,
        url=rec.get("url"), title=rec.get("title"), lang=rec.get("lang") or None,
        source=source, line=lineno,
    )


def _whole(data: bytes, fmt: str, source: str, id: str, *, encoding: str | None) -> Article:
    if not data.strip():
        raise EmptyInputError("the input is empty", source=source)
    text = read_text_bytes(data, source, encoding=encoding)
    if not text.strip():
        raise EmptyInputError("the input has no text", source=source)
    if fmt == "html":
        return read_html(text, id=id, source=source)
    return Article(id=id, text=text, source=source)


def iter_path(path: Path, *, fmt: str = "auto", encoding: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputError]:
    source = str(path)
    try:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _known(p))
            if not files:
                yield InputError("the folder holds no .txt, .html or .jsonl files", source=source)
            for p in files:
                yield from iter_path(p, fmt=fmt, encoding=encoding, max_bytes=max_bytes)
            return
        if not path.exists():
            yield InputError("no such file", source=source)
            return
        with _open(path) as fh:
            head = fh.read(4096)
            kind = fmt if fmt != "auto" else _format_of(path, head)
            if kind == "jsonl":
                rest = io.BufferedReader(_Chain(head, fh))  # type: ignore[arg-type]
                yield from iter_jsonl(rest, source, encoding=encoding, max_bytes=max_bytes)
                return
            size = path.stat().st_size if path.suffix.lower() != ".gz" else None
            if size is not None and size > max_bytes:
                yield TooLargeError(
                    f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit for one article; "
                    "split it, or put articles one per line in a .jsonl file",
                    source=source,
                )
                return
            data = head + fh.read(max_bytes + 1 - len(head))
            if len(data) > max_bytes:
                yield TooLargeError(f"over the {max_bytes / 1e6:.0f} MB limit for one article", source=source)
                return
        yield _whole(data, kind, source, path.name.split(".")[0] or path.name, encoding=encoding)
    except InputError as err:
        yield err
    except (OSError, EOFError, gzip.BadGzipFile) as err:
        yield InputError(f"cannot read: {err.strerror if isinstance(err, OSError) and err.strerror else err}",
                         source=source)


def _known(p: Path) -> bool:
    suffixes = [s.lower() for s in p.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return bool(suffixes) and suffixes[-1] in KNOWN_SUFFIXES


class _Chain(io.RawIOBase):
    """A readable stream of ``head`` followed by the rest of ``fh`` (after sniffing)."""

    def __init__(self, head: bytes, fh: BinaryIO) -> None:
        self.head, self.fh = head, fh

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self.head:
            n = min(len(b), len(self.head))
            b[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        chunk = self.fh.read(len(b))
        b[: len(chunk)] = chunk
        return len(chunk)


def iter_stdin(*, fmt: str = "auto", encoding: str | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES, stream: BinaryIO | None = None) -> Iterator[Article | InputError]:
    stream = stream or sys.stdin.buffer
    head = stream.read(4096)
    kind = fmt if fmt != "auto" else _sniff(head.decode("utf-8", "replace"))
    if kind == "jsonl":
        yield from iter_jsonl(io.BufferedReader(_Chain(head, stream)), "<stdin>",  # type: ignore[arg-type]
                              encoding=encoding, max_bytes=max_bytes)
        return
    data = head + stream.read(max_bytes + 1 - len(head))
    if len(data) > max_bytes:
        yield TooLargeError(f"over the {max_bytes / 1e6:.0f} MB limit for one article", source="<stdin>")
        return
    try:
        yield _whole(data, kind, "<stdin>", "stdin", encoding=encoding)
    except InputError as err:
        yield err


def iter_articles(paths: Iterable[str], *, fmt: str = "auto", encoding: str | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputError]:
    """Articles (or errors) from each path in turn; "-" is standard input."""
    for p in paths:
        if p == "-":
            yield from iter_stdin(fmt=fmt, encoding=encoding, max_bytes=max_bytes)
        else:
            yield from iter_path(Path(os.path.expanduser(p)), fmt=fmt, encoding=encoding, max_bytes=max_bytes)
