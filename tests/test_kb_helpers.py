"""Helpers, no tests: a small KB built from YAML written here, for the KB and entity tests.

The people are real office-holders with their real, public terms (so the tests read like
news), but the data is this file's, not the bundled KB's: the tests do not move when the
curated files are edited. Two invented people share a name to test disambiguation.
"""

from __future__ import annotations

from pathlib import Path

from warta.config import Options
from warta.kb.build import build_kb
from warta.pipeline import Pipeline

CURATED = """
- id: retno_marsudi
  name: Retno Marsudi
  type: PERSON
  country: IDN
  sector: GOV
  aliases: [Retno, Retno L.P. Marsudi]
  roles:
    - {role: foreign_minister, title: Menteri Luar Negeri, country: IDN, start: 2014-10-27,
       end: 2024-10-20, source: "https://id.wikipedia.org/wiki/Retno_Marsudi"}
  as_of: 2025-06
- id: joko_widodo
  name: Joko Widodo
  type: PERSON
  country: IDN
  sector: GOV
  aliases: [Jokowi]
  roles:
    - {role: president, title: Presiden, country: IDN, start: 2014-10-20, end: 2024-10-20,
       source: "https://id.wikipedia.org/wiki/Joko_Widodo"}
- id: sugiono
  name: Sugiono
  type: PERSON
  country: IDN
  roles:
    - {role: foreign_minister, title: Menteri Luar Negeri, country: IDN, start: 2024-10-21,
       end: null, source: "https://id.wikipedia.org/wiki/Sugiono"}
  as_of: 2025-06
- id: xi_jinping
  name: Xi Jinping
  type: PERSON
  country: CHN
  roles:
    - {role: president, title: Presiden, country: CHN, start: 2013-03-14, end: null,
       source: "https://en.wikipedia.org/wiki/Xi_Jinping"}
- id: mahathir_mohamad
  name: Mahathir Mohamad
  type: PERSON
  country: MYS
  roles:
    - {role: prime_minister, country: MYS, start: 2018-05-10, end: 2020-03-01,
       source: "https://en.wikipedia.org/wiki/Mahathir_Mohamad"}
- id: ali_hassan_mys
  name: Ali Hassan
  type: PERSON
  country: MYS
  source: invented for tests
- id: ali_hassan_egy
  name: Ali Hassan
  type: PERSON
  country: EGY
  source: invented for tests
- id: idn_kemlu
  name: Kementerian Luar Negeri
  type: ORG
  country: IDN
  sector: GOV
  aliases: [Kemlu, Kemenlu]
  source: https://id.wikipedia.org/wiki/Kementerian_Luar_Negeri_Indonesia
- id: idn_kpk
  name: Komisi Pemberantasan Korupsi
  type: ORG
  country: IDN
  sector: GOV
  aliases: [KPK, Corruption Eradication Commission]
  source: https://id.wikipedia.org/wiki/Komisi_Pemberantasan_Korupsi
- id: reuters
  name: Reuters
  type: ORG
  sector: MED
  source: https://en.wikipedia.org/wiki/Reuters
"""


def make_kb(folder: Path, *, extra_yaml: str = "", overlays: tuple[str, ...] = ()):
    """Build a test KB (no PETRARCH) into ``folder``; return (path, report)."""
    curated = folder / "curated"
    curated.mkdir(parents=True, exist_ok=True)
    (curated / "test.yaml").write_text(CURATED + extra_yaml, encoding="utf-8")
    out = folder / "kb.json.gz"
    report = build_kb(out, petrarch_dir=None, curated_dir=curated,
                      overlay_dir=folder / "no-overlays", overlays=overlays)
    return out, report


# The stages the entities stage needs, and itself (later stages are other tests' concern).
STAGES = ("normalize", "dateline", "langid", "sentences", "tokens", "entities")


def pipeline_for(kb_path: Path) -> Pipeline:
    return Pipeline(Options(kb_path=str(kb_path), stages=STAGES))
