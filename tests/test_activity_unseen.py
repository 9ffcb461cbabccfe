"""The error kinds of issue 12 on unseen documents, as invented sentences read by the whole
pipeline with the shipped model (rules, tagger, kind classifier), and the activity lexicons
(nlp/resources/activity_lexicons.csv) that feed the model.

Every sentence here is invented in the genre's style; none is taken from a corpus document.
"""

from __future__ import annotations

import pytest

from nlp.activities.lexicons import CLASSES, LEXICON_FILE, lexicon_entries, word_classes
from nlp.errors import ResourceError
from nlp.pipeline import parse_text
from nlp.resources import load_csv

# (error kind, sentence, words that must not be (part of) an activity name)
NOT_ACTIVITIES = [
    ("framing", "现将东湖社区2023年度工作情况汇报如下：", ["情况汇报", "汇报如下", "工作情况"]),
    ("framing", "现将我社区上半年主要工作总结如下。", ["总结如下", "主要工作"]),
    ("place", "社区共有居民小区12个，常住人口8600人。", ["居民小区"]),
    ("place", "辖区内有院落26个、出租房58套。", ["院落", "出租房"]),
    ("programme", "全年为困难家庭办理低保15户，发放低保金8万元。", ["低保", "低保金"]),
    ("programme", "社区现有低保户21户，特困供养人员3人。", ["低保户", "特困供养"]),
    ("policy", "对低保对象实行分层分类管理，做到应保尽保。", ["分层分类"]),
    ("policy", "坚持分层分类的原则，形成共建共治共享格局。", ["分层分类", "格局"]),
]

# (error kind, sentence, the activity name that must be found)
FOUND = [
    ("short act", "社区干部走访困难家庭46户。", "走访困难家庭"),
    ("short act", "网格员逐户核查低保对象家庭收入。", "核查低保对象家庭收入"),
    ("short act", "全年救助困难群体120人次，发放救助金3万元。", "救助困难群体"),
    ("short act", "春节前慰问孤寡老人18人。", "慰问孤寡老人"),
    # found since 上门 is a content verb (nlp/resources/activity_words.csv)
    ("short act", "为高龄老人提供上门助餐服务，惠及老人40人。", "上门助餐服务"),
]

# (sentence, name, kind): service, campaign and event told apart
KINDS = [
    ("组织志愿者开展义诊服务4次，服务居民300人次。", "义诊服务", "service"),
    ("开展“关爱老人”志愿服务活动6次。", "“关爱老人”志愿服务活动", "service"),
    ("组织志愿者开展上门助餐服务，惠及老人40人。", "上门助餐服务", "service"),
    ("开展禁毒宣传月活动，发放宣传资料500份。", "禁毒宣传月活动", "campaign"),
    ("开展环境卫生集中整治行动8次。", "环境卫生集中整治行动", "campaign"),
    ("举办重阳节文艺汇演1场，200余名居民观看。", "重阳节文艺汇演", "event"),
    ("举办迎新春趣味运动会，参赛居民150人。", "迎新春趣味运动会", "event"),
    ("举办元宵游园会，参与居民300余人。", "元宵游园会", "event"),
]

# known failures: (sentence, name, why)
KNOWN_MISSES = [
    (
        "评审结果在社区公示栏公示7天。",
        "公示",
        "a bare verb with no object: the rules find it, the tagger puts it outside beyond the keep limit",
    ),
]


def _activities(text: str) -> list[tuple[str, str]]:
    return [(a.name, str(a.kind)) for a in parse_text(text).activities]


@pytest.mark.parametrize(
    ("kind", "text", "words"), NOT_ACTIVITIES, ids=[f"{c[0]}-{i}" for i, c in enumerate(NOT_ACTIVITIES)]
)
def test_not_an_activity(kind: str, text: str, words: list[str]) -> None:
    names = [name for name, _ in _activities(text)]
    wrong = [n for n in names for w in words if w in n]
    assert not wrong, f"{kind}: {wrong} taken as activities in {text}"


@pytest.mark.parametrize(("kind", "text", "name"), FOUND, ids=[f"{c[0]}-{c[2]}" for c in FOUND])
def test_short_act_found(kind: str, text: str, name: str) -> None:
    assert name in [n for n, _ in _activities(text)]


@pytest.mark.parametrize(("text", "name", "kind"), KINDS, ids=[c[1] for c in KINDS])
def test_service_campaign_event(text: str, name: str, kind: str) -> None:
    assert (name, kind) in _activities(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [pytest.param(t, n, marks=pytest.mark.xfail(reason=why, strict=True)) for t, n, why in KNOWN_MISSES],
)
def test_known_misses(text: str, name: str) -> None:
    assert name in [n for n, _ in _activities(text)]


def test_every_lexicon_entry_has_an_example_and_a_source() -> None:
    rows = load_csv(LEXICON_FILE, ("word", "class", "example", "source"))
    assert len(rows) == len(lexicon_entries()) > 0
    for entry in lexicon_entries():
        assert entry.word in entry.example, entry
        assert entry.example != entry.word, f"{entry.word}: the example must be a sentence, not the word"
        assert entry.source, entry
        assert entry.word_class in word_classes(entry.word), entry


def test_every_class_has_entries() -> None:
    assert {e.word_class for e in lexicon_entries()} == set(CLASSES)


def test_a_bad_entry_names_its_line(tmp_path, monkeypatch) -> None:
    (tmp_path / LEXICON_FILE).write_text(
        "word,class,example,source\n小区,place,社区开展巡逻,invented\n", encoding="utf-8"
    )
    monkeypatch.setenv("ZONGJIE_RESOURCES", str(tmp_path))
    load_csv.cache_clear()
    lexicon_entries.cache_clear()
    try:
        with pytest.raises(ResourceError, match="does not contain"):
            lexicon_entries()
    finally:
        monkeypatch.delenv("ZONGJIE_RESOURCES")
        load_csv.cache_clear()
        lexicon_entries.cache_clear()


@pytest.mark.parametrize(
    ("word", "classes"),
    [
        ("居民小区", ("place",)),
        ("低保金", ("programme",)),
        ("分层分类", ("policy",)),
        ("汇报", ("framing",)),
        ("走访慰问", ("short_act",)),
        ("志愿服务", ("cue_service",)),
        ("专项行动", ("cue_campaign",)),
        ("文艺汇演", ("cue_event",)),
        ("巡逻队", ()),
    ],
)
def test_word_classes(word: str, classes: tuple[str, ...]) -> None:
    assert word_classes(word) == classes
