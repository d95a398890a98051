"""Resolve mentions to KB actors, within an article; flag role anachronisms.

Each mention ends as one actor of the KB or as *unknown* (canonical = the cleaned surface).
In order:

1. "Long Form (ACR)" and "ACR (Long Form)" pairs are one entity; later "ACR" follows them.
2. A name the KB knows under several actors is decided by context: the role phrase the text
   gives (and whether the actor held that role on the article's date), the countries the
   article names (nearest sentence counts most), and how well-vouched the actor is
   (curated before PETRARCH).
3. A later short form ("Retno", "Marsudi") is the person whose full name the article
   gives elsewhere (nearest before, else nearest after); "sang menteri" / "the minister"
   is the nearest person named with a matching title.
4. A misspelt full name within one or two letters of a known name resolves to it, and the
   slip is reported ("Jokow Widodo -> Joko Widodo").
5. A lone given name or surname no antecedent explains resolves only to a curated person
   who held an office on the article's date, and only if exactly one did.

Dated roles: a title the text gives a person (not "mantan"/"former", not "calon"/"acting")
that the KB says the person did not hold on the article's date, while the KB has dated
terms of that very office for them, yields a ``role_anachronism`` flag.
"""

from __future__ import annotations

import re
from datetime import date

from ..doc import Article, Entity, Flag, RoleClaim
from ..textutil import fold
from .lexicon import ABBREVIATIONS, ORG_HEADS, ORG_TAILS, PLACE_HEADS
from .mentions import Mention
from .model import Role, first_day, last_day
from .nominals import national_bodies
from .store import KB, Actor, to_date

_ORIGIN_PRIOR = {"curated": 3.0, "overlay": 3.5, "wikidata": 2.5, "reference": 3.0,
                 "country": 4.5, "petrarch": 1.0}
# A grace period: the press keeps a title for days around a handover.
ANACHRONISM_GRACE_DAYS = 14
# Nouns of "sang menteri" / "the minister" and the role keys each may refer to.
_NOMINAL = {
    "menteri": "minister", "minister": "minister", "presiden": "president",
    "president": "president", "gubernur": "governor", "governor": "governor",
    "bupati": "regent", "wali kota": "mayor", "walikota": "mayor", "mayor": "mayor",
    "jenderal": "general", "general": "general", "perdana menteri": "prime_minister",
    "prime minister": "prime_minister", "premier": "prime_minister",
    "kapolri": "police_chief", "panglima": "military_chief", "ketua": "chair",
    "chairman": "chair", "juru bicara": "spokesperson", "jubir": "spokesperson",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "duta besar": "ambassador",
    "dubes": "ambassador", "ambassador": "ambassador", "kanselir": "chancellor",
    "chancellor": "chancellor",
}
# "\b(?:sang|the|Sang|The)\s+(…)\b", written so that ``re`` can skip in C every position
# not holding s, t, S or T: each branch opens with its literal letter, and the word
# boundary before it is the look-behind after it (no word character before that letter).
_NOMINAL_RE = re.compile(
    r"(?:s(?<!\w.)ang|t(?<!\w.)he|S(?<!\w.)ang|T(?<!\w.)he)\s+("
    + "|".join(sorted(_NOMINAL, key=len, reverse=True)) + r")\b"
)


_DASH = re.compile(r"\s[-–—]\s")


def dateline_span(text: str) -> tuple[int, int] | None:
    """The dateline credit near the top ("JAKARTA, KOMPAS.com -", "VIVA.co.id -",
    "JAKARTA (Reuters) -"): a short run of capitalised words before a dash. The news
    outlet named there credits the article; it is not something the article mentions."""
    for m in _DASH.finditer(text, 0, 700):
        line_start = text.rfind("\n", 0, m.start())
        seg_start = line_start + 1
        seg = text[seg_start : m.start()]
        if not seg.strip() and line_start > 0:  # "JAKARTA, KOMPAS.com\n- …"
            prev = text.rfind("\n", 0, line_start)
            seg_start = prev + 1
            seg = text[seg_start:line_start]
        words = seg.split()
        if 0 < len(words) <= 6 and len(seg) <= 60 and all(
            w[:1].isupper() or not w[:1].isalpha() for w in words
        ):
            return seg_start, m.end()
    return None


def _role_matches(claim_key: str, role: Role) -> bool:
    if not role.role:
        return False
    if claim_key == role.role:
        return True
    if (claim_key, role.role) in (("president", "head_of_state"),
                                  ("prime_minister", "head_of_government")):
        return True  # a country's head of state whose press title is "President"
    if claim_key == "minister":
        return role.role.endswith("minister") and role.role not in ("prime_minister",)
    return claim_key in KB.role_keys(role)


def _nominal_matches(kind: str, m: Mention, kb: KB, day: date | None) -> bool:
    keys: set[str] = set()
    if m.role is not None:
        keys.add(m.role.role)
    if m.actor is not None and day is not None:
        keys.update(r.role for r in m.actor.roles if r.role and r.covers(day))
    if kind == "minister":
        return any(k.endswith("minister") and k != "prime_minister" for k in keys)
    if kind == "general":
        return m.role is not None or bool(keys)
    return kind in keys


def _language_of(name: str) -> str | None:
    """'id' or 'en' when the words of a name are clearly one language's, else None."""
    from .mentions import _known_word

    words = [w for w in fold(name).split() if len(w) > 2]
    if len(words) < 2:
        return None
    en = sum(_known_word(w, "en") and not _known_word(w, "id") for w in words)
    idn = sum(_known_word(w, "id") and not _known_word(w, "en") for w in words)
    if idn > en and idn * 2 >= len(words):
        return "id"
    if en > idn and en * 2 >= len(words):
        return "en"
    return None


class Resolver:
    def __init__(self, kb: KB) -> None:
        self.kb = kb
        self._names: dict[tuple[str, str], str] = {}

    def warm(self) -> None:
        """Build the lazy tables (near-spelling blocks, name words, common-word lists)."""
        from .mentions import _dictionary

        self.kb.token_index()
        self.kb._fuzzy_blocks()
        _dictionary("id")
        _dictionary("en")

    # -- scoring ---------------------------------------------------------------------
    def _score(self, actor: Actor, m: Mention, day: date | None,
               countries: dict[str, int]) -> float:
        s = _ORIGIN_PRIOR.get(actor.origin, 1.0)
        if m.label and actor.type == m.label:
            s += 0.5
        if actor.type == "PERSON" and actor._roles_raw:
            roles = actor.roles
            if m.role is not None:
                if any(_role_matches(m.role.role, r) for r in roles):
                    s += 3.0
                    if day and any(_role_matches(m.role.role, r) and r.covers(day) for r in roles):
                        s += 2.0
                if m.role.country and actor.country == m.role.country:
                    s += 1.0
            if day and any(r.covers(day) for r in roles):
                s += 1.0
            elif day and all(r.start and first_day(r.start) > day for r in roles if r.start):
                s -= 1.0  # every office of theirs starts after the article
        if actor.country and actor.country in countries:
            s += 1.0 + (0.5 if abs(countries[actor.country] - m.sent) <= 1 else 0.0)
        return s

    # -- the pass --------------------------------------------------------------------
    def resolve(self, article: Article, mentions: list[Mention]) -> list[Entity]:
        day = to_date(article.published)
        countries: dict[str, int] = {}
        for m in mentions:
            for c in m.cands:
                if c.origin == "country" and c.country:
                    countries.setdefault(c.country, m.sent)
                    break
        self._pair_parentheses(article, mentions)
        # 1. KB names, disambiguated by context
        for m in mentions:
            if m.cands:
                if len(m.cands) == 1:
                    m.actor, m.conf = m.cands[0], 0.95
                else:
                    scored = sorted(m.cands, key=lambda a: -self._score(a, m, day, countries))
                    m.actor, m.conf = scored[0], 0.8
                m.label = m.actor.type
        # 2. acronym pairs share one entity
        for m in mentions:
            if m.paren_of is not None:
                long = mentions[m.paren_of]
                if long.actor is None and m.actor is not None:
                    long_w = fold(long.text).split()
                    # The same body when the long form opens like one of its names (the
                    # head and the word that tells bodies apart: "Badan Pengawas Pemilu"
                    # is Bawaslu, "Badan Pemenangan Nasional" is not Badan Pertanahan …)
                    if any(fold(n).split()[:2] == long_w[:2] or fold(n) in " ".join(long_w)
                           for n in (m.actor.name, *m.actor.aliases) if " " in n):
                        long.actor, long.label = m.actor, m.actor.type
                    else:  # the text defines the acronym: "Badan Pemenangan Nasional (BPN)"
                        m.actor, m.cands = None, []
                        m.label = long.label or "ORG"
                        m.canonical = long.canonical or long.text
                        m.source = "coref"
                elif m.actor is None:
                    m.actor = long.actor
                    m.label = long.label or "ORG"
                    m.canonical = long.canonical or long.text
                    m.source = "coref"
        acronyms = {m.text: m for m in mentions if m.paren_of is not None}
        self._harmonise(mentions)
        # 3. short forms: within the article first
        persons = [m for m in mentions if m.label == "PERSON" and len(m.words) >= 2]
        for m in mentions:
            if m.paren_of is None and m.text in acronyms and (
                m.actor is None or acronyms[m.text].actor is not m.actor
            ):  # the article's own definition of an acronym holds for the whole article
                src = acronyms[m.text]
                m.actor, m.label, m.canonical, m.source = (src.actor, src.label,
                                                           src.canonical, "coref")
                continue
            if len(m.words) == 1 and m.label in (None, "PERSON") and (
                m.actor is None or m.actor.type == "PERSON"
            ):
                ante = self._antecedent(m, persons)
                if ante is not None:
                    m.actor = ante.actor
                    m.canonical = ante.canonical or (None if ante.actor else ante.text)
                    m.label, m.source, m.conf = "PERSON", "coref", 0.85
                    if m.role is None and ante.role is not None:
                        pass
                    continue
        # 4. unknown full names: a misspelt country; a longer name of the article, a curated
        #    name they contain, then near spellings
        for m in mentions:
            if m.actor is not None or m.canonical is not None:
                continue
            country = self._country_slip(m)
            if country is not None:
                m.actor, m.label, m.conf = country, "PLACE", 0.7
                m.slip = f"{m.text} -> {country.name}"
                continue
            if m.label not in (None, "PERSON"):
                continue
            if len(m.words) >= 2:
                longer = self._longer_name(m, persons)
                if longer is not None:
                    m.actor, m.canonical = longer.actor, longer.canonical or (
                        None if longer.actor else longer.text)
                    m.label, m.source, m.conf = "PERSON", "coref", 0.8
                    continue
                hit = self._contains_known(m, day)
                if hit is not None:
                    m.actor, m.label, m.conf = hit, "PERSON", 0.75
                    continue
                fz = self.kb.fuzzy(m.text)
                if fz and fz[0].actor.type == "PERSON" and (
                    len(fz) == 1 or fz[1].distance > fz[0].distance
                    or fz[1].actor is fz[0].actor
                ) and (fz[0].actor.curated or fz[0].actor._roles_raw):
                    m.actor, m.label, m.conf = fz[0].actor, "PERSON", 0.7
                    m.slip = f"{m.text} -> {fz[0].actor.name}"
                    continue
            elif len(m.words) == 1:
                hit = self._lone_name(m, day)
                if hit is not None:
                    m.actor, m.label, m.conf, m.source = hit, "PERSON", 0.6, "kb"
        # Short forms may now follow names resolved in step 4.
        for m in mentions:
            if m.actor is None and len(m.words) == 1 and m.label in (None, "PERSON"):
                ante = self._antecedent(m, persons)
                if ante is not None and (ante.actor is not None or ante.canonical):
                    m.actor, m.canonical = ante.actor, ante.canonical
                    m.label, m.source, m.conf = "PERSON", "coref", 0.8
        zone = dateline_span(article.text)
        entities = [self._entity(article, m) for m in mentions if m.label and not (
            zone and m.label == "ORG" and zone[0] <= m.start < zone[1]
        )]
        entities.extend(self._nominals(article, mentions, day))
        entities.extend(national_bodies(article, entities, self.kb, self._name_in))
        entities.sort(key=lambda e: e.start)
        self._flag_anachronisms(article, mentions, day)
        return entities

    def _country_slip(self, m: Mention) -> Actor | None:
        """A country's name of two words or more with one letter wrong ("Amerikas Serikat",
        "Korea Selatann"): that country. Only countries: a near spelling of an organisation's
        name is as often another organisation ("Partai Demokrasi" is not "Partai Demokrat")."""
        if len(m.words) < 2 or m.paren_of is not None:
            return None
        hits = self.kb.fuzzy(m.text, max_distance=1)
        if not hits or hits[0].distance != 1 or hits[0].actor.origin != "country":
            return None
        if len(hits) > 1 and hits[1].distance == 1 and hits[1].actor is not hits[0].actor:
            return None
        return hits[0].actor

    @staticmethod
    def _harmonise(mentions: list[Mention]) -> None:
        """Unknown mentions of one name get one label and one canonical name.

        "Ngurah" tagged a place once but a person after "kata" and after a title is a
        person; "Banjarnegara" after "Kabupaten Banjarnegara" is that place. Two unknown
        mentions are one name when the words of one are all in the other and the extra
        words are name words or place head words ("Kabupaten"), not an organisation's
        head ("Polres Labuhan Batu" is not the place "Labuhan Batu").
        """
        unk = [m for m in mentions if m.actor is None and not m.cands and m.words
               and m.paren_of is None]
        if len(unk) < 2:
            return
        # Mentions with the same words and the same kind of label (person-like or not)
        # relate alike to every other mention and always join each other: compare one of
        # each such class (a name repeated ten times costs one comparison, not 45).
        sets = [frozenset(m.words) for m in unk]
        personish = [m.label in (None, "PERSON") for m in unk]
        class_ids: dict[tuple[frozenset[str], bool], int] = {}
        cls = [class_ids.setdefault(key, len(class_ids))
               for key in zip(sets, personish, strict=True)]
        reps: list[int] = []  # the first mention of each class
        for i, c in enumerate(cls):
            if c == len(reps):
                reps.append(i)
        parent = list(range(len(reps)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        # Only mentions sharing a word can nest: compare those pairs, not all pairs.
        by_word: dict[str, list[int]] = {}
        for ci, i in enumerate(reps):
            for w in sets[i]:
                by_word.setdefault(w, []).append(ci)
        for ci, i in enumerate(reps):
            near: set[int] = set()
            for w in sets[i]:
                near.update(by_word[w])
            for cj in sorted(x for x in near if x > ci):
                j = reps[cj]
                a, b = sets[i], sets[j]
                small, big = (a, b) if len(a) <= len(b) else (b, a)
                if not small <= big:
                    continue
                extra = big - small
                if extra & ORG_HEADS or extra & ORG_TAILS:
                    continue
                if len(small) == 1 and extra and not extra <= PLACE_HEADS and not (
                    personish[i] and personish[j]
                ):
                    continue  # one word of a longer non-person name is not that name
                parent[find(ci)] = find(cj)
        groups: dict[int, list[int]] = {}
        for i in range(len(unk)):
            groups.setdefault(find(cls[i]), []).append(i)
        weight = {"cue": 2.0, "ner": 1.0, "rule": 0.5}
        for members in groups.values():
            if len(members) < 2:
                continue
            votes: dict[str, float] = {}
            for i in members:
                m = unk[i]
                if m.label:
                    w = weight.get(m.source, 0.5) + (1.5 if m.conf >= 0.7 and m.source == "rule"
                                                      else 0.0)
                    votes[m.label] = votes.get(m.label, 0.0) + w
            if not votes:
                continue
            label = max(votes, key=votes.__getitem__)
            longest = max((unk[i] for i in members), key=lambda m: (len(m.words), -m.start))
            for i in members:
                m = unk[i]
                m.label = label
                if m is not longest:
                    m.canonical = longest.text
                    m.source = "coref"

    def _pair_parentheses(self, article: Article, mentions: list[Mention]) -> None:
        text = article.text
        for k in range(1, len(mentions)):
            a, b = mentions[k - 1], mentions[k]
            between = text[a.end : b.start]
            after = text[b.end : b.end + 2]
            if between.strip() != "(" or not after.lstrip().startswith(")"):
                continue
            # Whichever is shorter abbreviates the other: "Kementerian … (Kemlu)", "KPK (…)".
            if len(b.text) <= len(a.text):
                b.paren_of = k - 1
            else:
                a.paren_of = k
                a, b = b, a
            if len(b.cands) > 1:  # "Dewan Keamanan Perserikatan Bangsa-Bangsa (PBB)"
                long_f = fold(a.text)
                fit = [c for c in b.cands
                       if any(fold(n) in long_f for n in (c.name, *c.aliases) if len(n) > 5)]
                if fit:
                    b.cands = fit[:1]
            if b.label is None and a.label is not None and not b.cands:
                b.label = a.label

    @staticmethod
    def _antecedent(m: Mention, persons: list[Mention]) -> Mention | None:
        """The person whose fuller name contains this one word ("Retno"), or whose given
        name it shortens ("Sandi" for "Sandiaga Uno", "Tom" for "Thomas Lembong")."""
        w = m.words[0]
        best = None
        for p in persons:
            if p is m or not (w in p.words or (
                len(w) >= 3 and p.words[0] != w and p.words[0].startswith(w)
            )):
                continue
            if p.start < m.start:
                best = p  # the nearest one before wins
            elif best is None:
                return p
        return best

    @staticmethod
    def _longer_name(m: Mention, persons: list[Mention]) -> Mention | None:
        """A fuller name of the same person in the article: "Javad Zarif" after
        "Mohammad Javad Zarif"; "Tom Lembong" for "Thomas Lembong" (same surname, same
        initial, the short given name a prefix's nickname)."""
        ws = set(m.words)
        best = None
        for p in persons:
            if p is m or len(p.words) < len(m.words):
                continue
            pw = set(p.words)
            same = ws < pw or (
                len(p.words) >= 2 and p.words[-1] == m.words[-1] and p.words[0] != m.words[0]
                and p.words[0][0] == m.words[0][0] and len(m.words) == 2
                and (p.words[0].startswith(m.words[0][:3]))
            )
            if same and (best is None or abs(p.start - m.start) < abs(best.start - m.start)):
                best = p
        return best

    def _contains_known(self, m: Mention, day: date | None) -> Actor | None:
        """A curated person whose name's words are all in the mention ("Retno L. Marsudi")."""
        idx = self.kb.token_index()
        cands: dict[int, Actor] = {}
        for w in m.words:
            for i in idx.get(w, ()):
                cands[i] = self.kb.actors[i]
        ws = set(m.words)
        hits = [a for a in cands.values()
                if any(len(fold(n).split()) >= 2 and set(fold(n).split()) <= ws
                       for n in (a.name, *a.aliases))]
        return hits[0] if len(hits) == 1 else None

    def _lone_name(self, m: Mention, day: date | None) -> Actor | None:
        """One given name or surname: a curated person in office that day, if only one."""
        if day is None or len(m.words[0]) < 4:
            return None
        ids = self.kb.token_index().get(m.words[0], ())
        if not ids or len(ids) > 12:
            return None
        fit = []
        for i in ids:
            a = self.kb.actors[i]
            if not any(r.covers(day) for r in a.roles if r.role):
                continue
            if m.role is not None and not any(_role_matches(m.role.role, r) for r in a.roles):
                continue
            fit.append(a)
        return fit[0] if len(fit) == 1 else None

    def _nominals(self, article: Article, mentions: list[Mention],
                  day: date | None) -> list[Entity]:
        """"sang menteri", "the minister": the nearest person named before with that title."""
        out: list[Entity] = []
        persons = [m for m in mentions if m.label == "PERSON"]
        if not persons:
            return out
        for mt in _NOMINAL_RE.finditer(article.text):
            kind = _NOMINAL[mt.group(1).lower()]
            before = [p for p in persons if p.end <= mt.start()]
            for p in reversed(before):
                if _nominal_matches(kind, p, self.kb, day):
                    e = self._entity(article, p)
                    e.text = mt.group(0)
                    e.start, e.end = mt.start(), mt.end()
                    e.source, e.confidence, e.role, e.slip = "coref", 0.7, None, None
                    out.append(e)
                    break
        return out

    # -- output ----------------------------------------------------------------------
    def _canonical(self, article: Article, m: Mention) -> str:
        a = m.actor
        if a is not None:
            if a.type in ("ORG", "PLACE") and a.aliases and a.origin != "country":
                return self._name_in(a, "en" if article.lang == "en" else "id")
            return a.name
        name = m.canonical or m.text.strip(" ,.;:'\"“”’")
        if m.label == "ORG":
            head, _, rest = name.partition(" ")
            full = ABBREVIATIONS.get(head.lower())
            if full and rest:
                return f"{full} {rest}"
        return name

    def _name_in(self, actor: Actor, lang: str) -> str:
        """An organisation's name in the article's language when the KB has one:
        "Perserikatan Bangsa-Bangsa" in Indonesian, "Corruption Eradication Commission"
        in English (the full name, never an acronym)."""
        key = (actor.id, lang)
        got = self._names.get(key)
        if got is None:
            got = actor.name
            if _language_of(actor.name) not in (lang, None):
                for alias in actor.aliases:
                    if " " in alias and _language_of(alias) == lang:
                        got = alias
                        break
            self._names[key] = got
        return got

    def _entity(self, article: Article, m: Mention) -> Entity:
        a = m.actor
        country = a.country if a is not None else m.country_hint
        if country is None and m.role is not None:
            country = m.role.country
        return Entity(
            text=m.text, label=m.label or "PERSON", start=m.start, end=m.end,
            canonical=self._canonical(article, m), country=country,
            actor_id=a.id if a is not None else None,
            sector=a.sector if a is not None else None,
            role=m.role, source=m.source, confidence=round(m.conf, 2), slip=m.slip,
        )

    # -- dated roles -------------------------------------------------------------------
    def _flag_anachronisms(self, article: Article, mentions: list[Mention],
                           day: date | None) -> None:
        if day is None:
            return
        seen: set[tuple[str, str]] = set()
        for m in mentions:
            flag = self.anachronism(m, day)
            if flag is None:
                continue
            key = (flag.evidence["person"], flag.evidence["role"])
            if key not in seen:
                seen.add(key)
                article.flags.append(flag)

    def anachronism(self, m: Mention, day: date) -> Flag | None:
        """A flag when ``m``'s title claims an office the KB says was not held on ``day``."""
        claim: RoleClaim | None = m.role
        a = m.actor
        if claim is None or a is None or a.type != "PERSON" or m.role_time != "current":
            return None
        same = [r for r in a.roles if r.role and r.start and _role_matches(claim.role, r)
                and (claim.country is None or r.country in (None, claim.country))]
        if claim.role == "minister" and m.portfolio:
            pf = fold(m.portfolio)
            same = [r for r in same if r.portfolio is None or fold(r.portfolio).startswith(pf[:5])
                    or pf.startswith(fold(r.portfolio)[:5])]
        if not same:
            return None  # the KB knows no dated term of that office for them: no judgement
        if any(r.covers(day) for r in same):
            return None
        # Open terms vouched only up to some date say nothing about later days.
        for r in same:
            if r.end is None and r.start and first_day(r.start) <= day:
                return None
        gaps = []
        for r in same:
            lo, hi = first_day(r.start), last_day(r.end) if r.end else None
            gap = (lo - day).days if day < lo else (day - hi).days if hi else 0
            gaps.append((gap, r))
        gap, nearest = min(gaps, key=lambda g: g[0])
        if gap <= ANACHRONISM_GRACE_DAYS:
            return None
        when = "after leaving" if nearest.end and day > last_day(nearest.end) else "before taking"
        conf = min(0.95, 0.6 + 0.35 * min(gap, 365) / 365)
        return Flag(
            kind="role_anachronism",
            message=(f"{a.name} is called {claim.text!r} on {day.isoformat()}, "
                     f"{gap} days {when} that office "
                     f"({nearest.start} – {nearest.end or 'open'})"),
            evidence={
                "person": a.name, "actor_id": a.id, "title": claim.text, "role": claim.role,
                "kb_start": nearest.start, "kb_end": nearest.end,
                "article_date": day.isoformat(), "gap_days": gap,
                "source": nearest.source, "start": claim.start, "end": claim.end,
            },
            confidence=round(conf, 2),
        )
