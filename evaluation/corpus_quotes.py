"""Find corpus text copied into the repository: runs long enough to be a copy, not stock phrasing.

The corpus documents are third-party text (issue 12): code, resources and test fixtures must not
quote them. This tool indexes every ``MIN_LENGTH``-character window of the corpus once (a hash per
window, with the documents that hold it), then slides the same window over each repository file.
A window that occurs in exactly one corpus document (or one group of near-duplicate documents) is
a copy; a window found in two unrelated documents is the genre's stock phrasing
(全心全意为人民服务, 以习近平新时代中国特色社会主义思想为指导 …), which writers share without
having seen each other, and is not. Overlapping copied windows are merged into one quote.

Both sides are compared after ``fold``: NFKC, traditional → simplified character by character, and
only CJK ideographs and digits kept (punctuation, spaces and line breaks dropped; a Latin letter
cuts the run), so a copy whose punctuation, width, script or line breaks changed is still found.

The genre's fixed formulae that this small corpus holds only once (slogans, campaign and law names,
document-type words) are listed in ``STOCK_PHRASES`` and cut the run like punctuation. ``MIN_LENGTH``
was chosen by measurement (``--stats``, ``shared_run_lengths``): see the note above it.

    python -m evaluation.corpus_quotes                      # the default scope, seeds/dev/long
    python -m evaluation.corpus_quotes --corpus ../shared/corpus/seeds --corpus ../shared/corpus/dev \
        --corpus ../shared/corpus/long --corpus ../shared/corpus/fresh      # against the test split too
    python -m evaluation.corpus_quotes evaluation/plants/test   # named paths: no folder left out
    python -m evaluation.corpus_quotes --stats              # shared runs between corpus documents

Prints ``path:line:col: QUOTE <doc> "<span>"`` per quote; exit status 1 when any is found, 2 when
no corpus document could be read.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from evaluation.shared import MISSING, ROOT, corpus_folders
from nlp.text.normalize_chars import to_simplified

# Measured with ``--stats`` on seeds, dev and long: of the runs of 6+ compared characters that two
# unrelated community reports (seeds, dev: 435 pairs) share, 99 % are at most 10 characters and the
# one longer run is a 16-character Party formula (STOCK_PHRASES); government reports (long/) share
# slogans up to 77 characters, which the two-document rule already marks as stock. 12 is two
# characters above anything unrelated writers of the genre were seen to share.
MIN_LENGTH = 12
# Two documents sharing this share of their windows are one text twice (a report reposted, the
# same page damaged two ways): a window they share is still a copy of that one text, not stock.
RELATED_SHARE = 0.3
# The repository's places for code, resources and fixtures (issue 12). corpus/samples/ ships the
# seed documents themselves; gold and agreement files quote the corpus as SPEC section 6 requires;
# evaluation/plants/test/ is a held-out split nobody may read (the lead scans it by naming it).
SCOPE = ("nlp", "cli.py", "corpus", "tests", "evaluation")
EXCLUDED = ("corpus/samples", "evaluation/gold", "evaluation/agreement", "evaluation/plants/test")
TEXT_SUFFIXES = frozenset({".py", ".toml", ".csv", ".txt", ".json", ".md", ".tsv", ".html", ".yaml", ".yml"})
_CUT = "|"
_MAX_SHOWN = 120
# The genre's fixed formulae that this small corpus happens to hold in one document only, so the
# two-document rule cannot see they are stock: state and Party slogans, campaign and law names, the
# report's opening formula. Writers use them verbatim without ever seeing a corpus document. Each
# cuts the run like punctuation does; what is left on either side must be a copy on its own. An
# entry is a public formula, never a document's sentence: a phrase with a figure, a place or a
# person in it does not belong here.
STOCK_PHRASES = (
    "街道党工委、办事处",  # the street office's Party committee and office: every community report's opening
    "区委、区政府",  # the district's Party committee and government, same opening one level up
    "工作总结如下",  # 现将……工作总结如下: the formula that closes a report's preamble
    "各位代表：现在，我代表",  # how every government work report opens
    "社区基本情况",  # the first heading of a community report (一、社区基本情况)
    "工作总结",  # the names of the genre's documents and parts: a title is a place, a period and one of
    "工作计划",  # these (2023年上半年社区工作总结), which the next report repeats with its own place
    "工作报告",
    "工作回顾",
    "“十三五”时期",  # plan periods as reports name them
    "“十四五”时期",
    "习近平新时代中国特色社会主义思想",  # the Party's guiding thought since 2017
    "“两学一做”学习教育",  # Party campaign name (2016)
    "推动发展、服务群众、凝聚人心、促进和谐",  # the tasks of a grassroots Party organization (2004)
    "全面贯彻落实党的二十大精神",  # the formula of 2023-2024 reports
    "不忘初心、牢记使命",  # Party campaign name (2019)
    "中央八项规定精神",  # Party rules (2012)
    "培育和践行社会主义核心价值观",  # civility campaign formula
    "全面建成小康社会",  # national goal (2020)
    "推动经济实现质的有效提升和量的合理增长",  # national economic formula (2023)
    "关于全面加强人口和计划生育工作统筹解决人口问题的决定",  # Central Committee decision title (2006)
    "“十三五”规划",  # five-year plan names
    "“十四五”规划",
    "承上启下的关键之年",  # how a plan's middle year is described
    "中国共产党成立100周年",  # 2021 anniversary formula
    "庆祝建党100周年",
    "面对突如其来的新冠肺炎疫情",  # 2020 pandemic formula
    "把人民群众生命安全和身体健康放在第一位",  # 2020 pandemic slogan
    "中华人民共和国城市居民委员会组织法",  # law title (1989)
    "下岗失业人员",  # employment-policy category name
    "城镇登记失业率",  # statistical indicator name
    "稳定低生育水平、提高出生人口素质",  # family-planning policy formula (2006)
    "流动人口计划生育服务管理",  # family-planning programme name
    "民主选举、民主决策、民主管理、民主监督",  # the “four democracies” of self-governance law
    "农村饮水安全巩固提升",  # national rural water programme name
)


@dataclass(frozen=True)
class Folded:
    """The characters compared (``text``) and, for each, its offset in the original."""

    text: str
    offsets: array


@dataclass(frozen=True)
class Quote:
    """One copied run: where it is in the repository file, and which corpus document it copies."""

    path: str
    line: int
    col: int
    doc: str
    span: str
    length: int

    def __str__(self) -> str:
        shown = " ".join(self.span.split())
        if len(shown) > _MAX_SHOWN:
            shown = shown[: _MAX_SHOWN - 1] + "…"
        return f'{self.path}:{self.line}:{self.col}: QUOTE {self.doc} "{shown}"'


@dataclass(frozen=True)
class CorpusIndex:
    """Window hash → the group of documents that holds it, or ``STOCK`` when two unrelated do."""

    length: int
    owners: dict[int, int]
    groups: tuple[str, ...]


STOCK = -1


@cache
def _char_class(char: str) -> str:
    """What ``fold`` makes of one character: itself (simplified), ``_CUT``, or nothing."""
    if char.isdigit() and char.isascii():
        return char
    if "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char >= "\U00020000":
        simplified = to_simplified(char)
        return simplified if len(simplified) == 1 else char
    if char.isalpha():
        return _CUT
    return ""


def fold(text: str, cut_stock: bool = True) -> Folded:
    """The text as compared: NFKC per character, simplified, only ideographs and digits kept.

    A Latin letter becomes ``|``, so runs on either side of an identifier do not join, and so does
    every character of a ``STOCK_PHRASES`` formula.

    >>> fold("社區共有黨員４１名， 其中 x 女性").text
    '社区共有党员41名其中|女性'
    >>> list(fold("a 社区").offsets)
    [0, 2, 3]
    >>> fold("在街道党工委、办事处的领导下").text
    '在||||||||的领导下'
    """
    kept: list[str] = []
    offsets = array("i")
    previous_cut = False
    for offset, char in enumerate(text):
        for piece in unicodedata.normalize("NFKC", char) if ord(char) > 0x7F else char:
            folded = _char_class(piece)
            if not folded or (folded == _CUT and previous_cut):
                continue
            previous_cut = folded == _CUT
            kept.append(folded)
            offsets.append(offset)
    compared = "".join(kept)
    if cut_stock:
        compared = _stock_pattern().sub(lambda m: _CUT * len(m.group()), compared)
    return Folded(compared, offsets)


@cache
def _stock_pattern() -> re.Pattern[str]:
    phrases = sorted({fold(phrase, cut_stock=False).text for phrase in STOCK_PHRASES}, key=len, reverse=True)
    return re.compile("|".join(re.escape(phrase) for phrase in phrases))


def windows(text: str, length: int) -> Iterator[tuple[int, int]]:
    """(start, hash) of every window of ``length`` characters that no ``|`` cuts.

    >>> [start for start, _ in windows("ab|cde", 2)]
    [0, 3, 4]
    """
    start = 0
    for piece in text.split(_CUT):
        for i in range(len(piece) - length + 1):
            yield start + i, hash(piece[i : i + length])
        start += len(piece) + 1


def related_groups(names: Sequence[str], hashes: Sequence[set[int]]) -> list[int]:
    """A group number per document: documents sharing ``RELATED_SHARE`` of their windows are one.

    >>> related_groups(["a", "b", "c"], [{1, 2, 3}, {1, 2, 3, 4}, {9}])
    [0, 0, 2]
    """
    parent = list(range(len(names)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            smaller = min(len(hashes[i]), len(hashes[j]))
            if smaller and len(hashes[i] & hashes[j]) >= RELATED_SHARE * smaller:
                parent[root(j)] = root(i)
    return [root(i) for i in range(len(names))]


def build_index(documents: Iterable[tuple[str, str]], length: int = MIN_LENGTH) -> CorpusIndex:
    """Index the windows of ``(name, text)`` documents once."""
    names: list[str] = []
    hashes: list[set[int]] = []
    for name, text in documents:
        names.append(name)
        hashes.append({h for _, h in windows(fold(text).text, length)})
    group_of = related_groups(names, hashes)
    members: dict[int, list[str]] = {}
    for i, group in enumerate(group_of):
        members.setdefault(group, []).append(names[i])
    group_ids = {group: n for n, group in enumerate(members)}
    owners: dict[int, int] = {}
    for i, doc_hashes in enumerate(hashes):
        group = group_ids[group_of[i]]
        for h in doc_hashes:
            owner = owners.setdefault(h, group)
            if owner != group:
                owners[h] = STOCK
    return CorpusIndex(length, owners, tuple("+".join(docs) for docs in members.values()))


def corpus_texts(folders: Iterable[Path]) -> Iterator[tuple[str, str]]:
    """``(folder/name, text)`` of every .txt document in ``folders``."""
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            yield f"{folder.name}/{path.name}", path.read_text(encoding="utf-8", errors="replace")


def find_quotes(text: str, index: CorpusIndex, path: str = "<text>") -> list[Quote]:
    """Every copied run of ``text``: overlapping windows owned by one document, merged."""
    folded = fold(text)
    runs: list[list[int]] = []  # [start, end, group] in folded characters
    for start, h in windows(folded.text, index.length):
        group = index.owners.get(h)
        if group is None or group == STOCK:
            continue
        end = start + index.length
        if runs and runs[-1][2] == group and start <= runs[-1][1]:
            runs[-1][1] = end
        else:
            runs.append([start, end, group])
    if not runs:
        return []
    line_starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]
    quotes = []
    for start, end, group in runs:
        first, last = folded.offsets[start], folded.offsets[end - 1] + 1
        line = bisect_right(line_starts, first)
        quotes.append(
            Quote(path, line, first - line_starts[line - 1] + 1, index.groups[group], text[first:last], end - start)
        )
    return quotes


def repository_files(
    root: Path = ROOT, paths: Sequence[str] = SCOPE, excluded: Sequence[str] = EXCLUDED
) -> list[Path]:
    """The text files under ``paths`` (relative to ``root``), less ``excluded`` and caches."""
    found: list[Path] = []
    for name in paths:
        base = root / name
        candidates = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in candidates:
            relative = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
            if any(relative == ex or relative.startswith(ex + "/") for ex in excluded):
                continue
            if "__pycache__" in path.parts or path.suffix.lower() not in TEXT_SUFFIXES:
                continue
            found.append(path)
    return found


def scan(files: Iterable[Path], index: CorpusIndex, root: Path = ROOT) -> Iterator[Quote]:
    """The quotes of every file, named relative to ``root`` when inside it."""
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        yield from find_quotes(text, index, name)


def shared_run_lengths(documents: Sequence[tuple[str, str]], shortest: int = 6) -> dict[str, Counter[int]]:
    """Per pair of corpus folders: length → number of maximal runs two unrelated documents share.

    What writers who never saw each other share: the measurement behind ``MIN_LENGTH``. A run is
    counted once per pair of documents, from the first one's side; related documents are skipped.
    """
    folded = [fold(text, cut_stock=False).text for _, text in documents]
    hashes = [{h for _, h in windows(text, shortest)} for text in folded]
    group_of = related_groups([name for name, _ in documents], hashes)
    lengths: dict[str, Counter[int]] = {}
    for i, text in enumerate(folded):
        for j in range(i + 1, len(folded)):
            if group_of[i] == group_of[j]:
                continue
            pair = "~".join(sorted({documents[i][0].split("/")[0], documents[j][0].split("/")[0]}))
            counter = lengths.setdefault(pair, Counter())
            run, previous = 0, -2
            for start, h in windows(text, shortest):
                if h in hashes[j] and run and start == previous + 1:
                    run += 1
                else:
                    if run:
                        counter[run + shortest - 1] += 1
                    run = 1 if h in hashes[j] else 0
                previous = start
            if run:
                counter[run + shortest - 1] += 1
    return lengths


def format_distribution(lengths: dict[str, Counter[int]]) -> Iterator[str]:
    """One line per folder pair: runs counted, then ``length:count(cumulative share)``."""
    for pair, counter in sorted(lengths.items()):
        total = sum(counter.values())
        cumulative, cells = 0, []
        for length in sorted(counter):
            cumulative += counter[length]
            cells.append(f"{length}:{counter[length]}({cumulative / total:.3f})")
        yield f"{pair}\t{total} runs\t" + " ".join(cells)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.corpus_quotes", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help=f"files or folders to scan (default: {' '.join(SCOPE)})")
    parser.add_argument("--corpus", action="append", type=Path, metavar="FOLDER",
                        help="a corpus folder of .txt documents (repeatable; default: seeds, dev, long)")
    parser.add_argument("--min-length", type=int, default=MIN_LENGTH, help="shortest run that is a copy")
    parser.add_argument("--stats", action="store_true", help="print the lengths of runs shared between documents")
    args = parser.parse_args(argv)
    documents = list(corpus_texts(args.corpus or corpus_folders()))
    if not documents:
        print(MISSING, file=sys.stderr)
        return 2
    if args.stats:
        for line in format_distribution(shared_run_lengths(documents)):
            print(line)
        return 0
    index = build_index(documents, args.min_length)
    # Paths named on the command line are scanned whole: the lead names evaluation/plants/test/.
    files = repository_files(Path.cwd(), args.paths, excluded=()) if args.paths else repository_files()
    found = 0
    for quote in scan(files, index, Path.cwd() if args.paths else ROOT):
        print(quote)
        found += 1
    print(f"{found} quote(s) in {len(files)} file(s) against {len(documents)} document(s)", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
