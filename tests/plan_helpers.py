"""The planned flags of a parsed text, by figure and by activity name (the plan-rule tests)."""

from __future__ import annotations

from nlp.pipeline import parse_text


def planned_flags(text: str) -> tuple[dict[str, bool], dict[str, bool]]:
    """``({figure text: planned}, {activity name: planned})`` of ``text`` parsed whole."""
    p = parse_text(text)
    return {f.text: f.planned for f in p.facts}, {a.name: a.planned for a in p.activities}
