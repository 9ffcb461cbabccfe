"""The compiled CRF decoder against the numpy one, on every development document: the same spans?

Usage: python -m evaluation.decoder_check

``nlp.activities._crf`` (built from nlp/activities/_crf.c by make kernels) gives the numpy decoder's
labels exactly and its marginals to rounding: it scales the forward and backward rows at every
position and sums in plain C order, the numpy decoder every few positions and through BLAS, so the
last bits of a marginal may differ. A document's activity spans read the probability of O
against thresholds (``model.THRESHOLD``, ``model.KEEP_DOUBTED``), so they could differ only where
a probability lies within that rounding of a threshold. This runs the tagger over the shared
corpus's development folders, corpus/written and corpus/samples with both decoders on the same
scores and prints: the documents, the tokens, the largest difference of a marginal, how near any
probability of O came to the threshold, and how many documents' labels and spans differ (must be 0).
Needs the compiled decoder built (``make kernels``); exits 2 without it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import numpy as np

from evaluation.shared import ROOT, corpus_documents


def main(argv: Sequence[str] | None = None) -> int:
    from corpus.readers import read_path
    from nlp.activities import crf_decode, model
    from nlp.activities.tagged_spans import document_spans, label_codes, lenient_codes
    from nlp.pipeline import parse_raw

    if crf_decode.COMPILED is None:
        print("the compiled decoder is not built (make kernels) or ZONGJIE_PURE_PYTHON is set")
        return 2
    seen = {"tokens": 0, "largest difference": 0.0, "nearest to the threshold": 1.0}
    differ = {"labels": 0, "spans": 0}

    def both(self, doc, sentences, facts, rule_spans, heading_spans=()):  # ActivityModel.spans, twice
        tokens = self.scorer.tokens_of(doc, sentences)
        if not len(tokens):
            return []
        scores = self.scorer.scores_of(tokens, facts, rule_spans, heading_spans)
        outside = self.tagger.labels.index("O")
        results = []
        for best, marginals in (
            crf_decode.decode_many_numpy(self.tagger, scores, tokens.lengths),
            crf_decode.decode_compiled(self.tagger.transitions, scores, tokens.lengths),
        ):
            p_outside = marginals[:, outside]
            codes = lenient_codes(tokens, label_codes(best, self.tagger.labels), p_outside, model.THRESHOLD)
            spans = document_spans(doc.text, tokens, codes, p_outside, rule_spans, model.KEEP_DOUBTED)
            results.append((best.tolist(), p_outside, spans))
        (numpy_best, numpy_p, numpy_spans), (c_best, c_p, c_spans) = results
        seen["tokens"] += len(c_p)
        seen["largest difference"] = max(seen["largest difference"], float(np.abs(numpy_p - c_p).max()))
        seen["nearest to the threshold"] = min(
            seen["nearest to the threshold"], float(np.abs(numpy_p - model.THRESHOLD).min())
        )
        differ["labels"] += numpy_best != c_best
        differ["spans"] += numpy_spans != c_spans
        return c_spans

    paths = corpus_documents()
    paths += sorted((ROOT / "corpus" / "written").glob("*.txt")) + sorted((ROOT / "corpus" / "samples").glob("*.txt"))
    original = model.ActivityModel.spans
    model.ActivityModel.spans = both  # type: ignore[method-assign]
    try:
        for path in paths:
            parse_raw(read_path(path), time_budget=None)
    finally:
        model.ActivityModel.spans = original  # type: ignore[method-assign]
    print(f"{len(paths)} documents, {seen['tokens']} tokens tagged")
    print(f"  largest difference of a probability of O: {seen['largest difference']:.2e}")
    print(f"  nearest probability of O to the threshold {model.THRESHOLD}: {seen['nearest to the threshold']:.2e} away")
    print(f"  documents whose labels differ: {differ['labels']}, whose spans differ: {differ['spans']}")
    return 1 if differ["labels"] or differ["spans"] else 0


if __name__ == "__main__":
    sys.exit(main())
