"""Direct and indirect quotes with speakers (issue 4). Fills ``article.quotes``.

The work is done by :mod:`warta.quotes`; this module registers it as a stage and hands it
the KB's dated roles. Speakers are linked to ``article.entities`` when the entities stage
found them (their ``canonical`` name and KB ``actor_id``); without entities, names are read
from the text.
"""

from __future__ import annotations

import logging

from ..config import Options
from ..doc import Article
from ..errors import KBError
from ..pipeline import register
from ..quotes import find_quotes
from ..quotes.extract import KBRoles

log = logging.getLogger(__name__)


def kb_roles(options: Options) -> KBRoles | None:
    """(actor id, day) → the (role key, country) pairs the KB gives the actor on that day;
    None when no KB can be loaded (quotes then resolve roles from the text alone)."""
    try:
        from ..kb.store import KB, load_kb

        kb = load_kb(options.kb_path, options.kb_overlays)
    except (ImportError, KBError) as err:
        log.warning("quotes: no KB for dated roles (%s); roles come from the text only", err)
        return None

    def roles(actor_id: str, day: str) -> list[tuple[str, str | None]]:
        return [(key, r.country) for r in kb.roles_on(actor_id, day) for key in KB.role_keys(r)]

    return roles


@register("quotes", requires=("sentences", "entities"), provides=("quotes",))
def make_quotes(options: Options):
    """Find quotes and attribute them to speakers."""
    roles = kb_roles(options)

    def quotes(article: Article) -> Article:
        article.quotes = find_quotes(article, roles)
        return article

    return quotes
