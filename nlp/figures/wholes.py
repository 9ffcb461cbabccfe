"""Whether a figure counts the whole of its measure: the evidence resolution asks for before a figure
may land in a comparison column (GUIDELINES, "Indicators, breakdown and scope").

Three measures are only ever whole on positive evidence, because what they count is always about
something in particular:

- **money** (investment_yuan, funds_disbursed_yuan, donations_yuan): a sum is spent on something; only
  a total (项目总投资, 全年共投入, 累计发放各类资金) is the measure's whole, any other sum is one project's
  or one fund's — a ``kind`` (投资16万元 … for a service station);
- **rates about an object**: 居民对“红色物业”满意率92% is the rate of one object; only the overall one
  (群众满意率, 居民对居委会工作满意率) is whole;
- **measures made by a verb** (发放 … 元 → funds_disbursed_yuan): the verb makes its measure only for a
  noun the indicator table knows, a bare count, or the act itself (免费培训280人); 发放消费券3000万元
  counts a thing the table has no measure for, so it gets none.

The words are data (``nlp/resources/resolution.toml``: ``[totals]``, ``[rate_object]``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from nlp.figures.breakdown import read_modifier, strip_whole_front
from nlp.figures.indicators import Indicator, indicators
from nlp.figures.scope import is_scope_word, named_places, strip_ordinal, strip_scope_words
from nlp.resources import load_toml
from nlp.text.place_names import Words

_SENTENCE_ENDS = frozenset("。；;！!？?\n")
_QUOTES = "“”\"‘’'《》「」『』"
_BREAKS = "，,；;：:。！!？?\n"
# A count of things (20个, 5项, 3处) in the sentence: a 总 sum before is the sum over them.
_COUNT_OF_THINGS = re.compile(r"[0-9一二三四五六七八九十两百千万余多]+(?:个|项|处|批|座|条)")


@dataclass(frozen=True)
class _Vocab:
    totals: tuple[str, ...]
    one_thing: tuple[str, ...]
    whole_names: tuple[str, ...]
    sums: tuple[str, ...]
    rate_openers: tuple[str, ...]
    heads: tuple[str, ...]
    synonym_ends: frozenset[str]
    acts: tuple[str, ...]
    touching: frozenset[str]
    works: frozenset[str]
    act_heads: tuple[str, ...]


@cache
def _vocab() -> _Vocab:
    data = load_toml("resolution.toml")
    names = {name for indicator in indicators() for name in indicator.names()}
    return _Vocab(
        totals=tuple(data["totals"]["words"]),
        one_thing=tuple(data["totals"]["one_thing"]),
        whole_names=tuple(data["totals"]["whole_names"]),
        sums=tuple(data["totals"]["sums"]),
        rate_openers=tuple(data["rate_object"]["openers"]),
        heads=tuple(data["known_heads"]["words"]),
        synonym_ends=frozenset(names),
        acts=tuple(data["acts"]["verbs"]),
        touching=frozenset(data["touching"]["verbs"]),
        works=frozenset(data["touching"]["works"]),
        act_heads=tuple(data["acts"]["heads"]),
    )


def known_noun(noun: str) -> bool:
    """Whether the indicator table (any measure, any unit) or a generic head of people or homes
    names what ``noun`` counts.

    >>> known_noun("困难户"), known_noun("辖区群众"), known_noun("消费券"), known_noun("创业担保贷款")
    (True, True, False, False)
    """
    voc = _vocab()
    if noun.endswith(voc.heads):
        return True
    return any(noun[i:] in voc.synonym_ends for i in range(len(noun)))


def verb_makes_measure(noun: str | None, verb: str) -> bool:
    """A verb of the table makes its measure for no noun, the act itself, or a noun the table knows.

    >>> verb_makes_measure(None, "发放"), verb_makes_measure("免费培训", "培训")
    (True, True)
    >>> verb_makes_measure("走访困难户", "走访"), verb_makes_measure("消费券", "发放")
    (True, False)
    """
    if not noun or noun.endswith(verb):
        return True
    return known_noun(noun)


def names_total(words: Sequence[str], sentence: str = "") -> bool:
    """Whether the words up to a sum of money mark it as a total (共投入, 累计发放, 各类资金), or
    总投资 sums several things the sentence counts (改造老旧小区20个 … 项目总投资).

    >>> names_total(["全年", "共", "投入"]), names_total(["投资"]), names_total(["公共", "设施", "投资"])
    (True, False, False)
    >>> names_total(["项目", "总投资"], "改造老旧小区20个，"), names_total(["项目", "总投资"], "项目占地1669亩，")
    (True, False)
    >>> names_total(["该", "项目", "总投资"], "签约项目3个，"), names_total(["全社会", "固定资产", "投资"])
    (False, True)
    """
    voc = _vocab()
    if any(word.startswith(voc.one_thing) for word in words):
        return False  # 该项目总投资: the total of one thing is that thing's
    if any(word.startswith(voc.totals) for word in words) or "".join(words).endswith(voc.whole_names):
        return True
    return any(word.startswith(voc.sums) for word in words) and _COUNT_OF_THINGS.search(sentence) is not None


_LIST_LABEL = re.compile(r"[（(]?[一二三四五六七八九十0-9]+[)）、.．]\s*")


def money_kind(noun: str | None, lead: str, words: Words | None = None, offset: int = 0) -> str:
    """What a sum that is no total was spent on, as written: the noun's own modifiers
    (专项保障资金), else the words before the act in its clause, else ``项目``. ``words`` and
    ``offset`` give the document's words and where ``lead`` starts in it (``scope_of``).

    >>> money_kind("专项保障资金", ""), money_kind("投资", "为民服务站建设"), money_kind(None, "")
    ('专项保障资金', '为民服务站建设', '项目')
    >>> money_kind("投资", "龙泉社区"), money_kind("投资", "全镇"), money_kind("资金", "（二）争取"), money_kind("投资", "二是")
    ('项目', '项目', '项目', '项目')
    """
    if noun:
        if strip_whole_front(noun) not in _vocab().synonym_ends:
            return noun
    object_words = lead.strip(" ，,、")
    offset += len(lead) - len(lead.lstrip(" ，,、"))
    unlabelled = strip_ordinal(object_words, to_nothing=True)  # 二是|投资: the label names no object
    offset, object_words = offset + len(object_words) - len(unlabelled), unlabelled
    label = _LIST_LABEL.match(object_words)
    if label:  # （二）争取资金约15万元: the heading's label is no object
        object_words, offset = object_words[label.end() :], offset + label.end()
    places = named_places(object_words, words, offset)
    if places and places[-1][2] == len(object_words):  # 龙泉社区|投资: the place is the scope, no kind
        object_words = object_words[: places[-1][1]]
    object_words = "" if is_scope_word(object_words) else strip_whole_front(strip_scope_words(object_words))
    _, unknown = read_modifier(object_words)
    return object_words if len(unknown) >= 2 else "项目"


def rate_object(sentence: str) -> str | None:
    """The object a rate is about, from ``对 …`` right before it in its clause (quotes kept out);
    ``None`` for an overall rate (对居委会工作, 群众).

    >>> rate_object("居民对“四个民主”"), rate_object("居民对居委会工作"), rate_object("群众")
    ('四个民主', None, None)
    """
    clause_start = max(sentence.rfind(ch) for ch in _BREAKS) + 1
    clause = sentence[clause_start:]
    at = max(clause.rfind(opener) for opener in _vocab().rate_openers)
    if at < 0:
        return None
    obj = "".join(ch for ch in clause[at + 1 :] if ch not in _QUOTES).strip()
    _, unknown = read_modifier(obj)
    return obj if unknown else None


def act_kind(noun: str | None, verbs: Sequence[str], names: Sequence[str] = ()) -> str | None:
    """The act itself named with a modifier that narrows it (职业技能|培训 120人次): that kind of act,
    unless the whole phrase is a name of the measure (治安巡逻 is patrols).

    >>> act_kind("职业技能培训", ("培训",)), act_kind("免费培训", ("培训",)), act_kind("培训", ("培训",))
    ('职业技能培训', None, None)
    >>> act_kind("治安巡逻", ("巡逻",), ("巡逻", "治安巡逻"))
    """
    if not noun or noun in names:
        return None
    for verb in verbs:
        if noun.endswith(verb) and len(noun) > len(verb):
            _, unknown = read_modifier(noun[: -len(verb)])
            return noun if unknown else None
    return None


def listed_kind(lead: str, noun: str) -> str | None:
    """Acts listed before ``等`` + the counted noun (开展宣传、义诊等|活动6次) name its kinds.

    >>> listed_kind("开展宣传、义诊等", "活动"), listed_kind("开展各类", "活动")
    ('宣传、义诊等活动', None)
    """
    lead = lead.rstrip("的")
    if not lead.endswith("等"):
        return None
    listed = lead[:-1]
    for act in _vocab().acts:
        at = listed.rfind(act)
        if at >= 0:
            listed = listed[at + len(act) :]
            break
    listed = listed.strip("，, ")
    return f"{listed}等{noun}" if listed and not names_total([listed]) else None


_QUOTED_SERIES = re.compile("[“「《][^”」》]{2,16}[”」》]")


def listed_examples(kind: str, noun: str, indicator: Indicator, sentence_head: str) -> bool:
    """Rule ``listed_examples`` (GUIDELINES, gold11 call 3): a list closed by 等 right before the
    measure's own name gives examples of it, so the count is the whole measure (开展读书会、插花等活动16场
    → activities_held, breakdown null), when ``kind`` is that list (``listed_kind``). The measure's own
    name is its first synonym or its label (活动, 志愿服务活动); a sort's name (讲座 for trainings, 展览)
    keeps the list as the kind, and so does a series the sentence names in quotes before the list
    (``sentence_head``: 以“邻里节”为主线，举办猜灯谜、包粽子等活动9场 are that series' activities).

    >>> from nlp.figures.indicators import by_id
    >>> listed_examples("读书会、插花等活动", "活动", by_id("activities_held"), "全年")
    True
    >>> listed_examples("防诈骗、智能手机使用等讲座", "讲座", by_id("trainings"), "")
    False
    >>> listed_examples("猜灯谜、包粽子等活动", "活动", by_id("activities_held"), "以“邻里节”为主线，")
    False
    """
    if not kind.endswith("等" + noun):
        return False
    names = indicator.names()
    own = noun == indicator.label_zh or (bool(names) and noun == names[0])
    return own and _QUOTED_SERIES.search(sentence_head) is None


def bare_rate(noun: str | None, names: Sequence[str]) -> bool:
    """A rate that names no object of its own: the shortest name of its measure (满意率, 办结率),
    not 群众满意率 or 问题解决率.

    >>> bare_rate("满意率", ("满意率", "满意度")), bare_rate("群众满意率", ("满意率",)), bare_rate(None, ())
    (True, False, False)
    """
    return bool(noun) and noun in names and not any(noun != n and noun.endswith(n) for n in names)


def named_act(sentence: str) -> str | None:
    """The act a sentence names before a count of those who took part (开展元宵节猜灯谜活动，参与…),
    unless the sentence counts all acts (全年, 累计, 各类 …): the words from the act verb to the act's head.

    >>> named_act("开展元宵节猜灯谜活动，"), named_act("全年开展各类活动，"), named_act("截至目前，")
    ('元宵节猜灯谜活动', None, None)
    """
    voc = _vocab()
    best: tuple[int, str] | None = None
    for head in voc.act_heads:
        at = sentence.rfind(head)
        if at >= 0 and (best is None or at + len(head) > best[0]):
            best = (at + len(head), head)
    if best is None:
        return None
    phrase = sentence[: best[0]]
    phrase = phrase[max(phrase.rfind(ch) for ch in _BREAKS) + 1 :]
    for act in voc.acts:
        at = phrase.rfind(act)
        if at >= 0:
            phrase = phrase[at + len(act) :]
            break
    if names_total([phrase]) or any(w in sentence for w in ("全年", "累计")):
        return None
    _, unknown = read_modifier(phrase[: -len(best[1])])
    return phrase if unknown else None  # a bare 活动/培训 is every act, no kind


def after_touching_verb(words: Sequence[tuple[str, str]]) -> bool:
    """Whether the figure's noun continues a list that a verb of touching opens (改造小区20个，涉及|楼栋
    58栋、住户2670户): with no other verb between, the figure counts those the act reached, no stock.

    >>> after_touching_verb([("涉及", "v"), ("楼栋", "n"), ("58", "m"), ("栋", "q"), ("，", "x"), ("住户", "n")])
    True
    >>> after_touching_verb([("涉及", "v"), ("居民", "n"), ("，", "x"), ("社区", "n"), ("现有", "v"), ("住户", "n")])
    False

    Rule ``works_reach`` (resolution.toml ``[touching] works``): a verb of works whose objects are
    counted before the list goes on (改造|小区|28|个|，|住户) opens it as well; with no count between
    (改造|后|住户) it does not.

    >>> after_touching_verb([("改造", "v"), ("小区", "n"), ("28", "m"), ("个", "q"), ("，", "x"), ("住户", "n")])
    True
    >>> after_touching_verb([("改造", "v"), ("，", "x"), ("住户", "n")])
    False
    """
    voc = _vocab()
    counted = False  # a number between the verb and the noun: the works' own count (rule ``works_reach``)
    for word, tag in reversed(words):
        if word in voc.touching:
            return True
        if word in voc.works and counted:
            return True  # rule works_reach: 改造老旧小区12个，…，31栋楼，住户972户
        if tag.startswith(("v", "p", "c")) or word in _SENTENCE_ENDS:
            return False
        counted = counted or tag == "m"
    return False


def whole_statistic(noun: str | None) -> bool:
    """Whether the counted noun is a statistic that is its measure's whole by definition, whatever
    names its area before it (全社会固定资产投资).

    >>> whole_statistic("社会固定资产投资"), whole_statistic("项目投资"), whole_statistic(None)
    (True, False, False)
    """
    return bool(noun) and noun.endswith(_vocab().whole_names)  # type: ignore[union-attr]
