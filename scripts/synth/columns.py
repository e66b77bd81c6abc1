"""Text columns kept as small integer arrays and formatted only when written.

A recorded module can have tens of millions of rows; holding every value as
bytes would take several times the memory of the integers it is made from.
Each column here holds compact integers, ``take(rows)`` selects rows (still
compact) and ``col[rows]`` (rows a slice, index array or mask) gives the text
of those rows as a bytes array. ``np.asarray(col)`` formats the whole column.
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Protocol

import numpy as np

from .tables import digits

P31 = 2**31 - 1  # a prime: tokens are (multiplier * (key + 1)) mod P31


class Column(Protocol):
    """What the CSV writer needs of a column."""

    def __len__(self) -> int: ...

    def __getitem__(self, rows: slice | np.ndarray) -> np.ndarray: ...


class _Compact:
    """Shared behaviour: every array field has one value per row."""

    def _arrays(self) -> dict[str, np.ndarray]:
        return {f.name: getattr(self, f.name) for f in fields(self)
                if isinstance(getattr(self, f.name), np.ndarray) and f.name not in self._shared}

    _shared: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(next(iter(self._arrays().values())))

    def take(self, rows: slice | np.ndarray):
        """The same column for the given rows only (no formatting)."""
        kw = {f.name: getattr(self, f.name) for f in fields(self)}
        kw.update({k: v[rows] for k, v in self._arrays().items()})
        return type(self)(**kw)

    def format(self, part) -> np.ndarray:
        raise NotImplementedError

    def __getitem__(self, rows: slice | np.ndarray) -> np.ndarray:
        return self.format(self.take(rows))

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        out = self.format(self)
        return out if dtype is None else out.astype(dtype)


@dataclass
class Text(_Compact):
    """Values already formatted."""

    values: np.ndarray

    def format(self, part: Text) -> np.ndarray:
        return np.asarray(part.values, dtype="S") if part.values.dtype.kind != "S" else part.values


@dataclass
class Lookup(_Compact):
    """An index into a vocabulary of byte strings."""

    index: np.ndarray
    vocab: np.ndarray
    _shared = ("vocab",)

    def format(self, part: Lookup) -> np.ndarray:
        return self.vocab[part.index]


@dataclass
class Number(_Compact):
    """Integers in decimal (zero-padded to ``width`` if given); a negative value
    -k is written as ``special[k - 1]`` (e.g. blank or a bad value)."""

    values: np.ndarray
    width: int | None = None
    special: tuple[bytes, ...] = (b"",)

    def format(self, part: Number) -> np.ndarray:
        v = np.asarray(part.values, dtype=np.int64)
        out = digits(np.maximum(v, 0), self.width)
        neg = v < 0
        if neg.any():
            out = np.where(neg, np.array(self.special)[np.clip(-v - 1, 0, len(self.special) - 1)], out)
        return out


def token(key: np.ndarray, multiplier: int, prefix: bytes, width: int = 10) -> np.ndarray:
    """Anonymised identifier: a bijective scramble of a non-negative key."""
    key = np.asarray(key, dtype=np.int64)
    if key.size and key.max() >= P31 - 1:
        raise ValueError("identifier key space exhausted; the scale is too large")
    value = (multiplier * (key + 1)) % P31
    return np.strings.add(prefix, digits(value, width))


@dataclass
class Token(_Compact):
    """Anonymised identifiers from non-negative keys; a negative key is blank."""

    key: np.ndarray
    multiplier: int
    prefix: bytes
    width: int = 10

    def __post_init__(self) -> None:
        if len(self.key) and self.key.max() >= P31 - 1:
            raise ValueError("identifier key space exhausted; the scale is too large")

    def format(self, part: Token) -> np.ndarray:
        out = token(np.maximum(part.key, 0), self.multiplier, self.prefix, self.width)
        return np.where(part.key < 0, b"", out) if (part.key < 0).any() else out


#: HCN layouts: ten digits, ``ddd ddd dddd``, ``ddd-ddd-dddd``
PLAIN, SPACED, HYPHEN = 0, 1, 2


@dataclass
class HcnText(_Compact):
    """A number written with ``width`` digits (0 = blank, fewer than 10 = the
    number is short) in one of the layouts PLAIN, SPACED or HYPHEN."""

    number: np.ndarray
    width: np.ndarray
    layout: np.ndarray

    def format(self, part: HcnText) -> np.ndarray:
        n = len(part.number)
        ten = digits(np.maximum(part.number, 0), 10).view(np.uint8).reshape(n, 10)
        out = np.zeros((n, 12), dtype=np.uint8)
        full = part.width == 10
        plain = full & (part.layout == PLAIN)
        out[plain, :10] = ten[plain]
        for layout, sep in ((SPACED, ord(" ")), (HYPHEN, ord("-"))):
            sel = full & (part.layout == layout)
            rows = ten[sel]
            out[sel, 0:3], out[sel, 4:7], out[sel, 8:12] = rows[:, 0:3], rows[:, 3:6], rows[:, 6:10]
            out[sel, 3] = out[sel, 7] = sep
        for w in np.unique(part.width[(part.width > 0) & ~full]):
            sel = part.width == w
            out[sel, :w] = ten[sel, 10 - w:]
        return out.view("S12").ravel()


@dataclass
class Blanked(_Compact):
    """Another column with some rows blank."""

    column: _Compact
    blank: np.ndarray

    def __len__(self) -> int:
        return len(self.blank)

    def take(self, rows: slice | np.ndarray) -> Blanked:
        return Blanked(self.column.take(rows), self.blank[rows])

    def format(self, part: Blanked) -> np.ndarray:
        out = part.column.format(part.column)
        return np.where(part.blank, b"", out) if part.blank.any() else out


def as_column(values) -> _Compact:
    """A column from a bytes array (or a column)."""
    return values if isinstance(values, _Compact) else Text(np.asarray(values))
