"""The corpus API: read-only queries over a Warta database (see warta/store/schema.sql).

Every query runs on a snapshot of the database (see :mod:`warta.web.db`), so an ingest can
write the file meanwhile. Every value from a request reaches SQL as a parameter; the only
text put into SQL is chosen from fixed fragments in this module. Events are counted once
per real-world event (the store's ``story_event_members`` view merges the reports of one
event across a story's articles), which is what an analyst means by "how many events".

Without a database every corpus route answers 503 with the usual error shape.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from fastapi import Depends, FastAPI, Query
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Send
from starlette.types import Scope as AsgiScope

from .db import CorpusDB
from .errors import ApiError

# The 16 PLOVER types, cooperative to conflictual (as warta.events.PLOVER_TYPES; a test pins
# the two together, so that serving a corpus does not need the event extractor loaded).
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
MODALITIES = ("asserted", "future", "hypothetical", "negated")
MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
MAX_WORDS = 12
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_COUNTRY = re.compile(r"[A-Za-z]{3}")
_LANG = re.compile(r"[a-z]{2,3}")
TOP_N = 15
MAX_BUCKETS = 2000
NETWORK_NODES = 30
NETWORK_EDGES = 120
ROLE_KEYS = ("role", "title", "country", "start", "end", "source")
UNITS = {"day": "day", "week": "week", "month": "month", "year": "year"}  # SQL literals


# ------------------------------------------------------------------------- parameters
@dataclass
class Where:
    """SQL conditions joined by AND, and their parameters in order."""

    sql: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, condition: str, *params: Any) -> None:
        self.sql.append(condition)
        self.params.extend(params)

    def between(self, column: str, start: Any, end: Any) -> None:
        """``column`` within [start, end]; either bound may be missing."""
        if start:
            self.add(f"{column} >= ?", start)
        if end:
            self.add(f"{column} <= ?", end)

    def clause(self, keyword: str = "WHERE") -> str:
        return f" {keyword} " + " AND ".join(self.sql) if self.sql else ""


class Problems:
    """Collects every bad parameter so that one 422 names them all."""

    def __init__(self) -> None:
        self.items: list[dict[str, str]] = []

    def add(self, name: str, problem: str) -> None:
        self.items.append({"field": name, "problem": problem})

    def raise_if_any(self) -> None:
        if self.items:
            first = self.items[0]
            raise ApiError(422, f"{first['field']}: {first['problem']}", details=self.items)


def _day(value: str | None, name: str, problems: Problems) -> date | None:
    if value is None or value == "":
        return None
    if not _ISO_DAY.fullmatch(value):
        problems.add(name, f"not a date in the form YYYY-MM-DD: {value[:40]!r}")
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.add(name, f"no such day: {value!r}")
        return None


@dataclass
class Scope:
    """The filters most routes share: a date range and a country."""

    start: date | None
    end: date | None
    country: str | None


def scope_params(
    from_: str | None = Query(None, alias="from", max_length=40,
                              description="first day, YYYY-MM-DD (inclusive)"),
    to: str | None = Query(None, max_length=40, description="last day, YYYY-MM-DD (inclusive)"),
    country: str | None = Query(None, max_length=40,
                                description="ISO 3166 alpha-3 code of a side's country (IDN)"),
) -> Scope:
    problems = Problems()
    start, end = _day(from_, "from", problems), _day(to, "to", problems)
    if start and end and start > end:
        problems.add("to", f"the range ends ({end}) before it starts ({start})")
    code = None
    if country:
        if not _COUNTRY.fullmatch(country):
            problems.add("country", f"not a three-letter ISO 3166 code: {country[:40]!r}")
        else:
            code = country.upper()
    problems.raise_if_any()
    return Scope(start, end, code)


@dataclass
class Page:
    limit: int
    offset: int


def page_params(limit: int = Query(50, ge=1, le=MAX_LIMIT, description="items per page"),
                offset: int = Query(0, ge=0, le=MAX_OFFSET, description="items to skip")) -> Page:
    return Page(limit, offset)


def _contains(text: str) -> str:
    """An ILIKE pattern (ESCAPE '\\') matching ``text`` anywhere, %, _ and \\ taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _like(words: str) -> list[str]:
    """One ILIKE pattern for each word (at most MAX_WORDS)."""
    return [_contains(w) for w in words.split()[:MAX_WORDS]]


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


# ------------------------------------------------------------------------- shapes
ARTICLE_COLUMNS = """
    a.id, a.title, a.published, a.lang, a.url, a.outlet, a.cluster_id,
    TRY_CAST(a.analysis->>'$.trust.stale_score' AS DOUBLE) AS stale_score,
    (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n_events,
    (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS n_quotes
"""
ARTICLE_ORDER = "a.published DESC NULLS LAST, a.seq DESC"


def _article(row: tuple[Any, ...]) -> dict[str, Any]:
    keys = ("id", "title", "published", "lang", "url", "outlet", "cluster_id", "stale_score",
            "n_events", "n_quotes")
    d = dict(zip(keys, row, strict=True))
    d["published"] = _iso(d["published"])
    d["stale_score"] = d["stale_score"] or 0.0
    return d


def _side(name: Any, country: Any, actor_id: Any, sector: Any) -> dict[str, Any] | None:
    if name is None and actor_id is None and country is None:
        return None
    return {"name": name or actor_id or country, "country": country, "actor_id": actor_id,
            "sector": sector}


# The reports of one real-world event are merged (see the store's story_event_members):
# the first report speaks for the event, with how many reports, articles and outlets.
STORY_EVENTS = """
WITH m AS MATERIALIZED (
    SELECT * FROM story_event_members{pre}
), s AS (
    SELECT story_event_id, count(*) AS n_mentions, count(DISTINCT article_id) AS n_articles,
           list(DISTINCT outlet ORDER BY outlet) FILTER (WHERE outlet IS NOT NULL) AS sources,
           min(day) AS date_first, max(day) AS date_last
    FROM m GROUP BY story_event_id
)
SELECT m.story_event_id, m.article_id, m.type, m.mode, m.modality, m.date, m.date_source,
       m.source_actor_name, m.source_country, m.source_actor_id, m.source_sector,
       m.target_actor_name, m.target_country, m.target_actor_id, m.target_sector,
       m.evidence, s.n_mentions, s.n_articles, s.sources, s.date_first, s.date_last,
       m.cluster_id, count(*) OVER () AS total
FROM m JOIN s USING (story_event_id)
WHERE m.event_id = m.story_event_id{post}
ORDER BY s.date_first DESC NULLS LAST, m.seq DESC, m.idx
LIMIT ? OFFSET ?
"""


def _event(row: tuple[Any, ...]) -> dict[str, Any]:
    (eid, aid, typ, mode, modality, day, day_source, sn, sc, sa, ss, tn, tc, ta, ts, evidence,
     n_mentions, n_articles, sources, first, last, cluster_id, _total) = row
    return {
        "id": eid, "article_id": aid, "type": typ, "mode": mode, "modality": modality,
        "date": day or _iso(first), "date_source": day_source if day else ("report" if first else None),
        "source": _side(sn, sc, sa, ss), "target": _side(tn, tc, ta, ts),
        "evidence": evidence, "mentions": n_mentions, "articles": n_articles,
        "sources": sources or [], "first_day": _iso(first), "last_day": _iso(last),
        "cluster_id": cluster_id,
    }


def story_events(cur: Any, pre: Where, post: Where, page: Page) -> tuple[int, list[dict[str, Any]]]:
    """Merged events matching ``pre`` (on report rows) and ``post`` (on the merged ones)."""
    sql = STORY_EVENTS.format(pre=pre.clause(), post=post.clause("AND"))
    rows = cur.execute(sql, [*pre.params, *post.params, page.limit, page.offset]).fetchall()
    if rows:
        total = int(rows[0][-1])
    elif page.offset:  # past the end: count without the page
        count_sql = sql.replace("LIMIT ? OFFSET ?", "LIMIT 1")
        again = cur.execute(count_sql, [*pre.params, *post.params]).fetchall()
        total = int(again[0][-1]) if again else 0
    else:
        total = 0
    return total, [_event(r) for r in rows]


def _scope_story(scope: Scope, pre: Where, post: Where) -> None:
    if scope.country:
        pre.add("(source_country = ? OR target_country = ?)", scope.country, scope.country)
    post.between("s.date_first", scope.start, scope.end)


def _scalar(cur: Any, sql: str, params: list[Any]) -> Any:
    row = cur.execute(sql, params).fetchone()
    return row[0] if row else None


def _quote_rows(cur: Any, where: Where, page: Page) -> tuple[int, list[dict[str, Any]]]:
    base = f"FROM quotes q JOIN articles a ON a.id = q.article_id{where.clause()}"
    total = _scalar(cur, f"SELECT count(*) {base}", where.params)
    rows = cur.execute(
        f"SELECT q.article_id, q.speaker, q.speaker_id, q.text, q.kind, a.published, a.title "
        f"{base} ORDER BY {ARTICLE_ORDER}, q.idx LIMIT ? OFFSET ?",
        [*where.params, page.limit, page.offset]).fetchall()
    keys = ("article_id", "speaker", "speaker_id", "text", "kind", "published", "title")
    items = [dict(zip(keys, r, strict=True)) for r in rows]
    for it in items:
        it["published"] = _iso(it["published"])
    return int(total), items


# ------------------------------------------------------------------------- the cache
class CorpusCache:
    """Answer a corpus GET from memory when the same URL was answered on the same snapshot.

    Snapshots never change, so a 200 answer holds until the next one is in service; the
    page asks the same few questions again and again (every visit to the corpus view)."""

    def __init__(self, app: ASGIApp, corpus: CorpusDB | None) -> None:
        self.app, self.corpus = app, corpus
        # Questions being answered now: the same question meanwhile waits for that answer
        # rather than running the same query again (twenty at once, when a page loads).
        self.in_flight: dict[tuple[int, str], asyncio.Event] = {}

    async def __call__(self, scope: AsgiScope, receive: Receive, send: Send) -> None:
        corpus = self.corpus
        path = scope.get("path", "")
        if (corpus is None or scope["type"] != "http" or scope["method"] != "GET"
                or not path.startswith("/api/") or path in UNCACHED):
            await self.app(scope, receive, send)
            return
        key = f"{path}?{scope.get('query_string', b'').decode('latin-1')}"
        generation = corpus.generation()
        body = corpus.memo_get(generation, key) if generation else None
        if body is None and generation and (generation, key) in self.in_flight:
            await self.in_flight[(generation, key)].wait()
            body = corpus.memo_get(generation, key)
        if body is not None:
            await send({"type": "http.response.start", "status": 200, "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        status = 0
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body" and status == 200:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    corpus.memo_put(generation, key, b"".join(chunks))
            await send(message)

        mine = None
        if generation and (generation, key) not in self.in_flight:
            mine = self.in_flight[(generation, key)] = asyncio.Event()
        try:
            await self.app(scope, receive, keep)
        finally:
            if mine is not None:
                del self.in_flight[(generation, key)]
                mine.set()


UNCACHED = {"/api/health", "/api/analyze"}


# ------------------------------------------------------------------------- the routes
def install_corpus_routes(app: FastAPI) -> None:
    def need_db() -> CorpusDB:
        db = getattr(app.state, "corpus", None)
        if db is None:
            raise ApiError(503, "no corpus database is open (start with: warta serve --db FILE)",
                           "no_database")
        return db

    app.state.need_db = need_db

    @app.get("/api/articles", tags=["corpus"])
    def articles(
        q: str | None = Query(None, max_length=200, description="words in the title or text"),
        lang: str | None = Query(None, max_length=10, description="id, en, ms, …"),
        scope: Scope = Depends(scope_params),
        page: Page = Depends(page_params),
    ) -> dict[str, Any]:
        """Articles, newest first, with how many events and quotes each has."""
        if lang and not _LANG.fullmatch(lang):
            raise ApiError(422, f"lang: not a language code: {lang!r}",
                           details=[{"field": "lang", "problem": "not a language code"}])
        where = Where()
        for pattern in _like(q or ""):
            where.add("(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')",
                      pattern, pattern)
        if lang:
            where.add("a.lang = ?", lang)
        where.between("a.published", scope.start, scope.end)
        if scope.country:
            where.add("(EXISTS (SELECT 1 FROM entities n WHERE n.article_id = a.id AND n.country = ?)"
                      " OR EXISTS (SELECT 1 FROM events v WHERE v.article_id = a.id"
                      " AND (v.source_country = ? OR v.target_country = ?)))",
                      scope.country, scope.country, scope.country)
        with need_db().cursor() as cur:
            total = _scalar(cur, f"SELECT count(*) FROM articles a{where.clause()}",
                            where.params)
            rows = cur.execute(
                f"SELECT {ARTICLE_COLUMNS} FROM articles a{where.clause()} "
                f"ORDER BY {ARTICLE_ORDER} LIMIT ? OFFSET ?",
                [*where.params, page.limit, page.offset]).fetchall()
        return {"total": int(total), "limit": page.limit, "offset": page.offset,
                "items": [_article(r) for r in rows]}

    @app.get("/api/articles/{article_id:path}", tags=["corpus"])
    def article(article_id: str) -> JSONResponse:
        """One stored article: the analysis JSON of `warta analyze --format json`, plus its
        story cluster."""
        with need_db().cursor() as cur:
            row = cur.execute("SELECT id, text, analysis, cluster_id FROM articles WHERE id = ?",
                              [article_id]).fetchone()
        if row is None:
            raise ApiError(404, f"no article {article_id!r}")
        aid, text, analysis, cluster_id = row
        stored = json.loads(analysis) if analysis else {}
        out: dict[str, Any] = {"id": aid}
        for key, value in stored.items():  # the order of Article.as_dict(), text after url
            out[key] = value
            if key == "url":
                out["text"] = text
        out.setdefault("text", text)
        out["cluster_id"] = cluster_id
        return JSONResponse(out)

    @app.get("/api/events", tags=["corpus"])
    def events(
        actor: str | None = Query(None, max_length=200, description="an actor id, either side"),
        type: str | None = Query(None, max_length=40, description="a PLOVER type (ACCUSE)"),
        modality: str | None = Query(None, max_length=40, description=" | ".join(MODALITIES)),
        scope: Scope = Depends(scope_params),
        page: Page = Depends(page_params),
    ) -> dict[str, Any]:
        """Real-world events (reports of one event merged), newest first."""
        problems = Problems()
        if type and type.upper() not in PLOVER_TYPES:
            problems.add("type", f"not a PLOVER type: {type[:40]!r} (one of {', '.join(PLOVER_TYPES)})")
        if modality and modality.lower() not in MODALITIES:
            problems.add("modality", f"not a modality: {modality[:40]!r} (one of {', '.join(MODALITIES)})")
        problems.raise_if_any()
        pre, post = Where(), Where()
        if actor:
            pre.add("(source_actor_id = ? OR target_actor_id = ?)", actor, actor)
        if type:
            pre.add("type = ?", type.upper())
        if modality:
            pre.add("modality = ?", modality.lower())
        _scope_story(scope, pre, post)
        with need_db().cursor() as cur:
            total, items = story_events(cur, pre, post, page)
        return {"total": total, "limit": page.limit, "offset": page.offset, "items": items}

    @app.get("/api/actors/{actor_id}", tags=["corpus"])
    def actor(actor_id: str, limit: int = Query(50, ge=1, le=MAX_LIMIT,
                                                description="events and quotes of each kind")
              ) -> dict[str, Any]:
        """An actor: the knowledge base's record and dated roles, its events and quotes in the
        corpus. Without a database, the knowledge base's record alone (``corpus``: false)."""
        from ..kb.store import load_kb

        known = load_kb().get(actor_id)
        db = getattr(app.state, "corpus", None)
        out: dict[str, Any] = {
            "actor": None, "roles": [], "corpus": db is not None,
            "counts": {"events_as_source": 0, "events_as_target": 0, "quotes": 0,
                       "mentions": 0, "articles": 0},
            "events_as_source": [], "events_as_target": [], "quotes": []}
        seen = label = None
        if db is not None:
            page = Page(limit, 0)
            counts = out["counts"]
            with db.cursor() as cur:
                seen = cur.execute("SELECT name, country, sector FROM actors WHERE actor_id = ?",
                                   [actor_id]).fetchone()
                if known is None and seen is None:
                    raise ApiError(404, f"no actor {actor_id!r} in the knowledge base or the corpus")
                counts["events_as_source"], out["events_as_source"] = story_events(
                    cur, Where(["source_actor_id = ?"], [actor_id]), Where(), page)
                counts["events_as_target"], out["events_as_target"] = story_events(
                    cur, Where(["target_actor_id = ?"], [actor_id]), Where(), page)
                counts["quotes"], out["quotes"] = _quote_rows(
                    cur, Where(["q.speaker_id = ?"], [actor_id]), page)
                n, n_articles, label = cur.execute(
                    "SELECT count(*), count(DISTINCT article_id), mode(label) FROM entities "
                    "WHERE actor_id = ?", [actor_id]).fetchone()
                counts["mentions"], counts["articles"] = int(n), int(n_articles)
        if known is not None:
            out["actor"] = {"id": known.id, "name": known.name, "label": known.type,
                            "country": known.country, "sector": known.sector,
                            "aliases": [a for a in known.aliases if a != known.name][:50]}
            out["roles"] = [{k: r.as_dict().get(k) for k in ROLE_KEYS} for r in known.roles]
        elif seen is not None:
            name, country, sector = seen
            out["actor"] = {"id": actor_id, "name": name, "label": label, "country": country,
                            "sector": sector, "aliases": []}
        else:
            raise ApiError(404, f"no actor {actor_id!r} in the knowledge base")
        return out

    @app.get("/api/quotes", tags=["corpus"])
    def quotes(
        speaker: str | None = Query(None, max_length=200,
                                    description="part of the speaker's name, or an actor id"),
        q: str | None = Query(None, max_length=200, description="words in the quote"),
        scope: Scope = Depends(scope_params),
        page: Page = Depends(page_params),
    ) -> dict[str, Any]:
        """Quotes, newest first."""
        where = Where()
        if speaker and speaker.strip():
            where.add("(q.speaker_id = ? OR q.speaker ILIKE ? ESCAPE '\\')",
                      speaker.strip(), _contains(" ".join(speaker.split())))
        for pattern in _like(q or ""):
            where.add("q.text ILIKE ? ESCAPE '\\'", pattern)
        where.between("a.published", scope.start, scope.end)
        if scope.country:
            where.add("EXISTS (SELECT 1 FROM entities n WHERE n.article_id = q.article_id "
                      "AND n.actor_id = q.speaker_id AND n.country = ?)", scope.country)
        with need_db().cursor() as cur:
            total, items = _quote_rows(cur, where, page)
        return {"total": total, "limit": page.limit, "offset": page.offset, "items": items}

    @app.get("/api/clusters/{cluster_id}", tags=["corpus"])
    def cluster(cluster_id: int) -> dict[str, Any]:
        """A story: its articles (near-duplicates and translations), the earliest report,
        why they were linked, and its events merged."""
        with need_db().cursor() as cur:
            head = cur.execute(
                "SELECT n_articles, n_outlets, langs, earliest_article_id, earliest_published, "
                "latest_published FROM clusters WHERE cluster_id = ?", [cluster_id]).fetchone()
            if head is None:
                raise ApiError(404, f"no cluster {cluster_id}")
            rows = cur.execute(
                f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.cluster_id = ? "
                "ORDER BY a.published NULLS LAST, a.seq LIMIT 1000", [cluster_id]).fetchall()
            links = cur.execute(
                "SELECT l.article_id, l.linked_article_id, l.method, l.score FROM cluster_links l "
                "JOIN articles a ON a.id = l.article_id WHERE a.cluster_id = ? "
                "ORDER BY a.seq, l.score DESC LIMIT 5000", [cluster_id]).fetchall()
            _, merged = story_events(cur, Where(["cluster_id = ?"], [cluster_id]), Where(),
                                     Page(MAX_LIMIT, 0))
        arts = [_article(r) for r in rows]
        earliest = next((a for a in arts if a["id"] == head[3]), arts[0] if arts else None)
        return {"id": cluster_id, "n_articles": head[0], "n_outlets": head[1],
                "langs": head[2] or [], "earliest_published": _iso(head[4]),
                "latest_published": _iso(head[5]), "earliest": earliest, "articles": arts,
                "links": [{"article_id": a, "linked_article_id": b, "method": m, "score": s}
                          for a, b, m, s in links],
                "events": merged}

    @app.get("/api/stats/timeline", tags=["stats"])
    def timeline(scope: Scope = Depends(scope_params),
                 modality: str = Depends(stats_modality),
                 bucket: str = Query("auto", pattern="^(auto|day|week|month|year)$",
                                     description="auto: the finest giving at most 120 bars")
                 ) -> dict[str, Any]:
        """Real-world events by type over time (each event once, by its first report's day);
        the range is from..to when given, else the events' own."""
        where = _stats_where(scope, modality)
        where.add("date_first IS NOT NULL")
        with need_db().cursor() as cur:
            span = cur.execute(f"SELECT min(date_first), max(date_first) FROM story_events"
                               f"{where.clause()}", where.params).fetchone() or (None, None)
            lo, hi = scope.start or span[0], scope.end or span[1]
            if lo is None or hi is None:
                return {"bucket": "day" if bucket == "auto" else bucket, "modality": modality,
                        "types": [], "series": []}
            unit = bucket if bucket != "auto" else _auto_bucket(lo, hi)
            if len(_buckets(lo, hi, unit)) > MAX_BUCKETS:
                raise ApiError(422, f"bucket: {unit} gives more than {MAX_BUCKETS} bars from {lo} "
                               f"to {hi}; choose a larger one or a shorter range",
                               details=[{"field": "bucket", "problem": "too many bars"}])
            rows = cur.execute(
                f"SELECT CAST(date_trunc('{UNITS[unit]}', date_first) AS DATE) AS b, type, "
                f"count(*) FROM story_events{where.clause()} GROUP BY ALL ORDER BY b",
                where.params).fetchall()
        counts: dict[date, dict[str, int]] = {}
        seen: set[str] = set()
        for b, typ, n in rows:
            counts.setdefault(b, {})[typ] = int(n)
            seen.add(typ)
        order = {t: k for k, t in enumerate(PLOVER_TYPES)}
        types = sorted(seen, key=lambda t: (order.get(t, 99), t))
        series = [{"date": b.isoformat(), "counts": counts.get(b, {})}
                  for b in _buckets(_trunc(lo, unit), hi, unit)]
        return {"bucket": unit, "modality": modality, "types": types, "series": series}

    @app.get("/api/stats/top", tags=["stats"])
    def top(scope: Scope = Depends(scope_params),
            modality: str = Depends(stats_modality),
            limit: int = Query(TOP_N, ge=1, le=100, description="actors and dyads listed")
            ) -> dict[str, Any]:
        """The most active actors, dyads, and the network of who acts on whom."""
        where = _stats_where(scope, modality)
        sql = f"""
            WITH se AS MATERIALIZED (
                SELECT story_event_id,
                       coalesce(source_actor_id, 'name:' || lower(source_name),
                                'country:' || source_country) AS sk,
                       source_name, source_actor_id, source_country,
                       coalesce(target_actor_id, 'name:' || lower(target_name),
                                'country:' || target_country) AS tk,
                       target_name, target_actor_id, target_country
                FROM story_events{where.clause()}
            ), sides AS (
                SELECT sk AS k, source_name AS name, source_actor_id AS actor_id,
                       source_country AS country, story_event_id FROM se WHERE sk IS NOT NULL
                UNION ALL
                SELECT tk, target_name, target_actor_id, target_country, story_event_id
                FROM se WHERE tk IS NOT NULL
            )
            SELECT 'actor' AS what, k, NULL AS k2, mode(name), any_value(actor_id),
                   mode(country), count(DISTINCT story_event_id)
            FROM sides GROUP BY k
            UNION ALL
            SELECT 'dyad', sk, tk, NULL, NULL, NULL, count(*) FROM se
            WHERE sk IS NOT NULL AND tk IS NOT NULL AND sk <> tk GROUP BY sk, tk
        """
        with need_db().cursor() as cur:
            rows = cur.execute(sql, where.params).fetchall()
        return {"modality": modality, **_top(rows, limit)}


def _top(rows: list[tuple[Any, ...]], limit: int) -> dict[str, Any]:
    """Top actors and dyads, and the network of the most connected actors."""
    info = {k: {"name": name, "actor_id": aid, "country": country}
            for what, k, _, name, aid, country, _ in rows if what == "actor"}
    actors = sorted(((k, int(n)) for what, k, _, _, _, _, n in rows if what == "actor"),
                    key=lambda x: (-x[1], info[x[0]]["name"] or x[0]))
    dyads = sorted(((s, t, int(n)) for what, s, t, _, _, _, n in rows if what == "dyad"),
                   key=lambda x: (-x[2], x[0], x[1]))
    degree: Counter[str] = Counter()
    for s, t, n in dyads:
        degree[s] += n
        degree[t] += n
    nodes = [k for k, _ in sorted(degree.items(), key=lambda x: (-x[1], x[0]))[:NETWORK_NODES]]
    keep = set(nodes)
    edges = [(s, t, n) for s, t, n in dyads if s in keep and t in keep][:NETWORK_EDGES]
    linked = {s for s, _, _ in edges} | {t for _, t, _ in edges}
    return {
        "actors": [{**info[k], "key": k, "events": n} for k, n in actors[:limit]],
        "dyads": [{"source": info[s], "target": info[t], "events": n} for s, t, n in dyads[:limit]],
        "network": {
            "nodes": [{"id": k, **info[k], "events": degree[k]} for k in nodes if k in linked],
            "edges": [{"source": s, "target": t, "source_name": info[s]["name"],
                       "target_name": info[t]["name"], "weight": n} for s, t, n in edges],
        },
    }


def stats_modality(modality: str = Query(
        "asserted", description="count only events of this modality (negated events did not "
                                "happen; future ones have not yet), or any")) -> str:
    value = modality.lower()
    if value != "any" and value not in MODALITIES:
        raise ApiError(422, f"modality: not a modality: {modality[:40]!r} (one of "
                       f"{', '.join(MODALITIES)}, any)",
                       details=[{"field": "modality", "problem": "not a modality"}])
    return value


def _stats_where(scope: Scope, modality: str) -> Where:
    """Conditions on the story_events view for the stats routes."""
    where = Where()
    if modality != "any":
        where.add("modality = ?", modality)
    where.between("date_first", scope.start, scope.end)
    if scope.country:
        where.add("(source_country = ? OR target_country = ?)", scope.country, scope.country)
    return where


def _trunc(d: date, unit: str) -> date:
    """The first day of the bucket holding ``d`` (weeks start on Monday, as in DuckDB)."""
    if unit == "week":
        return d - timedelta(days=d.weekday())
    if unit == "month":
        return d.replace(day=1)
    if unit == "year":
        return d.replace(month=1, day=1)
    return d


def _auto_bucket(lo: date, hi: date) -> str:
    days = (hi - lo).days
    if days <= 120:
        return "day"
    if days <= 7 * 120:
        return "week"
    if days <= 31 * 120:
        return "month"
    return "year"


def _buckets(lo: date, hi: date, unit: str) -> list[date]:
    """Every bucket start from lo to hi, empty ones included, so the chart's x axis is time."""
    out: list[date] = []
    d = _trunc(lo, unit)
    while d <= hi and len(out) <= MAX_BUCKETS:
        out.append(d)
        if unit == "day":
            d += timedelta(days=1)
        elif unit == "week":
            d += timedelta(days=7)
        elif unit == "month":
            d = date(d.year + d.month // 12, d.month % 12 + 1, 1)
        else:
            d = date(d.year + 1, 1, 1)
    return out
