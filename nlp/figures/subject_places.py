"""The places a figure's subject names and the kind of place it opens with (村投资 → 村), read for
indicator resolution (nlp/figures/resolve.py) from the document's words where the subject is written."""

from __future__ import annotations

from functools import partial

from nlp.figures.clauses import any_of
from nlp.figures.neighbours import words_in
from nlp.figures.resolution_state import Figure
from nlp.figures.scope import PLACE_KINDS, named_places
from nlp.text.document import Text


def places_in_subject(doc: Text, figure: Figure, noun: str) -> list[tuple[str, int, int]]:
    """The places named in ``noun`` (the subject without its leading place words), read from the
    document's words where the subject is written; a figure made without that place (outside the
    facts stage) has its noun segmented alone."""
    if not PLACE_KIND.search(noun):
        return []  # no kind of place in it: no name of one
    if figure.subject is None or figure.subject_start is None:
        return named_places(noun)
    noun_start = figure.subject_start + len(figure.subject) - len(noun)  # scope words leave the front
    return named_places(noun, partial(words_in, doc), noun_start)


PLACE_KIND = any_of(PLACE_KINDS)
PLACE_KIND_FIRSTS = frozenset(kind[0] for kind in PLACE_KINDS)


def place_kind_opening(noun: str) -> str | None:
    """The first kind of place (``PLACE_KINDS`` order) that ``noun`` starts with and is longer than.

    >>> place_kind_opening("村投资"), place_kind_opening("社区"), place_kind_opening("党员")
    ('村', None, None)
    """
    if noun[:1] not in PLACE_KIND_FIRSTS:
        return None  # most nouns: no kind of place can start them
    return next((k for k in PLACE_KINDS if noun.startswith(k) and len(noun) > len(k)), None)
