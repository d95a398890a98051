"""The scoring rules of shared/gold/README.md, on small gold written by hand with the expected
scores worked out by hand in the comments."""

from __future__ import annotations

import pytest

from warta.eval.names import names_match
from warta.eval.scoring import evaluate, score_article, word_f1


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Retno", "Retno Marsudi", True),  # the words of one are all among the other's
        ("Menlu Retno Marsudi", "Retno Marsudi", True),  # titles dropped
        ("Bapak Joko Widodo", "Presiden Joko Widodo", True),
        ("Dr. José Ramos-Horta", "jose ramos horta", True),  # accents, punctuation, case
        ("Tiongkok", "China", True),  # both country names: same country
        ("RRT", "Tiongkok", True),
        ("Korea Utara", "Korea Selatan", False),  # both countries, different ones
        ("AS", "Amerika Serikat", True),
        ("Joko Widodo", "Joko Susilo", False),
        ("Presiden", "Presiden", True),  # only titles: compared as written
        ("", "Retno", False),
    ],
)
def test_names_match(a, b, same):
    assert names_match(a, b) is same


def test_word_f1():
    assert word_f1("kami setuju dengan itu", "Kami setuju.") == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert word_f1("a b", "c d") == 0.0


GOLD = {
    "id": "g1", "lang": "id", "published": "2020-01-07",
    "persons": ["Ani Wijaya", "Budi Santoso"],
    "orgs": ["Kementerian Luar Negeri"],
    "places": ["Jakarta", "Tiongkok"],
    "quotes": [
        {"speaker": "Ani Wijaya", "text": "Kami akan menyampaikan protes keras", "kind": "direct"},
        {"speaker": None, "text": "situasi sudah terkendali", "kind": "indirect"},
    ],
    "events": [
        {"type": "ACCUSE", "source": "Ani Wijaya", "source_country": "IDN", "target": "Tiongkok",
         "target_country": "CHN"},
        {"type": "CONSULT", "source": "Budi Santoso", "source_country": "IDN", "target": None,
         "target_country": None},
    ],
    "dates": [{"text": "Rabu (8/1/2020) malam", "value": "2020-01-08"},
              {"text": "kemarin", "value": "2020-01-06"}],
}

PRED = {
    "id": "g1",
    "entities": [
        # persons: canonicals "Ani Wijaya" (2 mentions = 1 item), "Budi" (matches "Budi Santoso"),
        # "Citra" (wrong) → 2 of 3 correct; gold 2 → P 2/3, R 1.
        {"text": "Menlu Ani", "label": "PERSON", "canonical": "Ani Wijaya"},
        {"text": "Ani", "label": "PERSON", "canonical": "Ani Wijaya"},
        {"text": "Budi", "label": "PERSON", "canonical": "Budi"},
        {"text": "Citra", "label": "PERSON", "canonical": "Citra"},
        # orgs: "Kemlu" canonical unknown and text "Kemlu" → no match; P 0/1, R 0/1.
        {"text": "Kemlu", "label": "ORG", "canonical": "Kemlu"},
        # places: "China" matches "Tiongkok" (same country), "RRT" is the same canonical as
        # nothing else but matches only the already-taken gold → 1 of 2; Jakarta missed.
        {"text": "China", "label": "PLACE", "canonical": "China"},
        {"text": "RRT", "label": "PLACE", "canonical": "RRT"},
    ],
    "quotes": [
        # speaker matches by short form, text F1 = 2*(5/5)*(5/6)/(1+5/6) ≈ .909 → correct
        {"speaker": "Ani", "text": "Kami akan menyampaikan protes keras sekali", "kind": "direct"},
        # a named speaker never matches a null gold speaker
        {"speaker": "Budi Santoso", "text": "situasi sudah terkendali", "kind": "indirect"},
    ],
    "events": [
        # type+dyad correct; type correct
        {"type": "ACCUSE", "source": {"name": "Ani", "country": "IDN"},
         "target": {"name": "China", "country": "CHN"}},
        # wrong dyad (target country given where gold has none); type matches through IDN
        {"type": "CONSULT", "source": {"name": "Budi", "country": "IDN"},
         "target": {"name": "Jepang", "country": "JPN"}},
        # wrong type
        {"type": "ASSAULT", "source": {"name": "x", "country": "IDN"}, "target": None},
    ],
    "dates": [
        {"text": "Rabu (8/1/2020)", "value": "2020-01-08"},  # shares words, same value → correct
        {"text": "Rabu (8/1/2020)", "value": "2020-01-08"},  # same words+value: counted once
        {"text": "kemarin", "value": "2020-01-08"},  # wrong value
    ],
}


def test_score_article_worked_by_hand():
    s = score_article(GOLD, PRED)
    assert (s["persons"].tp, s["persons"].pred, s["persons"].gold) == (2, 3, 2)
    assert (s["orgs"].tp, s["orgs"].pred, s["orgs"].gold) == (0, 1, 1)
    assert (s["places"].tp, s["places"].pred, s["places"].gold) == (1, 2, 2)
    assert (s["quotes"].tp, s["quotes"].pred, s["quotes"].gold) == (1, 2, 2)
    assert (s["events_dyad"].tp, s["events_dyad"].pred, s["events_dyad"].gold) == (1, 3, 2)
    assert (s["events_type"].tp, s["events_type"].pred, s["events_type"].gold) == (2, 3, 2)
    assert (s["dates"].tp, s["dates"].pred, s["dates"].gold) == (1, 2, 2)
    assert s["persons"].precision == pytest.approx(2 / 3)
    assert s["persons"].f1 == pytest.approx(0.8)


def test_micro_average_over_articles_and_languages():
    en_gold = {"id": "g2", "lang": "en", "persons": ["Jane Doe"], "orgs": [], "places": [],
               "quotes": [], "events": [], "dates": []}
    en_pred = {"entities": [{"text": "Jane", "label": "PERSON", "canonical": "Jane Doe"}]}
    totals = evaluate([(GOLD, PRED), (en_gold, en_pred)])
    assert (totals["all"]["persons"].tp, totals["all"]["persons"].pred, totals["all"]["persons"].gold) == (3, 4, 3)
    assert totals["en"]["persons"].f1 == 1.0
    assert totals["id"]["persons"].tp == 2
    # an article with nothing to find and nothing found is perfect, not undefined
    assert totals["en"]["quotes"].f1 == 0.0 or totals["en"]["quotes"].pred == 0
