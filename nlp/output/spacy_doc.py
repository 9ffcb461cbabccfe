"""zongjie for spaCy users: a blank ``zh`` Language whose ``Doc`` carries the parse.

>>> nlp = make_language()
>>> doc = nlp("社区现有党员56名,其中支委成员7名。")
>>> [(span.text, span.label_) for span in doc.spans["facts"]]
[('56名', 'party_members'), ('7名', 'party_committee_members')]
>>> doc._.zongjie.facts[0].subject
'党员'

Tokens come from the project's one segmenter (nlp/text/tokens.py: a private jieba-rs tokenizer with
the genre's user dictionary), so spaCy and zongjie segment alike. This adapter is kept thin on
purpose: zongjie's own ``Text`` is the shared document (evaluation/README.md gives the measurement
behind that choice). spaCy objects stay inside this module.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from nlp.text.tokens import cut

COMPONENT = "zongjie"


class JiebaTokenizer:
    """A spaCy tokenizer backed by zongjie's segmenter (jieba-rs with the project's dictionary)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words = [w for w in cut(text) if w]
        spaces = [False] * len(words)
        return Doc(self.vocab, words=words, spaces=spaces)


@Language.component(COMPONENT)
def _zongjie_component(doc: Doc) -> Doc:
    from nlp.pipeline import parse_text

    result = parse_text(doc.text)
    doc._.zongjie = result
    spans = []
    for fact in result.facts:
        span = doc.char_span(fact.start, fact.end, label=fact.indicator or fact.unit or "figure", alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans["facts"] = spans
    sections = []
    for section in result.sections:
        span = doc.char_span(section.start, section.end, label=f"level{section.level}", alignment_mode="expand")
        if span is not None:
            sections.append(span)
    doc.spans["sections"] = sections
    return doc


def make_language() -> Language:
    """A blank Chinese pipeline: jieba tokens, then the zongjie component."""
    import spacy

    if not Doc.has_extension("zongjie"):
        Doc.set_extension("zongjie", default=None)
    language = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    language.tokenizer = JiebaTokenizer(language.vocab)
    language.add_pipe(COMPONENT)
    return language


__all__ = ["make_language", "JiebaTokenizer", "Span"]
