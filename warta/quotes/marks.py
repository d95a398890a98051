"""Find the spans of text inside quotation marks, in every common quote style.

Styles read: “…” (English, Indonesian), „…“ and „…” (German, Dutch, Polish), "…" (straight),
'…' and ‘…’ (single, British and nested), «…» and ‹…› (French, Russian, Swiss), »…«
(Danish, German books) and ”…” (Swedish, Finnish, and careless typing).

One pass over the marks with a small state machine. Whether a mark opens or closes is read
from its neighbours (a mark before a word opens, a mark after a word closes), so that
straight quotes pair up and an apostrophe inside a word ("Jum'at", "don't") is never taken
for a quote. Double marks are paired first; single marks are paired only outside double
quotes (inside they are nested quotes and belong to the outer one).

A quote that runs over several paragraphs is one span when each new paragraph reopens it
and the previous one is left open — the convention of English and Indonesian newspapers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_NEUTRAL = '"'
DOUBLE = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_NEUTRAL
SINGLE_OPEN = "‘‚‹"
SINGLE_CLOSE = "’›"
SINGLE_NEUTRAL = "'"
SINGLE = SINGLE_OPEN + SINGLE_CLOSE + SINGLE_NEUTRAL
ALL_MARKS = DOUBLE + SINGLE

_DOUBLE_RE = re.compile(r'["“”„«»]')
_SINGLE_RE = re.compile(r"['‘’‚‹›]")
# Characters after which a mark may open a quote (besides space and line start).
_OPEN_AFTER = set("([{—–-/:;,…") | set(ALL_MARKS)
# Characters before which a mark may close a quote (besides space and line end).
_CLOSE_BEFORE = set(".,;:!?)]}—–-…/") | set(ALL_MARKS)


@dataclass(slots=True)
class QuoteSpan:
    """A quotation: the marks and the quoted text between them (possibly several paragraphs).

    ``open``/``close`` are the offsets of the first opening and the last closing mark
    (``close`` is ``None`` when the quote was never closed); ``parts`` are the
    ``(start, end)`` spans of the quoted text, one per paragraph.
    """

    open: int
    close: int | None
    parts: list[tuple[int, int]] = field(default_factory=list)
    double: bool = True

    @property
    def start(self) -> int:
        return self.parts[0][0] if self.parts else self.open + 1

    @property
    def end(self) -> int:
        return self.parts[-1][1] if self.parts else self.open + 1

    @property
    def after(self) -> int:
        """The offset just after the closing mark (or the end of the last paragraph)."""
        return self.close + 1 if self.close is not None else self.end

    def text(self, source: str) -> str:
        return "\n".join(source[a:b].strip() for a, b in self.parts if b > a)


def _flanks(text: str, i: int) -> tuple[bool, bool]:
    """(can open, can close) for the mark at ``i``, from its neighbours."""
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    can_open = not nxt.isspace() and (prev.isspace() or prev in _OPEN_AFTER)
    can_close = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_BEFORE)
    return can_open, can_close


def _paragraph_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j


def _next_paragraph_start(text: str, i: int) -> int:
    """The first non-space offset after the newline at or after ``i`` (len(text) if none)."""
    j = _paragraph_end(text, i)
    n = len(text)
    while j < n and text[j].isspace():
        j += 1
    return j


def _scan(
    text: str, marks: list[int], opens: str, closes: str, neutral: str, double: bool
) -> list[QuoteSpan]:
    """Pair the marks at the given offsets into quote spans."""
    out: list[QuoteSpan] = []
    cur: QuoteSpan | None = None
    seg_start = 0
    k = 0
    n_marks = len(marks)
    while k < n_marks:
        i = marks[k]
        k += 1
        if cur is not None:
            para_end = _paragraph_end(text, seg_start)
            if i > para_end:
                # The quote is still open at the end of its paragraph.
                cur.parts.append((seg_start, para_end))
                nxt = _next_paragraph_start(text, para_end)
                reopen = _reopens(text, nxt, opens + neutral)
                if reopen and i == nxt:
                    # The new paragraph reopens the quote: it goes on, and this mark is
                    # only the reopening one.
                    seg_start = i + 1
                    continue
                if i < _paragraph_end(text, nxt) and _first_mark_closes(text, i, nxt, closes + neutral):
                    # The quote closes in the next paragraph: one quote over a line break.
                    seg_start = nxt
                else:
                    out.append(_finish(cur, None))
                    cur = None
        ch = text[i]
        can_open, can_close = _flanks(text, i)
        if not double and _is_apostrophe(text, i):
            continue
        if cur is None:
            if (can_open or not can_close) if ch in opens or ch in neutral else (
                can_open and not can_close
            ):
                cur = QuoteSpan(open=i, close=None, double=double)
                seg_start = i + 1
            continue
        # A quote is open: a closing or straight mark closes it; an opening mark closes it
        # when it stands after a word („…“ in German, “…“ by a slip of the keyboard), and
        # otherwise starts a new quote: the old one was never closed and is dropped rather
        # than guessed at.
        if ch in opens and not (can_close and not can_open):
            cur = QuoteSpan(open=i, close=None, double=double)
            seg_start = i + 1
            continue
        if not double and _possessive(text, i) and _closes_later(text, marks, k, i):
            continue  # "the workers' camp": an apostrophe, the quote closes further on
        cur.parts.append((seg_start, i))
        out.append(_finish(cur, i))
        cur = None
    if cur is not None:
        cur.parts.append((seg_start, _paragraph_end(text, seg_start)))
        out.append(_finish(cur, None))
    return [q for q in out if q.parts and any(b > a for a, b in q.parts)]


def _finish(q: QuoteSpan, close: int | None) -> QuoteSpan:
    q.close = close
    q.parts = [(a, b) for a, b in q.parts if b > a]
    return q


def _reopens(text: str, i: int, opens: str) -> bool:
    return i < len(text) and text[i] in opens


def _first_mark_closes(text: str, i: int, para_start: int, closes: str) -> bool:
    """Is the mark at ``i`` the first mark of its paragraph, and a closing one?"""
    if text[i] not in closes:
        return False
    can_open, can_close = _flanks(text, i)
    if not can_close or can_open:
        return False
    between = text[para_start:i]
    return not any(c in ALL_MARKS for c in between)


def _possessive(text: str, i: int) -> bool:
    """A mark after a plural "s" and before a lower-case word ("the workers' camp")."""
    return (i > 0 and text[i - 1] in "sS" and i + 2 < len(text) and text[i + 1] == " "
            and text[i + 2].islower())


def _closes_later(text: str, marks: list[int], k: int, i: int) -> bool:
    """Is there another mark that can close, later in the same paragraph?"""
    end = _paragraph_end(text, i)
    for j in marks[k:]:
        if j >= end:
            return False
        if _flanks(text, j)[1] and not _is_apostrophe(text, j):
            return True
    return False


def _is_apostrophe(text: str, i: int) -> bool:
    """A single mark between two letters or digits ("Jum'at", "don't", "Ma’ruf")."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev.isalnum() and nxt.isalnum()


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All top-level quotations in ``text``, in order (nested ones belong to their outer one)."""
    doubles = [m.start() for m in _DOUBLE_RE.finditer(text)]
    spans = _scan(text, doubles, DOUBLE_OPEN, DOUBLE_CLOSE, DOUBLE_NEUTRAL, True) if doubles else []
    if "'" in text or "‘" in text or "’" in text or "‹" in text or "‚" in text:
        inside = [(q.open, q.after) for q in spans]
        singles = [
            m.start() for m in _SINGLE_RE.finditer(text)
            if not any(a <= m.start() < b for a, b in inside)
        ]
        if singles:
            # Single quotes must close in their paragraph: a lone ’ is far more often an
            # apostrophe ("workers’", "’90s") than an unclosed quote.
            found = [q for q in _scan(text, singles, SINGLE_OPEN, SINGLE_CLOSE, SINGLE_NEUTRAL, False)
                     if q.close is not None]
            spans = _drop_nested(sorted(spans + found, key=lambda q: q.open))
    return spans


def _drop_nested(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    for q in spans:
        if out and out[-1].open < q.open and q.after <= out[-1].after:
            continue
        out.append(q)
    return out
