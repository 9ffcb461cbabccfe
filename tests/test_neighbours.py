"""nlp.figures.neighbours: the word at a span's edge is the one ``Text.words`` gives, for every span."""

import pytest

from nlp.figures.neighbours import first_word, last_word, words_in
from nlp.text.document import Text

TEXTS = [
    "社区现有党员41名，其中女党员16名。开展主题党日活动6次",
    "四是龙泉村:投资4.2万元对9户危房进行修缮加固。\n\n全年走访困难户30户",
    "（一）基本情况\n辖区面积2.3平方公里，常住人口12000人",
]


@pytest.mark.parametrize("text", TEXTS)
def test_edge_words_equal_the_texts_words_on_every_span(text):
    doc = Text.from_string(text)
    n = len(doc.text)
    for start in range(n):
        for end in range(start + 1, min(n, start + 12) + 1):
            words = doc.words(start, end)
            assert last_word(doc, start, end) == (words[-1] if words else None), (start, end)
            assert first_word(doc, start, end) == (words[0] if words else None), (start, end)


@pytest.mark.parametrize("text", TEXTS)
def test_words_in_equals_the_texts_words_on_every_span(text):
    doc = Text.from_string(text)
    n = len(doc.text)
    for start in range(n + 1):
        for end in range(start, min(n, start + 16) + 1):
            assert words_in(doc, start, end) == doc.words(start, end), (start, end)
