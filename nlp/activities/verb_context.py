"""What the words around a verb match say: whether it is a verb there at all (a whole word, not
inside a noun such as 党组织), whom a causative verb has as its object (组织党员…), and where to go
when its object opens with a preposition (nlp/activities/clause_rules.py reads them).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from nlp.activities.char_tables import by_first_char
from nlp.activities.name_checks import ends_with_head
from nlp.activities.vocab import vocab

if TYPE_CHECKING:
    from nlp.activities.grammar_index import GrammarIndex, WordBounds


def person_length(text: str, start: int, end: int) -> int:
    """Length of a person object (辖区党员, 社区居民 …) at ``start``, else 0."""
    i = start
    for prefix in _PERSON_PREFIXES.get(text[i : i + 1], ()):
        if text.startswith(prefix, i, end):
            i += len(prefix)
            break
    for word in _persons_by_char().get(text[i : i + 1], ()):
        if text.startswith(word, i, end):
            return i + len(word) - start
    return 0


_PERSON_PREFIXES = by_first_char(("组织", "辖区", "社区", "全体", "广大", "部分", "村内", "本村", "小区"))


@cache
def _persons_by_char() -> dict[str, tuple[str, ...]]:
    return by_first_char(vocab().persons)


def is_verb_at(index: GrammarIndex, vs: int, ve: int, bounds: WordBounds) -> bool:
    """A verb match counts when it is a whole word (or words) and no noun contains it (党组织);
    a weak verb tagged as a noun after another word is a noun (思想道德建设)."""
    text = index.text
    if ve not in bounds and not _fused_at(text, vs, bounds):
        return False
    if vs not in bounds:  # 积极参与 segmented as one word: an adverb fused with the verb
        fused = next((a for a in _adverbs_by_last_char().get(text[vs - 1 : vs], ()) if text.startswith(a, vs - len(a), vs)), None)
        if fused is None or vs - len(fused) not in bounds:
            return False
    if text[vs:ve] in vocab().nominal and text[ve : ve + 1] not in ("了", "过"):
        tag, previous = bounds.tags_at(vs)
        if tag in ("vn", "n") and (previous.startswith("n") or previous == "vn"):
            return False
    return vs not in index.not_verb_offsets


def _fused_at(text: str, vs: int, bounds: WordBounds) -> bool:
    """Whether a word of ``verbs.fused`` (a content verb and its object as one word) starts at ``vs``."""
    return vs in bounds and any(
        text.startswith(w, vs) and vs + len(w) in bounds for w in vocab().fused
    )


@cache
def _adverbs_by_last_char() -> dict[str, tuple[str, ...]]:
    """The adverbs by their last character, each group in the vocabulary's order."""
    by_last: dict[str, list[str]] = {}
    for adverb in vocab().adverbs:
        by_last.setdefault(adverb[-1], []).append(adverb)
    return {char: tuple(group) for char, group in by_last.items()}


@cache
def _prepositions_by_char() -> dict[str, tuple[str, ...]]:
    return by_first_char(vocab().prepositions)


def after_preposition(index: GrammarIndex, obj: int, end: int, bounds: WordBounds) -> tuple[str, int]:
    """Where to go when an object opens with a preposition: ('name', start) or ('verb', start)."""
    text = index.text
    prep = next((p for p in _prepositions_by_char().get(text[obj : obj + 1], ()) if text.startswith(p, obj, end)), None)
    if prep is None:
        return "name", obj
    if prep in ("由", "以", "集", "对"):
        de = text.rfind("的", obj, end)
        if de > obj and (  # 对居民的防火宣传
            prep != "对" or index.verbs.search(de + 1, end) is None or ends_with_head(text, de + 1, end)
        ):
            return "name", de + 1
        if prep != "以":
            return "skip", end
    verb = index.verbs.search(obj + len(prep), end)
    while verb is not None and not is_verb_at(index, *verb, bounds):
        verb = index.verbs.search(verb[0] + 1, end)
    if verb is not None:
        return "verb", verb[0]
    return ("name", obj) if prep == "为" else ("skip", end)
