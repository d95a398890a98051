"""Trust checks: is this article what it claims to be?

Each check looks at one analysed article and returns ``Flag`` records with a ``kind``, a
``message``, the ``evidence`` (the words and the facts used) and a ``confidence``:

- ``role_anachronism`` (added by the entities stage): a title the person did not hold on
  the article's date.
- ``time_inconsistency`` (:mod:`.timeline`): relative expressions anchored to dated world
  events, or the days the article names by weekday and date, imply a writing date far from
  the stated one.
- ``spun_name`` / ``name_slip`` / ``untranslated_english`` / ``mt_calque``
  (:mod:`.translation`): traces of machine translation and word spinning.
- ``copy_of_earlier`` (:mod:`.copies`, with a corpus database): a near-duplicate or a
  translation of this article was published earlier.

:mod:`.score` combines them into one stale-news score with its parts shown.
"""

from .score import WEIGHTS, stale_score  # noqa: F401
