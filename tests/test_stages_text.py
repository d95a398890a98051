"""The text stages: normalisation, language id, sentences, tokens, lemmas, dateline."""

from __future__ import annotations

import pytest

import warta
from warta.errors import EmptyInputError, LanguageError
from warta.stages.dateline import parse_dateline
from warta.stages.langid import detect
from warta.stages.normalize import normalize_text
from warta.stages.tokens import tokenize


def test_mojibake_is_repaired():
    text, fixes = normalize_text("â€œKami setujuâ€\x9d, kata menteri itu.")
    assert text.startswith("\u201cKami setuju")
    assert "mojibake" in fixes


def test_html_entities_quotes_and_nfc():
    text, fixes = normalize_text("Pak &amp; Bu &quot;Ani&quot; caf\u0065\u0301 \u201fx\u201d")
    assert text == 'Pak & Bu "Ani" caf\u00e9 \u201cx\u201d'
    assert {"html_entities", "nfc", "quotes_spaces"} <= set(fixes)


def test_clean_text_is_left_alone():
    text, fixes = normalize_text("Presiden tiba di Jakarta.")
    assert text == "Presiden tiba di Jakarta." and fixes == []


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Pemerintah Indonesia menyatakan akan memperkuat kerja sama dengan negara tetangga "
         "dalam bidang perdagangan dan keamanan laut.", "id"),
        ("The government said on Monday that it would strengthen its cooperation with "
         "neighbouring countries on trade and maritime security.", "en"),
        ("Kerajaan Malaysia hari ini mengumumkan bahawa kerajaan akan memperkenalkan dasar "
         "baharu untuk membantu rakyat yang terjejas akibat banjir.", "ms"),
    ],
)
def test_language_identification(text, lang):
    assert detect(text)[0] == lang


def test_unknown_language_is_refused_with_a_reason():
    with pytest.raises(LanguageError, match="'fr' is not one Warta reads"):
        warta.analyze("Le gouvernement a annoncé lundi une nouvelle politique pour aider les "
                      "victimes des inondations dans le nord du pays.")


def test_malay_is_analysed_as_malay():
    out = warta.analyze("Kerajaan Malaysia hari ini mengumumkan bahawa kerajaan akan "
                        "memperkenalkan dasar baharu untuk membantu rakyat yang terjejas.")
    assert out["lang"] == "ms"


def test_empty_text_is_refused():
    with pytest.raises(EmptyInputError):
        warta.analyze("   \n ")


def test_sentences_keep_offsets_and_newlines_end_sentences():
    text = "Jakarta, Senin (21/11/2016) - Dr. Ani tiba di Istana. Ia bertemu menteri.\nParagraf dua."
    out = warta.analyze(text)
    spans = [text[a:b] for a, b in out["sentences"]]
    assert spans == ["Jakarta, Senin (21/11/2016) - Dr. Ani tiba di Istana.", "Ia bertemu menteri.",
                     "Paragraf dua."]


def test_tokens_keep_dates_reduplication_and_offsets():
    toks = tokenize("Kapal-kapal itu tiba 21/11/2016, kata U.S. officials.")
    assert [t.text for t in toks] == ["Kapal-kapal", "itu", "tiba", "21/11/2016", ",", "kata", "U.S.",
                                      "officials", "."]
    assert all(t.text == "Kapal-kapal itu tiba 21/11/2016, kata U.S. officials."[t.start:t.end] for t in toks)


def test_indonesian_lemmas():
    art = warta.analyze_article(warta.Article(id="x", text="Polisi menangkap pelaku dan memeriksa saksi.",
                                              lang="id"))
    lemmas = {t.text: t.lemma for t in art.tokens}
    assert lemmas["menangkap"] == "tangkap"
    assert lemmas["memeriksa"] == "periksa"


@pytest.mark.parametrize(
    "line, iso",
    [
        ("June 23, 2024", "2024-06-23"),
        ("Jakarta, Senin (21/11/2016) - Presiden tiba.", "2016-11-21"),
        ("JAKARTA, 5 Januari 2020", "2020-01-05"),
        ("Washington (AP) — Nov. 21, 2016", "2016-11-21"),
        ("2019-04-02", "2019-04-02"),
        ("Presiden tiba di Jakarta hari ini.", None),
        ("31/02/2020", None),
    ],
)
def test_dateline(line, iso):
    assert parse_dateline(line) == iso


def test_dateline_fills_published_only_when_none_given():
    text = "Jakarta, Senin (21/11/2016)\nPresiden tiba di Istana."
    assert warta.analyze(text)["published"] == "2016-11-21"
    assert warta.analyze(text)["published_source"] == "dateline"
    given = warta.analyze(text, published="2016-11-22")
    assert given["published"] == "2016-11-22" and given["published_source"] == "input"
