"""The learned tagger's document-wide array routines against the plain per-sentence ones they replace.

Parsing reads a document's tagged sentences as integer arrays (nlp/activities/token_arrays.py),
computes every token's context with numpy (token_context.py), and reads the spans back from the
decoded labels (tagged_spans.py). Training and cross-validation keep the plain routines
(features.sentence_tokens, bio_labels, figure_marks, sequence_features, decoding.decode,
model.doubted_rule_spans); here each array routine must give exactly what they give, sentence by
sentence, on generated documents. (The batched decoder is held to the plain one in
tests/test_activity_crf.py.)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.activities import model
from nlp.activities.decoding import decode, lenient_by_outside
from nlp.activities.features import Token, sentence_tokens, sequence_features
from nlp.activities.tagged_spans import document_spans, lenient_codes
from nlp.activities.token_arrays import WordKeys, tagged_tokens, tokens_as_arrays
from nlp.activities.token_context import context_codes, context_of
from nlp.records import Sentence
from nlp.text.document import Text

# words of every sort the context reads: clause marks, quotes opening and closing (one word may
# do both), digits and units, a word holding the pair separator, plain words
WORDS = [
    ("开展", "v"),
    ("巡逻", "v"),
    ("活动", "n"),
    ("，", "x"),
    ("、", "x"),
    ("：", "x"),
    ("“", "x"),
    ("”", "x"),
    ("“好邻居”", "n"),
    ("《", "x"),
    ("12", "m"),
    ("次", "q"),
    ("户", "q"),
    ("a|b", "eng"),
    ("|", "x"),
    ("困难家庭", "n"),
    ("讲座", "n"),
]
UNITS = ["次", "场", "人次", "户", "元", "%", "米"]


@dataclass(frozen=True)
class _Figure:
    """The fields of a Fact the tagger's features read."""

    norm_start: int
    norm_end: int
    unit: str


@st.composite
def documents(draw):
    """Sentences of tokens (with gaps between words and between sentences), their spans, and
    rule finds, headings and figures laid anywhere over the text."""
    sentences, spans, pos = [], [], 0
    for _ in range(draw(st.integers(1, 5))):
        start = pos
        tokens = []
        for _ in range(draw(st.integers(1, 12))):
            pos += draw(st.sampled_from([0, 0, 0, 1]))  # now and then a space between words
            word, tag = draw(st.sampled_from(WORDS))
            tokens.append(Token(pos, pos + len(word), word, tag))
            pos += len(word)
        pos += draw(st.integers(0, 2))
        sentences.append(tokens)
        spans.append(Sentence(start, pos))
    anywhere = st.tuples(st.integers(0, pos), st.integers(0, 9)).map(lambda sn: (sn[0], sn[0] + sn[1]))
    rules = draw(st.lists(anywhere, max_size=6))
    headings = draw(st.lists(anywhere, max_size=3))
    figures = [_Figure(s, e, draw(st.sampled_from(UNITS))) for s, e in draw(st.lists(anywhere, max_size=6))]
    return sentences, spans, rules, headings, figures


def _in_sentence(sentence: Sentence, rules, headings, figures):
    """What ``model.sentence_inputs`` hands the plain routines for one sentence."""
    s, e = sentence.norm_start, sentence.norm_end
    overlapping = [sp for sp in sorted(rules, key=lambda sp: sp[0]) if sp[0] < e and s < sp[1]]
    heads = [sp for sp in sorted(headings, key=lambda sp: sp[0]) if sp[0] < e and s < sp[1]]
    facts = [f for f in sorted(figures, key=lambda f: f.norm_start) if s <= f.norm_start < e]
    return facts, overlapping, heads


def _context_from_features(row: dict) -> tuple:
    around = tuple(row.get(f"rule{d:+d}") for d in (-2, -1, 1, 2))
    figure = "" if row["fig"] == "-" else row["fig"]
    ahead = "" if row["figahead"] == "-" else row["figahead"]
    return (row["rule"], int(row["pos"]), figure, ahead, "quoted" in row, "heading" in row, *around)


@settings(max_examples=300, deadline=None)
@given(documents())
def test_every_tokens_packed_context_is_the_one_the_training_features_write(document) -> None:
    sentences, spans, rules, headings, figures = document
    keys = WordKeys()
    tokens = tokens_as_arrays(sentences, keys, spans)
    key = tokens.keys
    codes = context_codes(
        tokens, keys.clause_mark[key], keys.opens_quote[key], keys.closes_quote[key], figures, rules, headings
    )
    got = [context_of(c) for c in codes.tolist()]
    expected = []
    for sentence_tokens_, span in zip(sentences, spans, strict=True):
        rows = sequence_features(sentence_tokens_, *_in_sentence(span, rules, headings, figures))
        expected += [_context_from_features(row) for row in rows]
    assert got == expected


@settings(max_examples=200, deadline=None)
@given(documents(), st.data())
def test_spans_read_from_the_whole_document_are_those_read_sentence_by_sentence(document, data) -> None:
    sentences, spans, rules, _, _ = document
    text = "".join(" " for _ in range(spans[-1].norm_end))
    chars = list(text)
    for tokens_ in sentences:
        for t in tokens_:
            chars[t.start : t.end] = t.word
    text = "".join(chars)
    tokens = tokens_as_arrays(sentences, WordKeys(), spans)
    n = len(tokens)
    best = np.array(data.draw(st.lists(st.integers(0, 2), min_size=n, max_size=n)), dtype=np.int64)
    p_outside = np.array(
        data.draw(st.lists(st.sampled_from([0.1, 0.5, 0.74, 0.75, 0.8, 0.86, 0.99]), min_size=n, max_size=n))
    )
    got = document_spans(
        text,
        tokens,
        lenient_codes(tokens, best, p_outside, model.THRESHOLD),
        p_outside,
        rules,
        model.KEEP_DOUBTED,
    )
    expected, at = [], 0
    for tokens_, span in zip(sentences, spans, strict=True):
        k = len(tokens_)
        p = p_outside[at : at + k].tolist()
        labels = lenient_by_outside([("O", "B", "I")[i] for i in best[at : at + k]], p, model.THRESHOLD)
        tagged = decode(text, tokens_, labels)
        _, sentence_rules, _ = _in_sentence(span, rules, [], [])
        expected += sorted(tagged + model.doubted_rule_spans(tokens_, p, sentence_rules, tagged))
        at += k
    assert got == expected


INVENTED = [
    "一、党建引领\n今年以来，社区开展“红色星期六”志愿服务活动12次，组织党员 参观革命纪念馆。\n",
    "上半年走访慰问困难群众85户，发放慰问金3.2万元；举办插花培训班2期。下半年计划举办农民丰收节。",
]


@pytest.mark.parametrize("text", INVENTED)
def test_the_tokens_of_a_text_are_those_sentence_tokens_reads(text) -> None:
    doc = Text.from_string(text)
    tokens = tagged_tokens(doc, doc.sentences, WordKeys())
    words = []
    expected = [sentence_tokens(doc, s) for s in doc.sentences]
    for a, b in zip(tokens.bounds[:-1].tolist(), tokens.bounds[1:].tolist(), strict=True):
        words.append(tuple(zip(tokens.starts[a:b].tolist(), tokens.ends[a:b].tolist(), strict=True)))
    assert words == [tuple((t.start, t.end) for t in ts) for ts in expected if ts]
    assert tokens.sentences == tuple(s for s, ts in zip(doc.sentences, expected, strict=True) if ts)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_kind_scores_of_many_names_at_once_are_the_feature_by_feature_sums(data) -> None:
    shipped = model.shipped()
    if shipped is None:
        pytest.skip("models/activity_kinds.npz is not shipped here")
    weights = shipped.kinds
    names = sorted(weights.features)
    feature = st.one_of(st.sampled_from(names), st.sampled_from(["c1:甪", "verb:不存在"]))  # unknown ones too
    rows = data.draw(
        st.lists(st.dictionaries(feature, st.sampled_from([1.0, 0.5, 2.0]), max_size=30), max_size=8)
    )
    expected = np.tile(weights.intercept, (len(rows), 1))
    for r, row in enumerate(rows):
        for name, value in row.items():
            if name in weights.features:
                expected[r] += value * weights.coef[:, weights.features[name]]
    np.testing.assert_array_equal(weights.scores(rows), expected)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["开展", "活动", "，", "社区", "居民", "12", "“"]), max_size=8), max_size=5))
def test_word_keys_are_given_in_order_of_first_sight(batches: list[list[str]]) -> None:
    """Keys go to new (word, tag) pairs in the order they are first met, across calls."""
    keys = WordKeys()
    seen: list[tuple[str, str]] = []
    for batch in batches:
        words = [(w, "x" if w in "，“" else "n") for w in batch]
        encoded = keys.encode(words).tolist()
        for word in words:
            if word not in seen:
                seen.append(word)
        assert keys.words == seen
        assert encoded == [seen.index(w) for w in words]
        assert keys.length.tolist() == [len(w) for w, _ in seen]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(
            st.tuples(st.sampled_from(["开展", "活动", "，", " ", "“", "讲座", "6次"]), st.sampled_from(["v", "n", "x", "m"])),
            max_size=12,
        ),
        max_size=4,
    )
)
def test_word_keys_are_given_in_order_of_first_sight_and_kept(batches) -> None:
    """``encode`` of several batches: each (word, tag) pair keeps the key it got first, new pairs
    get the next keys in the order they are first seen, and each key's form is described."""
    keys = WordKeys()
    seen: dict[tuple[str, str], int] = {}
    for batch in batches:
        for pair in batch:
            seen.setdefault(pair, len(seen))
        assert keys.encode(batch).tolist() == [seen[pair] for pair in batch]
    assert keys.words == list(seen)
    assert keys.length.tolist() == [len(word) for word, _ in seen]
    assert keys.blank.tolist() == [not word.strip() for word, _ in seen]
