"""Trust flags: the article-level checks of warta.trust, then the stale-news score.

The entities stage has already added ``role_anachronism`` flags; this stage adds time
inconsistencies and translation/spinning traces, and sums everything up in
``article.trust`` (score and parts)."""

from __future__ import annotations

from ..config import Options
from ..doc import Article
from ..pipeline import register
from ..trust.names import known_org_names
from ..trust.score import stale_score
from ..trust.timeline import check_timeline
from ..trust.translation import (
    check_calques,
    check_name_slips,
    check_spun_names,
    check_untranslated_english,
)


@register("flags", requires=("entities", "dates"), provides=("flags",))
def make_flags(options: Options):
    """Add the article-level trust checks and the stale-news score."""
    anchors = tuple(options.anchor_files)

    def flags(article: Article) -> Article:
        found = check_timeline(article, anchors)
        found += check_spun_names(article, known_org_names())
        found += check_name_slips(article)
        found += check_untranslated_english(article)
        found += check_calques(article)
        article.flags.extend(found)
        article.trust = stale_score(article.flags)
        return article

    return flags
