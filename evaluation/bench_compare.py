"""How long `zongjie compare` takes on a street's worth of communities, and how big its reports are.

    python -m evaluation.bench_compare [--communities 200] [--periods 2] [--indicators 40]

Builds an invented dataset (SPEC section 5 columns; every community gives most indicators, some
approximately, a few in conflict), then times the comparison table and each writer, in wall-clock and
CPU seconds (the CPU figure is the one to compare on a shared machine). A measurement, not a test.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import pandas as pd

from nlp.compare.csv_out import write_csv
from nlp.compare.html_out import write_html
from nlp.compare.table import build_comparison
from nlp.compare.xlsx_out import write_xlsx
from nlp.output.labels import indicator_labels

PERIODS = ("H1", "H2", "year")


def synthetic_tables(communities: int, periods: int, indicators: int, seed: int = 7) -> dict[str, pd.DataFrame]:
    rng = random.Random(seed)
    ids = ["population_total", "households_total"] + [
        i for i in indicator_labels() if i not in ("population_total", "households_total")][: indicators - 2]
    documents, values, facts = [], [], []
    for c in range(communities):
        for p in range(periods):
            doc_id = f"d{c}-{p}"
            documents.append((doc_id, f"street/c{c}_{PERIODS[p]}.txt", f"c{c}", f"社区{c}", "东湖街道", 2023,
                              PERIODS[p]))
            for k, indicator in enumerate(ids):
                if rng.random() < 0.3:
                    continue
                value = float(rng.randint(1, 5000))
                qualifier = "approx" if rng.random() < 0.1 else "exact"
                status = "conflict" if rng.random() < 0.03 else "single"
                quote = f"本期{indicator_labels()[indicator].zh}{int(value)}。"
                values.append((f"c{c}", 2023, PERIODS[p], indicator, value, None, None, qualifier,
                               indicator_labels()[indicator].unit, status, 1, k, doc_id, quote))
                facts.append((doc_id, f"c{c}", 2023, PERIODS[p], k, 0, 4, f"{int(value)}", value, qualifier,
                               indicator, "unit", False, quote, 3))
    return {
        "documents": pd.DataFrame(documents, columns=["doc_id", "path", "community_id", "community", "street",
                                                      "year", "period"]),
        "indicator_values": pd.DataFrame(values, columns=[
            "community_id", "year", "period", "indicator", "value", "low", "high", "qualifier", "unit", "status",
            "n_facts", "fact_id", "doc_id", "quote"]),
        "facts": pd.DataFrame(facts, columns=["doc_id", "community_id", "year", "period", "id", "start", "end",
                                              "text", "value", "qualifier", "indicator", "scope", "planned",
                                              "quote", "line"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communities", type=int, default=200)
    parser.add_argument("--periods", type=int, default=2, choices=(1, 2, 3))
    parser.add_argument("--indicators", type=int, default=40)
    args = parser.parse_args()
    tables = synthetic_tables(args.communities, args.periods, args.indicators)
    started, cpu = time.perf_counter(), time.process_time()
    comparison = build_comparison(tables)
    print(f"table: {len(comparison.rows)} rows × {len(comparison.columns)} indicators, {len(comparison.cells)} "
          f"cells in {time.perf_counter() - started:.2f} s ({time.process_time() - cpu:.2f} s CPU)")
    with tempfile.TemporaryDirectory() as folder:
        for name, writer in (("csv", write_csv), ("xlsx", write_xlsx), ("html", write_html)):
            started, cpu = time.perf_counter(), time.process_time()
            path = writer(comparison, Path(folder) / f"report.{name}")
            print(f"{name}: {time.perf_counter() - started:.2f} s ({time.process_time() - cpu:.2f} s CPU), "
                  f"{path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
