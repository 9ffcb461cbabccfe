"""Indicator resolution's fast paths held to their plain definitions (issue 8, the sp-facts6 pass).

Each rule made cheaper for throughput must decide exactly as its plain definition: the same bool, the
same parts, the same indicator. Inputs are generated from pieces in the style of a community report.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.figures.breakdown import _HEADS, _markers_before, _parts_only, _read_modifier, read_modifier
from nlp.figures.breakdown import _vocab as breakdown_vocab
from nlp.figures.clause_rules import ELIDED_DIMENSIONS, bracketed_aside, elided_part
from nlp.figures.clause_rules import _vocab as clause_vocab
from nlp.figures.clauses import sentence_start_before
from nlp.figures.indicators import _synonyms_by_last, by_id, indicators, synonym_candidates
from nlp.figures.neighbours import words_in
from nlp.figures.people_rules import _vocab as people_vocab
from nlp.figures.people_rules import employment_outcome, participant_measure, registered_noun
from nlp.figures.resolution_state import Figure, Resolution, Trail
from nlp.figures.resolve import _resolve_one, resolve_figures
from nlp.figures.scope import (
    _AGENT_PHRASE,
    _LOCATION_PHRASE,
    _NUMBERED_PART,
    _QUOTED_WIDER,
    LEVELS,
    PLACE_KINDS,
    _blank,
    _last_scope_word,
    _same_unit,
    _scope_words,
    named_places,
    scope_of,
)
from nlp.figures.subject_phrases import (
    _NOUN_TAGS,
    _STOP_TAGS,
    COUNT_NOUNS,
    MAX_COUNT_WORDS,
    MAX_RATE_WORDS,
    MODIFIER_CHARS,
    RATE_INNER_PREPOSITIONS,
    _parenthetical_end,
    _trim_front,
    is_place,
    leading_noun_phrase,
    subject_vocab,
    trailing_noun_phrase,
)
from nlp.figures.subjects import bare_total_indicator, find_subject_spans
from nlp.records import Scope
from nlp.text.document import Text

PIECES = (
    "开展", "活动", "27", "场次", "（", "）", "(", ")", "2017年", "19", "，", "。", "；", "\n", "参与", "居民",
    "人次", "其中", "新增", "全年", "累计", "退出", "三、四级", "女", "党员", "城市", "低保", "户", "60岁以上",
    "帮助", "失业人员", "再就业", "实现就业", "到社区报到", "在职", "参加", "培训", "组织", "听众", "人口",
)  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)

_SENTENCE_BREAK_RUN = re.compile(r".*[。；;！!？?\n]", re.DOTALL)


def _plain_bracketed_aside(text: str, start: int) -> bool:
    phrase = _SENTENCE_BREAK_RUN.sub("", text[max(0, start - 60) : start])
    opened = max(phrase.rfind(mark) for mark in "（(")
    return opened >= 0 and not any(mark in phrase[opened:] for mark in "）)")


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 400))
def test_bracketed_aside_is_the_plain_sentence_scan(text: str, start: int) -> None:
    start = min(start, len(text))
    assert bracketed_aside(text, start) == _plain_bracketed_aside(text, start)


def _plain_markers_before(lead: str) -> tuple[tuple[str, str], ...]:
    lead = lead.rstrip("了的")
    best: tuple[tuple[str, str], ...] = ()
    for k in range(1, min(len(lead), 12) + 1):
        parts, unknown = _read_modifier(lead[-k:])
        if not unknown and parts:
            best = parts
    return best


def _plain_parts_only(noun: str) -> tuple[tuple[str, str], ...] | None:
    for head in ("", *_HEADS):
        if head and not noun.endswith(head):
            continue
        parts, unknown = _read_modifier(noun[: len(noun) - len(head)] if head else noun)
        if parts and not unknown:
            return parts
    return None


MODIFIER_PIECES = sorted(
    {m[0] for m in breakdown_vocab().markers} | set(breakdown_vocab().whole) | set(_HEADS)
    | {"60", "岁以上", "至", "80后", "贫困", "开展", "的", "了", "x"}
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(MODIFIER_PIECES), max_size=6).map("".join))
def test_markers_and_parts_read_only_where_a_word_can_open(words: str) -> None:
    assert _markers_before.__wrapped__(words) == _plain_markers_before(words)
    assert _parts_only.__wrapped__(words) == _plain_parts_only(words)


def test_every_table_word_reads_as_before() -> None:
    for word in MODIFIER_PIECES:
        for text in (word, "开展" + word, word + "人口", "全年" + word + "的"):
            assert _markers_before.__wrapped__(text) == _plain_markers_before(text), text
            assert _parts_only.__wrapped__(text) == _plain_parts_only(text), text


def test_by_id_is_the_table_scan() -> None:
    for indicator in indicators():
        assert by_id(indicator.id) is next(i for i in indicators() if i.id == indicator.id)
    assert by_id("no_such_measure") is None


def _plain_participant_words(clause: str) -> str | None:
    voc = people_vocab()
    if any(verb in clause for verb in voc.learning):
        return "trainees"
    if any(verb in clause for verb in voc.taking_part):
        return "participants"
    return "bringing" if any(verb in clause for verb in voc.bringing) else None


@settings(max_examples=300, deadline=None)
@given(texts)
def test_word_list_searches_are_the_plain_scans(clause: str) -> None:
    voc = people_vocab()
    searched = (
        "trainees" if voc.any_learning.search(clause)
        else "participants" if voc.any_taking_part.search(clause)
        else "bringing" if voc.any_bringing.search(clause)
        else None
    )  # fmt: skip
    assert searched == _plain_participant_words(clause)
    assert participant_measure(clause, None, "人次", "场") in (None, "participants", "trainees")


def _plain_registered_noun(clause: str) -> str | None:
    clause = clause.rstrip("了共达计 ")
    verb = next((v for v in people_vocab().registering if clause.endswith(v)), None)
    if verb is None:
        return None
    before = clause[: -len(verb)]
    place = before.rfind("到")
    return (before[:place] if place > 0 else before) or None


def _plain_employment(upto: str, after: str):
    voc = people_vocab()
    word = next((w for w in voc.employment_words if upto.endswith(w)), None)
    word = word or next((w for w in voc.employment_words if after.endswith(w)), None)
    if word is None:
        return None
    kind = next((k for k in voc.employment_kinds if k in word), None)
    return voc.employment_measure, {"kind": kind} if kind else None


def _plain_elided_part(words: str | None) -> dict[str, str] | None:
    if not words:
        return None
    words = words.strip(" \u3000\t")
    openers = clause_vocab().change_openers
    while opener := next((o for o in openers if words.startswith(o) and len(words) > len(o)), None):
        words = words[len(opener) :]
    parts, unknown = read_modifier(words)
    if unknown or not parts or parts == {"change": "累计"} or not set(parts) <= ELIDED_DIMENSIONS:
        return None
    return parts


@settings(max_examples=300, deadline=None)
@given(texts, texts)
def test_clause_word_rules_are_the_plain_scans(upto: str, after: str) -> None:
    assert registered_noun(upto) == _plain_registered_noun(upto)
    assert employment_outcome(upto, after) == _plain_employment(upto, after)
    assert elided_part(upto) == _plain_elided_part(upto)


def _plain_synonym_candidates(noun: str, unit: str):
    out = [
        (ind, noun[: len(noun) - len(word)], bare, len(word))
        for word, bare, ind in _synonyms_by_last().get(noun[-1], ())
        if unit in ind.units and noun.endswith(word)
    ]
    out.sort(key=lambda c: -c[3])
    return tuple((ind, modifier, bare) for ind, modifier, bare, _ in out)


def test_synonym_candidates_are_those_of_a_scan_of_every_synonym() -> None:
    units = sorted({unit for indicator in indicators() for unit in indicator.units} | {"个", "x"})
    nouns = {synonym.removeprefix("=") for indicator in indicators() for synonym in indicator.synonyms}
    nouns |= {"女" + noun for noun in nouns} | {"新增" + noun for noun in nouns}
    found = 0
    for unit in units:
        for noun in sorted(nouns):
            assert synonym_candidates.__wrapped__(noun, unit) == _plain_synonym_candidates(noun, unit), (noun, unit)
            found += bool(synonym_candidates.__wrapped__(noun, unit))
    assert found > 100


def _plain_trailing_noun_phrase(doc: Text, start: int, end: int, rate: bool = False, money: bool = False):
    if end <= start:
        return None
    vocab = subject_vocab()
    words = list(words_in(doc, start, end))
    stripped: list[str] = []
    while words and (words[-1][0] in vocab["link"] or words[-1][1] in {"d", "p", "uj", "ul", "c", "x", "m"}):
        stripped.append(words.pop()[0])
    phrase: list[tuple[str, str]] = []
    length = 0
    for word, tag in reversed(words):
        inner_preposition = rate and phrase and word in RATE_INNER_PREPOSITIONS
        if not inner_preposition and (
            word in vocab["link"] or tag in _STOP_TAGS or length + len(word) > vocab["max_chars"]
        ):
            break
        nominal = tag in vocab["nominal"]
        verb = tag.startswith("v") and word not in vocab["actions"] and len(word) > 1
        money_verb = money and not phrase and tag.startswith("v") and len(word) > 1 and word not in vocab["light"]
        if not (nominal or rate or money_verb or (verb and phrase)):
            break
        phrase.insert(0, (word, tag))
        length += len(word)
    counted = next((w for w in stripped if w in COUNT_NOUNS), None) if stripped else None
    if counted and (not phrase or is_place(phrase)):
        return counted
    if not phrase:
        return None
    if len(phrase) == 1 and len(phrase[0][0]) == 1 and len(words) > 1 and words[-2][1] == "m":
        phrase.insert(0, words[-2])
    return _trim_front(phrase[-(MAX_RATE_WORDS if rate else MAX_COUNT_WORDS) :])


PHRASE_PIECES = (
    "社区", "党支部", "现有", "党员", "开展", "主题党日", "活动", "群众", "满意率", "达到", "困难群众", "帮扶率",
    "户数", "二孩", "发放", "慰问金", "投资", "讲", "党课", "居民", "对", "治安", "全村", "共", "了", "，", "3",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PHRASE_PIECES), min_size=1, max_size=8).map("".join), st.booleans(), st.booleans())
def test_trailing_noun_phrase_is_the_plain_backward_read(text: str, rate: bool, money: bool) -> None:
    doc = Text.from_string(text)
    for start in range(0, len(doc.text), 3):
        end = len(doc.text)
        assert trailing_noun_phrase(doc, start, end, rate, money) == _plain_trailing_noun_phrase(
            doc, start, end, rate, money
        ), (doc.text, start)


def _plain_scope_of(before: str, level: str | None, own: str | None = None):
    level = level if level in LEVELS else "community"
    before = _AGENT_PHRASE.sub(_blank, before)
    before = _LOCATION_PHRASE.sub(_blank, before)
    best_end, best = -1, None
    last = _last_scope_word().search(_QUOTED_WIDER.sub(_blank, before)[::-1])
    if last is not None:
        best_end, best = len(before) - last.start(), _scope_words()[last.group()[::-1]][level]
    for name, _, end in named_places(before):
        if end < best_end or name[0] in "xX×*＊":
            continue
        kind = next(k for k in PLACE_KINDS if name.endswith(k))
        if kind in ("社区", "居委会", "村"):
            if level == "community" and own and not _same_unit(name, own):
                best_end, best = end, Scope.OTHER
            elif level == "community" and not own and len(name) > len(kind) + 1:
                best_end, best = end, Scope.PART
            elif level in ("township", "county"):
                best_end, best = end, Scope.PART
        else:
            best_end, best = end, Scope.PART
    for m in _NUMBERED_PART.finditer(before):
        if m.end() > best_end:
            best_end, best = m.end(), Scope.PART
    return best


SCOPE_PIECES = (
    "在", "街道党工委", "的领导下", "按照", "要求", "社区", "地处", "位于", "城东街道", "东北部", "东", "与",
    "幸福村", "相邻", "，", "。", "开展", "“", "全国", "助残日", "”", "活动", "全市", "全镇", "三组", "第2网格",
    "片区", "号楼", "5", "个", "丽景小区", "阿娄社区", "居民", "有", "本社区",
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SCOPE_PIECES), max_size=10).map("".join), st.sampled_from(LEVELS), st.sampled_from([None, "阿娄社区"]))
def test_scope_of_looks_for_each_phrase_only_where_its_word_is(before: str, level: str, own: str | None) -> None:
    assert scope_of(before, level, own, default=None) == _plain_scope_of(before, level, own)


def _every_rule_read(doc: Text, figures: list[Figure]) -> tuple[Resolution, ...]:
    """``resolve_figures`` with every figure read by ``_resolve_one`` (no unit decided at once)."""
    trail, resolved = Trail(), []
    for figure in figures:
        before = (trail.listed, trail.last, trail.counted, trail.last_unit)
        start = sentence_start_before(doc.text, figure.norm_start)
        resolved.append(_resolve_one(doc, figure, start, trail, "community", None))
        if resolved[-1].indicator is None and bracketed_aside(doc.text, figure.norm_start, start):
            trail.listed, trail.last, trail.counted, trail.last_unit = before
    return tuple(resolved)


UNIT_PIECES = (
    "社区", "现有", "党员", "2017年", "开办", "学校3所", "增长1.5倍", "41名", "走访", "困难户", "20户", "其中",
    "新增", "3所", "，", "。", "、", "开展活动6次", "参与居民", "300人次", "帮助", "就业", "12人", "零", "装机5千瓦",
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(UNIT_PIECES), min_size=1, max_size=14).map("".join))
def test_a_unit_no_measure_fits_resolves_as_every_rule_would(text: str) -> None:
    doc = Text.from_string(text)
    spans = find_subject_spans(doc, doc.figures)
    figures = [
        Figure(q.norm_start, q.norm_end, s, q.unit, bare_total_indicator(doc, q, s) if s is None else None, at)
        for q, (s, at) in zip(doc.figures, spans, strict=True)
    ]
    assert resolve_figures(doc, figures, "community", None) == _every_rule_read(doc, figures)


def _plain_leading_noun_phrase(doc: Text, start: int, end: int) -> str | None:
    if end <= start:
        return None
    vocab = subject_vocab()
    text = doc.text
    after_de = text.startswith("的", start, end)
    start += after_de
    modifier_end = text.find("的", start + 1, min(end, start + MODIFIER_CHARS + 1))
    if modifier_end > 0 and not all(tag in _NOUN_TAGS for _, tag in words_in(doc, start, modifier_end)):
        start = modifier_end + 1
    words = list(words_in(doc, start, end))
    phrase: list[tuple[str, str]] = []
    length = 0
    has_noun = False
    i = 0
    while i < len(words) and len(phrase) < MAX_COUNT_WORDS:
        word, tag = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ("", "")
        if word in vocab["link"] or length + len(word) > vocab["max_chars"]:
            break
        if word in "(（" and has_noun:
            close = _parenthetical_end(words, i)
            if close is None:
                break
            phrase += words[i : close + 1]
            length += sum(len(w) for w, _ in words[i : close + 1])
            i = close + 1
            continue
        if (tag.startswith("v") or tag == "vn") and has_noun and word not in vocab["suffixes"]:
            if not (tag.startswith("v") and nxt[0] in vocab["suffixes"]):
                break
        if tag in vocab["nominal"] or (tag == "b" and not phrase):
            phrase.append((word, tag))
            has_noun = has_noun or tag in _NOUN_TAGS
        elif (
            tag.startswith("v")
            and word not in vocab["light"]
            and (nxt[1].startswith("n") or nxt[1] in {"vn", "t"} or nxt[0] in vocab["suffixes"])
            and (all(t in {"a", "b"} for _, t in phrase) or nxt[0] in vocab["suffixes"])
        ):
            phrase.append((word, tag))
        else:
            break
        length += len(word)
        i += 1
    if not phrase and after_de and words and words[0][1].startswith("v") and len(words[0][0]) > 1:
        return words[0][0]
    text = "".join([word for word, _ in phrase])
    if not text or (len(text) == 1 and (phrase[0][1] != "n" or text in vocab["locatives"])):
        return None
    return text


LEADING_PIECES = (
    "志愿者", "参加", "活动", "进行", "修缮", "垃圾", "收集房", "保存", "完好", "的", "原始林", "村", "(", "社区", ")",
    "（", "居", "）", "民小组", "新", "安置", "小区", "项目", "宣传", "动员", "副", "书记", "两个", "工程", "处罚",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LEADING_PIECES), min_size=1, max_size=8).map("".join))
def test_leading_noun_phrase_is_the_plain_forward_read(text: str) -> None:
    doc = Text.from_string(text)
    for start in range(0, len(doc.text), 2):
        assert leading_noun_phrase(doc, start, len(doc.text)) == _plain_leading_noun_phrase(doc, start, len(doc.text))
