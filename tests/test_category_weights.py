"""Prediction from the category weights: the shortcuts that make it fast give what the plain
computation gives (shared tails read once, the n-gram hash table, the cheap category copy)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.categories.assign import with_category
from nlp.categories.categorize import _weights
from nlp.categories.grams import GramTable, term_key
from nlp.records import Activity, ActivityKind, Category, Fact, Qualifier, Section

SENTENCE = "全年开展主题党日活动12次，组织党员志愿服务队清扫街巷30余次。"
# (head, tail): a fact is read as its subject, a space, and its sentence; the edge cases are where
# preparing the joined text could differ from preparing its parts.
JOINED_CASES = [
    ("党员 ", SENTENCE),
    ("志愿服务队 ", SENTENCE),  # the same tail again
    (" ", SENTENCE),  # no subject
    ("", SENTENCE),
    ("主题党日", ""),  # no tail: read whole
    ("清扫街巷  ", "  30余次"),  # a white-space run across the join
    ("ABC ", "Def 活动"),  # upper case on both sides
    ("ΑΣ", "Σ活动"),  # a capital sigma, lower-cased by its neighbours
    ("社", "区"),  # the join inside an n-gram
    ("", ""),
    ("调解纠纷19件 ", "社区调解委员会全年调解纠纷19件，调解成功率达到100%。"),
]


def test_joined_probabilities_equal_those_of_the_joined_texts() -> None:
    weights = _weights()
    heads = [head for head, _ in JOINED_CASES]
    tails = [tail for _, tail in JOINED_CASES]
    joined = weights.joined_probabilities(heads, tails)
    whole = weights.probabilities([head + tail for head, tail in JOINED_CASES])
    assert joined.shape == whole.shape == (len(JOINED_CASES), len(weights.classes))
    assert np.allclose(joined, whole, rtol=0, atol=1e-12)
    assert (joined.argmax(axis=1) == whole.argmax(axis=1)).all()


def test_joined_probabilities_of_nothing() -> None:
    assert _weights().joined_probabilities([], []).shape == (0, len(_weights().classes))


def test_the_gram_table_finds_every_vocabulary_term_and_nothing_else() -> None:
    weights = _weights()
    terms = [t for t in weights.vocabulary if len(t) <= 3]
    keys = np.array([term_key(t) for t in terms], dtype=np.int64)
    assert (weights.grams.columns(keys) == [weights.vocabulary[t] for t in terms]).all()
    unknown = [t for t in ("龘龘龘", "zq\x00", "\U0002a6a5") if t not in weights.vocabulary]
    assert unknown
    assert (weights.grams.columns(np.array([term_key(t) for t in unknown])) == -1).all()


@pytest.mark.parametrize("size", [0, 1, 5, 1000])
def test_the_gram_table_places_colliding_keys(size: int) -> None:
    # keys differing only in their low bits, as the 3-grams of one prefix do
    keys = np.array([term_key("社区") + i for i in range(1, size + 1)], dtype=np.int64)
    columns = np.arange(size)[::-1].copy()
    table = GramTable(keys, columns)
    assert table.columns(keys).tolist() == columns.tolist()
    assert table.columns(np.array([term_key("社区")], dtype=np.int64)).tolist() == [-1]


# The compiled forms (nlp/categories/_grams.c, _totals.c) are optional: where they were not built,
# their tests say so.
_grams_module = __import__("nlp.categories.grams", fromlist=["COMPILED"])
KNOWN_GRAMS = [
    pytest.param(_grams_module.numpy_known_grams, id="numpy"),
    pytest.param(
        _grams_module.compiled_known_grams,
        id="compiled",
        marks=pytest.mark.skipif(
            _grams_module.COMPILED is None,
            reason="nlp.categories._grams not built (make kernels) or ZONGJIE_PURE_PYTHON set",
        ),
    ),
]


@pytest.mark.parametrize("known_grams", KNOWN_GRAMS)
def test_known_grams_count_n_grams_inside_each_text_only(known_grams) -> None:
    table = GramTable(np.array([term_key(t) for t in ("a", "b", "ab", "ba", "aba")]), np.arange(5))
    rows, cols, counts = known_grams(["abab", "", "a", "b"], table, 1, 3, width=5)
    found = {(int(r), int(c)): int(n) for r, c, n in zip(rows, cols, counts, strict=True)}
    # text 0: a×2 b×2 ab×2 ba×1 aba×1; text 2: a; text 3: b ("ab" across texts 2 and 3 is not one)
    assert found == {(0, 0): 2, (0, 1): 2, (0, 2): 2, (0, 3): 1, (0, 4): 1, (2, 0): 1, (3, 1): 1}


RECORDS = [
    Section(1, None, 1, "一、", "党建引领", 0, 40, norm_start=0, norm_end=40),
    Fact(3, 1, 5, 9, "86名", "86", 86.0, None, None, "名", Qualifier.EXACT, "党员", None, breakdown={"性别": "女"}),
    Activity(2, 1, 10, 20, "开展主题党日活动", "开展", "主题党日活动", ActivityKind.EVENT, facts=(3,)),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
@pytest.mark.parametrize("category", [Category.PARTY_BUILDING, Category.OTHER])
def test_with_category_is_dataclasses_replace(record, category: Category) -> None:
    copy = with_category(record, category)
    expected = dataclasses.replace(record, category=category)
    assert copy == expected and type(copy) is type(expected)
    assert vars(copy) == vars(expected)
    assert record.category is Category.OTHER  # the original is left as it was
    with pytest.raises(dataclasses.FrozenInstanceError):
        copy.category = Category.OTHER  # type: ignore[misc]


@pytest.mark.parametrize("probes", [0, 1, 3])
def test_keys_left_after_the_probe_rounds_are_found_by_bisection(probes: int, monkeypatch) -> None:
    from nlp.categories import grams

    monkeypatch.setattr(grams, "_PROBES", probes)
    keys = np.array([term_key("社区") + i for i in range(1, 500)], dtype=np.int64)
    table = GramTable(keys, np.arange(len(keys)))
    asked = np.concatenate([keys[::-1], [term_key("区"), term_key("社区")]])
    assert table.columns(asked).tolist() == list(range(len(keys)))[::-1] + [-1, -1]


# --- known_grams against its plain definition (the table holds the prefixes of its terms, and a
# longer n-gram is probed only where its prefix is held: that must not lose a term) ----------------

_ALPHABET = "社区党员活动ab Σ\x00\U0002a6a5"  # NUL and a character beyond the BMP in texts and terms too


def _plain_known_grams(docs, vocabulary, high, starts_before):
    found = {}
    for row, doc in enumerate(docs):
        limit = len(doc) if starts_before is None else starts_before[row]
        for start in range(min(limit, len(doc))):
            for n in range(1, high + 1):
                gram = doc[start : start + n]
                if len(gram) == n and gram in vocabulary:
                    key = (row, vocabulary[gram])
                    found[key] = found.get(key, 0) + 1
    return found


@pytest.mark.parametrize("known_grams", KNOWN_GRAMS)
@settings(max_examples=150, deadline=None)
@given(
    terms=st.sets(st.text(_ALPHABET, min_size=1, max_size=3), max_size=25),
    docs=st.lists(st.text(_ALPHABET, max_size=12), max_size=6),
    data=st.data(),
)
def test_known_grams_find_what_a_plain_scan_finds(known_grams, terms, docs, data) -> None:
    # vocabularies without their terms' prefixes too (a 3-gram term whose 2-gram is not a term)
    vocabulary = {term: column for column, term in enumerate(sorted(terms))}
    table = GramTable(np.array([term_key(t) for t in vocabulary], dtype=np.int64), np.arange(len(vocabulary)))
    starts_before = data.draw(st.none() | st.lists(st.integers(0, 14), min_size=len(docs), max_size=len(docs)))
    rows, cols, counts = known_grams(docs, table, 1, 3, width=max(1, len(vocabulary)), starts_before=starts_before)
    assert rows.dtype == cols.dtype == counts.dtype == np.intp
    got = {(int(r), int(c)): int(k) for r, c, k in zip(rows, cols, counts, strict=True)}
    assert got == _plain_known_grams(docs, vocabulary, 3, starts_before)
    assert list(zip(rows.tolist(), cols.tolist(), strict=True)) == sorted(got)


def test_the_gram_table_answers_minus_one_for_a_prefix_that_is_no_term() -> None:
    table = GramTable(np.array([term_key("社区党")]), np.array([4]))
    asked = np.array([term_key("社区党"), term_key("社区"), term_key("社")])
    assert table.columns(asked).tolist() == [4, -1, -1]
    assert table.single_columns(np.array([ord("社") + 1])).tolist() == [-1]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text("aBΣσİ 社\t\n\u3000\x00ß", max_size=8), max_size=6))
def test_all_texts_prepared_at_once_as_each_alone(texts) -> None:
    weights = _weights()
    assert weights._all_prepared(texts) == [weights._prepared(text) for text in texts]


def test_contexts_of_many_spans_are_those_of_the_text() -> None:
    from nlp.categories.assign import contexts
    from nlp.text.document import Text

    long_sentence = "，".join(f"第{i}网格开展巡查{i}次" for i in range(40))
    doc = Text.from_string(f"开展活动6次。\n\n走访困难户20户，发放物资30份。{long_sentence}。  结尾无句号12人")
    spans = [(m.start(), m.end()) for m in __import__("re").finditer(r"\d+", doc.text)]
    spans += [(len(doc.text) - 1, len(doc.text)), (7, 8), (0, 0)]
    for limit in (400, 40):
        expected = [doc.context(start, end, limit) for start, end in spans]
        assert contexts(doc, [a for a, _ in spans], [b for _, b in spans], limit) == expected


# --- the arithmetic's shortcuts give the plain computation's floats to the last bit -------------


def _plain_row_totals(rows, cols, weights, coef, n):
    """Each class's coefficients gathered on their own, times the weights, summed row by row as
    ``reduceat`` sums (the first entry, then the pairwise sum of the rest)."""
    totals = np.zeros((n, coef.shape[0]))
    for row in np.unique(rows):
        products = np.take(coef, cols[rows == row], axis=1) * weights[rows == row]
        totals[row] = products[:, 0] + products[:, 1:].sum(axis=1)
    return totals


# The compiled sums (nlp/categories/_totals.c) are optional: where they were not built, their tests say so.
_weights_module = __import__("nlp.categories.weights", fromlist=["COMPILED"])
needs_compiled = pytest.mark.skipif(
    _weights_module.COMPILED is None,
    reason="nlp.categories._totals not built (make kernels) or ZONGJIE_PURE_PYTHON set",
)
ROW_TOTALS = [
    pytest.param(_weights_module.numpy_row_totals, id="numpy"),
    pytest.param(_weights_module.compiled_row_totals, id="compiled", marks=needs_compiled),
]


@pytest.mark.parametrize("row_totals", ROW_TOTALS)
@pytest.mark.parametrize("entries", [0, 1, 7, 300, 5000])
def test_row_totals_are_the_plain_sums_bit_for_bit(entries: int, row_totals) -> None:
    from nlp.categories.weights import _as_records

    rng = np.random.default_rng(entries)
    coef = rng.normal(size=(15, 400))
    rows = np.sort(rng.integers(0, 40, entries))
    cols = rng.integers(0, 400, entries)
    weights = rng.random(entries) * 3
    got = row_totals(rows, cols, weights, _as_records(coef), 41)
    assert got.shape == (41, 15)
    assert np.array_equal(got, _plain_row_totals(rows, cols, weights, coef, 41))


@needs_compiled
@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 700), max_size=6), st.integers(1, 20), st.integers(0, 2**32 - 1))
def test_the_compiled_row_totals_are_numpys_bit_for_bit(run_lengths: list[int], classes: int, seed: int) -> None:
    """Runs of every length numpy's pairwise sum treats its own way (under 8, up to 128, split in
    halves above), values of mixed signs and sizes, zero coefficients: the same bits."""
    from nlp.categories.weights import _as_records, compiled_row_totals, numpy_row_totals

    rng = np.random.default_rng(seed)
    coef = rng.normal(size=(classes, 50)) * np.exp(rng.normal(size=(classes, 50)) * 4)
    coef[:, :3] = 0.0
    texts = 2 * len(run_lengths) + 1
    rows = np.repeat(np.sort(rng.choice(texts, len(run_lengths), replace=False)), run_lengths)
    cols = rng.integers(0, 50, len(rows))
    weights = rng.random(len(rows)) * 3
    records = _as_records(coef)
    expected = numpy_row_totals(rows, cols, weights, records, texts)
    got = compiled_row_totals(rows, cols, weights, records, texts)
    assert np.array_equal(got.view(np.int64), expected.view(np.int64))


@needs_compiled
def test_the_compiled_row_totals_refuse_rows_out_of_order() -> None:
    from nlp.categories.weights import _as_records, compiled_row_totals

    records = _as_records(np.ones((3, 4)))
    with pytest.raises(ValueError, match="sorted"):
        compiled_row_totals(np.array([1, 0]), np.array([0, 1]), np.ones(2), records, 2)
    with pytest.raises(ValueError, match="sorted"):
        compiled_row_totals(np.array([0, 1]), np.array([0, 4]), np.ones(2), records, 2)


@pytest.mark.skipif(_grams_module.COMPILED is None, reason="nlp.categories._grams not built")
def test_the_compiled_reading_gives_the_documents_n_grams_as_numpy() -> None:
    """On the shipped model's table and sentences in the genre, with and without ``starts_before``."""
    weights = _weights()
    docs = ["社区开展主题党日活动12次，组织党员参观革命纪念馆。", "", "走访慰问困难群众85户", "垃圾分类\x00宣传"]
    for starts_before in (None, [3, 0, 40, 5]):
        args = (docs, weights.grams, *weights.ngram_range, len(weights.vocabulary), starts_before)
        expected = _grams_module.numpy_known_grams(*args)
        got = _grams_module.compiled_known_grams(*args)
        assert len(expected[0]) and all(np.array_equal(a, b) for a, b in zip(got, expected, strict=True))


def test_sublinear_tf_is_one_plus_the_log_bit_for_bit() -> None:
    from nlp.categories.weights import sublinear_tf

    counts = np.array([0, 1, 2, 3, 17, 4095, 4096, 250_000] + list(range(1, 600)), dtype=np.intp)
    expected = [0.0 if k == 0 else 1.0 + np.log(np.array([float(k)]))[0] for k in counts.tolist()]
    assert sublinear_tf(counts).tolist() == expected
    assert sublinear_tf(counts[:6]).tolist() == expected[:6]  # all from the table
    assert sublinear_tf(np.zeros(0, dtype=np.intp)).tolist() == []


@settings(max_examples=100, deadline=None)
@given(
    held=st.dictionaries(st.integers(0, 2**40), st.integers(1, 9), max_size=40),
    wanted=st.lists(st.integers(-5, 2**40), max_size=40),
)
def test_counts_of_are_those_of_a_dictionary(held, wanted) -> None:
    from nlp.categories.grams import counts_of

    keys = np.array(sorted(held), dtype=np.int64)
    counts = np.array([held[k] for k in sorted(held)], dtype=np.intp)
    wanted = wanted + list(held)[:5]
    got = counts_of(keys, counts, np.array(wanted, dtype=np.int64))
    assert got.tolist() == [held.get(k, 0) for k in wanted]


@pytest.mark.skipif(_grams_module.COMPILED is None, reason="nlp.categories._grams not built")
@pytest.mark.parametrize("width", [5, 300, 70_000, 3_000_000_000])
def test_the_compiled_sort_orders_pairs_of_every_width_as_numpy(width) -> None:
    """The pairs text * width + column are sorted a byte at a time, as many passes as
    ``texts * width`` needs (one for a few columns, five beyond 32 bits): the order and counts are
    numpy's whatever the width, also with texts in an order whose columns fall as they rise."""
    table = GramTable(np.array([term_key(t) for t in ("社", "区", "社区", "党", "党员", "员")]), np.array([4, 3, 2, 1, 0, 0]))
    docs = ["党员社区", "社区党员党员", "", "员员社", "区社区社"] * 7
    expected = _grams_module.numpy_known_grams(docs, table, 1, 3, width)
    got = _grams_module.compiled_known_grams(docs, table, 1, 3, width)
    assert len(expected[0]) > 30 and all(np.array_equal(a, b) for a, b in zip(got, expected, strict=True))
