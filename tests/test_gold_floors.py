"""The quality gate: accuracy on the dev gold may not fall below the floors in floors.json.

A change may raise a floor; lowering one needs a stated reason in the commit and in
floors.json's "reasons". Skipped only when ../shared is absent on a developer machine
(never in CI, where shared/ is always beside the clone).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.eval.run import load_gold, predict
from warta.eval.scoring import evaluate

from .conftest import GOLD, need_shared

FLOORS = Path(__file__).with_name("floors.json")
SLACK = 1e-6


@pytest.fixture(scope="module")
def totals():
    need_shared(GOLD)
    gold = load_gold(str(GOLD))
    preds, errors = predict(gold)
    assert not errors, [str(e) for e in errors]
    return evaluate((g, preds[g["id"]]) for g in gold)


def test_floors_hold(totals):
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["f1"]
    below = []
    for lang, parts in floors.items():
        for part, floor in parts.items():
            got = totals[lang][part].f1
            if got + SLACK < floor:
                below.append(f"{lang}/{part}: F1 {got:.4f} < floor {floor:.4f}")
    assert not below, "accuracy fell below the floors:\n" + "\n".join(below)
