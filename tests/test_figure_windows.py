"""The windows the facts stage reads around a figure, found by compiled patterns, equal their plain
definitions (a walk over characters or over the vocabulary), on any text.

The definitions below are the specification: nlp/figures/clauses.py, subjects.py, measures.py and
scope.py must give what they give (issue 8 made them faster, not different).
"""

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from nlp.figures import clauses, measures, scope, subject_phrases
from nlp.figures.breakdown import _vocab as breakdown_vocab
from nlp.figures.breakdown import strip_whole_front
from nlp.text.place_names import place_names

BREAKS = "。；;！!？?\n，,：:、（）()“”\"《》【】"
TEXTS = st.text(alphabet=BREAKS + "社区党员开展活动走访发放投资全县各类12", max_size=70)


def walk_back(text: str, start: int, floor: int, breaks: str, reach: int) -> int:
    i = start
    while i > floor and text[i - 1] not in breaks and start - i < reach:
        i -= 1
    return i


def walk_forward(text: str, end: int, ceiling: int, breaks: str, reach: int) -> int:
    i = end
    while i < ceiling and text[i] not in breaks and i - end < reach:
        i += 1
    return i


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.data())
def test_sentence_and_clause_windows(text, data):
    start = data.draw(st.integers(0, len(text)))
    floor = data.draw(st.integers(0, start))
    i = walk_back(text, start, floor, clauses.SENTENCE_BREAKS, 60)
    assert clauses.sentence_before(text, start, floor) == text[i:start]
    label = 1 if start > 0 and text[start - 1] in ":：" else 0
    i = walk_back(text, start - label, 0, clauses.CLAUSE_BREAKS, 30 - label)
    assert clauses.clause_before(text, start) == text[i:start]
    assert clauses.clause_after(text, start) == text[start : walk_forward(text, start, len(text), clauses.CLAUSE_BREAKS, 24)]


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.data())
def test_subject_phrase_bounds(text, data):
    index = data.draw(st.integers(0, len(text)))
    bound = data.draw(st.integers(0, len(text)))
    assert subject_phrases.clause_start(text, index, bound) == walk_back(text, index, bound, subject_phrases.CLAUSE_BREAKS, 10**9)
    right = "".join(subject_phrases.RIGHT_BREAKS)
    assert subject_phrases.clause_end(text, index, bound) == walk_forward(text, index, bound, right, 10**9)


def last_table_verb(clause: str):
    best = None
    for verb, indicator in measures._vocab().verbs:  # longest first; the one ending last wins
        at = clause.rfind(verb)
        if at >= 0 and (best is None or at + len(verb) > best[0] + len(best[1])):
            best = (at, verb, indicator)
    return None if best is None else (best[1], best[2])


VERBS = [verb for verb, _ in measures._vocab().verbs]


MOBILIZING = list(measures._vocab().mobilizing)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(VERBS + MOBILIZING + ["社区", "慰问", "资金", "上门", "走", "放"]), max_size=6))
def test_last_verb_of_the_table_else_the_last_mobilizing_word(pieces):
    clause = "".join(pieces)  # the pieces are the lead's words
    mobilizing = [word for word in pieces if word in MOBILIZING]
    expected = last_table_verb(clause) or ((mobilizing[-1], None) if mobilizing else None)
    assert measures.verb_before(clause, pieces) == expected
    assert measures.verb_before(clause, lambda: pieces) == expected  # words read on demand


def strip_walk(text: str, words) -> str:
    changed = True
    while changed:
        changed = False
        for word in words:
            if text.startswith(word) and len(text) > len(word):
                text, changed = text[len(word) :], True
                break
    return text


SCOPE_WORDS = list(scope._scope_words())
WHOLE_WORDS = list(breakdown_vocab().whole)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SCOPE_WORDS + WHOLE_WORDS + ["党员", "活动", "全", "各"]), max_size=5))
def test_leading_words_stripped_as_listed(pieces):
    text = "".join(pieces)
    assert scope.strip_scope_words(text) == strip_walk(text, SCOPE_WORDS)
    assert strip_whole_front(text) == strip_walk(text, WHOLE_WORDS)


def scope_walk(before: str, level: str):
    best_end, best = -1, None
    for word, scopes in scope._scope_words().items():
        at = before.rfind(word)
        if at >= 0 and at + len(word) > best_end:
            best_end, best = at + len(word), scopes[level]
    return best


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SCOPE_WORDS + ["党员", "，", "全", "镇"]), max_size=6))
def test_the_place_word_ending_last_decides(pieces):
    before = "".join(pieces)
    assume(not place_names(before, scope.NAMED_PLACE))  # no named place: the place words alone decide
    for level in ("community", "township", "city"):
        assert scope.scope_of(before, level, default=None) == scope_walk(before, level)
