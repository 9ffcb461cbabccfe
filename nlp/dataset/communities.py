"""Which community a document reports on, and one canonical name per community (SPEC section 5).

A document's unit comes, first found wins, from its manifest row, from the text (the ``community``
and ``street`` the metadata stage read), then from its path (a folder or file name naming a unit).
Names are canonical: traditional → simplified, spaces and pinyin conversion junk removed, the
suffix rules of ``nlp/resources/community_names.toml`` applied (社区居委会 → 社区, 村委会 → 村 …).
The same canonical name under the same street is one community, keyed ``street/name`` (or ``name``
when no street is known). A document that names no street joins the community of its name when the
dataset knows exactly one street with a community of that name (``RESOLVE_SQL``, at the end of a run). A masked or missing name never merges with another document: its
``community_id`` is ``unknown:`` + the first 12 hex digits of the document's id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import PurePosixPath

from nlp.resources import load_toml

_PINYIN_JUNK = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）]")
_SPACES = re.compile(r"[\s\u3000]+")
_PATH_NAME = re.compile(r"([^\W\d_a-zA-Z]{1,12}?)(社区居民委员会|社区居委会|社区|社區|居委会|村民委员会|村委会|村)(?![\u4e00-\u9fff]{0,2}(?:街道|镇|乡))")


@dataclass(frozen=True)
class Identity:
    """The reporting unit and period one document is filed under."""

    community_id: str
    community: str | None  # canonical name
    written: str | None  # the name as its source wrote it
    kind: str
    street: str | None
    district: str | None
    year: int | None
    period: str | None
    source: str | None  # manifest, text, path; None when no name was found anywhere


@dataclass(frozen=True)
class _Rules:
    suffixes: tuple[tuple[str, str], ...]
    kinds: tuple[tuple[str, str], ...]
    mask: str
    breaks: str
    generic: tuple[str, ...]


@cache
def _rules() -> _Rules:
    data = load_toml("community_names.toml")
    place = load_toml("meta.toml")["place"]
    return _Rules(
        suffixes=tuple(sorted(((r["from"], r["to"]) for r in data["suffix"]), key=lambda p: -len(p[0]))),
        kinds=tuple(sorted(((r["suffix"], r["kind"]) for r in data["kind"]), key=lambda p: -len(p[0]))),
        mask=data["mask"]["chars"],
        breaks=place["name_breaks"],
        generic=tuple(place["generic"]),
    )


@cache
def _simplify():
    import opencc

    return opencc.OpenCC("t2s").convert


def canonical_name(name: str | None) -> str | None:
    """The canonical form of a unit's name; None for an empty one.

    >>> canonical_name("阿婁社區(qū)居委會")
    '阿娄社区'
    >>> canonical_name(" 石桥村民委员会 "), canonical_name("青石街道办事处"), canonical_name("")
    ('石桥村', '青石街道', None)
    """
    if not name:
        return None
    text = _SPACES.sub("", _PINYIN_JUNK.sub("", _simplify()(name)))
    for old, new in _rules().suffixes:
        if text.endswith(old):
            text = text[: -len(old)] + new
            break
    return text or None


def kind_of(name: str | None) -> str:
    """社区, 村, 居委会, 街道, 镇 or 其他, from the canonical name's ending.

    >>> kind_of("阿娄社区"), kind_of("石桥村"), kind_of("红岩乡"), kind_of("某某小区")
    ('社区', '村', '镇', '其他')
    """
    for suffix, kind in _rules().kinds:
        if name and name.endswith(suffix):
            return kind
    return "其他"


def is_placeholder(name: str | None) -> bool:
    """A missing, masked (xx社区, ××村, 某某社区) or bare (社区) name: not a real unit's name.

    >>> is_placeholder("xx社区"), is_placeholder("社区"), is_placeholder("阿娄社区"), is_placeholder(None)
    (True, True, False, True)
    """
    if not name:
        return True
    if any(ch in _rules().mask for ch in name):
        return True
    return any(name == suffix for suffix, _ in _rules().kinds)


def name_from_path(path: str | None) -> str | None:
    """A unit named by the document's file name or, else, its folders (innermost first).

    >>> name_from_path("reports/阿娄社区/2023年上半年工作总结.txt")
    '阿娄社区'
    >>> name_from_path("archive.zip!石桥村委会2022年度总结.docx"), name_from_path("2023年社区工作总结.txt")
    ('石桥村委会', None)
    """
    if not path:
        return None
    parts = PurePosixPath(path.replace("\\", "/").replace("!", "/")).parts
    candidates = [PurePosixPath(parts[-1]).stem, *reversed(parts[:-1])] if parts else []
    rules = _rules()
    for part in candidates:
        for match in _PATH_NAME.finditer(part):
            stem = match.group(1)
            cut = max(stem.rfind(ch) for ch in rules.breaks)
            stem = stem[cut + 1 :]
            if len(stem) >= 2 and not any(stem.endswith(g) for g in rules.generic):
                return stem + match.group(2)
    return None


def community_key(name: str | None, street: str | None, doc_id: str) -> str:
    """The community_id: ``street/name``, ``name``, or ``unknown:<12 hex>`` for a placeholder.

    >>> community_key("阿娄社区", "青石街道", "ab" * 32), community_key("阿娄社区", None, "ab" * 32)
    ('青石街道/阿娄社区', '阿娄社区')
    >>> community_key("xx社区", "青石街道", "0123456789abcdef" * 4)
    'unknown:0123456789ab'
    """
    if is_placeholder(name):
        return f"unknown:{doc_id[:12]}"
    return f"{street}/{name}" if street else str(name)


def resolve_identity(doc: dict, manifest: dict[str, str | int | None] | None = None) -> Identity:
    """The identity of a document from its SPEC ``doc`` record and its manifest cells (overrides)."""
    row = manifest or {}
    written, source = row.get("community"), "manifest"
    if not written:
        written, source = doc.get("community"), "text"
    if not written:
        written, source = name_from_path(doc.get("path")), "path"
    if not written:
        source = None
    name = canonical_name(str(written)) if written else None
    street = canonical_name(str(row.get("street") or doc.get("street") or "")) if (
        row.get("street") or doc.get("street")
    ) else None
    year = row.get("year") if row.get("year") is not None else doc.get("year")
    period = row.get("period") or doc.get("period")
    return Identity(
        community_id=community_key(name, street, doc["id"]),
        community=name,
        written=str(written) if written else None,
        kind=kind_of(name),
        street=street,
        district=str(row["district"]) if row.get("district") else doc.get("district"),
        year=int(year) if year is not None else None,
        period=str(period) if period else None,
        source=source,
    )


# A document without a street joins the one street/name community of its name, if there is exactly
# one; re-run at the end of every run, so a second street with that name later splits them again.
RESOLVE_SQL = (
    """
    CREATE OR REPLACE TEMP TABLE resolved AS
    WITH streets AS (
        SELECT community, min(street) AS street, count(DISTINCT street) AS n
        FROM documents
        WHERE NOT starts_with(community_id, 'unknown:') AND street IS NOT NULL
        GROUP BY community
    )
    SELECT d.doc_id,
           CASE WHEN d.street IS NOT NULL THEN d.street || '/' || d.community
                WHEN s.n = 1 THEN s.street || '/' || d.community
                ELSE d.community END AS community_id
    FROM documents d LEFT JOIN streets s USING (community)
    WHERE NOT starts_with(d.community_id, 'unknown:')
    """,
    """
    UPDATE documents SET community_id = r.community_id FROM resolved r
    WHERE documents.doc_id = r.doc_id AND documents.community_id <> r.community_id
    """,
    """
    UPDATE facts SET community_id = r.community_id FROM resolved r
    WHERE facts.doc_id = r.doc_id AND facts.community_id <> r.community_id
    """,
    "DROP TABLE resolved",
)

# The communities table, rebuilt from the documents at the end of every run: a name from a
# manifest beats one from the text, which beats one from a path.
COMMUNITIES_SQL = """
CREATE OR REPLACE TABLE communities AS
SELECT community_id,
       max_by(community, seq) AS name,
       max_by(community_kind, seq) AS kind,
       max_by(street, seq) FILTER (WHERE street IS NOT NULL) AS street,
       max_by(district, seq) FILTER (WHERE district IS NOT NULL) AS district,
       coalesce(list_sort(list_distinct(list(community_written) FILTER (WHERE community_written IS NOT NULL))),
                []::VARCHAR[]) AS aliases,
       CASE WHEN bool_or(community_source = 'manifest') THEN 'manifest'
            WHEN bool_or(community_source = 'text') THEN 'text'
            WHEN bool_or(community_source = 'path') THEN 'path' END AS source,
       CAST(count(*) AS INTEGER) AS documents
FROM documents
GROUP BY community_id
ORDER BY community_id
"""
