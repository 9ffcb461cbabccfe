"""One parsed document → its rows in every document table, from the SPEC record (``Parse.to_dict()``).

Works on the record, not on the library's dataclasses, so fields that other stages add later
(``breakdown``, ``scope``) arrive here through ``to_dict``; until a record carries them, a missing
breakdown is null (the whole) and a missing scope is ``unit``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from nlp.dataset.communities import Identity
from nlp.dataset.schema import column_names

_CLAUSE_ENDS = "。！？；;!?\n"
QUOTE_REACH = 60  # characters a quote may extend on each side of its figure


@dataclass(frozen=True)
class Provenance:
    """What the run knows about a document besides its record."""

    seq: int
    engine: str
    extracted_at: datetime
    size: int  # bytes
    format: str


Rows = dict[str, list[tuple]]


def quote_around(text: str, start: int, end: int, reach: int = QUOTE_REACH) -> str:
    """The clause a figure stands in, as written: from the previous clause end to the next.

    >>> quote_around("一、党建\\n社区现有党员73名，其中女党员16名。", 11, 14)
    '社区现有党员73名，其中女党员16名。'
    """
    left = max(start - reach, 0)
    cut = max(text.rfind(ch, left, start) for ch in _CLAUSE_ENDS)
    begin = cut + 1 if cut >= 0 else left
    right = min(end + reach, len(text))
    stops = [i for i in (text.find(ch, end, right) for ch in _CLAUSE_ENDS) if i >= 0]
    stop = min(stops) + (0 if text[min(stops)] == "\n" else 1) if stops else right
    return text[begin:stop].strip()


def sentence_start(text: str, start: int) -> int:
    """Where the sentence (clause ends 。！？；and line ends) a figure at ``start`` stands in begins, however long.

    >>> text = "一、党建\\n社区现有党员73名，其中女党员16名。新发展党员2名。"
    >>> [sentence_start(text, text.index(n)) for n in ("73", "16", "2名")]
    [5, 5, 24]
    """
    return max(text.rfind(ch, 0, start) for ch in _CLAUSE_ENDS) + 1


# A year that opens what follows it, as an adverbial of time: 2021年，我县实施… (a date, 2022年5月, is not).
_OPENING_YEAR = re.compile(r"((?:19|20)\d\d)年[，,]")


def dated_year(text: str, offset: int) -> int | None:
    """Rule ``dated_figure``: the year a figure's own line has opened before it (the last 2021年，
    before the figure on its line), for a document whose year is unknown: a county's account of
    several years (2020年，实施改造20个…2021年，实施改造28个) gives each year its figures instead of
    merging them in one row of no year. None when no year opens the line's text before the figure.

    >>> text = "一、基本情况2020年,实施改造小区20个。2021年，实施改造小区28个，当年完工25个，剩余3个在2022年5月完工。"
    >>> [dated_year(text, text.index(n)) for n in ("20个", "28个", "25个", "3个")]
    [2020, 2021, 2021, 2021]
    >>> dated_year("社区现有党员73名。", 6) is None
    True
    """
    start = text.rfind("\n", 0, offset) + 1
    years = _OPENING_YEAR.findall(text, start, offset)
    return int(years[-1]) if years else None


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _breakdown(value: Any) -> str | None:
    if not value:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def cells_json(cells: dict[str, Any]) -> str | None:
    """A document's manifest cells as stored (``documents.manifest``); None for none.

    >>> cells_json({"year": 2023, "community": "阿娄社区"})
    '{"community": "阿娄社区", "year": 2023}'
    """
    return json.dumps(cells, ensure_ascii=False, sort_keys=True) if cells else None


def _tuple(record: dict[str, Any], table: str, extra: dict[str, Any]) -> tuple:
    merged = {**record, **extra}
    return tuple(merged.get(name) for name in column_names(table))


def document_rows(
    record: dict[str, Any], original: str, identity: Identity, prov: Provenance, cells: dict[str, Any] | None = None
) -> Rows:
    """The rows one document contributes to documents, sections, facts, activities and flags."""
    doc = record["doc"]
    doc_id = doc["id"]
    document = {
        **doc,
        "doc_id": doc_id,
        "community_id": identity.community_id,
        "community": identity.community,
        "street": identity.street,
        "district": identity.district,
        "year": identity.year,
        "period": identity.period,
        "engine": prov.engine,
        "extracted_at": prov.extracted_at,
        "seq": prov.seq,
        "bytes": prov.size,
        "format": prov.format,
        "community_written": identity.written,
        "community_kind": identity.kind,
        "community_source": identity.source,
        "manifest": cells_json(cells or {}),
    }
    same = {"doc_id": doc_id}
    facts = []
    for fact in record["facts"]:
        facts.append(
            _tuple(
                fact,
                "facts",
                {
                    **same,
                    "breakdown": _breakdown(fact.get("breakdown")),
                    "scope": fact.get("scope") or "unit",
                    "community_id": identity.community_id,
                    "year": identity.year if identity.year is not None else dated_year(original, fact["start"]),
                    "period": identity.period,
                    "quote": quote_around(original, fact["start"], fact["end"]),
                    "line": _line(original, fact["start"]),
                    "sentence": sentence_start(original, fact["start"]),
                },
            )
        )
    return {
        "documents": [_tuple(document, "documents", {})],
        "sections": [_tuple(s, "sections", same) for s in record["sections"]],
        "facts": facts,
        "activities": [_tuple(a, "activities", same) for a in record["activities"]],
        "flags": [_tuple(f, "flags", same) for f in record["flags"]],
    }
