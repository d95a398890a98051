"""Find the names an article mentions: KB gazetteer, news-writing cues, NER labels.

The finder walks each sentence's tokens once. A *run* is a stretch of capitalised tokens
(joined by name particles: "bin", "van", "of", "dan"…). Inside a run, from left to right:

- a title ("Menteri Luar Negeri", "Foreign Minister", "Presiden", "Mr") is cut off the
  name and kept as a role claim; a country or organisation right after an office title
  ("Menlu Malaysia", "Ketua KPK") qualifies the role and is a mention of its own;
- the longest KB name starting there is a KB mention (short all-capital aliases such as
  "AS" or "RI" only as written; one-word aliases that are common words are not used);
- the rest are unknown names, typed by their head words (Kementerian…, Kabupaten…, …
  Party), by cues (a title before, a verb of saying around, "di"/"in" before), by the
  NER tagger's label where it has one, and otherwise by shape.

Lower-case role phrases just before a name ("kata juru bicara KPK Ali", "Russia's foreign
minister Sergei Lavrov") are read by looking back a few tokens. "mantan"/"former" before a
title marks the claim as past, so it is never taken for the current office.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, repeat
from operator import is_

from ..doc import Article, RoleClaim, Token
from ..textutil import fold
from .lexicon import (
    COMPASS,
    CONNECTORS,
    NEVER_NAMES,
    NOT_ENTITY_HEADS,
    OPENERS,
    ORG_HEADS,
    ORG_PREFIXES,
    ORG_TAILS,
    PLACE_HEADS,
    PLACE_PREPS,
    ROMAN,
    SAY_AFTER,
    SAY_BEFORE,
    SPLITTERS,
    STOP_ACRONYMS,
    STRONG_PLACE_PREPS,
)
from .roles import FUTURE_MARKERS, PAST_MARKERS, Title, match_title, titles
from .store import CURATED_ORIGINS, KB, Actor

NER_LABEL = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}
_NO_NAME: list[int] = []  # sentinel: not even the beginning of a known name
# Titles whose next words name a region ("Bupati Jombang …", "Kapolda Metro Jaya …").
_REGIONAL = frozenset({"governor", "regent", "mayor", "regional_police_chief",
                       "regional_military_commander"})
# Titles followed by the ministry's words ("Menteri Sosial …", "Minister of Health …").
_PORTFOLIO_ROLES = frozenset({"minister", "coordinating_minister", "deputy_minister"})
_QUOTE_OPENERS = frozenset('"“‘\'(-—–[')
_SENTENCE_END = frozenset('.!?"“”:;\n-—–')


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    label: str | None
    source: str  # kb | ner | cue | rule | coref
    conf: float
    sent: int
    tok: tuple[int, int]  # article token range
    cands: list[Actor] = field(default_factory=list)
    role: RoleClaim | None = None
    role_time: str = "current"  # current | past | future
    role_org: str | None = None  # the organisation a title is qualified by
    person_cue: bool = False
    paren_of: int | None = None  # index of the mention this one abbreviates "(KPK)"
    actor: Actor | None = None
    canonical: str | None = None
    slip: str | None = None
    words: tuple[str, ...] = ()  # folded words of the name
    country_hint: str | None = None  # the country of a place not in the KB ("Lombok Timur")
    portfolio: str | None = None  # the ministry a "Menteri X" title names


@lru_cache(maxsize=300_000)
def _fold_token(word: str) -> str:
    if word.endswith(("'s", "’s")) and len(word) > 3:
        word = word[:-2]
    return fold(word)


@lru_cache(maxsize=300_000)
def _is_cap(word: str) -> bool:
    c = word[:1]
    if c.isupper() and c.isalpha():
        return fold(word) not in NEVER_NAMES
    if len(word) > 3 and word[2] == "-" and word[:2] in ("al", "el") and word[3:4].isupper():
        return True
    return False


# Per word form, for a whole article at a time: plain dicts read with ``map(dict.get, …)``
# cost a fraction of a call through ``lru_cache`` per token.
_FOLDED: dict[str, str] = {}
_CAPPED: dict[str, bool] = {}
MAX_FORMS = 300_000  # each dict is cleared when it reaches this size


def _per_form(texts: list[str], memo: dict, fn) -> list:  # noqa: ANN001
    """``[fn(t) for t in texts]``, remembered per word form in ``memo``."""
    got = list(map(memo.get, texts))
    if None in got:
        if len(memo) >= MAX_FORMS:
            memo.clear()
        for k in compress(range(len(got)), map(is_, got, repeat(None))):  # the new forms
            got[k] = memo[texts[k]] = fn(texts[k])
    return got


@lru_cache(maxsize=4)
def _dictionary(lang: str) -> frozenset[bytes]:
    """simplemma's word forms and lemmas for ``lang`` (loaded once; the lemmas stage
    loads the same dictionaries)."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    d = DefaultDictionaryFactory().get_dictionary(lang)._dict
    return frozenset(d.keys()) | frozenset(d.values())


@lru_cache(maxsize=200_000)
def _known_word(word: str, lang: str) -> bool:
    """Whether a word is a common word of the language (in simplemma's dictionary)."""
    return word.lower().encode("utf-8") in _dictionary(lang)


def _bio_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) spans of BIO labels; a stray I- opens a span."""
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, lab in enumerate(labels):
        if lab.startswith("I-") and kind == lab[2:]:
            continue
        if kind:
            out.append((start, i, kind))
            kind = ""
        if lab[:2] in ("B-", "I-"):
            start, kind = i, lab[2:]
    if kind:
        out.append((start, len(labels), kind))
    return out


def types_of(cands: list[Actor]) -> set[str]:
    return {c.type for c in cands}


# Words that are never an entity on their own: a bare head word, a compass point, a
# roman numeral, a common acronym.
_NEVER_ALONE = ORG_HEADS | PLACE_HEADS | COMPASS | ROMAN | STOP_ACRONYMS | NOT_ENTITY_HEADS
_PAIR = re.compile(r"[A-Z][\w'’]*-[A-Z]")


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()


class MentionFinder:
    """Finds mentions in an article; holds the KB and the lookup tables built from it."""

    def __init__(self, kb: KB) -> None:
        self.kb = kb
        self.first = kb.first_words()
        self.prefixes = kb.name_prefixes()
        self.title_first = frozenset(titles())
        self._local = threading.local()  # per-call memo; the finder may serve many threads
        # Organisations written in lower case ("detikcom", "detikNews") are found by name.
        lower = sorted({n.split()[0] for row in kb.actors.rows() if row[2] == "ORG"
                        and row[5] in CURATED_ORIGINS
                        for n in (row[1], *row[8]) if n[:1].islower() and len(n) >= 5})
        self.lower_re = re.compile(
            r"(?<![\w@])(?:" + "|".join(map(re.escape, lower)) + r")(?!\w)") if lower else None
        # substring tests first: far cheaper than the regex, which can only match where
        # one of the names occurs
        self._lower_names = tuple(lower)
        self.title_last = frozenset(t.words[-1] for ts in titles().values() for t in ts)

    # -- KB --------------------------------------------------------------------------
    def _kb_match(self, toks: list[Token], ft: list[str], p: int, limit: int) -> tuple[int, str] | None:
        """Longest KB name starting at token p: (end token, folded key), or None."""
        f0 = ft[p]
        if not f0:
            return None
        first = f0.split(" ", 1)[0] if " " in f0 else f0
        maxw = self.first.get(first)
        if not maxw:
            return None
        memo = self._local.kb_memo
        hit = memo.get(p, memo)
        if hit is not memo:
            return hit
        hit = self._kb_scan(toks, ft, p, limit, maxw)
        memo[p] = hit
        return hit

    def _kb_scan(self, toks: list[Token], ft: list[str], p: int, limit: int,
                 maxw: int) -> tuple[int, str] | None:
        best = None
        parts: list[str] = []
        nwords = 0
        q = p
        while q < limit:
            f = ft[q]
            if f:
                parts.append(f)
                nwords += f.count(" ") + 1
                if nwords > maxw:
                    break
                key = " ".join(parts)
                ids = self.prefixes.get(key, _NO_NAME)
                if ids is _NO_NAME:
                    break  # no known name begins with these words: none is longer
                if ids:
                    forms = self.kb.exact.get(key)
                    surface = self._surface(toks, p, q + 1)
                    if forms and surface not in forms:
                        pass
                    elif nwords == 1 and key in self.kb.weak and not (
                        p > 0 and toks[p - 1].text not in _SENTENCE_END
                        and any(self.kb.actors[x].curated for x in ids)
                    ):
                        pass  # "Apple"/"Twitter" only mid-sentence and only as curated
                    else:
                        best = (q + 1, key)
            elif q > p and toks[q].text not in (",", "-", "&", "'", "’", "."):
                break
            q += 1
        return best

    @staticmethod
    def _surface(toks: list[Token], a: int, b: int) -> str:
        return " ".join(t.text for t in toks[a:b]) if b - a > 1 else toks[a].text

    # -- titles ----------------------------------------------------------------------
    def _title_at(self, ft: list[str], p: int, limit: int) -> tuple[Title, int] | None:
        """A title starting at token p (within limit): (title, end token)."""
        f = ft[p]
        if (f if " " not in f else f.split(" ", 1)[0]) not in self.title_first:
            return None
        words: list[str] = []
        owner: list[int] = []
        for q in range(p, min(limit, p + 7)):
            for w in ft[q].split():
                words.append(w)
                owner.append(q)
        if not words:
            return None
        t = match_title(words, 0)
        if t is None:
            return None
        n = len(t.words)
        if n < len(owner) and owner[n] == owner[n - 1]:
            return None  # the title ends inside a token
        return t, owner[n - 1] + 1

    def _title_before(self, toks: list[Token], ft: list[str], s0: int, i: int) -> tuple[Title, int] | None:
        """A lower-case title ending right before token i ("kata juru bicara X")."""
        best = None
        if i - 1 >= s0 and toks[i - 1].text == ",":  # "said the spokesperson, Ned Price"
            i -= 1
        if i - 2 >= s0 and ft[i - 1] in ORG_HEADS and not _is_cap(toks[i - 1].text) and (
            ft[i - 2].rsplit(" ", 1)[-1] in self.title_last
        ):
            i -= 1  # "juru bicara kementerian Budi Santoso": the body between title and name
        if i - 1 < s0 or ft[i - 1].rsplit(" ", 1)[-1] not in self.title_last:
            return None
        for k in range(1, 6):
            a = i - k
            if a < s0:
                break
            w = toks[a].text
            if not w[:1].isalpha() or _is_cap(w):
                break
            found = self._title_at(ft, a, i)
            if found and found[1] == i:
                best = (found[0], a)
        return best

    # -- the scan --------------------------------------------------------------------
    def find(self, article: Article, ner_labels: list[list[str]] | None = None,
             texts: list[str] | None = None) -> list[Mention]:
        """The mentions of ``article``; ``texts``, if given, are its tokens' texts."""
        toks = article.tokens
        out: list[Mention] = []
        lang = "en" if article.lang == "en" else "id"
        self._local.kb_memo = {}
        if _PAIR.search(article.text):
            toks, bounds, ner_labels = self._split_pairs(article, ner_labels)
        else:
            bounds = [(s.tok_start, s.tok_end) for s in article.sentences]

        if texts is None or toks is not article.tokens:
            texts = [t.text for t in toks]
        ft = _per_form(texts, _FOLDED, _fold_token)
        caps = _per_form(texts, _CAPPED, _is_cap)  # _is_cap of each token, read by the scan
        capped = list(compress(range(len(texts)), caps))
        text = article.text
        if self.lower_re is not None and any(n in text for n in self._lower_names) and (
            self.lower_re.search(text)
        ):
            starts = {t.start: i for i, t in enumerate(toks)}
            extra = [starts[m.start()] for m in self.lower_re.finditer(article.text)
                     if m.start() in starts]
            capped = sorted(set(capped).union(extra))
        k = 0
        for si, (s0, s1) in enumerate(bounds):
            while k < len(capped) and capped[k] < s0:
                k += 1
            if k >= len(capped):
                break
            if s1 <= s0 or capped[k] >= s1:
                continue
            labels = ner_labels[si] if ner_labels and si < len(ner_labels) else None
            self._scan_sentence(article, toks, ft, s0, s1, si, labels, lang, out, capped, k,
                                caps)
        return out

    def _split_pairs(self, article: Article, ner_labels: list[list[str]] | None
                     ) -> tuple[list[Token], list[tuple[int, int]], list[list[str]] | None]:
        """Split "Jokowi-Ma'ruf", "Widodo-Ma'ruf" (two names joined by a hyphen) into
        name, "-", name where either side is a known name's word; keep "Jean-Pierre"."""
        toks = article.tokens
        bounds = [(s.tok_start, s.tok_end) for s in article.sentences]
        split: set[int] = set()
        for i in [i for i, t in enumerate(toks) if "-" in t.text]:
            w = toks[i].text
            h = w.find("-")
            if 0 < h < len(w) - 1 and w[0].isupper() and w[h + 1].isupper() and (
                fold(w[:h]) in self.kb.index or fold(w[h + 1 :]) in self.kb.index
                or fold(w[:h]) in self.kb.token_index()
            ):
                split.add(i)
        if not split:
            return toks, bounds, ner_labels
        out: list[Token] = []
        new_bounds: list[tuple[int, int]] = []
        labels_out: list[list[str]] | None = [] if ner_labels is not None else None
        for si, (a, b) in enumerate(bounds):
            s0 = len(out)
            labs = ner_labels[si] if ner_labels is not None and si < len(ner_labels) else None
            new_labs: list[str] = []
            if not any(a <= k < b for k in split):  # nothing to split: copy the sentence
                out.extend(toks[a:b])
                kept = list(labs[: b - a]) if labs is not None else []
                new_labs = kept + ["O"] * (b - a - len(kept))
                new_bounds.append((s0, len(out)))
                if labels_out is not None:
                    labels_out.append(new_labs)
                continue
            for k in range(a, b):
                t = toks[k]
                lab = labs[k - a] if labs is not None and k - a < len(labs) else "O"
                if k in split:
                    h = t.text.find("-")
                    out.append(Token(t.text[:h], t.start, t.start + h))
                    out.append(Token("-", t.start + h, t.start + h + 1))
                    out.append(Token(t.text[h + 1 :], t.start + h + 1, t.end))
                    new_labs += [lab, "O", "B-" + lab[2:] if lab != "O" else "O"]
                else:
                    out.append(t)
                    new_labs.append(lab)
            new_bounds.append((s0, len(out)))
            if labels_out is not None:
                labels_out.append(new_labs)
        return out, new_bounds, labels_out

    def _scan_sentence(self, article: Article, toks: list[Token], ft: list[str], s0: int,
                       s1: int, si: int, labels: list[str] | None, lang: str,
                       out: list[Mention], capped: list[int], k: int,
                       caps: list[bool]) -> None:
        carry: dict | None = None  # an office title whose person comes after "(ACR)"
        n_capped = len(capped)
        i = s0
        while True:
            while k < n_capped and capped[k] < i:
                k += 1
            if k >= n_capped or capped[k] >= s1:
                break
            i = capped[k]
            if ft[i] in OPENERS and not self._kb_match(toks, ft, i, s1):
                i += 1
                continue
            j = i + 1
            while j < s1:
                if caps[j] and ft[j] not in OPENERS:
                    j += 1
                elif ft[j] in CONNECTORS and j + 1 < s1 and caps[j + 1]:
                    j += 2
                else:
                    break
            at_start = i == s0 or (i - 1 >= s0 and toks[i - 1].text in _QUOTE_OPENERS
                                   and (i - 2 < s0 or toks[i - 2].text in ".:!?"))
            if carry is not None and i - carry["end"] > 4:
                carry = None
            i, carry = self._run(article, toks, ft, s0, s1, i, j, si, labels, lang, at_start,
                                 carry, out)

    def _run(self, article: Article, toks: list[Token], ft: list[str], s0: int, s1: int,
             i: int, j: int, si: int, labels: list[str] | None, lang: str, at_start: bool,
             carry: dict | None, out: list[Mention]) -> tuple[int, dict | None]:
        """Segment one run [i, j) and emit its mentions; returns (next token, carry)."""
        # A sentence-opening function word is not part of a name.
        while at_start and i < j and ft[i] in OPENERS and not self._kb_match(toks, ft, i, s1):
            i += 1
            at_start = False
        if i >= j:
            return j, carry
        if j == i + 1 and carry is None:
            # The common case, one capitalised word: cheap rejections first.
            f = ft[i]
            head = f.split(" ", 1)[0] if " " in f else f
            if head not in self.first and head not in self.title_first and (
                f not in self.kb.demonyms
            ):
                if at_start and (f in OPENERS or _known_word(f, lang)):
                    return j, None  # "Namun", "Kemudian", "The" opening a sentence
                if f in _NEVER_ALONE or len(f) < 2:
                    return j, None
                before = self._title_before(toks, ft, s0, i)
                if before is None:
                    self._classify(article, toks, ft, s0, s1, i, j, si, labels, lang,
                                   at_start, None, False, out)
                    return j, None
        role: dict | None = None
        if carry is not None:
            role = carry
        before = self._title_before(toks, ft, s0, i)
        if before is not None:
            t, a = before
            role = self._new_role(article, toks, ft, s0, t, a, i)
        pre_country: str | None = None
        p = i
        end = j
        unk_start = -1
        person_cue = False

        def flush_unknown(q: int, qualifier: bool = False) -> None:
            """Emit the unknown words [unk_start, q). Before a title or a known
            organisation/place, words after an open role title qualify it ("Kapolda Metro
            Jaya Irjen X", "Kepala Bidang … BMKG Y"): they are not the person."""
            nonlocal unk_start
            if unk_start >= 0:
                pending = role is not None and not role.get("person_done")
                if qualifier and pending:
                    self._qualifier(article, toks, ft, s0, s1, unk_start, q, si, labels,
                                    role, out)
                else:
                    self._unknown(article, toks, ft, s0, s1, unk_start, q, si, labels, lang,
                                  at_start and unk_start == i, role, person_cue, out)
                unk_start = -1

        while p < end:
            kb = self._kb_match(toks, ft, p, s1)
            if kb is not None and kb[0] == p + 1 and kb[0] < end and ft[p + 1] not in CONNECTORS:
                ids = self.kb.index[kb[1]]
                if all(self.kb.actors[x].type == "PERSON" for x in ids) and not (
                    self._kb_match(toks, ft, p + 1, s1) or self._title_at(ft, p + 1, end)
                ):
                    kb = None  # "Retno Marsudy": a longer (misspelt) name, not "Retno"
            title = self._title_at(ft, p, end)
            if title is not None and (kb is None or kb[0] <= title[1]):
                flush_unknown(p, qualifier=True)
                t, q = title
                if t.kind == "honorific":
                    person_cue = True
                elif t.role is not None or t.kind == "office":
                    role = self._new_role(article, toks, ft, s0, t, p, q)
                    if pre_country:
                        role["country"] = role["country"] or pre_country
                    person_cue = True
                    if t.portfolio is None and t.role in _PORTFOLIO_ROLES:
                        q = self._portfolio(toks, ft, q, end, lang, s1, role)
                p = q
                continue
            if kb is not None:
                q, key = kb
                cands = [self.kb.actors[x] for x in self.kb.index[key]]
                types = types_of(cands)
                if "PLACE" in types and any(c.origin == "country" for c in cands) or (
                    types <= {"PLACE"}
                ):
                    compound = self._compound(toks, ft, unk_start, p, q, end, s1)
                    if compound is not None:
                        # "Kedutaan Besar Arab Saudi", "Laut Cina Selatan", "West Papua
                        # National Liberation Army": a place inside a longer name
                        a, r, label = compound
                        if a == unk_start:
                            unk_start = -1
                        else:
                            flush_unknown(p, qualifier=True)
                        m = self._mention(article, toks, a, r, si, "rule", 0.7, [], label)
                        m.country_hint = cands[0].country
                        out.append(m)
                        p = r
                        end = max(end, r)
                        continue
                    if out and out[-1].label == "ORG" and toks[p].start - out[-1].end <= 1 and (
                        unk_start < 0 and key in ("ri", "republik indonesia")
                    ):
                        prev_m = out[-1]  # "DPR RI", "Kemlu RI": part of the name
                        prev_m.end = toks[q - 1].end
                        prev_m.text = article.text[prev_m.start : prev_m.end]
                        p = q
                        continue
                flush_unknown(p, qualifier=True)  # a known name follows: the rest qualifies
                if types_of(cands) == {"PLACE"} and q < s1 and ft[q] in COMPASS and (
                    _is_cap(toks[q].text)
                ):
                    # "Lombok Timur", "Jakarta Selatan" when not known as one name
                    r = q + 1
                    while r < s1 and ft[r] in COMPASS and _is_cap(toks[r].text):
                        r += 1
                    m = self._mention(article, toks, p, r, si, "rule", 0.7, [], "PLACE")
                    m.canonical = m.text
                    m.country_hint = cands[0].country
                    out.append(m)
                    p = r
                    end = max(end, r)
                    continue
                if types == {"ORG"}:
                    # "CNN Internasional", "Reuters Indonesia": an edition of the body
                    r = q
                    while r < end and _is_cap(toks[r].text) and _known_word(ft[r], lang) and (
                        not self._kb_match(toks, ft, r, s1) and not self._title_at(ft, r, end)
                    ) and ft[r] not in ORG_HEADS:
                        r += 1
                    if r > q:
                        m = self._mention(article, toks, p, r, si, "kb", 0.85, cands)
                        out.append(m)
                        p = r
                        continue
                m = self._mention(article, toks, p, q, si, "kb", 0.9, cands)
                types = {c.type for c in cands}
                if role is not None and not role.get("person_done") and types <= {"PLACE", "ORG"}:
                    # "Menlu Malaysia …", "Ketua KPK …": the role's qualifier
                    if "PLACE" in types:
                        c = cands[0]
                        role["country"] = role["country"] or c.country
                    else:
                        role["org"] = m.text
                        role["org_country"] = cands[0].country
                    if m.start - role["end_char"] <= 2:
                        role["end_char"] = m.end
                elif role is None and types <= {"PLACE"} and cands[0].origin == "country":
                    pre_country = cands[0].country  # "U.S. Secretary of State …"
                if types == {"PERSON"} or (role is not None and "PERSON" in types
                                           and not role.get("person_done")):
                    self._attach_role(m, role, person_cue)
                out.append(m)
                p = q
                end = max(end, q)
                continue
            dem = self.kb.demonyms.get(ft[p]) if ft[p] else None
            if dem and p + 1 < end and self._title_at(ft, p + 1, end):
                flush_unknown(p)
                pre_country = dem  # "Russian Foreign Minister …"
                p += 1
                continue
            if ft[p] in SPLITTERS and unk_start >= 0 and not (
                ft[unk_start] in ORG_HEADS or ft[unk_start] in PLACE_HEADS
                or any(ft[r] in ORG_TAILS for r in range(p + 1, end))
            ):
                flush_unknown(p)  # "X and Y": two names, unless one organisation's name
                pre_country = None
                p += 1
                continue
            if ft[p] in CONNECTORS and unk_start < 0:
                p += 1
                continue
            if unk_start < 0:
                unk_start = p
            p += 1
        flush_unknown(end)
        next_carry = None
        if role is not None and not role.get("person_done"):
            role["end"] = end
            next_carry = role
        return end, next_carry

    def _new_role(self, article: Article, toks: list[Token], ft: list[str], s0: int,
                  t: Title, a: int, b: int) -> dict:
        """A role claim under construction: title tokens [a, b)."""
        time = "current"
        country = None
        k = a - 1
        while k >= s0 and k >= a - 3:
            f = ft[k]
            if f in PAST_MARKERS or f == "ex":
                time = "past"
                break
            if f in FUTURE_MARKERS:
                time = "future"
                break
            if toks[k].text.endswith(("'s", "’s")):  # "Russia's foreign minister"
                cands = self.kb.index.get(f)
                if cands:
                    c = self.kb.actors[cands[0]]
                    if c.type == "PLACE":
                        country = c.country
                break
            dem = self.kb.demonyms.get(f)
            if dem:
                country = dem
                break
            if f not in ("the", "sang", "a", "an"):
                break
            k -= 1
        if time == "current" and _timeless_title(article.text, toks, s0, a, b):
            time = "timeless"
        return {"title": t, "start": toks[a].start, "end_char": toks[b - 1].end, "time": time,
                "country": country, "org": None, "org_country": None, "end": b,
                "doc": article.text}

    @staticmethod
    def _attach_role(m: Mention, role: dict | None, person_cue: bool) -> None:
        m.person_cue = m.person_cue or person_cue or role is not None
        if role is None or role.get("person_done"):
            return
        t: Title = role["title"]
        role["person_done"] = True
        if t.role is None:
            return
        key = t.role
        if role.get("org") and key in ("president", "vice_president", "prime_minister"):
            key = "chair"  # "Presiden PKS": the head of a party, not of a state
        m.role = RoleClaim(
            text=role["doc"][role["start"] : role["end_char"]],
            role=key,
            country=role.get("country") or role.get("org_country"),
            start=role["start"],
            end=role["end_char"],
        )
        m.role_time = role["time"]
        m.role_org = role.get("org")
        m.portfolio = t.portfolio or role.get("portfolio")

    def _compound(self, toks: list[Token], ft: list[str], unk_start: int, p: int, q: int,
                  end: int, s1: int) -> tuple[int, int, str] | None:
        """A known place [p, q) inside a longer name: (start, end, label) or None.

        Indonesian names put the head first ("Kedutaan Besar Arab Saudi", "Laut Cina
        Selatan", "Pemerintah Indonesia"); English ones last ("Taiwan Strait", "West
        Papua National Liberation Army", "Jakarta Metropolitan Regional Police").
        """
        if unk_start >= 0:
            head = ft[unk_start]
            if head in ORG_HEADS or head in PLACE_HEADS:
                # the rest of the name: compass words, and for an organisation its other
                # capitalised words ("Koalisi Indonesia Hebat")
                r = q
                org = head in ORG_HEADS
                while r < end and _is_cap(toks[r].text) and (
                    ft[r] in COMPASS or (org and not self._kb_match(toks, ft, r, s1)
                                         and not self._title_at(ft, r, end))
                ):
                    r += 1
                return unk_start, r, "ORG" if org else "PLACE"
        r = q
        last_head = -1
        while r < end and not self._title_at(ft, r, end):
            f = ft[r]
            if f in ORG_TAILS or f in PLACE_HEADS:
                last_head = r
            elif r > q and self._kb_match(toks, ft, r, s1) and f not in CONNECTORS:
                break
            r += 1
        if last_head >= 0 and toks[q].text[:1].isupper():
            a = unk_start if unk_start >= 0 and all(
                ft[x] in COMPASS for x in range(unk_start, p)) else p
            label = "ORG" if ft[last_head] in ORG_TAILS else "PLACE"
            return a, last_head + 1, label
        return None

    def _portfolio(self, toks: list[Token], ft: list[str], q: int, end: int, lang: str,
                   s1: int, role: dict) -> int:
        """After "Menteri"/"Minister (of)", the ministry's words: common words up to the
        name ("Menteri Sosial Agus …", "Minister of Health Budi …")."""
        start = q
        while q < end and not self._kb_match(toks, ft, q, s1):
            f = ft[q]
            if f in CONNECTORS or (f and _known_word(f, lang) and toks[q].text[:1].isupper()):
                q += 1
                continue
            break
        while q > start and ft[q - 1] in CONNECTORS:
            q -= 1
        if q > start:
            role["portfolio"] = " ".join(t.text for t in toks[start:q] if ft[start] != "of")
            role["end_char"] = toks[q - 1].end
        return q

    def _qualifier(self, article: Article, toks: list[Token], ft: list[str], s0: int, s1: int,
                   a: int, b: int, si: int, labels: list[str] | None, role: dict,
                   out: list[Mention]) -> None:
        """Unknown words that qualify a title: a region after a regional title is a place,
        words with an organisation's head word an organisation; the rest is dropped."""
        while a < b and ft[a] in CONNECTORS:
            a += 1
        if a >= b:
            return
        first, last = ft[a].split(" ")[0], ft[b - 1].split(" ")[-1]
        if b == a + 1 and first in _NEVER_ALONE:
            return  # a bare "Fraksi", "Bidang"
        t: Title = role["title"]
        if first in ORG_HEADS or last in ORG_TAILS or first.startswith(ORG_PREFIXES) or (
            b == a + 1 and _is_acronym(toks[a].text)
        ):
            label = "ORG"
        elif first in PLACE_HEADS or t.role in _REGIONAL or self._ner_label(
            labels, a - s0, b - s0
        ) == "PLACE":
            label = "PLACE"
        else:
            return
        m = self._mention(article, toks, a, b, si, "cue", 0.6, [], label)
        out.append(m)
        if m.start - role["end_char"] <= 2:
            role["end_char"] = m.end

    def _mention(self, article: Article, toks: list[Token], a: int, b: int, si: int,
                 source: str, conf: float, cands: list[Actor], label: str | None = None) -> Mention:
        start, end = toks[a].start, toks[b - 1].end
        text = article.text[start:end]
        if text[-2:] in ("'s", "’s"):
            text, end = text[:-2], end - 2
        if cands and label is None:
            label = cands[0].type
        words = fold(text).split() if b - a > 1 else _fold_token(text).split()
        return Mention(start, end, text, label, source, conf, si, (a, b), cands,
                       words=tuple(words))

    # -- unknown names ----------------------------------------------------------------
    def _unknown(self, article: Article, toks: list[Token], ft: list[str], s0: int, s1: int,
                 a: int, b: int, si: int, labels: list[str] | None, lang: str,
                 at_start: bool, role: dict | None, person_cue: bool, out: list[Mention]) -> None:
        if b == a + 1:
            self._classify(article, toks, ft, s0, s1, a, b, si, labels, lang, at_start, role,
                           person_cue, out)
            return
        if role is not None and not role.get("person_done") and _is_acronym(toks[a].text) and (
            ft[a] not in STOP_ACRONYMS
        ):
            # "Ketua BPC Sinta Wulandari": the organisation's acronym, then the person
            m = self._mention(article, toks, a, a + 1, si, "cue", 0.6, [], "ORG")
            out.append(m)
            role["org"] = m.text
            role["end_char"] = m.end
            a += 1
            at_start = False
        # The tagger may see two names in one capitalised stretch ("Bupati Jombang Nyono …":
        # a place, then a person): split where its spans say so.
        if labels is not None and b - a >= 2:
            parts = _bio_spans(labels[a - s0 : b - s0])
            if len(parts) >= 2 and sum(y - x for x, y, _ in parts) >= (b - a) - 1:
                for x, y, kind in parts:
                    forced = NER_LABEL.get(kind)
                    self._classify(article, toks, ft, s0, s1, a + x, a + y, si, labels, lang,
                                   at_start and x == 0,
                                   role if forced == "PERSON" else None,
                                   person_cue and forced == "PERSON", out, forced=forced)
                return
        # Split "X dan Y", "X of Y" where no head word makes them one organisation/place.
        pieces: list[tuple[int, int]] = []
        has_head = any(ft[q] in ORG_HEADS or ft[q] in PLACE_HEADS or ft[q] in ORG_TAILS
                       for q in range(a, b))
        start = a
        for q in range(a, b):
            f = ft[q]
            if not has_head and (f in SPLITTERS or f in ("of", "for", "the")):
                if q > start:
                    pieces.append((start, q))
                start = q + 1
        if b > start:
            pieces.append((start, b))
        for x, y in pieces:
            while x < y and ft[x] in CONNECTORS:
                x += 1
            while y > x and ft[y - 1] in CONNECTORS:
                y -= 1
            if x >= y:
                continue
            self._classify(article, toks, ft, s0, s1, x, y, si, labels, lang,
                           at_start and x == a, role, person_cue, out)
            role = None if role is not None and role.get("person_done") else role

    def _classify(self, article: Article, toks: list[Token], ft: list[str], s0: int, s1: int,
                  a: int, b: int, si: int, labels: list[str] | None, lang: str,
                  at_start: bool, role: dict | None, person_cue: bool,
                  out: list[Mention], forced: str | None = None) -> None:
        words = ft[a].split() if b == a + 1 else [w for q in range(a, b) for w in ft[q].split()]
        if not words or "_" in toks[a].text or "@" in toks[a].text:
            return  # empty, or a handle ("Kemlu_RI")
        n = b - a
        first, last = words[0], words[-1]
        prev = ft[a - 1] if a - 1 >= s0 else ""
        prev2 = ft[a - 2] if a - 2 >= s0 else ""
        nxt = ft[b] if b < s1 else ""
        label: str | None = None
        source, conf = "rule", 0.6
        say = prev in SAY_BEFORE or (prev2 == "according" and prev == "to") or nxt in SAY_AFTER
        joined = " ".join(words)
        if joined in self.kb.demonyms or (n == 1 and first in STOP_ACRONYMS):
            return  # "Chinese", "South Korean": an adjective, not an entity
        if first in NOT_ENTITY_HEADS or (n == 1 and (
            first in ORG_HEADS or first in PLACE_HEADS or first in COMPASS or first in ROMAN
            or len(first) < 2
        )):
            return  # "Surat Keputusan …", a bare "Gedung", "Selatan", "XVII", "M"
        if at_start and n > 1 and _known_word(first, lang) and first not in ORG_HEADS and (
            first not in PLACE_HEADS
        ):
            a, n, words = a + 1, n - 1, words[1:]  # "Dijelaskan Ngurah …": a verb opens
            first = words[0]
            at_start = False
        if a == 0 and n == 1 and b < s1 and toks[b].text == "," and toks[a].text.isupper():
            m = self._mention(article, toks, a, b, si, "rule", 0.6, [], "PLACE")
            out.append(m)  # a dateline: "BANJARNEGARA, Kompas.com -"
            return
        if forced is not None and not (first in ORG_HEADS or first in PLACE_HEADS):
            label, source, conf = forced, "ner", 0.7
        elif n > 1 and all(w in COMPASS or w in ("middle", "far", "near") for w in words):
            label, conf = "PLACE", 0.7
        elif first in ORG_HEADS or last in ORG_TAILS or (n == 1 and first.startswith(ORG_PREFIXES)):
            label, conf = "ORG", 0.7
        elif first in PLACE_HEADS or (n > 1 and last in PLACE_HEADS and lang == "en"):
            label, conf = "PLACE", 0.7
        elif n > 1 and last in COMPASS and " ".join(words[:-1]) in self.kb.index:
            label, conf = "PLACE", 0.7
        elif role is not None and not role.get("person_done") and (all(
            _known_word(w, lang) for w in words
        ) or (b + 2 < s1 and toks[b].text == "(" and _is_acronym(toks[b + 1].text)
              and toks[b + 2].text == ")")):
            # "Menteri Energi dan Sumber Daya Mineral (ESDM) Bahlil …" and
            # "Staf Ahli … untuk Diplomasi Kawasan, Ngurah …": the unit, not the person
            role["end"] = b
            return
        elif role is not None and not role.get("person_done") and role["title"].role in (
            _REGIONAL
        ) and n <= 2 and (self._person_before(out, role) or (
            b < s1 and toks[b].text == "," and b + 1 < s1 and _is_cap(toks[b + 1].text)
        )):
            # "Nyono Bupati Jombang", "Bupati Biak Numfor, Yesaya": the region
            label, source, conf = "PLACE", "cue", 0.7
            role["end"] = b + 1
            if self._person_before(out, role):  # the title was the name's apposition
                self._attach_role(out[-1], role, True)
        elif (role is not None and not role.get("person_done")) or person_cue:
            label, source, conf = "PERSON", "cue", 0.75
        elif prev in SAY_BEFORE and not _is_acronym(toks[a].text) and not (
            n == 1 and _known_word(first, lang)
        ):
            label, source, conf = "PERSON", "cue", 0.75  # "kata Febri", "ujar X"
        else:
            tag = self._ner_label(labels, a - s0, b - s0)
            if tag == "ORG" and n == 1 and _is_acronym(toks[a].text):
                tag = None  # an unknown acronym needs its long form ("Badan X (BX)")
            if tag is not None:
                label, source, conf = tag, "ner", 0.7
            elif say and not _is_acronym(toks[a].text) and not (
                n == 1 and _known_word(first, lang)
            ):
                label, source, conf = "PERSON", "cue", 0.7
            elif prev in STRONG_PLACE_PREPS or (prev in PLACE_PREPS and n == 1):
                label = "PLACE"
            elif n == 1 and _is_acronym(toks[a].text) and first not in STOP_ACRONYMS:
                # An unknown acronym is often a document or a term ("SK", "RKUHP"): it is
                # an organisation only when the text spells it out ("Badan X (BX)").
                label, conf = None, 0.55
            elif 2 <= n <= 4 and all(toks[q].text[:1].isupper() and toks[q].text.isalpha()
                                     for q in range(a, b)) and (
                labels is None or any(lab != "O" for lab in labels[a - s0 : b - s0])
            ):  # the tagger, where there is one, may veto: it read the context
                known = sum(_known_word(w, lang) for w in words)
                if known > 1:
                    return  # "Surat Keputusan", "Job Creation Law": capitalised words
                if at_start and _known_word(toks[a].text.lower(), lang):
                    return  # "Ketika Presiden …" at a sentence start is not a name
                label, conf = "PERSON", 0.55
            elif n == 1 and not at_start and len(first) > 2 and not _known_word(first, lang):
                label, source, conf = None, "rule", 0.4  # a bare surname: coreference decides
            else:
                return
        if label == "ORG" and n == 1 and first in STOP_ACRONYMS:
            return
        m = self._mention(article, toks, a, b, si, source, conf, [], label)
        if label == "PERSON":
            self._attach_role(m, role, person_cue)
        m.person_cue = m.person_cue or say or person_cue
        out.append(m)

    @staticmethod
    def _person_before(out: list[Mention], role: dict) -> bool:
        """Whether a person's name ends right before the title ("Nyono Bupati Jombang")."""
        if not out:
            return False
        last = out[-1]
        return last.label == "PERSON" and 0 <= role["start"] - last.end <= 2

    @staticmethod
    def _ner_label(labels: list[str] | None, a: int, b: int) -> str | None:
        if not labels or b > len(labels):
            return None
        if b == a + 1:  # one token: its own label (the common case)
            lab = labels[a]
            return None if lab == "O" else NER_LABEL.get(lab[2:])
        kinds = [lab[2:] for lab in labels[a:b] if lab != "O"]
        if len(kinds) * 2 < (b - a) or not kinds:
            return None
        # on a tie the kind met first wins (iterating a set would let the hash seed decide)
        best = max(dict.fromkeys(kinds), key=kinds.count)
        return NER_LABEL.get(best)



# A title with an ordinal names a place in the sequence of office-holders, not the office held
# now ("Presiden ke-7 RI", "the 44th president"); a title after a phrase of past time names an
# office of that time ("di masa pemerintahan Presiden X", "semasa menjabat Gubernur",
# "then-President", "during the X administration").
_ORDINAL_AFTER = re.compile(
    r"^\s*(?:ke-?\s?\d+|ke(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)|pertama)\b",
    re.IGNORECASE,
)
_ORDINAL_BEFORE = re.compile(r"\b\d+(?:st|nd|rd|th)\s+$|\b(?:then|then-)\s*$", re.IGNORECASE)
_PAST_CONTEXT = re.compile(
    r"\b(?:(?:di|pada)\s+(?:masa|era|zaman|periode)(?:\s+(?:pemerintahan|kepemimpinan|jabatan))?|"
    r"(?:saat|ketika|sewaktu|semasa)\s+(?:masih\s+)?menjabat(?:\s+sebagai)?|semasa|sewaktu|era|zaman|"
    r"pernah\s+menjabat(?:\s+sebagai)?|during\s+(?:the\s+)?(?:tenure|term|administration|presidency)\s+of|"
    r"when\s+(?:he|she)\s+was|while\s+(?:he|she)\s+was|as\s+a\s+former)\s*$",
    re.IGNORECASE,
)


def _timeless_title(text: str, toks: list[Token], s0: int, a: int, b: int) -> bool:
    """True when the title at tokens [a, b) does not claim the office held on the article's date."""
    after = text[toks[b - 1].end : toks[b - 1].end + 12]
    if _ORDINAL_AFTER.match(after):
        return True
    sent_start = toks[s0].start if s0 < len(toks) else 0
    before = text[max(sent_start, toks[a].start - 60) : toks[a].start]
    return bool(_ORDINAL_BEFORE.search(before) or _PAST_CONTEXT.search(before))
