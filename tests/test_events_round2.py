"""Second round of event rules: allegations in reported speech, blame attribution, street
protests, retellings dated apart, and retellings of one act within one country. Sentences
written for these tests with invented people; entities and dates are set by hand (see
test_events.py)."""

from __future__ import annotations

from tests.test_events import dyad, events, one

ARIF = ("Arif Wibowo", "PERSON", "IDN", "GOV")
YOSEF = ("Yosef Tanamal", "PERSON", "IDN", "GOV")


# -- allegations and blame (English) ----------------------------------------------------


def test_allegedly_in_reported_speech_is_the_speakers_allegation_against_the_subject():
    text = (
        "Minister Arif Wibowo said governor Yosef Tanamal had allegedly taken part in the scheme."
    )
    ev = one(text, "ACCUSE", lang="en", entities=[ARIF, YOSEF])
    assert ev.source.name == "Arif Wibowo" and ev.target.name == "Yosef Tanamal"
    assert ev.mode == "allege" and ev.rule.startswith("en_triggers.tsv:")


def test_allegedly_before_an_act_of_its_own_codes_that_act_not_an_allegation():
    text = "Police said three villagers were allegedly killed by rebels in the district."
    evs = events(text, lang="en")
    assert [e.type for e in evs] == ["ASSAULT"]
    assert evs[0].source.name == "rebels"


def test_allegedly_with_no_speaker_is_no_event():
    text = "Yosef Tanamal had allegedly taken part in the scheme."
    assert not [e for e in events(text, lang="en", entities=[YOSEF]) if e.type == "ACCUSE"]


def test_a_belief_naming_the_agent_of_an_attack_is_an_allegation():
    ev = one("Police suspect the bombing was carried out by the militants.", "ACCUSE", lang="en")
    assert ev.source.name == "Police" and ev.target.name == "militants"
    assert ev.rule.endswith("suspect")


def test_a_belief_about_anything_else_is_no_event():
    assert events("We believe the talks were useful.", lang="en") == []
    assert events("Analysts believe the economy was hurt by the floods.", lang="en") == []


def test_taking_to_the_streets_is_a_protest():
    ev = one("Thousands of students took to the streets of the capital.", "PROTEST", lang="en")
    assert ev.mode == "demo" and ev.trigger == "took to the streets"


# -- retellings (discourse) -------------------------------------------------------------


def test_two_meetings_of_one_pair_dated_to_different_months_are_two_events():
    text = (
        "Kenyan Foreign Minister Amina Odhiambo and Chilean Foreign Minister Paula Reyes "
        "held talks on Friday in New York. Odhiambo and Reyes previously met in March in Geneva."
    )
    ents = [("Amina Odhiambo", "PERSON", "KEN", "GOV"), ("Paula Reyes", "PERSON", "CHL", "GOV")]
    evs = [
        e
        for e in events(
            text,
            lang="en",
            entities=ents,
            dates=[("Friday", "2024-09-20"), ("March", "2024-03")],
            published="2024-09-21",
        )
        if e.type == "CONSULT"
    ]
    assert [e.date for e in evs] == ["2024-09-20", "2024-03"]


def test_a_meeting_retold_in_the_same_month_is_one_event():
    text = (
        "Kenyan Foreign Minister Amina Odhiambo met Chilean Foreign Minister Paula Reyes "
        "on Friday. Odhiambo and Reyes met in New York, officials said."
    )
    ents = [("Amina Odhiambo", "PERSON", "KEN", "GOV"), ("Paula Reyes", "PERSON", "CHL", "GOV")]
    evs = events(
        text,
        lang="en",
        entities=ents,
        dates=[("Friday", "2024-09-20")],
        published="2024-09-21",
    )
    assert [dyad(e) for e in evs if e.type == "CONSULT"] == [("KEN", "CHL")]


def test_an_attack_retold_with_a_place_or_a_group_for_target_is_one_event():
    text = (
        "Kelompok bersenjata menyerang pos jaga prajurit di Distrik Ilaga, Kamis (5/9). "
        "Serangan kelompok bersenjata di Distrik Ilaga itu menewaskan dua prajurit."
    )
    evs = events(
        text,
        entities=[("Distrik Ilaga", "PLACE", "IDN", None)],
        dates=[("Kamis (5/9)", "2024-09-05")],
    )
    assert [(e.type, e.trigger) for e in evs] == [("ASSAULT", "menyerang")]


def test_visits_to_two_groups_of_victims_on_one_day_are_one_visit():
    text = (
        "Gubernur Yosef Tanamal meninjau korban banjir di Kabupaten Lembah Hijau. "
        "Tanamal kemudian mengunjungi pengungsi di tenda darurat."
    )
    evs = events(text, entities=[YOSEF, ("Tanamal", "PERSON", "IDN", "GOV")])
    assert [e.trigger for e in evs if e.type == "CONSULT"] == ["meninjau"]


def test_arrests_of_two_named_people_are_two_events():
    text = "KPK menangkap Yosef Tanamal pada Rabu. Sebelumnya, KPK menangkap Andreas Wuisan."
    ents = [
        ("KPK", "ORG", "IDN", "GOV"),
        YOSEF,
        ("Andreas Wuisan", "PERSON", "IDN", "GOV"),
    ]
    evs = [e for e in events(text, entities=ents) if e.type == "COERCE"]
    assert [e.target.name for e in evs] == ["Yosef Tanamal", "Andreas Wuisan"]


def test_an_arrest_of_a_named_person_is_not_merged_into_one_of_a_vague_group():
    text = "KPK menangkap sejumlah oknum pada Rabu. Sebelumnya, KPK menangkap Andreas Wuisan."
    ents = [("KPK", "ORG", "IDN", "GOV"), ("Andreas Wuisan", "PERSON", "IDN", "GOV")]
    evs = [e for e in events(text, entities=ents) if e.type == "COERCE"]
    assert len(evs) == 2
