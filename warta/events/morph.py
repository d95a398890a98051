"""Indonesian verb and noun morphology, as much as event coding needs.

The lemmas stage gives each token a root (simplemma: "menyerang" -> "serang"). Event coding
also needs to know *how* the word was derived from it, because the affixes carry grammar:

- ``di-``/``ter-`` mark the passive ("Dubes X dipanggil Kemlu": Kemlu acts on X),
- ``meN-`` (with ``-kan``/``-i``) and ``ber-`` mark active verbs,
- ``peN-an``, ``per-an``, ``ke-an`` and ``-an`` make nouns ("penangkapan", "pertemuan",
  "kunjungan"); after ``peN-an`` the next noun phrase is usually the patient
  ("penangkapan teroris"), after ``-an`` the agent ("kunjungan Presiden").

:func:`affix_class` names the derivation of a word from a given root ("meN-kan", "di",
"peN-an", "bare", ...). :func:`candidate_roots` strips affixes itself for words that
simplemma leaves alone ("menandatangani"). Both are cached per word form.
"""

from __future__ import annotations

from functools import lru_cache

CLITICS = ("nya", "lah", "kah", "pun", "ku", "mu")
SUFFIXES = ("kan", "i", "an")
# meN- allomorphs, longest first, with the root-initial consonant the nasal replaced
_MEN = (
    ("menge", ""),
    ("meng", "k"),
    ("meng", ""),
    ("meny", "s"),
    ("mem", "p"),
    ("mem", ""),
    ("men", "t"),
    ("men", ""),
    ("me", ""),
)
_PEN = (
    ("penge", ""),
    ("peng", "k"),
    ("peng", ""),
    ("peny", "s"),
    ("pem", "p"),
    ("pem", ""),
    ("pen", "t"),
    ("pen", ""),
    ("pe", ""),
)
NOMINAL = frozenset({"peN-an", "per-an", "ke-an", "-an"})
PASSIVE_PREFIXES = ("di", "diper", "ter")


def _strip_clitic(word: str) -> str:
    for c in CLITICS:
        if word.endswith(c) and len(word) - len(c) >= 4:
            return word[: -len(c)]
    return word


def _match_stem(stem: str, root: str) -> str | None:
    """The suffix that turns ``root`` into ``stem`` ("" / "kan" / "i" / "an"), else None."""
    if stem == root:
        return ""
    for suf in SUFFIXES:
        if stem == root + suf:
            return suf
    # "kunjungi" from "kunjung": root ending in -i + -i collapse is rare; -kan after -k
    if root.endswith("k") and stem == root + "an":
        return "an"
    return None


def _nasal_stems(rest: str, table: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """Possible (stem, prefix-form) pairs for a word that starts with a nasal prefix."""
    out = []
    for form, initial in table:
        if rest.startswith(form):
            out.append((initial + rest[len(form) :], form))
    return out


@lru_cache(maxsize=200_000)
def affix_class(word: str, root: str) -> str | None:
    """How ``word`` derives from ``root``: "bare", "meN", "meN-kan", "di-i", "peN-an", ...

    None when ``word`` is not a derivation of ``root`` that this analysis knows.
    """
    w = word.lower()
    r = root.lower()
    if w == r:
        return "bare"
    for cand in (w, _strip_clitic(w)):
        cls = _classify(cand, r)
        if cls:
            return cls
    return None


def _classify(w: str, r: str) -> str | None:
    if w == r:
        return "bare"
    # nominal circumfixes first: they end in -an, which the verbal suffixes would misread
    if w.endswith("an"):
        body = w[:-2]
        if body == r:
            return "-an"
        if w.startswith("ke") and w[2:-2] == r:
            return "ke-an"
        if w.startswith("per") and w[3:-2] == r:
            return "per-an"
        if w.startswith("pe"):
            for stem, _ in _nasal_stems(body, _PEN):
                if stem == r:
                    return "peN-an"
        if w.startswith("pel") and w[3:-2] == r:  # pelajaran / pelanggaran style
            return "per-an"
    for prefix, label in (("memper", "memper"), ("diper", "diper"), ("di", "di"), ("ter", "ter")):
        if w.startswith(prefix):
            suf = _match_stem(w[len(prefix) :], r)
            if suf is not None:
                return label + ("-" + suf if suf else "")
    if w.startswith("ber") or w.startswith("be") or w.startswith("bel"):
        for p in ("ber", "bel", "be"):
            if w.startswith(p):
                suf = _match_stem(w[len(p) :], r)
                if suf is not None:
                    return "ber" + ("-" + suf if suf else "")
    if w.startswith("me"):
        for stem, _ in _nasal_stems(w, _MEN):
            suf = _match_stem(stem, r)
            if suf is not None:
                return "meN" + ("-" + suf if suf else "")
    if w.startswith("pe"):
        for stem, _ in _nasal_stems(w, _PEN):
            if stem == r:
                return "peN"  # agent noun ("penembak"): not an event
    # the bare imperative with a suffix: "batalkan saja perjanjian itu", "hentikan!"
    for suf in ("kan", "i"):
        if w == r + suf:
            return "-" + suf
    return None


@lru_cache(maxsize=200_000)
def candidate_roots(word: str) -> tuple[str, ...]:
    """Roots a word may come from, by stripping known affixes (most specific first).

    Used when simplemma returns the word unchanged; the caller keeps the candidates that
    are lexicon keys, then checks them with :func:`affix_class`.
    """
    w = _strip_clitic(word.lower())
    stems: list[str] = []
    prefixed: list[str] = []
    for prefix in ("memper", "diper", "di", "ter", "ber", "bel", "be", "ke", "per"):
        if w.startswith(prefix) and len(w) - len(prefix) >= 3:
            prefixed.append(w[len(prefix) :])
    for table in (_MEN, _PEN):
        for stem, _ in _nasal_stems(w, table):
            if len(stem) >= 3:
                prefixed.append(stem)
    for base in [w, *prefixed]:
        stems.append(base)
        for suf in ("kan", "an", "i"):
            if base.endswith(suf) and len(base) - len(suf) >= 3:
                stems.append(base[: -len(suf)])
    seen: dict[str, None] = {}
    for s in stems:
        if s != w:
            seen.setdefault(s, None)
    return tuple(seen)


def is_passive(cls: str | None) -> bool:
    return bool(cls) and cls.startswith(PASSIVE_PREFIXES)  # type: ignore[union-attr]


def is_nominal(cls: str | None) -> bool:
    return cls in NOMINAL


def class_allowed(cls: str, allowed: frozenset[str] | None) -> bool:
    """Whether an affix class is in a lexicon row's allowed set (None = any)."""
    if allowed is None:
        return True
    if cls in allowed:
        return True
    if cls in ("-kan", "-i"):  # imperative: allowed where the active meN- form is
        cls = "meN" + cls
        if cls in allowed:
            return True
    head = cls.split("-", 1)[0] if not cls.startswith("-") else cls
    if head + "*" in allowed:
        return True
    if "V" in allowed and cls not in NOMINAL and cls not in ("bare", "peN"):
        return True
    if "N" in allowed and cls in NOMINAL:
        return True
    return False
