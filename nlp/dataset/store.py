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

from nlp.dataset.communities import COMMUNITIES_SQL
from nlp.dataset.indicator_values import INDICATOR_VALUES_SQL
from nlp.dataset.schema import DOCUMENT_TABLES, TABLES, arrow_schema, column_names, create_statement
from nlp.errors import ZongjieError

STORE_FILE = "zongjie.duckdb"


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
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.con = _connect(self.path, read_only)
        if not read_only:
            for table in TABLES:
                self.con.execute(create_statement(table))

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def engines(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """The engine that parsed each of ``doc_ids`` already in the store."""
        ids = pa.table({"doc_id": pa.array(list(doc_ids), type=pa.string())})
        self.con.register("wanted_ids", ids)
        try:
            found = self.con.execute(
                "SELECT doc_id, engine FROM documents WHERE doc_id IN (SELECT doc_id FROM wanted_ids)"
            ).fetchall()
        finally:
            self.con.unregister("wanted_ids")
        return dict(found)

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
        """Rebuild the derived tables (communities, indicator_values) from the documents."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute(COMMUNITIES_SQL)
            self.con.execute(INDICATOR_VALUES_SQL)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("CHECKPOINT")

    def count(self, table: str) -> int:
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])

    def frame(self, table: str, order: bool = True):
        """One table as a pandas DataFrame, in a stable row order."""
        if table not in TABLES:
            raise StoreError(f"no table {table!r}; the tables are {', '.join(TABLES)}.")
        names = column_names(table)
        keys = ", ".join(f'"{c}"' for c in names if not TABLES[table][names.index(c)].sql.endswith("[]"))
        sql = f"SELECT * FROM {table}" + (f" ORDER BY {keys}" if order else "")
        return self.con.execute(sql).df()


def load(out: str | Path) -> dict:
    """Every table of a dataset as pandas DataFrames: ``{"documents": df, "facts": df, …}``.

    >>> tables = load("dataset.duckdb")  # doctest: +SKIP
    >>> tables["indicator_values"].query("indicator == 'party_members'")  # doctest: +SKIP
    """
    with Store(out, read_only=True) as store:
        return {table: store.frame(table) for table in TABLES}
