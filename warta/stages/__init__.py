"""Built-in stages. Importing this package registers every one of them.

The default order is ``warta.config.DEFAULT_STAGES``; ``tests/test_registry.py`` pins
the registry so that a stage cannot vanish silently.
"""

from . import (  # noqa: F401
    dateline,
    dates,
    entities,
    events,
    flags,
    langid,
    lemmas,
    normalize,
    quotes,
    sentences,
    tokens,
)
