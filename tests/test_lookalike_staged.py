"""The look-alike filter's staged decision (``LookalikeModel.keeps``: the bounds of the words of the
figure's kind of unit, then the word after read alone) held to its plain definition, ``probability``
against the threshold, on invented sentences and models whose word weights decide at every stage
(sp15c). Every sentence here is invented."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.figures.lookalike import LookalikeModel, load_lookalike_model
from nlp.figures.lookalike_features import feature_names
from nlp.text.document import Text

SENTENCES = (
    "社区现有党员46名，其中女党员18名，全年发展党员一名。",
    "开展环境整治活动12场，参与居民达300余人次，清理垃圾5吨。",
    "为70岁以上老人发放慰问金2.5万元，走访困难家庭36户。",
    "新建文化广场1处，面积约800平方米，投入资金50万元以上。",
    "调解邻里纠纷21起，成功率达95%，接待来访群众一百二十人。",
    "组织志愿者3支共计85人，开展一次集中宣传，发放资料2000余份。",
)
DOCS = tuple(Text.from_string(s) for s in SENTENCES)
NAMES = sorted({name for doc in DOCS for q in doc.figures for name in feature_names(doc, q)})
WORD_NAMES = [n for n in NAMES if n.startswith(("pw=", "nw=", "pt=", "nt=")) or "+pt=" in n or "+nt=" in n]


def _plain(model: LookalikeModel, doc: Text) -> list[bool]:
    return [model.probability(doc, q) >= model.threshold for q in doc.figures]


def test_the_shipped_model_decides_as_its_probability() -> None:
    model = load_lookalike_model()
    assert model is not None
    for doc in DOCS:
        assert [model.keeps(doc, q) for q in doc.figures] == _plain(model, doc)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(st.sampled_from(WORD_NAMES), st.floats(-4.0, 4.0), min_size=1),
    st.dictionaries(st.sampled_from(NAMES), st.floats(-2.0, 2.0)),
    st.floats(-2.0, 2.0),
    st.sampled_from((0.2, 0.4, 0.5, 0.7)),
)
def test_a_model_decides_as_its_probability(words: dict, others: dict, intercept: float, threshold: float) -> None:
    weights = {**others, **words, "one_before_noun": words.get("pw=", 0.5), "bound_before_noun": -1.5}
    model = LookalikeModel(weights, intercept, threshold)
    for doc in DOCS:
        assert [model.keeps(doc, q) for q in doc.figures] == _plain(model, doc)
