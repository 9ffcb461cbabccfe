"""Checks across documents (ZJ5xx): paragraphs shared between reports of the same run.

``template_text`` cuts every document into sentences, indexes each sentence with a MinHash of its
character shingles in a locality-sensitive hash (nlp/checks/minhash.py), so an archive of many documents is
compared without looking at every pair, and confirms candidates with the exact Jaccard similarity.
A run of consecutive sentences that all have near-copies in one other document, at least
``MIN_CHARS`` characters long, is a copied paragraph — whether it stands alone or was pasted into a
longer paragraph — and is flagged once, naming that document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from nlp.checks.cache import SentenceKey
from nlp.checks.minhash import LshIndex, signature
from nlp.checks.registry import Finding, rule, selected, to_flag
from nlp.records import Flag, Parse, Severity
from nlp.resources import load_toml
from nlp.text.document import Text
from nlp.text.spans import LineIndex

MIN_CHARS = 40  # letters and digits a copied block must have to be flagged
MIN_UNIT = 10  # sentences shorter than this are not indexed (too common to mean anything)
MAX_GAP = 1  # unmatched sentences a copied block may span (a figure changed in a short sentence)
SHINGLE = 4
THRESHOLD = 0.8
NUM_PERM = 96
LSH_BANDS = 16  # 16 bands of 6: a pair at Jaccard 0.8 shares a band with probability 0.99
_KEEP = re.compile(r"[\w%]+")


@dataclass(frozen=True)
class Unit:
    """A sentence to compare, in original offsets."""

    doc_id: str
    path: str
    index: int  # position among the document's units
    start: int
    end: int
    line: int
    key: str  # the sentence's letters and digits, punctuation and spaces removed


def shingles(key: str, size: int = SHINGLE) -> set[str]:
    """Character n-grams of a key.

    >>> sorted(shingles("社区党委", 3))
    ['区党委', '社区党']
    """
    if len(key) <= size:
        return {key}
    return {key[i : i + size] for i in range(len(key) - size + 1)}


def _key(text: str) -> str:
    """Letters and digits only, so spacing and punctuation do not hide a copy.

    >>> _key("一、加强 党建,服务群众。")
    '一加强党建服务群众'
    """
    return "".join(_KEEP.findall(text)).replace("_", "")


@dataclass(frozen=True)
class CorpusDoc:
    """What the cross-document rules need of a document: its text and its sentences."""

    doc_id: str
    path: str
    original: str
    sentences: tuple[SentenceKey, ...]


@cache
def _formula() -> re.Pattern[str] | None:
    """The genre's fixed wording (nlp/resources/formulae.toml) as one pattern over sentence keys."""
    patterns = [f["pattern"] for f in load_toml("formulae.toml").get("formula", [])]
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def is_formula(key: str) -> bool:
    """Whether a sentence's key is the genre's fixed wording (``formulae.toml``): not compared.

    >>> is_formula(_key("现在，我代表镇人民政府，向大会报告工作，请予审议。")), is_formula(_key("全年开展活动12次。"))
    (True, False)
    """
    pattern = _formula()
    return pattern is not None and pattern.search(key) is not None


def sentences_of(parse: Parse) -> tuple[SentenceKey, ...]:
    """The document's sentences (the parse's own) long enough to compare, in original offsets; the
    genre's fixed wording (``is_formula``) left out."""
    doc = parse.text if parse.text is not None else Text.from_string(parse.original)
    lines = LineIndex(parse.original)
    result: list[SentenceKey] = []
    for sentence in doc.sentences:
        key = _key(doc.span_text(sentence))
        if len(key) < MIN_UNIT or is_formula(key):
            continue
        start, end = doc.to_original(sentence.norm_start, sentence.norm_end)
        result.append(SentenceKey(start, end, lines.line_col(start)[0], key))
    return tuple(result)


def corpus_doc(item: Parse | CorpusDoc) -> CorpusDoc:
    if isinstance(item, CorpusDoc):
        return item
    return CorpusDoc(item.doc.id, item.doc.path or "<text>", item.original, sentences_of(item))


def units(doc: Parse | CorpusDoc) -> list[Unit]:
    doc = corpus_doc(doc)
    return [Unit(doc.doc_id, doc.path, i, s.start, s.end, s.line, s.key) for i, s in enumerate(doc.sentences)]


def _jaccard(a: str, b: str) -> float:
    """Exact Jaccard similarity of two keys' shingle sets (confirms an LSH candidate).

    >>> round(_jaccard("社区开展文明创建活动", "社区开展文明创建活动"), 2)
    1.0
    """
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


@dataclass(frozen=True)
class Copy:
    """A block of consecutive sentences of one document found nearly verbatim in another."""

    first: Unit
    last: Unit
    chars: int
    other: Unit  # the other document's sentence matching the block's first matched sentence
    score: float  # mean similarity of the matched sentences
    others: int  # how many other documents hold the whole block


def _matches(all_units: list[Unit], threshold: float) -> list[dict[str, tuple[float, int]]]:
    """For each unit: other document id → (best similarity, index of that unit in ``all_units``)."""
    hashes = [signature(shingles(u.key), NUM_PERM) for u in all_units]
    lsh = LshIndex(bands=LSH_BANDS, rows=NUM_PERM // LSH_BANDS)
    for i, sig in enumerate(hashes):
        lsh.add(i, sig)
    found: list[dict[str, tuple[float, int]]] = []
    for i, unit in enumerate(all_units):
        best: dict[str, tuple[float, int]] = {}
        for j in sorted(lsh.candidates(hashes[i])):
            other = all_units[j]
            if other.doc_id == unit.doc_id:
                continue
            score = _jaccard(unit.key, other.key)
            if score >= threshold and score > best.get(other.doc_id, (0.0, -1))[0]:
                best[other.doc_id] = (score, j)
        found.append(best)
    return found


def copied_blocks(docs: Sequence[Parse | CorpusDoc], threshold: float = THRESHOLD) -> Iterator[Copy]:
    """Blocks of at least MIN_CHARS that repeat, sentence by sentence, a block of another document."""
    per_doc = [units(corpus_doc(d)) for d in docs]
    all_units = [u for us in per_doc for u in us]
    if len({u.doc_id for u in all_units}) < 2:
        return
    found = _matches(all_units, threshold)
    offset = 0
    seen: set[str] = set()
    for us in per_doc:
        matches, offset = found[offset : offset + len(us)], offset + len(us)
        if not us or us[0].doc_id in seen:
            continue
        seen.add(us[0].doc_id)
        yield from _runs(us, matches, all_units)


def _runs(us: list[Unit], matches: list[dict[str, tuple[float, int]]], all_units: list[Unit]) -> Iterator[Copy]:
    i = 0
    while i < len(us):
        if not matches[i]:
            i += 1
            continue
        docs = set(matches[i])
        matched = [i]
        j = i + 1
        while j < len(us) and j - matched[-1] <= MAX_GAP + 1:
            common = docs & set(matches[j])
            if common:
                docs, matched = common, [*matched, j]
            j += 1
        chars = sum(len(us[k].key) for k in range(matched[0], matched[-1] + 1))
        if chars >= MIN_CHARS:
            doc = max(sorted(docs), key=lambda d: sum(matches[k][d][0] for k in matched))
            score = sum(matches[k][doc][0] for k in matched) / len(matched)
            yield Copy(us[matched[0]], us[matched[-1]], chars, all_units[matches[matched[0]][doc][1]],
                       score, len(docs))
        i = matched[-1] + 1


@rule("ZJ501", "template_text", Severity.WARNING, scope="corpus")
def template_text(docs: Sequence[CorpusDoc]) -> Iterator[tuple[str, Finding]]:
    """A paragraph repeats, nearly verbatim, a paragraph of another document in the same run.

    What: a block of consecutive sentences, 40 letters and digits or more, each of which has a copy
    in one other document (Jaccard similarity of character 4-grams 0.8 or more, found with
    MinHash/LSH so archives scale); one flag per block, naming the other document and line.
    Why: 范文 sites and copied templates put the same sentences, and often the same figures, into
    reports of different communities; such figures do not describe the community that signed.
    Example: two communities' summaries both saying 全年共开展主题党日活动12次,参与党员300余人次 in
    the same paragraph → ZJ501 段落与 other.txt 第5行几乎相同.
    """
    for copy in copied_blocks(docs):
        also = f",另有 {copy.others - 1} 个文档含相同段落" if copy.others > 1 else ""
        yield copy.first.doc_id, Finding(
            copy.first.start, copy.last.end,
            f"段落({copy.chars} 字)与 {copy.other.path} 第{copy.other.line}行几乎相同"
            f"(相似度 {copy.score:.2f}){also},疑为套用模板",
        )


def check_corpus(
    docs: Sequence[Parse | CorpusDoc], select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> dict[str, tuple[Flag, ...]]:
    """The flags of the selected corpus rules over one run, by document id."""
    docs = [corpus_doc(d) for d in docs]
    lines = {d.doc_id: LineIndex(d.original) for d in docs}
    found: dict[str, list[Flag]] = {}
    for r in selected(select, ignore):
        if r.scope != "corpus":
            continue
        for doc_id, finding in r.check(docs):
            found.setdefault(doc_id, []).append(to_flag(r, finding, lines[doc_id]))
    return {doc_id: tuple(flags) for doc_id, flags in found.items()}
