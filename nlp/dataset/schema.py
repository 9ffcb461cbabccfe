"""The dataset's tables (SPEC section 5): names, columns and types, declared once.

Every table is a tuple of ``Column``s in the order they are stored; the DuckDB DDL, the Arrow
schema batches are written with, and the exports all come from here. SPEC names the tables and
their columns; the extra columns (``documents.seq``, ``facts.quote`` …) are documented below.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa


@dataclass(frozen=True)
class Column:
    name: str
    sql: str  # the DuckDB type

    @property
    def arrow(self) -> pa.DataType:
        return _ARROW[self.sql]


_ARROW = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "TIMESTAMP": pa.timestamp("us"),
    "INTEGER[]": pa.list_(pa.int32()),
    "VARCHAR[]": pa.list_(pa.string()),
}


def _columns(spec: str) -> tuple[Column, ...]:
    return tuple(Column(*item.split(":")) for item in spec.split())


TABLES: dict[str, tuple[Column, ...]] = {
    # seq: the order documents were added (input order within a run; later runs after earlier
    # ones): "the latest document" of indicator_values. community_written: the name as the source
    # wrote it; community_kind/community_source: see communities. manifest: the manifest cells the
    # document was filed under (JSON), so a changed manifest re-files it on the next run.
    "documents": _columns(
        "doc_id:VARCHAR path:VARCHAR encoding:VARCHAR title:VARCHAR community_id:VARCHAR "
        "community:VARCHAR street:VARCHAR district:VARCHAR year:INTEGER period:VARCHAR "
        "doc_type:VARCHAR chars:INTEGER engine:VARCHAR extracted_at:TIMESTAMP "
        "seq:BIGINT bytes:BIGINT format:VARCHAR community_written:VARCHAR "
        "community_kind:VARCHAR community_source:VARCHAR manifest:VARCHAR"
    ),
    "communities": _columns(
        "community_id:VARCHAR name:VARCHAR kind:VARCHAR street:VARCHAR district:VARCHAR "
        "aliases:VARCHAR[] source:VARCHAR documents:INTEGER"
    ),
    "sections": _columns(
        "doc_id:VARCHAR id:INTEGER parent:INTEGER level:INTEGER label:VARCHAR heading:VARCHAR "
        "start:INTEGER end:INTEGER category:VARCHAR planned:BOOLEAN"
    ),
    # breakdown: JSON text ({"sex": "女"}) or null for the whole. quote: the clause the figure
    # stands in, as written; line: its 1-based line in the original; sentence: the offset where the
    # sentence the figure stands in begins (the quote is cut at 60 characters each side, so two
    # figures of one long sentence have different quotes: indicator_values' rules within a sentence
    # read this). An extra column (SPEC section 5: extra columns are fine).
    "facts": _columns(
        "doc_id:VARCHAR id:INTEGER section:INTEGER start:INTEGER end:INTEGER text:VARCHAR "
        "number_text:VARCHAR value:DOUBLE low:DOUBLE high:DOUBLE unit:VARCHAR qualifier:VARCHAR "
        "subject:VARCHAR indicator:VARCHAR breakdown:VARCHAR scope:VARCHAR category:VARCHAR "
        "planned:BOOLEAN community_id:VARCHAR year:INTEGER period:VARCHAR quote:VARCHAR line:INTEGER "
        "sentence:INTEGER"
    ),
    "activities": _columns(
        "doc_id:VARCHAR id:INTEGER section:INTEGER start:INTEGER end:INTEGER text:VARCHAR "
        "verb:VARCHAR name:VARCHAR kind:VARCHAR facts:INTEGER[] category:VARCHAR planned:BOOLEAN"
    ),
    "flags": _columns(
        "doc_id:VARCHAR name:VARCHAR code:VARCHAR severity:VARCHAR start:INTEGER end:INTEGER "
        "line:INTEGER col:INTEGER message:VARCHAR facts:INTEGER[]"
    ),
    # doc_id: the failed document's content hash when its bytes could be read.
    "errors": _columns("path:VARCHAR reason:VARCHAR stage:VARCHAR at:TIMESTAMP doc_id:VARCHAR engine:VARCHAR"),
    "indicator_values": _columns(
        "community_id:VARCHAR year:INTEGER period:VARCHAR indicator:VARCHAR value:DOUBLE low:DOUBLE "
        "high:DOUBLE qualifier:VARCHAR unit:VARCHAR status:VARCHAR n_facts:INTEGER fact_id:INTEGER "
        "doc_id:VARCHAR quote:VARCHAR"
    ),
}

# The order rows are read and exported in.
ORDER_BY = {
    "documents": "seq, doc_id",
    "communities": "community_id",
    "sections": "doc_id, id",
    "facts": "doc_id, id",
    "activities": "doc_id, id",
    "flags": 'doc_id, "start", code, "end", message',
    "errors": "path, stage, reason",
    "indicator_values": "community_id, year NULLS FIRST, period NULLS FIRST, indicator",
}

# Rows of these tables come from one document and are written with it, in one transaction.
DOCUMENT_TABLES = ("documents", "sections", "facts", "activities", "flags")
# Derived from the document tables at the end of every run.
DERIVED_TABLES = ("communities", "indicator_values")


def column_names(table: str) -> tuple[str, ...]:
    return tuple(c.name for c in TABLES[table])


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([pa.field(c.name, c.arrow) for c in TABLES[table]])


def added_columns(table: str) -> list[str]:
    """The statements that give a store made by an earlier version the columns added since (a column
    added later is null in the rows written before it).

    >>> added_columns("errors")[0]
    'ALTER TABLE errors ADD COLUMN IF NOT EXISTS "path" VARCHAR'
    """
    return [f'ALTER TABLE {table} ADD COLUMN IF NOT EXISTS "{c.name}" {c.sql}' for c in TABLES[table]]


def create_statement(table: str) -> str:
    """The DuckDB DDL of one table.

    >>> create_statement("errors")
    'CREATE TABLE IF NOT EXISTS errors ("path" VARCHAR, "reason" VARCHAR, "stage" VARCHAR, "at" TIMESTAMP, "doc_id" VARCHAR, "engine" VARCHAR)'
    """
    columns = ", ".join(f'"{c.name}" {c.sql}' for c in TABLES[table])
    key = ', PRIMARY KEY ("doc_id")' if table == "documents" else ""
    return f"CREATE TABLE IF NOT EXISTS {table} ({columns}{key})"
