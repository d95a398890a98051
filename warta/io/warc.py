"""Read news pages out of WARC files (``.warc``, ``.warc.gz``), the format news crawls publish.

Each ``response`` (or ``resource``) record holding an HTML page becomes an Article through
:func:`warta.io.readers.read_html`: the url comes from ``WARC-Target-URI``, the id from
``WARC-Record-ID`` (else a hash of the url), and the position is the byte offset of the
record in the file (of its gzip member for ``.warc.gz``), so that an analyst can cut the
record out again with ``dd``/``warcio extract``.

Records that are not pages (requests, metadata, images, scripts, redirects, errors) are
skipped without a word: a crawl holds many of them and none is an article. A record that
cannot be parsed becomes an :class:`InputError` naming the file and the record offset, and
reading goes on from the next record boundary that can be found (a ``WARC/1.x`` line for a
plain file, the next gzip member for a compressed one).

Two entry points:

- :func:`iter_warc` yields ``Article | InputError`` like every reader in ``readers.py``;
- :func:`iter_warc_records` yields ``HtmlRecord | InputError`` with the HTML not yet
  extracted, so that a corpus run can do the (slow) extraction in its workers.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..doc import Article
from ..errors import BinaryInputError, InputError, TooLargeError
from .readers import DEFAULT_MAX_BYTES, read_html

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_PAGE_TYPES = {"response", "resource"}
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(rb"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.I)
_WARC_LINE = re.compile(rb"(?:^|\r?\n)(WARC/1\.[01]\r?\n)")
_GZIP_MAGIC = b"\x1f\x8b\x08"
# How far to look for the next record boundary after a broken one.
_RESYNC_WINDOW = 64 * 1024 * 1024


@dataclass(slots=True)
class HtmlRecord:
    """An HTML page cut out of a WARC record, before text extraction."""

    html: str
    id: str
    url: str | None
    source: str
    offset: int

    def to_article(self) -> Article:
        """Extract the article (raises NoArticleBodyError for pages without a body)."""
        try:
            art = read_html(self.html, id=self.id, source=self.source, url=self.url)
        except InputError as err:
            err.message = f"record at offset {self.offset}: {err.message}"
            err.offset = self.offset  # type: ignore[attr-defined]
            err.article_id = err.article_id or self.id
            raise
        art.extras["offset"] = self.offset
        return art


def is_warc(path: str | Path) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def record_error(message: str, source: str, offset: int, *, cls: type[InputError] = InputError,
                 article_id: str | None = None) -> InputError:
    """An InputError that names the record offset (kept as ``err.offset`` for the store)."""
    err = cls(f"record at offset {offset}: {message}", source=source, article_id=article_id)
    err.offset = offset  # type: ignore[attr-defined]
    return err


def iter_warc(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | InputError]:
    """Articles (or errors) of the HTML pages in a WARC file, in file order."""
    for rec in iter_warc_records(path, max_bytes=max_bytes):
        if isinstance(rec, InputError):
            yield rec
            continue
        try:
            yield rec.to_article()
        except InputError as err:
            yield err


def iter_warc_records(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES
                      ) -> Iterator[HtmlRecord | InputError]:
    """The HTML pages of a WARC file (not yet extracted), or errors naming the record offset."""
    path = Path(path)
    source = str(path)
    try:
        fh = open(path, "rb")
    except OSError as err:
        yield InputError(f"cannot read: {err.strerror or err}", source=source)
        return
    with fh:
        head = fh.read(4)
        fh.seek(0)
        if not head:
            yield InputError("the WARC file is empty", source=source)
            return
        compressed = head.startswith(_GZIP_MAGIC[:2])
        if not compressed and not head.startswith(b"WARC"):
            yield InputError("not a WARC file (it does not start with a WARC/1.x record)",
                             source=source)
            return
        base = 0
        while True:
            fh.seek(base)
            bad_at = yield from _records_from(fh, base, source, max_bytes)
            if bad_at is None:
                return
            nxt = _resync(fh, bad_at + 1, compressed)
            if nxt is None:
                return
            base = nxt


def _records_from(fh: BinaryIO, base: int, source: str, max_bytes: int
                  ) -> Generator[HtmlRecord | InputError, None, int | None]:
    """Records from ``base`` on; returns the offset of a broken record, or None at the end."""
    from warcio.archiveiterator import ArchiveIterator

    it = ArchiveIterator(fh, no_record_parse=False, arc2warc=True)
    offset = base  # warcio's offsets are absolute: it starts from fh.tell()
    last: int | None = None
    try:
        for record in it:
            offset = last = it.offset
            try:
                item: HtmlRecord | InputError | None = _page_of(record, source, offset, max_bytes)
            except InputError as err:
                item = err
            it.read_to_end(record)
            if getattr(record.raw_stream, "limit", 0) > 0:
                # warcio stops quietly where a cut file ends: the record is incomplete
                yield record_error("truncated WARC record (the file ends inside it)", source, offset)
                return None
            if item is not None:
                yield item
    except Exception as err:  # noqa: BLE001 - warcio fails in many ways on broken input
        # (ArchiveLoadFailed, zlib.error, EOFError, even AttributeError on a cut header);
        # it.offset still points at the record that could not be read.
        offset = getattr(it, "offset", offset)
        yield record_error(_describe(err), source, offset)
        return offset
    end = getattr(it, "offset", None)
    if end is not None and _leftover(fh, end):
        yield record_error("truncated WARC record (the file ends inside it)", source, end)
    elif last is not None and not _complete(fh, last):
        yield record_error("truncated WARC record (the file ends inside it)", source, last)
    return None


def _leftover(fh: BinaryIO, end: int) -> bool:
    """Bytes after the last whole record: the start of one the file cut off."""
    fh.seek(end)
    return bool(fh.read(4096).strip(b"\r\n \t\x00"))


def _complete(fh: BinaryIO, offset: int) -> bool:
    """Whether the last record, at ``offset``, is whole (warcio reads a cut one quietly)."""
    fh.seek(0, 2)
    size = fh.tell()
    fh.seek(offset)
    data = fh.read(min(size - offset, _RESYNC_WINDOW))
    if data.startswith(_GZIP_MAGIC):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            d.decompress(data)
        except zlib.error:
            return False
        return d.eof
    head_end = data.find(b"\r\n\r\n")
    m = re.search(rb"(?im)^content-length:\s*(\d+)", data[: max(head_end, 0)])
    if head_end < 0 or not m:
        return head_end >= 0
    return len(data) >= head_end + 4 + int(m[1])


def _describe(err: Exception) -> str:
    """One printable line for a parse failure."""
    from warcio.exceptions import ArchiveLoadFailed

    if isinstance(err, ArchiveLoadFailed | zlib.error):
        first = (str(err).strip().splitlines() or [type(err).__name__])[0]
        first = "".join(c if c.isprintable() else "?" for c in first)
        return f"malformed WARC record ({first[:120]})"
    return f"truncated or corrupt WARC record ({type(err).__name__})"


def _page_of(record, source: str, offset: int, max_bytes: int) -> HtmlRecord | None:  # noqa: ANN001
    if record.rec_type not in _PAGE_TYPES:
        return None
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI") or None
    rid = (headers.get_header("WARC-Record-ID") or "").strip("<> ")
    if not rid:
        rid = "url-" + hashlib.sha1((url or str(offset)).encode()).hexdigest()[:16]
    http = record.http_headers
    if record.rec_type == "response":
        if http is None:
            return None
        status = http.get_statuscode()
        if status and not status.startswith("2"):
            return None  # redirects, 404s: no article there
        ctype = http.get_header("Content-Type") or ""
    else:
        ctype = headers.get_header("Content-Type") or ""
    if ctype and ctype.lower().split(";")[0].strip() not in _HTML_TYPES:
        return None
    length = int(headers.get_header("Content-Length") or 0)
    if length > max_bytes:
        raise record_error(f"{length / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit",
                           source, offset, cls=TooLargeError, article_id=rid)
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        raise record_error(f"over the {max_bytes / 1e6:.0f} MB limit", source, offset,
                           cls=TooLargeError, article_id=rid)
    if b"\x00" in data[:4096]:
        raise record_error("the payload is binary, not HTML", source, offset,
                           cls=BinaryInputError, article_id=rid)
    return HtmlRecord(html=_decode(data, ctype), id=rid, url=url, source=source, offset=offset)


def _decode(data: bytes, ctype: str) -> str:
    """Web pages declare their charset (or lie about it): header, then <meta>, then UTF-8."""
    names = []
    m = _CHARSET.search(ctype.encode("latin-1", "replace"))
    if m:
        names.append(m[1].decode("ascii", "replace"))
    m = _CHARSET.search(data[:4096])
    if m:
        names.append(m[1].decode("ascii", "replace"))
    for name in [*names, "utf-8"]:
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", "replace")


def _resync(fh: BinaryIO, start: int, compressed: bool) -> int | None:
    """The offset of the next plausible record start at or after ``start``, if any."""
    fh.seek(start)
    window = fh.read(_RESYNC_WINDOW)
    if compressed:
        pos = window.find(_GZIP_MAGIC)
        while pos != -1:
            try:  # a real member decompresses to a WARC header
                d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                if d.decompress(window[pos : pos + 4096], 16).startswith(b"WARC/"):
                    return start + pos
            except zlib.error:
                pass
            pos = window.find(_GZIP_MAGIC, pos + 1)
        return None
    m = _WARC_LINE.search(window)
    return None if m is None else start + m.start(1)
