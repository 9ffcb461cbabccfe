"""zongjie's pipeline library: Chinese community work summaries → structured, checkable data.

``nlp.parse(text_or_path)`` returns a ``Parse``; ``nlp.pipe(paths)`` streams them.
"""

from __future__ import annotations

from typing import Any

__all__ = ["parse", "pipe"]


def __getattr__(name: str) -> Any:
    # Imported lazily so that `import nlp.figures.numerals` does not load readers, jieba or the model.
    if name in __all__:
        from nlp import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
