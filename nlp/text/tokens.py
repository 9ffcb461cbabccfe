"""Word segmentation with a private jieba tokenizer and the project's user dictionary.

The global ``jieba`` tokenizer is never touched, so zongjie can live beside other jieba users.
jieba is imported on first use: loading its dictionaries takes over a second, and a run that
finds every document in the check cache needs no segmentation at all.
"""

from __future__ import annotations

import logging
import os
import tempfile
from functools import cache, lru_cache
from typing import Any

from nlp.resources import resource_path


@cache
def _tokenizer() -> Any:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    base = jieba.Tokenizer()
    base.cache_file = os.path.join(tempfile.gettempdir(), "zongjie.jieba.cache")
    base.load_userdict(str(resource_path("lexicon.txt")))
    # Importing jieba.posseg already read the default word-tag table for its global tokenizer
    # (~1 s); a private tokenizer takes a copy instead of reading the file a second time.
    tagger = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    tagger.tokenizer = base
    tagger.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
    tagger.makesure_userdict_loaded()
    return tagger


@lru_cache(maxsize=4096)
def pos_cut(text: str, hmm: bool = True) -> tuple[tuple[str, str], ...]:
    """Words with their jieba part-of-speech tags; ``hmm=False`` skips guessing unknown words
    (faster, and enough where only known verbs matter).

    >>> pos_cut("现有党员")
    (('现有', 'b'), ('党员', 'n'))
    """
    return tuple((pair.word, pair.flag) for pair in _tokenizer().cut(text, HMM=hmm))


def cut(text: str) -> list[str]:
    """Words only."""
    return [word for word, _ in pos_cut(text)]
