"""Facts-only excerpt gold (evaluation/excerpt_facts.py): only predictions inside an excerpt count,
the excerpt report stands beside the split's own, and a file that does not fit is an error row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from evaluation import excerpt_facts, scorer, splits
from evaluation.gold import GoldError
from nlp.records import DocMeta, DocType, Fact, Parse, Qualifier

runner = CliRunner()

# An invented long report: two passages are annotated, the rest is not.
LONG_DOC = (
    "2023年青石县人民政府工作报告\n"
    "过去一年，全县新建道路12公里，新增就业岗位3000个。\n"
    "第三，坚持改革开放，全县共有企业450家。\n"
    "今年计划新建公办幼儿园5所，全县拨付资金约2000万元。\n"
    "热线电话12345全天受理。\n"
)
EXCERPTS = [
    "过去一年，全县新建道路12公里，新增就业岗位3000个。",
    "今年计划新建公办幼儿园5所，全县拨付资金约2000万元。",
]


def gold_fact(quote: str, number: str, value: float, unit: str, **more) -> dict:
    fact = {"quote": quote, "number_text": number, "value": value, "low": None, "high": None, "unit": unit,
            "qualifier": "exact", "subject": None, "category": "other", "planned": False, "indicator": None,
            "breakdown": None, "scope": "unit"}  # fmt: skip
    return {**fact, **more}


LONG_GOLD = {
    "doc": "qingshi.txt", "title": None, "community": None, "year": None, "period": None,
    "parts": ["facts"], "excerpts": EXCERPTS, "headings": [],
    "facts": [
        gold_fact("新建道路12公里", "12", 12, "公里"),
        gold_fact("就业岗位3000个", "3000", 3000, "个"),
        gold_fact("幼儿园5所", "5", 5, "所", planned=True),
        gold_fact("资金约2000万元", "2000", 2000, "万元", qualifier="approx"),
    ],
    "activities": [], "flags": [],
}  # fmt: skip

# What the fake pipeline finds: (number as written, unit, value, qualifier). 12345 (a hotline number) lies
# outside every excerpt and 450 too: neither counts. 一年 inside the first excerpt is a look-alike.
FOUND = [("12", "公里", 12, "exact"), ("3000", "个", 3000, "exact"), ("450", "家", 450, "exact"),
         ("5", "所", 5, "exact"), ("2000", "万元", 20_000_000, "exact"), ("12345", "", 12345, "exact"),
         ("一", "年", 1, "exact")]  # fmt: skip


def fake_parse(path: Path) -> Parse:
    text = path.read_text(encoding="utf-8")
    facts = []
    for n, (number, unit, value, qualifier) in enumerate(FOUND):
        start = text.find(number + unit) if number != "12" else text.find("12公里")
        if start < 0:
            continue
        facts.append(Fact(id=n, section=None, start=start, end=start + len(number), text=number, number_text=number,
                          value=value, low=None, high=None, unit=unit, qualifier=Qualifier(qualifier),
                          subject=None, indicator=None))  # fmt: skip
    meta = DocMeta(id="0" * 64, path=str(path), encoding="utf-8", title=None, community=None, street=None,
                   year=None, period=None, doc_type=DocType.REPORT, chars=len(text))  # fmt: skip
    return Parse(doc=meta, original=text, facts=tuple(facts))


def load(data: dict) -> excerpt_facts.ExcerptGold:
    return excerpt_facts.excerpt_gold_from_dict(
        json.loads(json.dumps(data, ensure_ascii=False)), "qingshi.json"
    )


def test_only_predictions_inside_an_excerpt_count(tmp_path: Path):
    path = tmp_path / "qingshi.txt"
    path.write_text(LONG_DOC, encoding="utf-8")
    score = excerpt_facts.score_excerpt_document(load(LONG_GOLD), fake_parse(path)).facts
    # 12, 3000, 5, 2000 match; 一(年) is a look-alike inside an excerpt; 450 and 12345 are outside
    assert (score.detection.tp, score.detection.fp, score.detection.fn) == (4, 1, 0)
    # 2000万元 was read without its 约: strict misses it, the qualifier field says why
    assert (score.strict.tp, score.strict.fp, score.strict.fn) == (3, 2, 1)
    assert score.fields["qualifier"].correct == 3 and score.fields["planned"].correct == 3


BAD_FILES = {
    "excerpt absent": ({"excerpts": ["全县新建桥梁8座。"]}, "occurs 0 times"),
    "gold figure outside the excerpts": ({"excerpts": EXCERPTS[:1]}, "outside every excerpt"),
}


@pytest.mark.parametrize("change, message", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_file_that_does_not_fit_raises(tmp_path: Path, change: dict, message: str):
    path = tmp_path / "qingshi.txt"
    path.write_text(LONG_DOC, encoding="utf-8")
    with pytest.raises(GoldError, match=message):
        excerpt_facts.score_excerpt_document(load({**LONG_GOLD, **change}), fake_parse(path))


@pytest.mark.parametrize("change", [{"parts": ["facts", "headings"]}, {"excerpts": []}])
def test_shape_of_an_excerpt_file(change: dict):
    with pytest.raises(GoldError):
        load({**LONG_GOLD, **change})


# ---------------------------------------------------------------- through `zongjie evaluate`

DEV_DOC = "2024年松林社区工作总结\n社区现有党员46名。\n"
DEV_GOLD = {
    "doc": "songlin.txt", "title": None, "community": None, "year": None, "period": None, "headings": [],
    "facts": [gold_fact("现有党员46名", "46", 46, "名")], "activities": [], "flags": [],
}  # fmt: skip


@pytest.fixture
def dev_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """evaluation/gold/dev with one whole document and one excerpt file, the shared corpus' dev/ and long/."""
    monkeypatch.setattr(scorer, "_pipeline_parse", fake_parse)
    monkeypatch.setattr(splits, "GOLD_ROOT", tmp_path / "gold")
    monkeypatch.setenv("ZONGJIE_SHARED", str(tmp_path / "shared"))
    for folder, name, text in (("dev", "songlin.txt", DEV_DOC), ("long", "qingshi.txt", LONG_DOC)):
        (tmp_path / "shared" / "corpus" / folder).mkdir(parents=True)
        (tmp_path / "shared" / "corpus" / folder / name).write_text(text, encoding="utf-8")
    (tmp_path / "gold" / "dev" / "facts").mkdir(parents=True)
    (tmp_path / "gold" / "dev" / "songlin.json").write_text(
        json.dumps(DEV_GOLD, ensure_ascii=False), encoding="utf-8"
    )
    excerpt_file = tmp_path / "gold" / "dev" / "facts" / "qingshi.json"
    excerpt_file.write_text(json.dumps(LONG_GOLD, ensure_ascii=False), encoding="utf-8")
    return excerpt_file


def test_evaluate_shows_the_excerpt_report_beside_the_split(dev_tree: Path):
    name = excerpt_facts.report_name("dev")
    result = runner.invoke(app, ["evaluate", "--split", "dev", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)["splits"]
    assert list(data) == ["dev", name]
    # the split's own figures hold its whole documents only
    assert [d["doc"] for d in data["dev"]["documents"]] == ["songlin.txt"]
    assert data["dev"]["total"]["facts"]["detection"]["gold"] == 1
    excerpts = data[name]["total"]
    assert list(excerpts) == ["doc", "facts"] and excerpts["facts"]["lookalike_rate"] == 0.2
    assert {"indicators", "comparable"} <= set(excerpts["facts"])
    text = runner.invoke(app, ["evaluate", "--split", "dev"]).output
    assert f"== {name} ==" in text
    assert next(line for line in text.splitlines() if line.startswith("figure")).split()[1] == "dev"
    lookalikes = next(line for line in text.splitlines() if line.startswith("look-alikes taken as figures"))
    assert lookalikes.split()[-4:] == ["0.0", "%", "20.0", "%"]


def test_excerpt_file_that_does_not_fit_is_an_error_row(dev_tree: Path):
    dev_tree.write_text(
        json.dumps({**LONG_GOLD, "excerpts": ["全县新建桥梁8座。"]}, ensure_ascii=False), "utf-8"
    )
    result = runner.invoke(app, ["evaluate", "--split", "dev", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)["splits"]
    assert data["dev"]["errors"] == 0 and data[excerpt_facts.report_name("dev")]["errors"] == 1


def test_only_other_parts_leave_the_excerpts_out(dev_tree: Path):
    result = runner.invoke(app, ["evaluate", "--split", "dev", "--only", "headings", "--json"])
    assert list(json.loads(result.stdout)["splits"]) == ["dev"]
