"""The dataset on disk: one DuckDB file, written a batch of whole documents per transaction.

``OUT`` ending in ``.duckdb`` is the file; any other ``OUT`` is a folder holding
``zongjie.duckdb``. A batch's documents are written in one transaction with all their rows, so a
process killed at any moment leaves every document either complete or absent (DuckDB replays its
write-ahead log for committed transactions only). DuckDB locks the file for one writing process: a
second writer gets ``StoreInUse``, a clear sentence, instead of a corrupt store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyarrow as pa

from nlp.dataset.communities import COMMUNITIES_SQL, RESOLVE_SQL
from nlp.dataset.indicator_values import INDICATOR_VALUES_SQL
from nlp.dataset.schema import (
    DOCUMENT_TABLES,
    ORDER_BY,
    TABLES,
    added_columns,
    arrow_schema,
    column_names,
    create_statement,
)
from nlp.errors import ZongjieError

STORE_FILE = "zongjie.duckdb"
# DuckDB's own cache and the rebuilding of the derived tables stay under this, spilling to disk
# beside the store beyond it, so memory does not grow with the archive.
MEMORY_LIMIT = "1GB"


class StoreError(ZongjieError):
    """The store cannot be opened or written."""


class StoreInUse(StoreError):
    """Another process holds the store."""


def store_path(out: str | Path) -> Path:
    """The DuckDB file of a dataset named ``out``.

    >>> store_path("d.duckdb").name, store_path("dataset").as_posix()
    ('d.duckdb', 'dataset/zongjie.duckdb')
    """
    out = Path(out)
    return out if out.suffix == ".duckdb" else out / STORE_FILE


def _connect(path: Path, read_only: bool):
    import duckdb

    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        text = str(exc)
        if "lock" in text.lower():
            pid = re.search(r"PID (\d+)", text)
            who = f" (process {pid.group(1)})" if pid else ""
            raise StoreInUse(
                f"{path} is in use by another zongjie run{who}; wait for it to finish or choose another output."
            ) from None
        raise StoreError(f"{path}: cannot open the dataset ({text.splitlines()[0]}).") from None
    except duckdb.Error as exc:
        raise StoreError(f"{path}: not a zongjie dataset ({str(exc).splitlines()[0]}).") from None


def arrow_rows(table: str, rows: Sequence[tuple]) -> pa.Table:
    schema = arrow_schema(table)
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in schema]
    return pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(columns, schema, strict=True)], schema=schema)


class Store:
    """A dataset opened for writing (the default) or reading."""

    def __init__(self, out: str | Path, read_only: bool = False) -> None:
        self.path = store_path(out)
        if read_only and not self.path.is_file():
            raise StoreError(f"{self.path}: no dataset here; build one with `zongjie extract PATH -o {out}`.")
        if not read_only:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError:
                raise StoreError(
                    f"{out}: cannot hold a dataset (it is a file); name a .duckdb file or a folder."
                ) from None
        self.con = _connect(self.path, read_only)
        self.con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        self.con.execute("SET preserve_insertion_order = false")
        if not read_only:
            # One transaction: a run killed while creating the store leaves all tables or none.
            self.con.execute("BEGIN TRANSACTION")
            for table in TABLES:
                self.con.execute(create_statement(table))
                for statement in added_columns(table):  # a store of an earlier version gains the new columns
                    self.con.execute(statement)
            self.con.execute("COMMIT")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stored(self, doc_ids: Iterable[str]) -> dict[str, tuple[str, str | None, int]]:
        """For each of ``doc_ids`` already in the store: the engine that parsed it, its manifest cells, its seq."""
        ids = pa.table({"doc_id": pa.array(list(doc_ids), type=pa.string())})
        self.con.register("wanted_ids", ids)
        try:
            found = self.con.execute(
                "SELECT doc_id, engine, manifest, seq FROM documents WHERE doc_id IN (SELECT doc_id FROM wanted_ids)"
            ).fetchall()
        finally:
            self.con.unregister("wanted_ids")
        return {doc_id: (engine, cells, seq) for doc_id, engine, cells, seq in found}

    def next_seq(self) -> int:
        return int(self.con.execute("SELECT coalesce(max(seq), -1) + 1 FROM documents").fetchall()[0][0])

    def write(self, tables: dict[str, pa.Table | Sequence[tuple]], replaced: Sequence[str] = ()) -> None:
        """Write whole documents and error rows in one transaction.

        ``tables`` maps a table name to rows (tuples in column order) or an Arrow table.
        ``replaced`` are doc_ids whose old rows go (re-extracted with ``--refresh``); the errors
        recorded earlier for every path written now are dropped, so each input has one outcome.
        """
        batch = {name: rows if isinstance(rows, pa.Table) else arrow_rows(name, rows) for name, rows in tables.items()}
        paths = [
            p for name in ("documents", "errors") if name in batch for p in batch[name].column("path").to_pylist()
        ]
        paths += [p.partition("!")[0] for p in paths if "!" in p]  # an archive that failed as a whole
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._delete("path", paths, ("errors",))
            self._delete("doc_id", replaced, DOCUMENT_TABLES)
            for name, table in batch.items():
                if table.num_rows:
                    self.con.register("batch", table)
                    names = ", ".join(f'"{c}"' for c in column_names(name))
                    self.con.execute(f"INSERT INTO {name} ({names}) SELECT {names} FROM batch")
                    self.con.unregister("batch")
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def _delete(self, column: str, values: Sequence[str], tables: Iterable[str]) -> None:
        if not values:
            return
        self.con.register("gone", pa.table({column: pa.array(list(values), type=pa.string())}))
        for table in tables:
            self.con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT {column} FROM gone)")
        self.con.unregister("gone")

    def finalize(self) -> None:
        """File street-less documents (``RESOLVE_SQL``), rebuild communities and indicator_values."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            for statement in RESOLVE_SQL:
                self.con.execute(statement)
            self.con.execute(COMMUNITIES_SQL)
            self.con.execute(INDICATOR_VALUES_SQL)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("CHECKPOINT")

    def count(self, table: str) -> int:
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])

    def frame(self, table: str):
        """One table as a pandas DataFrame, rows in the table's order (``schema.ORDER_BY``)."""
        if table not in TABLES:
            raise StoreError(f"no table {table!r}; the tables are {', '.join(TABLES)}.")
        if not self._has(table):  # a first run killed before it made the store: nothing stored yet
            return arrow_rows(table, []).to_pandas()
        return self.con.execute(f"SELECT * FROM {table} ORDER BY {ORDER_BY[table]}").df()

    def _has(self, table: str) -> bool:
        found = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [table]
        ).fetchall()
        return bool(found[0][0])


def load(out: str | Path, tables: Iterable[str] | None = None) -> dict:
    """The tables of a dataset as pandas DataFrames: ``{"documents": df, "facts": df, …}``.

    ``tables`` names the ones wanted (default: all eight), so a large store's facts need not be read
    to compare its ``indicator_values``.

    >>> tables = load("dataset.duckdb", tables=["indicator_values", "communities"])  # doctest: +SKIP
    >>> tables["indicator_values"].query("indicator == 'party_members'")  # doctest: +SKIP
    """
    with Store(out, read_only=True) as store:
        return {table: store.frame(table) for table in (TABLES if tables is None else tables)}
