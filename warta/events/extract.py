"""PLOVER event extraction from one analysed article (tokens, lemmas, entities, dates).

For every sentence:

1. **Actors** (:mod:`.actors`): entity, country, generic-actor and pronoun mentions.
2. **Triggers**: each token is looked up by lemma/root (Indonesian: root *and* affix
   class, so "menemui" meets but "menemukan" finds) and by phrase; a row may require a
   word nearby (``needs``) or be vetoed by one (``not``). Tokens inside an actor mention
   never trigger.
3. **Shape of the trigger**: verbal or nominal (Indonesian ``peN-an``/``-an``/``ke-an``;
   English determiners and word endings), voice (``di-``/``ter-``; English *be* + participle
   or a following *by*), and for nominals a light verb before it ("melakukan kunjungan",
   "held talks", "menerima kunjungan" with roles turned round).
4. **Arguments**: the agent is the nearest subject-like actor to the left in the clause
   (a scan that skips actors inside prepositional phrases and stops at clause
   boundaries, complementizers and reporting verbs, so "X said Y attacked Z" is Y -> Z);
   the target is the nearest actor to the right. Passives swap them ("Dubes X dipanggil
   Kemlu"); nominals take their agent from a genitive/possessive ("serangan Israel",
   "Israel's attacks") and their target from a preposition ("ke Gaza", "on Gaza").
5. **Governing verbs**: a REQUEST/REJECT/THREATEN/AGREE verb that takes another event as
   its content ("mendesak Israel menghentikan serangan", "refused to attend the meeting")
   keeps only itself, with a mode from the inner event; denials negate the inner event
   ("membantah menyerang"); promises and plans make it future.
6. **Modality, mode, date**: cue words before the trigger; mode cue words nearby; the
   nearest time expression in the sentence, else the article date ("report").

Each event records the trigger words and the lexicon row (file:line) that fired.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..doc import Actor, Article, Event
from ..kb.countries import country_code, display_name
from .actors import (
    ABBREV_DOT,
    PERSON_KINDS,
    STATE_SECTORS,
    ActorFinder,
    Mention,
    TokenView,
    make_view,
)
from .lexicon import DEFAULT_CAMEO, Lexicon, TriggerRow, goldstein, lexicon, rows_for_form
from .morph import affix_class, candidate_roots, class_allowed, is_nominal, is_passive

QUOTE_MARKS = frozenset({'"', "“", "”", "„", "«", "»"})
PUNCT_STOP = frozenset({".", "!", "?", ":", "(", ")", "[", "]"})
NEEDS_WINDOW = 4
NOT_WINDOW = 2
LIGHT_GAP = 2  # tokens allowed between a light verb and its noun ("launched a deadly attack")
RIGHT_REACH = 14  # how far right a target may be
MAX_EVENTS_PER_TRIGGER = 4
RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# words before a nominal that make it the setting of another event, not an event told
SETTING_WORDS = frozenset(
    "usai setelah sebelum selama saat ketika sejak jelang menjelang after before during since "
    "following ahead amid".split()
)
# Nouns a speech verb ("menyampaikan", "express") can make an event of
SPEECH_TYPES = frozenset(
    {"ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN", "AGREE", "CONCEDE", "SANCTION", "AID"}
)
# Agentless passives whose agent news convention leaves implied: (id name, en name, sector)
IMPLIED_AGENT = {
    ("COERCE", "arrest"): ("aparat", "authorities", "COP"),
    ("SANCTION", "convict"): ("pengadilan", "court", "JUD"),
}
_EN_POSSESSIVE = frozenset({"his", "her", "their", "its", "our", "my", "your"})
# Words of an amount between a light verb and its noun ("as much as $1 million in aid")
_QUANTITY = frozenset(
    """as much many up about nearly some around over more than least at million billion
    thousand hundreds thousands dollars euros tons tonnes rp us $ in of juta miliar triliun
    ribu ratusan sebesar senilai sekitar hingga""".split()
)
# Filler between a coordinator and a coordinated verb ("dan juga telah menyampaikan")
_ADVERBS = frozenset(
    """juga telah sudah akan lalu kemudian pun langsung segera sempat masih terus kembali
    also then has have had later already again further""".split()
)
# Modal verbs between a relative marker and its verb ("kebijakan yang bisa mengancam ...")
_MODALS = frozenset(
    """dapat bisa mampu harus perlu ingin mau boleh hendak can could may might must should
    would will""".split()
)
# Topic prepositions: a noun after them is what is talked about, not the object of a light
# verb before them ("memberi penjelasan tentang penahanan X" detains no one)
_TOPIC_PREPS = frozenset(
    "soal tentang mengenai terkait perihal seputar about regarding concerning".split()
)
_TIME_FILLER = frozenset("on pada hari today yesterday tomorrow kemarin".split())
_EN_DET = frozenset(
    """the a an its their his her our this that these those new further fresh deadly
    latest recent major renewed any no another""".split()
)
_EN_VERB_BEFORE = frozenset(
    """to will would could should may might must can cannot not n't did does do has have had
    they he she we i it who which also""".split()
)
_EN_NOUN_AFTER = frozenset({"of", "on", "against", "by", "between", "in"})
_EN_IRREGULAR_PARTICIPLES = frozenset(
    """met held shot hit struck fought sought told said made given taken sent beaten seen
    brought thrown caught kept built led left paid put set spoken stolen overthrown withdrawn
    forbidden chosen slain""".split()
)


@dataclass(slots=True)
class Trigger:
    i: int  # first token of the trigger words
    j: int  # end (exclusive)
    row: TriggerRow
    nominal: bool
    passive: bool
    cls: str  # Indonesian affix class / English "v" or "n"
    light: int = -1  # token index of a light verb, -1 if none
    light_role: str = ""  # do | receive
    suppressed: bool = False
    negated_by: int = -1  # token index of a denial that negates it
    future_by: int = -1  # token index of a promise/plan that makes it future
    inner: Trigger | None = None  # the event it governs
    agents: list[Mention] | None = None  # who carries it out, when an order says so

    @property
    def head(self) -> int:
        """Where the trigger's clause starts (the light verb when there is one)."""
        return self.light if self.light >= 0 else self.i


class Extractor:
    """Event extraction for one article; build one per article (it holds per-article state)."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.lang = "en" if article.lang == "en" else "id"
        self.lex: Lexicon = lexicon(self.lang)
        self.cues = self.lex.cues
        self.view: TokenView = make_view(article, _trigger_form)
        self.finder = ActorFinder(article, self.view, self.lex)
        self.date_starts = [d.start for d in article.dates]
        # id(event) -> (source vague, target vague, target a place): for merging retellings
        # within one country (see _domestic_retellings)
        self.vague: dict[int, tuple[bool, bool, bool]] = {}

    # -- driver ---------------------------------------------------------------------------

    def run(self) -> list[Event]:
        art = self.article
        if not art.tokens or not art.sentences:
            return []
        self.tcand = tcand = self._trigger_positions()
        active = []
        for sent in art.sentences:
            c = bisect.bisect_left(tcand, sent.tok_start)
            active.append(c < len(tcand) and tcand[c] < sent.tok_end)
        mentions = self.finder.find_all(active)
        events: list[Event] = []
        for si, sent in enumerate(art.sentences):
            s, e = sent.tok_start, sent.tok_end
            if e <= s:
                continue
            if not active[si]:
                continue
            ms = mentions[si]
            mention_at: list[Mention | None] = [None] * (e - s)
            for m in ms:
                a, b = max(m.start, s) - s, min(m.end, e) - s
                if a < b:
                    mention_at[a:b] = [m] * (b - a)  # one slice, not a loop over its tokens
            triggers = self._triggers(s, e, mention_at)
            if not triggers:
                continue
            self._govern(triggers, s, e, mention_at)
            clause = _Clause(self, s, e, mention_at, triggers)
            for t in triggers:
                if not t.suppressed:
                    events.extend(clause.events_for(t, sent.start, sent.end))
        _denials_answer_accusers(events, self.cues["denial_verbs"])
        return _domestic_retellings(_dedupe(events), self.vague)

    # -- triggers -------------------------------------------------------------------------

    def _trigger_positions(self) -> list[int]:
        """Token indices where a trigger may start (the view holds the per-form answer)."""
        return self.view.trig_at

    def _triggers(self, s: int, e: int, mention_at: list[Mention | None]) -> list[Trigger]:
        out: list[Trigger] = []
        tcand = self.tcand
        c = bisect.bisect_left(tcand, s)
        nc = len(tcand)
        i = s
        while True:
            # only the positions where a trigger may start (found once per article)
            while c < nc and tcand[c] < i:
                c += 1
            if c >= nc or tcand[c] >= e:
                break
            i = tcand[c]
            if mention_at[i - s] is not None and mention_at[i - s].origin != "name":  # type: ignore[union-attr]
                i += 1
                continue
            t = self._phrase_at(i, s, e) or self._single_at(i, s, e)
            if t is None:
                i += 1
                continue
            if t.nominal:
                self._attach_light(t, s, mention_at)
                if t.row.noun == "light" and t.light < 0:
                    i = t.j
                    continue
                if t.row.noun == "-" and t.light < 0:
                    i = t.j
                    continue
            if out and t.nominal and out[-1].nominal and out[-1].j == t.i:
                # a noun-noun compound is one event: Indonesian puts the head first
                # ("ancaman tarif" is a threat), English last ("tariff threat")
                if self.lang == "en":
                    out[-1] = t
                i = t.j
                continue
            out.append(t)
            i = t.j
        return out

    def _phrase_at(self, i: int, s: int, e: int) -> Trigger | None:
        v = self.view
        rows = _phrase_rows(self.lex, v.low[i], v.lem[i])
        for row in rows:
            n = len(row.key)
            if i + n > e:
                continue
            if all(w == v.low[i + k] or w == v.lem[i + k] for k, w in enumerate(row.key)):
                if not self._context_ok(row, i, i + n, s, e):
                    continue
                nominal = row.noun != "-" if self.lang == "id" else row.pos == "n"
                if self.lang == "en" and row.pos == "vn":
                    nominal = self._en_nominal(i, s)
                passive = (
                    self._en_passive(i, i + n, s, e) if self.lang == "en" and not nominal else False
                )
                if self.lang == "id" and v.low[i].startswith("di") and not nominal:
                    passive = True
                return Trigger(i, i + n, row, nominal, passive, "phrase")
        return None

    def _single_at(self, i: int, s: int, e: int) -> Trigger | None:
        v = self.view
        low, lem = v.low[i], v.lem[i]
        if self.lang == "en":
            rows = self.lex.single.get(lem) or self.lex.single.get(low)
            if not rows:
                return None
            nominal_guess = self._en_nominal(i, s)
            prev = v.low[i - 1] if i > s else ""
            strong_noun = prev in _EN_DET or (i > s and v.poss[i - 1])
            for row in rows:
                if row.pos == "n" and not nominal_guess and row.key[0] != low:
                    continue
                if (
                    row.pos == "v"
                    and nominal_guess
                    and not low.endswith("ed")
                    and (strong_noun or len(rows) > 1 or low != lem)
                ):
                    continue
                if not self._context_ok(row, i, i + 1, s, e):
                    continue
                nominal = row.pos == "n" or (row.pos == "vn" and nominal_guess)
                passive = False if nominal else self._en_passive(i, i + 1, s, e)
                return Trigger(i, i + 1, row, nominal, passive, "n" if nominal else "v")
            return None
        # Indonesian: the root from simplemma, else from our own affix stripping; what
        # depends on the word form alone is worked out once per form
        for row, cls, active, nominal, passive in _id_readings(low, lem):
            if not self._context_ok(row, i, i + 1, s, e, active=active):
                continue
            return Trigger(i, i + 1, row, nominal, passive, cls)
        return None

    def _id_roots(self, low: str, lem: str) -> tuple[str, ...]:
        return _id_roots(low, lem)

    def _context_ok(
        self, row: TriggerRow, i: int, j: int, s: int, e: int, *, active: bool = False
    ) -> bool:
        """The row's ``needs`` words near the trigger (after it, for an active verb: its
        object), none of its ``not`` words right after it."""
        v = self.view
        if row.needs:
            a, b = (j if active else max(s, i - NEEDS_WINDOW)), min(e, j + NEEDS_WINDOW)
            nw = row.needs_words
            if (nw.isdisjoint(v.low[a:b]) and nw.isdisjoint(v.lem[a:b])) and not any(
                _seq_at(v, k, need) for need in row.needs if len(need) > 1 for k in range(a, b)
            ):
                return False
        if row.not_:
            b = min(e, j + NOT_WINDOW)
            bw = row.not_words
            if not (bw.isdisjoint(v.low[j:b]) and bw.isdisjoint(v.lem[j:b])) or any(
                _seq_at(v, k, bad) for bad in row.not_ if len(bad) > 1 for k in range(j, b)
            ):
                return False
        return True

    def _en_nominal(self, i: int, s: int) -> bool:
        """Is the English word at ``i`` used as a noun? (No tagger: the neighbours decide.)"""
        v = self.view
        low, lem = v.low[i], v.lem[i]
        prev = v.low[i - 1] if i > s else ""
        if prev in _EN_DET or prev in ("'s", "’s", "'") or (i > s and v.poss[i - 1]):
            return True
        if low.endswith("ed") or low in _EN_IRREGULAR_PARTICIPLES:
            return False
        if prev in _EN_VERB_BEFORE:
            return False
        if low.endswith("ing") and prev in SETTING_WORDS | self.cues["fronting"]:
            return False  # "after storming the town": a verb
        if prev.endswith(("al", "ian", "ic", "ary", "ive")) and not v.cap[i - 1] and i > s:
            return True  # "humanitarian aid", "military assistance", "diplomatic talks"
        nxt = v.low[i + 1] if i + 1 < len(v.low) else ""
        if nxt in _EN_NOUN_AFTER:
            return True
        if i > s and v.cap[i - 1] and prev not in _EN_VERB_BEFORE:
            # after a name: "Israeli attacks" (a demonym: noun) but "Israel attacks",
            # "Indonesia demands" (a name: the -s form is a verb); "Hamas attack": noun
            if self._demonym(i - 1):
                return True
            return not (low.endswith("s") and low != lem)
        return low.endswith("s") and low != lem and not low.endswith("ss")

    def _demonym(self, k: int) -> bool:
        text = self.view.text[k]
        return bool(self.lex.countries.get(self.view.fold_at(k))) and country_code(text) is None

    def _en_passive(self, i: int, j: int, s: int, e: int) -> bool:
        v = self.view
        low = v.low[i]
        participle = low.endswith(("ed", "en")) or low in _EN_IRREGULAR_PARTICIPLES
        if not participle or low in self.cues.get("stance_participles", frozenset()):
            return False
        aux = self.cues.get("passive_aux", frozenset())
        k = i - 1
        steps = 0
        while k >= s and steps < 3:
            w = v.low[k]
            if w in aux:
                return True
            if w not in _ADVERBS and w not in (
                "not",
                "n't",
                "reportedly",
                "allegedly",
                "being",
                "been",
            ):
                break
            k -= 1
            steps += 1
        # reduced relative: "protesters arrested by police"
        return j < e and v.low[j] == "by"

    def _attach_light(self, t: Trigger, s: int, mention_at: list[Mention | None]) -> None:
        v = self.view
        do, rec, join = self.cues["light_do"], self.cues["light_receive"], self.cues["light_join"]
        say = self.cues["light_say"] if t.row.type in SPEECH_TYPES else frozenset()
        k = t.i - 1
        gap = 0
        while k >= s and gap <= LIGHT_GAP:
            w, lem = v.low[k], v.lem[k]
            if (
                w in do
                or w in say
                or (self.lang == "en" and (lem in do or lem in say))
                or w in join
            ):
                role = "do"
            elif w in rec or (self.lang == "en" and lem in rec):
                role = "receive"
            else:
                role = ""
            if role:
                t.light, t.light_role = k, role
                if self.lang == "id":
                    t.passive = w.startswith("di") or w.startswith("ter")
                else:
                    t.passive = self._en_passive(k, k + 1, s, len(v.low))
                return
            if mention_at[k - s] is not None or w in PUNCT_STOP or w == "," or w in _TOPIC_PREPS:
                return
            k -= 1
            if not (w in _QUANTITY or w[:1].isdigit()):
                gap += 1  # "sent up to US$2 million in aid": amounts are free

    # -- governing verbs, denials, promises ------------------------------------------------

    def _govern(
        self, triggers: list[Trigger], s: int, e: int, mention_at: list[Mention | None]
    ) -> None:
        v = self.view
        cues = self.cues
        bounds = cues["boundaries"] | cues["reporting"]
        by_start = {t.head: t for t in triggers}
        for t in triggers:
            must = t.row.frame == "MUST"
            if (t.row.type not in self.lex.governing and not must) or t.nominal and t.light < 0:
                continue
            if v.low[t.i] in cues["commissive"] or v.low[t.i] in cues["denial"]:
                continue  # promises and denials act on the inner event instead (below)
            seen_mentions = 0
            k = t.j
            while k < min(e, t.j + 7):
                inner = by_start.get(k)
                if inner is not None and inner is not t:
                    if inner.row.frame != "MUST":
                        inner.suppressed = True
                        t.inner = inner
                    break
                w = v.low[k]
                if (
                    (w == "," or w in cues["coordinators"])
                    and k > s
                    and mention_at[k - 1 - s] is not None
                    and k + 1 < e
                    and mention_at[k + 1 - s] is not None
                ):
                    k += 1  # "memerintahkan TNI, Basarnas dan BPBD mengirim ...": one list object
                    seen_mentions -= 1
                    continue
                if w in bounds or w in PUNCT_STOP or w in QUOTE_MARKS or w == ",":
                    break
                m = mention_at[k - s]
                if m is not None:
                    seen_mentions += 1
                    if seen_mentions > 1:
                        break
                    k = m.end
                    continue
                k += 1
        # cue words before a trigger: denial ("membantah menyerang"), promise ("berjanji
        # akan membantu"); when the cue word is itself a trigger, it is not kept
        denial, commissive = cues["denial"], cues["commissive"]
        trig_at = {k: t for t in triggers for k in range(t.i, t.j)}
        for t in triggers:
            k = t.head - 1
            steps = 0
            while k >= s and steps < 4:
                w = v.low[k]
                if w in bounds or w in PUNCT_STOP or w == ",":
                    break
                if w in denial:
                    t.negated_by = k
                    cue_t = trig_at.get(k)
                    if cue_t is not None and cue_t is not t:
                        cue_t.suppressed = True
                    break
                if w in commissive:
                    t.future_by = k
                    cue_t = trig_at.get(k)
                    if cue_t is not None and cue_t is not t and cue_t.row.type == "AGREE":
                        cue_t.suppressed = True
                    break
                if mention_at[k - s] is not None:
                    break
                k -= 1
                steps += 1


# id(cues) -> (the cues, clause stops, prepositions): unions of fixed cue sets, made once
# per lexicon instead of once per clause (the cues object is kept to pin its id)
_CLAUSE_SETS: dict[int, tuple[dict, frozenset[str], frozenset[str]]] = {}


def _clause_sets(cues: dict) -> tuple[frozenset[str], frozenset[str]]:
    got = _CLAUSE_SETS.get(id(cues))
    if got is None or got[0] is not cues:
        got = (
            cues,
            frozenset(cues["boundaries"] | cues["complementizers"]),
            frozenset(cues["place_preps"] | cues["target_preps"] | cues["agent_preps"]),
        )
        if len(_CLAUSE_SETS) < 16:
            _CLAUSE_SETS[id(cues)] = got
    return got[1], got[2]


class _Clause:
    """Argument finding inside one sentence."""

    def __init__(
        self,
        ex: Extractor,
        s: int,
        e: int,
        mention_at: list[Mention | None],
        triggers: list[Trigger],
    ) -> None:
        self.ex = ex
        self.v = ex.view
        self.cues = ex.cues
        self.s, self.e = s, e
        self.mention_at = mention_at
        self.trig_tokens = {k for t in triggers for k in range(t.i, t.j)} | {
            t.light for t in triggers if t.light >= 0
        }
        self.trig_starts = {t.i for t in triggers}
        # harmful acts told as nouns ("the attack", "the bombing"), for blame attribution
        self.nominal_starts = {t.i for t in triggers if t.nominal and t.row.type in _BLAMED_TYPES}
        self.stop, self.preps = _clause_sets(ex.cues)

    def m_at(self, k: int) -> Mention | None:
        if self.s <= k < self.e:
            return self.mention_at[k - self.s]
        return None

    # -- scans ----------------------------------------------------------------------------

    def _is_reporting(self, k: int) -> bool:
        rep = self.cues["reporting"]
        return self.v.low[k] in rep or (self.ex.lang == "en" and self.v.lem[k] in rep)

    def left(self, pos: int, control: bool = True) -> list[Mention]:
        """The subject-like actor(s) left of ``pos``: nearest first, with its conjuncts."""
        v = self.v
        s = self.s
        k = pos - 1
        vp_coord = coordinated = self._vp_coordinated(pos)
        only_function_words = True
        rel = k
        while rel >= s and (
            v.low[rel] in _ADVERBS
            or v.low[rel] in _MODALS
            or v.low[rel] in self.cues["negation"]
            or v.low[rel] in self.cues["future"]
        ):
            rel -= 1
        if rel >= s and v.low[rel] in self.cues["relative"] and v.low[rel] != "that":
            # "kendaraan yang diamankan", "X yang menyerang Y": the head noun right before
            # the relative marker is the subject, or there is no actor subject at all
            m = self.m_at(rel - 1)
            if m is None or m.origin == "pronoun" and m.antecedent is None:
                return []
            return self._conjuncts_left(m)
        while k >= s:
            w = v.low[k]
            if w == ")":  # "Komisi Pemilihan Umum (KPU) menyambut": look past it
                k = self._paren_open(k)
                continue
            if w in self.stop or w in QUOTE_MARKS or w in PUNCT_STOP:
                return []
            if self._is_reporting(k) and k not in self.trig_tokens:
                if (control and only_function_words) or coordinated:
                    # "X mengatakan akan menyerang Z"; "X menyoroti krisis itu dan
                    # mendesak gencatan senjata": the verbs share the reporting verb's subject
                    return self.left(k, control=False)
                return []
            m = self.m_at(k)
            if m is not None:
                pp_start = self._pp_start(m)
                if pp_start >= 0 and not (
                    v.low[pp_start] in ("dengan", "with") and self._adjacent(m.end, pos)
                ):
                    k = pp_start - 1
                    only_function_words = False
                    continue
                if vp_coord and self._object_of_verb(m):
                    k = self._verb_before(m) - 1
                    vp_coord = False
                    only_function_words = False
                    continue
                if m.origin == "pronoun" and m.antecedent is None:
                    return []
                if m.kind == "place":  # a town does not act ("... di Patung Kuda yang ...")
                    k = m.start - 1
                    only_function_words = False
                    continue
                return self._conjuncts_left(m)
            if (
                self.ex.lang == "en"
                and w in _EN_POSSESSIVE
                and k + 1 < pos
                and self.m_at(k + 1) is None
            ):
                return []  # "his client would cooperate": the subject is a noun we do not know
            if (
                w not in _ADVERBS
                and w not in self.cues["negation"]
                and w not in self.cues["future"]
            ):
                only_function_words = False
            k -= 1
        return []

    def _adjacent(self, a: int, b: int) -> bool:
        """Only adverbs, negation or modality words between token ``a`` and ``b``?"""
        filler = _ADVERBS | self.cues["negation"] | self.cues["future"]
        return all(self.v.low[k] in filler for k in range(a, b))

    def _paren_open(self, k: int) -> int:
        """The token before the "(" that matches the ")" at ``k`` (or ``k - 1``)."""
        j = k - 1
        while j >= self.s and j > k - 8:
            if self.v.low[j] == "(":
                return j - 1
            j -= 1
        return k - 1

    def _paren_close(self, k: int) -> int:
        """The token after the ")" that matches the "(" at ``k`` (or ``k + 1``)."""
        j = k + 1
        while j < self.e and j < k + 8:
            if self.v.low[j] == ")":
                return j + 1
            j += 1
        return k + 1

    def _pp_start(self, m: Mention) -> int:
        """Where the prepositional phrase holding ``m`` starts, or -1 when ``m`` is not in
        one ("dengan para pejabat", "with Prof. X and Prof. Y", "of the agency")."""
        v = self.v
        dets = self.cues.get("determiners", frozenset())
        coord = self.cues["coordinators"]
        k = m.start - 1
        while k >= self.s:
            w = v.low[k]
            if w in dets or w == "." or w == ABBREV_DOT:
                k -= 1
                continue
            if w in coord or w == ",":
                prev = self.m_at(k - 1)
                if prev is not None:
                    k = prev.start - 1
                    continue
                return -1
            if w in self.preps or (self.ex.lang == "en" and w == "of"):
                return k
            return -1
        return -1

    def _vp_coordinated(self, pos: int) -> bool:
        """'X memanggil Y dan (juga) menyampaikan ...': the trigger shares X's subject."""
        k = pos - 1
        while (
            k >= self.s and self.v.low[k] in _ADVERBS | self.cues["negation"] | self.cues["future"]
        ):
            k -= 1
        return k >= self.s and self.v.low[k] in self.cues["coordinators"]

    def _object_of_verb(self, m: Mention) -> bool:
        k = m.start - 1
        while k >= self.s and self.v.low[k] in self.cues.get("determiners", frozenset()):
            k -= 1
        if k >= self.s and self.v.low[k] in self.cues["causative"]:
            return False  # "membuat Qatar kesal dan memutuskan ...": Saudi decides
        return k >= self.s and self._verbish(k)

    def _verb_before(self, m: Mention) -> int:
        k = m.start - 1
        while k > self.s and not self._verbish(k):
            k -= 1
        return k

    def _verbish(self, k: int) -> bool:
        if k in self.trig_tokens:
            return True
        w = self.v.low[k]
        if self.ex.lang == "en":
            return w.endswith("ed") or w in _EN_IRREGULAR_PARTICIPLES
        return len(w) > 4 and w.startswith(("me", "di", "ber", "ter")) and self.v.lem[k] != w

    def _conjuncts_left(self, m: Mention) -> list[Mention]:
        if m.partners:  # "mereka" standing for "A dan B"
            return [m, *m.partners]
        out = [m]
        k = m.start - 1
        coord = self.cues["coordinators"]
        # "A, B dan C bertemu": a list ends with a coordinator; in "A, B bertemu" (no
        # coordinator before the last one) A is a fronted topic or an apposition, not a
        # second subject ("Soal perbatasan, Malaysia mendesak ...")
        if k - 1 < self.s or (
            self.v.low[k] not in coord
            and not (
                m.actor.country
                and not m.generic
                and (p := self.m_at(k - 1)) is not None
                and p.kind == "country"
            )
        ):
            return out  # (two country names: "Japan, Korea leaders meet", a headline)
        while k - 1 >= self.s and self.v.low[k] in coord | {","} and len(out) < 4:
            prev = self.m_at(k - 1)
            if prev is None or prev.origin == "pronoun":
                break
            out.insert(0, prev)
            k = prev.start - 1
        return out

    def right(
        self,
        pos: int,
        *,
        allow_place: bool = False,
        need_prep: bool = False,
        allow_comp: bool = False,
    ) -> tuple[list[Mention], str]:
        """The nearest actor(s) right of ``pos`` (with coordinated ones) and its preposition."""
        v = self.v
        cues = self.cues
        k = pos
        prep = ""
        end = min(self.e, pos + RIGHT_REACH)
        while k < end:
            w = v.low[k]
            if w == "(":  # "perundingan Free Trade Agreement (FTA) antara Chile dan Peru"
                k = self._paren_close(k)
                continue
            if w in cues["boundaries"] or w in QUOTE_MARKS or w in PUNCT_STOP:
                break
            if w in cues["complementizers"] or w in cues["complement_links"]:
                if not allow_comp and w in cues["complementizers"]:
                    break
                if allow_comp:
                    end = min(end, k + 4)  # "meminta agar pemerintah ...": subject next
            if self._is_reporting(k) and k not in self.trig_tokens and k > pos:
                break
            if (
                w in ("to", "untuk")
                and k + 1 < self.e
                and self._clause_verb(k + 1)
                and not allow_comp
            ):
                break  # "... will meet to draft ...": a purpose clause
            if need_prep and k > pos and (w == "," or (self._verbish(k) and self.m_at(k) is None)):
                break  # a noun's arguments end where the next clause or verb begins
            if w in cues["target_preps"] or w in cues["agent_preps"]:
                prep = w
            elif w in cues["place_preps"]:
                prep = "@" + w
            m = self.m_at(k)
            if m is not None and m.start == k:
                if prep.startswith("@") and not allow_place:
                    k, prep = m.end, ""
                    # "in Osaka, Japan": the country after a place is part of the place
                    if k + 1 < end and v.low[k] == ",":
                        nm = self.m_at(k + 1)
                        if nm is not None and nm.start == k + 1 and nm.kind in ("country", "place"):
                            k = nm.end
                    continue
                if need_prep and not prep:
                    k = m.end
                    continue
                if m.origin == "pronoun" and m.antecedent is None:
                    k = m.end
                    continue
                return self._conjuncts_right(m), prep
            k += 1
        return [], ""

    def _clause_verb(self, k: int) -> bool:
        """Does a verb start at ``k`` (after "to"/"untuk")? Not a name, not a noun phrase."""
        v = self.v
        if self.m_at(k) is not None or v.cap[k]:
            return False
        w = v.low[k]
        if self.ex.lang == "en":
            return (
                w not in _EN_DET
                and w not in ("his", "her", "their", "its", "our")
                and not w[:1].isdigit()
            )
        return len(w) > 4 and w.startswith(("me", "ber", "di", "mem", "men")) and v.lem[k] != w

    def _conjuncts_right(self, m: Mention) -> list[Mention]:
        # "ke beberapa negara Eropa, seperti Prancis, Jerman dan Italia": the examples
        ex_words = self.cues["exemplifiers"]
        k = m.end
        if k < self.e and self.v.low[k] == ",":
            k += 1
        if k < self.e and self.v.low[k] in ex_words:
            k += 1
            while k < self.e and self.v.low[k] in ("as", "lain", ":"):
                k += 1
            nxt = self.m_at(k)
            if nxt is not None and nxt.start == k and nxt.actor.country:
                m = nxt
        out = [m]
        k = m.end
        coord = self.cues["coordinators"] | {","}
        while k + 1 < self.e and self.v.low[k] in coord and len(out) < 6:
            j = k + 1
            if self.v.low[j] in coord:  # ", dan"
                j += 1
            nxt = self.m_at(j)
            if nxt is None or nxt.start != j or nxt.origin == "pronoun":
                break
            out.append(nxt)
            k = nxt.end
        return out

    def agent_after(self, j: int, *, bare_ok: bool) -> list[Mention]:
        """The agent of a passive: right after the verb (Indonesian) or after oleh/by."""
        v = self.v
        k = j
        end = min(self.e, j + 8)
        agent_preps = self.cues["agent_preps"]
        first = True
        while k < end:
            w = v.low[k]
            if w in self.stop or w in QUOTE_MARKS or w in PUNCT_STOP or w == ",":
                break
            m = self.m_at(k)
            if m is not None and m.start == k:
                b = k - 1
                dets = self.cues.get("determiners", frozenset())
                while b > self.s and v.low[b] in dets:
                    b -= 1
                before = v.low[b] if b >= self.s else ""
                if before in agent_preps or (bare_ok and first and _institutional(m)):
                    if m.origin == "pronoun" and m.antecedent is None:
                        return []
                    return self._conjuncts_right(m)
                return []
            if (
                w not in agent_preps
                and w not in _ADVERBS
                and w not in self.cues.get("determiners", ())
            ):
                first = False
            k += 1
        return []

    def genitive(self, t: Trigger) -> Mention | None:
        """The actor attached to a nominal trigger: "serangan Israel", "Israel's attack"."""
        v = self.v
        if self.ex.lang == "en":
            k = t.i - 1
            if k >= self.s and v.low[k] in ("'s", "’s", "'"):
                k -= 1
            while k >= self.s and v.low[k] in _EN_DET and v.low[k] not in ("the", "a", "an"):
                k -= 1
            m = self.m_at(k)
            if m is not None and m.end == k + 1 and m.origin != "pronoun":
                return m
            return None
        k = t.j
        steps = 0
        while k < self.e and steps < 3:
            m = self.m_at(k)
            if m is not None:
                if m.origin == "pronoun" and m.antecedent is None:
                    return None
                return m
            w = v.low[k]
            if w in self.preps or w in PUNCT_STOP or w == "," or w in self.stop or w == "yang":
                return None
            k += 1
            steps += 1
        return None

    # -- one trigger -> events ------------------------------------------------------------

    def events_for(self, t: Trigger, sent_start: int, sent_end: int) -> list[Event]:
        row = t.row
        frame = row.frame
        if t.agents is not None:
            return self._ordered(t, sent_start, sent_end)
        sources: list[Mention] = []
        targets: list[Mention] = []
        notes: list[str] = []
        place_ok = row.type == "ASSAULT" or row.mode == "visit"
        if frame == "MUST":
            sources, targets = self._must(t)
        elif frame == "BLAME":
            sources, targets = self._blame(t)
            if not (sources and targets):
                return []
        elif frame == "CLAIM":
            # "Y was allegedly killed by Z", "Y allegedly attacked Z": the act is coded
            # itself; only an act no trigger codes is the speaker's allegation against Y
            if any(k in self.trig_starts for k in range(t.j, min(self.e, t.j + 3))):
                return []
            sources, targets = self._must(t)
            if not targets:
                return []
        elif t.nominal and t.light < 0:
            sources, targets = self._nominal(t, place_ok)
            notes.append("nominal")
            if row.type in RECIPROCAL and not (sources and targets):
                return []  # "the UN summit": a meeting is told with both its parties
        else:
            head = t.head
            if t.light >= 0:
                notes.append(f"light:{self.v.low[t.light]}")
            inverse = frame == "INV" or t.light_role == "receive"
            if t.passive:
                notes.append("passive")
                patient = self.left(head)
                agents = self.agent_after(t.j, bare_ok=self.ex.lang == "id" and t.light < 0)
                if not agents and t.light >= 0:
                    agents = self.agent_after(t.light + 1, bare_ok=False)
                sources, targets = (patient, agents) if inverse else (agents, patient)
                if not sources and targets and row.mode and (row.type, row.mode) in IMPLIED_AGENT:
                    sources = [self._implied(row.type, row.mode, targets[0])]
                    notes.append("implied agent")
            else:
                subj = self.left(head)
                fronted = not subj
                if fronted:
                    subj = self._fronted_subject(t)
                if t.light_role == "receive":
                    g = self.genitive(t)
                    obj = [g] if g is not None else self.right(t.j, allow_place=place_ok)[0]
                    sources, targets = obj, subj
                else:
                    obj, _prep = self.right(
                        t.j,
                        allow_place=place_ok,
                        need_prep=frame == "A",
                        allow_comp=row.type == "REQUEST",
                    )
                    if (
                        row.type == "MOBILIZE"
                        and obj
                        and obj[0].generic
                        and (obj[0].actor.sector or "") in ("MIL", "COP")
                    ):
                        # "mengerahkan kapal perang ke X": the force moved is the agent's own
                        obj = self.right(obj[-1].end, allow_place=False, need_prep=True)[0]
                    if fronted and subj:
                        # the object ends with the fronted clause: "after taking the
                        # town, the rebels ...": the rebels are the subject, not the object
                        obj = [m for m in obj if m.end <= subj[0].start]
                    sources, targets = (obj, subj) if frame == "INV" else (subj, obj)
            if len(sources) > 1 and (frame == "REC" or (row.type in RECIPROCAL and not targets)):
                sources, targets = sources[:1], sources[1:2]
            elif len(sources) == 2 and not targets and self._mutual(t):
                # "Kedua negara saling mengusir diplomat", "they expelled each
                # other's diplomats": each of the two acts on the other
                a, b = sources
                return self._assemble(t, [a], [b], notes + ["mutual"], sent_start, sent_end) + (
                    self._assemble(t, [b], [a], notes + ["mutual"], sent_start, sent_end)
                )
        if not targets and t.inner is not None and row.frame != "MUST" and row.type != "REQUEST":
            # "threatened to cut off electricity to X", "refused to meet Jordan's king": a
            # verb that governs another act is aimed at that act's target (not a request:
            # "meminta agar bantuan untuk korban" asks someone else, not the victims)
            inner_place = t.inner.row.type == "ASSAULT" or t.inner.row.mode == "visit"
            targets = self.right(t.inner.j, allow_place=inner_place)[0]
            if targets:
                notes.append("target of the governed act")
        if (
            row.type == "REQUEST"
            and t.inner is not None
            and t.inner.row.type == "PROTEST"
            and sources
            and (sources[0].actor.sector or "CVL") not in self.ex.lex.state
        ):
            # protest organisers "calling for a strike" announce a protest
            t = replace(t, row=t.inner.row, inner=None, future_by=t.i)
            row = t.row
            targets = []
            notes.append("called protest")
        if row.type == "AID" and sources and not targets:
            main = self.ex.finder.main_country
            donor = sources[0].actor
            if main and donor.country != main and (donor.country or donor.sector in ("IGO", "NGO")):
                # aid from abroad in a report about one country goes to that country
                recipient = Actor(_country_name(main, self.ex.lang), main, "GOV")
                targets = [Mention(t.i, t.i, recipient, "country", "implied")]
                notes.append("implied recipient")
        if row.type == "COERCE" and row.mode == "seize" and sources and not targets:
            lo, hi = max(self.s, t.head - 3), min(self.e, t.j + 3)
            if sources[0].actor.country and not self.cues["power_words"].isdisjoint(
                self.v.low[lo:hi]
            ):
                # "the army took power", "merebut kekuasaan", a coup: against its own state
                code = sources[0].actor.country
                state = Actor(_country_name(code, self.ex.lang), code, "GOV")
                targets = [Mention(t.i, t.i, state, "country", "implied")]
                notes.append("coup")
        if row.type == "PROTEST" and sources and not targets:
            targets = self._protest_target(t)
            if not targets:
                targets = [self._implied_target(sources[0])]
                notes.append("implied target")
        if (
            row.type == "CONSULT"
            and frame == "REC"
            and not targets
            and len(sources) == 1
            and row.mode not in ("phone", "multilateral")
        ):
            # "the council has met", "the alliance discussed the crisis": a body by itself
            # is no interaction between two actors (a meeting is told with both parties)
            return []
        if row.type == "CONSULT" and row.mode != "visit" and len(targets) >= 3:
            targets = []  # "met counterparts from A, B and C": one multilateral meeting
            notes.append("multilateral")
            row = replace(row, mode="multilateral")
            t = replace(t, row=row)
        if len(targets) > 1:
            # "memerintahkan Basarnas, TNI dan pemda": one event with a compound
            # target per country (PLOVER allows compound actors); distinct countries
            # stay distinct events ("tur ke Jepang, China dan Malaysia")
            seen_c: set[str | None] = set()
            kept = []
            for m in targets:
                if m.actor.country in seen_c and m.actor.country is not None:
                    continue
                seen_c.add(m.actor.country)
                kept.append(m)
            targets = kept
        if not sources and not targets:
            return []
        if row.key[0] in self.cues["directive_keys"] and not t.nominal and sources:
            internal = not targets or all(
                m.is_state and m.actor.country == sources[0].actor.country for m in targets
            )
            if internal and t.inner is not None:
                # "Presiden memerintahkan Menkes untuk mengirim bantuan": an order
                # down a government's own chain of command is coded as the act ordered,
                # planned (future), by whoever is told to carry it out
                inner = replace(t.inner, agents=targets or sources[:1], future_by=t.i)
                return self.events_for(inner, sent_start, sent_end)
            if internal:
                return []  # an order to one's own agencies with no act named: no interaction
        if row.type == "THREATEN" and not targets and t.inner is None and not t.nominal:
            k = t.j
            dates = self.ex.finder.date_tokens
            while k < self.e and (k in dates or self.v.low[k] in _TIME_FILLER):
                k += 1  # "threatened last week to ...", "mengancam, Kamis, akan ..."
            nxt = self.v.low[k] if k < self.e else ""
            if nxt not in self.cues["threat_links"]:
                # "banjir yang mengancam panen", "threatens stability": a verb
                # of threat with no one threatened and no act threatened only says "endangers"
                return []
        return self._assemble(
            t, sources[:MAX_EVENTS_PER_TRIGGER], targets[:6], notes, sent_start, sent_end
        )

    def _fronted_subject(self, t: Trigger) -> list[Mention]:
        """ "After taking the town, the rebels ...", "Setelah menyerang
        pos polisi, kelompok itu ...": a verb opening a fronted adverbial clause has the
        main clause's subject, the first actor after the comma that closes the clause."""
        v = self.v
        k = self.s
        if k < self.e and v.low[k] in QUOTE_MARKS:
            k += 1
        if k < self.e and v.low[k] in SETTING_WORDS | self.cues["fronting"]:
            k += 1
        if t.head != k:
            return []
        w = v.low[t.head]
        if not (w.endswith("ing") if self.ex.lang == "en" else t.cls.startswith(("meN", "ber"))):
            return []  # "Questioned about X, the minister said": a fronted passive
        for c in range(t.j, min(self.e, t.j + 16)):
            if v.low[c] in PUNCT_STOP or v.low[c] in QUOTE_MARKS:
                return []
            if v.low[c] == ",":
                for x in range(c + 1, min(self.e, c + 4)):
                    m = self.m_at(x)
                    if m is not None and m.start == x and m.origin != "pronoun":
                        return [m]
                    if v.low[x] not in self.cues.get("determiners", frozenset()):
                        return []
                return []
        return []

    def _mutual(self, t: Trigger) -> bool:
        """ "saling" just before the verb, or "each other" / "one another" after it."""
        v = self.v
        mutual = self.cues["mutual"]
        before = v.low[max(self.s, t.head - 2) : t.head]
        after = " ".join(v.low[t.j : min(self.e, t.j + 4)])
        return any(w in mutual for w in before) or any(p in after for p in mutual if " " in p)

    def _ordered(self, t: Trigger, sent_start: int, sent_end: int) -> list[Event]:
        """The act an order names, with the ones ordered to carry it out as its agents and
        its own target ("... untuk mengirim bantuan ke desa itu")."""
        agents = t.agents or []
        plain = replace(t, agents=None)
        if t.nominal and t.light < 0:
            _src, targets = self._nominal(plain, t.row.type == "ASSAULT")
        else:
            targets = self.right(t.j, allow_place=t.row.type == "ASSAULT")[0]
        targets = [m for m in targets if not any(m is a for a in agents)]
        if not agents:
            return []
        return self._assemble(plain, agents[:1], targets[:6], ["ordered"], sent_start, sent_end)

    def _protest_target(self, t: Trigger) -> list[Mention]:
        """ "unjuk rasa di depan Balai Kota", "protest outside the embassy": the institution
        a protest is held in front of is its target."""
        words = self.ex.lex.protest_place_words
        for k in range(t.j, min(self.e, t.j + 8)):
            if self.v.low[k] in words:
                for x in range(k + 1, min(self.e, k + 5)):
                    m = self.m_at(x)
                    if m is not None:
                        return [m]
                return []
        return []

    def _implied_target(self, source: Mention) -> Mention:
        """A protest with no named target is against the authorities of the country where
        it happens (PLOVER: the target of a protest is usually the government)."""
        name = "pemerintah" if self.ex.lang == "id" else "government"
        country = self._locative_country() or source.actor.country or self.ex.finder.main_country
        return Mention(source.start, source.start, Actor(name, country, "GOV"), "org", "implied")

    def _locative_country(self) -> str | None:
        """The country of the first place the sentence locates something in ("di Gaza",
        "in Jakarta", "ke Jalur Gaza")."""
        v = self.v
        preps = self.cues["place_preps"] | {"ke", "to", "into", "on"}
        for k in range(self.s + 1, self.e):
            m = self.m_at(k)
            if m is None or m.start != k or m.generic or not m.actor.country:
                continue
            if m.kind not in ("country", "place"):
                continue
            if v.low[k - 1] in preps or (k - 2 >= self.s and v.low[k - 2] in preps):
                return m.actor.country
        return None

    def _implied(self, typ: str, mode: str, patient: Mention) -> Mention:
        """The unnamed agent of "ditangkap" / "was arrested": the authorities of the
        patient's country (a news convention: arrests and convictions are by the state)."""
        names = IMPLIED_AGENT[(typ, mode)]
        name, sector = names[0 if self.ex.lang == "id" else 1], names[2]
        country = patient.actor.country or self.ex.finder.main_country
        return Mention(
            patient.start, patient.start, Actor(name, country, sector), "group", "implied"
        )

    def _nominal(self, t: Trigger, place_ok: bool) -> tuple[list[Mention], list[Mention]]:
        v = self.v
        patient_first = t.row.frame == "P" or t.cls == "peN-an"
        g = self.genitive(t)
        sources: list[Mention] = []
        targets: list[Mention] = []
        if self.ex.lang == "en":
            if g is not None:
                sources = [g]
            elif t.row.frame == "A" and self.v.low[t.i - 1] in self.cues["pron_group"] | {"to"}:
                sources = self.left(t.i)
            k = t.j
            # "the arrest of X", "attack by X on Y", "talks between X and Y"
            reach = min(self.e, t.j + 8)
            while k < reach:
                w = v.low[k]
                if w in PUNCT_STOP or w in self.stop or w in QUOTE_MARKS:
                    break
                m = self.m_at(k)
                if m is not None and m.start == k:
                    before = v.low[k - 1]
                    if before == "by" and not sources:
                        sources = [m]
                    elif before == "of":
                        if patient_first:
                            targets = targets or [m]
                        elif not sources:
                            sources = [m]
                    elif before == "between":
                        conj = self._conjuncts_right(m)
                        if len(conj) > 1:
                            return conj[:1], conj[1:2]
                    elif before in self.cues["target_preps"] or (
                        place_ok and before in self.cues["place_preps"]
                    ):
                        targets = targets or self._conjuncts_right(m)
                    k = m.end
                    continue
                k += 1
            if not sources and t.row.frame == "REC" and not self._after_prep(t.i):
                sources = self.left(t.i)  # "police fought a firefight with gunmen"
                if len(sources) > 1:
                    return sources[:1], sources[1:2]
            elif not sources and targets and t.row.type == "ASSAULT" and t.row.frame == "REC":
                # "two officers died in a firefight with gunmen": the other party of the
                # fight is the attacker of the clause's subject
                victims = self.left(t.i)
                if victims and not any(victims[0] is x for x in targets):
                    return targets[:1], victims[:1]
            return sources, targets
        # Indonesian: genitive after the noun; "oleh X" is the agent; a preposition marks
        # the target ("serangan Israel ke Gaza", "penangkapan X oleh polisi")
        after = g.end if g is not None else t.j
        rest, prep = self.right(after, allow_place=place_ok, need_prep=True)
        if g is not None:
            if patient_first:
                targets = [g]
                agents = self.agent_after(after, bare_ok=False)
                sources = agents
            else:
                conj = self._conjuncts_right(g)
                if t.row.frame == "REC" and len(conj) > 1:
                    return conj[:1], conj[1:2]
                sources = [g]
        if g is None and not sources:
            sources, after_rel = self._relative_agent(t.j)
            if after_rel >= 0 and not rest:
                # "sumbangan yang akan disalurkan yayasan kepada warga": the target
                # follows the verb (and agent) of the relative clause
                rest, prep = self.right(after_rel, allow_place=place_ok, need_prep=True)
        if rest and prep in self.cues["nominal_agent_preps"] and not sources:
            sources = rest
        elif rest and prep not in self.cues["nominal_agent_preps"] and not targets:
            targets = rest
        if not sources and g is None and t.row.frame in ("A", "REC") and not self._after_prep(t.i):
            # a protest noun used as a verb ("Mahasiswa unjuk rasa di depan DPR"); the
            # subject of a clash ("Satgas terlibat baku tembak dengan KKB")
            sources = self.left(t.i)
            if len(sources) > 1 and t.row.frame == "REC":
                return sources[:1], sources[1:2]
        return sources, targets

    def _after_prep(self, i: int) -> bool:
        """ "dalam pertemuan", "usai pertemuan", "in a meeting": a nominal as a setting."""
        k = i - 1
        dets = self.cues.get("determiners", frozenset())
        while (
            k >= self.s
            and (self.v.low[k] in dets or self.v.low[k] in _EN_DET)
            and self.v.low[k] != "of"
        ):
            k -= 1
        if k < self.s:
            return False
        w = self.v.low[k]
        # English "at the end of the summit": a noun after "of" completes another
        # noun; it is the setting, not an event told
        return w in self.preps or w in SETTING_WORDS or (self.ex.lang == "en" and w == "of")

    def _relative_agent(self, j: int) -> tuple[list[Mention], int]:
        """ "serangan yang dilakukan Israel", "perampokan yang dilakukan oleh KKB": the agent
        of a nominal event given in a passive relative clause right after it, and where the
        rest of the clause goes on (-1 when there is no such clause)."""
        v = self.v
        if j + 1 >= self.e or v.low[j] not in self.cues["relative"]:
            return [], -1
        k = j + 1
        # "sumbangan yang akan disalurkan yayasan", "serangan yang telah dilakukan milisi"
        while k < self.e - 1 and (v.low[k] in _ADVERBS or v.low[k] in self.cues["future"]):
            k += 1
        w = v.low[k]
        if not (w.startswith("di") and (w in self.cues["light_do"] or len(w) > 4)):
            return [], -1
        agents = self.agent_after(k + 1, bare_ok=True)
        return agents, (agents[-1].end if agents else k + 1)

    def _blame(self, t: Trigger) -> tuple[list[Mention], list[Mention]]:
        """'X believe/suspect the attack was carried out by Y': an allegation X -> Y. Only
        when the belief's content is a harmful act (a nominal trigger of a material,
        conflictual type) told in the passive with its agent after "by"."""
        v = self.v
        act = None
        for k in range(t.j, min(self.e, t.j + 12)):
            if v.low[k] in self.stop and k > t.j + 1:
                return [], []
            if act is None and k in self.nominal_starts:
                act = k
            elif (
                act is not None
                and v.low[k] == "by"
                and any(w.endswith(("ed", "en")) for w in v.low[k - 2 : k])  # "carried out"
            ):
                if not any(w in _BE for w in v.low[act:k]):
                    return [], []
                for j in range(k + 1, min(self.e, k + 4)):
                    m = self.m_at(j)
                    if m is not None:
                        return self.left(t.i), [m]
                return [], []
        return [], []

    def _must(self, t: Trigger) -> tuple[list[Mention], list[Mention]]:
        """'X said Y must Z' / '"Y harus Z," kata X': REQUEST from the speaker to Y."""
        v = self.v
        subject = self.left(t.i, control=False)
        if not subject or subject[0].kind == "first":
            return [], []
        speaker: list[Mention] = []
        qi = v.quote_of[t.i] if t.i < len(v.quote_of) else -1
        if qi >= 0:
            name = self.ex.article.quotes[qi].speaker
            if name:
                for h in reversed(self.ex.finder.history):
                    if h.actor.name == name:
                        speaker = [h]
                        break
        if not speaker:
            k = subject[0].start - 1
            while k >= self.s:
                if self._is_reporting(k):
                    speaker = self.left(k, control=False)
                    break
                k -= 1
        if not speaker:  # '..., X said' / '..., kata X'
            for k in range(t.j, self.e):
                if self._is_reporting(k):
                    nxt = self.m_at(k + 1)
                    prev = self.m_at(k - 1)
                    speaker = [nxt] if nxt is not None else ([prev] if prev is not None else [])
                    break
        if not speaker or speaker[0].actor.name == subject[0].actor.name:
            return [], []
        # "Palestine must be given membership": the demand is not addressed to Palestine
        after = [
            w
            for w in v.low[t.j : t.j + 3]
            if w not in _ADVERBS and w not in ("immediately", "segera")
        ]
        if after[:1] == ["be"] or (after and after[0].startswith("di") and self.ex.lang == "id"):
            return speaker[:1], []
        return speaker[:1], subject[:1]

    def _assemble(
        self,
        t: Trigger,
        sources: list[Mention],
        targets: list[Mention],
        notes: list[str],
        sent_start: int,
        sent_end: int,
    ) -> list[Event]:
        ex = self.ex
        v = self.v
        row = t.row
        typ, mode, cameo = row.type, row.mode, row.cameo or DEFAULT_CAMEO[row.type]
        src_main = sources[0] if sources else None
        # who acts may change the type (a blockade by protesters is a protest)
        if src_main is not None:
            sector = src_main.actor.sector or ""
            state = src_main.kind == "country" or sector in ex.lex.state
            nonstate = sector in ex.lex.nonstate
            words = set(row.key) | {v.lem[t.i], v.low[t.i]}
            for sw in ex.lex.switches:
                if words & set(sw["keys"]) and (
                    (sw["when"] == "nonstate" and nonstate) or (sw["when"] == "state" and state)
                ):
                    typ, mode, cameo = sw["type"], sw.get("mode"), str(sw.get("cameo") or cameo)
                    notes.append(f"switch:{sw['when']}")
                    break
        if mode is None:
            mode = self._mode(t, typ)
        modality = self._modality(t)
        if modality == "negated":
            for nb in ex.lex.negated_becomes:
                keys = nb.get("keys") or []
                if set(row.key) & set(keys) or v.lem[t.i] in keys or typ in (nb.get("types") or []):
                    typ, mode, cameo, modality = (
                        nb["type"],
                        nb["mode"],
                        str(nb["cameo"]),
                        "asserted",
                    )
                    notes.append("negated " + row.type)
                    break
        loc = self._locative_country()
        main = ex.finder.main_country
        trig_start = v.starts[t.head]
        trig_end = v.end(t.j - 1)
        trigger_text = ex.article.text[trig_start:trig_end]
        date, date_source = self._date(trig_start, sent_start, sent_end)
        rule = row.rule + (" [" + ", ".join(notes) + "]" if notes else "")
        if t.inner is not None:
            rule += f" governs {t.inner.row.type}"
        events: list[Event] = []
        src_list: list[Mention | None] = list(sources) or [None]
        tgt_list: list[Mention | None] = list(targets) or [None]
        for sm in src_list:
            for tm in tgt_list:
                if (
                    sm is not None
                    and tm is not None
                    and (sm is tm or sm.actor.name == tm.actor.name or _same(sm, tm))
                ):
                    continue
                spans = [(trig_start, trig_end)]
                for m in (sm, tm):
                    if m is not None and m.origin != "pronoun" and abs(m.start - t.i) <= 20:
                        spans.append((v.starts[m.start], v.end(m.end - 1)))
                start = max(sent_start, min(a for a, _ in spans))
                end = min(sent_end, max(b for _, b in spans))
                target = _actor(tm)
                if (
                    target is not None
                    and tm is not None
                    and tm.generic
                    and loc
                    and loc != main
                    and target.country == main
                ):
                    target.country = loc  # "warga sipil" killed in Gaza are Gaza's civilians
                ev = Event(
                    type=typ,
                    source=_actor(sm),
                    target=target,
                    mode=mode,
                    modality=modality,
                    date=date,
                    date_source=date_source,
                    evidence=ex.article.text[start:end],
                    start=start,
                    end=end,
                    trigger=trigger_text,
                    rule=rule,
                    cameo=cameo,
                    goldstein=goldstein(cameo),
                )
                ex.vague[id(ev)] = (_vague(sm), _vague(tm), _place(tm))
                events.append(ev)
                if len(events) >= MAX_EVENTS_PER_TRIGGER:
                    return events
        return events

    def _mode(self, t: Trigger, typ: str) -> str | None:
        if typ in ("REQUEST", "REJECT") and t.inner is not None:
            return self.ex.lex.inner_modes.get(t.inner.row.type)
        cues = self.ex.lex.modes.get(typ)
        if not cues:
            return None
        v = self.v
        a, b = max(self.s, t.head - 6), min(self.e, t.j + 6)
        words = set(v.low[a:b]) | set(v.lem[a:b])
        for mode, ws in cues.items():
            if words & ws:
                return mode
        return None

    def _modality(self, t: Trigger) -> str:
        v = self.v
        cues = self.cues
        if t.negated_by >= 0:
            return "negated"
        neg = fut = hyp = False
        k = t.head - 1
        steps = 0
        stop = cues["boundaries"] | cues["complementizers"]
        modal_hyp = {"could", "might", "may"}
        while k >= self.s and steps < 4:
            w = v.low[k]
            if w in stop or w in PUNCT_STOP or w in QUOTE_MARKS or w == ",":
                break
            if self.m_at(k) is not None:
                break
            if w in cues["negation"] and not (k + 1 < self.e and v.low[k + 1] in ("hanya", "only")):
                neg = True
            elif w in cues["future"]:
                fut = True
            elif w in modal_hyp:
                hyp = True
            k -= 1
            steps += 1
        if t.future_by >= 0:
            fut = True
        if t.nominal and t.light < 0:
            # "pertemuan X dan Y akan digelar di Bali", "the talks will be held"; the
            # actors and parentheses between do not count against the window
            k = t.j
            steps = 0
            while k < self.e and steps < 12:
                w = v.low[k]
                if w == "(":  # "pertemuan PM Inggris (Britania Raya) ... akan digelar"
                    k = self._paren_close(k)
                    continue
                m = self.m_at(k)
                if m is not None:
                    k = max(m.end, k + 1)
                    continue
                steps += 1
                if w in stop or w in PUNCT_STOP:
                    break
                if w in ("akan", "will") and k + 1 < self.e and v.low[k + 1][:2] in ("di", "be"):
                    fut = True
                    break
                k += 1
        hyp_words = cues["hypothetical"] - modal_hyp
        for k in range(self.s, t.head):
            if v.low[k] in hyp_words:
                hyp = True
                break
        if neg:
            return "negated"
        if hyp:
            return "hypothetical"
        if fut:
            return "future"
        return "asserted"

    def _date(self, pos: int, sent_start: int, sent_end: int) -> tuple[str | None, str]:
        art = self.ex.article
        starts = self.ex.date_starts
        a = bisect.bisect_left(starts, sent_start)
        best = None
        best_d = None
        for d in art.dates[a:]:
            if d.start >= sent_end:
                break
            if d.end > sent_end:
                continue
            dist = abs(d.start - pos)
            if best_d is None or dist < best_d:
                best, best_d = d, dist
        if best is not None and best.value:
            return best.value, "text"
        return art.published, "report"


@lru_cache(maxsize=200_000)
def _id_roots(low: str, lem: str) -> tuple[str, ...]:
    """Lexicon roots an Indonesian word form may derive from (cached per form)."""
    roots = lexicon("id").roots
    if lem in roots:
        return (lem,)
    if low in roots:
        return (low,)
    # every candidate root is a piece of the word, its first letter perhaps changed by a
    # nasal prefix ("menembak" -> "tembak"): no root's tail in the word, no root
    if not _root_tails().search(low):
        return ()
    return tuple(r for r in candidate_roots(low) if r in roots)


@lru_cache(maxsize=1)
def _root_tails() -> re.Pattern[str]:
    tails = sorted({r[1:] for r in lexicon("id").roots}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in tails))


# An Indonesian reading of a word form: (row, affix class, active, nominal, passive), in
# the order the rows are tried. Per (form, lemma); bounded, a full cache only stops storing.
IdReading = tuple[TriggerRow, str, bool, bool, bool]
_ID_READINGS: dict[tuple[str, str], tuple[IdReading, ...]] = {}
_MAX_READINGS = 200_000


def _id_readings(low: str, lem: str) -> tuple[IdReading, ...]:
    """The trigger rows an Indonesian form may fire (its roots' rows whose affix class
    the form has), with what the form says about each; only the context is left to test."""
    key = (low, lem)
    out = _ID_READINGS.get(key)
    if out is not None:
        return out
    single = lexicon("id").single
    readings: list[IdReading] = []
    for root in _id_roots(low, lem):
        rows = single.get(root)
        if not rows:
            continue
        cls = affix_class(low, root)
        if cls is None:
            continue
        active = cls.startswith(("meN", "ber", "memper", "-"))
        passive = is_passive(cls)
        for row in rows:
            if class_allowed(cls, row.affixes):
                nominal = is_nominal(cls) or (cls == "bare" and row.noun != "-")
                readings.append((row, cls, active, nominal, passive))
    out = tuple(readings)
    if len(_ID_READINGS) < _MAX_READINGS:
        _ID_READINGS[key] = out
    return out


# (language, form, lemma) -> the phrase rows that may start there, longest first
_PHRASE_ROWS: dict[tuple[str, str, str], list[TriggerRow]] = {}


def _phrase_rows(lex: Lexicon, low: str, lem: str) -> list[TriggerRow]:
    return rows_for_form(_PHRASE_ROWS, _MAX_READINGS, lex.phrases, (lex.lang, low, lem), low,
                         lem, _phrase_size)


def _phrase_size(row: TriggerRow) -> int:
    return len(row.key)


_TRIGGER_FORMS: dict[str, dict[str, bool]] = {"id": {}, "en": {}}
_MAX_FORMS = 500_000


def _trigger_form(lang: str, low: str, lem: str) -> bool:
    """Can a trigger start at this word form? (the answer kept per form)"""
    r = _TRIGGER_FORMS[lang].get(low)
    return r if r is not None else _learn_form(lang, low, lem)


def _learn_form(lang: str, low: str, lem: str) -> bool:
    """Can a trigger start at this word form? Computed once per form, then a dict lookup
    (the lemma is a function of the form, so the form alone is the key)."""
    lex = lexicon(lang)
    if low in lex.phrases or lem in lex.phrases:
        ok = True
    elif lang == "en":
        ok = low in lex.single or lem in lex.single
    else:
        ok = bool(_id_roots(low, lem))
    forms = _TRIGGER_FORMS[lang]
    if len(forms) < _MAX_FORMS:
        forms[low] = ok
    return ok


def _country_name(code: str, lang: str) -> str:
    return display_name(code, lang)


def _seq_at(v: TokenView, k: int, words: tuple[str, ...]) -> bool:
    n = len(words)
    if k + n > len(v.low):
        return False
    return all(w == v.low[k + x] or w == v.lem[k + x] for x, w in enumerate(words))


def _denials_answer_accusers(events: list[Event], denial_verbs: frozenset[str]) -> None:
    """ "She rejected the charges", "X membantah tuduhan itu": a denial with no one
    named answers the accusation last made against its source in the article, so it is
    aimed at that accuser (PLOVER codes a rejection towards the party rejected)."""
    accusers: dict[str, Actor] = {}
    for ev in events:
        if ev.type == "ACCUSE" and ev.source is not None and ev.target is not None:
            accusers[ev.target.name.lower()] = ev.source
        elif (
            ev.type == "REJECT"
            and ev.target is None
            and ev.source is not None
            and _rule_key(ev) in denial_verbs
        ):
            accuser = accusers.get(ev.source.name.lower())
            if accuser is not None and accuser.name != ev.source.name:
                ev.target = Actor(accuser.name, accuser.country, accuser.sector, accuser.actor_id)
                ev.rule = (ev.rule or "") + " [target: the accuser]"


def _rule_key(ev: Event) -> str:
    """The lexicon key of the row that made an event ("en_triggers.tsv:227 deny" -> deny)."""
    parts = (ev.rule or "").split(" ", 2)
    return parts[1] if len(parts) > 1 else ""


def _institutional(m: Mention) -> bool:
    """Can ``m`` be the bare agent of an Indonesian passive ("dipanggil Kemlu")? A name,
    a country or a state body can; "ditetapkan tersangka" names a role, not an agent."""
    if m.origin in ("entity", "country", "name"):
        return m.kind != "place"
    return (m.actor.sector or "") in STATE_SECTORS


def _actor(m: Mention | None) -> Actor | None:
    if m is None:
        return None
    a = m.actor
    return Actor(a.name, a.country, a.sector, a.actor_id)


def _same(a: Mention, b: Mention) -> bool:
    if a.antecedent is not None and a.antecedent is b:
        return True
    if b.antecedent is not None and b.antecedent is a:
        return True
    return a.actor is b.actor


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per fact. An event needs a source (PLOVER codes who acted; a "serangan"
    with no attacker named is not coded). Repeats are one event: the same type between
    the same actors, or — between two different countries — the same type between the
    same two countries (the lead and a later paragraph telling the same act)."""
    seen: dict[tuple, list[Event]] = {}
    seen_dyads: dict[tuple, list[Event]] = {}
    out = []
    for ev in events:
        if ev.source is None:
            continue
        sc, tc = ev.source.country, ev.target.country if ev.target else None
        if sc and tc and sc != tc:
            pair = (sc, tc) if ev.type not in RECIPROCAL or sc < tc else (tc, sc)
            # a statement retold uses the same verb; "urged Chile to act" and "asks its
            # minister for talks" are two requests (material acts are retold in other words)
            said = "" if ev.type in MATERIAL or ev.type in RECIPROCAL else _rule_key(ev)
            dyad = (ev.type, ev.mode, ev.modality, pair, said)
            same_dyad = seen_dyads.setdefault(dyad, [])
            if any(_same_month(ev, other) for other in same_dyad):
                continue
            same_dyad.append(ev)
        a = (ev.source.name.lower(), ev.source.country) if ev.source else None
        b = (ev.target.name.lower(), ev.target.country) if ev.target else None
        if ev.type in RECIPROCAL and a and b and b < a:
            a, b = b, a  # "A meets B" and "B meets A" are one meeting
        key = (ev.type, ev.mode, ev.modality, a, b)
        same_key = seen.setdefault(key, [])
        if any(_same_month(ev, other) for other in same_key):
            continue
        same_key.append(ev)
        out.append(ev)
    # one-sided repeats: the same act (same lexicon row, type and mode) by actors of one
    # country with no target named ("X will accept international assistance" ... "X's
    # officials were ready to accept assistance") is told once
    one_sided: set[tuple] = set()
    kept = []
    for ev in out:
        if ev.target is None and ev.source is not None and ev.source.country:
            key1 = (ev.type, ev.mode, _rule_key(ev), ev.source.country)
            if key1 in one_sided:
                continue
            one_sided.add(key1)
        kept.append(ev)
    out = kept
    # an arrest whose agent was only implied is the one told elsewhere with its agent
    told = {
        (ev.type, ev.target.name.lower())
        for ev in out
        if ev.target and "implied agent" not in (ev.rule or "")
    }
    out = [
        ev
        for ev in out
        if "implied agent" not in (ev.rule or "")
        or (ev.type, ev.target.name.lower() if ev.target else None) not in told
    ]
    # a one-sided telling of an act already told with both sides (same type, same actor,
    # same trigger words) is the same event
    # (for a material act — an attack, an arrest, aid — any telling by the same actor: a
    # later "agresi Israel" is the attack already told as "serangan Israel ke Gaza")
    full = {(ev.type, _nm(ev.source), _tw(ev)) for ev in out if ev.source and ev.target}
    return [
        ev for ev in out if not (ev.target is None and (ev.type, _nm(ev.source), _tw(ev)) in full)
    ]


_NAMED = (False, False, False)


def _place(m: Mention | None) -> bool:
    return m is not None and (m.kind == "place" or m.label == "PLACE")


def _vague(m: Mention | None) -> bool:
    """A generic group ("korban", "the protesters") or a place, not a named actor: a
    retelling of an act often names its other side so ("the attack in X")."""
    if m is None:
        return False
    if m.kind == "place" or m.label == "PLACE":
        return True
    # a title ("Bupati", "the governor") stands for one person: not vague
    return m.origin == "agent" and not m.actor.actor_id and m.kind not in PERSON_KINDS


def _domestic_retellings(
    events: list[Event], vague: dict[int, tuple[bool, bool, bool]]
) -> list[Event]:
    """Between actors of one country the country pair says nothing (most actors of an
    Indonesian article are Indonesian), so a retelling is recognised by its actors: the
    same type, mode and modality, dated the same day (or by the report only), and either
    the same source with the same target, with two vaguely named targets ("korban",
    "pengungsi") or with a place for a target ("KKB menyerang prajurit" ... "serangan KKB
    di distrik itu"); or the same target with a source only vaguely named ("kubu X" for X).
    Two named targets (two arrested officials), or a named one and a group, are two acts."""
    kept: list[Event] = []
    for ev in events:
        src, tgt = ev.source, ev.target
        if src is None or tgt is None or not src.country or src.country != tgt.country:
            kept.append(ev)
            continue
        sv, tv, tp = vague.get(id(ev), _NAMED)
        dup = False
        for k in kept:
            ks, kt = k.source, k.target
            if (
                ks is None
                or kt is None
                or (k.type, k.mode, k.modality) != (ev.type, ev.mode, ev.modality)
                or ks.country != src.country
                or kt.country != tgt.country
                or not _same_day(k, ev)
            ):
                continue
            ksv, ktv, ktp = vague.get(id(k), _NAMED)
            same_src, same_tgt = _nm(ks) == _nm(src), _nm(kt) == _nm(tgt)
            if (same_src and (same_tgt or (tv and ktv) or tp or ktp)) or (same_tgt and (sv or ksv)):
                dup = True
                break
        if not dup:
            kept.append(ev)
    return kept


def _same_month(a: Event, b: Event) -> bool:
    """Can two tellings between the same sides be of one act? Not when they are dated to
    different months (talks "on Monday" and a previous meeting "in March"; an undated
    telling is dated by the report, the day of the news); a day apart is often the act
    and the statement about it."""
    if not a.date or not b.date:
        return True
    if _MONTH.match(a.date) and _MONTH.match(b.date):
        return a.date[:7] == b.date[:7]
    return a.date[:4] == b.date[:4]  # a year, a week or a range: the year decides


_MONTH = re.compile(r"\d{4}-\d\d(?:-\d\d)?$")


def _same_day(a: Event, b: Event) -> bool:
    """Can two tellings be of one act? Not when their own words date them to different
    days; a telling dated only by the report, or only to the month of the other's day,
    can be the same act."""
    if a.date_source != "text" or b.date_source != "text" or not a.date or not b.date:
        return True
    return a.date.startswith(b.date) or b.date.startswith(a.date)


_BLAMED_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "PROTEST", "SANCTION"})
_BE = frozenset({"was", "were", "is", "are", "been", "be"})

MATERIAL = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION", "AID", "RETREAT"})


def _tw(ev: Event) -> str:
    """The words that identify an act for the one-sided-repeat rule."""
    # (a meeting with many is not the same as a meeting with one: the mode is part of it)
    return "" if ev.type in MATERIAL else f"{(ev.trigger or '').lower()}|{ev.mode}"


def _nm(a: Actor | None) -> str:
    return a.name.lower() if a else ""


def extract_events(article: Article) -> list[Event]:
    """All PLOVER events of an analysed article (needs tokens, sentences, lemmas)."""
    return Extractor(article).run()


__all__ = ["Extractor", "Trigger", "extract_events"]
