"""Deterministic CSV writing from text columns, a chunk of rows at a time.

Columns are bytes arrays or :mod:`columns` objects that format their rows
only when asked, so memory holds one chunk of text at a time. Values are
joined with commas; a value holding a comma or a double quote is quoted
(``"`` doubled inside). Lines end with ``\\n``. Rows are assembled in a byte
matrix (fixed-width columns, NUL padding removed), so writing is fully
vectorised. With gzip the header carries no file name or time, so the output
is byte-identical across runs.
"""
from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np

from .columns import Column

CHUNK = 500_000
COMMA, NEWLINE, QUOTE = ord(","), ord("\n"), ord('"')


def quote(col: np.ndarray) -> np.ndarray:
    """Quote the values that need it; refuse values holding a newline."""
    col = np.asarray(col)
    col = col if col.dtype.kind == "S" else col.astype("S")
    raw = col.view(np.uint8)
    if (raw == NEWLINE).any():
        raise ValueError("a value holds a newline; every record must be one line")
    if not ((raw == COMMA) | (raw == QUOTE)).any():
        return col
    needs = (np.strings.find(col, b",") >= 0) | (np.strings.find(col, b'"') >= 0)
    quoted = np.strings.add(np.strings.add(b'"', np.strings.replace(col, b'"', b'""')), b'"')
    return np.where(needs, quoted, col)


def _lines(cols: list[np.ndarray], short: np.ndarray) -> bytes:
    """Join one chunk of columns into lines; ``short`` rows lose their last field."""
    n = len(cols[0])
    widths = [max(c.dtype.itemsize, 1) for c in cols]
    mat = np.zeros((n, sum(widths) + len(cols)), dtype=np.uint8)
    pos = 0
    for i, (c, w) in enumerate(zip(cols, widths)):
        if c.dtype.itemsize:
            mat[:, pos:pos + w] = np.ascontiguousarray(c).view(np.uint8).reshape(n, w)
        pos += w
        if i == len(cols) - 2:
            mat[:, pos] = np.where(short, 0, COMMA)
        else:
            mat[:, pos] = NEWLINE if i == len(cols) - 1 else COMMA
        pos += 1
    flat = mat.ravel()
    return flat[flat != 0].tobytes()


class CsvWriter:
    """One CSV file written in batches: ``with CsvWriter(...) as w: w.write(cols)``."""

    def __init__(self, path: Path, header: list[str], compress: bool = False) -> None:
        self._base = open(path, "wb")
        self._f = gzip.GzipFile(filename="", mode="wb", fileobj=self._base, mtime=0) if compress else self._base
        self._f.write((",".join(header) + "\n").encode())
        self.rows = 0

    def write(self, columns: list[np.ndarray | Column], malformed: np.ndarray | None = None) -> int:
        """Append rows; ``malformed`` marks rows written with a wrong number of
        fields (odd line numbers lose their last field, even ones get an extra
        one). Returns the number of rows written."""
        n = len(columns[0]) if columns else 0
        for lo in range(0, n, CHUNK):
            hi = min(n, lo + CHUNK)
            cols = [quote(c[lo:hi]) for c in columns]
            bad = np.zeros(hi - lo, dtype=bool) if malformed is None else np.asarray(malformed[lo:hi], dtype=bool)
            short = bad & ((self.rows + np.arange(lo, hi)) % 2 == 1)
            if bad.any():
                last = cols[-1]
                cols[-1] = np.where(short, b"", np.where(bad, np.strings.add(last, b",X"), last))
            self._f.write(_lines(cols, short))
        self.rows += n
        return n

    def close(self) -> None:
        if self._f is not self._base:
            self._f.close()
        self._base.close()

    def __enter__(self) -> CsvWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def write_csv(path: Path, header: list[str], columns: list[np.ndarray | Column], compress: bool = False,
              malformed: np.ndarray | None = None) -> int:
    """Write a whole CSV; returns the number of data lines."""
    with CsvWriter(path, header, compress) as w:
        return w.write(columns, malformed)
