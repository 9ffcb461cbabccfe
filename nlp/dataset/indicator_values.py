"""``indicator_values``: the comparable figures, one row per community × year × period × indicator.

The rules of SPEC section 5, as one SQL statement over ``facts`` and ``documents``:

- a candidate is a fact with an indicator, scope ``unit``, breakdown null and planned false that
  holds a number (masked figures carry none and are left out);
- ``status`` is ``single`` for one candidate, ``agree`` when every candidate gives the same value
  (value, low, high and unit), ``conflict`` otherwise; ``n_facts`` counts the candidates;
- the row's value is the one from the latest document — the one added last (``documents.seq``:
  input order within a run, later runs after earlier ones) — and within it the first figure (a
  report states its own total before it repeats or splits it; on the dev gold the first figure is the
  gold's value for 25 of 37 comparable values, the last for 22);
- every candidate stays in ``facts``, where ``community_id``/``year``/``period`` find them again.

Year or period unknown is a group of its own (null), never merged with a known one.
"""

from __future__ import annotations

_KEY = "coalesce(CAST(value AS VARCHAR), '~') || '|' || coalesce(CAST(low AS VARCHAR), '~') || '|' || coalesce(CAST(high AS VARCHAR), '~') || '|' || unit"

INDICATOR_VALUES_SQL = f"""
CREATE OR REPLACE TABLE indicator_values AS
WITH candidates AS (
    SELECT f.community_id, f.year, f.period, f.indicator, f.value, f.low, f.high, f.qualifier,
           f.unit, f.id AS fact_id, f.doc_id, f.quote, d.seq, {_KEY} AS same
    FROM facts f JOIN documents d USING (doc_id)
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
           w AS (PARTITION BY community_id, year, period, indicator ORDER BY seq DESC, fact_id ASC)
)
SELECT community_id, CAST(year AS INTEGER) AS year, period, indicator, value, low, high,
       qualifier, unit,
       CASE WHEN n = 1 THEN 'single' WHEN differ THEN 'conflict' ELSE 'agree' END AS status,
       CAST(n AS INTEGER) AS n_facts, CAST(fact_id AS INTEGER) AS fact_id, doc_id, quote
FROM ranked WHERE pick = 1
ORDER BY community_id, year NULLS FIRST, period NULLS FIRST, indicator
"""
