"""Surface checks (ZJ4xx): doubled units, masked figures, missing figures — on invented sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.checks.surface import find_duplicated_units, find_masked_figures, find_missing_figures
from nlp.pipeline import parse_text

DUPLICATED_FIRES = [
    ("arabic 起", "全年调解矛盾纠纷31起起,成功率100%。", "31起起"),
    ("名", "新发展党员5名名,转正3名。", "5名名"),
    ("户", "走访慰问困难家庭12户户,送去米面油。", "12户户"),
    ("chinese numeral", "新建两个个小区议事厅。", "两个个"),
    ("approx 余", "开展宣传活动20余场场。", "20余场场"),
    ("money", "发放慰问金3000元元。", "3000元元"),
    ("last character of a two-character unit", "服务居民500人次次。", "500人次次"),
    ("口人", "全村共有615口人人,耕地180亩。", "615口人人"),
]
DUPLICATED_QUIET = [
    ("一个个 reduplication", "网格员一个个楼栋上门登记。"),
    ("人人", "人人参与,家家户户受益。"),
    ("天天 常常", "志愿者天天巡逻,常常加班。"),
    ("个个", "党员个个争先。"),
    ("人均 after 人", "辖区居民3200人人均收入提高。"),
    ("户籍 after 户", "共有居民850户户籍人口2300人。"),
    ("户厕 after 户", "剩下的三十多户户厕年内全部改完。"),
    ("户主 after 户", "为12户户主办理了登记。"),
    ("single unit", "调解纠纷31起。"),
]


@pytest.mark.parametrize(("name", "text", "expected"), DUPLICATED_FIRES, ids=[c[0] for c in DUPLICATED_FIRES])
def test_duplicated_unit_fires(name, text, expected):
    assert [text[s:e] for s, e, *_ in find_duplicated_units(text)] == [expected]


@pytest.mark.parametrize(("name", "text"), DUPLICATED_QUIET, ids=[c[0] for c in DUPLICATED_QUIET])
def test_duplicated_unit_quiet(name, text):
    assert list(find_duplicated_units(text)) == []


MASKED_FIRES = [
    ("x", "抽调x名工作人员下沉。", ["x名"]),
    ("xx", "社区现有党员xx名。", ["xx名"]),
    ("XX", "走访XX户困难家庭。", ["XX户"]),
    ("××", "组织培训××次。", ["××次"]),
    ("*", "建成*个服务点。", ["*个"]),
    ("**", "举办讲座**场。", ["**场"]),
    ("***", "发放宣传品***份。", ["***份"]),
    ("__", "参与居民__人。", ["__人"]),
    ("full-width ＿＿", "参与居民＿＿人。", ["＿＿人"]),
    ("decimal 万元", "投入资金xx.xxx万元。", ["xx.xxx万元"]),
    ("range 元", "每户补贴xxx-xxx元。", ["xxx-xxx元"]),
    ("approx 近 万人", "服务群众近××万人。", ["近××万人"]),
    ("masked approx 余", "发放资料***余份。", ["***余份"]),
    ("percent", "满意率达xx.xx%。", ["xx.xx%"]),
    ("百分之", "知晓率达到百分之xx。", ["百分之xx"]),
    ("件次 kept whole", "受理投诉xx件次。", ["xx件次"]),
    ("magnitude without unit", "累计投入xx万,改造管网。", ["xx万"]),
    ("two figures, two flags", "组建x支队伍,开展活动xx余次。", ["x支", "xx余次"]),
    # rule placeholder_run: circles and squares as a run of two or more before a unit
    ("circles", "帮助○○名失业人员实现再就业。", ["○○名"]),
    ("zero circles", "新增〇〇个停车位。", ["〇〇个"]),
    ("squares", "为□□户居民更换燃气管道。", ["□□户"]),
    ("squares as money", "拨付经费□□□□元。", ["□□□□元"]),
    # rule partial_mask: the first digits kept, the rest masked
    ("last digits hidden", "辖区登记流动人口2xx人。", ["2xx人"]),
    ("two middle digits hidden", "全年接待来访群众1xx5人次。", ["1xx5人次"]),
    ("decimal hidden", "发放救助金4x.x万元。", ["4x.x万元"]),
    ("rate hidden", "垃圾分类知晓率达8x%。", ["8x%"]),
    # rule small_magnitude: a placeholder before 十/百/千 and a unit
    ("千余", "春节联欢会吸引观众x千余人。", ["x千余人"]),
    ("百 with its unit", "全年调处纠纷xx百件。", ["xx百件"]),
    ("百分点 stays the unit", "参保率提高x百分点。", ["x百分点"]),
]
MASKED_QUIET = [
    ("masked community", "xx社区位于城区东部。"),
    ("masked village", "**村党支部召开会议。"),
    ("masked person", "XX同志带队检查。"),
    ("masked year", "20xx年社区工作总结。"),
    ("masked year underscores", "20__年工作计划。"),
    ("masked four-digit year", "申报xxxx年市级示范社区。"),
    ("masked month", "截至xx月底完成任务。"),
    ("ordinal", "在比赛中获得第xx名。"),
    ("masked name in book title", "按照《x天府新区社区条例》执行。"),
    ("url", "详见网站www.xx.com。"),
    ("unit that opens a word", "xx人民群众积极参与。"),
    ("masked word", "在xx的带领下,xx通过问卷调查了解需求。"),
    # rule placeholder_run: a circle is a zero beside a numeral; one square is a lost character
    ("circle zeros in a year", "二○二三年社区工作总结。"),
    ("circle zeros in a count", "全街道共有居民一○○五户。"),
    ("circle zeros in a figure with 万", "完成投资二〇〇万元。"),
    ("one square before a unit", "发现矛盾□户纠纷后及时调处。"),
    ("circles as a name", "○○小区物业交接顺利完成。"),
    # rule partial_mask: a times sign between digits, a year, a code
    ("times sign in a size", "更换2×3米的公示栏两块。"),
    ("a game named by its players", "组织开展5x5足球友谊赛。"),
    ("a masked year after digits", "截至202x年底全部完成。"),
    ("a code with a Latin letter", "配备K2xx型消防泵一台。"),
    ("per cent replaced by letters", "同比增长12.5_M_M_。"),
    ("十 opening a word", "在xx十字路口设立执勤点。"),
    ("百分比 after a mask", "占xx百分比较高。"),
]


@pytest.mark.parametrize(("name", "text", "expected"), MASKED_FIRES, ids=[c[0] for c in MASKED_FIRES])
def test_masked_figure_fires(name, text, expected):
    assert [text[s:e] for s, e in find_masked_figures(text)] == expected


@pytest.mark.parametrize(("name", "text"), MASKED_QUIET, ids=[c[0] for c in MASKED_QUIET])
def test_masked_figure_quiet(name, text):
    assert [text[s:e] for s, e in find_masked_figures(text)] == []


MISSING_FIRES = [
    ("rate without number", "入户率为%,居民满意。", "%"),
    ("money without number", "为困难家庭发放慰问金元。", "元"),
    ("余 without number", "春节前共走访余户。", "余户"),
    ("blank then percent", "参保率达到 %。", "%"),
    ("rate verb then stop", "居民满意率达到。", "达到"),
    ("blank left in a template", "全年共走访   户,解决问题   件。", "户"),
    ("万元 without number", "累计投入资金万元,硬化道路。", "万元"),
    # rule bracket_blank: brackets left empty for the figure
    ("blank brackets", "年内为（　）名老人上门体检。", "名"),
    ("empty ASCII brackets", "共排查隐患()处,整改()件。", "件"),
]
MISSING_QUIET = [
    ("rate with number", "入户率为95%。"),
    ("money with number", "发放慰问金6400元。"),
    ("其余", "其余户主均已登记。"),
    ("剩余人员", "剩余人员全部安置。"),
    ("亿元以上 magnitude", "引进投资亿元以上项目两个。"),
    ("万元户", "培育万元户十余家。"),
    ("percent after space", "覆盖率达到100 %。"),
    ("元旦", "发放慰问金元旦前到位。"),
    ("percent at_least", "参与率50%以上。"),
    ("chinese approx", "走访二十余户。"),
    ("underscores are a mask, not a gap", "全年共走访__户。"),
    ("元数据", "统计元数据已上报。"),
    ("brackets with a word", "全体（在职）人员参加了培训。"),
    ("brackets after punctuation", "附件：（ ）人员名单另附。"),
    ("brackets before a unit that opens a word", "请于（ ）户籍窗口办理。"),
]


@pytest.mark.parametrize(("name", "text", "part"), MISSING_FIRES, ids=[c[0] for c in MISSING_FIRES])
def test_missing_figure_fires(name, text, part):
    found = [text[s:e] for s, e, _ in find_missing_figures(text)]
    assert len(found) >= 1 and part in found[0]


@pytest.mark.parametrize(("name", "text"), MISSING_QUIET, ids=[c[0] for c in MISSING_QUIET])
def test_missing_figure_quiet(name, text):
    assert [text[s:e] for s, e, _ in find_missing_figures(text)] == []


TRADITIONAL = "青石社區2023年工作總結\n一、黨建\n社區現有黨員xx名,調解糾紛１２起起。\n"


@pytest.fixture(scope="module")
def traditional_flags():
    from nlp.checks import check_document

    p = parse_text(TRADITIONAL)
    return p, check_document(p, select=("ZJ4",))


def test_flags_point_into_the_original_text(traditional_flags):
    p, flags = traditional_flags
    texts = {f.name: p.original[f.start : f.end] for f in flags}
    assert texts == {"masked_figure": "xx名", "duplicated_unit": "１２起起"}
    assert all(f.line == 3 for f in flags)


ALPHABET = st.sampled_from(list("0123456789一二十百万余多xX×*_＿%％元户人名起次个率为达到共走访金其 \n,。《第年"))


@settings(max_examples=200, deadline=None)
@given(st.text(ALPHABET, max_size=40))
def test_finders_never_raise_and_spans_hold(text):
    for s, e, *_ in [*find_duplicated_units(text), *find_missing_figures(text)]:
        assert 0 <= s < e <= len(text)
    for s, e in find_masked_figures(text):
        assert 0 <= s < e <= len(text)
        assert any(c in text[s:e] for c in "xX×*_＿")
