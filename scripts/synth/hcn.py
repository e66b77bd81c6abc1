"""Health and Care Numbers: modulus 11 check digit, NI range, issue and forms.

Valid HCNs are issued by a bijection from an integer id, so every person gets a
distinct number without any lookup. The id space is the 8-digit prefixes
32000001..39999999 times the 9 ninth digits that do not give a check value of
10 (such numbers are never issued).
"""
from __future__ import annotations

import re

import numpy as np

WEIGHTS = np.arange(10, 1, -1)  # 10..2 on the first nine digits
NI_LOW, NI_HIGH = 320_000_001, 399_999_999
_PREFIX_LOW, _PREFIX_HIGH = 32_000_001, 39_999_999
N_PREFIX = _PREFIX_HIGH - _PREFIX_LOW + 1
ID_SPACE = N_PREFIX * 9
_MULT = 7_919_003  # coprime with ID_SPACE: scrambles the id -> number map
_OFFSET = 12_345_677


def check_digit(nine: np.ndarray) -> np.ndarray:
    """Modulus 11 check value of nine-digit numbers (10 means no valid HCN)."""
    nine = np.asarray(nine, dtype=np.int64)
    total = np.zeros(nine.shape, dtype=np.int64)
    rest = nine.copy()
    for w in range(2, 11):  # last digit has weight 2
        total += (rest % 10) * w
        rest //= 10
    check = 11 - total % 11
    return np.where(check == 11, 0, check)


def issue(ids: np.ndarray) -> np.ndarray:
    """Distinct valid HCNs (as int64 ten-digit numbers) for distinct ids."""
    ids = np.asarray(ids, dtype=np.int64)
    if ids.size and (ids.min() < 0 or ids.max() >= ID_SPACE):
        raise ValueError(f"HCN ids must be in [0, {ID_SPACE}); the scale is too large")
    q = (ids * _MULT + _OFFSET) % ID_SPACE
    prefix = _PREFIX_LOW + q // 9
    k = q % 9
    partial = np.zeros(prefix.shape, dtype=np.int64)
    rest = prefix.copy()
    for w in range(3, 11):
        partial += (rest % 10) * w
        rest //= 10
    # ninth digit d (weight 2) gives check 10 when 2d = 1 - partial (mod 11)
    bad = ((1 - partial) * 6) % 11  # 6 is the inverse of 2 mod 11
    digit = k + ((bad <= 9) & (k >= bad))
    nine = prefix * 10 + digit
    return nine * 10 + check_digit(nine)


def with_failed_check(hcn: np.ndarray, shift: np.ndarray) -> np.ndarray:
    """Same first nine digits, a wrong last digit (shift in 1..9)."""
    nine = hcn // 10
    return nine * 10 + (hcn % 10 + shift) % 10


def out_of_range(hcn: np.ndarray, first_digit: np.ndarray) -> np.ndarray:
    """Replace the leading 3 by another digit; the check digit is recomputed."""
    nine = hcn // 10 - 300_000_000 + first_digit.astype(np.int64) * 100_000_000
    check = check_digit(nine)
    return nine * 10 + np.where(check == 10, 0, check)


_NON_DIGIT = re.compile(r"[ \-]")


def is_valid(value: str) -> bool:
    """The contract's rule: 10 digits after removing spaces and hyphens, first
    nine in the NI range, and the modulus 11 check digit."""
    digits = _NON_DIGIT.sub("", value)
    if len(digits) != 10 or not digits.isdigit():
        return False
    nine = int(digits[:9])
    if not NI_LOW <= nine <= NI_HIGH:
        return False
    return int(check_digit(np.array([nine]))[0]) == int(digits[9])


def is_valid_array(values: np.ndarray) -> np.ndarray:
    """Vectorised :func:`is_valid` over an array of str or bytes."""
    text = np.asarray(values).astype("U")
    cleaned = np.strings.replace(np.strings.replace(text, " ", ""), "-", "")
    ok = (np.strings.str_len(cleaned) == 10) & np.strings.isdigit(cleaned)
    number = np.where(ok, cleaned, "0").astype(np.int64)
    nine = number // 10
    ok &= (nine >= NI_LOW) & (nine <= NI_HIGH)
    return ok & (check_digit(nine) == number % 10)
