"""Checks across documents (ZJ5xx): paragraphs shared between reports of the same run.

``template_text`` indexes every paragraph of at least ``MIN_CHARS`` characters with a MinHash of
its character shingles in a locality-sensitive hash (datasketch), so an archive of many documents
is compared without looking at every pair. Candidates are confirmed with the estimated Jaccard
similarity; a paragraph is flagged once, naming the most similar paragraph of another document.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from datasketch import MinHash, MinHashLSH

from nlp.checks.registry import Finding as RuleFinding
from nlp.checks.registry import rule, selected, to_flag
from nlp.formats import CheckReport, Finding
from nlp.records import Flag, Parse, Severity
from nlp.spans import LineIndex

MIN_CHARS = 40
MAX_CHARS = 300  # longer paragraphs (flattened pages) are cut at sentence ends
SHINGLE = 4
THRESHOLD = 0.8
NUM_PERM = 96
_KEEP = re.compile(r"[\w%]+")
_SENTENCE_END = re.compile(r"(?<=[。!?！？;；])")


@dataclass(frozen=True)
class Paragraph:
    doc_id: str
    path: str
    start: int  # original offsets
    end: int
    line: int
    key: str  # the paragraph's letters and digits, punctuation and spaces removed


def shingles(key: str, size: int = SHINGLE) -> set[str]:
    """Character n-grams of a paragraph key.

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


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a long paragraph at sentence ends into pieces of at least MIN_CHARS."""
    if end - start <= MAX_CHARS:
        yield start, end
        return
    cursor = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.end() - cursor >= MIN_CHARS * 2:
            yield cursor, m.end()
            cursor = m.end()
    if cursor < end:
        yield cursor, end


def paragraphs(parse: Parse) -> list[Paragraph]:
    """The document's paragraphs long enough to compare, in original offsets."""
    norm = parse.normalized
    text = norm.text if norm is not None else parse.original
    lines = LineIndex(parse.original)
    result = []
    for m in re.finditer(r"[^\n]+", text):
        for s, e in _pieces(text, m.start(), m.end()):
            key = _key(text[s:e])
            if len(key) < MIN_CHARS:
                continue
            start, end = norm.to_original(s, e) if norm is not None else (s, e)
            result.append(Paragraph(parse.doc.id, parse.doc.path or "<text>", start, end,
                                    lines.line_col(start)[0], key))
    return result


def _minhashes(keys: Sequence[str]) -> list[MinHash]:
    """One MinHash per key; ``bulk`` draws the permutations once for all of them."""
    return MinHash.bulk([[s.encode("utf-8") for s in shingles(k)] for k in keys],
                        num_perm=NUM_PERM, seed=7, hashfunc=zlib.crc32)


def similar_paragraphs(
    parses: Sequence[Parse], threshold: float = THRESHOLD
) -> Iterator[tuple[Paragraph, Paragraph, float, int]]:
    """(paragraph, its closest paragraph in another document, similarity, how many other documents
    hold a similar paragraph), once per paragraph."""
    paras = [p for parse in parses for p in paragraphs(parse)]
    if len({p.doc_id for p in paras}) < 2:
        return
    hashes = _minhashes([p.key for p in paras])
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    for i, mh in enumerate(hashes):
        lsh.insert(i, mh)
    for i, para in enumerate(paras):
        best: tuple[float, int] | None = None
        docs: set[str] = set()
        for j in lsh.query(hashes[i]):
            other = paras[j]
            if other.doc_id == para.doc_id:
                continue
            score = _jaccard(para.key, other.key)
            if score < threshold:
                continue
            docs.add(other.doc_id)
            if best is None or score > best[0] or (score == best[0] and j < best[1]):
                best = (score, j)
        if best is not None:
            yield para, paras[best[1]], best[0], len(docs)


def _jaccard(a: str, b: str) -> float:
    """Exact Jaccard similarity of two keys' shingle sets (confirms an LSH candidate).

    >>> round(_jaccard("社区开展文明创建活动", "社区开展文明创建活动"), 2)
    1.0
    """
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb)


@rule("ZJ501", "template_text", Severity.WARNING, scope="corpus")
def template_text(parses: Sequence[Parse]) -> Iterator[tuple[str, RuleFinding]]:
    """A paragraph repeats, nearly verbatim, a paragraph of another document in the same run.

    What: paragraphs of 40 characters or more whose character 4-grams overlap another document's
    paragraph with a Jaccard similarity of 0.8 or more (MinHash/LSH, so archives scale); one flag
    per paragraph, naming the other document and line.
    Why: 范文 sites and copied templates put the same sentences, and often the same figures, into
    reports of different communities; such figures do not describe the community that signed.
    Example: two communities' summaries both saying 全年共开展主题党日活动12次,参与党员300余人次 in
    the same paragraph → ZJ501 段落与 other.txt 第5行几乎相同.
    """
    for para, other, score, count in similar_paragraphs(parses):
        also = f",另有 {count - 1} 个文档含相似段落" if count > 1 else ""
        yield para.doc_id, RuleFinding(
            para.start, para.end,
            f"段落与 {other.path} 第{other.line}行几乎相同(相似度 {score:.2f}){also},疑为套用模板",
        )


def check_corpus(
    parses: Sequence[Parse], select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> dict[str, tuple[Flag, ...]]:
    """The flags of the selected corpus rules over one run, by document id."""
    by_id = {p.doc.id: p for p in parses}
    lines = {doc_id: LineIndex(p.original) for doc_id, p in by_id.items()}
    found: dict[str, list[Flag]] = {}
    for r in selected(select, ignore):
        if r.scope != "corpus":
            continue
        for doc_id, finding in r.check(parses):
            found.setdefault(doc_id, []).append(to_flag(r, finding, lines[doc_id]))
    return {doc_id: tuple(flags) for doc_id, flags in found.items()}


def check_run(
    paths: Sequence[str | Path],
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    accepted: frozenset[str] = frozenset(),
) -> CheckReport:
    """Check every document under ``paths``: document rules, then the corpus rules over the run.

    Findings whose fingerprint is in ``accepted`` are left out and counted as suppressed; inputs
    that cannot be read or parsed are reported in ``errors`` and the run goes on.
    """
    from nlp.checks import check_document
    from nlp.checks.suppress import fingerprint
    from nlp.pipeline import pipe

    parses: list[Parse] = []
    flags: dict[str, list[Flag]] = {}
    errors: list[tuple[str, str]] = []
    checked = unassessable = 0
    for item in pipe(paths):
        if not isinstance(item, Parse):
            errors.append(_error(item))
            continue
        parses.append(item)
        flags[item.doc.id] = list(check_document(item, select, ignore))
        for fact in item.facts:
            if fact.value is None and fact.low is None and fact.high is None:
                unassessable += 1
            else:
                checked += 1
    for doc_id, extra in check_corpus(parses, select, ignore).items():
        flags[doc_id].extend(extra)
    findings: list[Finding] = []
    suppressed = 0
    seen: set[str] = set()
    for parse in parses:
        if parse.doc.id in seen:  # the same bytes twice in one run: report once
            continue
        seen.add(parse.doc.id)
        path = parse.doc.path or "<text>"
        for flag in sorted(flags[parse.doc.id], key=lambda f: (f.start, f.end, f.code)):
            fp = fingerprint(flag, parse.original)
            if fp in accepted:
                suppressed += 1
            else:
                findings.append(Finding(path, parse.doc.id, flag, fp))
    return CheckReport(tuple(findings), len(seen), checked, unassessable, suppressed, tuple(errors))


def _error(exc: Exception) -> tuple[str, str]:
    """(path, reason) of a failed input."""
    path = getattr(exc, "path", None)
    reason = getattr(exc, "reason", None)
    if path is not None and reason is not None:
        return str(path), str(reason)
    text = str(exc)
    head, sep, tail = text.partition(": ")
    return (head, tail) if sep else ("<input>", text)
