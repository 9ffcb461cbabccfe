"""``indicator_values``: the comparable figures, one row per community × year × period × indicator.

The rules of SPEC section 5, as one SQL statement over ``facts`` and ``documents``:

- a candidate is a fact with an indicator, scope ``unit``, breakdown null and planned false that
  holds a number (masked figures carry none and are left out);
- ``status`` is ``single`` for one candidate, ``agree`` when every candidate gives the same value
  (value, low, high and unit), ``conflict`` otherwise; ``n_facts`` counts the candidates;
- the row's value is the one from the latest document — the one added last (``documents.seq``:
  input order within a run, later runs after earlier ones). Within that document (SPEC section 5
  leaves it open) two named rules choose, in this order:

  - rule ``column_unit``: a figure in the measure's own unit beats one in another of its units — the
    first unit of the indicator table's ``units`` is what the column counts, the others are what
    reports also count it in (``unit_ranks``; units of one group of unit_groups.csv, 名 and 人,
    rank alike): 核酸检测12轮，累计采样5.6万人次 → 56000 人次, the persons sampled, not the rounds;
    特困供养人员6户8人 → 8 人; 辖区面积1.35平方公里 beats a square's 1200平方米;
  - rule ``measure_act``: then, within the sentence, a figure whose subject names the act the measure
    counts (the indicator's ``verbs`` in indicators.csv, and ``[measure_acts]`` of cells.toml) beats
    one whose subject does not: 全年排查消防隐患41处，已整改39处 → 39 (hazards fixed, not found);
    排查邻里纠纷26起，受理调解23起 → 23 (disputes mediated, not screened);
  - rule ``first_figure``: then the first figure (a report states its own total before it repeats or
    splits it; of the candidates of one indicator in one document that differ, the first is a gold
    comparable value in 65 of 121 groups of the written reports, the last in 31, the largest in 58);
- every candidate stays in ``facts``, where ``community_id``/``year``/``period`` find them again.

"Within the sentence" is the figure's whole sentence (``facts.sentence``, where it begins), not its
quote, which is cut 60 characters each side of the figure (cells17: in a long sentence the rounds of a
test series won over the persons sampled, the measure's unit, as two quotes looked like two sentences);
rows written by an earlier version, with no ``sentence``, fall back on the quote.

Year or period unknown is a group of its own (null), never merged with a known one.
"""

from __future__ import annotations

from functools import cache

from nlp.figures.indicators import indicators
from nlp.output.labels import same_unit
from nlp.resources import load_toml


def unit_rank(units: tuple[str, ...], unit: str | None) -> int:
    """Rule ``column_unit``: where ``unit`` stands among an indicator's units (0: the column's own);
    a unit of the same group as an earlier one ranks with it, an unlisted unit after all of them.

    >>> unit_rank(("人次", "人", "次", "轮"), "轮"), unit_rank(("人", "户", "名"), "名"), unit_rank(("户",), "人")
    (3, 0, 1)
    """
    for rank, listed in enumerate(units):
        if unit is not None and same_unit(listed, unit):
            return rank
    return len(units)


@cache
def unit_ranks() -> tuple[tuple[str, str, int], ...]:
    """(indicator, unit, rank) for every unit an indicator lists and every unit of their groups."""
    from nlp.output.labels import unit_groups

    known = tuple(unit_groups())
    out = []
    for indicator in indicators():
        for unit in dict.fromkeys((*indicator.units, *known)):
            rank = unit_rank(indicator.units, unit)
            if rank < len(indicator.units):
                out.append((indicator.id, unit, rank))
    return tuple(out)


@cache
def measure_acts() -> tuple[tuple[str, str], ...]:
    """Rule ``measure_act``: (indicator, act) for every act a measure counts — its verbs in the
    indicator table, then those ``[measure_acts]`` of cells.toml adds.

    >>> ("hazards_fixed", "整改") in measure_acts(), ("disputes_mediated", "调解") in measure_acts()
    (True, True)
    """
    added = load_toml("cells.toml").get("measure_acts", {})
    out = {(i.id, verb) for i in indicators() for verb in i.verbs}
    out |= {(indicator, act) for indicator, entry in added.items() for act in entry["acts"]}
    return tuple(sorted(out))


def _acts_sql() -> str:
    """(indicator, the list of its acts): one hash join, and a look into the subject only for the
    candidates of an indicator that has acts."""
    acts: dict[str, list[str]] = {}
    for indicator, act in measure_acts():
        acts.setdefault(indicator, []).append(_literal(act))
    return ", ".join(f"({_literal(i)}, [{', '.join(a)}])" for i, a in acts.items())


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _ranks_sql() -> str:
    return ", ".join(f"({_literal(i)}, {_literal(u)}, {r})" for i, u, r in unit_ranks())


_UNLISTED = 999  # the rank of a unit the indicator does not list

_KEY = "coalesce(CAST(value AS VARCHAR), '~') || '|' || coalesce(CAST(low AS VARCHAR), '~') || '|' || coalesce(CAST(high AS VARCHAR), '~') || '|' || coalesce(unit, '~')"

INDICATOR_VALUES_SQL = f"""
CREATE OR REPLACE TABLE indicator_values AS
WITH candidates AS (
    SELECT f.community_id, f.year, f.period, f.indicator, f.value, f.low, f.high, f.qualifier,
           f.unit, f.id AS fact_id, f.doc_id, f.quote, d.seq, {_KEY} AS same,
           coalesce(r.unit_rank, {_UNLISTED}) AS unit_rank,
           CASE WHEN a.acts IS NOT NULL AND f.subject IS NOT NULL
                     AND list_bool_or(list_transform(a.acts, lambda act: contains(f.subject, act))) THEN 0 ELSE 1 END AS act_rank,
           min(f.id) OVER (PARTITION BY f.doc_id, f.indicator, coalesce(CAST(f.sentence AS VARCHAR), f.quote)) AS sentence_first
    FROM facts f JOIN documents d USING (doc_id)
    LEFT JOIN (VALUES {_ranks_sql()}) AS r(r_indicator, r_unit, unit_rank)
        ON r.r_indicator = f.indicator AND r.r_unit = f.unit
    LEFT JOIN (VALUES {_acts_sql()}) AS a(a_indicator, acts) ON a.a_indicator = f.indicator
    WHERE f.indicator IS NOT NULL AND f.breakdown IS NULL AND coalesce(f.scope, 'unit') = 'unit'
      AND NOT coalesce(f.planned, false)
      AND (f.value IS NOT NULL OR f.low IS NOT NULL OR f.high IS NOT NULL)
), ranked AS (
    SELECT *,
           row_number() OVER w AS pick,
           count(*) OVER g AS n,
           min(same) OVER g <> max(same) OVER g AS differ
    FROM candidates
    WINDOW g AS (PARTITION BY community_id, year, period, indicator),
           w AS (PARTITION BY community_id, year, period, indicator ORDER BY seq DESC, sentence_first ASC, unit_rank ASC, act_rank ASC, fact_id ASC)
)
SELECT community_id, CAST(year AS INTEGER) AS year, period, indicator, value, low, high,
       qualifier, unit,
       CASE WHEN n = 1 THEN 'single' WHEN differ THEN 'conflict' ELSE 'agree' END AS status,
       CAST(n AS INTEGER) AS n_facts, CAST(fact_id AS INTEGER) AS fact_id, doc_id, quote
FROM ranked WHERE pick = 1
ORDER BY community_id, year NULLS FIRST, period NULLS FIRST, indicator
"""
