"""Analysis dicts → columnar rows (Arrow tables) shaped like the store's tables.

This runs where the analysis runs (in the single process, or in each Dask worker), so that
the driver only moves finished columns into the database. Child rows refer to their article
by ``_i``, its index in the partition: the loader gives the final ``article_id`` (an id
may have to be made unique against the store) and ``seq`` when it commits the batch.

The schemas are explicit so that a partition that went through Parquet (the Dask runner)
loads exactly like one that did not (the single-process runner).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa

_HOST = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/]*@)?(?:www\d?\.)?([^/:?#]+)")

ARTICLES = pa.schema([
    ("_i", pa.int32()),
    ("id", pa.string()),
    ("content_hash", pa.string()),
    ("input_hash", pa.string()),
    ("source", pa.string()),
    ("position", pa.int64()),
    ("lang", pa.string()),
    ("published", pa.date32()),
    ("published_source", pa.string()),
    ("title", pa.string()),
    ("url", pa.string()),
    ("outlet", pa.string()),
    ("text", pa.string()),
    ("analysis", pa.string()),
    ("sig", pa.binary()),
    ("bands", pa.list_(pa.uint64())),
    ("anchors", pa.list_(pa.uint64())),
    ("lead", pa.string()),
])
ENTITIES = pa.schema([
    ("_i", pa.int32()), ("idx", pa.int32()), ("text", pa.string()), ("label", pa.string()),
    ("char_start", pa.int32()), ("char_end", pa.int32()), ("canonical", pa.string()),
    ("country", pa.string()), ("actor_id", pa.string()), ("sector", pa.string()),
    ("role", pa.string()), ("role_text", pa.string()), ("role_country", pa.string()),
    ("found_by", pa.string()), ("confidence", pa.float64()), ("slip", pa.string()),
])
QUOTES = pa.schema([
    ("_i", pa.int32()), ("idx", pa.int32()), ("speaker", pa.string()), ("speaker_id", pa.string()),
    ("text", pa.string()), ("kind", pa.string()), ("char_start", pa.int32()),
    ("char_end", pa.int32()), ("speaker_start", pa.int32()), ("speaker_end", pa.int32()),
    ("cue", pa.string()),
])
EVENTS = pa.schema([
    ("_i", pa.int32()), ("idx", pa.int32()), ("type", pa.string()), ("mode", pa.string()),
    ("modality", pa.string()), ("date", pa.string()), ("date_source", pa.string()),
    ("source_name", pa.string()), ("source_country", pa.string()),
    ("source_sector", pa.string()), ("source_actor_id", pa.string()),
    ("target_name", pa.string()), ("target_country", pa.string()),
    ("target_sector", pa.string()), ("target_actor_id", pa.string()),
    ("evidence", pa.string()), ("char_start", pa.int32()), ("char_end", pa.int32()),
    ("trigger", pa.string()), ("rule", pa.string()), ("cameo", pa.string()),
    ("goldstein", pa.float64()),
])
DATES = pa.schema([
    ("_i", pa.int32()), ("idx", pa.int32()), ("text", pa.string()), ("value", pa.string()),
    ("char_start", pa.int32()), ("char_end", pa.int32()), ("kind", pa.string()),
    ("conflict", pa.string()),
])
FLAGS = pa.schema([
    ("_i", pa.int32()), ("idx", pa.int32()), ("kind", pa.string()), ("message", pa.string()),
    ("evidence", pa.string()), ("confidence", pa.float64()),
])
ERRORS = pa.schema([
    ("error_key", pa.string()), ("source", pa.string()), ("position", pa.int64()),
    ("kind", pa.string()), ("message", pa.string()), ("article_id", pa.string()),
    ("stage", pa.string()),
])
SCHEMAS: dict[str, pa.Schema] = {
    "articles": ARTICLES, "entities": ENTITIES, "quotes": QUOTES, "events": EVENTS,
    "dates": DATES, "flags": FLAGS, "errors": ERRORS,
}


def content_hash(text: str, url: str | None = None, title: str | None = None) -> str:
    """The dedupe key: the same url, title and text (spaces collapsed) is the same article."""
    h = hashlib.blake2b(digest_size=16)
    h.update((url or "").encode())
    h.update(b"\x00")
    h.update((title or "").encode())
    h.update(b"\x00")
    h.update(" ".join(text.split()).encode())
    return h.hexdigest()


def raw_hash(payload: str, url: str | None = None) -> str:
    """The hash of an input record before extraction (HTML pages)."""
    h = hashlib.blake2b(digest_size=16, person=b"warta-raw")
    h.update((url or "").encode())
    h.update(b"\x00")
    h.update(payload.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def error_key(kind: str, source: str | None, position: int | None, article_id: str | None,
              message: str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in (kind, source or "", str(position if position is not None else ""),
                 article_id or "", message):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def outlet_of(url: str | None, source: str | None) -> str | None:
    """Who published it: the url's host without www., else the input file's name."""
    if url:
        m = _HOST.match(url.strip())
        if m:
            return m[1].lower()
    return Path(source).name if source else None


def _day(value: Any) -> date | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None



# The analysis column's encoder, made once (``json.dumps`` with options builds one a call).
# An analysis dict is a tree (built by ``as_dict``), so the check for reference cycles is
# skipped: the text is the same, written faster.
_ANALYSIS_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"),
                                  check_circular=False)


def _evidence_json(flag: dict[str, Any]) -> str:
    return json.dumps(flag.get("evidence") or {}, ensure_ascii=False, default=str)


# Where each column of a child table comes from in the analysis dict: a key of the item,
# (key, key) inside a nested dict, or a function of the item.
Source = str | tuple[str, str] | Callable[[dict[str, Any]], Any]
CHILDREN: dict[str, tuple[tuple[str, Source], ...]] = {
    "entities": (("text", "text"), ("label", "label"), ("char_start", "start"),
                 ("char_end", "end"), ("canonical", "canonical"), ("country", "country"),
                 ("actor_id", "actor_id"), ("sector", "sector"), ("role", ("role", "role")),
                 ("role_text", ("role", "text")), ("role_country", ("role", "country")),
                 ("found_by", "source"), ("confidence", "confidence"), ("slip", "slip")),
    "quotes": (("speaker", "speaker"), ("speaker_id", "speaker_id"), ("text", "text"),
               ("kind", "kind"), ("char_start", "start"), ("char_end", "end"),
               ("speaker_start", "speaker_start"), ("speaker_end", "speaker_end"),
               ("cue", "cue")),
    "events": (("type", "type"), ("mode", "mode"), ("modality", "modality"), ("date", "date"),
               ("date_source", "date_source"),
               *((f"{side}_{col}", (side, key)) for side in ("source", "target")
                 for col, key in (("name", "name"), ("country", "country"),
                                  ("sector", "sector"), ("actor_id", "actor_id"))),
               ("evidence", "evidence"), ("char_start", "start"), ("char_end", "end"),
               ("trigger", "trigger"), ("rule", "rule"), ("cameo", "cameo"),
               ("goldstein", "goldstein")),
    "dates": (("text", "text"), ("value", "value"), ("char_start", "start"), ("char_end", "end"),
              ("kind", "kind"), ("conflict", "conflict")),
    "flags": (("kind", "kind"), ("message", "message"), ("evidence", _evidence_json),
              ("confidence", "confidence")),
}

@dataclass
class RowBuilder:
    """Collects the rows of one partition, column by column."""

    cols: dict[str, dict[str, list[Any]]] = field(default_factory=lambda: {
        name: {f.name: [] for f in schema} for name, schema in SCHEMAS.items()
    })

    def add_error(self, err: Any, *, position: int | None = None) -> None:
        """Record a WartaError (an input that could not be read, or an article that failed)."""
        kind = type(err).__name__
        message = getattr(err, "message", str(err))
        source = getattr(err, "source", None)
        if position is None:
            position = getattr(err, "offset", None)
            if position is None:
                position = getattr(err, "line", None)
        aid = getattr(err, "article_id", None)
        c = self.cols["errors"]
        c["error_key"].append(error_key(kind, source, position, aid, message))
        c["source"].append(source)
        c["position"].append(position)
        c["kind"].append(kind)
        c["message"].append(message)
        c["article_id"].append(aid)
        c["stage"].append(getattr(err, "stage", None))

    def add_article(self, i: int, d: dict[str, Any], *, source: str | None, position: int | None,
                    input_hash: str | None, sig: bytes, bands: list[int], anchors: list[int],
                    lead: str) -> None:
        """One analysed article: its row and the rows of everything found in it."""
        text = d["text"]
        chash = content_hash(text, d.get("url"), d.get("title"))
        c = self.cols["articles"]
        c["_i"].append(i)
        c["id"].append(d["id"])
        c["content_hash"].append(chash)
        c["input_hash"].append(input_hash or chash)
        c["source"].append(source)
        c["position"].append(position)
        c["lang"].append(d.get("lang"))
        c["published"].append(_day(d.get("published")))
        c["published_source"].append(d.get("published_source"))
        c["title"].append(d.get("title"))
        c["url"].append(d.get("url"))
        c["outlet"].append(outlet_of(d.get("url"), source))
        c["text"].append(text)
        c["analysis"].append(_ANALYSIS_JSON.encode(
            {k: v for k, v in d.items() if k not in ("id", "text")}))
        c["sig"].append(sig)
        c["bands"].append(bands)
        c["anchors"].append(anchors)
        c["lead"].append(lead)

        for table in CHILDREN:  # each child table is named after its key in the analysis
            self._add_children(table, i, d.get(table) or ())

    def _add_children(self, table: str, i: int, items: Any) -> None:
        """The rows of one article's entities (quotes, …), column by column (see CHILDREN):
        one list comprehension a column rather than a type test a cell."""
        if not items:
            return
        if not isinstance(items, list):
            items = list(items)
        c = self.cols[table]
        n = len(items)
        c["_i"].extend([i] * n)
        c["idx"].extend(range(n))
        for col, how in CHILDREN[table]:
            out = c[col]
            if isinstance(how, str):
                out.extend([item.get(how) for item in items])
            elif isinstance(how, tuple):
                key, sub = how
                out.extend([(item.get(key) or {}).get(sub) for item in items])
            else:
                out.extend(map(how, items))

    def tables(self) -> dict[str, pa.Table]:
        return {name: pa.Table.from_pydict(cols, schema=SCHEMAS[name])
                for name, cols in self.cols.items()}
