"""The Indonesian NER tagger: the committed artifact, span decoding, exactness of the fast path."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from warta.errors import WartaError
from warta.ner import MODEL_PATH, ModelError, Tagger, load_tagger, spans
from warta.ner.tagger import viterbi_reference
from warta.stages.tokens import TOKEN_RE

LABELS = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}


def words(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


def named(text: str, tagger: Tagger | None = None) -> list[tuple[str, str]]:
    """(surface, type) of each entity the tagger finds in ``text``."""
    ws = words(text)
    labels = (tagger or load_tagger()).tag(ws)
    return [(" ".join(ws[a:b]), kind) for a, b, kind in spans(labels)]


# Sentences written for these tests (news register, names chosen freely).
SENTENCES = [
    "Menteri Keuangan Sri Mulyani Indrawati berkunjung ke Semarang pada Senin (21/11/2016).",
    "Gubernur Dewi Hartono meresmikan jembatan baru di Kota Pontianak, Kalimantan Barat.",
    '"Kami akan menambah kapal-kapal patroli," kata Ahmad Wijaya kepada wartawan di Kupang.',
    "Bank Indonesia menaikkan suku bunga acuan menjadi 6,25 persen.",
    "Mahasiswa Universitas Gadjah Mada menggelar diskusi tentang pemilu.",
    "PT Pertamina dan Garuda Indonesia menandatangani nota kesepahaman di Palembang.",
    "Harga cabai naik tajam menjelang akhir tahun.",
]


def test_artifact_is_committed_and_small() -> None:
    assert MODEL_PATH.exists(), "warta/models/ner-id.npz must be committed"
    assert MODEL_PATH.stat().st_size < 5_000_000


def test_load_tagger_is_cached() -> None:
    assert load_tagger() is load_tagger()
    assert set(load_tagger().labels) == LABELS


def test_minister_visiting_a_city() -> None:
    found = named(SENTENCES[0])
    assert ("Sri Mulyani Indrawati", "PER") in found
    assert ("Semarang", "LOC") in found
    assert all(kind != "PER" for text, kind in found if text.startswith("Menteri"))


def test_governor_and_places() -> None:
    found = named(SENTENCES[1])
    assert ("Dewi Hartono", "PER") in found
    assert any(kind == "LOC" and "Pontianak" in text for text, kind in found)
    assert ("Kalimantan Barat", "LOC") in found


def test_speaker_after_a_quote() -> None:
    found = named(SENTENCES[2])
    assert ("Ahmad Wijaya", "PER") in found
    assert ("Kupang", "LOC") in found
    assert not any("kapal" in text for text, _ in found)


def test_organisations() -> None:
    assert named(SENTENCES[3]) == [("Bank Indonesia", "ORG")]
    assert ("Universitas Gadjah Mada", "ORG") in named(SENTENCES[4])
    found = named(SENTENCES[5])
    assert any(kind == "ORG" and "Pertamina" in text for text, kind in found)
    assert ("Palembang", "LOC") in found


def test_sentence_without_names() -> None:
    assert named(SENTENCES[6]) == []


def test_tag_many_equals_tag_one_by_one() -> None:
    tagger = load_tagger()
    batch = [words(s) for s in SENTENCES] + [[], ["Kupang"]]
    assert tagger.tag_many(batch) == [tagger.tag(s) for s in batch]
    assert tagger.tag_many([]) == []
    assert tagger.tag([]) == []


def test_odd_tokens_do_not_break_tagging() -> None:
    odd = ["", "😀", "x" * 500, "21/11/2016", "U.S.", "O'Neill", "’", "\u200b", "İstanbul"]
    labels = load_tagger().tag(odd)
    assert len(labels) == len(odd)
    assert set(labels) <= LABELS


def test_compiled_tagger_matches_plain_viterbi() -> None:
    """The per-type tables + pruned batched Viterbi give exactly the plain CRF labels."""
    tagger = Tagger.load(MODEL_PATH)
    state, trans = tagger.crf_weights()
    rng = np.random.default_rng(7)
    vocab = [w for s in SENTENCES for w in words(s)] + ["dan", "di", ",", '"', ":"]
    cases = [words(s) for s in SENTENCES]
    cases += [list(rng.choice(vocab, size=int(rng.integers(1, 40)))) for _ in range(40)]
    fast = tagger.tag_many(cases)
    for sent, got in zip(cases, fast, strict=True):
        attrs = tagger.space.sentence_attributes(sent)
        assert got == viterbi_reference(attrs, state, trans, tagger.labels), sent


def test_type_cache_reset_keeps_labels() -> None:
    tagger = Tagger.load(MODEL_PATH)
    batch = [words(s) for s in SENTENCES]
    expected = tagger.tag_many(batch)
    tagger.max_cached_types = 40  # force the cache to be dropped on the way
    assert [tagger.tag(s) for s in batch] == expected


def test_threads_sharing_one_tagger_get_the_same_labels() -> None:
    """A web server may tag from several threads; cache growth and resets must not race."""
    import sys
    from concurrent.futures import ThreadPoolExecutor

    tagger = Tagger.load(MODEL_PATH)
    batch = [words(s) for s in SENTENCES]
    expected = Tagger.load(MODEL_PATH).tag_many(batch)
    tagger.max_cached_types = 60  # resets happen while other threads tag
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, so that a race would show
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(lambda _: tagger.tag_many(batch), range(100)))
    finally:
        sys.setswitchinterval(interval)
    assert all(r == expected for r in results)


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        ([], []),
        (["O", "O"], []),
        (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
        (["I-ORG", "I-ORG", "O"], [(0, 2, "ORG")]),  # I- without B- still opens a span
        (["O", "I-LOC"], [(1, 2, "LOC")]),
        (["B-PER", "I-ORG"], [(0, 1, "PER"), (1, 2, "ORG")]),  # a type change splits
        (["B-PER", "B-PER", "I-PER"], [(0, 1, "PER"), (1, 3, "PER")]),
        (["B-ORG", "I-ORG", "I-ORG"], [(0, 3, "ORG")]),  # entity running to the end
    ],
)
def test_spans(labels: list[str], expected: list[tuple[int, int, str]]) -> None:
    assert spans(labels) == expected


def test_missing_or_broken_model_raises_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        load_tagger(tmp_path / "absent.npz")
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a zip file")
    with pytest.raises(WartaError) as info:
        Tagger.load(broken)
    assert "broken.npz" in str(info.value)
    partial = tmp_path / "partial.npz"
    np.savez(partial, labels=np.zeros(3, dtype=np.uint8))
    with pytest.raises(ModelError, match="lacks"):
        Tagger.load(partial)


def _train_script():
    """scripts/train_ner.py as a module (its data preparation is tested, never training)."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "scripts" / "train_ner.py"
    spec = importlib.util.spec_from_file_location("train_ner", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_training_tokens_are_split_like_warta_tokens() -> None:
    train = _train_script()
    words, labels = train.retokenize(
        (["Ketua", "(PKB)", "Partai", "Inc.", "21/11/2016"], ["O", "B-ORG", "B-ORG", "I-ORG", "O"])
    )
    assert words == ["Ketua", "(", "PKB", ")", "Partai", "Inc", ".", "21/11/2016"]
    assert labels == ["O", "O", "B-ORG", "O", "B-ORG", "I-ORG", "O", "O"]
    # NERGRIT splits "laki-laki"; Warta keeps it whole. Inside names the split stays.
    words, labels = train.join_hyphens(
        (["laki", "-", "laki", "Si", "-", "won"], ["O"] * 3 + ["I-PER"] * 3)
    )
    assert words == ["laki-laki", "Si", "-", "won"]
    assert labels == ["O", "I-PER", "I-PER", "I-PER"]


def test_country_names_left_o_become_places() -> None:
    train = _train_script()
    names = train.country_sequences()
    words = ["tentara", "Jepang", "dan", "Amerika", "Serikat", "belajar", "bahasa", "Inggris"]
    _, labels = train.harmonize_countries((words, ["O"] * len(words)), names)
    assert labels == ["O", "B-LOC", "O", "B-LOC", "I-LOC", "O", "O", "O"]
    # a country inside an organisation name keeps the organisation's label
    _, labels = train.harmonize_countries((["Bank", "Indonesia"], ["B-ORG", "I-ORG"]), names)
    assert labels == ["B-ORG", "I-ORG"]
