"""Event exports over analysis dicts (``Article.as_dict()`` output), to text file objects.

- :func:`warta.export.plover.write_plover` — PLOVER JSON (POLECAT-like field names),
- :func:`warta.export.gdelt.write_gdelt` — a GDELT-like TSV with CAMEO codes and
  Goldstein scores.

Each module's docstring documents its fields.
"""

from .gdelt import write_gdelt
from .plover import write_plover

__all__ = ["write_gdelt", "write_plover"]
