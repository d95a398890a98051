"""Actor mentions: who can be the source or target of an event.

A mention is a token span that names an actor, found in this order of trust:

1. entities from the entities stage (KB-linked persons, organisations, places; their
   country, sector and KB id are kept),
2. country names, demonyms, capitals and metonyms ("Tiongkok", "Russian", "Beijing"),
3. generic actors from the agent lexicons ("polisi", "ribuan mahasiswa", "pejabat Rusia",
   "the police", "Russian officials"), merged with an adjacent country ("pejabat Rusia",
   "Russian officials", "the foreign minister of Kenya") and with a following personal
   name ("Menlu Retno" -> the person, with the title's sector),
4. pronouns ("ia", "dia", "mereka", "he", "they"), resolved to the most recent plausible
   actor; a first-person pronoun inside a quote is the quote's speaker,
5. only when the article has no entities at all (the entities stage did not run or found
   nothing): capitalised name sequences, as unknown actors.

Country of a generic actor (decided here, documented in warta/events/README.md): an
adjacent country word wins; else the agent row's fixed country (national institutions
such as "TNI", "KPK"); else the article's *main country* — the country most often named
in the article, with a head start of 2 for Indonesia in Indonesian-language text (a
domestic outlet writes "polisi" for the Indonesian police). International organisations
never get a country.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import compress
from operator import attrgetter, itemgetter

import simplemma

from ..doc import Actor, Article, Entity
from ..kb.countries import country_code, display_name
from .lexicon import ISO_FIXES, AgentRow, Lexicon, lexicon, rows_for_form

IDN_HEAD_START = 2  # main-country bonus for Indonesia in Indonesian-language articles
IGO_SECTORS = frozenset({"IGO", "NGO"})
# Regions name no single country: an actor or place there gets none (the agent lexicons
# list them too, so that "Laut China Selatan" is not read as China)
REGIONS = frozenset(
    {
        "asia", "eropa", "europe", "afrika", "africa", "amerika latin", "latin america",
        "timur tengah", "middle east", "asia tenggara", "southeast asia", "asia pasifik",
        "asia pacific", "pasifik", "pacific", "laut china selatan", "south china sea",
        "eropa barat", "western europe", "afrika utara", "north africa",
    }
)  # fmt: skip
PERSON_KINDS = frozenset({"person", "name", "head"})
# Titles and initials written with a dot the tokenizer splits off ("Prof. Andi", "Dr. X",
# "Gen. Y", "M. Yusuf"): that dot ends no clause. The view writes it as ABBREV_DOT.
ABBREVIATIONS = frozenset(
    """prof dr drs dra ir h hj kh ust mr mrs ms st jr sr gen lt col capt maj sgt rev gov sen
    rep pres brig cmdr adm no vs jan feb mar apr jun jul aug sep sept oct nov dec""".split()
) | frozenset("abcdefghijklmnopqrstuvwxyz")
ABBREV_DOT = "<.>"


@dataclass(slots=True)
class Mention:
    start: int  # token index
    end: int  # token index, exclusive
    actor: Actor
    kind: str  # person | group | org | country | place | name
    origin: str  # entity | country | agent | pronoun | name
    generic: bool = False  # its country comes from the article's main country
    label: str = ""  # entity label when origin is entity
    rule: str = ""  # lexicon row that made it (agents)
    antecedent: Mention | None = None  # for pronouns
    partners: list[Mention] = field(default_factory=list)  # "mereka" after "A dan B": [B]

    @property
    def is_state(self) -> bool:
        return self.kind == "country" or (self.actor.sector or "") in STATE_SECTORS


STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "IGO"})


@dataclass(slots=True)
class TokenView:
    """Per-token columns computed once per article (lower-case, lemma, capitalised, ...)."""

    low: list[str]
    lem: list[str]
    cap: list[bool]
    starts: list[int]
    text: list[str]
    poss: list[bool] = field(default_factory=list)  # English possessive "'s" on the token
    quote_of: list[int] = field(default_factory=list)  # index into article.quotes or -1
    trig_at: list[int] = field(default_factory=list)  # tokens where a trigger may start
    actor_at: list[int] = field(default_factory=list)  # where an agent/country/pronoun may
    # each token's analysed form (``TokenForm``); the rarely read columns (folded form,
    # MAY_* bits) are read from it at the few positions that need them, not copied out
    forms: list[TokenForm] = field(default_factory=list)
    tokens: list = field(default_factory=list)  # the article's tokens

    def fold_at(self, i: int) -> str:
        """The folded form of token ``i``."""
        return self.forms[i][4]

    def end(self, i: int) -> int:
        """The end offset of token ``i``."""
        return self.tokens[i].end


@lru_cache(maxsize=50_000)
def _lemma_en(word: str) -> str:
    return simplemma.lemmatize(word, lang="en").lower()


@lru_cache(maxsize=300_000)
def _fold_token(text: str) -> str:
    from ..textutil import fold

    return fold(text)


def _strip_possessive(text: str) -> str:
    """ "Israel's" -> "Israel", "junta’s" -> "junta" (the tokenizer keeps the clitic on)."""
    if len(text) > 3 and text[-2:] in ("'s", "’s"):
        return text[:-2]
    return text


@lru_cache(maxsize=2)
def _actor_starts(lang: str) -> frozenset[str]:
    """Every word an agent, a country name or a pronoun can start with (one set lookup
    per token decides whether to look closer)."""
    lex = lexicon(lang)
    cues = lex.cues
    words = set(lex.agents) | set(lex.country_first)
    if lang == "en":
        words |= {name for name in lex.countries if " " not in name}
    return frozenset(words | cues["pron_person"] | cues["pron_group"] | cues["pron_first"])


# word form -> (lower-case, folded, capitalised): computed once per word type, not per token
_FORM_INFO: dict[str, tuple[str, str, bool]] = {}


def _form_info(text: str) -> tuple[str, str, bool]:
    low = text.lower()
    # folding (accents, punctuation) only changes the rare non-plain word
    info = (low, low if low.isalnum() and low.isascii() else _fold_token(low), text[:1].isupper())
    if len(_FORM_INFO) < 500_000:
        _FORM_INFO[text] = info
    return info


# token text -> everything the view needs of that token, per language: (view text,
# possessive, lower, lemma, folded, capitalised, may start a trigger, may start an actor,
# the token's lemma, which mention finders may succeed: MAY_* bits). A text seen with another lemma is looked up by (text, lemma).
# Bounded like the other per-form caches; a full cache only stops storing.
TokenForm = tuple[str, bool, str, str, str, bool, bool, bool, "str | None", int]
_TOKEN_FORMS: dict[str, dict[str, TokenForm]] = {"id": {}, "en": {}}
_OTHER_LEMMA: dict[str, dict[tuple[str, str | None], TokenForm]] = {"id": {}, "en": {}}
_MAX_TOKEN_FORMS = 300_000


def _token_form(
    lang: str, text: str, lemma: str | None, trigger_form: Callable[[str, str, str], bool]
) -> TokenForm:
    """The per-form answers ``make_view`` needs, computed once per distinct form."""
    other = _OTHER_LEMMA[lang]
    form = other.get((text, lemma))
    if form is not None:
        return form
    if lang == "en":
        vtext = _strip_possessive(text)
        poss = len(vtext) != len(text)
        lem = _lemma_en(vtext.lower()) if poss else (lemma or text).lower()
    else:
        vtext, poss = text, False
        lem = (lemma or text).lower()
    low, fold, cap = _FORM_INFO.get(vtext) or _form_info(vtext)
    starts = _actor_starts(lang)
    form = (
        vtext,
        poss,
        low,
        lem,
        fold,
        cap,
        trigger_form(lang, low, lem),
        low in starts or lem in starts or fold in starts,
        lemma,
        _mention_kinds(lang, low, lem, fold, cap),
    )
    forms = _TOKEN_FORMS[lang]
    if text not in forms:
        if len(forms) < _MAX_TOKEN_FORMS:
            forms[text] = form
    elif len(other) < _MAX_TOKEN_FORMS:
        other[(text, lemma)] = form
    return form


MAY_COUNTRY, MAY_AGENT, MAY_PRONOUN = 1, 2, 4


def _mention_kinds(lang: str, low: str, lem: str, fold: str, cap: bool) -> int:
    """Which mention finders can succeed at a word form (the same first tests as
    ``ActorFinder._country_at``, ``_agent_at`` and ``_pronoun_at``), as a bit mask."""
    lex = lexicon(lang)
    kinds = 0
    if cap and (
        lex.country_first.get(fold)
        or (lang == "en" and lem != low and _fold_token(lem) in lex.countries)
    ):
        kinds |= MAY_COUNTRY
    if lex.agents.get(low) or (lem != low and lex.agents.get(lem)):
        kinds |= MAY_AGENT
    cues = lex.cues
    if low in cues["pron_person"] or low in cues["pron_group"] or low in cues["pron_first"]:
        kinds |= MAY_PRONOUN
    return kinds


def make_view(article: Article, trigger_form: Callable[[str, str, str], bool]) -> TokenView:
    """The article's tokens as parallel per-token lists. Each distinct token form is
    analysed once per process (one dict lookup per token after that); the columns are
    then cut out in C. ``trigger_form(lang, low, lemma)`` says whether a trigger may start
    at a form (the extractor's own per-form cache)."""
    toks = article.tokens
    lang = "en" if article.lang == "en" else "id"
    get = _TOKEN_FORMS[lang].get
    forms = [
        f
        if (f := get(t.text)) is not None and f[8] == t.lemma
        else _token_form(lang, t.text, t.lemma, trigger_form)
        for t in toks
    ]
    low = list(map(_COL_LOW, forms))
    k = 0
    try:
        while True:  # only the "." tokens are visited (list.index runs in C)
            k = low.index(".", k + 1)
            if low[k - 1] in ABBREVIATIONS:
                low[k] = ABBREV_DOT  # "Prof. Andi": no sentence stop for the argument scans
    except ValueError:
        pass
    n = len(toks)
    view = TokenView(
        low=low,
        lem=list(map(_COL_LEM, forms)),
        cap=list(map(_COL_CAP, forms)),
        starts=list(map(_START, toks)),
        text=list(map(_COL_TEXT, forms)) if lang == "en" else list(map(_TEXT, toks)),
        poss=list(map(_COL_POSS, forms)) if lang == "en" else [False] * n,
        forms=forms,
        tokens=toks,
    )
    view.trig_at = list(compress(range(n), map(_COL_TRIG, forms)))
    view.actor_at = list(compress(range(n), map(_COL_ACTOR, forms)))
    quote_of = [-1] * n
    for qi, q in enumerate(article.quotes):
        if q.end <= q.start:
            continue
        a = bisect.bisect_left(view.starts, q.start)
        b = bisect.bisect_left(view.starts, q.end)
        quote_of[a:b] = [qi] * (b - a)  # one slice, not a Python loop over the quote
    view.quote_of = quote_of
    return view


_COL_TEXT, _COL_POSS, _COL_LOW, _COL_LEM, _COL_FOLD, _COL_CAP, _COL_TRIG, _COL_ACTOR = (
    itemgetter(k) for k in range(8)
)
_COL_KINDS = itemgetter(9)
_START = attrgetter("start")
_TEXT = attrgetter("text")
_LEMMA = attrgetter("lemma")


# (language, label, canonical, text, country, sector, KB id) of an entity -> what its
# mention needs: (name, country, sector, KB id, kind, generic). Once per distinct entity.
_EntityKey = tuple[str, str, str, str, "str | None", "str | None", "str | None"]
_ENTITY_FORMS: dict[_EntityKey, tuple[str, str | None, str | None, str | None, str, bool]] = {}


def _entity_mention(ent: Entity, a: int, b: int, lex: Lexicon) -> Mention:
    key = (lex.lang, ent.label, ent.canonical, ent.text, ent.country, ent.sector, ent.actor_id)
    form = _ENTITY_FORMS.get(key)
    if form is None:
        form = _entity_form(ent, lex)
        if len(_ENTITY_FORMS) < 100_000:
            _ENTITY_FORMS[key] = form
    name, country, sector, actor_id, kind, generic = form
    return Mention(
        a,
        b,
        Actor(name, country, sector, actor_id),
        kind,
        "entity",
        generic=generic,
        label=ent.label,
    )


def _entity_form(
    ent: Entity, lex: Lexicon
) -> tuple[str, str | None, str | None, str | None, str, bool]:
    country = ent.country
    kind = {"PERSON": "person", "ORG": "org", "PLACE": "place"}.get(ent.label, "org")
    if ent.label == "PLACE":
        cc = (
            country_code(ent.canonical)
            or country_code(ent.text)
            or lex.countries.get(_fold_token(ent.canonical))
            or lex.countries.get(_fold_token(ent.text))
        )
        if cc:
            country, kind = cc, "country"
    country = ISO_FIXES.get(country, country) if country else None
    generic = (
        country is None
        and ent.sector not in IGO_SECTORS
        and _fold_token(ent.canonical or ent.text) not in REGIONS
    )
    return ent.canonical or ent.text, country, ent.sector, ent.actor_id, kind, generic


_NAME_STOP = frozenset(
    """
    the a an in on at for to of and but or if as by with from after before since while when
    this that these those it its he she they we i you his her their our there here what who
    yang dan di ke dari pada dalam untuk dengan oleh itu ini ia dia mereka kami kita saya
    namun tetapi sementara selain menurut sebelumnya sesudahnya kemudian lalu saat ketika
    jika apabila bahkan juga tak tidak bukan belum sudah telah akan para sejumlah
    senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli
    agustus september oktober november desember monday tuesday wednesday thursday friday
    saturday sunday january february march may june july august october december
    prof dr ir drs h hj kh mr mrs ms sir pak bu bapak ibu kak bung
    """.split()
)
_NAME_LINK = frozenset({"bin", "binti", "al", "el", "van", "de", "der", "von", "da", "dos"})


@lru_cache(maxsize=100_000)
def _common_word(low: str, lang: str) -> bool:
    if low in _NAME_STOP:
        return True
    code = "en" if lang == "en" else "id"
    if simplemma.is_known(low, lang=code):
        return True
    return simplemma.lemmatize(low, lang=code) != low


@lru_cache(maxsize=50_000)
def _name_keys(canonical: str, lang: str) -> tuple[str, ...]:
    """The words of a full personal name that may stand for the person alone: its first
    and last word, when capitalised, 3+ letters and not a common word of the language."""
    parts = canonical.split()
    if len(parts) < 2:
        return ()
    keys = []
    for w in (parts[0], parts[-1]):
        low = w.lower()
        if len(low) >= 3 and w[:1].isupper() and not _common_word(low, lang):
            keys.append(low)
    return tuple(keys)


def _name_candidates(
    low: list[str], cap: list[bool], surnames: dict[str, Entity], names: bool
) -> list[int]:
    """Token indices where an untagged name (any capitalised word, when ``names``) or a
    short form of a full name (a word in ``surnames``) may start, found in C."""
    n = len(low)
    at_surname = list(compress(range(n), map(surnames.__contains__, low))) if surnames else []
    if not names:
        return at_surname
    at_cap = list(compress(range(n), cap))
    return sorted(set(at_cap).union(at_surname)) if at_surname else at_cap


def _may_merge(ms: list[Mention], en: bool) -> bool:
    """Can ``ActorFinder._merge_once`` join anything? Each of its rules needs an agent
    (in English also a country) before another mention."""
    for m in ms[:-1]:
        if m.origin == "agent" or (en and m.kind == "country"):
            return True
    return False


# (language, lower-case form, lemma) -> the agent rows that may start there, longest
# first (``lex.agents`` of the form, then of its lemma). Bounded; a full cache only stops
# storing.
_AGENT_ROWS: dict[tuple[str, str, str], list] = {}
_MAX_AGENT_ROWS = 100_000


def _agent_rows(lex: Lexicon, low: str, lem: str) -> list:
    return rows_for_form(_AGENT_ROWS, _MAX_AGENT_ROWS, lex.agents, (lex.lang, low, lem), low,
                         lem, _agent_size)


def _agent_size(row: AgentRow) -> int:
    return len(row.words)


class ActorFinder:
    """Finds and resolves actor mentions in one article."""

    def __init__(self, article: Article, view: TokenView, lex: Lexicon) -> None:
        self.article = article
        self.view = view
        self.lex = lex
        self.lang = lex.lang
        self.cues = lex.cues
        n = len(view.low)
        self.ent_at: list[Mention | None] = [None] * n
        self.ent_tokens: list[int] = []  # the tokens ent_at covers
        self._index_entities()
        self.use_names = not article.entities
        self.surnames = self._surnames()
        self.history: list[Mention] = []
        self.by_sentence: list[list[Mention]] = []
        self.main_country: str | None = None
        self.date_tokens = self._date_tokens()
        # the country last given to a generic actor word ("Myanmar's junta" ... "the junta")
        self.agent_country: dict[str, str] = {}
        self.last_pair: tuple[Mention, Mention, int] | None = None
        # a mention right after one of these is inside a prepositional phrase: subjects
        # and objects, not such mentions, are what later pronouns refer to
        self._pp_words = (
            self.cues["place_preps"] | self.cues["target_preps"] | self.cues["agent_preps"]
        )

    def _index_entities(self) -> None:
        starts = self.view.starts
        for ent in self.article.entities:
            a = bisect.bisect_left(starts, ent.start)
            b = bisect.bisect_left(starts, ent.end)
            if a >= b or a >= len(starts):
                continue
            if self.ent_at[a:b].count(None) != b - a:
                continue
            m = _entity_mention(ent, a, b, self.lex)
            self.ent_at[a:b] = [m] * (b - a)
            self.ent_tokens.extend(range(a, b))

    def _surnames(self) -> dict[str, Entity]:
        """One word of a person's full name standing for the person ("Wanda" after "Maria
        Wanda"; Indonesian papers also use the first name: "Budi" for "Budi Hartono") where
        the entities stage left that word untagged. A word two people share means neither."""
        out: dict[str, Entity] = {}
        clash: set[str] = set()
        seen: set[str] = set()
        lang = self.lang
        for ent in self.article.entities:
            canon = ent.canonical
            if ent.label != "PERSON" or not canon or canon in seen:
                continue
            seen.add(canon)
            for low in _name_keys(canon, lang):
                if low in out:
                    clash.add(low)
                else:
                    out[low] = ent
        for w in clash:
            del out[w]
        return out

    def _date_tokens(self) -> set[int]:
        out: set[int] = set()
        starts = self.view.starts
        for d in self.article.dates:
            a = bisect.bisect_left(starts, d.start)
            b = bisect.bisect_left(starts, d.end)
            out.update(range(a, b))
        return out

    # -- finding -------------------------------------------------------------------------

    def find_all(self, active: list[bool] | None = None) -> list[list[Mention]]:
        """Mentions of every sentence. Sentences marked inactive (no trigger can start in
        them) only contribute their entities, as antecedents and to the main country:
        scanning their words for generic actors would find nothing to code."""
        v = self.view
        # where a mention may start: words an agent, a country or a pronoun may start with
        # (a per-form answer of the view), entities, and (rarer) untagged names and short
        # forms of full names
        where = v.actor_at
        if self.ent_tokens:
            where = sorted(set(where).union(self.ent_tokens))
        if self.use_names or self.surnames:
            more = _name_candidates(v.low, v.cap, self.surnames, self.use_names)
            if more:
                where = sorted(set(where).union(more))
        if active is None:
            cand = where
        else:
            cand = []
            for si, sent in enumerate(self.article.sentences):
                if active[si]:
                    a = bisect.bisect_left(where, sent.tok_start)
                    b = bisect.bisect_left(where, sent.tok_end)
                    cand.extend(where[a:b])
        self.cand = cand
        for si, sent in enumerate(self.article.sentences):
            if active is None or active[si]:
                self.by_sentence.append(self.find(sent.tok_start, sent.tok_end))
            else:
                self.by_sentence.append(self._entities_only(sent.tok_start, sent.tok_end))
        self.main_country = self._main_country()
        self._fill_generic()
        return self.by_sentence

    def find(self, s: int, e: int) -> list[Mention]:
        out: list[Mention] = []
        cand = self.cand
        surnames, low, cap, forms = self.surnames, self.view.low, self.view.cap, self.view.forms
        c = bisect.bisect_left(cand, s)
        nc = len(cand)
        i = s
        while True:
            while c < nc and cand[c] < i:
                c += 1
            if c >= nc or cand[c] >= e:
                break
            i = cand[c]
            ent = self.ent_at[i]
            if ent is not None and self._money(ent.start, ent.end):
                i = ent.end
                continue
            if ent is not None:
                if ent.start == i:
                    out.append(self._from_entity(ent, e))
                i = (
                    out[-1].end
                    if out and out[-1].start == i
                    else (ent.end if ent.end > i else i + 1)
                )
                continue
            if surnames and low[i] in surnames and cap[i]:
                out.append(_entity_mention(surnames[low[i]], i, i + 1, self.lex))
                i += 1
                continue
            mk = forms[i][9]  # which finders can succeed at this word form (MAY_* bits)
            m = self._country_at(i, e) if mk & MAY_COUNTRY else None
            a = self._agent_at(i, e) if mk & MAY_AGENT else None
            if a is not None and (m is None or a.end > m.end):
                m = a  # "Laut China Selatan" is a sea, not China
            if m is None and mk & MAY_PRONOUN:
                m = self._pronoun_at(i)
            if m is None and self.use_names:
                m = self._name_at(i, e, s)
            if m is not None:
                out.append(m)
                i = m.end
            else:
                i += 1
        out = self._merge(out, s, e)
        coord = self.cues["coordinators"]
        for x, y in zip(out, out[1:], strict=False):
            # "A dan B" (two actors joined): a later "mereka"/"they" means both
            if y.start == x.end + 1 and self.view.low[x.end] in coord and x.origin != "pronoun":
                self.last_pair = (x, y, len(self.history))
        for m in out:
            origin = m.origin
            if origin == "entity":
                if m.actor.country and m.end - m.start > 1:
                    head = self.view.lem[m.end - 1]
                    if head in self.lex.agents:  # "Mali's junta" (a KB name) ... "the junta"
                        self.agent_country[head] = m.actor.country
            elif origin == "agent":
                if m.actor.sector == "IGO" and m.end - m.start == 1:
                    self._igo_anaphor(m)
                head = self.view.lem[m.end - 1]
                if m.actor.country and not m.generic:
                    self.agent_country[head] = m.actor.country
                elif m.generic and head in self.agent_country:
                    m.actor.country = self.agent_country[head]
                    m.generic = False
            elif origin == "pronoun":
                self._resolve(m)
            if m.start > 0 and self.view.low[m.start - 1] in self._pp_words:
                continue  # "bertemu di Seoul", "dilansir dari X": no antecedent of "mereka"
            if m.origin != "pronoun" or m.antecedent is not None:
                self.history.append(m)
        return out

    def _igo_anaphor(self, m: Mention) -> None:
        """ "the bloc", "organisasi itu": the international organisation last named."""
        anaphors = self.cues["igo_anaphors"]
        if self.view.low[m.start] not in anaphors:
            return
        for h in reversed(self.history[-12:]):
            if h.actor.sector == "IGO" and h.kind == "org" and h.actor.name.lower() not in anaphors:
                m.actor, m.antecedent = h.actor, h
                return

    def _entities_only(self, s: int, e: int) -> list[Mention]:
        out = []
        i = s
        ent_at = self.ent_at
        while i < e:
            ent = ent_at[i]
            if ent is None or ent.start != i or self._money(ent.start, ent.end):
                i += 1
                continue
            m = self._from_entity(ent, e)
            out.append(m)
            if not (m.start > 0 and self.view.low[m.start - 1] in self._pp_words):
                self.history.append(m)
            i = max(m.end, i + 1)
        return out

    def _from_entity(self, ent: Mention, e: int) -> Mention:
        """An entity mention, unless a country name or an international organisation from
        the lexicons covers the same words (those lists are unambiguous; a KB link with
        no country there is usually a wrong link)."""
        i = ent.start
        if ent.actor.country is None:
            mine = self._country_at(i, e) or self._agent_at(i, e)
            if (
                mine is not None
                and mine.end >= ent.end
                and (mine.kind == "country" or mine.actor.sector in IGO_SECTORS)
            ):
                return mine
            if mine is not None and mine.end == ent.end and mine.actor.country:
                # a national institution the KB left without a country ("Istana Negara")
                return replace(
                    ent, actor=replace(ent.actor, country=mine.actor.country), generic=False
                )
            # "Menlu Myanmar", "Kedutaan Besar AS": a country inside the entity's name
            for k in range(ent.start, ent.end):
                inner = self._country_at(k, ent.end)
                if inner is not None:
                    return replace(
                        ent, actor=replace(ent.actor, country=inner.actor.country), generic=False
                    )
        return ent  # made for this article and visited once: no copy needed

    def _money(self, i: int, j: int) -> bool:
        """ "dolar Singapura", "US$1 million": a country name in a currency."""
        v = self.view
        return (i > 0 and v.low[i - 1] in self.cues["currency"]) or (
            j < len(v.low) and v.low[j] == "$"
        )

    def _country_at(self, i: int, e: int) -> Mention | None:
        v = self.view
        f = v.forms[i][4]
        maxlen = self.lex.country_first.get(f)
        if not maxlen and self.lang == "en" and v.lem[i] != v.low[i]:
            f = _fold_token(v.lem[i])  # plural demonyms: "Palestinians", "Nigerians"
            maxlen = 1 if f in self.lex.countries else 0
        if not maxlen or not v.cap[i]:
            return None
        if self._money(i, i + 1):
            return None
        for n in range(min(maxlen, e - i), 0, -1):
            key = " ".join([f, *map(_COL_FOLD, v.forms[i + 1 : i + n])]) if n > 1 else f
            code = self.lex.countries.get(key)
            if code is None:
                continue
            surface = v.text[i]
            # short all-caps press forms ("AS", "US", "RI") only when written in capitals
            if n == 1 and len(f.replace(" ", "")) <= 3 and not surface.replace(".", "").isupper():
                return None
            name = " ".join(v.text[i : i + n])
            return Mention(i, i + n, Actor(name, code, "GOV"), "country", "country")
        return None

    def _agent_at(self, i: int, e: int) -> Mention | None:
        v = self.view
        for row in _agent_rows(self.lex, v.low[i], v.lem[i]):
            n = len(row.words)
            if i + n > e:
                continue
            # the first word matches by construction (rows are found by it)
            if n == 1 or all(
                w == v.low[i + k] or w == v.lem[i + k] for k, w in enumerate(row.words)
            ):
                # a lower-case common noun written in capitals mid-sentence is usually part
                # of a name ("Partai Demokrat"): the entities stage owns those
                name = v.text[i] if n == 1 else " ".join(v.text[i : i + n])
                if row.kind == "pair":  # "kedua negara": resolved like a plural pronoun
                    return Mention(i, i + n, Actor(name), "group", "pronoun", rule=row.rule)
                actor = Actor(name, row.country, row.sector or None)
                generic = (
                    row.country is None and row.sector not in IGO_SECTORS and row.kind != "place"
                )
                return Mention(i, i + n, actor, row.kind, "agent", generic=generic, rule=row.rule)
        return None

    def _pronoun_at(self, i: int) -> Mention | None:
        low = self.view.low[i]
        cues = self.cues
        if low in cues["pron_person"]:
            kind = "person"
        elif low in cues["pron_group"]:
            kind = "group"
        elif low in cues["pron_first"]:
            kind = "first"
        else:
            return None
        return Mention(i, i + 1, Actor(self.view.text[i]), kind, "pronoun")

    def _name_at(self, i: int, e: int, s: int) -> Mention | None:
        v = self.view
        if not v.cap[i] or not v.text[i][:1].isalpha() or i in self.date_tokens:
            return None
        if _common_word(v.low[i], self.lang):
            return None
        j = i + 1
        while j < e and j not in self.date_tokens:
            if v.cap[j] and v.text[j][:1].isalpha() and not _common_word(v.low[j], self.lang):
                j += 1
            elif v.low[j] in _NAME_LINK and j + 1 < e and v.cap[j + 1]:
                j += 1
            else:
                break
        name = " ".join(v.text[i:j])
        return Mention(i, j, Actor(name), "name", "name", generic=True)

    # -- merging adjacent pieces into one actor -----------------------------------------

    def _merge(self, ms: list[Mention], s: int, e: int) -> list[Mention]:
        """Adjacent pieces of one actor made one mention; merging again while pieces join
        ("ketua" + "partai X", then + ", Budi Hartono": the person)."""
        if len(ms) < 2 or not _may_merge(ms, self.lang == "en"):
            return ms  # every merge rule starts at an agent (English: also a country)
        for n in range(3):
            if len(ms) < 2:
                return ms
            merged = self._merge_once(ms, names_only=n > 0)
            if len(merged) == len(ms) or not any(
                x.origin == "agent" and x.kind in ("person", "head") for x in merged[:-1]
            ):
                return merged  # nothing more can join (later passes join titles only)
            ms = merged
        return ms

    def _after_paren(self, ms: list[Mention], i: int, m: Mention) -> tuple[int, int]:
        """ "Menteri Luar Negeri (Menlu) Kenya", "Presiden Korea Selatan (Korsel) X": an
        abbreviation in parentheses right after a mention is skipped when merging. Returns
        (index in ``ms`` of the mention after it, token where the gap to it starts)."""
        v = self.view
        k = m.end
        if k >= len(v.low) or v.low[k] != "(":  # the common case: no parenthesis
            return i + 1, k
        for c in range(k + 1, min(len(v.low), k + 5)):
            if v.low[c] == ")":
                j = i + 1
                while j < len(ms) and ms[j].end <= c:
                    j += 1
                if j < len(ms) and ms[j].start == c + 1:
                    return j, c + 1
                return i + 1, k
        return i + 1, k

    def _merge_once(self, ms: list[Mention], names_only: bool = False) -> list[Mention]:
        """One pass of merges; later passes only join a title with the personal name or
        the organisation that follows it, so a merged title takes its name ("ketua
        partai X, Budi Hartono"; "a member of the Kenyan senate, X") without growing
        long chains of generic words ("fans of the French club")."""
        v = self.view
        out: list[Mention] = []
        i = 0
        low = v.low
        while i < len(ms):
            m = ms[i]
            if m.end < len(low) and low[m.end] == "(":
                ni, gs = self._after_paren(ms, i, m)
            else:
                ni, gs = i + 1, m.end
            nxt = ms[ni] if ni < len(ms) else None
            # "pejabat Rusia", "Menlu Iran", "Kementerian Luar Negeri Malaysia" (id) ;
            # "the foreign minister of Kenya", "police in Jakarta" (en)
            if (
                nxt is not None
                and not names_only
                and m.origin == "agent"
                and nxt.origin == "pronoun"
                and nxt.rule
                and v.low[gs : nxt.start] in ([], ["of"])
            ):
                # "the defence chiefs of both nations", "Menhan kedua negara": the pair
                m = replace(
                    nxt,
                    start=m.start,
                    actor=replace(nxt.actor, name=" ".join(v.text[m.start : nxt.end])),
                )
                i = ni
                ni, gs = self._after_paren(ms, i, m)
                nxt = ms[ni] if ni < len(ms) else None
            if nxt is not None and names_only:
                pass
            elif nxt is not None and m.origin == "agent" and nxt.kind in ("country", "place"):
                gap = v.low[gs : nxt.start]
                ok = not gap if self.lang != "en" else gap in (["of"], ["in"], ["from"])
                if self.lang != "en" and gap == ["dari"]:
                    ok = True
                if ok and nxt.actor.country:
                    m = replace(
                        m,
                        end=nxt.end,
                        actor=replace(
                            m.actor,
                            name=" ".join(v.text[m.start : nxt.end]),
                            country=nxt.actor.country,
                        ),
                        generic=False,
                    )
                    i = ni
                    ni, gs = self._after_paren(ms, i, m)
                    nxt = ms[ni] if ni < len(ms) else None
            # "Russian officials", "Kenya's anti-graft agency", "US forces" (en)
            if (
                nxt is not None
                and not names_only
                and self.lang == "en"
                and m.kind == "country"
                and nxt.origin == "agent"
                and v.low[gs : nxt.start] in ([], ["'s"], ["’s"], ["'"])
            ):
                m = replace(
                    nxt,
                    start=m.start,
                    actor=replace(
                        nxt.actor, name=" ".join(v.text[m.start : nxt.end]), country=m.actor.country
                    ),
                    generic=False,
                )
                i = ni
                ni, gs = self._after_paren(ms, i, m)
                nxt = ms[ni] if ni < len(ms) else None
            # English compounds of two generic actors: "junta leaders", "army chief"
            if (
                nxt is not None
                and not names_only
                and self.lang == "en"
                and m.origin == "agent"
                and nxt.origin == "agent"
                and nxt.start == m.end
            ):
                country = m.actor.country or nxt.actor.country
                igo = m.actor.sector in IGO_SECTORS  # "EU trade ministers": no country
                m = replace(
                    nxt,
                    start=m.start,
                    actor=replace(
                        nxt.actor,
                        name=" ".join(v.text[m.start : nxt.end]),
                        country=country,
                        sector=m.actor.sector if igo else nxt.actor.sector,
                    ),
                    generic=country is None and not igo,
                )
                i = ni
                ni, gs = self._after_paren(ms, i, m)
                nxt = ms[ni] if ni < len(ms) else None
            # a title before a personal name: "Menlu Retno", "Presiden Joko Widodo",
            # "French Foreign Minister Jean Dupont"
            if (
                nxt is not None
                and m.origin == "agent"
                and m.kind in ("person", "head")
                and nxt.kind in ("person", "name")
                and nxt.origin in ("entity", "name")
                and v.low[gs : nxt.start] in ([], [","])
            ):
                country = nxt.actor.country or (m.actor.country if not m.generic else None)
                actor = replace(
                    nxt.actor, sector=nxt.actor.sector or m.actor.sector, country=country
                )
                m = replace(
                    nxt, start=m.start, actor=actor, generic=country is None and nxt.generic
                )
                i = ni
            # a generic actor or a head before the organisation or place it belongs to:
            # "Ketua KPK", "pimpinan DPR RI", "KKB Papua", "the head of the agency"
            elif (
                nxt is not None
                and m.origin == "agent"
                and (not names_only or m.kind == "head")
                and nxt.kind in ("org", "place", "name", "group")
                and nxt.origin != "pronoun"
                and (v.low[gs : nxt.start] in ([], ["of"], ["of", "the"]))
                and (self.lang != "en" or nxt.start > m.end or m.kind == "head")
            ):
                head = m.kind == "head"
                country = nxt.actor.country or m.actor.country
                actor = Actor(
                    " ".join(v.text[m.start : nxt.end]),
                    country,
                    (nxt.actor.sector or m.actor.sector)
                    if head
                    else (m.actor.sector or nxt.actor.sector),
                    nxt.actor.actor_id if head else None,
                )
                generic = country is None and (m.generic or nxt.generic)
                kind = "person" if m.kind in ("person", "head") else m.kind
                m = Mention(m.start, nxt.end, actor, kind, "agent", generic=generic, rule=m.rule)
                i = ni
            out.append(m)
            i += 1
        return out

    # -- pronouns -------------------------------------------------------------------------

    def _resolve(self, m: Mention) -> None:
        if m.kind == "first":
            qi = self.view.quote_of[m.start]
            if qi < 0:
                return
            speaker = self.article.quotes[qi].speaker
            if not speaker:
                return
            for h in reversed(self.history):
                if h.actor.name == speaker or speaker in h.actor.name:
                    m.antecedent = h
                    m.actor = h.actor
                    return
            m.actor = Actor(speaker)
            m.generic = True
            m.antecedent = m
            return
        pair = self.last_pair
        if m.rule and pair is not None and len(self.history) - pair[2] <= 16:
            # "kedua negara", "the two", "both nations" name two actors: the last pair named
            m.antecedent, m.actor, m.partners = pair[0], pair[0].actor, [pair[1]]
            m.generic = False
            return
        if m.kind == "group" and pair is not None and self._pair_current(pair):
            m.antecedent, m.actor, m.partners = pair[0], pair[0].actor, [pair[1]]
            m.generic = False
            return
        want = PERSON_KINDS if m.kind == "person" else {"group", "org", "country", "head"}
        for h in reversed(self.history[-12:]):
            if h.kind in want or (m.kind == "person" and h.label == "PERSON"):
                m.antecedent = h
                m.actor = h.actor
                m.generic = False
                return

    def _pair_current(self, pair: tuple[Mention, Mention, int]) -> bool:
        """Is "A dan B" still what a plural pronoun means? Yes while no other plural or
        collective actor has been named since ("A dan B bertemu sebelum A menjadi
        presiden, mereka ...": the singular mentions between do not count)."""
        since = self.history[pair[2] :]
        if len(since) > 8:
            return False
        names = {pair[0].actor.name, pair[1].actor.name}
        return not any(
            h.kind in ("group", "org", "country") and h.actor.name not in names for h in since
        )

    # -- countries for generic actors -----------------------------------------------------

    def _main_country(self) -> str | None:
        counts: Counter[str] = Counter()
        for ms in self.by_sentence:
            for m in ms:
                if m.origin != "pronoun" and m.actor.country and not m.generic:
                    counts[m.actor.country] += 1
        if self.lang != "en":
            counts["IDN"] += IDN_HEAD_START
        if not counts:
            return None
        return counts.most_common(1)[0][0]

    def _fill_generic(self) -> None:
        main = self.main_country
        if main is None:
            return
        for ms in self.by_sentence:
            for m in ms:
                if m.generic and not m.actor.country:
                    m.actor.country = main


def actor_label(actor: Actor | dict | None) -> str:
    """ "Indonesia (GOV)" for the terminal report; "-" for no actor."""
    if actor is None:
        return "-"
    if isinstance(actor, dict):
        name, country, sector = actor.get("name"), actor.get("country"), actor.get("sector")
    else:
        name, country, sector = actor.name, actor.country, actor.sector
    label = name or (display_name(country) if country else "?")
    extra = ", ".join(
        x for x in (country if country and country not in (label or "") else None, sector) if x
    )
    return f"{label} ({extra})" if extra else str(label)
