"""The activity tagger's own decoder (nlp/activities/crf.py, scoring.py) against python-crfsuite.

The shipped model is read from its binary file, token scores are summed from rows cached per word,
and all sentences of a document are decoded together; each step must give what python-crfsuite
gives on the training features (nlp/activities/features.py). Documents are invented in the genre.
"""

from __future__ import annotations

from importlib import resources

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.activities import crf_decode, model
from nlp.activities.crf import CRFWeights
from nlp.activities.crf_decode import (
    _decode_alone,
    _decode_batch,
    decode_compiled,
    decode_many,
    decode_many_numpy,
)
from nlp.activities.extract import find_activities, heading_spans
from nlp.activities.features import Token, bio_labels, figure_marks, sequence_features
from nlp.activities.scoring import TokenScorer
from nlp.pipeline import parse_text

pycrfsuite = pytest.importorskip("pycrfsuite")

DOCUMENTS = [
    "一、党建工作\n今年以来，社区开展主题党日活动12次，组织党员参观革命纪念馆，召开党员大会4次。"
    "“红色小喇叭”“邻里守望”等志愿服务活动覆盖居民600余人次。\n"
    "二、民生服务\n走访慰问困难群众85户，发放慰问金3.2万元；举办插花培训班2期、电信诈骗防范讲座3场。\n",
    "上半年，村委会新建健身步道800米、文化广场1处，投资6万元修建公厕一个。"
    "组织志愿者清理河道垃圾，开展“平安家庭”创建活动。\n下半年计划举办农民丰收节文艺汇演。\n",
    "社区积极推进垃圾分类工作，设置分类投放点14个，入户宣传1300余户。",
]


def _crfsuite_attributes(row: dict[str, str | float]) -> list[str]:
    """The attribute names python-crfsuite makes of a feature dict (all values are 1)."""
    return [f"{key}:{value}" if isinstance(value, str) else key for key, value in row.items()]


def _sequences(text: str):
    parsed = parse_text(text, disable=["activities", "categories", "checks"])
    doc = parsed.text
    assert doc is not None
    rules = find_activities(doc, parsed.sections, parsed.facts, learned=False)
    return list(
        model.sentence_inputs(
            doc,
            doc.sentences,
            parsed.facts,
            [(r.norm_start, r.norm_end) for r in rules],
            heading_spans(parsed.sections),
        )
    )


@pytest.fixture(scope="module")
def shipped_file():
    with resources.as_file(resources.files("models").joinpath(model.TAGGER_FILE)) as path:
        if not path.is_file():
            pytest.skip("models/activities.crfsuite is not shipped here")
        yield path


@pytest.fixture(scope="module")
def weights(shipped_file) -> CRFWeights:
    return CRFWeights.read(shipped_file)


@pytest.fixture(scope="module")
def reference(shipped_file):
    tagger = pycrfsuite.Tagger()
    tagger.open(str(shipped_file))
    return tagger


def test_the_weights_read_from_the_file_are_the_ones_crfsuite_dumps(weights, reference) -> None:
    info = reference.info()
    assert weights.labels == tuple(reference.labels())
    assert len(info.state_features) == int(np.count_nonzero(weights.state))
    for (attribute, label), value in info.state_features.items():  # the dump rounds to 6 places
        assert weights.state[weights.attributes[attribute], weights.labels.index(label)] == pytest.approx(
            value, abs=1e-6
        )
    for (source, target), value in info.transitions.items():
        assert weights.transitions[weights.labels.index(source), weights.labels.index(target)] == pytest.approx(
            value, abs=1e-6
        )


def test_a_file_that_is_no_model_is_refused(tmp_path) -> None:
    path = tmp_path / "broken.crfsuite"
    path.write_bytes(b"not a model at all, just some bytes" * 4)
    with pytest.raises(ValueError):
        CRFWeights.read(path)


@pytest.mark.parametrize("text", DOCUMENTS)
def test_cached_token_scores_equal_the_sum_over_the_training_features(weights, text) -> None:
    scorer = TokenScorer(weights)
    for _ in range(2):  # a cold and a warm cache give the same scores
        for tokens, facts, rules, heads in _sequences(text):
            expected = [weights.row(_crfsuite_attributes(row)) for row in sequence_features(tokens, facts, rules, heads)]
            np.testing.assert_allclose(scorer.scores(tokens, facts, rules, heads), expected, rtol=0, atol=1e-9)


# (word, tag) pairs of every sort the attribute table must read: plain words, vocabulary words
# with marks, digits, a word holding the attribute separator, one-character words, unknown words
WORDS = [
    ("开展", "v"), ("主题党日活动", "n"), ("居民小区", "n"), ("走访慰问", "v"), ("12", "m"),
    ("：", "x"), ("a:b", "eng"), ("讲座", "n"), ("，", "x"), ("的", "uj"), ("甪", "x"), ("发放", "v"),
]


@pytest.mark.parametrize(("word", "tag"), WORDS)
def test_a_words_rows_are_those_of_its_attribute_strings(weights, word, tag) -> None:
    """The rows found by prefix and value are exactly the known attributes the strings name, in order."""
    from nlp.activities.attribute_rows import OFFSETS, AttributeIds, neighbour_attributes, word_attributes

    def rows(names: list[str]) -> list[int]:
        return [1 + weights.attributes[n] for n in names if n in weights.attributes]

    expected = [rows(word_attributes(word, tag))] + [rows(neighbour_attributes(d, word, tag)) for d in OFFSETS]
    assert AttributeIds(weights.attributes).rows_of(word, tag) == expected


def test_the_rows_of_new_words_are_the_models_sums_to_the_last_bit(weights) -> None:
    """``_add_words`` sums all new words' rows at once, zero rows where an attribute is missing:
    each word's row as itself and as each neighbour is exactly what ``CRFWeights.row`` adds up
    from the attribute strings, in their order."""
    from nlp.activities.attribute_rows import OFFSETS, neighbour_attributes, word_attributes

    scorer = TokenScorer(weights)
    scorer._add_words(WORDS[:5])  # a first batch, then one holding words seen and unseen
    scorer._add_words(WORDS[3:])
    words = WORDS[:5] + WORDS[3:]
    for k, (word, tag) in enumerate(words):
        expected = [word_attributes(word, tag)] + [neighbour_attributes(d, word, tag) for d in OFFSETS]
        for slot, attributes in enumerate(expected):
            got = scorer._rows[scorer._word_rows[k, slot]]
            assert got.tolist() == weights.row(attributes), (word, tag, slot)


def _packed(values: tuple[int, ...]) -> int:
    from nlp.activities.token_context import CONTEXT_RADIX

    code = 0
    for radix, value in zip(CONTEXT_RADIX, values, strict=True):
        code = code * radix + value
    return code


def _context_values():
    from nlp.activities.token_context import CONTEXT_RADIX

    return st.tuples(*(st.integers(0, radix - 1) for radix in CONTEXT_RADIX))


@settings(max_examples=300, deadline=None)
@given(_context_values())
def test_a_contexts_slot_attributes_are_its_attribute_strings(values) -> None:
    """Each of the ten values of a context names the attribute ``context_attributes`` writes for
    it, in slot order, or none: the sum of the slots' rows is the sum of the strings' rows."""
    from nlp.activities.attribute_rows import context_attributes
    from nlp.activities.token_context import context_of, slot_attribute

    named = [slot_attribute(slot, value) for slot, value in enumerate(values)]
    assert [a for a in named if a is not None] == context_attributes(context_of(_packed(values)))


def test_the_context_sums_are_the_models_sums_to_the_last_bit(weights) -> None:
    """Every context met on the invented documents, and every value of every slot: the context's
    weights summed slot by slot are what ``CRFWeights.row`` adds up from its attribute strings,
    in their order, bit for bit."""
    from nlp.activities.attribute_rows import context_attributes
    from nlp.activities.token_arrays import tokens_as_arrays
    from nlp.activities.token_context import CONTEXT_RADIX, context_codes, context_of
    from nlp.records import Sentence

    scorer = TokenScorer(weights)
    met: set[int] = set()
    for text in DOCUMENTS:
        for tokens, facts, rules, heads in _sequences(text):
            starts = [f.norm_start for f in facts]  # the sentence as ``TokenScorer.scores`` spans it
            span = Sentence(min([tokens[0].start, *starts]), max([tokens[-1].end, *(s + 1 for s in starts)]))
            arrays = tokens_as_arrays([tokens], scorer.keys, [span])
            key = arrays.keys
            keys = scorer.keys
            met.update(
                context_codes(
                    arrays, keys.clause_mark[key], keys.opens_quote[key], keys.closes_quote[key], facts, rules, heads
                ).tolist()
            )
    assert len(met) > 20
    # every value of every slot, the others at a value that writes an attribute and at one that does not
    for slot, radix in enumerate(CONTEXT_RADIX):
        for value in range(radix):
            for base in (0, 1):
                values = [min(base, r - 1) for r in CONTEXT_RADIX]
                values[slot] = value
                met.add(_packed(tuple(values)))
    codes = sorted(met)
    unpacked = []
    for code in codes:
        values = []
        for radix in reversed(CONTEXT_RADIX):
            code, value = divmod(code, radix)
            values.append(value)
        unpacked.append(values[::-1])
    columns = [np.array(column, dtype=np.int64) for column in zip(*unpacked, strict=True)]
    sums = scorer._context_sums(columns)
    for code, got in zip(codes, sums.tolist(), strict=True):
        assert got == weights.row(context_attributes(context_of(code))), code


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet="开展活动讲座居民社区走访慰问组织党员培训班123“”、：的甪a", min_size=1, max_size=6),
            st.sampled_from(["v", "n", "vn", "m", "x", "uj", "eng", "nr"]),
        ),
        min_size=1,
        max_size=30,
        unique=True,
    )
)
def test_rows_of_many_words_at_once_as_word_by_word(weights, keys) -> None:
    """``columns_of`` gives, column by column, each word's ``rows_of`` lists with zero rows between."""
    from nlp.activities.attribute_rows import AttributeIds

    ids = AttributeIds(weights.attributes)
    slots = ids.columns_of([w for w, _ in keys], [t for _, t in keys])
    for k, (word, tag) in enumerate(keys):
        for columns, expected in zip(slots, ids.rows_of(word, tag), strict=True):
            assert [int(c[k]) for c in columns if c[k]] == expected, (word, tag)


# The compiled decoder (nlp/activities/_crf.c) is optional: where it was not built, its tests say so.
needs_compiled = pytest.mark.skipif(
    crf_decode.COMPILED is None,
    reason="nlp.activities._crf not built (make kernels) or ZONGJIE_PURE_PYTHON set",
)
DECODERS = [
    pytest.param(decode_many_numpy, id="numpy"),
    pytest.param(
        lambda weights, scores, lengths: decode_compiled(weights.transitions, scores, lengths),
        id="compiled",
        marks=needs_compiled,
    ),
]


@pytest.mark.parametrize("decode", DECODERS)
@pytest.mark.parametrize("text", DOCUMENTS)
def test_batched_decoding_gives_crfsuites_labels_and_marginals(weights, reference, text, decode) -> None:
    sequences = _sequences(text)
    assert sequences
    scorer = TokenScorer(weights)
    scores = np.concatenate([scorer.scores(*inputs) for inputs in sequences])
    best, marginals = decode(weights, scores, [len(tokens) for tokens, *_ in sequences])
    at = 0
    for tokens, facts, rules, heads in sequences:
        expected = reference.tag(sequence_features(tokens, facts, rules, heads))
        assert [weights.labels[i] for i in best[at : at + len(tokens)]] == expected
        for i in range(len(tokens)):
            for k, label in enumerate(weights.labels):
                assert marginals[at + i, k] == pytest.approx(reference.marginal(label, i), abs=1e-9)
        at += len(tokens)


def test_decoding_sentences_together_equals_decoding_each_alone(weights) -> None:
    """Short sentences go through the batch, a long one through the plain-float path: both must
    give what the batch gives for each sentence alone."""
    rng = np.random.default_rng(7)
    lengths = [1, 5, 2, 1, 17, 3, 300, 4]
    scores = rng.normal(scale=3.0, size=(sum(lengths), len(weights.labels)))
    best, marginals = decode_many_numpy(weights, scores, lengths)
    at = 0
    for n in lengths:
        alone_best, alone_marginals = _decode_batch(weights.transitions, scores[at : at + n], [n])
        assert best[at : at + n].tolist() == alone_best.tolist()
        np.testing.assert_allclose(marginals[at : at + n], alone_marginals, atol=1e-12)
        at += n


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(1, 300), min_size=1, max_size=6),
    st.floats(0.5, 12.0),
    st.integers(0, 2**32 - 1),
)
def test_a_batch_decodes_each_sentence_as_the_plain_float_path_decodes_it_alone(lengths, scale, seed) -> None:
    """Labels exactly (the same sums and first-best ties), marginals to rounding (the batch scales
    its probabilities less often), under transitions and scores far from the shipped model's."""
    rng = np.random.default_rng(seed)
    trans = rng.normal(scale=scale, size=(3, 3))
    scores = rng.normal(scale=scale, size=(sum(lengths), 3))
    best, marginals = _decode_batch(trans, scores, lengths)
    at = 0
    for n in lengths:
        alone_best, alone_marginals = _decode_alone(trans, scores[at : at + n])
        assert best[at : at + n].tolist() == alone_best
        np.testing.assert_allclose(marginals[at : at + n], alone_marginals, rtol=0, atol=1e-12)
        at += n


def test_a_sentence_of_thousands_of_words_gets_the_labels_of_the_batch(weights) -> None:
    """A table flattened into one sentence takes the plain-float path (its speed is measured in
    evaluation/bench_speed.py); its labels are the batch's."""
    rng = np.random.default_rng(3)
    scores = rng.normal(scale=3.0, size=(5000, len(weights.labels)))
    best, marginals = decode_many(weights, scores, [5000])
    assert best.shape == (5000,) and np.allclose(marginals.sum(axis=1), 1.0)
    reference_best, _ = _decode_batch(weights.transitions, scores, [5000])
    assert best.tolist() == reference_best.tolist()


@needs_compiled
@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.integers(0, 400), min_size=1, max_size=8),
    st.integers(2, 5),
    st.floats(0.5, 12.0),
    st.integers(0, 2**32 - 1),
)
def test_the_compiled_decoder_gives_the_numpy_decoders_labels_and_marginals(lengths, n_labels, scale, seed) -> None:
    """Labels exactly (the same sums, the first of equal maxima), marginals to rounding, with
    sentences in the batch, alone (over 256 tokens) and empty, and transitions far from the model's."""
    rng = np.random.default_rng(seed)
    weights = CRFWeights(
        labels=tuple(f"L{k}" for k in range(n_labels)),
        attributes={},
        state=np.zeros((0, n_labels)),
        transitions=rng.normal(scale=scale, size=(n_labels, n_labels)),
    )
    scores = rng.normal(scale=scale, size=(sum(lengths), n_labels))
    best, marginals = decode_compiled(weights.transitions, scores, lengths)
    expected_best, expected_marginals = decode_many_numpy(weights, scores, lengths)
    assert best.tolist() == expected_best.tolist()
    np.testing.assert_allclose(marginals, expected_marginals, rtol=0, atol=1e-12)


@needs_compiled
def test_the_compiled_decoder_takes_equal_maxima_first_and_refuses_shapes_that_disagree() -> None:
    trans = np.zeros((3, 3))
    best, marginals = decode_compiled(trans, np.zeros((4, 3)), [4])
    assert best.tolist() == [0, 0, 0, 0]
    np.testing.assert_allclose(marginals, np.full((4, 3), 1 / 3), rtol=0, atol=1e-15)
    with pytest.raises(ValueError, match="sum"):
        decode_compiled(trans, np.zeros((4, 3)), [3])
    with pytest.raises(ValueError, match="shapes"):
        decode_compiled(trans, np.zeros((4, 2)), [4])


def _tokens(lengths: list[int]) -> list[Token]:
    out, pos = [], 0
    for n in lengths:
        out.append(Token(pos, pos + n, "字" * n, "n"))
        pos += n
    return out


@given(
    st.lists(st.integers(1, 4), min_size=1, max_size=30),
    st.lists(st.tuples(st.integers(0, 90), st.integers(0, 8)), max_size=8),
)
def test_bio_labels_by_bisection_equal_the_token_by_token_definition(lengths, raw_spans) -> None:
    tokens = _tokens(lengths)
    spans = [(s, s + n) for s, n in raw_spans]
    expected = ["O"] * len(tokens)
    for s, e in sorted(spans):
        first = True
        for i, t in enumerate(tokens):
            if t.start < e and s < t.end:
                if expected[i] == "O":
                    expected[i] = "B" if first else "I"
                first = False
    assert bio_labels(tokens, spans) == expected


def test_figure_marks_name_the_figure_a_token_is_in_and_the_one_ahead() -> None:
    text = "开展主题党日活动6次，走访困难户20户"
    parsed = parse_text(text, disable=["activities", "categories", "checks"])
    doc = parsed.text
    assert doc is not None
    tokens = [Token(s, s + len(w), w, t) for s, (w, t) in zip(*doc.clause_words(0), strict=True)]
    at, ahead = figure_marks(tokens, parsed.facts)
    words = [t.word for t in tokens]
    assert at[words.index("6")] == "event" and at[words.index("次")] == "event"
    assert ahead[words.index("主题党日活动")] == "event1"
    assert at[words.index("开展")] == ""


@given(st.lists(st.sampled_from(["", "", "", "event", "people"]), min_size=1, max_size=40), st.data())
def test_the_figure_ahead_is_the_nearest_within_reach_before_a_clause_mark(sorts, data) -> None:
    from nlp.activities import features

    marks = data.draw(st.lists(st.booleans(), min_size=len(sorts), max_size=len(sorts)))
    tokens = [Token(i, i + 1, "，" if mark else "字", "x") for i, mark in enumerate(marks)]
    facts = [_Figure(i, i + 1, "次" if sort == "event" else "人") for i, sort in enumerate(sorts) if sort]
    at, ahead = figure_marks(tokens, facts)
    expected = [""] * len(tokens)
    for i in range(len(tokens)):
        for j in range(i + 1, min(len(tokens), i + 1 + features._FIGURE_REACH)):
            if tokens[j].word in features.CLAUSE_MARKS:
                break
            if at[j]:
                expected[i] = f"{at[j]}{min(j - i, 3)}"
                break
    assert ahead == expected
    assert at == [sort for sort in sorts]


class _Figure:
    """The three fields of a Fact that figure_marks reads."""

    def __init__(self, start: int, end: int, unit: str) -> None:
        self.norm_start, self.norm_end, self.unit = start, end, unit


def test_a_damaged_model_file_is_a_resource_error_naming_it(tmp_path, shipped_file) -> None:
    from nlp.errors import ResourceError

    whole = shipped_file.read_bytes()
    (tmp_path / model.TAGGER_FILE).write_bytes(whole[: len(whole) // 3])  # cut short, as by a failed copy
    with resources.as_file(resources.files("models").joinpath(model.KINDS_FILE)) as kinds:
        (tmp_path / model.KINDS_FILE).write_bytes(kinds.read_bytes())
    with pytest.raises(ResourceError, match="activities.crfsuite"):
        model.ActivityModel.load(tmp_path)
