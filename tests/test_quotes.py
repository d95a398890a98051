"""The quotes stage: quotation marks, reporting constructions and speakers.

Every sentence here is written for the tests; the names are invented. Most tests run the
stage's function on an article whose sentences come from the real sentence splitter and
whose entities are empty (the fallback that reads names from the text); one group sets
the entities by hand to check linking to KB actors.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import warta
from warta.doc import Article, Entity, RoleClaim
from warta.quotes import find_quote_spans, find_quotes
from warta.stages.sentences import split_sentences


def quotes_of(text: str, lang: str = "id", entities: list[Entity] | None = None):
    art = Article(id="t", text=text, lang=lang)
    art.sentences = split_sentences(text, lang)
    art.entities = list(entities or [])
    return find_quotes(art)


def only(text: str, lang: str = "id", kind: str | None = None):
    found = [q for q in quotes_of(text, lang) if kind is None or q.kind == kind]
    assert len(found) == 1, [(q.kind, q.speaker, q.text) for q in found]
    return found[0]


# --- Quotation marks ----------------------------------------------------------------------

BODY = "Kami akan menambah anggaran pendidikan tahun depan"


@pytest.mark.parametrize(
    "open_mark, close_mark",
    [
        ("\u201c", "\u201d"),  # “ ” English, Indonesian
        ("\u201e", "\u201c"),  # „ “ German
        ("\u201e", "\u201d"),  # „ ” Polish, Dutch
        ('"', '"'),
        ("'", "'"),
        ("\u2018", "\u2019"),  # ‘ ’
        ("\u00ab", "\u00bb"),  # « »
        ("\u2039", "\u203a"),  # ‹ ›
        ("\u00bb", "\u00ab"),  # » « Danish
        ("\u201d", "\u201d"),  # ” ” Swedish
    ],
)
def test_every_quote_style(open_mark, close_mark):
    q = only(f"{open_mark}{BODY},{close_mark} kata Budi Santoso.")
    assert q.kind == "direct"
    assert q.text == BODY
    assert q.speaker == "Budi Santoso"
    assert q.cue == "kata"


def test_offsets_point_at_the_text_without_marks():
    text = f"Rapat berlangsung lama.\n\u201c{BODY},\u201d ujar Budi Santoso di Bandung."
    q = only(text)
    assert text[q.start:q.end].rstrip(",") == BODY
    assert text[q.speaker_start:q.speaker_end] == "Budi Santoso"


def test_quote_over_paragraphs_reopened_each_paragraph():
    text = (
        "\u201cParagraf pertama dari pernyataan panjang ini menjelaskan latar belakangnya.\n"
        "\u201cParagraf kedua masih bagian dari kutipan yang sama,\u201d kata Siti Rahmawati."
    )
    q = only(text)
    assert q.speaker == "Siti Rahmawati"
    assert "Paragraf pertama" in q.text and "Paragraf kedua" in q.text
    assert "\u201c" not in q.text and "\u201d" not in q.text


def test_quote_over_paragraphs_in_english_straight_marks():
    text = (
        '"The first part of the statement explains why the port was closed.\n\n'
        '"The second part says when it will reopen," the harbour master, Tom Ridley, said.'
    )
    q = only(text, "en")
    assert q.speaker == "Tom Ridley"
    assert q.text.startswith("The first part") and q.text.endswith("when it will reopen")


def test_quote_closed_on_the_next_line_without_reopening():
    text = '"Write to me at my office address\n#BanjirKota," Rina Maharani wrote on Monday.'
    q = only(text, "en")
    assert q.text == "Write to me at my office address\n#BanjirKota"
    assert q.speaker == "Rina Maharani"


def test_nested_quote_belongs_to_the_outer_one():
    q = only("\"Dia bilang 'kami siap berangkat' kemarin sore,\" ujar Andi Pratama.")
    assert q.text == "Dia bilang 'kami siap berangkat' kemarin sore"
    assert q.speaker == "Andi Pratama"
    q = only("\u201cHe told me \u2018we are ready to go\u2019 yesterday,\u201d said John Carter.", "en")
    assert "\u2018we are ready to go\u2019" in q.text and q.speaker == "John Carter"


def test_apostrophes_inside_words_are_not_quotes():
    q = only("'Shalat Jum'at di masjid itu diikuti ribuan jemaah,' kata Ahmad Fauzi.")
    assert q.text == "Shalat Jum'at di masjid itu diikuti ribuan jemaah"
    q = only("'We don't know what happened at the workers' camp,' said Mary Lowell.", "en")
    assert q.text == "We don't know what happened at the workers' camp"
    assert find_quote_spans("Warga merayakan Jum'at Agung dan Ma\u2019ruf tidak hadir.") == []
    assert quotes_of("The farmers' union won't comment on the '90s reforms.", "en") == []


def test_scare_quotes_and_titles_are_not_statements():
    said = quotes_of('Pemerintah menyebut kebijakan itu sebagai "jalan tengah" bagi petani.')
    assert [q.kind for q in said] == ["indirect"]  # reported speech, not a direct quote
    assert quotes_of(
        'Ia menulis buku berjudul "Jalan Panjang Menuju Kebebasan Rakyat Kecil" tahun lalu.'
    ) == []
    assert quotes_of('Watch the video "How the Flood Reached the Old Town Square" here.', "en") == []


def test_a_short_quote_with_its_own_cue_is_a_statement():
    q = only('"Belum," jawab seorang warga.')
    assert q.text == "Belum" and q.speaker is None


def test_scare_quote_inside_reported_speech_stays_in_the_clause():
    q = only('Menteri Ani Wijaya mengatakan tarif "timbal balik" itu merugikan petani kecil.')
    assert q.kind == "indirect"
    assert q.text == 'tarif "timbal balik" itu merugikan petani kecil'


# --- Indonesian reporting verbs -----------------------------------------------------------

CLAUSE = "harga beras akan turun bulan depan"


@pytest.mark.parametrize(
    "verb",
    ["mengatakan", "menyatakan", "menegaskan", "menjelaskan", "mengungkapkan", "menambahkan",
     "menuturkan", "memaparkan", "menyebutkan", "menilai", "mengklaim", "membantah",
     "mengakui", "memastikan"],
)
def test_indonesian_prefixed_verbs(verb):
    q = only(f"Kepala Dinas Pangan Rudi Hartono {verb} {CLAUSE}.")
    assert q.kind == "indirect" and q.text == CLAUSE and q.speaker == "Rudi Hartono"
    assert q.cue == verb


@pytest.mark.parametrize("joiner", [" bahwa ", ", ", ": ", ", bahwa "])
def test_indonesian_complementisers(joiner):
    q = only(f"Rudi Hartono mengatakan{joiner}{CLAUSE}.")
    assert q.text == CLAUSE and q.speaker == "Rudi Hartono"


def test_menyampaikan_needs_a_clause_marker():
    assert quotes_of("Rudi Hartono menyampaikan protes keras kepada panitia lomba.") == []
    q = only(f"Rudi Hartono menyampaikan bahwa {CLAUSE}.")
    assert q.text == CLAUSE


def test_meminta_reports_a_request():
    q = only("Gubernur Lina Marlina meminta warga untuk menghemat air selama kemarau.")
    assert q.speaker == "Lina Marlina"
    assert q.text == "warga untuk menghemat air selama kemarau"


@pytest.mark.parametrize(
    "verb",
    ["kata", "ujar", "ucap", "tutur", "ungkap", "jelas", "tegas", "imbuh", "tambah", "lanjut",
     "sambung", "pungkas", "tandas", "terang", "papar", "tulis", "sebut"],
)
def test_indonesian_short_verbs_after_a_quote(verb):
    q = only(f'"Kami tidak akan menaikkan harga tiket kereta," {verb} Rudi Hartono.')
    assert q.speaker == "Rudi Hartono" and q.cue == verb


@pytest.mark.parametrize(
    "cue", ["katanya", "ujarnya", "imbuhnya", "tegasnya", "jelasnya", "tuturnya", "ungkapnya",
            "lanjutnya", "pungkasnya", "kata dia", "ujar dia", "ia menambahkan"],
)
def test_nya_forms_and_pronouns_refer_to_the_last_speaker(cue):
    text = (
        "Direktur Utama Intan Permata mengatakan perusahaan akan membuka pabrik baru.\n"
        "Sementara itu, Ketua Serikat Buruh Joko Susanto meminta upah dinaikkan tahun ini.\n"
        f'"Kenaikan itu sudah lama kami tunggu dan harus segera diputuskan," {cue}.'
    )
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].speaker == "Joko Susanto"


def test_pronoun_subject_of_reported_speech():
    text = (
        "Ketua panitia Dewi Lestari menegaskan, lomba tetap digelar bulan depan.\n"
        "Ia menambahkan bahwa pendaftaran dibuka hingga akhir pekan ini."
    )
    qs = quotes_of(text)
    assert [q.speaker for q in qs] == ["Dewi Lestari", "Dewi Lestari"]
    assert qs[1].text == "pendaftaran dibuka hingga akhir pekan ini"


def test_menurut_before_and_after_the_clause():
    q = only(f"Menurut Rudi Hartono, {CLAUSE}.")
    assert q.speaker == "Rudi Hartono" and q.text == CLAUSE and q.cue == "Menurut"
    q = only("Harga gula juga akan naik tahun ini, menurut Rudi Hartono.")
    assert q.speaker == "Rudi Hartono" and q.text == "Harga gula juga akan naik tahun ini"
    qs = quotes_of(f"Rudi Hartono hadir di pasar pagi tadi. Menurutnya, {CLAUSE}.")
    assert [(q.speaker, q.text) for q in qs] == [("Rudi Hartono", CLAUSE)]


def test_menurut_with_a_role_before_the_name():
    q = only(f"Menurut Kepala Bidang Distribusi, Bambang Irawan, {CLAUSE}.")
    assert q.speaker == "Bambang Irawan" and q.text == CLAUSE


def test_postposed_kata_without_quotation_marks():
    q = only(f"{CLAUSE[0].upper() + CLAUSE[1:]}, kata Rudi Hartono.")
    assert q.speaker == "Rudi Hartono" and q.text.lower() == CLAUSE


def test_mid_sentence_cue():
    q = only("Dari hasil razia itu, lanjut Rudi Hartono, petugas menyita ratusan botol minuman.")
    assert q.speaker == "Rudi Hartono"
    assert "petugas menyita ratusan botol minuman" in q.text


def test_passive_opening():
    q = only("Dijelaskan Rudi Hartono, stok beras di gudang cukup untuk tiga bulan.")
    assert q.speaker == "Rudi Hartono" and q.text == "stok beras di gudang cukup untuk tiga bulan"


def test_direct_quote_introduced_before_it():
    q = only('Rudi Hartono mengatakan: "Stok beras di gudang cukup untuk tiga bulan ke depan."')
    assert q.kind == "direct" and q.speaker == "Rudi Hartono"


def test_unattributed_quote_paragraph_continues_the_speaker():
    text = (
        '"Stok beras di gudang cukup untuk tiga bulan," kata Rudi Hartono.\n'
        '"Kami juga menyiapkan cadangan jika musim panen terlambat."'
    )
    qs = quotes_of(text)
    assert [q.speaker for q in qs] == ["Rudi Hartono", "Rudi Hartono"]


def test_two_quotes_in_one_paragraph_share_the_cue():
    text = '"Stok cukup," kata Rudi Hartono di gudang. "Kami juga menyiapkan cadangan beras."'
    qs = quotes_of(text)
    assert [q.speaker for q in qs] == ["Rudi Hartono", "Rudi Hartono"]


def test_a_quote_paragraph_without_a_speaker_before_it_is_nobodys():
    text = ("Program itu tayang setiap pagi di kanal resmi kami.\n"
            '"Selamat pagi, jangan lupa sarapan sebelum berangkat kerja!"')
    assert quotes_of(text) == []


def test_summing_up_and_bare_name_cues():
    q = only('"Harga cabai naik karena hujan terus turun," demikian kata Rudi Hartono.')
    assert q.speaker == "Rudi Hartono"
    q = only('"Harga cabai naik karena hujan terus turun," Rudi Hartono.')
    assert q.speaker == "Rudi Hartono"


def test_pronoun_with_an_active_verb_after_a_quote():
    text = ("Pengusaha Rudi Hartono membuka toko baru di Medan.\n"
            '"Anda akan mendapat diskon besar minggu ini!" ia memposting pada hari Sabtu.')
    assert [q.speaker for q in quotes_of(text)] == ["Rudi Hartono"]


def test_postposed_passive_source():
    q = only("Harga beras diperkirakan turun bulan depan, seperti dijelaskan Kepala Bidang "
             "Distribusi, Bambang Irawan, kepada wartawan.")
    assert q.speaker == "Bambang Irawan"
    assert q.text == "Harga beras diperkirakan turun bulan depan"


def test_passive_agent_is_the_antecedent_of_a_pronoun():
    text = ("Rencana itu sebelumnya diungkap oleh Sekretaris Daerah Rudi Hartono di Medan.\n"
            f"Dia mengatakan {CLAUSE}.")
    assert only(text).speaker == "Rudi Hartono"


def test_titles_offices_and_territories_are_not_names():
    cases = {
        "Kepala Satpol PP Kabupaten Sukamaju Rudi Hartono": "Rudi Hartono",
        "Wali Kota Sukamaju Dewi Lestari": "Dewi Lestari",
        "Gubernur Provinsi Jawa Barat Dewi Lestari": "Dewi Lestari",
        "Kepala Seksi Intelijen Kejaksaan Negeri Sukamaju Rudi Hartono": "Rudi Hartono",
        "Menteri Koordinator Perekonomian Rudi Hartono": "Rudi Hartono",
        "Brigadir Satu Polisi Dewi Lestari": "Dewi Lestari",
    }
    for subject, name in cases.items():
        assert only(f"{subject} mengatakan {CLAUSE}.").speaker == name, subject


# --- English reporting verbs ----------------------------------------------------------------

EN_CLAUSE = "the bridge will reopen next week"


@pytest.mark.parametrize(
    "sentence, cue",
    [
        (f"Mayor Helen Brooks said that {EN_CLAUSE}.", "said"),
        (f"Mayor Helen Brooks said {EN_CLAUSE}.", "said"),
        (f"Mayor Helen Brooks says {EN_CLAUSE}.", "says"),
        (f"Mayor Helen Brooks told reporters {EN_CLAUSE}.", "told"),
        (f"Mayor Helen Brooks told The Harbour Times that {EN_CLAUSE}.", "told"),
        (f"Mayor Helen Brooks added that {EN_CLAUSE}.", "added"),
        (f"Mayor Helen Brooks stated that {EN_CLAUSE}.", "stated"),
        (f"Mayor Helen Brooks noted that {EN_CLAUSE}.", "noted"),
        (f"Mayor Helen Brooks has said {EN_CLAUSE}.", "said"),
        (f"According to Mayor Helen Brooks, {EN_CLAUSE}.", "According to"),
        ("The bridge will reopen next week, Mayor Helen Brooks said.", "said"),
        ("The bridge will reopen next week, said Mayor Helen Brooks.", "said"),
        ("The bridge will reopen next week, Helen Brooks told reporters on Monday.", "told"),
        ("The bridge will reopen next week, according to Helen Brooks.", "according to"),
    ],
)
def test_english_reporting_constructions(sentence, cue):
    q = only(sentence, "en")
    assert q.kind == "indirect"
    assert q.speaker == "Helen Brooks"
    assert q.text.lower().rstrip(".") == EN_CLAUSE
    assert q.cue == cue


@pytest.mark.parametrize("cue", ["he said", "he added", "Brooks said", "said Brooks",
                                 "Brooks told reporters"])
def test_english_cues_after_a_quote(cue):
    text = (
        f"Mayor Harold Brooks said {EN_CLAUSE}.\n"
        f'"We have checked every cable twice and the engineers are satisfied," {cue}.'
    )
    direct = [q for q in quotes_of(text, "en") if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].speaker == "Harold Brooks"


def test_said_on_monday_is_not_a_clause():
    qs = quotes_of('"The bridge is safe," Helen Brooks said on Monday.', "en")
    assert [(q.kind, q.speaker) for q in qs] == [("direct", "Helen Brooks")]


def test_partial_quote_inside_reported_speech():
    q = only("Helen Brooks told local media the contractor \u201cmust finish the work by June\u201d.",
             "en")
    assert q.kind == "direct" and q.speaker == "Helen Brooks"
    assert q.text == "must finish the work by June"


def test_coordinated_second_verb_ends_the_clause():
    text = ('Helen Brooks said the council will vote on Friday, but added that the budget '
            '"will not be cut for any school in the city."')
    qs = quotes_of(text, "en")
    kinds = sorted((q.kind, q.text) for q in qs)
    assert kinds[0] == ("direct", "will not be cut for any school in the city.")
    assert kinds[1] == ("indirect", "the council will vote on Friday")


def test_relative_clause_between_subject_and_verb():
    q = only("The mayor of Porto Alto, who took office in May, said the port will expand.", "en")
    assert q.text == "the port will expand"


# --- Organisations, unnamed sources, roles --------------------------------------------------


def test_organisations_speak():
    assert only('"Kami tetap membuka jalur diplomasi," kata Gedung Putih.').speaker == "Gedung Putih"
    assert only(f"Kemenlu menyatakan {CLAUSE}.").speaker == "Kemenlu"
    text = ("The Ministry of Health said on Monday that the outbreak was under control.\n"
            '"We have enough vaccines for every province," the ministry said.')
    assert [q.speaker for q in quotes_of(text, "en")] == ["Ministry of Health"] * 2
    text = ("Kementerian Kesehatan menyatakan wabah itu sudah terkendali.\n"
            '"Stok vaksin cukup untuk semua provinsi," kata kementerian itu.')
    assert [q.speaker for q in quotes_of(text)] == ["Kementerian Kesehatan"] * 2


def test_acronym_defined_in_parentheses_gives_the_full_name():
    text = ("Badan Pengawas Obat Daerah (BPOD) menarik produk itu.\n"
            f"BPOD menegaskan {CLAUSE}.")
    assert only(text).speaker == "Badan Pengawas Obat Daerah"


@pytest.mark.parametrize(
    "text, lang",
    [
        ('"Uangnya belum dihitung semua," ujar seorang pejabat kepada wartawan.', "id"),
        (f"Seorang pejabat yang enggan disebut namanya mengatakan {CLAUSE}.", "id"),
        (f"Menurut sumber di kepolisian, {CLAUSE}.", "id"),
        (f"Officials said {EN_CLAUSE}.", "en"),
        ('"The vote was close," a source told reporters.', "en"),
        (f"{EN_CLAUSE[0].upper() + EN_CLAUSE[1:]}, two officials said.", "en"),
    ],
)
def test_unnamed_sources_have_no_speaker(text, lang):
    q = only(text, lang)
    assert q.speaker is None


def test_role_only_speaker_resolves_to_the_named_holder():
    text = (
        "Juru bicara kepolisian, Komisaris Besar Andi Wirawan, mengatakan jalan itu ditutup total.\n"
        "Juru bicara itu menambahkan bahwa pengalihan arus berlaku sampai malam."
    )
    assert [q.speaker for q in quotes_of(text)] == ["Andi Wirawan", "Andi Wirawan"]
    text = (
        "Police spokesman Andrew Wills said the road was closed.\n"
        f"The spokesman said {EN_CLAUSE}."
    )
    assert [q.speaker for q in quotes_of(text, "en")] == ["Andrew Wills", "Andrew Wills"]


@pytest.mark.parametrize(
    "sentence",
    [
        f"{EN_CLAUSE[0].upper() + EN_CLAUSE[1:]}, a senior port official said.",
        f"The Sukamajan rebels said {EN_CLAUSE}.",
        f"{EN_CLAUSE[0].upper() + EN_CLAUSE[1:]}, diplomatic sources said on Wednesday.",
    ],
)
def test_english_groups_and_unnamed_officials(sentence):
    assert only(sentence, "en").speaker is None


def test_english_postposed_after_an_apposition():
    q = only("Ships will dock in Porto Alto, the capital, the Harbour Authority said on Monday.",
             "en")
    assert q.speaker == "Harbour Authority"
    assert q.text == "Ships will dock in Porto Alto, the capital"


def test_role_only_speaker_without_a_named_holder_is_nobody():
    assert only(f"The spokesman said {EN_CLAUSE}.", "en").speaker is None


# --- Names without entities -----------------------------------------------------------------


def test_titles_and_ranks_are_not_part_of_the_name():
    assert only(f"Kapolda Jawa Barat Irjen Pol Budi Santoso mengatakan {CLAUSE}.").speaker == (
        "Budi Santoso")
    assert only(f"Menteri Luar Negeri Ani Wijaya menegaskan {CLAUSE}.").speaker == "Ani Wijaya"
    assert only(f"Budi Santoso, Ketua Komisi Hukum, mengatakan {CLAUSE}.").speaker == (
        "Budi Santoso")
    assert only(f"Foreign Minister Ann Whitfield said {EN_CLAUSE}.", "en").speaker == (
        "Ann Whitfield")


def test_a_short_name_is_completed_from_an_earlier_mention():
    text = (f"Wakil Ketua DPRD Hendra Kusuma menjelaskan {CLAUSE}.\n"
            '"Pasokan dari daerah lain juga lancar," kata Hendra.')
    assert [q.speaker for q in quotes_of(text)] == ["Hendra Kusuma", "Hendra Kusuma"]


def test_alias_in_parentheses():
    text = ("Presiden Bagus Santoso Wibisono (Bagoes) tiba di Medan.\n"
            '"Saya senang bisa datang lagi ke kota ini," ujar Bagoes.')
    assert only(text).speaker == "Bagus Santoso Wibisono"


def test_sentence_initial_common_word_is_not_a_name():
    text = ("Kunjungan Rudi ke pasar berlangsung singkat. Rudi Hartono lalu berbicara.\n"
            f"Rudi menjelaskan {CLAUSE}. Kunjungan kerja berakhir sore.")
    assert only(text).speaker == "Rudi Hartono"


# --- Linking to entities -------------------------------------------------------------------


def test_speakers_are_linked_to_entities():
    text = (
        "Menteri Luar Negeri Ani Wijaya menegaskan Indonesia menolak klaim itu.\n"
        '"Kami sudah mengirim nota protes kepada kedutaan mereka," ujar Ani.\n'
        "Kementerian Luar Negeri menyatakan bahwa dialog tetap terbuka bagi kedua negara."
    )
    i = text.index("Ani Wijaya")
    j = text.index("Ani.")
    k = text.index("Kementerian Luar Negeri")
    role = RoleClaim(text="Menteri Luar Negeri", role="foreign_minister", country="IDN",
                     start=0, end=19)
    ents = [
        Entity("Ani Wijaya", "PERSON", i, i + 10, canonical="Ani Kusuma Wijaya",
               actor_id="ani_kusuma_wijaya", country="IDN", role=role),
        Entity("Ani", "PERSON", j, j + 3, canonical="Ani Kusuma Wijaya",
               actor_id="ani_kusuma_wijaya", country="IDN"),
        Entity("Kementerian Luar Negeri", "ORG", k, k + 23,
               canonical="Kementerian Luar Negeri Republik Indonesia", actor_id="idn_mofa"),
    ]
    qs = quotes_of(text, entities=ents)
    assert [(q.kind, q.speaker, q.speaker_id) for q in qs] == [
        ("indirect", "Ani Kusuma Wijaya", "ani_kusuma_wijaya"),
        ("direct", "Ani Kusuma Wijaya", "ani_kusuma_wijaya"),
        ("indirect", "Kementerian Luar Negeri Republik Indonesia", "idn_mofa"),
    ]
    # The title before the name is not the speaker's span; the name is.
    assert text[qs[0].speaker_start:qs[0].speaker_end] == "Ani Wijaya"


def test_entity_for_the_role_holder_resolves_a_bare_role():
    text = ("Menteri Luar Negeri Ani Wijaya tiba di Jenewa.\n"
            f"Menteri itu mengatakan {CLAUSE}.")
    i = text.index("Ani Wijaya")
    role = RoleClaim(text="Menteri Luar Negeri", role="foreign_minister", start=0, end=19)
    ent = Entity("Ani Wijaya", "PERSON", i, i + 10, canonical="Ani Kusuma Wijaya",
                 actor_id="ani_kusuma_wijaya", role=role)
    q = only_with(text, [ent])
    assert q.speaker == "Ani Kusuma Wijaya" and q.speaker_id == "ani_kusuma_wijaya"


def test_a_possessor_entity_is_not_the_speaker():
    text = f"Wijaya's lawyer told reporters {EN_CLAUSE}."
    ent = Entity("Wijaya", "PERSON", 0, 6, canonical="Ani Kusuma Wijaya", actor_id="akw")
    assert only_with(text, [ent], "en").speaker is None


def only_with(text: str, ents: list[Entity], lang: str = "id"):
    qs = quotes_of(text, lang, ents)
    assert len(qs) == 1, [(q.kind, q.speaker, q.text) for q in qs]
    return qs[0]


# --- The stage in the pipeline ---------------------------------------------------------------


@pytest.mark.slow
def test_stage_fills_the_output_dict():
    out = warta.analyze('"Kami siap membantu korban banjir di desa itu," kata Sumarni Hadi.',
                        lang="id", published="2024-02-01")
    assert "quotes" in out["stages"]
    assert len(out["quotes"]) == 1
    q = out["quotes"][0]
    assert set(q) >= {"speaker", "text", "kind", "start", "end", "speaker_id", "cue"}
    assert q["kind"] == "direct" and q["text"] == "Kami siap membantu korban banjir di desa itu"
    assert q["speaker"] and "Sumarni" in q["speaker"]


def test_text_without_quotes_or_cues():
    assert quotes_of("Hujan deras turun sejak pagi di seluruh kota.") == []
    assert quotes_of("") == []


def test_a_kb_link_that_contradicts_the_text_is_not_used():
    text = ("Police spokesman Dimas Yunus said the road would stay closed until Friday.\n"
            '"We ask drivers to take the northern route instead," Yunus said.')
    i = text.index("Dimas")
    j = text.index("Yunus said.")
    ents = [
        Entity("Dimas", "PERSON", i, i + 5, canonical="Dimas"),
        Entity("Yunus", "PERSON", i + 6, i + 11, canonical="Ahmad Yunus", actor_id="ahmad_yunus"),
        Entity("Yunus", "PERSON", j, j + 5, canonical="Ahmad Yunus", actor_id="ahmad_yunus"),
    ]
    qs = quotes_of(text, "en", ents)
    assert [(q.speaker, q.speaker_id) for q in qs] == [("Dimas Yunus", None), ("Dimas Yunus", None)]


# --- Untrusted input ------------------------------------------------------------------------

_ALPHABET = "ab A.,;:!?\n'\"\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb\u2039\u203a()-kata said Ani"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=200))
def test_any_text_gives_well_formed_spans(text):
    spans = find_quote_spans(text)
    last = -1
    for q in spans:
        assert 0 <= q.open < len(text) and q.open > last
        assert all(0 <= a < b <= len(text) for a, b in q.parts)
        last = q.open
    for q in quotes_of(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert q.kind in ("direct", "indirect") and q.text
