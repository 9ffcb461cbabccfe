"""The heading errors issue 12 names, on invented documents in the genre's style; and the heading model.

Three kinds: a numbered heading that runs on into its paragraph (it ends at its first 。 or ：, or
before a sentence opener when written without punctuation); a document-sharing site's numbered
notices (download, refund, customer service), which are never headings; a heading glued to the
next line's text in a flattened page.
"""

from __future__ import annotations

import pytest

from nlp.text.heading_model import (
    FEATURES,
    Candidate,
    default_decision,
    features,
    load_heading_model,
)
from nlp.text.heading_words import chrome_words, run_on_cut
from nlp.text.normalize import normalize
from nlp.text.outline import build_outline

PARA = "今年以来，在街道党工委的正确领导下，社区各项工作稳步推进，居民满意度不断提高，取得了较好成效。"
# A flattened page: every paragraph of the report on one physical line, as document sites serve it.
FLAT_INTRO = "2023年柳湾社区工作总结 " + PARA * 6


def outline(text: str) -> list[tuple[int, str, str]]:
    return [(s.level, s.label, s.heading) for s in build_outline(normalize(text))]


DOCS = {
    # 1. run-on headings
    "run-on heading ends at its first full stop": (
        PARA + "\n一、做好民生保障工作。目前已为辖区低保户办理年审38户，发放慰问金2.4万元。\n"
        "二、抓好平安建设。社区组建巡逻队2支，开展夜间巡逻60余次。\n",
        [(1, "一、", "做好民生保障工作"), (1, "二、", "抓好平安建设")],
    ),
    "run-on heading ends at its colon": (
        PARA + "\n（一）关爱老年人：社区现有80岁以上老人56名，全年上门走访110户次。\n"
        "（二）服务残疾人：协助办理残疾证9本。\n",
        [(2, "（一）", "关爱老年人"), (2, "（二）", "服务残疾人")],
    ),
    "run-on heading without punctuation ends before a time word": (
        PARA + "\n一、基本情况今年以来，社区共开展各类活动36场次，参与居民1200人次。\n"
        "二、存在问题目前社区办公用房仅80平方米，活动场地不足，难以满足需要。\n",
        [(1, "一、", "基本情况"), (1, "二、", "存在问题")],
    ),
    "run-on heading without punctuation ends before a year": (
        PARA + "\n一、项目进展2022年，全村实施道路硬化工程3处，总长2.6公里，投入资金85万元。\n",
        [(1, "一、", "项目进展")],
    ),
    "run-on heading ends at a half-width full stop": (
        PARA + "\n一、做好民生保障工作.目前已为辖区低保户办理年审38户.\n二、抓好平安建设.社区组建巡逻队2支.\n",
        [(1, "一、", "做好民生保障工作"), (1, "二、", "抓好平安建设")],
    ),
    "run-on heading without punctuation ends before a subject after its topic word": (
        PARA + "\n一、基本情况社区位于城区东部，辖区面积2.3平方公里，现有居民1800户。\n"
        "二、加强组织建设社区党委下设支部3个，共有党员96名。\n",
        [(1, "一、", "基本情况"), (1, "二、", "加强组织建设")],
    ),
    "a heading after a paragraph that lacks its full stop": (
        PARA + "\n一、做好社会救助工作。\n全年为困难群众发放临时救助金2.6万元\n二、抓好平安建设。\n社区组建巡逻队2支\n",
        [(1, "一、", "做好社会救助工作"), (1, "二、", "抓好平安建设")],
    ),
    "a heading with a space inside stays whole; a paragraph after a space is cut off": (
        PARA + "\n一、2023年 工作回顾\n" + PARA + "\n二、民生服务 社区全年为困难群众发放救助金2.6万元，走访慰问120户。\n",
        [(1, "一、", "2023年 工作回顾"), (1, "二、", "民生服务")],
    ),
    "a long heading with a time word inside stays whole": (
        PARA + "\n一、圆满完成今年各项工作目标任务并取得新成效\n" + PARA + "\n二、下一步工作打算\n" + PARA,
        [(1, "一、", "圆满完成今年各项工作目标任务并取得新成效"), (1, "二、", "下一步工作打算")],
    ),
    # 2. a document-sharing site's notices
    "numbered site notices above the document": (
        "1. 本站文档均由用户上传，仅供学习参考。\n2. 付费下载后不支持退款，请谨慎购买。\n"
        "3. 如有疑问请联系网站客服。\n桂园社区2023年工作总结\n" + PARA + "\n一、党建引领\n" + PARA
        + "\n1、开展主题党日活动12次\n2、组织党员志愿服务8次\n二、环境整治\n" + PARA,
        [(1, "一、", "党建引领"), (3, "1、", "开展主题党日活动12次"), (3, "2、", "组织党员志愿服务8次"),
         (1, "二、", "环境整治")],
    ),
    "site notices: a notice without a chrome word numbered after one": (
        "1. 本资料由网友整理发布，仅供参考。\n2. 如需原文请联系管理员。\n3. 请勿用于商业用途。\n柳湾社区2023年工作总结\n"
        + PARA + "\n一、党建工作\n" + PARA + "\n1、开展主题党日活动12次\n二、平安建设\n" + PARA,
        [(1, "一、", "党建工作"), (3, "1、", "开展主题党日活动12次"), (1, "二、", "平安建设")],
    ),
    "site notices numbered with 、 after the text": (
        PARA + "\n一、文明创建\n" + PARA + "\n二、便民服务\n" + PARA
        + "\n1、下载本文需消耗3个下载券\n2、虚拟商品一经售出不予退款\n3、版权归原作者所有，如有侵权请联系删除\n",
        [(1, "一、", "文明创建"), (1, "二、", "便民服务")],
    ),
    # 3. a heading glued to the next line's text in a flattened page
    "flattened page: labels after a full stop open headings": (
        FLAT_INTRO + "一、党建引领今年以来，社区党委下设支部3个，开展主题党日活动12次。"
        "二、环境整治2023年社区共清理卫生死角46处，清运垃圾80余吨。三、下一步打算。社区将继续完善网格管理。",
        [(1, "一、", "党建引领"), (1, "二、", "环境整治"), (1, "三、", "下一步打算")],
    ),
    "flattened page: a list after a comma": (
        FLAT_INTRO + "1、每天对垃圾分类情况进行登记，(1)东苑小区5月份收集可回收物共42桶。"
        "(2)西苑小区5月份收集可回收物共35桶。2、每周开展一次集中清理。",
        [(3, "1、", "每天对垃圾分类情况进行登记"), (4, "(1)", "东苑小区5月份收集可回收物共42桶"),
         (4, "(2)", "西苑小区5月份收集可回收物共35桶"), (3, "2、", "每周开展一次集中清理")],
    ),
    "flattened page: a (2) with no (1) line before it stays in its paragraph": (
        "一、工作回顾\n" + PARA * 6 + "主要措施有：（1）完善网格管理，做到全覆盖。（2）加强巡逻防控，每周开展夜巡2次。"
        "（3）强化矛盾调处，调解纠纷31起。\n二、下一步打算\n" + PARA,
        [(1, "一、", "工作回顾"), (1, "二、", "下一步打算")],
    ),
    "a long paragraph among others is not a flattened page": (
        PARA + "\n一、主要做法\n" + PARA * 8 + "社区重点抓了三项工作。1、建立台账，逐户登记。2、定期走访，每月一次。"
        "3、跟踪问效，及时反馈。\n二、取得成效\n" + PARA * 4 + "\n三、存在问题\n" + PARA * 4 + "\n四、下一步打算\n" + PARA * 4,
        [(1, "一、", "主要做法"), (1, "二、", "取得成效"), (1, "三、", "存在问题"), (1, "四、", "下一步打算")],
    ),
    "paragraphs with line breaks: an inline list stays in its paragraph": (
        PARA + "\n一、主要做法\n社区开展了三项工作。（一）排查隐患。（二）整改问题。\n二、取得成效\n" + PARA,
        [(1, "一、", "主要做法"), (1, "二、", "取得成效")],
    ),
}


@pytest.mark.parametrize("text, expected", DOCS.values(), ids=DOCS.keys())
def test_unseen_heading_kinds(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert outline(text) == expected


RUN_ON = [
    ("工作成效今年以来社区共开展各类活动36场次，参与群众1200人次", "工作成效"),
    ("基本情况截至6月底，辖区共有居民2180户，常住人口5600人", "基本情况"),
    ("确保本村社会稳定和治安平稳，不发生重大安全事故", "确保本村社会稳定和治安平稳，不发生重大安全事故"),
    ("加强党的建设", "加强党的建设"),
    ("“十五”时期和2005年主要工作回顾", "“十五”时期和2005年主要工作回顾"),
    ("基本情况今年以来，社区共开展活动36场次", "基本情况"),
    ("围绕中心服务大局今年重点抓好三个方面工作并取得成效", "围绕中心服务大局今年重点抓好三个方面工作并取得成效"),
]


@pytest.mark.parametrize("phrase, heading", RUN_ON, ids=[h for _, h in RUN_ON])
def test_run_on_cut(phrase: str, heading: str) -> None:
    assert phrase[: run_on_cut(phrase)] == heading


CHROME = [
    ("本文档由用户上传，付费后不支持退款", True),
    ("如有疑问请联系在线客服", True),
    ("开展垃圾分类宣传活动", False),
    ("建立党员积分管理制度", False),
    ("组建居民QQ群和微信群", False),
]


@pytest.mark.parametrize("phrase, chrome", CHROME, ids=[p for p, _ in CHROME])
def test_chrome_words(phrase: str, chrome: bool) -> None:
    assert bool(chrome_words(phrase)) is chrome


def _candidate(**changes) -> Candidate:
    base = dict(
        kind="cn", number=2, level=1, in_sequence=True, first_of_kind=False, broken=False, after_chrome=False,
        phrase="环境整治",
        rest="", stop="", prev=PARA, nxt=PARA, prev_heading="", soft=False, position=0.5, body_started=True,
        repeats=1, unnumbered_rule=False, next_label="", next_in_sequence=False,
    )
    base.update(changes)
    return Candidate(**base)


def test_shipped_model_reads_the_current_features() -> None:
    model = load_heading_model()
    assert model is not None and model.names == FEATURES == tuple(features(_candidate()))


def test_model_prefers_a_heading_in_sequence() -> None:
    model = load_heading_model()
    assert model.probability(_candidate()) > model.probability(_candidate(in_sequence=False, number=7))


DECISIONS = [
    ("a numbered heading in sequence", _candidate(), True),
    ("out of sequence", _candidate(in_sequence=False, number=7), False),
    ("after a paragraph broken mid-word", _candidate(broken=True), False),
    ("a site notice in sequence", _candidate(kind="dig", phrase="付费下载后不支持退款", number=1), False),
    ("no heading phrase", _candidate(phrase=""), False),
    ("numbered after a site notice", _candidate(kind="dig", phrase="如需原文请联系管理员", after_chrome=True), False),
]


@pytest.mark.parametrize("candidate, accepted", [d[1:] for d in DECISIONS], ids=[d[0] for d in DECISIONS])
def test_default_decision(candidate: Candidate, accepted: bool) -> None:
    assert default_decision(candidate) is accepted


def test_shipped_model_is_trained_on_the_current_dev_gold() -> None:
    """Refitting on the dev and long-report gold (the end model with its augmented copies) gives the
    shipped weights of both decisions (retrain when the gold, the features or the augmentation change)."""
    from evaluation.heading_augment import END_AUGMENT, augmenter
    from evaluation.heading_end_data import fit_end
    from evaluation.heading_train import end_examples, fit, load_all, walk
    from evaluation.splits import doc_folders
    from nlp.text.heading_end import load_end_model

    docs = load_all()
    if not docs:
        pytest.skip(f"the dev documents are absent ({', '.join(map(str, doc_folders('dev')))}); set ZONGJIE_SHARED")
    walks = [walk(d) for d in docs]
    refit = fit([row for w in walks for row in w[0]])
    shipped = load_heading_model()
    assert refit.coef == pytest.approx(shipped.coef, abs=1e-6)
    assert refit.intercept == pytest.approx(shipped.intercept, abs=1e-6)
    end = load_end_model()
    refit_end = fit_end(end_examples(docs, walks, augmenter(END_AUGMENT)), end.threshold)
    assert refit_end.weights == pytest.approx(end.weights, abs=1e-3)
