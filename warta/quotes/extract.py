"""Find direct and indirect quotes in an article and attribute them to speakers.

The article is read in three passes, each a scan with compiled regular expressions:

1. **Quotation marks** (:mod:`warta.quotes.marks`): every top-level quoted span. A span is
   a statement when a reporting cue stands right after it ("…," kata X / "…," he said),
   when the sentence that holds it has a reporting verb before it ("X said the agency
   "…""), or when it stands alone at the start of a paragraph (it continues the last
   speaker). Short spans of one to three words without a cue are scare quotes or names
   ("tarif "timbal balik""), and a span after "berjudul", "titled", "video" … is a title;
   neither is a statement.
2. **Reporting constructions** in each sentence, outside quotation marks: "X mengatakan
   (bahwa) …", "Menurut X, …", "…, kata X.", "Dijelaskan X, …", "X said (that) …",
   "…, X said.", "according to X, …", "X told reporters …", "…, adding …". The reported
   clause is the quote text of an indirect quote; when the clause holds a real direct
   quote, the construction attributes that quote instead.
3. **Speakers** are resolved in text order by :class:`warta.quotes.speakers.Context`, so
   that "ujarnya", "kata dia" and "he added" refer to the last speaker met.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..doc import Article, Quote, Sentence
from . import lexicon as L
from .marks import QuoteSpan, find_quote_spans
from .speakers import (
    ANONYMOUS,
    Context,
    Speaker,
    Tok,
    _name_word,
    _subject_word,
    phrase_after,
    subject_before,
    tokens,
)

_WORDS = re.compile(r"\w+")


def trie_pattern(words: set[str] | frozenset[str]) -> str:
    """An alternation of ``words`` folded into a prefix tree ("me(?:ng(?:atakan|…)|…)").

    Python's ``re`` tries the branches of a flat alternation one by one at every
    position; a tree shares the prefixes, which makes a scan with ~150 reporting verbs
    about ten times faster.
    """
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)


def _with_capitals(words: set[str] | frozenset[str]) -> set[str]:
    return set(words) | {w[:1].upper() + w[1:] for w in words}


# The scanning patterns open with a character class, not "\b": Python's re then skips
# ahead to candidate characters quickly. The word start is checked by ``_word_start``.
_ID_VERB_RE = re.compile(
    r"(" + trie_pattern(_with_capitals(L.ID_CLAUSE_VERBS | L.ID_CLAUSE_VERBS_MARKED
                                      | {"seraya", "sembari", "sambil"})) + r")\b"
)
_ID_SHORT_RE = re.compile(r",\s*(" + trie_pattern(L.ID_SHORT_VERBS) + r")(nya)?\b")
_ID_PASSIVE_RE = re.compile(r"([Dd]i(?:" + trie_pattern({w[2:] for w in L.ID_PASSIVE_VERBS}) + r"))(nya)?\b")
_MENURUT_RE = re.compile(r"([Mm]enurut(?:nya)?|[Aa]ccording to)\b")
_MENURUT_TAILS = ("enurut", "ccording to")  # what follows the one cased letter


def _menurut_matches(text: str) -> list[re.Match[str]]:
    """``list(_MENURUT_RE.finditer(text))``, found with ``str.find``: the pattern opens with
    a character class, so ``re`` would try it at every position of the text. Its matches
    cannot overlap (each holds one of the tails), so matching at each tail's letter before
    gives the same matches."""
    out: list[re.Match[str]] = []
    for tail in _MENURUT_TAILS:
        i = text.find(tail, 1)
        while i != -1:
            m = _MENURUT_RE.match(text, i - 1)
            if m is not None:
                out.append(m)
            i = text.find(tail, i + 1)
    if len(out) > 1:
        out.sort(key=lambda m: m.start())
    return out


_EN_VERB_RE = re.compile(
    r"(" + trie_pattern(set(L.EN_PHRASAL) | L.EN_VERBS | L.EN_PARTICIPLES) + r")\b"
)


def _word_start(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")


# Cues right after a closing quote mark: "…," kata X / "…," ujarnya / "…," X said.
_TAIL_SKIP = re.compile(r"[\s,.!?;:\-–—]*")
_TAIL_VERBS = (L.ID_SHORT_VERBS | L.ID_CLAUSE_VERBS | L.ID_CLAUSE_VERBS_MARKED
               | L.ID_PASSIVE_VERBS | L.EN_TAIL_VERBS | {"menurut", "according"})
_NON_SPEAKERS = frozenset({"uu", "undang-undang", "pasal", "perpres", "pp", "kuhp", "aturan",
                           "peraturan", "hukum", "rencana", "jadwal", "kalender", "law"})


@dataclass(slots=True)
class Attribution:
    """Who said something, before resolution: a phrase to read, or a rule to follow."""

    pos: int  # where the cue is: attributions are resolved in this order
    mode: str  # phrase | pronoun | document | same | last
    start: int = 0  # the speaker phrase, for mode "phrase"
    end: int = 0
    cue: str | None = None
    prefer_last: bool = True
    want: str = "person"  # for pronouns
    same: Attribution | None = None  # for mode "same": share another attribution
    speaker: Speaker | None = None  # filled by resolution


@dataclass(slots=True)
class Construction:
    """A reporting construction in one sentence: its attribution and its reported clause."""

    attribution: Attribution
    verb_start: int
    clause: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class Found:
    kind: str  # direct | indirect
    start: int
    end: int
    text: str
    attribution: Attribution


KBRoles = Callable[[str, str], list[tuple[str, str | None]]]


def find_quotes(article: Article, kb_roles: KBRoles | None = None) -> list[Quote]:
    """All attributed statements of an article, in text order.

    ``kb_roles(actor_id, day)`` lists the (role key, country) pairs an actor holds on a
    day; with it, "the foreign minister said" finds the named person holding that office.
    """
    text = article.text
    if not text:
        return []
    lang = "en" if article.lang == "en" else "id"
    spans = find_quote_spans(text) if _has_marks(text) else []
    statements = [q for q in spans if _is_statement_candidate(text, q)]
    long_spans = [q for q in statements if _word_count(text, q) > 3]
    sentences = article.sentences or _line_sentences(text)
    sent_starts = [s.start for s in sentences]
    masked = [(q.open, q.after) for q in long_spans]
    mask_starts = [a for a, _ in masked]

    def in_quote(i: int) -> bool:
        k = bisect.bisect_right(mask_starts, i) - 1
        return k >= 0 and masked[k][0] <= i < masked[k][1]

    constructions = _constructions(text, lang, sentences, sent_starts, in_quote)
    direct, tail_cues = _direct_attributions(text, lang, statements, sentences, sent_starts,
                                             constructions)
    _fill_paragraphs(text, statements, direct)
    _drop_orphans(text, statements, direct, constructions)
    _colon_clauses(text, sentences, constructions, in_quote)
    for k in [k for k, c in constructions.items() if c.verb_start in tail_cues]:
        del constructions[k]  # the cue of a direct quote, already used
    found: list[Found] = []
    for q in statements:
        if q.open not in direct:
            continue
        attr = direct[q.open] or Attribution(pos=q.open, mode="last")
        body = _clean(q.text(text))
        if body:
            found.append(Found("direct", q.start, q.end, body, attr))
    # Indirect quotes: constructions whose clause holds no real direct quote.
    for con in constructions.values():
        if not con.clause:
            continue
        a, b = con.clause[0][0], con.clause[-1][1]
        if any(q.open < b and q.after > a for q in long_spans if q.open in direct):
            continue
        body = _clean(" ".join(text[x:y] for x, y in con.clause))
        if len(_WORDS.findall(body)) < 3:
            continue
        found.append(Found("indirect", a, b, body, con.attribution))
    return _resolve(article, found, constructions, in_quote, kb_roles)


def _direct_attributions(
    text: str, lang: str, statements: list[QuoteSpan], sentences: list[Sentence],
    sent_starts: list[int], constructions: dict[int, Construction],
) -> tuple[dict[int, Attribution | None], set[int]]:
    """{quote open offset: its attribution, or None for "the speaker of the moment"} for the
    quotes that are statements, and the offsets of the cues that follow quotes."""
    direct: dict[int, Attribution | None] = {}
    tail_cues: set[int] = set()
    for q in statements:
        # A cue after the closing mark, else a construction before the quote.
        attr = _tail_cue(text, q, lang)
        if attr is not None and attr.mode == "phrase":
            tail_cues.add(attr.pos)
        if attr is None:
            k = bisect.bisect_right(sent_starts, q.open) - 1
            con = constructions.get(k) if k >= 0 else None
            if con is not None and con.verb_start < q.open:
                attr = con.attribution
        if _word_count(text, q) <= 3 and (attr is None or attr.pos < q.open):
            continue  # a scare quote or a name in quotes: only a cue right after makes it speech
        if attr is None and not _standalone(text, q, sentences, sent_starts):
            continue  # a phrase quoted inside a sentence that nobody is said to say
        if attr is None:
            attr = _colon_intro(text, q, sent_starts, constructions)
        direct[q.open] = attr
    return direct, tail_cues


def _colon_intro(text: str, q: QuoteSpan, sent_starts: list[int],
                 constructions: dict[int, Construction]) -> Attribution | None:
    """"X mengatakan:\n"…"": the construction that ends with the colon introduces the quote."""
    j = q.open - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0 or text[j] != ":":
        return None
    k = bisect.bisect_right(sent_starts, j) - 1
    con = constructions.get(k) if k >= 0 else None
    if con is None or con.verb_start >= j:
        return None
    return Attribution(pos=q.open, mode="same", same=con.attribution, cue=con.attribution.cue)


def _drop_orphans(text: str, statements: list[QuoteSpan], direct: dict[int, Attribution | None],
                  constructions: dict[int, Construction]) -> None:
    """A quote paragraph with no cue continues the speaker of the paragraph before it; with
    no speaker there (a closing slogan, a quote after narration) it is nobody's statement."""
    cues = sorted([c.verb_start for c in constructions.values()]
                  + [a.pos for a in direct.values() if a is not None])
    for q in statements:
        if q.open not in direct or direct[q.open] is not None:
            continue
        para = text.rfind("\n", 0, q.open)
        prev = text.rfind("\n", 0, max(0, para)) if para > 0 else -1
        while prev > 0 and not text[prev + 1:para].strip():  # skip empty lines
            para = prev
            prev = text.rfind("\n", 0, prev)
        k = bisect.bisect_left(cues, prev + 1)
        if para < 0 or k >= len(cues) or cues[k] >= q.open:
            del direct[q.open]


# --- Direct quotes -------------------------------------------------------------------------


def _has_marks(text: str) -> bool:
    return any(c in text for c in "\"“”„«»‹›'‘’")


def _word_count(text: str, q: QuoteSpan) -> int:
    return sum(len(_WORDS.findall(text[a:b])) for a, b in q.parts)


def _is_statement_candidate(text: str, q: QuoteSpan) -> bool:
    """Not a title or a name: the word before the quote is not "berjudul", "titled" …"""
    lo = max(0, q.open - 40)
    before = _WORDS.findall(text[lo:q.open].lower())
    return not (before and before[-1] in L.TITLE_CUES) and not (
        len(before) > 1 and before[-2] in L.TITLE_CUES and before[-1] in ("the", "sebagai", "as")
    )


def _standalone(text: str, q: QuoteSpan, sentences: list[Sentence], starts: list[int]) -> bool:
    """Does the quote open its paragraph or sentence (or follow a colon)?"""
    i = q.open - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in "\n:":
        return True
    k = bisect.bisect_right(starts, q.open) - 1
    return k >= 0 and not text[sentences[k].start:q.open].strip(" \t([-–—")


def _tail_cue(text: str, q: QuoteSpan, lang: str) -> Attribution | None:
    """A reporting cue right after the closing mark ("…," kata X / "…," he said)."""
    if q.close is None:
        return None
    skip = _TAIL_SKIP.match(text, q.after)
    pos = skip.end() if skip else q.after
    if pos > q.after and "\n" in text[q.after:pos]:
        return None
    line_end = text.find("\n", pos)
    limit = len(text) if line_end < 0 else line_end
    toks = tokens(text, pos, min(limit, pos + 160))
    if not toks:
        return None
    first = toks[0]
    low = first.low
    # "…," ujarnya / "…," tegasnya / "…," sambung tulisannya: -nya refers back.
    if low.endswith("nya") and first.text[0].islower() and len(low) > 4:
        nxt = toks[1].text if len(toks) > 1 else "."
        stem = low[:-3]
        if nxt in ".,;!?" or stem in L.ID_SHORT_VERBS:
            if stem in L.DOCUMENT_NOUNS or low in L.DOCUMENT_NOUNS:
                return Attribution(pos=first.start, mode="document", cue=first.text)
            # -nya stands for a person or an organisation alike.
            return Attribution(pos=first.start, mode="pronoun", want="any", cue=first.text)
    # "…," demikian kata X / demikian pernyataan X: the summing-up cue.
    if low == "demikian" and len(toks) > 1:
        after = toks[1]
        start = after.end if after.low in L.ID_SHORT_VERBS or after.low in L.ID_PASSIVE_VERBS \
            else after.start
        a, b = phrase_after(text, start, limit)
        if b > a:
            return Attribution(pos=first.start, mode="phrase", start=a, end=b, cue="demikian",
                               prefer_last=False)
    # Verb first: "kata X", "said X", "according to X".
    if low in _TAIL_VERBS and first.text[0].islower() or low in L.ID_SHORT_VERBS:
        start = first.end
        cue = first.text
        if low == "according" and len(toks) > 1 and toks[1].low == "to":
            start = toks[1].end
            cue = "according to"
        if len(toks) > 1 and toks[1].low == "oleh":
            start = toks[1].end
        nxt_tok = next((t for t in toks[1:] if t.start >= start), None)
        if nxt_tok is None or nxt_tok.text in ".,;!?" or nxt_tok.low in L.SPEAKER_STOPS:
            # "…," kata dalam konferensi pers: the writer left the name out; it is the
            # speaker of the moment, as with "katanya".
            return Attribution(pos=first.start, mode="pronoun", want="any", cue=cue)
        a, b = phrase_after(text, start, limit)
        if b > a:
            return Attribution(pos=first.start, mode="phrase", start=a, end=b, cue=cue,
                               prefer_last=False)
        return None
    # Speaker first: "X said", "ia menambahkan", "the spokesman for the region Ani said" —
    # only after a quote that ends with its punctuation ("…," / "…?"), not after a phrase
    # quoted inside a sentence ('stressed that "…" is critical, said X').
    inner = text[q.close - 1] if q.close else ""
    if inner not in ",.!?…-—–" and text[q.after:pos].strip() not in (",", "—", "–", "-", ".", ";"):
        return None
    # "…," Ani Wijaya. — the writer left the verb out; a bare name closes the sentence.
    end_k = next((k for k, t in enumerate(toks[:7]) if t.text in ".!?"), None)
    if end_k and all(_name_word(t) or t.text in "()" for t in toks[:end_k]) and \
            any(_name_word(t) for t in toks[:end_k]):
        return Attribution(pos=toks[0].start, mode="phrase", start=toks[0].start,
                           end=toks[end_k - 1].end, cue=None)
    # "…," ia memposting … — a pronoun and an active verb.
    if first.low in ("ia", "dia", "beliau", "he", "she") and len(toks) > 1 and \
            toks[1].text[:1].islower() and (toks[1].low.startswith(("me", "ber")) or toks[1].low.endswith("ed")):
        return Attribution(pos=toks[1].start, mode="phrase", start=first.start, end=first.end,
                           cue=toks[1].text)
    for k, t in enumerate(toks[:16]):
        if t.text in ".!?;\"“”":
            return None
        if t.low in _TAIL_VERBS and t.text[0].islower():
            if k == 0:
                return None
            sub = toks[:k]
            while sub and sub[-1].low in L.ADVERBS:
                sub = sub[:-1]
            if not sub or any(_verb_like(x, lang) for x in sub):
                return None
            return Attribution(pos=t.start, mode="phrase", start=sub[0].start, end=sub[-1].end,
                               cue=t.text)
    return None


def _verb_like(t: Tok, lang: str) -> bool:
    """A lower-case word that looks like a verb ("menyerang", "ditangkap"; "attacked",
    "working")."""
    low = t.text
    if not low[:1].islower() or len(low) < 5:
        return False
    if low in L.TITLES or low in L.ANON_MARKERS or low in L.TITLE_MODIFIERS:
        return False
    if lang == "en":
        return low.endswith(("ed", "ing"))
    return low.startswith(("meng", "meny", "mem", "men", "ber", "di", "ter"))


def _fill_paragraphs(text: str, spans: list[QuoteSpan], attrs: dict[int, Attribution | None]) -> None:
    """A quote without a cue takes the cue of a quote in the same paragraph: the one
    before it ("…," kata X. "…") or, for a paragraph that opens with it, the next one."""
    by_para: dict[int, list[QuoteSpan]] = {}
    for q in spans:
        if q.open in attrs:
            para = text.rfind("\n", 0, q.open) + 1
            by_para.setdefault(para, []).append(q)
    for group in by_para.values():
        if len(group) < 2:
            continue
        for idx, q in enumerate(group):
            if attrs[q.open] is not None:
                continue
            prev = next((attrs[p.open] for p in reversed(group[:idx]) if attrs[p.open]), None)
            nxt = next((attrs[p.open] for p in group[idx + 1:] if attrs[p.open]), None)
            target = prev or nxt
            if target is not None:
                attrs[q.open] = Attribution(pos=q.open, mode="same", same=target)


# --- Reporting constructions ------------------------------------------------------------


def _colon_clauses(text: str, sentences: list[Sentence], constructions: dict[int, Construction],
                   in_quote: Callable[[int], bool]) -> None:
    """"X emphasized the following:" — the next sentence is what X said."""
    for k, con in list(constructions.items()):
        s = sentences[k]
        if con.clause or not text[s.start:s.end].rstrip().endswith(":") or k + 1 >= len(sentences):
            continue
        nxt = sentences[k + 1]
        if k + 1 in constructions or in_quote(nxt.start) or text[nxt.start] in L_QUOTE_MARKS:
            continue
        ca, cb = _clause_before(text, nxt.start, nxt.end)
        while cb > ca and text[cb - 1] in ".!?":
            cb -= 1
        if _n_words(text, ca, cb) >= 3:
            con.clause = [(ca, cb)]


L_QUOTE_MARKS = "\"“”„«»‹›'‘’"


def _constructions(text: str, lang: str, sentences: list[Sentence], sent_starts: list[int],
                   in_quote: Callable[[int], bool]) -> dict[int, Construction]:
    """The first reporting construction of each sentence, by sentence index."""
    out: dict[int, Construction] = {}

    def sentence_of(i: int) -> int:
        return bisect.bisect_right(sent_starts, i) - 1

    def offer(k: int, con: Construction | None) -> None:
        if con is None:
            return
        old = out.get(k)
        if old is None or con.verb_start < old.verb_start:
            out[k] = con

    verb_re = _EN_VERB_RE if lang == "en" else _ID_VERB_RE
    for m in verb_re.finditer(text):
        if not _word_start(text, m.start()) or in_quote(m.start()):
            continue
        k = sentence_of(m.start())
        if k < 0 or k in out and out[k].verb_start < m.start():
            continue
        s = sentences[k]
        if m.end() > s.end:
            continue
        offer(k, _verb_construction(text, lang, s, m, out.get(k)))
    for m in _menurut_matches(text):
        if not _word_start(text, m.start()) or in_quote(m.start()):
            continue
        k = sentence_of(m.start())
        if k < 0 or (k in out and out[k].verb_start < m.start()):
            continue
        offer(k, _menurut(text, sentences[k], m))
    if lang != "en":
        for m in _ID_SHORT_RE.finditer(text):
            verb = m.start(1)
            if in_quote(verb) or _after_quote(text, m.start()):
                continue
            k = sentence_of(verb)
            if k < 0 or (k in out and out[k].verb_start < verb):
                continue
            offer(k, _short_construction(text, sentences[k], m))
        for m in _ID_PASSIVE_RE.finditer(text):
            if not _word_start(text, m.start()) or in_quote(m.start()):
                continue
            k = sentence_of(m.start())
            if k < 0 or (k in out and out[k].verb_start < m.start()):
                continue
            offer(k, _passive(text, sentences[k], m))
    return out


def _after_quote(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j >= 0 and text[j] in "\"”“»«’'"


_CLAUSE_LEAD = re.compile(r"[\s,:;\-–—]*(?:(?:bahwa|that|kalau)\b[\s,]*)?", re.IGNORECASE)


def _clause_after(text: str, start: int, end: int) -> tuple[int, int]:
    """The reported clause from ``start`` to the end of the sentence, without the
    complementiser ("bahwa", "that") and the punctuation around it."""
    m = _CLAUSE_LEAD.match(text, start, end)
    a = m.end() if m else start
    b = end
    while b > a and text[b - 1] in " .;,:\n":
        b -= 1
    return a, b


def _clause_before(text: str, start: int, end: int) -> tuple[int, int]:
    a = start
    while a < end and text[a] in " -–—,":
        a += 1
    b = end
    while b > a and text[b - 1] in " ,;:\n":
        b -= 1
    return a, b


def _n_words(text: str, a: int, b: int) -> int:
    return len(_WORDS.findall(text, a, b)) if b > a else 0


def _verb_construction(text: str, lang: str, s: Sentence, m: re.Match, prior: Construction | None) -> Construction | None:
    verb = m.group(1).lower()
    vs, ve = m.start(), m.end()
    if text[vs].isupper() and vs != s.start:
        return None  # a capitalised "Said" mid-sentence is a given name, not the verb
    # the words after the verb, enough to tell a tail from a clause (read only where needed)
    after_end = min(s.end, ve + 100)
    # Participles continue a speaker: "…, adding …", "…, seraya mengatakan …".
    if verb in L.EN_PARTICIPLES or verb in ("seraya", "sembari", "sambil"):
        if verb in ("seraya", "sembari", "sambil"):
            after_toks = tokens(text, ve, after_end)
            nxt = after_toks[0] if after_toks else None
            if nxt is None or nxt.low not in L.ID_CLAUSE_VERBS:
                return None
            ve = nxt.end
        a, b = subject_before(text, s.start, vs)
        if b > a and not text[a:b].strip(" ,").endswith(",") and _valid_subject(text, a, b) \
                and not text[s.start:vs].rstrip().endswith(","):
            attr = Attribution(pos=vs, mode="phrase", start=a, end=b, cue=verb)
        elif prior is not None:
            attr = Attribution(pos=vs, mode="same", same=prior.attribution, cue=verb)
        elif text[s.start:vs].rstrip().endswith(","):
            a, b = _sentence_subject(text, s, vs)
            if b <= a:
                return None
            attr = Attribution(pos=vs, mode="phrase", start=a, end=b, cue=verb)
        else:
            return None
        ca, cb = _clause_after(text, ve, s.end)
        return Construction(attr, vs, [(ca, cb)] if _n_words(text, ca, cb) >= 3 else [])
    marked = verb in L.ID_CLAUSE_VERBS_MARKED or verb in L.EN_VERBS_MARKED
    if marked:
        rest = text[ve:min(s.end, ve + 12)].lstrip()
        if not (rest[:1] in (",", ":", "\"", "“") or rest.lower().startswith(("bahwa", "that"))):
            return None
    # Inverted: "…, said X." (English) — the speaker follows the verb.
    if lang == "en" and text[s.start:vs].rstrip().endswith(","):
        pa, pb = phrase_after(text, ve, s.end)
        if pb > pa and _adverbial_tail(tokens(text, pb, s.end)):
            comma = text.rfind(",", s.start, vs)
            ca, cb = _clause_before(text, s.start, comma)
            if _n_words(text, ca, cb) >= 3:
                return Construction(Attribution(pos=vs, mode="phrase", start=pa, end=pb,
                                                cue=m.group(1), prefer_last=False), vs, [(ca, cb)])
            return None
    # Postposed: "…, a senior official said (on Monday)." The speaker is what stands between
    # the last comma and the verb; the clause is what stands before that comma.
    if _adverbial_tail(tokens(text, ve, after_end), verb.startswith(("told", "tell"))):
        post = _postposed_subject(text, s.start, vs, lang)
        if post is not None:
            comma, pa, pb = post
            ca, cb = _clause_before(text, s.start, comma)
            if _n_words(text, ca, cb) >= 4 and not _lead_in(text, ca, cb):
                return Construction(Attribution(pos=vs, mode="phrase", start=pa, end=pb,
                                                cue=m.group(1)), vs, [(ca, cb)])
    a, b = subject_before(text, s.start, vs)
    if b <= a:
        # "X confirmed the visit and told reporters …": the subject opens the sentence.
        prev = _last_word(text, max(s.start, vs - 40), vs)
        if prev in ("and", "dan", "serta", "lalu", "kemudian", "but", "tetapi", "namun") or (
            lang != "en" and text[s.start:vs].rstrip().endswith(",")
        ):
            # "X confirmed … and told …"; "X, melalui akun resminya, menjelaskan …".
            a, b = _sentence_subject(text, s, vs)
        if b <= a:
            return None
    if not _valid_subject(text, a, b):
        return None
    start = ve
    if verb.startswith(("told", "tell")) or verb in ("called on", "calls on", "urged", "urges"):
        start = _skip_audience(text, ve, s.end)
    ca, cb = _clause_after(text, start, s.end)
    attr = Attribution(pos=vs, mode="phrase", start=a, end=b, cue=m.group(1))
    if cb > ca and text[ca:cb].split(None, 1)[0].lower() in _ADVERBIAL_OPENERS \
            and not re.match(r"[\s,:]*(?:bahwa|that)\b", text[start:ca], re.IGNORECASE):
        # "said on Monday that …" → the clause after "that"; "said on Monday." → none;
        # "menyatakan dalam menangani konflik, pemerintah …" → all of it.
        that = re.search(r"\b(?:that|bahwa)\b", text[ca:cb])
        if that:
            ca, cb = _clause_after(text, ca + that.end(), cb)
        elif _n_words(text, ca, cb) <= 6 and "," not in text[ca:cb]:
            ca = cb
    cb = _coordinated_cut(text, ca, cb)
    if _n_words(text, ca, cb) < 3:
        return Construction(attr, vs, [])
    return Construction(attr, vs, [(ca, cb)])


_ADVERBIAL_OPENERS = frozenset(
    """
    on in at during yesterday today tonight last earlier later after before while when via
    pada di dalam saat ketika usai seusai kemarin tadi kepada melalui lewat setelah sebelum
    """.split()
)
_COORD_VERB_RE = re.compile(
    r",?\s+(?:tetapi|tapi|namun|dan|serta|but|and)\s+(?:juga\s+|also\s+)?(?:"
    + trie_pattern(L.ID_CLAUSE_VERBS | (L.EN_VERBS - {"say", "says"})) + r")\b"
)


def _postposed_subject(text: str, start: int, verb: int, lang: str) -> tuple[int, int, int] | None:
    """(comma, subject start, subject end) when a short noun phrase stands between the last
    comma of the sentence and the verb ("…, the Albanian embassy said")."""
    comma = text.rfind(",", start, verb)
    if comma < 0:
        return None
    toks = tokens(text, comma + 1, verb)
    while toks and toks[-1].low in L.ADVERBS:
        toks.pop()
    if not toks or len(toks) > 12 or any(_verb_like(t, lang) or t.low in L.PREDICATE_WORDS for t in toks):
        return None
    if toks[0].low in L.FUNCTION_WORDS and toks[0].low not in L.INDEFINITES:
        return None  # "…, after which the talks said" is no subject
    if not any(_subject_word(t) for t in toks):
        return None
    return comma, toks[0].start, toks[-1].end


def _coordinated_cut(text: str, a: int, b: int) -> int:
    """End a clause where a second reporting verb is coordinated ("…, tetapi menambahkan …")."""
    m = _COORD_VERB_RE.search(text, a, b)
    return m.start() if m else b


def _adverbial_tail(toks: list[Tok], told: bool = False) -> bool:
    """After a postposed "X said": nothing, or a time, a place, a medium or an audience
    ("on Monday", "told AFP", "in a statement", "kepada wartawan"), not a clause."""
    words = [t for t in toks if t.text not in ".,;!?()"]
    if not words or toks[0].text == ",":
        return True  # "…, officials said, after …": the cue sits between commas
    if len(words) > 10 or any(t.low in ("that", "bahwa") for t in words):
        return False
    first = words[0]
    if told and len(words) <= 4 and (first.text[0].isupper() or first.low in L.EN_AUDIENCES
                                     or first.low in ("the", "local", "state")):
        return True  # "… told Metro TV.", "… told reporters."
    return (first.low in _ADVERBIAL_OPENERS or first.low in L.DAY_NAMES
            or first.low in ("to", "told", "reporters", "journalists", "wartawan", "awak")
            or (toks[0].text == "," and len(words) > 0))


def _lead_in(text: str, a: int, b: int) -> bool:
    """An introductory phrase ("In this context", "Dalam kesempatan itu"), not a clause."""
    ws = _WORDS.findall(text, a, b)
    return len(ws) <= 5 and bool(ws) and ws[0].lower() in L.FUNCTION_WORDS


def _last_word(text: str, lo: int, hi: int) -> str:
    ws = _WORDS.findall(text, lo, hi)
    return ws[-1].lower() if ws else ""


def _skip_audience(text: str, start: int, end: int) -> int:
    """After "told": skip the audience ("reporters", "AFP", "local media", "the press")."""
    toks = tokens(text, start, end)
    i = 0
    while i < len(toks) and toks[i].low in ("the", "a", "an", "local", "foreign", "international",
                                             "national", "state", "visiting", "fellow"):
        i += 1
    if i < len(toks) and toks[i].low in L.EN_AUDIENCES:
        i += 1
    elif i < len(toks) and toks[i].text[0].isupper():
        j = i
        while j < len(toks) and j < i + 3 and toks[j].text[0].isupper():
            j += 1
        i = j
    else:
        return start
    return toks[i - 1].end


_DATELINE_RE = re.compile(r"[A-Z][A-Z .,'’]+(?:\([^)\n]{1,40}\))?\s*[-–—:]\s*")


def _sentence_subject(text: str, s: Sentence, limit: int) -> tuple[int, int]:
    """The noun phrase that opens a sentence (after an introductory "Asked about …,")."""
    dateline = _DATELINE_RE.match(text, s.start, limit)
    toks = tokens(text, dateline.end() if dateline else s.start, limit)
    i = 0
    # Skip an introductory phrase that ends with a comma in the first dozen words.
    for k, t in enumerate(toks[:14]):
        if t.text == ",":
            first = toks[0].low
            if first in L.OPENERS or first in L.SPEAKER_STOPS or first.endswith(("ing", "ed")) \
                    or first in ("asked", "menanggapi", "ditanya", "dalam", "secara", "usai"):
                i = k + 1
            break
    j = i
    while j < len(toks) and _subject_word(toks[j]) and toks[j].text != ",":
        j += 1
    while j > i and toks[j - 1].low in L.ADVERBS:
        j -= 1
    if j <= i:
        return limit, limit
    return toks[i].start, toks[j - 1].end


def _valid_subject(text: str, a: int, b: int) -> bool:
    toks = tokens(text, a, b)
    if not toks or len(toks) > 20:
        return False
    words = [t for t in toks if t.text not in "(),"]
    if not words:
        return False
    if len(words) == 1 and words[0].low in L.DEMONSTRATIVES | L.OPENERS:
        return False
    return True


def _menurut(text: str, s: Sentence, m: re.Match) -> Construction | None:
    """"Menurut X, …" / "Menurutnya …" / "…, menurut X." / "according to X, …"."""
    word = m.group(1).lower()
    vs, ve = m.start(), m.end()
    before = text[s.start:vs].strip(" ,")
    if word == "menurutnya":
        attr = Attribution(pos=vs, mode="pronoun", cue=m.group(1))
        if before and _n_words(text, s.start, vs) >= 3 and _n_words(text, ve, s.end) < 2:
            ca, cb = _clause_before(text, s.start, vs)
        else:
            ca, cb = _clause_after(text, ve, s.end)
        return Construction(attr, vs, [(ca, cb)] if _n_words(text, ca, cb) >= 3 else [])
    toks = tokens(text, ve, s.end)
    if not toks or toks[0].low in _NON_SPEAKERS:
        return None
    mid = _n_words(text, s.start, vs) >= 4 and "," not in text[s.start:vs][-3:]
    if before.endswith(",") or text[s.start:vs].rstrip().endswith(",") or mid:
        ca, cb = _clause_before(text, s.start, vs)
        if _n_words(text, ca, cb) >= 3 and not _lead_in(text, ca, cb) and (
            not mid or _n_words(text, *_clause_after(text, phrase_after(text, ve, s.end)[1], s.end)) < 3
        ):
            # "…, menurut X." / "…, according to X, …": the cue follows the clause.
            pa, pb = phrase_after(text, ve, s.end)
            if pb <= pa:
                return None
            parts = [(ca, cb)]
            ra, rb = _clause_after(text, pb, s.end)
            if _n_words(text, ra, rb) >= 3:
                parts.append((ra, rb))
            return Construction(Attribution(pos=vs, mode="phrase", start=pa, end=pb, cue=m.group(1),
                                            prefer_last=False), vs, parts)
    if mid and not before.endswith(",") and word == "according to":
        # "… according to a report …" inside an English clause frames no reported clause
        # after it ("… itu menurut X harus …" in Indonesian does).
        return None
    # The speaker runs over comma segments that are all noun-phrase words; the clause
    # starts at the first segment with a word of another kind.
    end_i = 0
    seg_ok = True
    cut = None
    for i, t in enumerate(toks):
        if t.text == ",":
            if not seg_ok:
                break
            cut = i
            seg_ok = True
            continue
        if t.text in ".!?;":
            cut = i if cut is None or seg_ok else cut
            break
        if not (_subject_word(t) or t.text in "()-") and seg_ok:
            seg_ok = False
            if cut is None:
                cut = i  # no comma: "menurut Ani harus …"
            break
        end_i = i
    else:
        cut = len(toks) if cut is None else cut
    if cut is None or cut == 0:
        return None
    sp_a, sp_b = toks[0].start, toks[min(cut, len(toks)) - 1].end
    if cut <= end_i + 1 and cut < len(toks) and toks[cut].text != ",":
        sp_b = toks[cut - 1].end
    attr = Attribution(pos=vs, mode="phrase", start=sp_a, end=sp_b, cue=m.group(1),
                       prefer_last=True)
    after_start = toks[cut].end if cut < len(toks) and toks[cut].text == "," else (
        toks[cut].start if cut < len(toks) else s.end)
    ca, cb = _clause_after(text, after_start, s.end)
    if _n_words(text, ca, cb) < 3 and before and _n_words(text, s.start, vs) >= 3:
        ca, cb = _clause_before(text, s.start, vs)
    return Construction(attr, vs, [(ca, cb)] if _n_words(text, ca, cb) >= 3 else [])


def _short_construction(text: str, s: Sentence, m: re.Match) -> Construction | None:
    """"…, kata X." / "…, ujarnya." / "Dari sana, lanjut X, …" (no quotation marks)."""
    vs, ve = m.start(1), m.end()
    if m.group(2):  # -nya: refers back
        attr = Attribution(pos=vs, mode="pronoun", cue=m.group(1) + m.group(2))
        pe = ve
    else:
        pa, pe = phrase_after(text, ve, s.end)
        if pe <= pa:
            return None
        comma = text.find(",", pa, pe)
        if comma > 0 and _n_words(text, pe, s.end) >= 3:
            pe = comma  # mid-sentence ("…, lanjut Ani, Tim KPK menemukan …"): up to the comma
        first = tokens(text, pa, pe)[0]
        if first.text[0].islower() and first.low not in L.PRONOUNS and first.low not in L.TITLES \
                and first.low not in L.ANON_MARKERS:
            return None  # "…, jelas terlihat" is not a cue
        attr = Attribution(pos=vs, mode="phrase", start=pa, end=pe, cue=m.group(1), prefer_last=False)
    ca, cb = _clause_before(text, s.start, m.start())
    parts = [(ca, cb)] if _n_words(text, ca, cb) >= 1 else []
    # A cue in the middle: "Dari sana, lanjut X, tim menemukan …".
    rest_a, rest_b = _clause_after(text, pe, s.end)
    if _n_words(text, rest_a, rest_b) >= 3:
        parts.append((rest_a, rest_b))
    elif _n_words(text, ca, cb) < 3:
        return None
    return Construction(attr, vs, parts)


def _passive(text: str, s: Sentence, m: re.Match) -> Construction | None:
    """"Dijelaskan X, …" / "Dari keterangan tertulis X, dijelaskan, …"."""
    vs, ve = m.start(), m.end()
    lead = text[s.start:vs].strip()
    low_lead = lead.lower()
    if low_lead.endswith((", seperti", ", sebagaimana", "seperti yang", "sebagaimana yang")):
        # "…, seperti dijelaskan Kepala Bagian X, Ani, kepada wartawan.": a postposed source.
        ca, cb = _clause_before(text, s.start, max(s.start, text.rfind(",", s.start, vs)))
        start = ve
        toks = tokens(text, ve, s.end)
        if toks and toks[0].low == "oleh":
            start = toks[0].end
        pa, pb = phrase_after(text, start, s.end)
        if pb <= pa or _n_words(text, ca, cb) < 3:
            return None
        return Construction(Attribution(pos=vs, mode="phrase", start=pa, end=pb, cue=m.group(1),
                                        prefer_last=True), vs, [(ca, cb)])
    if lead and not lead.endswith(","):
        return None  # "hal itu dijelaskan …" mid-sentence: not a sentence opener
    toks = tokens(text, ve, s.end)
    start = ve
    if toks and toks[0].low == "oleh":
        start = toks[0].end
    comma = text.find(",", start, s.end)
    if comma < 0:
        return None
    pa, pb = start, comma
    if not text[pa:pb].strip():
        # No agent after the verb: the source named in the lead, or the last speaker.
        src = re.search(r"(?:keterangan|pernyataan|rilis|siaran pers)\s+(?:tertulis|resmi|pers)?\s*(.+)$",
                        lead.rstrip(","), re.IGNORECASE)
        if src:
            off = s.start + src.start(1)
            a, b = phrase_after(text, off, s.start + len(text[s.start:vs].rstrip().rstrip(",")))
            attr = Attribution(pos=vs, mode="phrase", start=a, end=b, cue=m.group(1)) if b > a else \
                Attribution(pos=vs, mode="pronoun", want="any", cue=m.group(1))
        else:
            attr = Attribution(pos=vs, mode="pronoun", want="any", cue=m.group(1))
    else:
        attr = Attribution(pos=vs, mode="phrase", start=pa, end=pb, cue=m.group(1))
    ca, cb = _clause_after(text, comma + 1, s.end)
    return Construction(attr, vs, [(ca, cb)] if _n_words(text, ca, cb) >= 3 else [])


# --- Resolution --------------------------------------------------------------------------


def _resolve(article: Article, found: list[Found], constructions: dict[int, Construction],
             in_quote: Callable[[int], bool], kb_roles: KBRoles | None) -> list[Quote]:
    ctx = Context(article)
    ctx.quoted = in_quote
    ctx.kb_roles = kb_roles
    attrs: list[Attribution] = [f.attribution for f in found]
    # Constructions without a clause ("X said:") still introduce a speaker.
    attrs += [c.attribution for c in constructions.values() if not c.clause]
    seen: set[int] = set()
    order = []
    for a in attrs:
        if id(a) not in seen:
            seen.add(id(a))
            order.append(a)
    order.sort(key=lambda a: a.pos)
    for a in order:
        a.speaker = _resolve_one(ctx, a)
        if a.speaker is not None and (a.speaker.name or a.speaker.kind == "anon"):
            ctx.saw(a.speaker, a.pos)
    out: list[Quote] = []
    for f in sorted(found, key=lambda f: f.start):
        sp = f.attribution.speaker
        if sp is None or (sp.name is None and sp.kind != "anon"):
            if f.kind == "indirect" or sp is None:
                continue
        cue = f.attribution.cue or (f.attribution.same.cue if f.attribution.same else None)
        out.append(Quote(speaker=sp.name, text=f.text, kind=f.kind, start=f.start, end=f.end,
                         speaker_id=sp.actor_id, speaker_start=sp.start, speaker_end=sp.end,
                         cue=cue))
    return out


def _resolve_one(ctx: Context, a: Attribution) -> Speaker | None:
    if a.speaker is not None:
        return a.speaker
    if a.mode == "same" and a.same is not None:
        if a.same.speaker is None:
            a.same.speaker = _resolve_one(ctx, a.same)
        return a.same.speaker
    if a.mode == "last":
        return ctx.last if ctx.last is not None else None
    if a.mode == "pronoun":
        return ctx.pronoun(a.want, a.pos, a.pos)
    if a.mode == "document":
        return ctx.pronoun("any", a.pos, a.pos, via="document")
    sp = ctx.resolve(a.start, a.end, prefer_last=a.prefer_last)
    if sp.kind == "anon":
        return ANONYMOUS if sp.start is None else sp
    return sp


# --- Helpers -------------------------------------------------------------------------------


def _clean(s: str) -> str:
    s = s.strip()
    while s and s[-1] in ",;:-–— \n":
        s = s[:-1].rstrip()
    while s and s[0] in ",;:-–— \n":
        s = s[1:].lstrip()
    return s


def _line_sentences(text: str) -> list[Sentence]:
    return [Sentence(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
