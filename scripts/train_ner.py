"""Train Warta's Indonesian NER model and write the compiled artifact warta/models/ner-id.npz.

    .venv/bin/python scripts/train_ner.py                    # train, evaluate, write artifact
    .venv/bin/python scripts/train_ner.py --no-write --clusters 0,0   # an ablation run
    .venv/bin/python scripts/train_ner.py --cv 4 --drop 'I|*'        # cross-validated ablation

Steps (all deterministic; crfsuite's L-BFGS has no randomness, k-means is seeded):
1. Read idner-news-2k (train/dev) and NERGRIT (train/valid), map labels to PER/ORG/LOC,
   re-split tokens the way Warta's tokenizer does (so features see run-time tokens), and
   label country names left O as LOC (Warta counts every named country as a place).
2. From unlabelled text (the Detik corpus + the training sentences) derive per-word
   statistics: capitalisation ratio where capitals are not forced, frequency bucket, and
   distributional clusters (PPMI + SVD + k-means). Only these statistics are stored.
   Gazetteer words come from Warta's country table and PETRARCH2's actor dictionary.
3. Train a linear-chain CRF with python-crfsuite (L-BFGS, L1+L2).
4. Compile it: every state weight belongs to one (word feature, slot, label); store them
   sparsely with the transitions and the word statistics (numpy-only at run time).
5. Evaluate the crfsuite model and the compiled tagger (labels must agree) on idner dev and
   NERGRIT valid: token-level and entity-level (exact span + type) P/R/F1, per type, and
   write the scores beside the artifact (ner-id.scores.json).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from warta.kb.countries import country_names  # noqa: E402
from warta.ner import ENTITY_TYPES, Tagger, spans  # noqa: E402
from warta.ner.features import (  # noqa: E402
    FRESH_START_AFTER,
    SLOTS,
    FeatureSpace,
    split_attribute,
)
from warta.ner.tagger import encode_strings  # noqa: E402
from warta.stages.tokens import TOKEN_RE  # noqa: E402

DATA = Path("/work/shared/data")
IDNER = DATA / "idner-news-2k"
NERGRIT = DATA / "nergrit"
DETIK = DATA / "corpus-detik" / "data_berita.csv"
OUT = ROOT / "warta" / "models" / "ner-id.npz"
SEED = 13

NERGRIT_TYPES = {"PERSON": "PER", "PLACE": "LOC", "ORGANISATION": "ORG"}
LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
_WORDISH = re.compile(r"\w")
_SENTENCE_END = frozenset({".", "!", "?"})

Sentence = tuple[list[str], list[str]]


# -- reading ---------------------------------------------------------------------------


def read_idner(path: Path) -> list[Sentence]:
    """`token POS label` lines, CRLF, blank line between sentences."""
    out: list[Sentence] = []
    words: list[str] = []
    labels: list[str] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            if words:
                out.append((words, labels))
            words, labels = [], []
            continue
        parts = line.split()
        if len(parts) != 3:
            raise ValueError(f"{path}:{lineno}: expected 'token POS label', got {line!r}")
        words.append(parts[0])
        labels.append(parts[2])
    if words:
        out.append((words, labels))
    return out


def read_nergrit(path: Path) -> list[Sentence]:
    """`token<TAB>label` lines; PERSON/PLACE/ORGANISATION mapped to PER/LOC/ORG."""
    out: list[Sentence] = []
    words: list[str] = []
    labels: list[str] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            if words:
                out.append((words, labels))
            words, labels = [], []
            continue
        parts = raw.split("\t")
        if len(parts) != 2:
            raise ValueError(f"{path}:{lineno}: expected 'token<TAB>label', got {raw!r}")
        word, label = parts[0].strip(), parts[1].strip()
        if label != "O":
            prefix, kind = label.split("-", 1)
            label = f"{prefix}-{NERGRIT_TYPES[kind]}"
        words.append(word)
        labels.append(label)
    if words:
        out.append((words, labels))
    return out


def join_hyphens(sent: Sentence) -> Sentence:
    """NERGRIT splits 'laki - laki' and '2007 - 2008'; Warta keeps them one token."""
    words, labels = sent
    w2: list[str] = []
    l2: list[str] = []
    i = 0
    while i < len(words):
        if (
            i + 2 < len(words)
            and words[i + 1] == "-"
            and labels[i] == labels[i + 1] == labels[i + 2] == "O"
            and (
                (words[i].isalpha() and words[i + 2].isalpha() and words[i + 2].islower())
                or (words[i].isdigit() and words[i + 2].isdigit())
            )
        ):
            w2.append(words[i] + "-" + words[i + 2])
            l2.append("O")
            i += 3
            continue
        w2.append(words[i])
        l2.append(labels[i])
        i += 1
    return w2, l2


def retokenize(sent: Sentence) -> Sentence:
    """Split tokens as TOKEN_RE does: '(PKB)' -> '(', 'PKB', ')' with the label on 'PKB'."""
    words, labels = sent
    w2: list[str] = []
    l2: list[str] = []
    for word, label in zip(words, labels, strict=True):
        pieces = TOKEN_RE.findall(word)
        if len(pieces) <= 1:
            if pieces:
                w2.append(pieces[0])
                l2.append(label)
            continue
        content = [j for j, p in enumerate(pieces) if _WORDISH.search(p)]
        first, last = (content[0], content[-1]) if content else (0, len(pieces) - 1)
        for j, p in enumerate(pieces):
            if label == "O" or j < first or j > last:
                l2.append("O")
            elif j == first:
                l2.append(label if first == 0 else "B-" + label[2:])
            else:
                l2.append("I-" + label[2:])
            w2.append(p)
    # an I- after a punctuation piece we made O starts a new entity
    for j, lab in enumerate(l2):
        if lab.startswith("I-") and (j == 0 or l2[j - 1][2:] != lab[2:]):
            l2[j] = "B-" + lab[2:]
    return w2, l2


def country_sequences() -> dict[int, set[tuple[str, ...]]]:
    """Country names as token sequences (as written, capitalised), grouped by length."""
    out: dict[int, set[tuple[str, ...]]] = {}
    for name in country_names():
        toks = tuple(TOKEN_RE.findall(name))
        if toks and toks[0][:1].isupper():
            out.setdefault(len(toks), set()).add(toks)
    return out


def harmonize_countries(sent: Sentence, names: dict[int, set[tuple[str, ...]]]) -> Sentence:
    """Label country names left O (adjectival use: 'tentara Jepang') as LOC.

    idner-news-2k leaves about 45% of country mentions O, NERGRIT about 3%; Warta counts
    every named country as a place, so both corpora are brought to that convention.
    'bahasa Inggris' (a language) stays O.
    """
    words, labels = sent
    labels = list(labels)
    i = 0
    while i < len(words):
        for n in sorted(names, reverse=True):
            seq = tuple(words[i : i + n])
            if (
                len(seq) == n
                and seq in names[n]
                and all(x == "O" for x in labels[i : i + n])
                and not (i > 0 and words[i - 1].lower() == "bahasa")
            ):
                labels[i : i + n] = ["B-LOC"] + ["I-LOC"] * (n - 1)
                i += n - 1
                break
        i += 1
    return words, labels


def load_splits() -> dict[str, list[Sentence]]:
    idner = {s: [retokenize(x) for x in read_idner(IDNER / f"{s}.txt")] for s in ("train", "dev")}
    grit = {
        s: [retokenize(join_hyphens(x)) for x in read_nergrit(NERGRIT / f"{s}_preprocess.txt")]
        for s in ("train", "valid")
    }
    return {
        "idner-train": idner["train"],
        "idner-dev": idner["dev"],
        "nergrit-train": grit["train"],
        "nergrit-valid": grit["valid"],
    }


def read_detik_sentences() -> list[list[str]]:
    """Detik article lines as token lists (only statistics of them are kept)."""
    out: list[list[str]] = []
    with DETIK.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for line in row["isi_berita"].splitlines():
                toks = TOKEN_RE.findall(line)
                if toks:
                    out.append(toks)
    return out


def split_sentences(lines: list[list[str]]) -> list[list[str]]:
    """Cut token lines after . ! ? when a capital follows (enough for self-training)."""
    out: list[list[str]] = []
    for toks in lines:
        start = 0
        for i, t in enumerate(toks[:-1]):
            if t in _SENTENCE_END and toks[i + 1][:1].isupper():
                out.append(toks[start : i + 1])
                start = i + 1
        out.append(toks[start:])
    return [s for s in out if s]


def pseudo_label(
    crf_path: Path, space: FeatureSpace, sents: list[list[str]], n: int, min_prob: float
) -> list[Sentence]:
    """Self-training: unlabelled sentences the model labels with high confidence.

    Only sentences with at least one entity, 6-50 tokens, and a best path of probability
    >= ``min_prob`` are kept; a seeded sample of ``n`` of them is returned.
    """
    import random

    import pycrfsuite

    crf = pycrfsuite.Tagger()
    crf.open(str(crf_path))
    kept: list[Sentence] = []
    try:
        for words in sents:
            if not 6 <= len(words) <= 50:
                continue
            labels = crf.tag(space.sentence_attributes(words))
            if any(y != "O" for y in labels) and crf.probability(labels) >= min_prob:
                kept.append((words, labels))
    finally:
        crf.close()
    rng = random.Random(SEED)
    return rng.sample(kept, min(n, len(kept)))


# -- word statistics from unlabelled text ------------------------------------------------


def _fresh_positions(words: Sequence[str]) -> Iterable[bool]:
    """Where a capital is forced: line start, after a sentence end, quote, colon or dash."""
    for i in range(len(words)):
        prev = words[i - 1] if i else ""
        yield i == 0 or prev in FRESH_START_AFTER or prev in _SENTENCE_END


def word_statistics(
    texts: list[list[str]], min_count: int = 2
) -> tuple[dict[str, int], dict[str, int]]:
    """Capitalisation bucket and frequency bucket of each lowercased word.

    The capitalisation ratio counts only positions where a capital is not forced (not
    sentence- or quote-initial): 'jakarta' is ~1.0, 'dan' ~0.0, 'presiden' in between.
    """
    total: Counter[str] = Counter()
    free: Counter[str] = Counter()
    capped: Counter[str] = Counter()
    for words in texts:
        for w, fresh in zip(words, _fresh_positions(words), strict=True):
            low = w.lower()
            total[low] += 1
            if fresh or not w[:1].isalpha():
                continue
            free[low] += 1
            if w[0].isupper():
                capped[low] += 1
    caps: dict[str, int] = {}
    for low, n in free.items():
        if n < min_count:
            continue
        r = capped[low] / n
        caps[low] = (
            0
            if r < 0.02
            else 1
            if r < 0.2
            else 2
            if r < 0.5
            else 3
            if r < 0.8
            else (4 if r < 0.98 else 5)
        )
    freq = {low: min(int(math.log2(n)), 12) for low, n in total.items() if n >= min_count}
    return caps, freq


def word_clusters(
    texts: list[list[str]], n_fine: int, n_coarse: int, min_count: int = 3, dims: int = 64
) -> dict[str, tuple[int, int]]:
    """Distributional clusters: PPMI of left/right neighbours, SVD, seeded k-means."""
    counts = Counter(w.lower() for words in texts for w in words)
    vocab = [w for w, n in counts.most_common() if n >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    n_ctx = min(1000, len(vocab))
    rows: list[int] = []
    cols: list[int] = []
    for words in texts:
        low = [w.lower() for w in words]
        for i, w in enumerate(low):
            r = index.get(w)
            if r is None:
                continue
            left = index.get(low[i - 1], n_ctx) if i > 0 else n_ctx
            right = index.get(low[i + 1], n_ctx) if i + 1 < len(low) else n_ctx
            rows += (r, r)
            cols += (min(left, n_ctx), n_ctx + 1 + min(right, n_ctx))
    mat = np.zeros((len(vocab), 2 * (n_ctx + 1)))
    np.add.at(mat, (np.array(rows), np.array(cols)), 1.0)
    total = mat.sum()
    pmi = np.log(
        mat * total / (mat.sum(1, keepdims=True) @ mat.sum(0, keepdims=True) + 1e-12) + 1e-12
    )
    ppmi = np.where(mat > 0, np.maximum(pmi, 0.0), 0.0)
    gram = ppmi.T @ ppmi
    _, vecs = np.linalg.eigh(gram)
    emb = ppmi @ vecs[:, -dims:]
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-9
    fine = _kmeans(emb, n_fine)
    centroids = np.stack(
        [emb[fine == k].mean(0) if (fine == k).any() else emb[0] for k in range(n_fine)]
    )
    coarse_of_fine = _kmeans(
        centroids / (np.linalg.norm(centroids, axis=1, keepdims=True) + 1e-9), n_coarse
    )
    return {w: (int(fine[i]), int(coarse_of_fine[fine[i]])) for i, w in enumerate(vocab)}


def _kmeans(x: np.ndarray, k: int, iters: int = 25) -> np.ndarray:
    rng = np.random.default_rng(SEED)
    centers = x[rng.choice(len(x), size=k, replace=False)]
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        assign = (x @ centers.T).argmax(1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                c = members.mean(0)
                centers[j] = c / (np.linalg.norm(c) + 1e-9)
    return assign


PETRARCH_COUNTRIES = DATA / "petrarch2" / "Phoenix.Countries.actors.txt"
_ACTOR_LINE = re.compile(r"^(\+?)([^\s\[#]+)\s*(\[[A-Z]{3}\])?\s*(#\s*CountryInfo)?")


def petrarch_gazetteer() -> dict[str, set[str]]:
    """Words of person names ('pn') and of places listed under a country ('pl') in PETRARCH2.

    The file lists each country ("INDONESIA_ [IDN]") followed by its aliases and places
    ("+JAKARTA_"), and persons ("SUSILO_BAMBANG_YUDHOYONO_ # CountryInfo.txt") with
    their aliases. Words shorter than 3 letters and initials are left out.
    """
    out: dict[str, set[str]] = {}
    current = ""
    for line in PETRARCH_COUNTRIES.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line[0] in "#\t [":
            continue
        m = _ACTOR_LINE.match(line)
        if not m:
            continue
        alias, name, code, person = m.groups()
        if not alias:
            current = "pl" if code else "pn" if person else ""
        if not current:
            continue
        for word in name.split("#")[0].replace("-", "_").split("_"):
            if len(word) >= 3 and word.isalpha():
                out.setdefault(word.lower(), set()).add(current)
    return out


# Words of address, office and rank that stand before names in Indonesian news (general
# language knowledge, not names): the 'tt' gazetteer tag lets what the model learns from
# 'Presiden' or 'Gubernur' carry over to ranks the training data rarely shows
# ('Irjen Pol', 'Kombes', 'AKBP').
TITLE_WORDS = """
presiden wapres wakil menteri menlu menhan menkeu mendagri menko mensesneg seskab sekjen
gubernur wagub bupati wabup walikota wali camat lurah kades ketua kepala direktur
dirut kapolri wakapolri kapolda wakapolda kapolres kapolsek kabareskrim kadiv kabid kasat
kasubdit kanit panglima pangdam danrem dandim kasad kasal kasau jaksa hakim
jenderal jend irjen brigjen komjen kombes akbp akp iptu ipda aiptu bripka brigpol bripda
pol letjen mayjen laksamana laksma marsekal kolonel kol letkol mayor kapten serka pratu
bapak pak ibu bu saudara sdr tuan nyonya mas mbak bung kak
dr drs dra ir prof profesor haji hajah kh habib ustaz ustadz kyai kiai gus syekh
dubes jubir raja ratu pangeran sultan paus uskup pendeta
""".split()


def country_gazetteer() -> dict[str, str]:
    """Lowercased words of country names: 'c' a whole one-word name, 'cp' part of a longer one."""
    gz: dict[str, str] = {}
    for name in country_names():
        toks = TOKEN_RE.findall(name)
        if len(toks) == 1:
            gz[toks[0].lower()] = "c"
    for name in country_names():
        toks = TOKEN_RE.findall(name)
        if len(toks) > 1:
            for t in toks:
                if _WORDISH.search(t) and t[:1].isupper():
                    gz.setdefault(t.lower(), "cp")
    return gz


# -- training and compiling ------------------------------------------------------------


def ship_domain(args: argparse.Namespace) -> str | None:
    """Whose domain-specific weights the artifact adds to the shared ones (None: shared only)."""
    if not args.domain_aug or args.ship_domain == "shared":
        return None
    return args.ship_domain


DROP: set[str] = set()  # ablation: "slot|kind" patterns to leave out ("I|*", "*|cl")


def _kept(attr: str) -> bool:
    slot, feat = attr.split("|", 1)
    kind = feat[: feat.index("=")]
    return not ({f"{slot}|{kind}", f"{slot}|*", f"*|{kind}"} & DROP)


def attributes(space: FeatureSpace, words: Sequence[str], domain: str | None) -> list[list[str]]:
    """crfsuite attributes of a sentence; with a domain, each also in a domain-specific copy.

    This is feature augmentation for domain adaptation (Daume III, 2007): the shared copy
    learns what holds in both corpora, the specific copy each corpus's own conventions
    (NERGRIT labels 'desa' and schools as places, idner includes 'Partai'). The shipped
    tables hold shared + news-domain weights.
    """
    attrs = space.sentence_attributes(words)
    if DROP:
        attrs = [[a for a in x if _kept(a)] for x in attrs]
    if domain is None:
        return attrs
    return [a + [domain + "~" + x for x in a] for a in attrs]


def train_crf(
    space: FeatureSpace,
    train: list[Sentence],
    domains: Sequence[str | None],
    c1: float,
    c2: float,
    max_iter: int,
    path: Path,
) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for (words, labels), domain in zip(train, domains, strict=True):
        trainer.append(attributes(space, words, domain), labels)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iter,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(path))


def compile_model(
    crf_path: Path, space: FeatureSpace, meta: dict, out: Path | None, ship_domain: str | None
) -> tuple[Tagger, dict[str, int]]:
    """Turn the crfsuite model into the numpy artifact (and a Tagger over it)."""
    import pycrfsuite

    crf = pycrfsuite.Tagger()
    crf.open(str(crf_path))
    info = crf.info()
    labels = list(LABELS)
    extra = sorted(set(crf.labels()) - set(labels))
    if extra:
        raise ValueError(f"unexpected labels in training data: {extra}")
    lab_index = {y: i for i, y in enumerate(labels)}
    trans = np.zeros((len(labels), len(labels)))
    for (a, b), w in info.transitions.items():
        trans[lab_index[a], lab_index[b]] = w
    names: list[str] = []
    name_index: dict[str, int] = {}
    summed: dict[tuple[int, int, int], float] = {}
    for (attr, label), w in info.state_features.items():
        if w == 0.0:
            continue
        if "~" in attr.split("|", 1)[0]:  # a domain-specific copy: keep the news domain's
            domain, attr = attr.split("~", 1)
            if domain != ship_domain:
                continue
        slot, feat = split_attribute(attr)
        j = name_index.get(feat)
        if j is None:
            j = name_index[feat] = len(names)
            names.append(feat)
        key = (j, slot, lab_index[label])
        summed[key] = summed.get(key, 0.0) + w
    crf.close()
    keys = sorted(summed)
    w_feat = [k[0] for k in keys]
    w_slot = [k[1] for k in keys]
    w_label = [k[2] for k in keys]
    w_value = [summed[k] for k in keys]
    cl_words = sorted(space.clusters)
    caps_words = sorted(space.caps)
    freq_words = sorted(space.freq)
    gz_words = sorted(space.gazetteer)
    arrays: dict[str, Any] = {
        "meta": encode_strings([json.dumps(meta, sort_keys=True)]),
        "labels": encode_strings(labels),
        "transitions": trans.astype(np.float64),
        "feat_names": encode_strings(names),
        "w_feat": np.array(w_feat, dtype=np.int32),
        "w_slot": np.array(w_slot, dtype=np.int8),
        "w_label": np.array(w_label, dtype=np.int8),
        "w_value": np.array(w_value, dtype=np.float32),
        "cl_words": encode_strings(cl_words),
        "cl_ids": np.array([space.clusters[w] for w in cl_words], dtype=np.int16).reshape(-1, 2),
        "caps_words": encode_strings(caps_words),
        "caps_bucket": np.array([space.caps[w] for w in caps_words], dtype=np.int8),
        "freq_words": encode_strings(freq_words),
        "freq_bucket": np.array([space.freq[w] for w in freq_words], dtype=np.int8),
        "gz_words": encode_strings(gz_words),
        "gz_tags": encode_strings([space.gazetteer[w] for w in gz_words]),
    }
    target = out if out is not None else Path(tempfile.mkdtemp()) / "ner-id.npz"
    target.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(target, **arrays)
    stats = {"state_weights": len(w_value), "features": len(names), "bytes": target.stat().st_size}
    return Tagger.load(target), stats


# -- evaluation --------------------------------------------------------------------------


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "n": tp + fn}


def evaluate(gold: list[list[str]], pred: list[list[str]]) -> dict[str, dict]:
    """Token-level (type of each non-O token) and entity-level (exact span+type) P/R/F1."""
    tok = {t: [0, 0, 0] for t in ENTITY_TYPES}
    ent = {t: [0, 0, 0] for t in ENTITY_TYPES}
    for g, p in zip(gold, pred, strict=True):
        for gl, pl in zip(g, p, strict=True):
            gt, pt = gl[2:], pl[2:]
            if gt and gt == pt:
                tok[gt][0] += 1
            else:
                if pt:
                    tok[pt][1] += 1
                if gt:
                    tok[gt][2] += 1
        gs, ps = set(spans(g)), set(spans(p))
        for s in ps:
            ent[s[2]][0 if s in gs else 1] += 1
        for s in gs - ps:
            ent[s[2]][2] += 1
    out: dict[str, dict] = {}
    for name, table in (("token", tok), ("entity", ent)):
        res = {t: _prf(*table[t]) for t in ENTITY_TYPES}
        res["all"] = _prf(*(sum(table[t][i] for t in ENTITY_TYPES) for i in range(3)))
        out[name] = res
    return out


def crfsuite_labels(
    crf_path: Path, space: FeatureSpace, sents: list[Sentence], domain: str | None
) -> list[list[str]]:
    import pycrfsuite

    crf = pycrfsuite.Tagger()
    crf.open(str(crf_path))
    try:
        return [crf.tag(attributes(space, w, domain)) for w, _ in sents]
    finally:
        crf.close()


def build_space(args: argparse.Namespace, unlabelled: list[list[str]]) -> FeatureSpace:
    """The word statistics and gazetteers the features read."""
    space = FeatureSpace()
    if not args.no_caps:
        space.caps, space.freq = word_statistics(unlabelled)
    n_fine, n_coarse = (int(x) for x in args.clusters.split(","))
    if n_fine:
        space.clusters = word_clusters(unlabelled, n_fine, n_coarse)
    if not args.no_gazetteer:
        tags: dict[str, set[str]] = {w: {t} for w, t in country_gazetteer().items()}
        if not args.no_titles:
            for w in TITLE_WORDS:
                tags.setdefault(w, set()).add("tt")
        if not args.no_petrarch:
            for w, ts in petrarch_gazetteer().items():
                if space.caps.get(w, 5) >= 2:  # skip words mostly written lower case ('dan')
                    tags.setdefault(w, set()).update(ts)
        space.gazetteer = {w: ",".join(sorted(ts)) for w, ts in tags.items()}
    return space


def _cv_fold(job: tuple) -> dict[str, list[list[str]]]:
    space, train, domains, tests, c1, c2, max_iter = job
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fold.crfsuite"
        train_crf(space, train, domains, c1, c2, max_iter, path)
        return {
            name: crfsuite_labels(path, space, sents, domain)
            for name, (sents, domain) in tests.items()
        }


def cross_validate(args: argparse.Namespace, space: FeatureSpace, splits: dict) -> int:
    """K-fold cross-validation over train+dev of both corpora (for choosing features).

    The dev splits alone are small (~500-600 entities each), so feature choices are made
    on pooled out-of-fold predictions over all 3,700 labelled sentences.
    """
    from concurrent.futures import ProcessPoolExecutor

    corpora = {
        "idner": splits["idner-train"] + splits["idner-dev"],
        "nergrit": splits["nergrit-train"] + splits["nergrit-valid"],
    }
    k = args.cv
    jobs = []
    for f in range(k):
        train, domains, tests = [], [], {}
        for name, sents in corpora.items():
            part = [x for i, x in enumerate(sents) if i % k != f]
            train += part
            domains += [name if args.domain_aug else None] * len(part)
            tests[name] = ([x for i, x in enumerate(sents) if i % k == f], ship_domain(args))
        jobs.append((space, train, domains, tests, args.c1, args.c2, args.max_iter))
    with ProcessPoolExecutor(max_workers=2) as pool:
        preds = list(pool.map(_cv_fold, jobs))
    parts = []
    for name, sents in corpora.items():
        gold = [y for f in range(k) for i, (_, y) in enumerate(sents) if i % k == f]
        pred = [p for f in range(k) for p in preds[f][name]]
        r = evaluate(gold, pred)
        parts.append(
            f"{name} {r['entity']['all']['f1']:.4f} ("
            + " ".join(f"{t} {r['entity'][t]['f1']:.3f}" for t in ENTITY_TYPES)
            + ")"
        )
    print(f"CV{k} entity F1: " + " | ".join(parts))
    return 0


# -- main --------------------------------------------------------------------------------


def missing_requirements() -> str | None:
    """Why training cannot run here (one line), or None."""
    try:
        import pycrfsuite  # noqa: F401
    except ImportError:
        return "python-crfsuite is needed to train: .venv/bin/pip install -e '.[dev]'"
    needed = [
        IDNER / "train.txt",
        IDNER / "dev.txt",
        NERGRIT / "train_preprocess.txt",
        NERGRIT / "valid_preprocess.txt",
        DETIK,
        PETRARCH_COUNTRIES,
    ]
    absent = [str(p) for p in needed if not p.exists()]
    return f"training data not found: {', '.join(absent)}" if absent else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--c1", type=float, default=0.05, help="L1 penalty")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 penalty")
    ap.add_argument("--max-iter", type=int, default=75, help="L-BFGS iterations (CV-chosen)")
    ap.add_argument("--clusters", type=str, default="256,32", help="fine,coarse k; 0 = none")
    ap.add_argument("--no-caps", action="store_true", help="ablation: no capitalisation stats")
    ap.add_argument("--no-gazetteer", action="store_true", help="ablation: no gazetteer at all")
    ap.add_argument("--no-titles", action="store_true", help="ablation: no title/rank words")
    ap.add_argument("--no-petrarch", action="store_true", help="ablation: no PETRARCH names")
    ap.add_argument(
        "--no-harmonize",
        action="store_true",
        help="ablation: keep idner's O labels on adjectival country names",
    )
    ap.add_argument(
        "--detik-stats",
        action="store_true",
        help="development only: add the Detik corpus to the word statistics (the corpus may not "
        "be committed, so the shipped model is trained without it)",
    )
    ap.add_argument(
        "--domain-aug",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="shared + per-corpus feature copies; ships shared + idner weights",
    )
    ap.add_argument(
        "--ship-domain",
        choices=("idner", "nergrit", "shared"),
        default="idner",
        help="with --domain-aug: the domain copy compiled into the artifact",
    )
    ap.add_argument(
        "--self-train", type=int, default=0, help="add N confident pseudo-labelled Detik sentences"
    )
    ap.add_argument("--self-train-prob", type=float, default=0.95)
    ap.add_argument("--drop", default="", help="ablation: comma-separated slot|kind patterns")
    ap.add_argument("--cv", type=int, default=0, help="K-fold cross-validation only")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-write", action="store_true", help="do not write the artifact")
    ap.add_argument(
        "--report", type=Path, help="write the scores as JSON here (default: beside the artifact)"
    )
    args = ap.parse_args(argv)
    problem = missing_requirements()
    if problem:
        print(f"train_ner: {problem}", file=sys.stderr)
        return 2

    DROP.update(x for x in args.drop.split(",") if x)
    t0 = time.perf_counter()
    splits = load_splits()
    names = country_sequences()
    original_dev = {k: splits[k] for k in ("idner-dev", "nergrit-valid")}
    if not args.no_harmonize:
        splits = {k: [harmonize_countries(x, names) for x in v] for k, v in splits.items()}
    train = splits["idner-train"] + splits["nergrit-train"]
    unlabelled = [w for w, _ in train]
    if args.detik_stats:
        unlabelled += read_detik_sentences()
    if args.cv:
        unlabelled += [w for w, _ in splits["idner-dev"] + splits["nergrit-valid"]]
    space = build_space(args, unlabelled)
    t_stats = time.perf_counter() - t0
    print(
        f"sentences: train {len(train)}, idner-dev {len(splits['idner-dev'])}, "
        f"nergrit-valid {len(splits['nergrit-valid'])}; unlabelled lines {len(unlabelled)}; "
        f"stats {t_stats:.1f}s",
        flush=True,
    )
    if args.cv:
        return cross_validate(args, space, splits)

    with tempfile.TemporaryDirectory() as tmp:
        crf_path = Path(tmp) / "ner.crfsuite"
        t1 = time.perf_counter()
        domains = [
            ("idner" if i < len(splits["idner-train"]) else "nergrit") if args.domain_aug else None
            for i in range(len(train))
        ]
        train_crf(space, train, domains, args.c1, args.c2, args.max_iter, crf_path)
        n_pseudo = 0
        if args.self_train:
            pseudo = pseudo_label(
                crf_path,
                space,
                split_sentences(read_detik_sentences()),
                args.self_train,
                args.self_train_prob,
            )
            n_pseudo = len(pseudo)
            print(f"self-training with {n_pseudo} pseudo-labelled sentences", flush=True)
            train_crf(
                space,
                train + pseudo,
                list(domains) + [None] * n_pseudo,
                args.c1,
                args.c2,
                args.max_iter,
                crf_path,
            )
        t_train = time.perf_counter() - t1
        print(f"trained in {t_train:.1f}s", flush=True)
        meta = {
            "model": "linear-chain CRF (python-crfsuite, L-BFGS), compiled to word-type tables",
            "train": ["idner-news-2k/train.txt", "nergrit/train_preprocess.txt"],
            "train_sentences": len(train),
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.max_iter,
            "clusters": args.clusters,
            "caps": not args.no_caps,
            "gazetteer": not args.no_gazetteer,
            "petrarch": not (args.no_gazetteer or args.no_petrarch),
            "titles": not (args.no_gazetteer or args.no_titles),
            "detik_stats": args.detik_stats,
            "domain_aug": args.domain_aug,
            "self_train_sentences": n_pseudo,
            "harmonize_countries": not args.no_harmonize,
            "ship_domain": ship_domain(args),
            "slots": list(SLOTS),
        }
        tagger, stats = compile_model(
            crf_path, space, meta, None if args.no_write else args.out, ship_domain(args)
        )
        report: dict[str, dict] = {"stats": stats | {"train_seconds": round(t_train, 1)}}
        for split in ("idner-dev", "nergrit-valid"):
            sents = splits[split]
            # the shipped tables hold the shared + news-domain weights, whatever the split
            ref = crfsuite_labels(crf_path, space, sents, ship_domain(args))
            fast = tagger.tag_many([w for w, _ in sents])
            differ = sum(a != b for a, b in zip(ref, fast, strict=True))
            report[split] = evaluate([y for _, y in original_dev[split]], fast) | {
                "compiled_vs_crfsuite_sentences_differ": differ
            }
            if not args.no_harmonize:
                report[split + " countries-as-LOC"] = evaluate([y for _, y in sents], fast) | {
                    "compiled_vs_crfsuite_sentences_differ": differ
                }
    print(f"artifact: {stats}")
    for split in [k for k in report if k != "stats"]:
        r = report[split]
        line = "  ".join(f"{t} {r['entity'][t]['f1']:.3f}" for t in ("all", *ENTITY_TYPES))
        print(
            f"{split:28s} entity F1 {line} | token F1 {r['token']['all']['f1']:.3f}"
            f" | compiled != crfsuite in {r['compiled_vs_crfsuite_sentences_differ']} sentences"
        )
    report_path = args.report or (None if args.no_write else args.out.with_suffix(".scores.json"))
    if report_path:
        report["meta"] = meta
        report_path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"scores written to {report_path}")
    print(f"total {time.perf_counter() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
