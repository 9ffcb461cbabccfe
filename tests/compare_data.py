"""An invented dataset with exactly the SPEC section 5 columns, for the comparison tests.

Four communities in two streets, two periods for one of them, one conflict, approximate and ranged
figures, a quote that looks like a formula and one that carries markup. The figures are made up.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

DOCUMENTS = ["doc_id", "path", "encoding", "title", "community_id", "community", "street", "district", "year",
             "period", "doc_type", "chars", "engine", "extracted_at"]
COMMUNITIES = ["community_id", "name", "kind", "street", "district", "aliases", "source"]
SECTIONS = ["doc_id", "id", "parent", "level", "label", "heading", "start", "end", "category", "planned"]
FACTS = ["doc_id", "community_id", "year", "period", "id", "section", "start", "end", "text", "number_text",
         "value", "low", "high", "unit", "qualifier", "subject", "indicator", "breakdown", "scope", "category",
         "planned"]
ACTIVITIES = ["doc_id", "id", "section", "start", "end", "text", "verb", "name", "kind", "facts", "category",
              "planned"]
FLAGS = ["doc_id", "name", "code", "severity", "start", "end", "line", "col", "message", "facts"]
ERRORS = ["path", "reason", "stage", "at"]
VALUES = ["community_id", "year", "period", "indicator", "value", "low", "high", "qualifier", "unit", "status",
          "n_facts", "fact_id", "doc_id", "quote"]

# (doc_id, path, community_id, community, street, year, period)
DOCS = [
    ("d1", "archive/qingsong_2023h1.txt", "c-qs", "青松社区", "东湖街道", 2023, "H1"),
    ("d2", "archive/qingsong_2023h2.txt", "c-qs", "青松社区", "东湖街道", 2023, "H2"),
    ("d3", "archive/liuan_2023h1.txt", "c-la", "柳岸社区", "东湖街道", 2023, "H1"),
    ("d4", "archive/liuan_2023h1_v2.docx", "c-la", "柳岸社区", "东湖街道", 2023, "H1"),
    ("d5", "archive/shiqiao_2023h1.txt", "c-sq", "石桥村", "东湖街道", 2023, "H1"),
    ("d6", "other/baita_2022.txt", "c-bt", "白塔社区", "西山街道", 2022, "year"),
]

# (doc_id, fact id, indicator, value, low, high, unit, qualifier, text, quote, line, breakdown, scope, planned)
FACT_ROWS = [
    ("d1", 0, "population_total", 4000, None, None, "人", "exact", "4000人", "辖区常住居民4000人。", 3, None, "unit", False),
    ("d1", 1, "households_total", 1250, None, None, "户", "exact", "1250户", "共有住户1250户。", 3, None, "unit", False),
    ("d1", 2, "party_members", 80, None, None, "名", "exact", "80名", "社区现有党员80名,", 5, None, "unit", False),
    ("d1", 3, "party_members", 30, None, None, "名", "exact", "30名", "其中女党员30名。", 5, '{"sex": "女"}', "unit",
     False),
    ("d1", 4, "low_income_households", 25, None, None, "户", "exact", "25户", "为低保户25户发放慰问金。", 9, None,
     "unit", False),
    ("d1", 5, "disputes_mediated", 40, 40, None, "件", "approx", "40余件", "调解矛盾纠纷40余件。", 12, None, "unit",
     False),
    ("d1", 6, "satisfaction_rate", 96, None, None, "%", "exact", "96%", "=SUM(A1:A9) 群众满意率达96%。", 20, None,
     "unit", False),
    ("d1", 7, "party_members", 90, None, None, "名", "exact", "90名", "力争党员达到90名。", 30, None, "unit", True),
    ("d2", 0, "party_members", 82, None, None, "名", "exact", "82名", "党员增至82名。", 4, None, "unit", False),
    ("d2", 1, "volunteer_activities", None, 3, 4, "次", "range", "3-4次", "每月开展志愿服务3-4次。", 8, None,
     "unit", False),
    ("d3", 0, "population_total", 2500, None, None, "人", "exact", "2500人", "本社区居民2500人,", 2, None, "unit",
     False),
    ("d3", 1, "party_members", 45, None, None, "名", "exact", "45名", "在册党员45名。", 6, None, "unit", False),
    ("d4", 0, "party_members", 47, None, None, "名", "exact", "47名", "社区党员47名。", 7, None, "unit", False),
    ("d3", 2, "disputes_mediated", 12, None, None, "件", "exact", "12件", "成功调解纠纷12件。", 11, None, "unit", False),
    ("d3", 3, "party_members", 3000, None, None, "名", "exact", "3000名", "全区党员3000名。", 13, None, "wider", False),
    ("d5", 0, "party_members", 100, 100, None, "名", "at_least", "100名以上", "全村党员100名以上。", 4, None, "unit",
     False),
    ("d5", 1, "low_income_households", 18, None, None, "户", "exact", "18户", "低保户18户<script>alert(1)</script>", 7,
     None, "unit", False),
    ("d6", 0, "party_members", 60, None, None, "名", "exact", "60名", "党员60名。", 3, None, "unit", False),
    ("d6", 1, "satisfaction_rate", 90, 90, None, "%", "at_least", "90%以上", "满意率90%以上。", 9, None, "unit", False),
]

# indicator_values: (community_id, year, period, indicator, value, low, high, qualifier, unit, status, n_facts,
#                    fact_id, doc_id, quote)
VALUE_ROWS = [
    ("c-qs", 2023, "H1", "population_total", 4000, None, None, "exact", "人", "single", 1, 0, "d1", "辖区常住居民4000人。"),
    ("c-qs", 2023, "H1", "households_total", 1250, None, None, "exact", "户", "single", 1, 1, "d1", "共有住户1250户。"),
    ("c-qs", 2023, "H1", "party_members", 80, None, None, "exact", "名", "single", 1, 2, "d1", "社区现有党员80名,"),
    ("c-qs", 2023, "H1", "low_income_households", 25, None, None, "exact", "户", "single", 1, 4, "d1",
     "为低保户25户发放慰问金。"),
    ("c-qs", 2023, "H1", "disputes_mediated", 40, 40, None, "approx", "件", "single", 1, 5, "d1", "调解矛盾纠纷40余件。"),
    ("c-qs", 2023, "H1", "satisfaction_rate", 96, None, None, "exact", "%", "single", 1, 6, "d1",
     "=SUM(A1:A9) 群众满意率达96%。"),
    ("c-qs", 2023, "H2", "party_members", 82, None, None, "exact", "名", "single", 1, 0, "d2", "党员增至82名。"),
    ("c-qs", 2023, "H2", "volunteer_activities", None, 3, 4, "range", "次", "single", 1, 1, "d2",
     "每月开展志愿服务3-4次。"),
    ("c-la", 2023, "H1", "population_total", 2500, None, None, "exact", "人", "single", 1, 0, "d3", "本社区居民2500人,"),
    ("c-la", 2023, "H1", "party_members", 47, None, None, "exact", "名", "conflict", 2, 0, "d4", "社区党员47名。"),
    ("c-la", 2023, "H1", "disputes_mediated", 12, None, None, "exact", "件", "single", 1, 2, "d3", "成功调解纠纷12件。"),
    ("c-sq", 2023, "H1", "party_members", 100, 100, None, "at_least", "名", "single", 1, 0, "d5", "全村党员100名以上。"),
    ("c-sq", 2023, "H1", "low_income_households", 18, None, None, "exact", "户", "single", 1, 1, "d5",
     "低保户18户<script>alert(1)</script>"),
    ("c-bt", 2022, "year", "party_members", 60, None, None, "exact", "名", "single", 1, 0, "d6", "党员60名。"),
    ("c-bt", 2022, "year", "satisfaction_rate", 90, 90, None, "at_least", "%", "single", 1, 1, "d6", "满意率90%以上。"),
]

# (doc_id, name, code, severity, line, col, message)
FLAG_ROWS = [
    ("d1", "approximate_figure", "ZJ303", "info", 12, 7, "约数:“40余件”"),
    ("d3", "sum_mismatch", "ZJ101", "error", 6, 1, "分项之和与总数不符"),
    ("d6", "unsupported_rate", "ZJ204", "info", 9, 1, "满意率没有说明基数或方法"),
]


def tables() -> dict[str, pd.DataFrame]:
    """The fixture dataset as the dataset package's ``load`` returns it."""
    documents = pd.DataFrame(
        [(d, p, "utf-8", f"{name}{y}年工作总结", cid, name, street, "青河区", y, per, "summary", 1000, "test", None)
         for d, p, cid, name, street, y, per in DOCS],
        columns=DOCUMENTS,
    )
    seen = {}
    for _d, _p, cid, name, street, _y, _per in DOCS:
        seen[cid] = (cid, name, "村" if name.endswith("村") else "社区", street, "青河区", [name], "text")
    communities = pd.DataFrame(list(seen.values()), columns=COMMUNITIES)
    community_of = {d[0]: d for d in DOCS}
    facts = pd.DataFrame(
        [(doc, community_of[doc][2], community_of[doc][5], community_of[doc][6], fid, None, 0, len(text), text,
          text, value, low, high, unit, qual, ind, ind, breakdown, scope, "other", planned)
         for doc, fid, ind, value, low, high, unit, qual, text, _q, _line, breakdown, scope, planned in FACT_ROWS],
        columns=FACTS,
    )
    facts["line"] = [row[10] for row in FACT_ROWS]  # an extra column, as SPEC allows
    flags = pd.DataFrame(
        [(doc, name, code, sev, 0, 1, line, col, msg, []) for doc, name, code, sev, line, col, msg in FLAG_ROWS],
        columns=FLAGS,
    )
    return {
        "documents": documents,
        "communities": communities,
        "sections": pd.DataFrame(columns=SECTIONS),
        "facts": facts,
        "activities": pd.DataFrame(columns=ACTIVITIES),
        "flags": flags,
        "errors": pd.DataFrame(columns=ERRORS),
        "indicator_values": pd.DataFrame(VALUE_ROWS, columns=VALUES),
    }


def write_duckdb(path: Path) -> Path:
    """The fixture dataset as a store in the dataset package's own schema (its extra columns empty)."""
    import duckdb

    from nlp.dataset.schema import TABLES, create_statement

    with duckdb.connect(str(path)) as con:
        for name, frame in tables().items():
            con.execute(create_statement(name))
            if frame.empty:
                continue
            frame = frame.copy()
            if name == "facts":
                frame["quote"] = [row[9] for row in FACT_ROWS]
            if name == "documents":
                frame["seq"] = range(len(frame))
                frame["extracted_at"] = pd.Timestamp("2024-01-01")
            known = [c.name for c in TABLES[name] if c.name in frame.columns]
            con.register("frame", frame[known])
            columns = ", ".join(f'"{c}"' for c in known)
            con.execute(f"INSERT INTO {name} ({columns}) SELECT {columns} FROM frame")
            con.unregister("frame")
    return path
