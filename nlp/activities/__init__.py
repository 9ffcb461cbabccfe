"""Activities: what the community did or will do (``find_activities``), their names and vocabulary.

``find_activities`` and ``activity_type`` are imported on first use: the vocabulary is large.
"""

from __future__ import annotations

from typing import Any

__all__ = ["activity_type", "find_activities"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from nlp.activities import extract

        return getattr(extract, name)
    raise AttributeError(name)
