"""Derive the English event lexicon data from the PETRARCH2 and PLOVER source files.

Run ``python -m warta.events.build [SHARED_DATA_DIR]`` (default ``/work/shared/data``) to
regenerate the ``data/*.derived.tsv`` files beside this module. The output is
deterministic, so a rebuild of unchanged sources gives byte-identical files. Nothing
here runs at analysis time: the pipeline reads only the committed TSV files.

Sources (see ``data/README.md`` for licences and attribution):

- ``petrarch2/CAMEO.2.0.txt`` (MIT): verb blocks -> ``en_cameo_verbs.derived.tsv`` (verb,
  CAMEO code, block): the list ``en_triggers.tsv`` was chosen from. (The object patterns
  are parsed too, by :func:`parse_cameo`, but PETRARCH applies them to parse trees, so
  Warta does not ship them.)
- ``petrarch2/Phoenix.agents.txt`` (MIT): generic agents -> ``en_agents.derived.tsv``.
- ``petrarch2/Phoenix.Countries.actors.txt`` (MIT): country-level names, adjectives and
  cities -> ``en_countries.derived.tsv``.
- ``plover/CAMEO2PLOVER-2021.txt`` (CC BY-SA 4.0): ``cameo_plover.derived.tsv``.
- ``goldstein/CAMEO.goldsteinscale.txt`` (GDELT's table; facts only): ``goldstein.derived.tsv``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

DATA = Path(__file__).with_name("data")

# Phoenix uses a few codes that are not ISO 3166-1 alpha-3.
PHOENIX_TO_ISO = {"KSV": "XKX"}
PHOENIX_SKIP = {"KNT"}  # a fictional country ("Kinakuta") used in CAMEO examples

_CODE = re.compile(r"\[([^\]]*)\]")


def _words(item: str) -> str:
    """PETRARCH token -> plain lower-case words ("PRIME_MINISTER_" -> "prime minister")."""
    return " ".join(w for w in item.strip().strip("+").lower().split("_") if w)


def _first_code(raw: str) -> str:
    """'[041:041]' -> '041', '[:110]' -> '110', '[---]' -> '---'."""
    parts = [p.strip() for p in raw.split(":") if p.strip()]
    return parts[0] if parts else "---"


def parse_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    cur: str | None = None
    for line in lines:
        line = line.split("#", 1)[0].rstrip()
        if line.startswith("####### VERB PATTERNS"):
            break
        if line.startswith("&"):
            cur = line.strip()
            sets[cur] = []
        elif line.startswith("+") and cur:
            sets[cur].append(_words(line))
        elif not line.strip():
            cur = None
    return sets


def parse_cameo(path: Path) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str, str]]]:
    """Return (verbs: (verb, code, block), patterns: (block, pre, post, code))."""
    lines = path.read_text(encoding="latin-1").splitlines()
    synsets = parse_synsets(lines)
    verbs: list[tuple[str, str, str]] = []
    patterns: list[tuple[str, str, str, str]] = []
    in_verbs = False
    block = ""
    block_code = "---"
    for raw in lines:
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        if not in_verbs:
            continue
        line = raw.rstrip()
        if line.startswith("---"):
            m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", line)
            if m:
                block = m.group(1).lower()
                block_code = _first_code(m.group(2))
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        body = line.split("#", 1)[0]
        if body.startswith("-"):
            m = _CODE.search(body)
            if not m:
                continue
            code = _first_code(m.group(1))
            pat = body[1 : m.start()]
            if "*" not in pat:
                continue
            pre, post = pat.split("*", 1)
            patterns.append((block, _pattern(pre, synsets), _pattern(post, synsets), code))
            continue
        # a verb line: VERB {FORMS} [code]  or  +MULTI_WORD {FORMS} [code]
        m = _CODE.search(body)
        code = _first_code(m.group(1)) if m else block_code
        words = _CODE.sub(" ", re.sub(r"\{[^}]*\}", " ", body)).split()
        if not words:
            continue
        verb = _words(words[0])
        if verb:
            verbs.append((verb, code, block))
    return verbs, patterns


def _pattern(text: str, synsets: dict[str, list[str]]) -> str:
    """A pattern side as space-separated slots; a slot is 'a|b|c' (synsets expanded).

    Markers for source/target/skip ($ + ^ %) and grouping brackets are dropped: Warta
    matches the content words in order within a short window, not a parse tree.
    """
    slots: list[str] = []
    for tok in re.findall(r"&[A-Z_]+|[A-Za-z][A-Za-z'_\-]*", text):
        if tok.startswith("&"):
            members = synsets.get(tok) or synsets.get(tok.rstrip("_"))
            if not members:
                continue
            # multi-word synset members keep their first word: a cheap, order-preserving match
            alts = sorted({m.split()[0] for m in members if m})
            slots.append("|".join(alts))
        else:
            for w in _words(tok).split():
                slots.append(w)
    return " ".join(slots)


def parse_agents(path: Path) -> list[tuple[str, str]]:
    """Phoenix generic agents: phrase -> code (e.g. 'police' -> 'COP', 'foreign minister' -> 'GOV')."""
    text = path.read_text(encoding="latin-1").splitlines()
    macros: dict[str, list[str]] = {}
    out: list[tuple[str, str]] = []
    for raw in text:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"(![A-Z]+!)\s*=\s*(.+)", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = _CODE.search(line)
        if not m:
            continue
        code = m.group(1).replace("~", "").strip()
        if not code:
            continue
        # the phrase is everything before "{alternatives}"; a space inside it (after a
        # macro: "!MINIST! FOR_ENERGY") joins words like "_" does
        head = line[: m.start()]
        alts = re.findall(r"\{([^}]*)\}", head)
        phrase = re.sub(r"\{[^}]*\}", " ", head).strip()
        forms = ["_".join(phrase.split())] + [a for alt in alts for a in alt.split()]
        for form in forms:
            variants = [form]
            for macro, repl in macros.items():
                if macro in form:
                    variants = [v.replace(macro, "_" + r + "_") for v in variants for r in repl]
            for v in variants:
                words = _words(v.replace("!", "_"))
                if words:
                    out.append((words, code))
    seen: set[str] = set()
    uniq = []
    for words, code in out:
        if words not in seen:
            seen.add(words)
            uniq.append((words, code))
    return uniq


def parse_countries(path: Path, iso: set[str]) -> list[tuple[str, str]]:
    """Country-level names from Phoenix country blocks (header 'NAME_ [ABC]' then '+' lines)."""
    out: list[tuple[str, str]] = []
    cur: str | None = None
    # Blocks without a code on the header line carry dated codes below their names
    # ("\t[IRQ <20030320]", "\t[IRQ >20060520]"): the code valid today is the one with
    # no end date ('>' or no date at all) and exactly three letters.
    pending: list[str] = []

    def flush_pending(code: str) -> None:
        code = PHOENIX_TO_ISO.get(code, code)
        if code in iso and code not in PHOENIX_SKIP:
            out.extend((n, code) for n in pending if n)

    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        m = re.match(r"^([A-Z][A-Z_'.\-]*)\s*\[([A-Z]{3})\]\s*$", line)
        if m:
            pending = []
            code = PHOENIX_TO_ISO.get(m.group(2), m.group(2))
            cur = None if code in PHOENIX_SKIP or code not in iso else code
            if cur:
                out.append((_words(m.group(1)), cur))
            continue
        m = re.match(r"^([A-Z][A-Z_'.\-]*_)\s*$", line)  # header of a dated-code block
        if m and not line.startswith("+"):
            cur = None
            pending = [_words(m.group(1))]
            continue
        if line.startswith("+"):
            name = _words(line)
            if cur and name:
                out.append((name, cur))
            elif pending and name:
                pending.append(name)
            continue
        m = re.match(r"^\s+\[([A-Z]{3})(?:\s*>\d+)?\]\s*$", line)
        if m and pending:
            flush_pending(m.group(1))
            pending = []
            continue
        if line.strip() and not line.startswith(("\t", " ")):
            cur = None  # the country block ended (institutions, persons follow)
            pending = []
    seen: set[str] = set()
    uniq = []
    for name, code in out:
        if name not in seen:
            seen.add(name)
            uniq.append((name, code))
    return uniq


def parse_cameo_plover(path: Path) -> list[tuple[str, str, str, str]]:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([^#]*)(?:#\s*(.*))?$", raw)
        if not m:
            continue
        code, rest, desc = m.group(1), m.group(2), (m.group(3) or "").strip()
        parts = [p.strip() for p in rest.split(",")]
        if len(parts) == 1:  # a 2-digit heading: "03: AGREE"
            continue
        ptype = parts[0]
        mode = parts[1] if len(parts) > 1 else ""
        context = parts[2] if len(parts) > 2 else ""
        out.append((code, ptype, mode, context.replace(" ", ""), desc))
    return out  # type: ignore[return-value]


def write_tsv(name: str, header: str, rows: Sequence[tuple[str, ...]]) -> None:
    path = DATA / name
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(header.rstrip("\n") + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    print(f"wrote {path} ({len(rows)} rows)")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    shared = Path(argv[0]) if argv else Path("/work/shared/data")
    from ..kb.countries import countries

    iso = set(countries()) | {"MMR", "DEU", "YEM"}
    verbs, patterns = parse_cameo(shared / "petrarch2" / "CAMEO.2.0.txt")
    mit = "derived from PETRARCH2 {} (MIT, (c) Open Event Data Alliance) by warta/events/build.py"
    write_tsv(
        "en_cameo_verbs.derived.tsv",
        "# " + mit.format("CAMEO.2.0.txt") + "\n# verb\tcameo\tblock",
        sorted(set(verbs), key=lambda r: (r[2], r[0], r[1])),
    )
    del patterns
    write_tsv(
        "en_agents.derived.tsv",
        "# " + mit.format("Phoenix.agents.txt") + "\n# phrase\tagent code",
        parse_agents(shared / "petrarch2" / "Phoenix.agents.txt"),
    )
    write_tsv(
        "en_countries.derived.tsv",
        "# " + mit.format("Phoenix.Countries.actors.txt") + "\n# name\talpha3",
        parse_countries(shared / "petrarch2" / "Phoenix.Countries.actors.txt", iso),
    )
    write_tsv(
        "cameo_plover.derived.tsv",
        "# derived from PLOVER CAMEO2PLOVER-2021.txt (CC BY-SA 4.0, Open Event Data Alliance)"
        " by warta/events/build.py; share-alike\n# cameo\ttype\tmode\tcontext\tdescription",
        parse_cameo_plover(shared / "plover" / "CAMEO2PLOVER-2021.txt"),
    )
    gold_rows = []
    for line in (shared / "goldstein" / "CAMEO.goldsteinscale.txt").read_text().splitlines()[1:]:
        parts = line.split()
        if len(parts) == 2:
            gold_rows.append((parts[0], parts[1]))
    write_tsv(
        "goldstein.derived.tsv",
        "# Goldstein conflict-cooperation scores per CAMEO code, as published with GDELT"
        " (facts only; copied from a GDELT supporting file)\n# cameo\tscore",
        gold_rows,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
