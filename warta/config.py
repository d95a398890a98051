"""Options: one typed object, defaults kept here and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

DEFAULT_STAGES: tuple[str, ...] = (
    "normalize",
    "dateline",
    "langid",
    "sentences",
    "tokens",
    "lemmas",
    "entities",
    "dates",
    "quotes",
    "events",
    "flags",
)


@dataclass(frozen=True, slots=True)
class Options:
    stages: tuple[str, ...] = DEFAULT_STAGES
    # Inputs larger than this are refused with a clear error instead of exhausting memory.
    max_bytes: int = 20 * 1024 * 1024
    # Languages analysed fully; others get a LanguageError (recorded, not fatal in a corpus).
    languages: tuple[str, ...] = ("id", "en")
    # Malay is close enough to Indonesian that the Indonesian stages still help.
    analyse_malay_as: str | None = "id"
    # Which KB file to use (None = the bundled one).
    kb_path: str | None = None
    kb_overlays: tuple[str, ...] = field(default_factory=tuple)
    # Extra anchor-event files for the time-inconsistency check (warta/trust/data/anchors.yaml format).
    anchor_files: tuple[str, ...] = field(default_factory=tuple)

    def with_(self, **changes: object) -> Options:
        return replace(self, **changes)  # type: ignore[arg-type]
