"""zongjie's pipeline library: Chinese community work summaries → structured, checkable data.

>>> import nlp
>>> result = nlp.parse_text("社区现有党员41名，开展主题党日活动6次。")
>>> [(f.text, f.subject, f.indicator) for f in result.facts]
[('41名', '党员', 'party_members'), ('6次', '主题党日活动', 'theme_party_days')]

``parse_text(text)`` and ``parse_file(path)`` return a ``Parse``; ``pipe(paths, workers=1)`` streams
many, yielding the error of a document that cannot be read or parsed. ``disable=["activities"]``
skips stages by name (``STAGE_NAMES``). The records and errors are importable from here.
``load_dataset(OUT)`` reads a dataset built by `zongjie extract` as pandas DataFrames.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nlp.errors import ParseError, ReadError, ResourceError, ZongjieError
from nlp.records import (
    Activity,
    ActivityKind,
    Category,
    DocMeta,
    DocType,
    Fact,
    Flag,
    Parse,
    Qualifier,
    RawDoc,
    Section,
    Severity,
)

if TYPE_CHECKING:
    from nlp.dataset.store import load as load_dataset
    from nlp.pipeline import STAGE_NAMES, parse, parse_file, parse_text, pipe
    from nlp.text.document import Text

# The one place the version is written: pyproject.toml reads it from here.
__version__ = "0.2.0"

_PIPELINE = ("parse", "parse_text", "parse_file", "pipe", "STAGE_NAMES")

__all__ = [
    "__version__",
    "parse",
    "parse_text",
    "parse_file",
    "pipe",
    "STAGE_NAMES",
    "Text",
    "load_dataset",
    "Activity",
    "ActivityKind",
    "Category",
    "DocMeta",
    "DocType",
    "Fact",
    "Flag",
    "Parse",
    "Qualifier",
    "RawDoc",
    "Section",
    "Severity",
    "ParseError",
    "ReadError",
    "ResourceError",
    "ZongjieError",
]


def __getattr__(name: str) -> Any:
    # Imported on first use so that `import nlp.figures.numerals` does not load the readers.
    if name in _PIPELINE:
        from nlp import pipeline

        return getattr(pipeline, name)
    if name == "Text":
        from nlp.text.document import Text

        return Text
    if name == "load_dataset":
        from nlp.dataset.store import load

        return load
    raise AttributeError(name)
