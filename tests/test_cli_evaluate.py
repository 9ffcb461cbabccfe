"""`zongjie evaluate`: a report on stdout, exit 0; a bad gold file is one sentence and exit 2."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from evaluation import gold as gold_module
from evaluation import scorer, splits
from nlp.records import DocMeta, DocType, Parse, Section

runner = CliRunner()

DOC = (
    "2024年松林社区第一季度工作总结\n"
    "一、组织建设\n"
    "社区现有党员46名，召开支委会3次。\n"
    "二、平安建设\n"
    "组织巡逻20余次，调解纠纷5起。\n"
)

GOLD = {
    "doc": "songlin.txt",
    "title": "2024年松林社区第一季度工作总结",
    "community": "松林社区",
    "year": 2024,
    "period": "Q1",
    "headings": [{"level": 1, "label": "一、", "text": "组织建设"}, {"level": 1, "label": "二、", "text": "平安建设"}],
    "facts": [
        {"quote": "现有党员46名", "number_text": "46", "value": 46, "low": None, "high": None, "unit": "名",
         "qualifier": "exact", "subject": "党员", "category": "party_building", "planned": False,
         "indicator": "party_members", "breakdown": None, "scope": "unit"},
        {"quote": "支委会3次", "number_text": "3", "value": 3, "low": None, "high": None, "unit": "次",
         "qualifier": "exact", "subject": "支委会", "category": "party_building", "planned": False,
         "indicator": None, "breakdown": None, "scope": "unit"},
    ],
    "activities": [
        {"quote": "召开支委会3次", "name": "支委会", "kind": "meeting", "category": "party_building", "planned": False}
    ],
    "flags": [],
}  # fmt: skip


def fake_parse(path: Path) -> Parse:
    """What a pipeline that finds the outline and metadata but no facts yet returns."""
    text = path.read_text(encoding="utf-8")
    if "无法解析" in text:
        raise ValueError("the reader gave up")
    heads = [(i, line) for i, line in enumerate(text.splitlines()) if line[:2] in ("一、", "二、")]
    sections = tuple(
        Section(id=n, parent=None, level=1, label=line[:2], heading=line[2:], start=0, end=1)
        for n, (_, line) in enumerate(heads)
    )
    meta = DocMeta(id="0" * 64, path=str(path), encoding="utf-8", title=text.splitlines()[0], community="松林社区",
                   street=None, year=2024, period="Q1", doc_type=DocType.SUMMARY, chars=len(text))  # fmt: skip
    return Parse(doc=meta, original=text, sections=sections)


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setattr(scorer, "_pipeline_parse", fake_parse)
    gold, docs = tmp_path / "gold", tmp_path / "docs"
    gold.mkdir()
    docs.mkdir()
    (docs / "songlin.txt").write_text(DOC, encoding="utf-8")
    (gold / "songlin.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return gold, docs


def test_help_text():
    result = runner.invoke(app, ["evaluate", "--help"])
    assert result.exit_code == 0
    assert "gold" in result.output and "--docs" in result.output and "--numerals" in result.output
    assert "--split" in result.output


def test_text_report(folders):
    gold, docs = folders
    result = runner.invoke(app, ["evaluate", str(gold), "--docs", str(docs)])
    assert result.exit_code == 0, result.output
    assert "songlin.txt" in result.output
    assert "headings    P 1.000  R 1.000  F1 1.000" in result.output
    assert "overall 1.000 (4/4)" in result.output
    assert "facts       detection  P" in result.output  # no facts predicted yet: still a report


def test_json_report_and_only(folders):
    gold, docs = folders
    result = runner.invoke(
        app, ["evaluate", str(gold), "--docs", str(docs), "--json", "--only", "headings,meta"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["parts"] == ["headings", "meta"]
    total = data["total"]
    assert total["headings"]["f1"] == 1.0 and total["meta"]["period"]["rate"] == 1.0
    assert "facts" not in total and "activities" not in total


def test_facts_scored_as_missed_when_pipeline_has_none(folders):
    gold, docs = folders
    result = runner.invoke(app, ["evaluate", str(gold), "--docs", str(docs), "--json"])
    total = json.loads(result.stdout)["total"]
    assert total["facts"]["detection"] == {
        "tp": 0, "fp": 0, "fn": 2, "gold": 2, "predicted": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0,
    }  # fmt: skip
    assert total["activities"]["count_linked"] == {"correct": 0, "total": 1, "rate": 0.0}


def test_several_docs_folders_and_error_rows(folders, tmp_path: Path):
    gold, docs = folders
    other = tmp_path / "more" / "deep"
    other.mkdir(parents=True)
    (other / "broken.txt").write_text("无法解析\n", encoding="utf-8")
    for name in ("broken", "absent"):
        data = dict(GOLD, doc=f"{name}.txt", headings=[], facts=[], activities=[])
        (gold / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(
        app, ["evaluate", str(gold), "--docs", str(docs), "--docs", str(tmp_path / "more")]
    )
    assert result.exit_code == 0, result.output
    assert "broken.txt" in result.output and "the reader gave up" in result.output
    assert "absent.txt" in result.output and "not found" in result.output
    assert "2 error(s)" in result.output


BAD_GOLD = {
    "invalid json": "{",
    "bad enum": json.dumps(dict(GOLD, period="上半年"), ensure_ascii=False),
    "quote not in document": json.dumps(
        dict(GOLD, flags=[{"code": "sum_mismatch", "quote": "党员47名", "why": "x"}]), ensure_ascii=False
    ),
}


@pytest.mark.parametrize("content", BAD_GOLD.values(), ids=BAD_GOLD.keys())
def test_bad_gold_file_exits_2_with_one_sentence(folders, content):
    gold, docs = folders
    (gold / "songlin.json").write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), "--docs", str(docs)])
    assert result.exit_code == 2
    assert "songlin.json" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


USAGE_ERRORS = {
    "unknown part": (["--only", "facts,words"], "unknown part"),
    "folder and split": (["--split", "dev"], "not both"),
}


@pytest.mark.parametrize("args, message", USAGE_ERRORS.values(), ids=USAGE_ERRORS.keys())
def test_usage_errors(folders, args, message):
    gold, _ = folders
    argv = ["evaluate", *( [str(gold)] if args else []), *args]  # fmt: skip
    result = runner.invoke(app, argv)
    assert result.exit_code == 2 and message in result.stderr


def test_numerals_absent_says_so(monkeypatch):
    monkeypatch.setitem(sys.modules, "evaluation.numerals_bench", None)
    result = runner.invoke(app, ["evaluate", "--numerals"])
    assert result.exit_code == 2
    assert "numerals benchmark" in result.stderr


def test_numerals_runs_the_benchmark(monkeypatch):
    fake = types.ModuleType("evaluation.numerals_bench")
    fake.run = lambda: "numerals: 1500 cases, 99.5% exact"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "evaluation.numerals_bench", fake)
    import evaluation

    monkeypatch.setattr(evaluation, "numerals_bench", fake, raising=False)
    result = runner.invoke(app, ["evaluate", "--numerals"])
    assert result.exit_code == 0
    assert "1500 cases" in result.output


def test_numerals_report_with_decimal_failures_prints_as_json(monkeypatch):
    from decimal import Decimal

    fake = types.ModuleType("evaluation.numerals_bench")
    failure = {"input": "近三年来", "got": [{"value": Decimal("3"), "low": Decimal("3"), "high": None}]}
    fake.run = lambda: {"cases": 2, "exact": 0.5, "failures": [failure], "passed": False}  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "evaluation.numerals_bench", fake)
    import evaluation

    monkeypatch.setattr(evaluation, "numerals_bench", fake, raising=False)
    result = runner.invoke(app, ["evaluate", "--numerals"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert printed["failures"][0]["got"][0] == {"value": "3", "low": "3", "high": None}


def test_real_pipeline_runs_on_an_invented_document(tmp_path: Path):
    pytest.importorskip("nlp.pipeline")
    gold, docs = tmp_path / "gold", tmp_path / "docs"
    gold.mkdir()
    docs.mkdir()
    (docs / "songlin.txt").write_text(DOC, encoding="utf-8")
    (gold / "songlin.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), "--docs", str(docs), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["errors"] == 0
    assert data["total"]["headings"]["gold"] == 2


# ---------------------------------------------------------------- the splits of evaluation/gold/

TEST_DOC = DOC.replace("松林", "竹园").replace("第一季度", "上半年").replace("46名", "38名")
TEST_GOLD = dict(GOLD, doc="zhuyuan.txt", title="2024年竹园社区上半年工作总结", community="竹园社区", period="H1",
                 facts=[dict(GOLD["facts"][0], quote="现有党员38名", number_text="38", value=38)])  # fmt: skip


@pytest.fixture
def split_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """evaluation/gold/{dev,test} and the shared corpus, all invented, under tmp_path; records what is parsed."""
    parsed: dict[str, list[str]] = {"paths": []}

    def recording_parse(path: Path) -> Parse:
        parsed["paths"].append(path.relative_to(tmp_path).as_posix())
        return fake_parse(path)

    monkeypatch.setattr(scorer, "_pipeline_parse", recording_parse)
    monkeypatch.setattr(splits, "GOLD_ROOT", tmp_path / "gold")
    monkeypatch.setenv("ZONGJIE_SHARED", str(tmp_path / "shared"))
    for folder, name, doc, gold in (("dev", "songlin", DOC, GOLD), ("fresh/batch1", "zhuyuan", TEST_DOC, TEST_GOLD)):
        corpus = tmp_path / "shared" / "corpus" / folder
        corpus.mkdir(parents=True)
        (corpus / f"{name}.txt").write_text(doc, encoding="utf-8")
        split = "dev" if folder == "dev" else "test"
        (tmp_path / "gold" / split).mkdir(parents=True)
        (tmp_path / "gold" / split / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return parsed


def test_splits_side_by_side(split_tree):
    result = runner.invoke(app, ["evaluate"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "== dev ==" in out and "== test ==" in out and "songlin.txt" in out and "zhuyuan.txt" in out
    header = next(line for line in out.splitlines() if line.startswith("figure"))
    assert header.split() == ["figure", "dev", "test"]
    overall = next(line for line in out.splitlines() if line.startswith("metadata overall"))
    # the fake parse always says 松林社区 and Q1: right for dev, two fields wrong for the test document
    assert overall.split()[2:] == ["1.000", "(4/4)", "0.500", "(2/4)"]
    # each split's documents are found by name in its own corpus folders (test: fresh/, any depth)
    assert split_tree["paths"] == ["shared/corpus/dev/songlin.txt", "shared/corpus/fresh/batch1/zhuyuan.txt"]


def test_one_split_only(split_tree):
    result = runner.invoke(app, ["evaluate", "--split", "test", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data["splits"]) == ["test"]
    assert data["splits"]["test"]["total"]["meta"]["community"]["rate"] == 0.0
    assert split_tree["paths"] == ["shared/corpus/fresh/batch1/zhuyuan.txt"]


def test_test_split_not_annotated_yet(split_tree, tmp_path: Path):
    for f in (tmp_path / "gold" / "test").iterdir():
        f.unlink()
    result = runner.invoke(app, ["evaluate", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["splits"]["test"] is None and data["splits"]["dev"]["errors"] == 0
    text = runner.invoke(app, ["evaluate"]).output
    assert "no gold files in evaluation/gold/test/ yet" in text
    overall = next(line for line in text.splitlines() if line.startswith("metadata overall"))
    assert overall.split()[2:] == ["1.000", "(4/4)", "-"]


def test_a_missing_shared_corpus_is_one_error_not_a_row_per_document(split_tree, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("ZONGJIE_SHARED", str(tmp_path / "elsewhere"))
    result = runner.invoke(app, ["evaluate", "--split", "dev"])
    assert result.exit_code == 2
    assert "shared corpus not found" in result.stderr and "ZONGJIE_SHARED" in result.stderr
    assert "songlin" not in result.output and split_tree["paths"] == []
    # the documents' folder given on the command line needs no shared corpus
    given = runner.invoke(app, ["evaluate", "--split", "dev", "--docs", str(tmp_path / "shared" / "corpus" / "dev")])
    assert given.exit_code == 0, given.output
    assert split_tree["paths"] == ["shared/corpus/dev/songlin.txt"]


SPLIT_ERRORS = {
    "unknown split": (["--split", "train"], "unknown split"),
    "asked split has no gold": (["--split", "test"], "no gold files"),
}


@pytest.mark.parametrize("args, message", SPLIT_ERRORS.values(), ids=SPLIT_ERRORS.keys())
def test_split_errors(split_tree, tmp_path: Path, args, message):
    for f in (tmp_path / "gold" / "test").iterdir():
        f.unlink()
    result = runner.invoke(app, ["evaluate", *args])
    assert result.exit_code == 2 and message in result.stderr


# ---------------------------------------------------------------- partial gold in a split's subfolders


def test_metadata_only_subfolder_is_its_own_row(split_tree, tmp_path: Path):
    """dev/meta/ holds gold that annotates metadata only: scored as the row dev/meta, on metadata only;
    a subfolder whose files declare no parts (activity training data) is not scored."""
    long_doc = "各位代表：\n现在，我代表区政府向大会报告工作。\n一、2023年工作回顾\n全年接待来访群众120人次。\n"
    (tmp_path / "shared" / "corpus" / "long").mkdir(parents=True)
    (tmp_path / "shared" / "corpus" / "long" / "L99.txt").write_text(long_doc, encoding="utf-8")
    meta_gold = dict(GOLD, doc="L99.txt", parts=["metadata"], title=None, community=None, year=2023, period="year",
                     headings=[], facts=[], activities=[], flags=[])  # fmt: skip
    for sub, gold in (("meta", meta_gold), ("activities", dict(meta_gold, parts=None))):
        (tmp_path / "gold" / "dev" / sub).mkdir()
        data = {k: v for k, v in gold.items() if v is not None or k != "parts"}
        (tmp_path / "gold" / "dev" / sub / "L99.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--split", "dev", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data["splits"]) == ["dev", "dev/meta"]
    row = data["splits"]["dev/meta"]
    assert "facts" not in row["total"] and "headings" not in row["total"]
    # the fake parse says 松林社区, 2024, Q1 and the first line as title: every field wrong here
    assert {k: v["rate"] for k, v in row["total"]["meta"].items()} == {
        "title": 0.0, "community": 0.0, "year": 0.0, "period": 0.0, "overall": 0.0
    }
    assert data["splits"]["dev"]["total"]["meta"]["community"]["rate"] == 1.0  # the main row unchanged
    text = runner.invoke(app, ["evaluate", "--split", "dev"]).output
    header = next(line for line in text.splitlines() if line.startswith("figure"))
    assert header.split() == ["figure", "dev", "dev/meta"]


def test_partial_gold_parts_are_checked():
    problems = gold_module.shape_problems(dict(GOLD, parts=["metadata", "outline"]))
    assert problems == ["parts must be a non-empty list of metadata, headings, facts, activities, flags"]


# ---------------------------------------------------------------- headings-only gold (dev/headings)

LONG_DOC = "2023年青石镇政府工作报告\n一、过去一年工作回顾\n全镇实施项目12个。\n二、今年主要任务\n新建道路3公里。\n"
LONG_GOLD = {"doc": "qingshi.txt", "title": None, "community": None, "year": None, "period": None,
             "headings": [{"level": 1, "label": "一、", "text": "过去一年工作回顾"},
                          {"level": 1, "label": "二、", "text": "今年主要任务"},
                          {"level": 2, "label": "（一）", "text": "抓好项目建设"}],
             "facts": [], "activities": [], "flags": [], "parts": ["headings"]}  # fmt: skip


def test_headings_only_files_are_their_own_row(split_tree, tmp_path: Path):
    corpus = tmp_path / "shared" / "corpus" / "long"
    corpus.mkdir(parents=True)
    (corpus / "qingshi.txt").write_text(LONG_DOC, encoding="utf-8")
    sub = tmp_path / "gold" / "dev" / "headings"
    sub.mkdir()
    (sub / "qingshi.json").write_text(json.dumps(LONG_GOLD, ensure_ascii=False), encoding="utf-8")
    data = json.loads(runner.invoke(app, ["evaluate", "--split", "dev", "--json"]).stdout)
    assert list(data["splits"]) == ["dev", "dev/headings"]
    row = data["splits"]["dev/headings"]
    assert "facts" not in row["total"] and "meta" not in row["total"]
    # the fake parse finds the two 一、/二、 headings and misses the （一） the gold also lists
    headings = row["total"]["headings"]
    assert (round(headings["precision"], 3), round(headings["recall"], 3)) == (1.0, 0.667)
    assert data["splits"]["dev"]["total"]["headings"]["f1"] == 1.0  # the split's own figure is untouched
    assert split_tree["paths"][-1] == "shared/corpus/long/qingshi.txt"
