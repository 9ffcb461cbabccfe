"""The facts stage's fast paths held to their plain definitions on generated documents (issue 8).

Each routine made faster for throughput must give exactly what its plain definition gives: the same
float, the same string, the same record. The documents are generated from pieces written in the style
of a community report (figures with units, plan markers, lists, brackets, quotations, colons).
"""

from __future__ import annotations

import dataclasses
import math
import re
from bisect import bisect_left
from itertools import repeat

from hypothesis import example, given, settings
from hypothesis import strategies as st

from nlp.figures import sentence_lead
from nlp.figures.breakdown import _AGE, _read_modifier
from nlp.figures.breakdown import _vocab as breakdown_vocab
from nlp.figures.facts import (
    _TO_COLON_OR_STOP,
    COLON_LIST_STOPS,
    PLAN_LIST_REACH,
    PLAN_REACH,
    _colon_lead,
    build_facts,
)
from nlp.figures.indicators import all_names, indicators
from nlp.figures.lookalike import LookalikeModel, feature_names, load_lookalike_model
from nlp.figures.lookalike_features import (
    _NOT_BLANK,
    BLANKS,
    ENCLOSURES,
    _enclosure,
    _kind_of_unit,
    _magnitude_bucket,
    _number_shape,
    _own_names,
)
from nlp.figures.measures import LONGER_NAME_REACH, _name_fronts, longest_measure, resolve_noun
from nlp.figures.neighbours import words_in
from nlp.figures.planned import (
    _patterns,
    _start_value_patterns,
    is_start_value,
    pattern_sources,
    plan_alternatives,
)
from nlp.figures.scope import PLACE_KINDS, _named_place, by_first_char, named_places, strip_indexed
from nlp.figures.subject_places import place_kind_opening
from nlp.figures.subjects import _AGE_BAND, _TITLE_BEFORE, _labelled_group
from nlp.records import Fact, Qualifier
from nlp.resources import load_toml
from nlp.text.document import Text
from nlp.text.place_names import place_names

PIECES = (
    "社区", "党员", "现有", "开展", "活动", "困难户", "低保", "其中", "全年", "计划", "力争", "下一步",
    "将", "继续", "已", "完成", "走访", "新增", "共", "第", "每", "以上", "以下", "的", "一", "两",
    "元", "万元", "户", "人", "名", "次", "场", "个", "%", "岁", "年", "月", "亩", "栋", "人次",
    "5", "12", "300", "2023", "1.5", "三十", "，", "。", "；", "：", "、", "\n", "“", "”", "《", "》",
    "（", "）", " ", "由", "提高到", "目标是", "满意率", "达到", "全镇", "阿娄社区", "小区", "投资",
)  # fmt: skip
documents = st.lists(st.sampled_from(PIECES), min_size=1, max_size=60).map("".join)


def _plain_probability(model, doc: Text, q) -> float:
    """The model's definition: the logistic of the intercept plus the weights of the feature names."""
    z = model.intercept + sum(map(model.weights.get, feature_names(doc, q), repeat(0.0)))
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@settings(max_examples=300, deadline=None)
@given(documents)
def test_lookalike_probability_is_the_plain_sum(text: str) -> None:
    model = load_lookalike_model()
    assert model is not None
    doc = Text.from_string(text)
    for q in doc.figures:
        assert model.probability(doc, q) == _plain_probability(model, doc, q)


@settings(max_examples=150, deadline=None)
@given(documents)
def test_facts_are_the_records_their_constructor_makes(text: str) -> None:
    """Facts filled in directly equal, hash and read like ``Fact(**fields)``."""
    doc = Text.from_string(text)
    for fact in build_facts(doc, doc.figures, ()):
        values = {f.name: getattr(fact, f.name) for f in dataclasses.fields(Fact)}
        made = Fact(**values)
        assert fact == made and hash(fact) == hash(made) and vars(fact) == vars(made)
        assert list(vars(fact)) == list(vars(made))  # the same field order (pickles, asdict)


def _plain_strip_indexed(text: str, index: dict[str, tuple[str, ...]]) -> str:
    while text:
        word = next((w for w in index.get(text[0], ()) if text.startswith(w) and len(text) > len(w)), None)
        if word is None:
            break
        text = text[len(word) :]
    return text


words = st.lists(st.text(alphabet="全县镇各类社区村民小组活动", min_size=1, max_size=4), max_size=8)


@given(st.text(alphabet="全县镇各类社区村民小组活动党员", max_size=12), words)
def test_strip_indexed_is_the_plain_loop(text: str, leading: list[str]) -> None:
    index = by_first_char(tuple(leading))
    assert strip_indexed(text, index) == _plain_strip_indexed(text, index)


@given(st.text(alphabet="社区居委会村民小组片自然网格楼栋投资党员", min_size=1, max_size=8))
def test_place_kind_opening_is_the_first_kind_in_order(noun: str) -> None:
    plain = next((k for k in PLACE_KINDS if noun.startswith(k) and len(noun) > len(k)), None)
    assert place_kind_opening(noun) == plain


def test_resolved_parts_are_fresh_for_each_caller() -> None:
    _, parts, _ = resolve_noun("女党员", "名")
    parts["sex"] = "changed"
    assert resolve_noun("女党员", "名")[1] == {"sex": "女"}


@settings(max_examples=200, deadline=None)
@given(
    documents,
    st.floats(-3, 3),
    st.one_of(st.floats(0.05, 0.95), st.sampled_from([1e-12, 1e-8, 1 - 1e-8, 0.0, 1.0])),
    st.randoms(use_true_random=False),
)
def test_lookalike_decision_read_on_bounds_is_the_exact_one(text: str, intercept: float, threshold: float, rng) -> None:
    """A model of random weights over the document's own features: whether the words are read or
    bounded, each figure is kept exactly when its probability reaches the threshold."""
    doc = Text.from_string(text)
    names = {name for q in doc.figures for name in feature_names(doc, q)}
    model = LookalikeModel({name: rng.uniform(-2, 2) for name in sorted(names)}, intercept, threshold)
    shipped = load_lookalike_model()
    for q in doc.figures:
        assert model.keeps(doc, q) == (_plain_probability(model, doc, q) >= threshold)
        assert shipped.keeps(doc, q) == (_plain_probability(shipped, doc, q) >= shipped.threshold)


@settings(max_examples=200, deadline=None)
@given(documents, st.integers(0, 200), st.integers(-5, 30))
def test_words_in_is_the_texts_words(text: str, start: int, length: int) -> None:
    doc = Text.from_string(text)
    start = min(start, len(doc.text))
    assert words_in(doc, start, start + length) == doc.words(start, start + length)


def _plain_longest_measure(noun, clause, at, unit):
    lead = clause[:at] if at >= 0 else clause
    indicator, parts, named = resolve_noun(noun, unit)
    if noun and at > 0:
        for k in range(min(at, 8), 0, -1):
            longer_noun = clause[at - k : at] + noun
            if longer_noun not in all_names():
                continue
            longer, longer_parts, _ = resolve_noun(longer_noun, unit)
            if longer is not None and longer_noun in longer.names():
                return longer, longer_parts, clause[: at - k], True
    return indicator, parts, lead, named


NAMES = sorted(all_names())
UNITS = sorted({unit for indicator in indicators() for unit in indicator.units})


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(NAMES), st.integers(0, 4), st.text(alphabet="未再实现新增60岁周以上的全年共", max_size=10), st.sampled_from(UNITS))
def test_longest_measure_tries_only_the_fronts_of_names(name: str, cut: int, before: str, unit: str) -> None:
    noun = name[min(cut, len(name) - 1) :]
    clause = before + name[: min(cut, len(name) - 1)] + noun + "5"
    at = clause.rfind(noun)
    assert longest_measure(noun, clause, at, unit) == _plain_longest_measure(noun, clause, at, unit)


def _plain_name_fronts(noun: str) -> tuple[str, ...]:
    fronts = {name[: -len(noun)] for name in all_names() if name.endswith(noun) and name != noun}
    return tuple(sorted((f for f in fronts if len(f) <= LONGER_NAME_REACH), key=lambda f: (-len(f), f)))


def test_name_fronts_are_those_a_scan_of_every_name_finds() -> None:
    # every piece of every name (and a few words no name holds) as the noun
    nouns = {name[i:j] for name in NAMES for i in range(len(name)) for j in range(i + 1, len(name) + 1)}
    nouns |= {"XX", "居民户", "年以上人员"}
    assert [noun for noun in sorted(nouns) if _name_fronts(noun) != _plain_name_fronts(noun)] == []
    assert any(_name_fronts(noun) for noun in nouns)


def _plain_read_modifier(modifier: str) -> tuple[tuple[tuple[str, str], ...], str]:
    voc = breakdown_vocab()
    parts: dict[str, str] = {}
    unknown = ""
    i = 0
    while i < len(modifier):
        age = _AGE.match(modifier, i)
        if age:
            parts["age"] = parts.get("age", "") + age.group(0)
            i = age.end()
            continue
        first = modifier[i]
        marker = next((m for m in voc.markers_by_first.get(first, ()) if modifier.startswith(m[0], i)), None)
        whole = next((w for w in voc.whole_by_first.get(first, ()) if modifier.startswith(w, i)), None)
        if marker and (whole is None or len(marker[0]) >= len(whole)):
            word, dimension, value = marker
            parts[dimension] = parts.get(dimension, "") + value
            i += len(word)
        elif whole:
            i += len(whole)
        else:
            unknown += modifier[i]
            i += 1
    return tuple(parts.items()), unknown


MODIFIER_PIECES = sorted(
    {m[0] for m in breakdown_vocab().markers} | set(breakdown_vocab().whole)
    | {"60", "岁以上", "周岁", "至", "80后", "十八", "贫困", "困难", "的", "人"}
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(MODIFIER_PIECES), st.integers(0, 3)), max_size=6))
def test_read_modifier_is_the_plain_longest_word_scan(pieces: list[tuple[str, int]]) -> None:
    # pieces of markers, whole words and age bands, some cut short so that shorter words match
    modifier = "".join(piece[: len(piece) - cut] if cut < len(piece) else piece for piece, cut in pieces)
    assert _read_modifier.__wrapped__(modifier) == _plain_read_modifier(modifier)


def test_read_modifier_agrees_with_the_plain_scan_on_every_word_of_the_tables() -> None:
    for word in MODIFIER_PIECES:
        for modifier in (word, word + word, "新" + word, word + "人员"):
            assert _read_modifier.__wrapped__(modifier) == _plain_read_modifier(modifier), modifier


def _plain_own_names(unit, unit_text, qualifier, value, number, is_range):
    form, digits, shape = _number_shape.__wrapped__(number)
    out = [
        f"unit={unit}",
        f"kind={_kind_of_unit(unit_text, unit)}",
        form,
        f"qualifier={qualifier.value}",
        f"log={_magnitude_bucket.__wrapped__(None if value is None else float(value))}",
        f"digits={min(digits, 7)}",
        *shape,
    ]
    if any(c in "万萬亿億" for c in unit_text):  # the magnitudes of numerals.toml
        out.append("magnitude")
    if is_range:
        out.append("range")
    return tuple(out), digits


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["人", "户", "元", "%", "年", "次"]),
    st.sampled_from(["", "万", "亿"]),
    st.sampled_from(list(Qualifier)),
    st.one_of(st.none(), st.decimals(min_value=-10, max_value=10**12, allow_nan=False, places=2)),
    st.text(alphabet="0123456789.一二两十壹陆点xX", max_size=8),
    st.booleans(),
)
def test_own_names_are_read_from_the_value_s_magnitude_and_the_number_s_shape(
    unit, magnitude, qualifier, value, number, is_range
) -> None:
    unit_text = magnitude + unit
    assert _own_names(unit, unit_text, qualifier, value, number, is_range) == _plain_own_names(
        unit, unit_text, qualifier, value, number, is_range
    )


def _plain_enclosure(text: str, start: int) -> list[str]:
    low = max(0, start - 16)
    line = text.rfind("\n", low, start)
    before = text[(line + 1 if line >= 0 else low) : start]
    found = []
    for name, (opens, closes) in ENCLOSURES.items():
        last_open = max(before.rfind(c) for c in opens if c != '"')
        last_close = max(before.rfind(c) for c in closes if c != '"')
        if last_open > last_close or (name == "quote" and before.count('"') % 2):
            found.append(name)
    return found


@given(st.text(alphabet='“‘「『"”’」』《〈》〉（(【[〔）)】]〕\n社区5', max_size=30), st.integers(0, 30))
def test_enclosures_are_the_last_marks_of_each_kind(text: str, start: int) -> None:
    start = min(start, len(text))
    assert _enclosure(text, start) == _plain_enclosure(text, start)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="丽景小区社区居委会村民小组自然网格楼栋片有党员长 第三", max_size=20))
@example("三丽村员")  # rule role_not_place: a person suffix after the kind makes a role, no place
def test_named_places_are_those_the_pattern_finds(text: str) -> None:
    assert named_places(text) == place_names(text, _named_place())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="由从每人月30元5提高增到至为扩大个，。社区", max_size=30), st.integers(0, 30), st.integers(0, 4))
def test_start_value_is_the_plain_pattern(text: str, start: int, length: int) -> None:
    before, after, _, _ = _start_value_patterns()
    start = min(start, len(text))
    end = min(start + length, len(text))
    plain = before.search(text, max(0, start - 16), start) is not None and after.match(text[end : end + 12]) is not None
    assert is_start_value(text, start, end) == plain


@given(st.text(alphabet="其中18岁至60以上下周《》证光荣社区共有", max_size=24))
def test_labelled_group_is_the_plain_patterns(left: str) -> None:
    band = _AGE_BAND.search(left)
    title = _TITLE_BEFORE.search(left)
    assert _labelled_group(left) == (band.group(0) if band else title.group(1) if title else None)


def test_fact_records_have_nothing_to_run_after_their_fields() -> None:
    """``facts._fact`` fills a Fact's fields without its ``__init__``: only right while Fact has no
    ``__post_init__`` to run."""
    assert not hasattr(Fact, "__post_init__")


def _plain_colon_lead(doc: Text, norm_start: int) -> str:
    text = doc.text
    floor = max(0, norm_start - PLAN_LIST_REACH)
    last = _TO_COLON_OR_STOP.match(text, floor, norm_start) if norm_start > floor else None
    if last is None or text[last.end() - 1] in COLON_LIST_STOPS:
        return ""
    at = last.end() - 1
    lead = doc.clause_at(at)
    return text[max(lead.norm_start, at + 1 - PLAN_REACH) : at + 1] if lead is not None else ""


@settings(max_examples=200, deadline=None)
@given(documents, st.integers(0, 400))
def test_colon_lead_is_the_plain_search(text: str, at: int) -> None:
    doc = Text.from_string(text)
    at = min(at, len(doc.text))
    assert _colon_lead(doc, at) == _plain_colon_lead(doc, at)


@given(st.text(alphabet=" \u3000\t\n社区5，", max_size=12), st.integers(0, 12), st.integers(0, 12))
def test_blank_lead_is_the_plain_strip(text: str, start: int, end: int) -> None:
    start, end = min(start, len(text)), min(end, len(text))
    assert (_NOT_BLANK.search(text, start, end) is None) == (not text[start:end].strip(BLANKS))


def _plan_pieces() -> list[str]:
    data = load_toml("planned.toml")
    restricted = [m + f for m, followers in data["restricted_markers"].items() for f in followers]
    return [*data["sentence_markers"], *data["false_markers"], *restricted, *data["noun_markers"]["ends"], *PIECES]


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_plan_sentence_is_what_the_regex_module_finds(data) -> None:
    """The plan and false markers searched with ``re`` find what the ``regex`` module found with the
    same sources (the markers, their followers and the noun ends in any order)."""
    import regex

    sentence = "".join(data.draw(st.lists(st.sampled_from(_plan_pieces()), max_size=12)))
    plan, false = (regex.compile(source) for source in pattern_sources())
    fast_plan, fast_false = _patterns()
    expected = plan.search(false.sub("", sentence))
    found = fast_plan.search(fast_false.sub("", sentence))
    assert (found and (found.start(), found.group())) == (expected and (expected.start(), expected.group()))


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_plan_markers_grouped_by_first_character_find_what_the_flat_alternation_finds(data) -> None:
    """The plan pattern grouped by first character finds every marker the alternation of the markers
    in their order finds, at the same place and as long (``plan_alternatives`` is the definition)."""
    text = "".join(data.draw(st.lists(st.sampled_from(_plan_pieces()), max_size=12)))
    flat = re.compile("|".join(first + rest for first, rest in plan_alternatives()))
    grouped = re.compile(pattern_sources()[0])
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(documents, st.floats(-3, 3), st.randoms(use_true_random=False))
def test_lookalike_probability_of_random_weights_is_the_plain_sum(text: str, intercept: float, rng) -> None:
    """The edge and word weights read by the characters, classes and words themselves (not by their
    formatted names) add the very same floats in the same order, for weights of every feature."""
    doc = Text.from_string(text)
    names = {name for q in doc.figures for name in feature_names(doc, q)}
    model = LookalikeModel({name: rng.uniform(-2, 2) for name in sorted(names)}, intercept, 0.5)
    for q in doc.figures:
        assert model.probability(doc, q) == _plain_probability(model, doc, q)


def _plain_number_form(number: str) -> str:
    from nlp.figures.numerals import vocab

    v = vocab()
    if number and all(c in v.masks or c in ".．" for c in number):
        return "masked"
    arabic = any(c.isdigit() for c in number)
    chinese = any(c in v.chinese or c in v.small or c in v.big for c in number)
    if arabic and chinese:
        return "mixed"
    return "arabic" if arabic else "chinese" if chinese else "other"


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="0123456789.．一二两三十百千万亿壹贰拾佰xX*×＊两俩点〇零a％", max_size=8))
def test_number_form_and_digits_are_the_plain_scans(number: str) -> None:
    from nlp.figures.lookalike_features import _number_form, _number_shape

    assert _number_form(number) == _plain_number_form(number)
    assert _number_shape.__wrapped__(number)[1] == sum(c.isdigit() for c in number)


def _plain_is_quota_figure(text: str, start: int, end: int, unit: str) -> bool:
    from nlp.figures.quota import _LISTED_FIGURE, QUOTA_REACH, _quota_patterns

    lead, after, count_units, _ = _quota_patterns()
    if unit in count_units:
        return False
    while True:
        before = text[start - QUOTA_REACH if start > QUOTA_REACH else 0 : start]
        if lead.search(before) is not None:
            return True
        listed = _LISTED_FIGURE.search(before)
        if listed is None:
            break
        start -= len(before) - listed.start()
    return text.startswith(after, end)


QUOTA_PIECES = ["任务", "指标", "目标", "下达的", "（", "为", "是", "：", "约", "近", "达", "、", "\n", "，", "5", "10", "‰", "人", "户", "的任务", "完成"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(QUOTA_PIECES), max_size=12).map("".join), st.integers(0, 40), st.sampled_from(["人", "户", "‰", "项"]))
def test_quota_figure_is_the_plain_search(text: str, at: int, unit: str) -> None:
    from nlp.figures.quota import is_quota_figure

    start = min(at, len(text))
    end = min(start + 2, len(text))
    assert is_quota_figure(text, start, end, unit) == _plain_is_quota_figure(text, start, end, unit)


LEAD_PIECES = PIECES + ("到", "至", "2024年", "1999年", "到2025年", "至20", "明年", "下一步", "！", "?", "已")


def _plain_sentence_lead_spans(text: str) -> list[tuple[int, int]]:
    """``sentence_lead_spans`` as it was written first: both searches by ``finditer``, each sentence's
    start looked for back to the text's start."""
    stops = sentence_lead._settings()[1]
    hits = sorted(
        [m.start() for m in sentence_lead._plan_marker().finditer(text)]
        + [m.start() for m in sentence_lead._BY_YEAR.finditer(text)]
    )

    def marked(a: int, b: int) -> bool:
        i = bisect_left(hits, a)
        return i < len(hits) and hits[i] < b

    spans, done_to = [], -1
    for hit in hits:
        if hit < done_to:
            continue
        start = max(text.rfind(stop, 0, hit) for stop in sentence_lead._STOPS) + 1
        after = sentence_lead._STOP.search(text, hit)
        end = after.start() if after is not None else len(text)
        done_to = end
        at = sentence_lead._lead_end(text, start, end, marked)
        if at < 0 or at >= end:
            continue
        stop = end
        sign = sentence_lead._first_done_sign(text, at, end)
        if sign >= 0:
            stop = sentence_lead._clause_start(text, at, sign)
        for brk in sentence_lead._CLAUSE_BREAK.finditer(text, at, stop):
            if stops.match(text, brk.end()):
                stop = brk.end()
                break
        if stops.match(text, at):
            stop = at
        if stop > at:
            spans.append((at, stop))
    return spans


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LEAD_PIECES), min_size=1, max_size=80).map("".join))
def test_sentence_lead_fast_paths_match_the_plain_search(text):
    assert sentence_lead._match_starts(sentence_lead._BY_YEAR, text, "到至") == [
        m.start() for m in sentence_lead._BY_YEAR.finditer(text)
    ]
    assert sentence_lead.sentence_lead_spans(text) == _plain_sentence_lead_spans(text)


def test_sentence_lead_fast_paths_on_a_report_with_several_leads():
    text = (
        "今年以来，社区新建广场1处。下一步，社区将整合资源，新建助餐点2个！到2025年，计划改造楼院3个，"
        "截至目前，已完成改造2个。明年，将组建志愿队1支；至2026年底，培训网格员40人次。"
    )
    assert sentence_lead._match_starts(sentence_lead._BY_YEAR, text, "到至") == [
        m.start() for m in sentence_lead._BY_YEAR.finditer(text)
    ]
    assert len(sentence_lead._match_starts(sentence_lead._BY_YEAR, text, "到至")) == 2
    assert sentence_lead.sentence_lead_spans(text) == _plain_sentence_lead_spans(text) != []
