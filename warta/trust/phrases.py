"""Find many fixed phrases in a text at C speed: one regex shaped as a word trie.

Python's ``re`` tries the branches of an alternation one after another at every position,
and ``re.IGNORECASE`` slows each try further; a list of a few thousand phrases ("Related
Press", "mengambil tempat", "pandemi covid-19") costs milliseconds per article that way.
A trie-shaped pattern shares the common prefixes, so each position costs a few character
tests, and matching lower-cased text avoids the case-insensitive mode.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def lower_same_length(text: str) -> str:
    """``text.lower()``, keeping offsets: characters whose lower case is longer ("İ") stay."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


_END = ""  # the trie key marking that a phrase ends at this node


def _char(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def _trie_pattern(node: dict[str, dict], after_first: str = "") -> str:
    """Regex for the character trie under ``node``: branches grouped by their first
    character, so the engine tests one character, not every phrase, at each step; runs of
    single children become plain literals. ``after_first`` goes right after the first
    character of each top-level branch."""
    branches = []
    for ch in sorted(k for k in node if k != _END):
        piece = _char(ch) + after_first
        child = node[ch]
        while len(child) == 1 and _END not in child:  # a chain: no choice to make
            (nxt,) = child
            piece += _char(nxt)
            child = child[nxt]
        if set(child) != {_END}:
            rest = _trie_pattern(child)
            piece += f"(?:{rest})?" if _END in child else rest
        branches.append(piece)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def phrase_regex(phrases: Iterable[str], *, lower: bool = True) -> re.Pattern[str]:
    """A regex finding any of ``phrases`` (words separated by any whitespace in the text) as
    whole words (not parts of hyphenated ones). With ``lower`` the phrases are lower-cased
    and the regex is meant for lower-cased text; without, case counts (faster on running
    text when the phrases start with a capital). At one position the longest phrase that
    ends on a word boundary wins."""
    root: dict[str, dict] = {}
    for p in phrases:
        key = " ".join((p.lower() if lower else p).split())
        if not key:
            continue
        node = root
        for ch in key:
            node = node.setdefault(ch, {})
        node[_END] = {}
    if not root:
        return re.compile(r"(?!x)x")  # matches nothing
    # A hyphen joins words: "bangsa" is not a whole word in "Bangsa-Bangsa". For phrases
    # with capitals, that test sits after the first character, as a two-character
    # look-behind: the pattern then begins with the trie's first characters (capitals,
    # rare in running text), which lets ``re`` skip in C every position where no phrase
    # can begin. (For lower-cased text, where nearly every position can begin one, the
    # look-behind first is faster.)
    if lower:
        return re.compile(r"(?<![\w-])" + _trie_pattern(root) + r"(?![\w-])")
    return re.compile(_trie_pattern(root, r"(?<![\w-][\s\S])") + r"(?![\w-])")


def normalise_space(phrase: str, *, lower: bool = True) -> str:
    """The key under which a matched phrase is looked up: single spaces (and lower case)."""
    return " ".join((phrase.lower() if lower else phrase).split())
