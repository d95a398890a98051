"""Argument and discourse rules of the events stage (apposition, parentheses, lists,
relative clauses, orders, denials, mutual acts, fronted clauses ...), on sentences written
for these tests with invented people. Entities are set by hand, as in test_events.py."""

from __future__ import annotations

from tests.test_events import dyad, events, one


def test_an_abbreviation_in_parentheses_does_not_split_a_title_from_its_country():
    ev = one("Kemlu kemarin memanggil Wakil Duta Besar (Wadubes) Kenya ke Pejambon.", "CONSULT")
    assert dyad(ev) == ("IDN", "KEN")


def test_a_title_merged_with_its_organisation_takes_the_apposed_name():
    text = "Ketua Komisi Yudisial, Sari Wulandari, mengecam Malaysia."
    ev = one(text, "ACCUSE", entities=[("Sari Wulandari", "PERSON", "IDN", None)])
    assert ev.source.name == "Sari Wulandari" and dyad(ev) == ("IDN", "MYS")


def test_a_fronted_topic_before_a_comma_is_not_a_second_subject():
    text = "Soal Selat Malaka, Malaysia mendesak semua pihak berdialog."
    evs = [e for e in events(text) if e.type == "REQUEST"]
    assert [e.source.country for e in evs] == ["MYS"]


def test_two_country_names_with_a_comma_are_coordinated_in_a_headline():
    ev = one("Japan, Peru leaders meet in Tokyo", "CONSULT", lang="en")
    assert set(dyad(ev)) == {"JPN", "PER"}


def test_a_title_dot_does_not_end_the_clause():
    text = "Kami pekan lalu bertemu Prof. Andi dan Prof. Rudi di kampus."
    evs = events(
        text,
        entities=[("Andi", "PERSON", "IDN", None), ("Rudi", "PERSON", "IDN", None)],
        quotes=[(text, "Hasan")],
    )
    assert any(e.type == "CONSULT" and e.target and e.target.name == "Andi" for e in evs)


def test_a_modal_between_a_relative_marker_and_its_verb_keeps_the_head():
    text = "Polisi menilai kebijakan yang bisa mengancam Singapura."
    assert [e for e in events(text) if e.type == "THREATEN"] == []


def test_threaten_with_no_one_and_nothing_threatened_means_endanger():
    assert [e for e in events("Banjir itu mengancam panen petani.") if e.type == "THREATEN"] == []
    ev = one("Iran mengancam akan menyerang Israel.", "THREATEN")
    assert dyad(ev) == ("IRN", "ISR")
    text = "Hamas threatened last week to resume rocket fire on Israel."
    assert dyad(one(text, "THREATEN", lang="en"))[0] == "PSE"


def test_a_topic_preposition_blocks_a_light_verb():
    text = "Jaksa itu memberi penjelasan tentang penahanan wali kota."
    evs = [e for e in events(text) if e.type == "COERCE" and e.source]
    assert [e for e in evs if "Jaksa" in e.source.name] == []


def test_a_nominal_takes_the_agent_and_target_of_its_relative_clause():
    ev = one("Bantuan yang akan disalurkan pemerintah daerah kepada nelayan tiba kemarin.", "AID")
    assert ev.source.name == "pemerintah daerah" and ev.target.name == "nelayan"


def test_a_coordinated_verb_after_a_reporting_verb_shares_its_subject():
    text = "Menlu Hasan menyoroti krisis itu dan mendesak gencatan senjata antara kedua pihak."
    ev = one(text, "REQUEST", entities=[("Hasan", "PERSON", "IDN", "GOV")])
    assert ev.source.name == "Hasan"


def test_an_order_down_the_chain_of_command_is_coded_as_the_act_ordered():
    text = (
        "Presiden menginstruksikan kepada Menteri Kesehatan untuk mengirimkan bantuan kepada "
        "warga desa."
    )
    evs = events(text)
    assert [e.type for e in evs] == ["AID"]
    assert evs[0].modality == "future" and evs[0].source.name.startswith("Menteri")
    assert "ordered" in evs[0].rule
    # an order to one's own agencies that names no act is no interaction
    assert events("Presiden memerintahkan TNI dan Polri untuk siaga.") == []
    # an order to someone outside the state stays a request
    ev = one("The government ordered the newspaper to stop printing.", "REQUEST", lang="en")
    assert ev.target is not None


def test_a_denial_with_no_one_named_answers_the_last_accuser():
    text = "The mayor was accused by the tax office of fraud. She rejected the charges."
    ents = [("mayor", "PERSON", "KEN", "GOV"), ("tax office", "ORG", "KEN", "GOV")]
    ev = one(text, "REJECT", lang="en", entities=ents)
    assert ev.target is not None and ev.target.name == "tax office"
    assert "accuser" in ev.rule


def test_mutual_acts_go_both_ways():
    text = "Peru dan Chile bertemu. Setahun kemudian kedua negara saling menjatuhkan sanksi."
    countries = [("Peru", "PLACE", "PER", None), ("Chile", "PLACE", "CHL", None)]
    evs = [e for e in events(text, entities=countries) if e.type == "SANCTION"]
    assert {dyad(e) for e in evs} == {("PER", "CHL"), ("CHL", "PER")}


def test_a_pair_word_means_the_last_two_actors_named():
    text = (
        "Okafor and Lindqvist held talks on Monday at the World Bank. "
        "The two first met in May in Osaka, Japan."
    )
    ents = [
        ("Okafor", "PERSON", "NGA", "GOV"),
        ("Lindqvist", "PERSON", "SWE", "GOV"),
        ("World Bank", "ORG", None, "IGO"),
    ]
    evs = [e for e in events(text, lang="en", entities=ents) if e.type == "CONSULT"]
    assert evs and all(set(dyad(e)) == {"NGA", "SWE"} for e in evs)


def test_the_country_after_a_place_is_part_of_the_place():
    ev = one("Iran and Peru met in Osaka, Japan, on Monday.", "CONSULT", lang="en")
    assert dyad(ev) == ("IRN", "PER")


def test_a_surname_alone_refers_to_the_person_named_before():
    text = "Maria Wanda was accused by the agency of graft. Wanda rejected the charge on Friday."
    ents = [("Maria Wanda", "PERSON", "KEN", None)]
    evs = [e for e in events(text, lang="en", entities=ents) if e.type == "REJECT"]
    assert evs and evs[0].source.name == "Maria Wanda"


def test_a_death_in_a_fight_with_someone_is_their_attack():
    ev = one("Two police officers were killed last night in a firefight with bandits.", "ASSAULT", lang="en")
    assert ev.source.name == "bandits" and ev.target.name.endswith("officers")


def test_a_fronted_participle_takes_the_main_subject():
    ev = one("After seizing the town, the rebels attacked the police.", "COERCE", lang="en")
    assert ev.source.name == "rebels"
    # a fronted passive participle is not an act of the main subject
    text = "Asked about the arrest, the minister smiled."
    assert [e for e in events(text, lang="en") if e.type == "REQUEST"] == []


def test_a_seizure_of_power_is_aimed_at_the_state():
    ev = one("Thailand's army seized power in a coup on Tuesday.", "COERCE", lang="en")
    assert dyad(ev) == ("THA", "THA")


def test_a_body_meeting_by_itself_is_no_interaction():
    text = "The alliance has met more often in recent years."
    assert [e for e in events(text, lang="en") if e.type == "CONSULT"] == []


def test_the_same_one_sided_act_by_one_country_is_told_once():
    one_alone = "Its minister said Chilean officials were ready to accept assistance."
    assert len([e for e in events(one_alone, lang="en") if e.type == "AGREE"]) == 1
    text = "Chile will accept international assistance. " + one_alone
    assert len([e for e in events(text, lang="en") if e.type == "AGREE"]) == 1


def test_deploying_a_rescue_team_is_not_a_mobilisation():
    text = "Japan is sending and deploying a rescue team to Peru."
    assert [e for e in events(text, lang="en") if e.type == "MOBILIZE"] == []


def test_a_bare_bloc_means_the_organisation_named_before():
    text = "The EU summit opened in Brussels. The bloc urged talks in Sudan."
    ents = [("EU", "ORG", None, "IGO")]
    evs = [e for e in events(text, lang="en", entities=ents) if e.type == "REQUEST"]
    assert evs and evs[0].source.name == "EU"


def test_two_different_requests_between_two_countries_are_two_events():
    text = "Okafor urged Chile to act on fishing. He asks Lopez for talks in Lima."
    ents = [("Okafor", "PERSON", "NGA", "GOV"), ("Lopez", "PERSON", "CHL", "GOV")]
    evs = [e for e in events(text, lang="en", entities=ents) if e.type == "REQUEST"]
    assert len(evs) == 2
