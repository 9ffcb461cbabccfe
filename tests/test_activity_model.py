"""The learned activity model (nlp/activities/model.py, training.py): training from gold files,
loading the shipped model, and the pipeline taking its activities from it.

Documents and gold here are invented in the genre's style (community names and figures made up).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp.activities import model
from nlp.activities.extract import find_activities, heading_spans
from nlp.activities.features import Token, bio_labels, spans_of
from nlp.activities.training import train
from nlp.pipeline import parse_text
from nlp.records import ActivityKind

# (document text, [(quote, name, kind)]) — a small invented gold set
DOCS = {
    "a.txt": (
        "今年以来，社区开展防溺水安全讲座3场，组织志愿者清理河道垃圾。"
        "社区召开居民议事会2次，成立银发互助队。\n",
        [
            ("开展防溺水安全讲座3场", "防溺水安全讲座", "training"),
            ("组织志愿者清理河道垃圾", "清理河道垃圾", "campaign"),
            ("召开居民议事会2次", "居民议事会", "meeting"),
            ("成立银发互助队", "银发互助队", "organization"),
        ],
    ),
    "b.txt": (
        "上半年，村委会举办农民丰收节文艺汇演，开展电信诈骗防范宣传5次。"
        "村里新建健身步道800米，走访独居老人46户。\n",
        [
            ("举办农民丰收节文艺汇演", "农民丰收节文艺汇演", "event"),
            ("开展电信诈骗防范宣传5次", "电信诈骗防范宣传", "campaign"),
            ("新建健身步道800米", "健身步道", "project"),
            ("走访独居老人46户", "走访独居老人", "visit"),
        ],
    ),
    "c.txt": (
        "全年社区开展消防安全检查12次，举办插花培训班2期。社区组织党员开展义务理发服务，召开党员大会4次。\n",
        [
            ("开展消防安全检查12次", "消防安全检查", "inspection"),
            ("举办插花培训班2期", "插花培训班", "training"),
            ("开展义务理发服务", "义务理发服务", "service"),
            ("召开党员大会4次", "党员大会", "meeting"),
        ],
    ),
}


def _gold(name: str, text: str, acts: list[tuple[str, str, str]]) -> dict:
    return {
        "doc": name, "title": None, "community": None, "year": None, "period": None,
        "headings": [], "facts": [], "flags": [],
        "activities": [
            {"quote": q, "name": n, "kind": k, "category": "other", "planned": False} for q, n, k in acts
        ],
    }  # fmt: skip


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("activity_model")
    docs, gold, out = root / "docs", root / "gold", root / "models"
    docs.mkdir()
    gold.mkdir()
    for name, (text, acts) in DOCS.items():
        (docs / name).write_text(text, encoding="utf-8")
        data = _gold(name, text, acts)
        (gold / name.replace(".txt", ".json")).write_text(
            json.dumps(data, ensure_ascii=False), encoding="utf-8"
        )
    card = train(out, [gold], [docs])
    assert card["activities"] == sum(len(a) for _, a in DOCS.values())
    return out


def _spans(m: model.ActivityModel, text: str) -> list[str]:
    parsed = parse_text(text, disable=["activities", "categories", "checks"])
    doc = parsed.text
    assert doc is not None
    rules = find_activities(doc, parsed.sections, parsed.facts, learned=False)
    spans = m.spans(
        doc,
        doc.sentences,
        parsed.facts,
        [(r.norm_start, r.norm_end) for r in rules],
        heading_spans(parsed.sections),
    )
    return [doc.text[s:e] for s, e in spans]


def test_training_writes_both_files_and_a_card(trained: Path) -> None:
    assert (trained / model.TAGGER_FILE).stat().st_size > 0
    assert (trained / model.KINDS_FILE).stat().st_size > 0
    card = json.loads((trained / "activity_model.json").read_text(encoding="utf-8"))
    assert card["documents"] == len(DOCS)


def test_a_model_trained_on_invented_gold_finds_an_invented_activity(trained: Path) -> None:
    m = model.ActivityModel.load(trained)
    found = _spans(m, "本季度社区开展垃圾分类知识讲座4场。")
    assert any("垃圾分类知识讲座" in name for name in found), found


def test_the_kind_classifier_trained_on_invented_gold_names_a_kind(trained: Path) -> None:
    m = model.ActivityModel.load(trained)
    assert m.kinds_of(["党员大会", "插花培训班"], ["召开", "举办"]) == [
        ActivityKind.MEETING,
        ActivityKind.TRAINING,
    ]


def test_the_shipped_model_loads() -> None:
    shipped = model.shipped()
    assert shipped is not None, "models/activities.crfsuite or models/activity_kinds.npz is missing"
    assert shipped.kinds_of(["治安巡逻"], ["开展"])[0] in set(ActivityKind)


def test_the_shipped_kind_weights_hold_no_pickles() -> None:
    from importlib import resources

    import numpy as np

    with resources.files("models").joinpath(model.KINDS_FILE).open("rb") as handle:
        with np.load(handle, allow_pickle=False) as arrays:
            assert {"features", "coef", "intercept", "classes"} <= set(arrays.files)


def test_the_pipeline_takes_its_activity_spans_from_the_model(monkeypatch) -> None:
    text = "社区开展了邻里节活动，大家很开心。"
    target = text.index("邻里节")

    def fake(doc, sentences, facts, rule_spans, headings=()):
        return [(target, target + 3), (text.index("大家"), text.index("大家") + 5)]

    monkeypatch.setattr(model, "predict_spans", fake)
    # the tagger's cut of the rule find is kept; a tagged span no rule found is not
    assert [a.name for a in parse_text(text).activities] == ["邻里节"]


def test_the_pipeline_finds_no_activity_when_the_stage_is_off() -> None:
    assert parse_text("社区开展了邻里节活动。", disable=["activities"]).activities == ()


def test_without_a_model_the_rules_decide(monkeypatch) -> None:
    monkeypatch.setattr(model, "predict_spans", lambda *args, **kwargs: None)
    assert [a.name for a in parse_text("社区开展了邻里节活动。").activities] == ["邻里节活动"]


# (tokens as (start, end), gold spans, expected labels)
LABELS = [
    ("one_span", [(0, 2), (2, 4), (4, 6)], [(2, 6)], ["O", "B", "I"]),
    ("two_adjacent", [(0, 2), (2, 3), (3, 5)], [(0, 2), (3, 5)], ["B", "O", "B"]),
    ("partial_token", [(0, 4), (4, 6)], [(2, 6)], ["B", "I"]),
]


@pytest.mark.parametrize(("tokens", "spans", "labels"), [c[1:] for c in LABELS], ids=[c[0] for c in LABELS])
def test_bio_labels_round_trip(tokens, spans, labels) -> None:
    toks = [Token(s, e, "x" * (e - s), "n") for s, e in tokens]
    assert bio_labels(toks, spans) == labels
    assert [(s, e) for s, e in spans_of(toks, labels)] == [
        (
            min(t.start for t in toks if t.start < e and s < t.end),
            max(t.end for t in toks if t.start < e and s < t.end),
        )
        for s, e in spans
    ]


# The rules' table (tests/test_activities.py) through the whole pipeline, i.e. as the shipped
# tagger cuts the rules' finds. Cases it cuts differently from the rules are known failures of the
# model, kept visible here rather than deleted; retraining moves a few of them, so after
# `zongjie train --activities` run this file and update the list.
MODEL_DIFFERS = {
    "newly_set_up_team": "the tagger runs 腰鼓队 on into 参加了",
    "on_site_survey": "the tagger keeps the adverb 实地",
    "two_quoted_mentioned": "the tagger joins the second quoted name with its head",
    "named_handing_out_campaign": "the tagger keeps the beneficiaries before the act",
    "places_before_one_act": "the tagger, trained on the audited gold, reads a registration (登记备案) as paperwork",
}


def _pipeline_cases():
    from test_activities import FOUND

    for case_id, text, expected in FOUND:
        marks = (
            [pytest.mark.xfail(reason=MODEL_DIFFERS[case_id], strict=False)]
            if case_id in MODEL_DIFFERS
            else []
        )
        yield pytest.param(text, expected, id=case_id, marks=marks)


@pytest.mark.parametrize(("text", "expected"), list(_pipeline_cases()))
def test_the_pipeline_reads_the_rules_table(text: str, expected: list[str]) -> None:
    assert [a.name for a in parse_text(text).activities] == expected


def test_an_activities_only_file_teaches_only_its_excerpt_lines(tmp_path) -> None:
    from nlp.activities.training import gold_examples

    text = "一、工作回顾\n社区开展防诈骗宣传活动3次。\n二、其他\n组织居民开展插花比赛。\n"
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    record = _gold("p.txt", text, [("开展防诈骗宣传活动3次", "防诈骗宣传活动", "campaign")])
    record["excerpts"] = ["社区开展防诈骗"]
    (tmp_path / "p.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    (example,) = gold_examples(tmp_path, [tmp_path])
    words = "".join(t.word for tokens, _ in example.sequences for t in tokens)
    assert "防诈骗宣传活动" in words and "插花比赛" not in words  # the unannotated line teaches nothing
    assert all(example.parse.original[s:e] != "插花比赛" for s, e in example.rule_spans)
    assert sum(labels.count("B") for labels in example.labels) == 1


def test_sentence_labels_teach_only_their_sentences_and_merge_rounds(tmp_path) -> None:
    from nlp.activities.training import sentence_examples

    text = "社区开展垃圾分类宣传活动4次。同一行里组织居民参加象棋比赛。社区新建文化广场一处。\n"
    (tmp_path / "Q1.txt").write_text(text, encoding="utf-8")

    def labels(path: Path, unit: str, quote: str, name: str, kind: str) -> Path:
        act = {"quote": quote, "name": name, "kind": kind, "category": "other", "planned": False}
        data = {"documents": {"Q1": {"units": [unit], "activities": [act]}}}
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    first = labels(tmp_path / "a.json", "社区开展垃圾分类宣传活动4次。", "开展垃圾分类宣传活动", "垃圾分类宣传活动", "campaign")
    second = labels(tmp_path / "b.json", "社区新建文化广场一处。", "新建文化广场", "文化广场", "project")
    (example,) = sentence_examples([first, second], [tmp_path])
    words = "".join(t.word for tokens, _ in example.sequences for t in tokens)
    assert "文化广场" in words and "象棋比赛" not in words  # the sentence between them is not labelled
    assert sum(labels.count("B") for labels in example.labels) == 2
    assert [k for _, _, k in example.kind_rows] == ["campaign", "project"]
    assert sentence_examples([first], [tmp_path], keep=lambda doc: doc != "Q1") == []
