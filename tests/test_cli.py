"""The `warta` command: reports, machine output, eval, and bad input reaching the user as one line."""

from __future__ import annotations

import json

from .conftest import GOLD, need_shared

ID_TEXT = "Jakarta, Senin (21/11/2016)\nPresiden tiba di Istana untuk bertemu para menteri."


def test_analyze_text_report_from_stdin(run_warta):
    code, out, err = run_warta("analyze", "--color", "never", stdin=ID_TEXT.encode())
    assert code == 0, err
    assert "published: 2016-11-21 (from dateline)" in out
    assert "Presiden tiba di Istana" in out and "Trust flags" in out


def test_analyze_json_has_the_scored_fields(run_warta, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ID_TEXT, encoding="utf-8")
    code, out, err = run_warta("analyze", "--format", "json", str(p))
    assert code == 0, err
    doc = json.loads(out)
    for field in ("id", "lang", "published", "entities", "quotes", "events", "dates", "flags"):
        assert field in doc
    assert doc["lang"] == "id" and doc["id"] == "a"


def test_bad_inputs_are_one_line_each_and_good_ones_still_analysed(run_warta, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ID_TEXT, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    lines = tmp_path / "in.jsonl"
    lines.write_text('{"id": "j1", "text": "The minister arrived in the capital on Monday."}\n'
                     "{oops\n"
                     '{"id": "fr", "text": "Le ministre est arrivé lundi dans la capitale du pays."}\n',
                     encoding="utf-8")
    code, out, err = run_warta("analyze", "--format", "jsonl", str(good), str(empty), str(binary), str(lines))
    assert code == 1  # something failed
    assert "Traceback" not in err
    err_lines = [x for x in err.splitlines() if x]
    assert len(err_lines) == 4, err
    assert err_lines[0] == f"warta: {empty}: the input is empty"
    assert err_lines[1].startswith(f"warta: {binary}: not a text file")
    assert err_lines[2].startswith(f"warta: {lines}:2: not valid JSON")
    assert err_lines[3].startswith(f"warta: {lines}:3, article fr, stage langid: language 'fr'")
    records = [json.loads(x) for x in out.splitlines()]
    assert [r["id"] for r in records if "error" not in r] == ["good", "j1"]
    assert len(records) == 6  # one line per input record, errors included


def test_exit_code_zero_when_all_good(run_warta, tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text('{"id": "j1", "text": "The minister arrived in the capital on Monday."}\n', encoding="utf-8")
    code, out, err = run_warta("analyze", "--format", "jsonl", str(p))
    assert code == 0 and err == ""


def test_bad_published_option_is_a_usage_error(run_warta):
    code, out, err = run_warta("analyze", "--published", "yesterday", stdin=b"Presiden tiba.")
    assert code == 2 and "not an ISO date" in err and "Traceback" not in err


def test_stages_lists_the_registry(run_warta):
    code, out, _ = run_warta("stages")
    assert code == 0 and "normalize" in out and "events" in out


def test_eval_on_a_missing_gold_file_is_one_line(run_warta, tmp_path):
    code, out, err = run_warta("eval", str(tmp_path / "nope.jsonl"))
    assert code == 2 and err.strip() == f"warta: {tmp_path / 'nope.jsonl'}: no such file"


def test_analyze_jsonl_on_the_dev_gold_gives_one_valid_line_per_article(run_warta, tmp_path):
    need_shared(GOLD)
    n = sum(1 for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip())
    code, out, err = run_warta("analyze", "--format", "jsonl", str(GOLD), timeout=300)
    assert code == 0, err
    records = [json.loads(x) for x in out.splitlines()]
    assert len(records) == n
    assert all("error" not in r and r["lang"] in ("id", "en") for r in records)


def test_eval_json_scores_the_pred_file_exactly(run_warta, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "lang": "id", "text": "x", "persons": ["Ani Wijaya"],
                                "orgs": [], "places": [], "quotes": [], "events": [], "dates": []}) + "\n",
                    encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"id": "a", "entities": [
        {"text": "Ani", "label": "PERSON", "canonical": "Ani"},
        {"text": "Joko", "label": "PERSON", "canonical": "Joko"}]}) + "\n", encoding="utf-8")
    code, out, err = run_warta("eval", str(gold), "--pred", str(pred), "--json")
    assert code == 0, err
    scores = json.loads(out)
    assert scores["all"]["persons"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "tp": 1,
                                        "pred": 2, "gold": 1}
