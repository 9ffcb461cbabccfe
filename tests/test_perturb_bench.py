"""The behavioural-test perturbations (evaluation/perturbations.py) on an invented document: each
changes the text the way its docstring says and expects what the gold then says."""

from __future__ import annotations

import pytest

from evaluation.gold import GoldDoc, GoldHeading
from evaluation.perturb_bench import COLUMNS, Cell, parse_perturbed, score
from evaluation.perturbations import PERTURBATIONS, Case

TEXT = (
    "2023年东湖社区工作总结\n"
    "\n"
    "2023年，东湖社区在街道党工委的领导下，认真落实各项工作任务，本社区各项工作稳步推进。\n"
    "一、党建工作\n"
    "社区现有党员56名，全年开展主题党日12次。\n"
    "（一）支部建设\n"
    "社区党委下设网格支部4个。\n"
    "二、民政工作\n"
    "全年走访困难家庭40户。\n"
    "东湖社区居民委员会\n"
    "2023年12月28日\n"
)
GOLD = GoldDoc(
    file="t.json", doc="t.txt", title="2023年东湖社区工作总结", community="东湖社区", year=2023, period="year",
    headings=(GoldHeading(1, "一、", "党建工作"), GoldHeading(2, "（一）", "支部建设"), GoldHeading(1, "二、", "民政工作")),
)  # fmt: skip
CASE = Case("t.txt", TEXT, GOLD, ("meta", "headings"))


def test_every_perturbation_says_what_it_does() -> None:
    assert all(fn.__doc__ and len(fn.__doc__.split()) >= 3 for fn in PERTURBATIONS.values())


@pytest.mark.parametrize(
    ("name", "in_text", "expected"),
    [
        ("name_suffix_underscore", "2023年东湖社区工作总结_1\n", {"title": "2023年东湖社区工作总结"}),
        ("site_numbering_bracket", "【第1篇】2023年东湖社区工作总结\n", {"year": 2023}),
        ("title_removed", "\n2023年，东湖社区", {"title": None, "year": 2023, "community": "东湖社区"}),
        ("first_half_in_title", "2023年东湖社区上半年工作总结\n", {"period": "H1"}),
        ("annual_in_title", "2023年东湖社区年度工作总结\n", {"period": "year"}),
        ("heading_run_on", "一、党建工作。社区现有党员56名", {}),
        ("heading_glued", "一、党建工作社区现有党员56名", {}),
        ("traditional_script", "東湖社區", {"community": "东湖社区", "title": "2023年東湖社區工作總結"}),
        ("numbering_width_swapped", "(一)支部建设", {}),
        ("page_chrome_prepended", "发布时间：2025-06-18", {"year": 2023}),
        ("posted_under_title", "工作总结\n发布时间：2025-06-18", {"year": 2023}),
        ("site_name_after_title", "工作总结_文档分享网\n", {"title": "2023年东湖社区工作总结"}),
        ("collection_wrapper", "2023年东湖社区工作总结(精选6篇)\n", {"title": "2023年东湖社区工作总结"}),
        ("first_quarter_in_title", "2023年东湖社区第一季度工作总结\n", {"period": "Q1"}),
        ("months_in_title", "2023年东湖社区1-6月工作总结\n", {"period": "H1"}),
        ("year_full_width", "２０２３年东湖社区工作总结", {"title": "２０２３年东湖社区工作总结", "year": 2023}),
        ("pinyin_junk", "東湖社區(qū)工作總結(jié)", {"community": "东湖社区", "title": "2023年東湖社區(qū)工作總結(jié)"}),
        ("lines_flattened", "工作总结2023年，东湖社区", {"title": "2023年东湖社区工作总结"}),
        ("traditional_chrome", "發佈時間", {"community": "东湖社区"}),
    ],
)
def test_perturbation_text_and_expectation(name: str, in_text: str, expected: dict) -> None:
    p = PERTURBATIONS[name](CASE)
    assert p is not None
    assert in_text in p.text
    for key, value in expected.items():
        assert p.expected[key] == value


def test_street_and_community_in_a_title_without_the_name() -> None:
    assert PERTURBATIONS["street_and_community_in_title"](CASE) is None  # the title names it already
    case = Case("t.txt", TEXT.replace("2023年东湖社区工作总结", "社区工作总结"), GOLD, ("meta",))
    case = Case("t.txt", case.text, type(GOLD)(**{**GOLD.__dict__, "title": "社区工作总结"}), ("meta",))
    p = PERTURBATIONS["street_and_community_in_title"](case)
    assert p is not None and p.text.startswith("东城街道东湖社区工作总结\n")
    assert p.expected["community"] == "东湖社区" and p.expected["title"] == "东城街道东湖社区工作总结"


def test_year_only_in_file_name_moves_the_year() -> None:
    p = PERTURBATIONS["year_only_in_file_name"](CASE)
    assert p is not None and p.name.startswith("2023年") and "2023" not in p.text
    assert p.expected["year"] == 2023 and p.expected["title"] == "东湖社区工作总结"


def test_encodings_are_bytes_the_reader_decodes() -> None:
    p = PERTURBATIONS["encoding_utf16"](CASE)
    assert p is not None and p.data is not None and p.data.decode("utf-16") == TEXT
    assert parse_perturbed(p).doc.title == GOLD.title


def test_notice_span_is_scored() -> None:
    p = PERTURBATIONS["notice_appended"](CASE)
    assert p is not None and p.inserted is not None
    s, e = p.inserted
    assert p.text[s:e].startswith("下载须知") and p.text[s:e].endswith("在线客服。")
    row, misses = {c: Cell() for c in COLUMNS}, []
    score(p, parse_perturbed(p), row, misses, "t.txt")
    assert row["inserted"].total == 1 and row["headings"].total == 1
    assert not misses, misses


def test_a_wrong_field_is_a_miss() -> None:
    p = PERTURBATIONS["first_half_in_title"](CASE)
    assert p is not None
    wrong = type(p)(p.name, p.text, {**p.expected, "year": 1999}, p.headings)
    row, misses = {c: Cell() for c in COLUMNS}, []
    score(wrong, parse_perturbed(wrong), row, misses, "t.txt")
    assert [m.field for m in misses] == ["year"] and row["year"].right == 0 and row["period"].right == 1


def test_new_failures_leave_out_what_the_baseline_gets_wrong() -> None:
    from evaluation.perturb_bench import BASELINE, Miss, new_failures

    misses = {
        BASELINE: [Miss("a.txt", "year", 2020, None)],
        "p": [
            Miss("a.txt", "year", 2020, None),
            Miss("a.txt", "title", "t", None),
            Miss("b.txt", "year", 2021, 2),
        ],
    }
    assert new_failures(misses) == {BASELINE: 0, "p": 2}


def test_no_document_found_is_an_error(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import evaluation.perturb_bench as bench

    monkeypatch.setattr(bench, "load_cases", lambda: [])
    assert bench.main(["--only", "heading_glued"]) == 2
    assert "ZONGJIE_SHARED" in capsys.readouterr().err
