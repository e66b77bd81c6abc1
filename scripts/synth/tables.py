"""Small helpers for column tables (dicts of equal-length numpy arrays) and dates."""
from __future__ import annotations

import numpy as np

Table = dict[str, np.ndarray]

NEVER = np.int32(2**31 - 1)  # "no date": an end that never comes


def concat(parts: list[Table]) -> Table:
    """Row-bind tables with the same columns (an empty list gives {})."""
    parts = [p for p in parts if p and len(next(iter(p.values())))]
    if not parts:
        return {}
    return {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}


def take(table: Table, rows: np.ndarray) -> Table:
    """Rows of a table by index or mask."""
    return {k: v[rows] for k, v in table.items()}


def n_rows(table: Table) -> int:
    return len(next(iter(table.values()))) if table else 0


_MONTHS = np.arange("1800-01", "2200-01", dtype="datetime64[M]")
_MONTH_START = _MONTHS.astype("datetime64[D]").astype(np.int64)  # day number of each month start
_DAY0 = int(_MONTH_START[0])
_MONTH_OF_DAY = np.repeat(np.arange(len(_MONTHS) - 1), np.diff(_MONTH_START)).astype(np.int32)


def _month_of(days: np.ndarray) -> np.ndarray:
    return _MONTH_OF_DAY[np.asarray(days, dtype=np.int64) - _DAY0]


def add_years(days: np.ndarray, years: int | np.ndarray) -> np.ndarray:
    """Same calendar day ``years`` later (29 February gives 1 March)."""
    days = np.asarray(days, dtype=np.int64)
    month = _month_of(days)
    return (_MONTH_START[month + 12 * np.asarray(years)] + days - _MONTH_START[month]).astype(np.int32)


def age_years(birth: np.ndarray, day: np.ndarray | int) -> np.ndarray:
    """Completed years of age on ``day``."""
    birth = np.asarray(birth, dtype=np.int64)
    day = np.broadcast_to(np.asarray(day, dtype=np.int64), birth.shape)
    mb, md = _month_of(birth), _month_of(day)
    months = md - mb - ((day - _MONTH_START[md]) < (birth - _MONTH_START[mb]))
    return months // 12


_FOUR_DIGITS = np.array([f"{i:04d}" for i in range(10_000)], dtype="S4").view(np.uint8).reshape(-1, 4)


def digits(values: np.ndarray, width: int | None = None) -> np.ndarray:
    """Non-negative integers as ASCII bytes, zero-padded to ``width`` if given
    (four digits at a time from a lookup table: much faster than ``astype("S")``)."""
    values = np.asarray(values, dtype=np.int64).ravel()
    if values.size and values.min() < 0:
        raise ValueError("digits() takes non-negative integers")
    w = width if width is not None else (len(str(int(values.max()))) if values.size else 1)
    groups = -(-w // 4)
    mat = np.empty((values.size, 4 * groups), dtype=np.uint8)
    rest = values.copy()
    for g in range(groups - 1, -1, -1):
        mat[:, 4 * g:4 * g + 4] = _FOUR_DIGITS[rest % 10_000]
        rest //= 10_000
    mat = mat[:, 4 * groups - w:]
    if width is None and w > 1:  # drop leading zeros: shift each row by its length
        n_digits = np.ones(values.size, dtype=np.int8)
        for k in range(1, w):
            n_digits += values >= 10**k
        out = np.zeros_like(mat)
        for d in range(1, w + 1):
            sel = np.flatnonzero(n_digits == d)
            out[sel, :d] = mat[sel, w - d:]
        mat = out
    return np.ascontiguousarray(mat).view(f"S{w}").ravel()


def draw_rows(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One categorical draw per row of a (n, k) probability matrix."""
    u = rng.random(len(probs))
    cum = np.cumsum(probs, axis=1)
    cum /= cum[:, -1:]
    return np.minimum((cum < u[:, None]).sum(axis=1), probs.shape[1] - 1)


def rank_within(keys: np.ndarray, order_key: np.ndarray) -> np.ndarray:
    """0-based position of each row among rows with the same key, ordered by
    ``order_key`` (ties keep row order)."""
    order = np.lexsort((np.arange(len(keys)), order_key, keys))
    sorted_keys = keys[order]
    start = np.ones(len(keys), dtype=bool)
    start[1:] = sorted_keys[1:] != sorted_keys[:-1]
    group_start = np.maximum.accumulate(np.where(start, np.arange(len(keys)), 0))
    out = np.empty(len(keys), dtype=np.int64)
    out[order] = np.arange(len(keys)) - group_start
    return out
