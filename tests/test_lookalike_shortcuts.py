"""The look-alike rejection's shortcuts held to their plain definitions on generated text: the veto
trying digit-led look-alikes once per run of digits, the rules reading the scan's groups tuple, and
the shape rules asked only where their condition on the figure holds (tenth session, sp-rej10)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.figures import lookalike_rules as L
from nlp.figures import lookalike_shapes as S
from nlp.figures import quantities as Q
from nlp.figures.scan import opening_run, possessive_opening, starting_chars
from nlp.resources import load_toml
from nlp.text.document import Text

# Digits in runs, and what the digit-led look-alikes need around them: dates (2021年3月, 2019-05),
# clocks (12:30), products (7×24小时), sums (3+2, 1+N), anniversaries, addresses, ages.
DIGIT_ALPHABET = "0123456789" * 4 + "年月日号楼周岁以上下至到:：+＋×N-./ 小时分钟圈篇范文中全会级栋单元室层次个人户万元"


def _plain_veto(text: str, start: int, end: int) -> bool:
    g = Q.grammar()
    low, high = max(0, start - Q._WINDOW), min(len(text), end + Q._WINDOW)
    return any(m.start() < end and start < m.end() for m in g.lookalikes.finditer(text, low, high))


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=DIGIT_ALPHABET, min_size=1, max_size=40), st.data())
def test_the_veto_tries_digit_runs_once_and_equals_finditer(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    assert Q._vetoed(Q.grammar(), text, start, end) == _plain_veto(text, start, end)


CLOSE_CALLS = [
    "20210年度",  # [0-9]{4}年 matches one digit in: the bounded look-alikes are tried at each digit
    "123:45开会3次",
    "新增12+3个",
    "2019-05-12号楼1234户",
    "服务7×24小时热线12345次",
    "建党100周年活动3次",
    "70周岁以上老人400名",
]


def test_the_veto_on_close_calls() -> None:
    for text in CLOSE_CALLS:
        for start in range(len(text)):
            for end in range(start + 1, len(text) + 1):
                assert Q._vetoed(Q.grammar(), text, start, end) == _plain_veto(text, start, end), (text, start, end)


def test_the_digit_group_is_split_into_runs_and_the_rest() -> None:
    """What the veto tries after a failed digit is the grammar's digit group less the look-alikes
    that open with a run of every digit, in the same order."""
    digit_led = [a for a in load_toml("not_figures.toml")["patterns"] if starting_chars(a) & Q._DECIMAL_DIGITS]
    compiled = [possessive_opening(a) for a in digit_led]
    assert Q.grammar().lookalikes_at["0"].pattern == "|".join(f"(?:{a})" for a in compiled)
    rest = Q._after_run()["0"]
    assert rest is not None
    dropped = [a for a, c in zip(digit_led, compiled, strict=True) if f"(?:{c})" not in rest.pattern]
    assert dropped and all(set("0123456789") <= (opening_run(a) or set()) for a in dropped)
    assert "(?:[0-9]{4}" in rest.pattern and "(?:[0-9]++周年)" not in rest.pattern


def test_opening_runs() -> None:
    cases = {
        "[0-9]+周年": set("0123456789"),
        "[0-9一二]+?号": set("0123456789一二"),
        "5+个": {"5"},
        "[0-9]{1,2}:[0-9]{2}": None,
        "[0-9]*岁": None,
        "(?<![第])[0-9]+期": None,
        "(?:19|20)[0-9]{2}": None,
        "[\u4e00-\u9fff]+会": None,
    }
    for pattern, expected in cases.items():
        found = opening_run(pattern)
        assert (None if found is None else set(found)) == expected, pattern


FIGURE_ALPHABET = "0123456789一二三四十百万两第约近余多个次人户名年月号岁周以上下：:  ，。“”元期位数"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=FIGURE_ALPHABET, max_size=50))
def test_the_rules_read_the_groups_where_the_names_stand(text: str) -> None:
    """``rejection`` reads the scan's groups tuple by position: each position holds its named group."""
    for m in Q.grammar().pattern.finditer(text):
        groups = m.groups()
        for index, name in zip((L._PRE, L._NUM, L._GAP0, L._GAP, L._UNIT, L._POST),
                               ("pre", "num", "gap0", "gap", "unit", "post"), strict=True):
            assert groups[index] == m.group(name)
        assert m.span(L._NUM + 1) == m.span("num") and m.end(L._UNIT + 1) == m.end("unit")


# The shape rules' triggers (二期, 的一次, 发现一处、整改一处, 每一户, 四周, 两位数, 以上3家, 2万吨…项目,
# 三年…行动, 以上…的, 伍家, 300户以上自然村) and plain words around them.
SHAPE_ALPHABET = (
    "0123一二两三四壹伍陆期位数周週人户名家个处项次年吨千瓦万以上下的每向（）、，。"
    "项目计划行动自然村企业工程举办培训班发现整改小区老人\n"
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=SHAPE_ALPHABET, max_size=40))
def test_the_shape_rules_asked_by_condition_equal_every_rule_asked(text: str) -> None:
    doc = Text.from_string(text)
    for candidate in Q.find_candidates(doc.text):
        q = candidate.quantity
        assert S.shape_rule(doc, q) == S.shape_rule_plain(doc, q), (text, q)


def test_the_shape_rules_on_real_looking_text() -> None:
    text = (
        "完成二轮延包试点，这是规模最大的一次招聘，坚持发现一处、整改一处，每一笔支出都经审核，"
        "推进污水处理厂三期建设，伍家岭片区新增充电桩12个，税收保持两位数增长，培育产值亿元以上企业3家、"
        "5000万元以上6家，建成鑫源2万吨饲料加工项目，落实两年增绿计划，清理签约一年以上未开工的项目8个，"
        "小区四周安装围栏，300户以上自然村全部通水。"
    )
    doc = Text.from_string(text)
    found = [S.shape_rule(doc, q) for q in doc.figures]
    assert found == [S.shape_rule_plain(doc, q) for q in doc.figures]
    assert {"er_ordinal", "article_after_de", "parallel_one", "every_one", "project_phase", "formal_digit_name",
            "digits_word", "bound_then_count", "capacity_in_name", "programme_name", "bound_relative",
            "surroundings", "place_class"} <= set(found)
    assert None in found  # the figures no rule names stay (12个, 3家, 8个)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="一处件个整改成干发现、，,的\n。a", max_size=8), st.sampled_from(["一处", "一件", "一个"]))
def test_slogan_partners_equal_their_patterns(window: str, again: str) -> None:
    """``parallel_one`` looks for its partner without compiling a pattern for each unit."""
    after = re.match(r"[、，,]?[\u4e00-\u9fff]{1,3}?" + re.escape(again), window)
    assert S._partner_after(window, again) == (None if after is None else after.end())
    before = re.search(re.escape(again) + r"[、，,]?[\u4e00-\u9fff]{1,3}$", window)
    assert S._partner_before(window, again) == (before is not None)


# Windows where the patterns' corners decide: ``$`` before a final newline, a separator first, the
# shortest verb, a partner too far.
PARTNER_WINDOWS = ["一处整改\n", "一处、整改\n", "一处\n", "、整改一处", "，成一件的", "整改一处一处", "一处整改查处", "一处，\n整改"]


def test_slogan_partners_on_corner_windows() -> None:
    for window in PARTNER_WINDOWS:
        again = "一件" if "件" in window else "一处"
        after = re.match(r"[、，,]?[\u4e00-\u9fff]{1,3}?" + re.escape(again), window)
        assert S._partner_after(window, again) == (None if after is None else after.end()), window
        before = re.search(re.escape(again) + r"[、，,]?[\u4e00-\u9fff]{1,3}$", window)
        assert S._partner_before(window, again) == (before is not None), window
