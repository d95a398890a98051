"""The speed paths give the same answers as the plain ones, and their caches stay bounded.

Each fast path here replaces a slower computation with one that must agree with it exactly
(langid's cached byte walk, whole-text tokenisation, the quote tokenizer, the phrase regex
with its look-behind moved, the fuzzy-name memo); the tests run both on sentences written
for them, including the edge cases each shortcut has to get right.
"""

from __future__ import annotations

import re

import pytest

from warta.config import Options
from warta.doc import Sentence, Token
from warta.kb.store import load_kb
from warta.quotes import speakers
from warta.stages import langid
from warta.stages.tokens import TOKEN_RE, _sentence_tokens, _tokenize_range, tokenize
from warta.trust import phrases

ID_TEXT = (
    "Pemerintah kota menyatakan bahwa jembatan yang rusak akibat banjir pekan lalu akan "
    "segera diperbaiki. Menurut kepala dinas, pekerjaan itu dapat selesai dalam dua bulan "
    "karena dana sudah tersedia dan para pekerja telah dikerahkan ke lokasi tersebut untuk "
    "membersihkan sisa lumpur yang masih menutup jalan."
)
EN_TEXT = (
    "The city government said on Tuesday that the bridge damaged by last week's flood would "
    "be repaired soon. The head of the public works office told reporters that the work was "
    "expected to take two months, as the money had already been set aside and the crews were "
    "on their way to clear the mud that still covers the road."
)
OTHER_TEXTS = [
    "Le conseil municipal a voté hier soir un budget de reconstruction pour le pont détruit "
    "par la crue, et les travaux commenceront dès le mois prochain selon le maire.",
    "Der Stadtrat hat gestern Abend beschlossen, die Brücke nach dem Hochwasser schnell "
    "wieder aufzubauen.",
    "Jembatan rusak.",
    "OK",
    "12 34 56",
    "   ",
]


# -- langid ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [ID_TEXT, EN_TEXT, *OTHER_TEXTS, ID_TEXT[:77], EN_TEXT.upper()])
def test_cached_byte_walk_equals_py3langid(text: str) -> None:
    sample = text[: langid.SAMPLE_CHARS]
    assert langid._classify(sample) == langid._langid().classify(sample)
    assert langid._classify(sample) == langid._langid().classify(sample)  # cached the 2nd time


def test_byte_walk_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(langid, "MAX_WALKS", 10)
    langid._WALKS.clear()
    for text in (ID_TEXT, EN_TEXT, *OTHER_TEXTS):
        langid._classify(text)
        assert len(langid._WALKS) <= 10 + text.count(" ") + 1
    langid._classify(ID_TEXT)
    assert len(langid._WALKS) <= 10 + ID_TEXT.count(" ") + 1


def test_function_word_vote_decides_only_clear_cases() -> None:
    assert langid._vote(ID_TEXT) == "id"
    assert langid._vote(EN_TEXT) == "en"
    assert langid._vote(ID_TEXT[:100]) is None  # too short to vote
    mixed = ID_TEXT[:250] + " " + EN_TEXT[:250]
    assert langid._vote(mixed) is None
    for text in OTHER_TEXTS:
        assert langid._vote(text) is None


@pytest.mark.parametrize("text", [ID_TEXT, EN_TEXT, ID_TEXT + " " + EN_TEXT, *OTHER_TEXTS[:2]])
def test_vote_agrees_with_py3langid(text: str) -> None:
    code = langid._langid().classify(text[: langid.SAMPLE_CHARS])[0]
    expected = "id" if code in ("id", "ms") else code
    assert langid.detect(text)[0] == expected


# -- tokens ---------------------------------------------------------------------------------

def _plain(text: str, spans: list[tuple[int, int]]) -> tuple[list[tuple], list[tuple]]:
    toks: list[tuple] = []
    ranges = []
    for a, b in spans:
        start = len(toks)
        toks += [(m[0], m.start(), m.end()) for m in TOKEN_RE.finditer(text, a, b)]
        ranges.append((start, len(toks)))
    return toks, ranges


@pytest.mark.parametrize("spans", [
    [(0, 32), (33, 80)],  # the sentence splitter's kind
    [(0, 30), (30, 80)],  # an edge inside "21/11/2016"
    [(0, 45), (40, 80)],  # overlapping sentences
    [(5, 20)],  # text outside every sentence
])
def test_whole_text_tokens_equal_per_sentence_tokens(spans: list[tuple[int, int]]) -> None:
    text = "Presiden tiba di Jakarta. Pada 21/11/2016 ia bertemu U.S. delegates, O'Neill."
    sents = [Sentence(a, b) for a, b in spans]
    toks = _sentence_tokens(text, sents)
    want_toks, want_ranges = _plain(text, spans)
    assert [(t.text, t.start, t.end) for t in toks] == want_toks
    assert [(s.tok_start, s.tok_end) for s in sents] == want_ranges
    assert len({id(t) for t in toks}) == len(toks)  # no token object shared


def test_tokenize_offsets() -> None:
    text = "  Kapal-kapal  (TNI) tiba\n2,5 jam."
    assert tokenize(text, 7) == [Token(m[0], m.start() + 7, m.end() + 7)
                                 for m in TOKEN_RE.finditer(text)]
    assert _tokenize_range(text, 3, 12) == [Token(m[0], *m.span())
                                             for m in TOKEN_RE.finditer(text, 3, 12)]
    assert tokenize("") == []


# -- the quote tokenizer ----------------------------------------------------------------------

@pytest.mark.parametrize("start, end", [(0, 60), (1, 60), (13, 40), (22, 25), (27, 60)])
def test_quote_tokens_equal_finditer(start: int, end: int) -> None:
    text = 'Kata A. Rachim, "dia" di Kompas.com pada U.S. Nov. katanya.Ia pergi.'
    got = speakers.tokens(text, start, end)
    want = [(m[0], m.start(), m.end()) for m in speakers.TOKEN_RE.finditer(text, start, end)]
    assert [(t.text, t.start, t.end) for t in got] == want
    assert all(t.low == t.text.lower() for t in got)


# -- phrase regex -----------------------------------------------------------------------------

@pytest.mark.parametrize("lower", [False, True])
def test_phrase_regex_matches_whole_words_only(lower: bool) -> None:
    names = ["Related Press", "Wall Road Journal", "Kantor Berita"]
    rx = phrases.phrase_regex(names, lower=lower)
    old = re.compile(r"(?<![\w-])(?:Related\s+Press|Wall\s+Road\s+Journal|Kantor\s+Berita)(?![\w-])")
    text = ("Related Press said; xRelated Press; -Related Press; Related  Press-x; "
            "(Wall Road\nJournal) and Kantor Berita.")
    if lower:
        text, old = text.lower(), re.compile(old.pattern.lower())
    assert [m.span() for m in rx.finditer(text)] == [m.span() for m in old.finditer(text)]
    assert len(rx.findall(text)) == 3


# -- the fuzzy-name memo -----------------------------------------------------------------------

def test_fuzzy_memo_gives_the_same_hits_and_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from warta.kb import store

    kb = load_kb(Options().kb_path, Options().kb_overlays)
    name = next(k for k in kb.index if k.count(" ") == 1 and len(k) >= 12)
    slip = name[:-1] + ("a" if name[-1] != "a" else "e")
    kb._fuzzy_memo.clear()
    first = kb.fuzzy(slip)
    assert first, "a one-letter slip of a known name is found"
    assert kb.fuzzy(slip) == first
    first.clear()  # callers get their own list
    assert kb.fuzzy(slip)
    monkeypatch.setattr(store, "FUZZY_MEMO_MAX", 2)
    for extra in ("abcdefgh ijk", "lmnopqrs tuv", "wxyzabcd efg"):
        kb.fuzzy(extra)
        assert len(kb._fuzzy_memo) <= 2


# -- round 2: dates prefilter, mention helpers, quotes/resolver scans, minhash, rows ----------

DATE_TEXTS = [
    "Pada Senin (21/11/2016) Presiden bertemu; rapat 3 hari lalu dan 5 Mei 2020 batal.",
    "JAKARTA - Kamis, 2 Juni, tahun lalu: 150 orang, ke-3 kalinya, awal 2019-2020.",
    "The talks on Tuesday, Nov. 21, 2016 followed a March 4 vote two years ago; 12 people.",
    "ſenin dan Selasa, ıs 2020 İstanbul 14 Agustus",  # characters lower() maps differently
    "2020 (Rabu) pagi, sekitar pukul 10.00 WIB; JUM’AT (5/5)",  # a match at the first character
    "tanpa tanggal sama sekali, hanya kata biasa",
    "",
]


@pytest.mark.parametrize("text", DATE_TEXTS)
@pytest.mark.parametrize("lang", ["id", "en", ""])
def test_date_prefilter_search_equals_master_regex(text: str, lang: str) -> None:
    from warta.time.grammar import grammar, lowered

    gram = grammar(lang)
    low = lowered(text)
    for pos in range(len(text) + 1):
        want = gram.regex.search(text, pos)
        got = gram.search(text, low, pos)
        assert (got and (got.span(), got.lastgroup)) == (want and (want.span(), want.lastgroup))


def test_lowered_refuses_text_whose_case_folding_moves_or_merges_letters() -> None:
    from warta.time.grammar import lowered

    assert lowered("Senin 5 Mei") == "senin 5 mei"
    assert lowered("İzmir Senin") is None  # lower() makes two characters of one
    assert lowered("ſenin") is None  # the regex equates ſ with s; lower() does not


def test_menurut_matches_equal_finditer() -> None:
    from warta.quotes.extract import _MENURUT_RE, _menurut_matches

    text = ("Menurutnya, harga naik. menurut dia tidak. According to him, yes; xmenurut no; "
            "according tomorrow; Menurut")
    assert [m.span(1) for m in _menurut_matches(text)] == [
        m.span(1) for m in _MENURUT_RE.finditer(text)]
    assert len(_menurut_matches(text)) == 5  # "xmenurut" too: the pattern has no \b before
    assert _menurut_matches("tanpa kata itu") == []


def test_nominal_regex_equals_its_plain_form() -> None:
    from warta.kb.resolve import _NOMINAL, _NOMINAL_RE

    plain = re.compile(r"\b(?:sang|the|[Ss]ang|The)\s+("
                       + "|".join(sorted(_NOMINAL, key=len, reverse=True)) + r")\b")
    word = next(iter(_NOMINAL))
    text = (f"sang {word} datang. The {word}, xthe {word}, _the {word}\nThe\n{word} "
            f"1sang {word} é the {word} éthe {word}")
    got = [(m.span(), m.group(1)) for m in _NOMINAL_RE.finditer(text)]
    assert got == [(m.span(), m.group(1)) for m in plain.finditer(text)]
    assert len(got) == 4


def test_ner_label_one_token_shortcut_equals_the_vote() -> None:
    from warta.kb.mentions import MentionFinder

    labels = ["O", "B-PER", "I-PER", "B-ORG", "I-LOC", "O"]
    for a in range(len(labels)):
        want = None if labels[a] == "O" else {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}[
            labels[a][2:]]
        assert MentionFinder._ner_label(labels, a, a + 1) == want
    assert MentionFinder._ner_label(labels, 1, 3) == "PERSON"
    assert MentionFinder._ner_label(labels, 5, 7) is None  # past the end


@pytest.mark.parametrize("text", [EN_TEXT, ID_TEXT + " “Kutipan” – café Ünal 2,5%", "a b", ""])
def test_minhash_fast_paths_equal_the_plain_formula(text: str) -> None:
    import zlib

    import numpy as np

    from warta.cluster import minhash

    words = re.findall(r"\w+", text.lower())
    plain = np.array([zlib.crc32(w.encode()) for w in words], dtype=np.uint64)
    assert minhash.word_hashes(text).tolist() == plain.tolist()
    sig = minhash.signature(text)
    if len(plain) >= minhash.SHINGLE:
        sh = (plain[:-2] << np.uint64(32)) ^ (plain[1:-1] * minhash._GOLDEN) ^ (
            plain[2:] << np.uint64(16))
        want = ((sh[:, None] * minhash._A + minhash._B) >> np.uint64(32)).min(axis=0)
        assert sig.tolist() == want.astype(np.uint32).tolist()
    assert sig.dtype == np.uint32 and len(sig) == minhash.NUM_PERM


def test_child_rows_equal_one_row_per_item() -> None:
    import json

    from warta.store.rows import CHILDREN, RowBuilder

    ents = [{"text": "Ani", "label": "PERSON", "start": 0, "end": 3, "role": {"role": "x"}},
            {"text": "KPK", "label": "ORG", "start": 9, "end": 12, "role": None}]
    flags = [{"kind": "k", "message": "m", "evidence": {"a": 1}, "confidence": 0.5}]
    rb = RowBuilder()
    rb._add_children("entities", 7, ents)
    rb._add_children("flags", 7, iter(flags))  # any iterable
    rb._add_children("quotes", 7, ())
    c = rb.cols["entities"]
    assert c["_i"] == [7, 7] and c["idx"] == [0, 1]
    for col, how in CHILDREN["entities"]:
        want = [it.get(how) if isinstance(how, str) else (it.get(how[0]) or {}).get(how[1])
                for it in ents]
        assert c[col] == want
    assert rb.cols["flags"]["evidence"] == [json.dumps({"a": 1})]
    assert rb.cols["quotes"]["_i"] == []
