"""No code, resource or fixture quotes a corpus document (issue 12), and the guard that finds them.

The first half checks evaluation/corpus_quotes.py on invented documents; the second runs it over
the repository's scope (nlp/, cli.py, corpus/ but samples, tests/, evaluation/ but gold/ and
agreement/) against the shared corpus' seeds, dev and long: no file may quote one.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from evaluation import corpus_quotes as cq
from evaluation.shared import MISSING

ROOT = Path(__file__).resolve().parent.parent

# Three invented reports of the genre; the guard's cases below are written against them.
DOCUMENTS = (
    ("dev/a.txt", "桂园社区现有居民1873户5204人，今年共组织消防演练4场，覆盖群众900余人次。"
                  "在街道党工委、办事处的领导下，社区始终把邻里的冷暖挂在心上。"),
    ("dev/b.txt", "柳岸村始终把邻里的冷暖挂在心上，全年修缮村道3.2公里，新栽行道树460株。"),
    ("dev/c.txt", "社區夜間巡邏隊由退休黨員組成，每晚兩班輪值，全年勸離滯留人員三十餘次。"),
)

FIND_CASES = [
    # (name, repository text, documents quoted ([] when none))
    ("a whole sentence copied", "桂园社区现有居民1873户5204人，今年共组织消防演练4场。", ["dev/a.txt"]),
    ("copy with other punctuation and spaces", "今年 共组织 消防演练4场;覆盖群众900余人次", ["dev/a.txt"]),
    ("copy in full-width digits", "现有居民１８７３户５２０４人，今年共组织", ["dev/a.txt"]),
    ("simplified copy of a traditional document", "社区夜间巡逻队由退休党员组成，每晚两班轮值", ["dev/c.txt"]),
    ("copy split over two string literals", '"桂园社区现有居民1873户"\n    "5204人，今年共组织"', ["dev/a.txt"]),
    ("stock phrase found in two documents", "我们始终把邻里的冷暖挂在心上", []),
    ("formula from STOCK_PHRASES", "在街道党工委、办事处的领导下", []),
    ("run shorter than MIN_LENGTH", "今年共组织消防演练", []),
    ("same words of the genre, own figures", "社区现有居民2210户6030人，组织消防演练3场", []),
    ("an identifier cuts the run", "桂园社区现有居 x 民1873户5204人", []),
    ("two copies in one text", "修缮村道3.2公里，新栽行道树460株。现有居民1873户5204人，今年共",
     ["dev/b.txt", "dev/a.txt"]),
]


@pytest.fixture(scope="module")
def index() -> cq.CorpusIndex:
    return cq.build_index(DOCUMENTS)


@pytest.mark.parametrize(("name", "text", "expected"), FIND_CASES, ids=[case[0] for case in FIND_CASES])
def test_find_quotes(index: cq.CorpusIndex, name: str, text: str, expected: list[str]) -> None:
    assert [quote.doc for quote in cq.find_quotes(text, index)] == expected


def test_quote_points_at_its_line_column_and_text(index: cq.CorpusIndex) -> None:
    text = 'CASES = [\n    ("今年共组织消防演练4场，覆盖群众900余人次", 4),\n]\n'
    [quote] = cq.find_quotes(text, index, "tests/x.py")
    assert (quote.line, quote.col, quote.doc) == (2, 7, "dev/a.txt")
    assert quote.span == "今年共组织消防演练4场，覆盖群众900余人次"
    assert str(quote) == 'tests/x.py:2:7: QUOTE dev/a.txt "今年共组织消防演练4场，覆盖群众900余人次"'


def test_related_documents_count_as_one_text() -> None:
    """A report posted twice (or damaged two ways) is one text: its sentences stay quotable."""
    report = DOCUMENTS[0][1]
    index = cq.build_index([*DOCUMENTS, ("dev/a_again.txt", "（转载）" + report.replace("，", ",") + "阅读 23")])
    [quote] = cq.find_quotes("桂园社区现有居民1873户5204人，今年共组织", index)
    assert quote.doc == "dev/a.txt+dev/a_again.txt"


def test_main_reports_quotes_and_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in DOCUMENTS:
        (corpus / Path(name).name).write_text(text, encoding="utf-8")
    (tmp_path / "clean.txt").write_text("社区现有居民2210户6030人。\n", encoding="utf-8")
    (tmp_path / "copied.toml").write_text('example = "全年修缮村道3.2公里，新栽行道树460株"\n', encoding="utf-8")
    assert cq.main([str(tmp_path / "clean.txt"), "--corpus", str(corpus)]) == 0
    assert cq.main([str(tmp_path), "--corpus", str(corpus)]) == 1
    out = capsys.readouterr().out
    assert 'copied.toml:1:12: QUOTE corpus/b.txt "全年修缮村道3.2公里，新栽行道树460株"' in out
    assert "clean.txt" not in out
    assert cq.main(["--corpus", str(tmp_path / "nowhere")]) == 2


def test_named_paths_are_scanned_whole(tmp_path: Path) -> None:
    """The default scope leaves evaluation/plants/test/ out; the lead scans it by naming it."""
    held_out = tmp_path / "evaluation" / "plants" / "test"
    held_out.mkdir(parents=True)
    (held_out / "kind.toml").write_text('text = "全年修缮村道3.2公里，新栽行道树460株"\n', encoding="utf-8")
    assert cq.repository_files(tmp_path, ["evaluation"]) == []
    assert cq.repository_files(tmp_path, ["evaluation/plants/test"], excluded=()) == [held_out / "kind.toml"]


def test_scope_leaves_out_samples_gold_agreement_and_held_out_plants() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in cq.repository_files(ROOT)}
    assert "cli.py" in names and "tests/test_no_corpus_quotes.py" in names
    for excluded in cq.EXCLUDED:
        assert not any(name.startswith(excluded + "/") for name in names), excluded


# ---- the repository against the shared corpus --------------------------------------------------


@pytest.fixture(scope="module")
def repository_quotes() -> dict[str, list[cq.Quote]]:
    documents = list(cq.corpus_texts(cq.corpus_folders()))
    if not documents:
        pytest.skip(MISSING)
    found: dict[str, list[cq.Quote]] = defaultdict(list)
    for quote in cq.scan(cq.repository_files(ROOT), cq.build_index(documents), ROOT):
        found[quote.path].append(quote)
    return found


def test_no_file_quotes_the_corpus(repository_quotes: dict[str, list[cq.Quote]]) -> None:
    found = [str(quote) for _, quotes in sorted(repository_quotes.items()) for quote in quotes]
    assert not found, "rewrite these in your own words (python -m evaluation.corpus_quotes):\n" + "\n".join(found)

