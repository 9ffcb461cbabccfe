"""The check run: read every input, parse what the cache does not know, run the document rules,
then the rules across documents, and report (the engine of `zongjie check`)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from nlp.checks.cache import CheckCache, CheckEntry, entry_of
from nlp.checks.corpus import CorpusDoc, check_corpus, sentences_of
from nlp.checks.registry import selected
from nlp.checks.report import CheckReport, ReportedFlag
from nlp.errors import ReadError
from nlp.records import Parse, RawDoc


def check_run(
    paths: Sequence[str | Path],
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    accepted: frozenset[str] = frozenset(),
    cache: CheckCache | None = None,
) -> CheckReport:
    """Check every document under ``paths``: document rules, then the corpus rules over the run.

    Findings whose fingerprint is in ``accepted`` are left out and counted as suppressed; inputs
    that cannot be read or parsed are reported in ``errors`` and the run goes on. With a
    ``cache``, documents checked before (same bytes, same engine) are not parsed again.
    """
    from nlp.checks.suppress import fingerprint
    from nlp.pipeline import iter_documents, parse_documents

    errors: list[tuple[str, str]] = []
    documents: dict[str, RawDoc] = {}  # in order; the same bytes twice in one run are reported once
    entries: dict[str, CheckEntry] = {}
    for item in iter_documents(paths):
        if isinstance(item, ReadError):
            errors.append(_error(item))
        elif item.id not in documents:
            documents[item.id] = item
            entry = cache.get(item.id) if cache is not None else None
            if entry is not None:
                entries[item.id] = entry
    pending = [raw for doc_id, raw in documents.items() if doc_id not in entries]
    # the checks read neither categories nor activities: skip both stages
    workers = min(os.cpu_count() or 1, len(pending))
    parsed = parse_documents(pending, workers=workers, disable=("categories", "activities"))
    for raw, result in zip(pending, parsed, strict=True):
        if not isinstance(result, Parse):
            errors.append(_error(result))
            del documents[raw.id]
            continue
        entries[raw.id] = entry_of(result, sentences_of(result))
        if cache is not None:
            cache.put(raw.id, entries[raw.id])
    wanted = {r.code for r in selected(select, ignore)}
    flags = {doc_id: [f for f in entries[doc_id].flags if f.code in wanted] for doc_id in documents}
    corpus_docs = [
        CorpusDoc(doc_id, raw.path or "<text>", raw.text, entries[doc_id].sentences) for doc_id, raw in documents.items()
    ]
    for doc_id, extra in check_corpus(corpus_docs, select, ignore).items():
        flags[doc_id].extend(extra)
    findings: list[ReportedFlag] = []
    suppressed = 0
    for doc_id, raw in documents.items():
        for flag in sorted(flags[doc_id], key=lambda f: (f.start, f.end, f.code)):
            fp = fingerprint(flag, raw.text)
            if fp in accepted:
                suppressed += 1
            else:
                findings.append(ReportedFlag(raw.path or "<text>", doc_id, flag, fp))
    checked = sum(entries[d].checked for d in documents)
    unassessable = sum(entries[d].unassessable for d in documents)
    return CheckReport(tuple(findings), len(documents), checked, unassessable, suppressed, tuple(errors))


def _error(exc: Exception) -> tuple[str, str]:
    """(path, reason) of a failed input."""
    path = getattr(exc, "path", None)
    reason = getattr(exc, "reason", None)
    if path is not None and reason is not None:
        return str(path), str(reason)
    text = str(exc)
    head, sep, tail = text.partition(": ")
    return (head, tail) if sep else ("<input>", text)
