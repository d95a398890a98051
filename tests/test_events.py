"""The events stage: PLOVER coding of Indonesian and English sentences written for these
tests. Articles are built by hand: the real text stages (sentences, tokens, lemmas) run,
entities and dates are set by hand, so these tests do not depend on the NER or the
temporal tagger."""

from __future__ import annotations

import pytest

from warta.config import Options
from warta.doc import Article, DateMention, Entity, Event, Quote
from warta.events import describe, extract_events
from warta.events.lexicon import PLOVER_TYPES, lexicon
from warta.events.morph import affix_class
from warta.pipeline import Pipeline, registry

TEXT_STAGES = ("normalize", "dateline", "langid", "sentences", "tokens", "lemmas")
_PIPE = Pipeline(Options(stages=TEXT_STAGES))


def article(
    text: str,
    lang: str = "id",
    *,
    entities: list[tuple[str, str, str | None, str | None]] = (),  # type: ignore[assignment]
    dates: list[tuple[str, str]] = (),  # type: ignore[assignment]
    quotes: list[tuple[str, str]] = (),  # type: ignore[assignment]
    published: str = "2024-03-05",
) -> Article:
    """An analysed article; entities are (surface, label, country, sector) found by text
    search, dates are (surface, value), quotes are (quoted words, speaker)."""
    art = _PIPE(Article(id="t", text=text, lang=lang, published=published))
    for surface, label, country, sector in entities:
        i = art.text.index(surface)
        art.entities.append(
            Entity(surface, label, i, i + len(surface), surface, country=country, sector=sector)
        )
    art.entities.sort(key=lambda e: e.start)
    for surface, value in dates:
        i = art.text.index(surface)
        art.dates.append(DateMention(surface, value, i, i + len(surface)))
    art.dates.sort(key=lambda d: d.start)
    for words, speaker in quotes:
        i = art.text.index(words)
        art.quotes.append(Quote(speaker, words, "direct", i, i + len(words)))
    return art


def events(text: str, lang: str = "id", **kw) -> list[Event]:
    return extract_events(article(text, lang, **kw))


def one(text: str, typ: str, lang: str = "id", **kw) -> Event:
    found = [e for e in events(text, lang, **kw) if e.type == typ]
    assert found, f"no {typ} in {[(e.type, e.trigger) for e in events(text, lang, **kw)]}"
    return found[0]


def dyad(ev: Event) -> tuple[str | None, str | None]:
    return (ev.source.country if ev.source else None, ev.target.country if ev.target else None)


RETNO = ("Retno Marsudi", "PERSON", "IDN", "GOV")

# -- the stage -------------------------------------------------------------------------


def test_stage_is_registered_with_its_contract():
    spec = registry()["events"]
    assert spec.requires == ("entities", "dates", "quotes")
    assert spec.provides == ("events",)


def test_lexicons_load_and_use_only_the_sixteen_types():
    for lang in ("id", "en"):
        lex = lexicon(lang)
        rows = [r for rs in lex.single.values() for r in rs] + [
            r for rs in lex.phrases.values() for r in rs
        ]
        assert {r.type for r in rows} <= set(PLOVER_TYPES)
        assert {r.type for r in rows} == set(PLOVER_TYPES)  # every type has a trigger
        assert all(r.rule.startswith(f"{lang}_triggers.tsv:") for r in rows)


def test_empty_article_has_no_events():
    assert extract_events(Article(id="x", text="", lang="id")) == []


# -- Indonesian morphology -------------------------------------------------------------


@pytest.mark.parametrize(
    "word,root,cls",
    [
        ("menyerang", "serang", "meN"),
        ("diserang", "serang", "di"),
        ("serangan", "serang", "-an"),
        ("penyerangan", "serang", "peN-an"),
        ("tertangkap", "tangkap", "ter"),
        ("penangkapan", "tangkap", "peN-an"),
        ("kunjungan", "kunjung", "-an"),
        ("mengunjungi", "kunjung", "meN-i"),
        ("berkunjung", "kunjung", "ber"),
        ("pertemuan", "temu", "per-an"),
        ("menemukan", "temu", "meN-kan"),
        ("kesepakatan", "sepakat", "ke-an"),
        ("memperingatkan", "ingat", "memper-kan"),
        ("mengerahkan", "kerah", "meN-kan"),
        ("batalkan", "batal", "-kan"),
        ("penembak", "tembak", "peN"),
    ],
)
def test_affix_class(word, root, cls):
    assert affix_class(word, root) == cls


def test_affixes_decide_the_meaning_of_a_root():
    # "menemui" (meet) is CONSULT; "menemukan" (find) is no event
    assert one("Presiden Jokowi menemui para petani di Bogor.", "CONSULT")
    assert events("Polisi menemukan sebuah tas di stasiun.") == []


def test_nominalisations_are_events():
    ev = one("Kunjungan Presiden Jokowi ke Jepang berlangsung tiga hari.", "CONSULT")
    assert ev.mode == "visit" and dyad(ev) == ("IDN", "JPN")
    ev = one("Penangkapan tiga aktivis oleh polisi memicu kecaman.", "COERCE")
    assert ev.source.sector == "COP" and ev.target.name == "aktivis"


def test_simplemma_unknown_forms_are_stripped_by_our_own_rules():
    ev = one("Indonesia dan Malaysia menandatangani perjanjian perbatasan.", "AGREE")
    assert dyad(ev) == ("IDN", "MYS")


# -- voice, light verbs, reported speech ----------------------------------------------


def test_passive_with_bare_agent():
    ev = one("Dubes Malaysia dipanggil Kemlu pada Senin.", "CONSULT")
    assert ev.source.name == "Kemlu" and ev.source.country == "IDN"
    assert ev.target.country == "MYS" and "passive" in ev.rule


def test_passive_with_oleh_and_generic_patient():
    ev = one("Tiga aktivis ditangkap polisi di Medan.", "COERCE")
    assert (ev.source.name, ev.source.sector, ev.source.country) == ("polisi", "COP", "IDN")
    assert ev.target.name == "aktivis" and ev.mode == "arrest"
    ev = one("Dua wartawan ditahan oleh aparat keamanan.", "COERCE")
    assert ev.source.name == "aparat keamanan" and ev.target.sector == "MED"


def test_agentless_arrest_is_by_the_authorities():
    ev = one("Seorang bupati ditangkap di rumahnya.", "COERCE")
    assert ev.source.sector == "COP" and "implied agent" in ev.rule


def test_english_passive_by():
    ev = one("Two journalists were detained by Egyptian police.", "COERCE", "en")
    assert ev.source.country == "EGY" and ev.source.sector == "COP"
    assert ev.target.sector == "MED"


@pytest.mark.parametrize(
    "text,typ",
    [
        ("Menlu Retno Marsudi melakukan kunjungan ke Australia.", "CONSULT"),
        ("Amerika Serikat menjatuhkan sanksi kepada Rusia.", "SANCTION"),
        ("Menlu Retno Marsudi menggelar pertemuan dengan Menlu Filipina.", "CONSULT"),
        ("Menlu Retno Marsudi melakukan pembicaraan dengan Menlu Vietnam.", "CONSULT"),
    ],
)
def test_light_verb_phrases(text, typ):
    ev = one(text, typ, entities=[RETNO] if "Retno" in text else [])
    assert ev.source.country in ("IDN", "USA") and ev.target.country in ("AUS", "RUS", "PHL", "VNM")
    assert "light:" in ev.rule


def test_receiving_a_visit_turns_the_roles_round():
    ev = one(
        "Retno Marsudi kemarin menerima kunjungan Menlu Singapura.",
        "CONSULT",
        entities=[RETNO],
    )
    assert dyad(ev) == ("SGP", "IDN") and ev.mode == "visit"


def test_speech_light_verbs_do_not_make_material_events():
    # reporting an attack is not attacking
    evs = events("Kemlu menyampaikan kecaman atas serangan yang dilancarkan Israel ke Tepi Barat.")
    assault = [e for e in evs if e.type == "ASSAULT"]
    assert assault and all(e.source.country == "ISR" for e in assault)


def test_reported_speech_codes_the_reported_act():
    ev = one("Menteri itu mengatakan pasukan Rusia menyerang Ukraina.", "ASSAULT")
    assert dyad(ev) == ("RUS", "UKR")
    ev = one("The minister said Russian troops attacked Ukraine on Monday.", "ASSAULT", "en")
    assert dyad(ev) == ("RUS", "UKR") and ev.source.sector == "MIL"


def test_speech_act_verbs_are_events_of_the_speaker():
    ev = one("Indonesia mengecam Israel atas serangan itu.", "ACCUSE")
    assert dyad(ev) == ("IDN", "ISR") and ev.mode == "disapprove"


def test_control_a_subjectless_clause_borrows_the_speakers_subject():
    ev = one("Pemerintah Vietnam mengatakan akan mengirim bantuan ke Laos.", "AID")
    assert dyad(ev) == ("VNM", "LAO") and ev.modality == "future"


def test_must_in_reported_speech_is_a_request():
    ev = one("Menlu Prancis mengatakan Iran harus menghentikan pengayaan uranium.", "REQUEST")
    assert dyad(ev) == ("FRA", "IRN")
    ev = one("China said on Tuesday that Japan must apologise.", "REQUEST", "en")
    assert dyad(ev) == ("CHN", "JPN")


def test_governing_verbs_keep_only_themselves():
    evs = events("Indonesia mendesak Israel menghentikan serangan ke Gaza.")
    assert [e.type for e in evs] == ["REQUEST"] and dyad(evs[0]) == ("IDN", "ISR")
    ev = one("Myanmar refused to attend the meeting.", "REJECT", "en")
    assert ev.mode == "meet"


# -- modality -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang,modality",
    [
        ("Presiden Jokowi akan mengunjungi Jepang.", "id", "future"),
        ("Presiden Jokowi berencana mengunjungi Jepang.", "id", "future"),
        ("Presiden Jokowi dijadwalkan mengunjungi Jepang.", "id", "future"),
        ("Jika perundingan gagal, Presiden Jokowi mengunjungi Jepang.", "id", "hypothetical"),
        ("Apabila diundang, Presiden Jokowi mengunjungi Jepang.", "id", "hypothetical"),
        ("Presiden Jokowi tidak mengunjungi Jepang.", "id", "negated"),
        ("Presiden Jokowi belum mengunjungi Jepang.", "id", "negated"),
        ("Presiden Jokowi mengunjungi Jepang.", "id", "asserted"),
        ("President Biden will visit Japan.", "en", "future"),
        ("President Biden plans to visit Japan.", "en", "future"),
        ("If talks fail, President Biden could visit Japan.", "en", "hypothetical"),
        ("President Biden did not visit Japan.", "en", "negated"),
        ("President Biden visited Japan.", "en", "asserted"),
    ],
)
def test_modality(text, lang, modality):
    ev = one(text, "CONSULT", lang)
    assert ev.modality == modality
    assert dyad(ev)[1] == "JPN"


def test_denial_negates_the_denied_act():
    evs = events("Militer Thailand membantah menyerang desa di Kamboja.")
    assert [(e.type, e.modality) for e in evs] == [("ASSAULT", "negated")]
    evs = events("The Thai army denied attacking the village.", "en")
    assert [(e.type, e.modality) for e in evs] == [("ASSAULT", "negated")]


def test_negated_attendance_is_a_rejection():
    ev = one("Menlu Australia tidak hadir dalam pertemuan itu.", "REJECT")
    assert ev.mode == "meet" and ev.source.country == "AUS"


# -- the sixteen types ----------------------------------------------------------------

ID_TYPES = [
    ("AGREE", "Indonesia dan Malaysia sepakat memperkuat patroli perbatasan.", ("IDN", "MYS")),
    ("CONSULT", "Menlu Jepang bertemu dengan Menlu Korea Selatan di Tokyo.", ("JPN", "KOR")),
    ("SUPPORT", "Pemerintah Turki mendukung Palestina.", ("TUR", "PSE")),
    ("CONCEDE", "Pemerintah Filipina mencabut larangan ekspor ke Vietnam.", ("PHL", "VNM")),
    (
        "COOPERATE",
        "Indonesia bekerja sama dengan Australia memberantas penyelundupan.",
        ("IDN", "AUS"),
    ),
    ("AID", "Jepang memberikan bantuan kemanusiaan kepada Nepal.", ("JPN", "NPL")),
    ("RETREAT", "Rusia menarik pasukan dari Georgia.", ("RUS", "GEO")),
    ("REQUEST", "Kemlu meminta Arab Saudi membebaskan pekerja migran.", ("IDN", "SAU")),
    ("ACCUSE", "Pemerintah China menuduh Amerika Serikat melakukan spionase.", ("CHN", "USA")),
    ("REJECT", "India menolak usulan Pakistan.", ("IND", "PAK")),
    ("THREATEN", "Korea Utara mengancam Korea Selatan dengan serangan rudal.", ("PRK", "KOR")),
    ("PROTEST", "Ribuan buruh berunjuk rasa di depan Kedutaan Besar Prancis.", ("IDN", "FRA")),
    ("SANCTION", "Uni Eropa menjatuhkan sanksi terhadap Iran.", (None, "IRN")),
    ("MOBILIZE", "China mengerahkan kapal perang ke Laut China Selatan.", ("CHN", None)),
    ("COERCE", "Polisi Malaysia menangkap lima nelayan Indonesia.", ("MYS", "IDN")),
    ("ASSAULT", "Tentara Israel menembak dua remaja Palestina.", ("ISR", "PSE")),
]


@pytest.mark.parametrize("typ,text,expected", ID_TYPES, ids=[t for t, _, _ in ID_TYPES])
def test_each_type_in_indonesian(typ, text, expected):
    ev = one(text, typ)
    assert dyad(ev) == expected
    assert ev.trigger and ev.rule and ev.cameo and ev.goldstein is not None


EN_TYPES = [
    ("AGREE", "Iran and Iraq agreed to reopen the border crossing.", ("IRN", "IRQ")),
    (
        "CONSULT",
        "The Chinese foreign minister held talks with his Russian counterpart.",
        ("CHN", "RUS"),
    ),
    ("SUPPORT", "Germany praised Poland for its help.", ("DEU", "POL")),
    ("AID", "Japan sent humanitarian aid to Turkey after the earthquake.", ("JPN", "TUR")),
    ("REQUEST", "The United Nations urged Myanmar to release political prisoners.", (None, "MMR")),
    ("ACCUSE", "Israel accused Iran of arming militias.", ("ISR", "IRN")),
    ("REJECT", "Beijing rejected the proposal from Manila.", ("CHN", "PHL")),
    ("THREATEN", "North Korea threatened South Korea with nuclear strikes.", ("PRK", "KOR")),
    ("PROTEST", "Thousands of students protested outside the US embassy.", (None, "USA")),
    ("SANCTION", "Washington imposed sanctions on Russian banks.", ("USA", "RUS")),
    ("COERCE", "Iranian police arrested three British nationals.", ("IRN", "GBR")),
    ("ASSAULT", "Russian forces shelled Ukrainian positions near Kharkiv.", ("RUS", "UKR")),
]


@pytest.mark.parametrize("typ,text,expected", EN_TYPES, ids=[t for t, _, _ in EN_TYPES])
def test_types_in_english(typ, text, expected):
    ev = one(text, typ, "en")
    got = dyad(ev)
    assert got[1] == expected[1]
    if expected[0]:
        assert got[0] == expected[0]


# -- actors ---------------------------------------------------------------------------


def test_generic_actors_take_an_adjacent_country_and_a_sector():
    ev = one("Pejabat Rusia bertemu dengan delegasi Turki.", "CONSULT")
    assert (ev.source.country, ev.source.sector) == ("RUS", "GOV")
    assert (ev.target.country, ev.target.sector) == ("TUR", "GOV")
    ev = one("Russian officials met a Turkish delegation in Ankara.", "CONSULT", "en")
    assert (ev.source.country, ev.source.sector) == ("RUS", "GOV")


def test_generic_actors_without_a_country_word_take_the_main_country():
    ev = one("Ribuan mahasiswa berunjuk rasa menolak revisi undang-undang.", "PROTEST")
    assert (ev.source.name, ev.source.country, ev.source.sector) == ("mahasiswa", "IDN", "EDU")
    ev = one(
        "Brazil faces unrest. In the capital the police arrested dozens of protesters.",
        "COERCE",
        "en",
    )
    assert (ev.source.country, ev.source.sector) == ("BRA", "COP")
    assert ev.target.sector == "OPP"


def test_title_and_entity_merge_into_one_actor():
    ev = one(
        "Menlu Retno Marsudi mengecam Israel.",
        "ACCUSE",
        entities=[("Retno Marsudi", "PERSON", "IDN", None)],
    )
    assert (ev.source.name, ev.source.sector) == ("Retno Marsudi", "GOV")


def test_pronoun_refers_to_the_last_person():
    ev = one(
        "Retno Marsudi tiba di Canberra. Ia kemudian bertemu Menlu Australia.",
        "CONSULT",
        entities=[RETNO],
    )
    assert ev.source.name == "Retno Marsudi" and ev.target.country == "AUS"
    ev = one(
        "Joe Biden arrived in Hanoi. He met Vietnamese leaders.",
        "CONSULT",
        "en",
        entities=[("Joe Biden", "PERSON", "USA", "GOV")],
    )
    assert dyad(ev) == ("USA", "VNM")


def test_first_person_in_a_quote_is_its_speaker():
    text = '"Kami akan membantu korban banjir di Pakistan," kata Retno Marsudi.'
    ev = one(
        text,
        "AID",
        entities=[RETNO],
        quotes=[("Kami akan membantu korban banjir di Pakistan,", "Retno Marsudi")],
    )
    assert ev.source.name == "Retno Marsudi" and ev.modality == "future"


def test_money_is_not_an_actor():
    evs = events("KPK menyita uang puluhan ribu dolar Singapura dari rumah tersangka.")
    assert all(e.target is None or e.target.country != "SGP" for e in evs)


def test_events_without_a_source_are_not_coded():
    assert events("Serangan itu menewaskan tiga orang.") == []


# -- dates, dedupe, description --------------------------------------------------------


def test_event_date_from_its_sentence_else_the_report():
    text = "Rusia menyerang Ukraina pada Senin (4/3). Ukraina mengecam Rusia."
    evs = events(text, dates=[("Senin (4/3)", "2024-03-04")], published="2024-03-05")
    attack = next(e for e in evs if e.type == "ASSAULT")
    accuse = next(e for e in evs if e.type == "ACCUSE")
    assert (attack.date, attack.date_source) == ("2024-03-04", "text")
    assert (accuse.date, accuse.date_source) == ("2024-03-05", "report")


def test_repeated_mentions_are_one_event():
    text = "Indonesia mengecam Israel. Kemlu RI kembali mengecam keras Israel."
    assert len([e for e in events(text) if e.type == "ACCUSE"]) == 1


def test_evidence_offsets_point_into_the_text():
    art = article("Pemerintah Turki mendukung Palestina.")
    ev = extract_events(art)[0]
    assert art.text[ev.start : ev.end] == ev.evidence
    assert "mendukung" in ev.evidence and ev.trigger == "mendukung"


def test_describe_is_one_readable_line():
    ev = one("Indonesia mengecam Israel.", "ACCUSE")
    line = describe(ev.as_dict())
    assert line.startswith("Indonesia") and "ACCUSE/disapprove" in line and "→" in line
    line = describe({**ev.as_dict(), "date": None, "modality": "future", "target": None})
    assert line.endswith(": ACCUSE/disapprove, undated [future]") and "→ -:" in line


# -- conventions ----------------------------------------------------------------------


def test_who_acts_changes_the_type():
    ev = one("Ratusan petani memblokade jalan menuju kantor gubernur.", "PROTEST")
    assert ev.mode == "obstruct" and "switch:nonstate" in ev.rule
    ev = one("Polisi memblokade jalan menuju kantor gubernur.", "COERCE")
    assert ev.mode == "restrict"


def test_a_negated_agreement_is_a_rejection():
    ev = one("Israel and Lebanon failed to agree on a new border.", "REJECT", "en")
    assert ev.modality == "asserted" and "negated AGREE" in ev.rule


def test_plural_pronoun_after_a_pair_means_both():
    text = "Menlu Jepang dan Menlu Korea Selatan bertemu di Seoul. Mereka juga berbicara melalui telepon pekan lalu."
    evs = [e for e in events(text) if e.type == "CONSULT"]
    assert {dyad(e) for e in evs} == {("JPN", "KOR")}
    assert {e.mode for e in evs} == {None, "phone"}


def test_a_noun_compound_is_one_event():
    evs = events("Amerika Serikat melanjutkan ancaman tarif terhadap Kanada.")
    assert [e.type for e in evs] == ["THREATEN"] and dyad(evs[0]) == ("USA", "CAN")


def test_a_list_of_countries_gives_one_event_each_and_one_country_one_event():
    evs = events("Menlu Iran melakukan tur ke beberapa negara, seperti Jepang, China dan Malaysia.")
    assert sorted(dyad(e)[1] for e in evs) == ["CHN", "JPN", "MYS"]
    evs = events("Presiden mendesak TNI, Polri dan BNPB membantu korban banjir.")
    assert len([e for e in evs if e.type == "REQUEST"]) == 1


def test_an_implied_agent_is_dropped_when_the_agent_is_told():
    text = "Polisi menangkap seorang bupati di Jakarta. Bupati itu ditangkap karena suap."
    evs = [e for e in events(text) if e.type == "COERCE"]
    assert len(evs) == 1 and evs[0].source.name == "Polisi"


def test_a_relative_clause_takes_its_own_head_as_subject():
    # "kendaraan yang diamankan": the vehicles, not the earlier subject, were seized
    assert [
        e
        for e in events("KPK memamerkan kendaraan yang diamankan dari rumah tersangka.")
        if e.type == "COERCE"
    ] == []
