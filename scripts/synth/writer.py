"""Deterministic CSV writing from columns of bytes.

Values are joined with commas; a value holding a comma or a double quote is
quoted (``"`` doubled inside). Lines end with ``\\n``. Rows are assembled in a
byte matrix (fixed-width columns, NUL padding removed), so writing is fully
vectorised. With gzip the header carries no file name or time, so the output
is byte-identical across runs.
"""
from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np

CHUNK = 500_000
COMMA, NEWLINE, QUOTE = ord(","), ord("\n"), ord('"')


def _bytes(col: np.ndarray) -> np.ndarray:
    col = np.asarray(col)
    return col if col.dtype.kind == "S" else col.astype("S")


def quote(col: np.ndarray) -> np.ndarray:
    """Quote the values that need it; refuse values holding a newline."""
    col = _bytes(col)
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


def write_csv(path: Path, header: list[str], columns: list[np.ndarray], compress: bool = False,
              malformed: np.ndarray | None = None) -> int:
    """Write a CSV; ``malformed`` marks rows written with a wrong number of
    fields (odd rows lose their last field, even rows get an extra one).
    Returns the number of data lines."""
    n = len(columns[0]) if columns else 0
    cols = [quote(c) for c in columns]
    bad = np.zeros(n, dtype=bool) if malformed is None else np.asarray(malformed, dtype=bool)
    short = bad & (np.arange(n) % 2 == 1)
    if bad.any():
        last = cols[-1]
        cols[-1] = np.where(short, b"", np.where(bad, np.strings.add(last, b",X"), last))
    with open(path, "wb") as base:
        f = gzip.GzipFile(filename="", mode="wb", fileobj=base, mtime=0) if compress else base
        f.write((",".join(header) + "\n").encode())
        for lo in range(0, n, CHUNK):
            hi = min(n, lo + CHUNK)
            f.write(_lines([c[lo:hi] for c in cols], short[lo:hi]))
        if compress:
            f.close()
    return n
