"""The metadata vocabulary of meta.toml (document-type words, period words, title chrome), loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from nlp.resources import load_toml


@dataclass(frozen=True)
class MetaVocab:
    periods: dict[str, tuple[str, ...]]
    h2_plan: tuple[str, ...]
    scope_starts: tuple[str, ...]
    doc_types: dict[str, tuple[str, ...]]
    title_junk: tuple[str, ...]
    title_only: tuple[str, ...]
    title_max: int
    title_min: int
    field_labels: tuple[str, ...]
    plan_words: tuple[str, ...]
    review_words: tuple[str, ...]
    tenure_words: tuple[str, ...]
    founding_words: tuple[str, ...]
    salutation_starts: tuple[str, ...]
    salutation_ends: tuple[str, ...]


def alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def meta_vocab() -> MetaVocab:
    data: dict[str, Any] = load_toml("meta.toml")
    period = dict(data["period"])
    h2_plan = tuple(period.pop("h2_plan_followers"))
    scope_starts = tuple(period.pop("scope_starts"))
    doc = dict(data["doc_type"])
    return MetaVocab(
        periods={k: tuple(v) for k, v in period.items()},
        h2_plan=h2_plan,
        scope_starts=scope_starts,
        doc_types={k: tuple(doc[k]) for k in ("summary", "plan", "report")},
        title_junk=tuple(doc["title_junk"]),
        title_only=tuple(doc["title_only"]),
        title_max=int(doc["title_max"]),
        title_min=int(doc["title_min"]),
        field_labels=tuple(doc["field_labels"]),
        plan_words=tuple(data["year"]["plan_words"]),
        review_words=tuple(data["year"]["review_words"]),
        tenure_words=tuple(data["year"]["tenure_words"]),
        founding_words=tuple(data["year"]["founding_words"]),
        salutation_starts=tuple(doc["salutation_starts"]),
        salutation_ends=tuple(doc["salutation_ends"]),
    )


def has_any(words: tuple[str, ...], text: str) -> bool:
    return any(w in text for w in words)
