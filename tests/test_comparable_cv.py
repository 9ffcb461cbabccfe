"""The comparable/not cross-validation: folds by document, every candidate decided once per variant,
misses counted for every variant alike."""

import pytest

from evaluation.comparable_cv import VARIANTS, Candidate, DocCandidates, collect, cross_validate


def _doc(name: str, rows: list[tuple[str, bool, bool]], missed: int = 0) -> DocCandidates:
    """rows: (word before the figure, gold says comparable, rules say comparable)."""
    cands = tuple(
        Candidate(name, "dev", {f"b2={word}": 1.0, "rule": float(rule)}, positive, rule) for word, positive, rule in rows
    )
    return DocCandidates(name, "dev", cands, missed)


DOCS = [
    _doc(f"d{i:02}", [("现有", True, True), ("全市", False, True), ("其中", False, False), ("共有", True, False)], missed=1)
    for i in range(10)
]


def test_every_candidate_is_decided_and_misses_count_for_all():
    result = cross_validate(DOCS, folds=5)
    assert set(result) == set(VARIANTS)
    for variant in VARIANTS:
        counts = result[variant]["all"]
        assert counts.tp + counts.fn == 10 * 2 + 10  # the positives plus the gold nobody matched
        assert counts.tp + counts.fp <= 40


def test_rules_are_scored_as_they_said():
    rules = cross_validate(DOCS, folds=5)["rules"]["dev"]
    assert (rules.tp, rules.fp, rules.fn) == (10, 10, 20)


def test_a_learnable_word_beats_the_rules_held_out():
    result = cross_validate(DOCS, folds=5)
    assert result["model alone"]["all"].f1 > result["rules"]["all"].f1


@pytest.mark.parametrize("folds", [2, 10])
def test_folds_keep_documents_whole(folds):
    result = cross_validate(DOCS, folds=folds)
    assert result["model alone"]["all"].tp + result["model alone"]["all"].fn == 30


def test_collect_reaches_the_excerpt_folder(tmp_path):
    """`python -m evaluation.comparable_cv` collects the long-report excerpts through the split's
    folders; a split holding only an empty facts/ folder gives no candidates (and no error)."""
    (tmp_path / "dev" / "facts").mkdir(parents=True)
    assert collect(tmp_path / "dev") == []
