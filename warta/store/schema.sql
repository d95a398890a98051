-- The schema of Warta's store (DuckDB). Created by `warta ingest` on a new database file;
-- documented here and in the README ("Schema"). Character offsets (char_start, char_end)
-- index articles.text, the normalised text every analysis refers to.
--
-- Keys: an article is identified by `id` (unique in the store) and, for the indexes of the
-- clusterer, by `seq` (its ingest order). Every child table carries `article_id`.
-- Uniqueness is enforced by the loader (one writer at a time, one transaction per batch),
-- not by index constraints, which would cost memory in proportion to the corpus.
-- Long text columns are zstd-compressed (DuckDB leaves long strings uncompressed
-- otherwise): the database is ~2x smaller for the same write speed.

CREATE TABLE IF NOT EXISTS meta (
    key   VARCHAR NOT NULL,   -- schema_version, minhash parameters, …
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS articles (
    id               VARCHAR NOT NULL,  -- the input id; "<id>~<hash8>" if another content had it
    seq              BIGINT NOT NULL,   -- ingest order 1, 2, … (internal key of the indexes)
    content_hash     VARCHAR NOT NULL,  -- blake2b-128 of url, title and text (spaces collapsed): the dedupe key
    input_hash       VARCHAR NOT NULL,  -- of the raw input record (differs from content_hash for HTML/WARC)
    source           VARCHAR,           -- the file it came from ("<stdin>" for standard input)
    position         BIGINT,            -- line (JSON Lines) or record byte offset (WARC) in that file
    lang             VARCHAR,           -- id | en | ms | …
    published        DATE,
    published_source VARCHAR,           -- input | dateline | html
    title            VARCHAR,
    url              VARCHAR,
    outlet           VARCHAR,           -- host of the url (without www.), else the file name
    text             VARCHAR USING COMPRESSION zstd,  -- the normalised text
    analysis         JSON USING COMPRESSION zstd,     -- Article.as_dict() without "id" and "text"
    ingested_at      TIMESTAMP,         -- UTC
    cluster_id       BIGINT             -- the story cluster (= seq of its first-ingested article)
);

-- One row per entity mention.
CREATE TABLE IF NOT EXISTS entities (
    article_id   VARCHAR NOT NULL,
    idx          INTEGER NOT NULL,      -- order in the article
    text         VARCHAR,
    label        VARCHAR,               -- PERSON | ORG | PLACE
    char_start   INTEGER,
    char_end     INTEGER,
    canonical    VARCHAR,
    country      VARCHAR,               -- ISO 3166 alpha-3
    actor_id     VARCHAR,               -- knowledge-base id, NULL when unknown
    sector       VARCHAR,               -- GOV, MIL, COP, OPP, REB, CVL, BUS, MED, IGO, NGO …
    role         VARCHAR,               -- role key the text gives ("foreign_minister")
    role_text    VARCHAR,
    role_country VARCHAR,
    found_by     VARCHAR,               -- ner | kb | cue | coref
    confidence   DOUBLE,
    slip         VARCHAR                -- a corrected misspelling, "Jokow -> Jokowi"
);

-- Knowledge-base actors seen in the corpus (first mention wins the name).
CREATE TABLE IF NOT EXISTS actors (
    actor_id         VARCHAR NOT NULL,
    name             VARCHAR,
    country          VARCHAR,
    sector           VARCHAR,
    first_article_id VARCHAR
);

CREATE TABLE IF NOT EXISTS quotes (
    article_id    VARCHAR NOT NULL,
    idx           INTEGER NOT NULL,
    speaker       VARCHAR,
    speaker_id    VARCHAR,
    text          VARCHAR,
    kind          VARCHAR,              -- direct | indirect
    char_start    INTEGER,
    char_end      INTEGER,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    cue           VARCHAR               -- the reporting verb ("kata", "said")
);

-- One row per event as one article reports it (see story_events for the merged view).
CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR NOT NULL,   -- "<article_id>-e<idx+1>", as in the PLOVER/GDELT exports
    article_id      VARCHAR NOT NULL,
    idx             INTEGER NOT NULL,
    type            VARCHAR,            -- one of the 16 PLOVER types
    mode            VARCHAR,
    modality        VARCHAR,            -- asserted | future | hypothetical | negated
    date            VARCHAR,            -- ISO at the precision the text gives
    date_source     VARCHAR,            -- text | report
    source_name     VARCHAR,
    source_country  VARCHAR,
    source_sector   VARCHAR,
    source_actor_id VARCHAR,
    target_name     VARCHAR,
    target_country  VARCHAR,
    target_sector   VARCHAR,
    target_actor_id VARCHAR,
    evidence        VARCHAR,
    char_start      INTEGER,
    char_end        INTEGER,
    trigger         VARCHAR,
    rule            VARCHAR,
    cameo           VARCHAR,
    goldstein       DOUBLE
);

CREATE TABLE IF NOT EXISTS dates (
    article_id VARCHAR NOT NULL,
    idx        INTEGER NOT NULL,
    text       VARCHAR,
    value      VARCHAR,                 -- 2016-11-19, 2023-08, 2019, 2019-W14, a/b
    char_start INTEGER,
    char_end   INTEGER,
    kind       VARCHAR,                 -- absolute | relative | weekday | month | year | range
    conflict   VARCHAR
);

CREATE TABLE IF NOT EXISTS flags (
    article_id VARCHAR NOT NULL,
    idx        INTEGER NOT NULL,
    kind       VARCHAR,
    message    VARCHAR,
    evidence   JSON,
    confidence DOUBLE
);

-- Story clusters: near-duplicates and translations of one story. Rebuilt for the clusters
-- a batch touches, in the batch's transaction.
CREATE TABLE IF NOT EXISTS clusters (
    cluster_id          BIGINT NOT NULL,
    n_articles          BIGINT,
    n_outlets           BIGINT,
    langs               VARCHAR[],
    earliest_article_id VARCHAR,        -- earliest published (ingest order breaks ties / no date)
    earliest_published  DATE,
    latest_published    DATE
);

-- Why two articles are in one cluster: near_duplicate (score = estimated Jaccard of word
-- 3-shingles) or translation (score = cosine of title+lead embeddings).
CREATE TABLE IF NOT EXISTS cluster_links (
    article_id        VARCHAR NOT NULL,  -- the later article
    linked_article_id VARCHAR NOT NULL,  -- an earlier one
    method            VARCHAR,
    score             DOUBLE
);

-- Inputs and articles that could not be analysed; the run went on without them.
CREATE TABLE IF NOT EXISTS errors (
    error_key  VARCHAR NOT NULL,         -- hash of kind, source, position, id, message: once each
    source     VARCHAR,
    position   BIGINT,                   -- line or record offset, as in articles.position
    kind       VARCHAR,                  -- the error class: RecordError, NoArticleBodyError, …
    message    VARCHAR,
    article_id VARCHAR,
    stage      VARCHAR,
    recorded_at TIMESTAMP                -- UTC, when it was first recorded
);

-- Indexes of the clusterer, keyed by articles.seq (see warta/cluster/).
CREATE TABLE IF NOT EXISTS lsh_bands  (band UBIGINT NOT NULL, seq BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS minhashes  (seq BIGINT NOT NULL, sig BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS anchors    (anchor UBIGINT NOT NULL, seq BIGINT NOT NULL, lang VARCHAR, day DATE);
CREATE TABLE IF NOT EXISTS leads      (seq BIGINT NOT NULL, lead VARCHAR USING COMPRESSION zstd);
CREATE TABLE IF NOT EXISTS embeddings (seq BIGINT NOT NULL, vec FLOAT[512]);

-- ---------------------------------------------------------------------------------------
-- Views for analysts

-- Events with the article's date, outlet and cluster, and the knowledge base's actor names.
CREATE OR REPLACE VIEW events_named AS
SELECT e.*,
       coalesce(sa.name, e.source_name) AS source_actor_name,
       coalesce(ta.name, e.target_name) AS target_actor_name,
       a.published, a.url, a.outlet, a.lang, a.cluster_id, a.seq,
       coalesce(TRY_CAST(left(e.date, 10) AS DATE), a.published) AS day,
       -- the dyad: knowledge-base actor, else country and sector (IDN-GOV), else the name
       coalesce(e.source_actor_id, e.source_country || coalesce('-' || e.source_sector, ''),
                lower(e.source_name), '') AS source_key,
       coalesce(e.target_actor_id, e.target_country || coalesce('-' || e.target_sector, ''),
                lower(e.target_name), '') AS target_key
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN actors sa ON sa.actor_id = e.source_actor_id
LEFT JOIN actors ta ON ta.actor_id = e.target_actor_id;

-- Which story event each reported event belongs to: same cluster, type, modality and
-- dyad, and a date within 2 days of the previous report (a gap of more starts a new one).
CREATE OR REPLACE VIEW story_event_members AS
WITH ordered AS (
    SELECT *,
           CASE WHEN day - lag(day) OVER w > 2 THEN 1 ELSE 0 END AS starts_new
    FROM events_named
    WINDOW w AS (PARTITION BY cluster_id, type, modality, source_key, target_key
                 ORDER BY day, seq, idx)
), numbered AS (
    SELECT *,
           sum(starts_new) OVER (PARTITION BY cluster_id, type, modality, source_key, target_key
                                 ORDER BY day, seq, idx ROWS UNBOUNDED PRECEDING) AS part
    FROM ordered
)
SELECT first_value(event_id) OVER (
           PARTITION BY cluster_id, type, modality, source_key, target_key, part
           ORDER BY day, seq, idx) AS story_event_id,
       *
FROM numbered;

-- One row per real-world event: the reports of it merged, with how many mentions,
-- articles and outlets reported it.
CREATE OR REPLACE VIEW story_events AS
SELECT story_event_id,
       any_value(cluster_id) AS cluster_id,
       any_value(type) AS type,
       any_value(modality) AS modality,
       arg_min(source_actor_name, seq) AS source_name,
       arg_min(source_country, seq) AS source_country,
       arg_min(source_actor_id, seq) AS source_actor_id,
       arg_min(target_actor_name, seq) AS target_name,
       arg_min(target_country, seq) AS target_country,
       arg_min(target_actor_id, seq) AS target_actor_id,
       min(day) AS date_first,
       max(day) AS date_last,
       count(*) AS n_mentions,
       count(DISTINCT article_id) AS n_articles,
       count(DISTINCT outlet) AS n_sources,
       list(DISTINCT outlet ORDER BY outlet) AS sources,
       arg_min(article_id, seq) AS first_article_id
FROM story_event_members
GROUP BY story_event_id;

-- Daily counts by type and dyad (source and target country), each real-world event once;
-- n_mentions shows how many reports a naive count would have counted.
CREATE OR REPLACE VIEW daily_counts AS
SELECT date_first AS day, type,
       coalesce(source_country, '---') AS source_country,
       coalesce(target_country, '---') AS target_country,
       count(*) AS n_events,
       sum(n_mentions) AS n_mentions,
       sum(n_articles) AS n_articles
FROM story_events
GROUP BY ALL
ORDER BY day, type, source_country, target_country;
