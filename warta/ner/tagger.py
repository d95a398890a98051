"""The compiled CRF tagger: per-word-type score tables plus a batched, pruned numpy Viterbi.

Why compiled: a CRF's score for label y at token i is a sum of feature weights, and every
feature here belongs to one word type seen from one slot (see ``features.py``). So the
weights are summed once per word type into a (slot x label) table, cached, and a sentence's
emission scores are six gathers and adds. Feature extraction, which dominates a plain
python-crfsuite tagger, runs once per new word type instead of once per token.

Why pruned: most tokens are plainly O. A cheap, vectorised and *sound* test
(``_certain_o``) proves, for ~85-90% of news tokens, that every best path has O there; the
sentence splits at those tokens into independent pieces, and Viterbi runs only over the
short uncertain stretches around names, all stretches of a batch at once. The labels are
exactly those of plain Viterbi over the same weights (``viterbi_reference``; tests check
this), and the training script checks them against python-crfsuite itself.

One Tagger may be shared by threads: the word-type cache is updated under a lock.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from itertools import compress, repeat
from operator import is_
from pathlib import Path

import numpy as np

from ..errors import WartaError
from .features import BOS, EOS, FRESH_START_AFTER, SLOTS, FeatureSpace

N_SLOTS = len(SLOTS)
_SLOT_I = SLOTS.index("I")
MAX_CACHED_TYPES = 300_000
CHAIN_LOOKAHEAD = 2
PROOF_ROUNDS = 2
_FALSE = np.zeros(1, dtype=bool)


class ModelError(WartaError):
    """The NER model artifact is missing or cannot be read."""


def _strings(arr: np.ndarray) -> list[str]:
    """Decode a newline-joined UTF-8 byte array stored in the artifact."""
    text = arr.tobytes().decode("utf-8")
    return text.split("\n") if text else []


def encode_strings(items: Sequence[str]) -> np.ndarray:
    """The storage form of a list of strings (none may contain a newline)."""
    return np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)


class Tagger:
    """BIO tagger for PER/ORG/LOC over pre-tokenised Indonesian sentences."""

    def __init__(
        self,
        labels: Sequence[str],
        transitions: np.ndarray,
        feature_names: Sequence[str],
        feature_table: np.ndarray,
        space: FeatureSpace,
        meta: dict | None = None,
    ) -> None:
        self.labels = list(labels)
        self.meta = meta or {}
        self.space = space
        self.trans = np.asarray(transitions, dtype=np.float64)
        n_labels = len(self.labels)
        if "O" not in self.labels or self.trans.shape != (n_labels, n_labels):
            raise ModelError("model labels and transition matrix do not agree")
        self._o = self.labels.index("O")
        self._feat_index = {name: i for i, name in enumerate(feature_names)}
        # one extra all-zero row stands for features the model gave no weight
        table = np.asarray(feature_table, dtype=np.float64)
        self._feat_table = np.concatenate([table, np.zeros((1,) + table.shape[1:])])
        self._prepare_pruning()
        self.max_cached_types = MAX_CACHED_TYPES
        self._lock = threading.Lock()
        self._type_ids: dict[str, int] = {}
        self._type_vecs = np.zeros((1024, N_SLOTS, n_labels), dtype=np.float64)
        self._reset_types()

    # -- loading -------------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | Path) -> Tagger:
        """Read a compiled artifact written by ``scripts/train_ner.py``."""
        path = Path(path)
        try:
            z = np.load(path, allow_pickle=False)
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot read NER model: {exc}", source=str(path)) from exc
        with z:
            try:
                meta = json.loads(z["meta"].tobytes().decode("utf-8"))
                labels = _strings(z["labels"])
                names = _strings(z["feat_names"])
                table = np.zeros((len(names), N_SLOTS, len(labels)), dtype=np.float64)
                table[z["w_feat"], z["w_slot"], z["w_label"]] = z["w_value"]
                cl_words = _strings(z["cl_words"])
                cl_ids = z["cl_ids"]
                space = FeatureSpace(
                    clusters={
                        w: (int(a), int(b))
                        for w, a, b in zip(cl_words, cl_ids[:, 0], cl_ids[:, 1], strict=True)
                    },
                    caps=dict(
                        zip(_strings(z["caps_words"]), z["caps_bucket"].tolist(), strict=True)
                    ),
                    freq=dict(
                        zip(_strings(z["freq_words"]), z["freq_bucket"].tolist(), strict=True)
                    ),
                    gazetteer=dict(
                        zip(_strings(z["gz_words"]), _strings(z["gz_tags"]), strict=True)
                    ),
                )
                trans = z["transitions"]
            except KeyError as exc:
                raise ModelError(f"NER model lacks array {exc}", source=str(path)) from exc
            except (ValueError, IndexError, UnicodeDecodeError) as exc:
                raise ModelError(f"NER model is inconsistent: {exc}", source=str(path)) from exc
        return cls(labels, trans, names, table, space, meta)

    def crf_weights(self) -> tuple[dict[tuple[str, str], float], dict[tuple[str, str], float]]:
        """The model as crfsuite would list it: ``(attribute, label) -> weight`` and
        ``(label, label) -> weight``; for the slow reference path in tests."""
        state: dict[tuple[str, str], float] = {}
        names = list(self._feat_index)
        for f, slot, label in zip(*np.nonzero(self._feat_table), strict=True):
            attr = SLOTS[slot] + "|" + names[f]
            state[(attr, self.labels[label])] = float(self._feat_table[f, slot, label])
        trans = {
            (a, b): float(self.trans[i, j])
            for i, a in enumerate(self.labels)
            for j, b in enumerate(self.labels)
        }
        return state, trans

    # -- per-type tables -----------------------------------------------------------------

    def _reset_types(self) -> None:
        """Forget cached word types, keeping the pseudo-words every sentence needs."""
        self._type_ids.clear()
        fresh = sorted(FRESH_START_AFTER)
        self._add_types([BOS, EOS, *fresh])
        self._bos, self._eos = self._type_ids[BOS], self._type_ids[EOS]
        self._fresh_ids = np.array([self._type_ids[w] for w in fresh])
        self._fresh_lo, self._fresh_hi = int(self._fresh_ids.min()), int(self._fresh_ids.max()) + 1
        if self._fresh_hi - self._fresh_lo != len(fresh):  # _emissions relies on a range
            raise ModelError("fresh-start pseudo-words did not get contiguous type ids")

    def _add_types(self, words: Sequence[str]) -> None:
        """Compute the (slot x label) score table of each new word type, in one batch."""
        start = len(self._type_ids)
        need = start + len(words)
        if need > len(self._type_vecs):
            grown = np.zeros((max(need, 2 * len(self._type_vecs)),) + self._type_vecs.shape[1:])
            grown[:start] = self._type_vecs[:start]
            self._type_vecs = grown
        index_get = self._feat_index.get
        absent = len(self._feat_table) - 1  # the all-zero row
        compute = self.space.compute
        rows: list[int] = []
        starts: list[int] = []
        for j, word in enumerate(words):
            starts.append(len(rows))
            # only features with weights; a word with none gets the all-zero row
            found = [r for r in map(index_get, compute(word)) if r is not None]
            rows.extend(found or (absent,))
            self._type_ids[word] = start + j
        if rows:
            self._type_vecs[start:need] = np.add.reduceat(
                self._feat_table[np.array(rows)], np.array(starts), axis=0
            )

    # -- tagging -------------------------------------------------------------------------

    def emissions(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Emission scores of all tokens of all sentences, flattened, and sentence lengths."""
        with self._lock:  # the type cache may grow or be reset while we read it
            return self._emissions(sentences)

    def _emissions(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        type_ids = self._type_ids
        # the padded layout: BOS BOS words EOS EOS per sentence, as type ids (one C-level
        # dict lookup per token; feature tables are built only for new word types)
        flat: list[str] = []
        for s in sentences:
            flat += (BOS, BOS)
            flat += s
            flat += (EOS, EOS)
        ids = list(map(type_ids.get, flat))
        if None in ids:
            new = set(compress(flat, map(is_, ids, repeat(None))))
            if len(type_ids) + len(new) > self.max_cached_types:  # bound memory on long runs
                self._reset_types()
                new = {w for w in flat if w not in type_ids}
            self._add_types(sorted(new))
            ids = list(map(type_ids.__getitem__, flat))
        lengths = np.fromiter(map(len, sentences), dtype=np.int64, count=len(sentences))
        arr = np.array(ids, dtype=np.int64)
        # positions of real tokens in the padded layout
        n = int(lengths.sum())
        sent_of = np.repeat(np.arange(len(sentences)), lengths)
        first = np.cumsum(lengths) - lengths
        pos = np.arange(n) + 4 * sent_of + 2
        vecs = self._type_vecs
        em = vecs[arr[pos - 2], 0]
        em += vecs[arr[pos - 1], 1]
        em += vecs[arr[pos], 2]
        em += vecs[arr[pos + 1], 3]
        em += vecs[arr[pos + 2], 4]
        # after a FRESH_START_AFTER word (their type ids are the range _fresh_lo.._fresh_hi),
        # or a sentence's first token
        before = arr[pos - 1]
        fresh = (before >= self._fresh_lo) & (before < self._fresh_hi)
        fresh[first[lengths > 0]] = True
        if fresh.any():
            em[fresh] += vecs[arr[pos[fresh]], _SLOT_I]
        return em, lengths

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels for each sentence (batching many sentences is much faster)."""
        if not sentences:
            return []
        em, lengths = self.emissions(sentences)
        best = self._decode(em, lengths)
        names = list(map(self.labels.__getitem__, best))
        out: list[list[str]] = []
        at = 0
        for length in lengths.tolist():
            out.append(names[at : at + length])
            at += length
        return out

    def tag(self, words: Sequence[str]) -> list[str]:
        """BIO labels (O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC) for one sentence."""
        return self.tag_many([words])[0]

    def _prepare_pruning(self) -> None:
        """Constants of the test that proves O certain at a token (see ``_certain_o``)."""
        t, o = self.trans, self._o
        labels = self.labels
        i_idx = np.array([j for j, y in enumerate(labels) if y.startswith("I-")])
        b_idx = np.array([labels.index("B-" + labels[j][2:]) for j in i_idx])
        plain = np.array([j for j, y in enumerate(labels) if not y.startswith("I-")])
        self._i_idx, self._b_idx = i_idx, b_idx
        # Viterbi past the end of a stretch: stay on the same label at no cost
        self._stay = np.full_like(t, -np.inf)
        np.fill_diagonal(self._stay, 0.0)
        self._trans_t = np.ascontiguousarray(t.T)
        # entering t: worst case over the label before, or exact (O -> O vs O -> l) where
        # the token before is a certain O
        self._in_any = (t[:, [o]] - t).min(axis=0)
        self._in_o = t[o, o] - t[o]
        self._keep_in = t[:, [o]] - t  # [a, l]
        self._keep_min = self._keep_in[:, :, None].min(axis=0)  # [l, 1]
        self._relabel_in = t[o, o] - t  # [a, l]
        # leaving t towards a label that is not I-: it stays
        self._out_plain = (t[o, plain][None, :] - t[:, plain]).min(axis=1)
        self._out_o = t[o, o] - t[:, o]
        self._t_to_i = t[:, i_idx]  # [l, Y]
        # an I-Y chain after t: either its first token becomes B-Y ...
        self._chain_b = t[o, b_idx] + np.minimum((t[b_idx] - t[i_idx]).min(axis=1), 0.0)
        # ... or it becomes O and the chain goes on from the next token
        self._chain_plain = (t[o, plain][None, :] - t[i_idx][:, plain]).min(axis=1)  # [Y]
        self._chain_ii = t[np.ix_(i_idx, i_idx)]  # [Y, Z]

    def _certain_o(self, em: np.ndarray, is_start: np.ndarray, is_end: np.ndarray) -> np.ndarray:
        """Tokens where every best path has O: a sound test, so decoding stays exact.

        For a path with label l != O at t, relabel t as O; if l is followed by an I- chain,
        relabel the chain too (its tokens as O, or its first remaining one as B-). If some
        relabelling always scores higher, no best path has l at t. ``chain[t, Y]`` is a
        lower bound on what relabelling an I-Y chain that starts at t gains; it tightens
        with each look-ahead round. Rounds on the left use neighbours already proven O.
        """
        o = self._o
        # label-major layout: every operation runs along the tokens (contiguous)
        gap = np.ascontiguousarray((em[:, [o]] - em).T)  # [labels, n]
        not_end = (~is_end).astype(gap.dtype)
        not_start = (~is_start).astype(gap.dtype)
        i_idx = self._i_idx
        gap_i = gap[i_idx] + self.trans[o, o]  # [Y, n]
        first_b = gap[i_idx] - gap[self._b_idx] + self._chain_b[:, None]  # [Y, n]
        chain = first_b
        later = np.zeros_like(chain)  # chain at t + 1; zero where t ends its sentence
        for _ in range(CHAIN_LOOKAHEAD):
            later[:, :-1] = chain[:, 1:]
            go_on = (later[None, :, :] - self._chain_ii[:, :, None]).min(axis=1)
            go_on = np.minimum(go_on, self._chain_plain[:, None]) * not_end
            chain = np.maximum(first_b, gap_i + go_on)
        later[:, :-1] = chain[:, 1:]
        out_gain = (later[None, :, :] - self._t_to_i[:, :, None]).min(axis=1)
        out_gain = np.minimum(out_gain, self._out_plain[:, None]) * not_end  # [labels, n]
        # the same on the left: the label before t is kept, or relabelled O in turn
        keep = self._keep_in[:, :, None]  # [a, l, 1]: T[a, O] - T[a, l]
        in_gain = self._keep_min * not_start  # [l, 1] * [n]: one row per label
        before = np.zeros_like(in_gain)  # what relabelling t - 1 gains, its emission included
        for _ in range(CHAIN_LOOKAHEAD):
            before[:, 1:] = gap[:, :-1] + in_gain[:, :-1]
            before[o] = 0.0
            in_gain = np.maximum(keep, before[:, None, :] + self._relabel_in[:, :, None])
            in_gain = in_gain.min(axis=0) * not_start
        certain = np.zeros(gap.shape[1], dtype=bool)
        total = gap + in_gain + out_gain
        total[o] = np.inf
        for round_ in range(PROOF_ROUNDS):
            certain = (total > 0).all(axis=0)
            if round_ + 1 == PROOF_ROUNDS:
                break
            prev_certain = np.concatenate((_FALSE, certain[:-1])) & ~is_start
            next_certain = np.concatenate((certain[1:], _FALSE)) & ~is_end
            in_gain[:, prev_certain] = self._in_o[:, None]
            out_gain[:, next_certain] = self._out_o[:, None]
            total = gap + in_gain + out_gain
            total[o] = np.inf
        return certain

    def _decode(self, em: np.ndarray, lengths: np.ndarray) -> list[int]:
        """Exact Viterbi per sentence, run only on the stretches where O is not certain."""
        n = len(em)
        o = self._o
        out = np.full(n, o, dtype=np.int64)
        if n == 0:
            return out.tolist()
        sent_end = np.cumsum(lengths)
        nonempty = lengths > 0
        is_start = np.zeros(n, dtype=bool)
        is_start[(sent_end - lengths)[nonempty]] = True
        is_end = np.zeros(n, dtype=bool)
        is_end[sent_end[nonempty] - 1] = True
        unsure = ~self._certain_o(em, is_start, is_end)
        if not unsure.any():
            return out.tolist()
        prev_unsure = np.concatenate((_FALSE, unsure[:-1]))
        run_start = unsure & (is_start | ~prev_unsure)
        starts = np.flatnonzero(run_start)
        run_of = np.cumsum(run_start) - 1
        idx = np.flatnonzero(unsure)
        run_ids = run_of[idx]
        offs = idx - starts[run_ids]
        run_len = np.bincount(run_ids, minlength=len(starts))
        ends = starts + run_len - 1
        n_runs, width = len(starts), int(run_len.max())
        n_labels = em.shape[1]
        pad = np.zeros((n_runs, width, n_labels))
        pad[run_ids, offs] = em[idx]
        trans = self.trans
        # Steps past a stretch's end use the "stay" transitions (0 to the same label, -inf
        # to any other) and a zero emission: delta is carried through unchanged (x + 0.0 is
        # x) and the back-pointers are the identity, so all stretches run in one loop
        # with no per-step masking, and the labels are those of a per-stretch Viterbi.
        # Transposed ([.., to, from]) so that both reductions run along the contiguous
        # last axis; the sums delta[from] + trans[from, to] are the same numbers.
        step_trans = np.where((np.arange(1, width)[:, None] < run_len)[:, :, None, None],
                              self._trans_t, self._stay)  # [width - 1, runs, to, from]
        # a stretch that does not begin its sentence follows a certain O, and likewise at
        # its end; crfsuite has no start or end transitions
        delta = pad[:, 0] + (~is_start[starts])[:, None] * trans[o]
        back = np.zeros((n_runs, width, n_labels), dtype=np.int64)
        for t in range(1, width):
            cand = delta[:, None, :] + step_trans[t - 1]
            back[:, t] = cand.argmax(axis=2)
            delta = cand.max(axis=2) + pad[:, t]  # the max is the value at the argmax
        delta = delta + (~is_end[ends])[:, None] * trans[:, o]
        cur = delta.argmax(axis=1)
        best = np.zeros((n_runs, width), dtype=np.int64)
        best[:, width - 1] = cur
        rows = np.arange(n_runs)
        for t in range(width - 1, 0, -1):
            cur = back[rows, t, cur]
            best[:, t - 1] = cur
        out[idx] = best[run_ids, offs]
        return out.tolist()


def viterbi_reference(
    attributes: Sequence[Sequence[str]],
    weights: dict[tuple[str, str], float],
    transitions: dict[tuple[str, str], float],
    labels: Sequence[str],
) -> list[str]:
    """Plain, slow Viterbi over crfsuite-style attributes: the yardstick in tests."""
    if not attributes:
        return []
    scores = [
        [sum(weights.get((a, y), 0.0) for a in attrs) for y in labels] for attrs in attributes
    ]
    delta = list(scores[0])
    back: list[list[int]] = []
    for t in range(1, len(scores)):
        row, ptr = [], []
        for j, y in enumerate(labels):
            cands = [delta[i] + transitions.get((x, y), 0.0) for i, x in enumerate(labels)]
            b = max(range(len(labels)), key=cands.__getitem__)
            ptr.append(b)
            row.append(cands[b] + scores[t][j])
        delta = row
        back.append(ptr)
    cur = max(range(len(labels)), key=delta.__getitem__)
    path = [cur]
    for ptr in reversed(back):
        cur = ptr[cur]
        path.append(cur)
    return [labels[i] for i in reversed(path)]
