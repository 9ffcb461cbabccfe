"""The facts stage reads place names from the shared Text's words (issue 8): scope, the counted noun's
place and the object of a sum never segment a substring on their own.

As for identity (tests/test_identity.py), the proof is that the facts come out right while
place_names' own segmenter raises: every place below is read from the document's segmentation.
"""

import pytest

from nlp.figures.facts import build_facts
from nlp.figures.scope import scope_of
from nlp.figures.wholes import money_kind
from nlp.text import place_names
from nlp.text.document import Text

# (sentence, figure, report level, own unit, indicator, scope): invented sentences in the corpus' style.
CASES = [
    ("社区现有党员41名。", "41名", "community", "东湖社区", "party_members", "unit"),
    ("西湖社区开展文艺演出6场。", "6场", "community", "东湖社区", "activities_held", "other"),
    ("丽景小区有居民320户。", "320户", "community", "东湖社区", "households_total", "part"),
    ("红星社区调解纠纷12起。", "12起", "community", "东湖社区", "disputes_mediated", "other"),
    ("龙泉社区投资15万元。", "15万元", "community", "东湖社区", "investment_yuan", "other"),
    ("全市城市低保6195户。", "6195户", "community", "东湖社区", "low_income_households", "wider"),
    # an unknown name the segmenter leaves in single characters after 是 (是|陡|咀|社区) is still a name
    ("四是柳湾社区:投资4.2万元对9户危房进行修缮。", "4.2万元", "township", None, "investment_yuan", "part"),
    ("四是柳湾社区:投资4.2万元对9户危房进行修缮。", "9户", "township", None, "houses_renovated", "part"),
]


def _no_own_segmenting(text):
    raise AssertionError(f"the facts stage segmented {text!r} on its own")


@pytest.fixture
def shared_words_only(monkeypatch):
    monkeypatch.setattr(place_names, "pos_cut", _no_own_segmenting)


@pytest.mark.parametrize(("sentence", "figure", "level", "own", "indicator", "scope"), CASES)
def test_places_are_read_from_the_documents_words(shared_words_only, sentence, figure, level, own, indicator, scope):
    doc = Text.from_string("一、基本情况\n" + sentence)
    facts = build_facts(doc, doc.figures, (), level=level, own_name=own)
    fact = next(f for f in facts if f.text == figure)
    assert (fact.indicator, fact.scope.value) == (indicator, scope)


def test_scope_of_reads_the_words_it_is_given(shared_words_only):
    doc = Text.from_string("工作总结。其中西湖社区开展活动6次")
    at = doc.text.index("其中")
    before = doc.text[at : doc.text.index("6次")]
    assert scope_of(before, "community", "东湖社区", words=doc.words, offset=at).value == "other"
    with pytest.raises(AssertionError, match="on its own"):
        scope_of(before, "community", "东湖社区")  # no words given: the string is segmented alone


def test_money_kind_reads_the_words_it_is_given(shared_words_only):
    doc = Text.from_string("，龙泉社区投资15万元")
    lead_at = 0
    lead = doc.text[lead_at : doc.text.index("投资")]
    assert money_kind("投资", lead, doc.words, lead_at) == "项目"  # the place is the scope, no kind
